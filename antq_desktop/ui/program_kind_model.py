"""Programs counted by kind, as a table model: one row per kind of `ProgramKind`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from antq_desktop.domain.enums import ProgramKind
from antq_desktop.domain.text import format_number
from antq_desktop.ui import i18n

NO_VALUE = "—"
AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ProgramsByKindModel(QAbstractTableModel):
    """Programs counted by kind: one row per kind, in the order of `ProgramKind`."""

    KIND_COLUMN = 0
    COUNT_COLUMN = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[str, int] = {}

    def set_counts(self, by_kind: dict[str, int]) -> None:
        self.beginResetModel()
        self._counts = dict(by_kind)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(ProgramKind)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(ProgramKind):
            return None
        kind = list(ProgramKind)[index.row()]
        count = self._counts.get(kind.value)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.KIND_COLUMN:
                return kind.label(i18n.language())
            return NO_VALUE if count is None else format_number(count, language=i18n.language())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not count:
            return QBrush(QColor("#808080"))  # kinds the unit does not run recede
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.KIND_COLUMN:
            return self.tr("Loại mô hình")
        if section == self.COUNT_COLUMN:
            return self.tr("Số mô hình")
        return None
