"""The findings of one patrol shift being edited: a small table of category, action, description.

The rows live in the dialog until it saves (they go to the service with the shift). Categories
and actions are kept as their string values (Qt cannot hold a Python enum member safely); the
table shows their labels and edits them with an `EnumCombo`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from antq_desktop.domain.enums import FindingAction, FindingCategory
from antq_desktop.services import fields
from antq_desktop.services.patrol_listing import FINDING_ACTION
from antq_desktop.services.patrols import FindingInput, FindingView
from antq_desktop.ui import i18n
from antq_desktop.ui.choices import EnumCombo

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()

CATEGORY_COLUMN, ACTION_COLUMN, DESCRIPTION_COLUMN = range(3)
_ENUMS: dict[int, type[FindingCategory] | type[FindingAction]] = {
    CATEGORY_COLUMN: FindingCategory,
    ACTION_COLUMN: FindingAction,
}


@dataclass(frozen=True)
class FindingRow:
    category: str = FindingCategory.DISORDER.value
    action: str = FindingAction.REMINDED.value
    description: str = ""

    def as_input(self) -> FindingInput:
        return FindingInput(
            FindingCategory(self.category), FindingAction(self.action), self.description
        )


class FindingsModel(QAbstractTableModel):
    """Editable rows of findings; `findings()` gives them as service input."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FindingRow] = []

    # --- reading and writing the rows as a whole -----------------------------------------------

    def set_findings(self, findings: tuple[FindingView, ...]) -> None:
        self.beginResetModel()
        self._rows = [
            FindingRow(finding.category.value, finding.action.value, finding.description)
            for finding in findings
        ]
        self.endResetModel()

    def findings(self) -> tuple[FindingInput, ...]:
        return tuple(row.as_input() for row in self._rows)

    def add_row(self) -> int:
        number = len(self._rows)
        self.beginInsertRows(_NO_INDEX, number, number)
        self._rows.append(FindingRow())
        self.endInsertRows()
        return number

    def remove_row(self, number: int) -> None:
        if 0 <= number < len(self._rows):
            self.beginRemoveRows(_NO_INDEX, number, number)
            del self._rows[number]
            self.endRemoveRows()

    # --- Qt's model interface -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        value = (row.category, row.action, row.description)[index.column()]
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            enum_type = _ENUMS.get(index.column())
            return enum_type(value).label(i18n.language()) if enum_type is not None else value
        return None

    def setData(  # noqa: N802 (Qt's name)
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        text = str(value) if value is not None else ""
        column = index.column()
        enum_type = _ENUMS.get(column)
        if enum_type is not None and text not in {member.value for member in enum_type}:
            return False
        if column == CATEGORY_COLUMN:
            row = replace(row, category=text)
        elif column == ACTION_COLUMN:
            row = replace(row, action=text)
        else:
            row = replace(row, description=text)
        self._rows[index.row()] = row
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True

    def headerData(  # noqa: N802 (Qt's name)
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if 0 <= section < 3:
            label = (fields.CATEGORY, FINDING_ACTION, fields.DESCRIPTION)[section]
            return label().render(i18n.language())
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable


class FindingDelegate(QStyledItemDelegate):
    """Category and action are chosen from their lists; the description is typed."""

    def createEditor(  # noqa: N802 (Qt's name)
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        enum_type = _ENUMS.get(index.column())
        if enum_type is None:
            return super().createEditor(parent, option, index)
        combo = EnumCombo(enum_type, parent=parent)
        combo.setObjectName(f"finding_editor.{index.column()}")
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        if isinstance(editor, EnumCombo):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(position, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(  # noqa: N802 (Qt's name)
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        if isinstance(editor, EnumCombo):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
