"""A small table of the records of one case, with Add / Edit / Remove and undo.

A case has tens of helpers, follow-ups or supports, not millions: the rows are read whole, on the
worker. Adding, editing and removing save at once through the services and go on the window's
undo stack like every other change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.validation import format_date
from antq_desktop.services.restore import restore_record
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.paged_model import ID_ROLE
from antq_desktop.ui.record_dialog import RecordDialog
from antq_desktop.ui.worker import run_task

# Texts of the shared buttons are looked up under "CaseSubTable" (self.tr() would use the subclass).
translate = QCoreApplication.translate

OVERDUE_COLOR = QColor("#c62828")
AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


def date_text(day: date | None) -> str:
    return format_date(day) if day is not None else ""


class RowsModel(QAbstractTableModel):
    """A few records (frozen views with an `id`) shown as rows; `cells(view)` gives the texts,
    `overdue(row, column)` says which cells to show in red."""

    def __init__(
        self,
        headers: list[str],
        cells: Callable[[Any], list[str]],
        overdue: Callable[[int, int], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._cells = cells
        self._overdue = overdue
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        view = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(view)[index.column()]
        if role == ID_ROLE:
            return view.id
        overdue = self._overdue
        if role == Qt.ItemDataRole.ForegroundRole and overdue is not None:
            return QBrush(OVERDUE_COLOR) if overdue(index.row(), index.column()) else None
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CaseSubTable(QWidget):
    """A table of one kind of record of a case with Add / Edit / Remove buttons.

    A subclass gives `headers()`, `cells()`, `fetch()` (on the worker), `editor()`, and the
    service calls behind remove / restore / update for undo."""

    restore_kind = ""
    remove_record: Callable[[Workspace, str], None]
    """The service call that removes one (a plain function: undo may run after the tab closed)."""
    update_record: Callable[[Workspace, str, Any], Any]

    def __init__(
        self, workspace: Workspace, changes: Changes, case_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.changes = changes
        self.case_id = case_id
        self.dialog: RecordDialog | None = None
        self.model = RowsModel(self.headers(), self.cells, self.overdue, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.add_button = QPushButton(translate("CaseSubTable", "Thêm…"))
        self.edit_button = QPushButton(translate("CaseSubTable", "Sửa…"))
        self.remove_button = QPushButton(translate("CaseSubTable", "Xóa"))
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        changes.changed.connect(self.load)

    # --- what a subclass provides -------------------------------------------------------------

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cells(self, view: Any) -> list[str]:
        raise NotImplementedError

    def overdue(self, row: int, column: int) -> bool:
        return False

    def fetch(self) -> list[Any]:
        raise NotImplementedError

    def editor(self, view: Any | None) -> RecordDialog:
        raise NotImplementedError

    def describe(self, view: Any) -> str:
        raise NotImplementedError

    def as_input(self, view: Any) -> Any:
        raise NotImplementedError

    def show_summary(self) -> None:
        self.summary.clear()

    # --- shared behaviour ---------------------------------------------------------------------

    def load(self) -> None:
        run_task(self.fetch, self._arrived, lambda _error: None, owner=self)

    def _arrived(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.show_summary()

    def current(self) -> Any | None:
        index = self.table.currentIndex()
        if not index.isValid() or not 0 <= index.row() < len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def edit_current(self) -> None:
        view = self.current()
        if view is not None:
            self.open_editor(view)

    def open_editor(self, view: Any | None) -> None:
        dialog = self.editor(view)
        dialog.saved.connect(lambda saved: self._record_save(view, saved))
        dialog.open()
        self.dialog = dialog

    def _record_save(self, before: Any | None, after: Any) -> None:
        workspace, kind, record_id = self.workspace, self.restore_kind, after.id
        remove, update = type(self).remove_record, type(self).update_record
        what = self.describe(after)
        if before is None:
            self.changes.push(
                translate("CaseSubTable", "Thêm {what}").format(what=what),
                lambda: restore_record(workspace, kind, record_id),
                lambda: remove(workspace, record_id),
            )
            return
        old, new = self.as_input(before), self.as_input(after)
        self.changes.push(
            translate("CaseSubTable", "Sửa {what}").format(what=what),
            lambda: update(workspace, record_id, new),
            lambda: update(workspace, record_id, old),
        )

    def remove_current(self) -> None:
        view = self.current()
        if view is None:
            return
        what = self.describe(view)
        answer = QMessageBox.question(
            self,
            translate("CaseSubTable", "Xóa"),
            translate("CaseSubTable", "Xóa {what}? Có thể hoàn tác bằng Ctrl+Z.").format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        workspace, kind, record_id = self.workspace, self.restore_kind, view.id
        remove = type(self).remove_record
        self.changes.push(
            translate("CaseSubTable", "Xóa {what}").format(what=what),
            lambda: remove(workspace, record_id),
            lambda: restore_record(workspace, kind, record_id),
            already_done=False,
        )
