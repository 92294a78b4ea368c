"""A page with one list of records: search, filters, a paged table, new/edit/delete with undo.

Subclasses give the `Listing`, add their filters to `filter_bar`, and implement `new_record()`,
`edit_record(id)` and `delete(id)` (returning the undo action). Everything else is shared:

- search while typing (accent-insensitive, in SQL), Ctrl+F jumps to it;
- the table sorts by the clicked header (in SQL); a right click on the header chooses the columns;
  column choices, order and widths are remembered (QSettings, per list);
- Ctrl+N new, Enter or double click edits, Delete asks and deletes; Ctrl+Z undoes (window-wide);
- an explanation instead of an empty table: nothing recorded yet, or nothing matches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.text import format_number
from antq_desktop.services.listing import ColumnKind, Listing, ListRow
from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.restore import restore_record
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.paged_model import PagedTableModel, display_value

# Texts of these shared widgets are looked up under this class's name: self.tr() in a subclass
# would use the subclass's name and miss the translation.
translate = QCoreApplication.translate

SEARCH_DELAY_MS = 150
DEFAULT_WIDTHS = {
    ColumnKind.TEXT: 140,
    ColumnKind.ENUM: 125,
    ColumnKind.DATE: 95,
    ColumnKind.TIME: 70,
    ColumnKind.DATETIME: 140,
    ColumnKind.NUMBER: 85,
    ColumnKind.MONEY: 110,
    ColumnKind.CITIZEN_ID: 120,
}
"""Widths before the person sets their own (then remembered): enough for a date or a number."""


class ListPage(QWidget):
    row_count_changed = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        changes: Changes,
        listing: Listing,
        *,
        title: str,
        search_hint: str,
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.changes = changes
        self.listing = listing
        self._empty_text = empty_text
        self._loaded_once = False

        heading = QLabel(title)
        heading.setObjectName("heading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(search_hint)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_search)

        self.new_button = QPushButton(translate("ListPage", "Thêm mới (Ctrl+N)"))
        self.new_button.setObjectName("new")
        self.edit_button = QPushButton(translate("ListPage", "Sửa (Enter)"))
        self.edit_button.setObjectName("edit")
        self.delete_button = QPushButton(translate("ListPage", "Xóa (Delete)"))
        self.delete_button.setObjectName("delete")
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.search, 2)

        self.model = PagedTableModel(workspace, listing, self)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # No sort indicator before sorting is enabled: the list opens in the listing's own order
        # (Qt's default indicator would ask for the first column, descending).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555555; padding: 24px;")
        self.empty_label.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.count_label)

        self.model.loaded.connect(self._loaded)
        self.model.first_rows.connect(self._first_rows)
        self.model.failed.connect(self._failed)
        self.changes.changed.connect(self.refresh)
        self._shortcut(QKeySequence.StandardKey.New, self._new_if_editable)
        self._shortcut(QKeySequence.StandardKey.Find, self._focus_search)
        self._shortcut(QKeySequence(Qt.Key.Key_Delete), self.delete_current, table_only=True)
        self._shortcut(QKeySequence(Qt.Key.Key_Return), self.edit_current, table_only=True)
        self._shortcut(QKeySequence(Qt.Key.Key_Enter), self.edit_current, table_only=True)
        self._restore_columns()
        header = self.table.horizontalHeader()
        header.sectionResized.connect(self._save_columns_later)
        header.sectionMoved.connect(self._save_columns_later)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self.save_columns)
        self.editable = allowed(workspace, Permission.EDIT_RECORDS)
        """The signed-in role may add and delete (a leader or viewer only reads; the services
        refuse their changes anyway, this only spares them buttons that cannot work)."""
        self.new_button.setVisible(self.editable)
        self.delete_button.setVisible(self.editable)
        self._update_buttons()

    # --- set-up helpers -------------------------------------------------------------------------

    def _shortcut(
        self, keys: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], Any], *,
        table_only: bool = False,
    ) -> None:  # fmt: skip
        sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
        owner: QWidget = self.table if table_only else self
        shortcut = QShortcut(sequence, owner, slot)
        shortcut.setContext(
            Qt.ShortcutContext.WidgetShortcut
            if table_only
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

    def _settings_key(self) -> str:
        return f"lists/{self.listing.name}/header"

    def _restore_columns(self) -> None:
        header = self.table.horizontalHeader()
        state = QSettings().value(self._settings_key())
        if isinstance(state, QByteArray) and header.restoreState(state):
            return
        for number, column in enumerate(self.listing.columns):
            header.setSectionHidden(number, not column.visible)
            label = str(self.model.headerData(number, Qt.Orientation.Horizontal))
            wanted = 220 if number == 0 else DEFAULT_WIDTHS[column.kind]
            title = header.fontMetrics().horizontalAdvance(label) + 24  # never cut the title
            self.table.setColumnWidth(number, max(wanted, min(title, 240)))

    def _save_columns_later(self, *_: object) -> None:
        self._save_timer.start()

    def save_columns(self) -> None:
        QSettings().setValue(self._settings_key(), self.table.horizontalHeader().saveState())

    def _column_menu(self, point: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        visible = [n for n in range(header.count()) if not header.isSectionHidden(n)]
        for number in range(header.count()):
            action = QAction(str(self.model.headerData(number, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(number))
            action.setEnabled(not (len(visible) == 1 and number in visible))
            action.toggled.connect(lambda on, n=number: self.set_column_visible(n, on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(point))

    def set_column_visible(self, number: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(number, not visible)
        self.save_columns()

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again (after a change anywhere, or when the page is shown)."""
        self.model.reload()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        if self.model.request.query != self.search.text():
            self.model.set_query(self.search.text())

    def set_filter(self, key: str, value: Any) -> None:
        """Filter the list; nothing is read again when the value is the one already applied (a
        filter combo announces its choice again when it fills itself)."""
        if self.model.request.filters.get(key) == value:
            return
        self.model.set_filter(key, value)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _loaded(self, count: int) -> None:
        self._loaded_once = True
        filtered = bool(self.model.request.query.strip()) or any(
            value not in (None, "") for value in self.model.request.filters.values()
        )
        if count == 0:
            self.empty_label.setText(
                translate(
                    "ListPage",
                    "Không có dòng nào khớp với từ khóa và bộ lọc. Hãy thử từ khóa khác.",
                )
                if filtered
                else self._empty_text
            )
        self.empty_label.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self.count_label.setText(
            translate("ListPage", "{count} dòng").format(
                count=format_number(count, i18n.language())
            )
        )
        self.row_count_changed.emit(count)
        self._update_buttons()

    def _first_rows(self, shown: int) -> None:
        self.empty_label.hide()
        self.table.show()
        self.count_label.setText(
            translate("ListPage", "{count}+ dòng, đang đếm…").format(
                count=format_number(shown, i18n.language())
            )
        )
        self._update_buttons()

    def _failed(self, text: str) -> None:
        self.empty_label.setText(text)
        self.empty_label.show()
        self.table.hide()

    # --- the current row ----------------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.record_id(index.row())

    def select_first(self) -> None:
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
            self.table.setFocus()

    def _update_buttons(self, *_: object) -> None:
        has_row = self.current_id() is not None
        self.edit_button.setEnabled(has_row)
        self.delete_button.setEnabled(has_row)

    def _new_if_editable(self) -> None:
        if self.editable:
            self.new_record()

    def edit_current(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self.edit_record(record_id)

    def delete_current(self) -> None:
        if not self.editable:
            return
        record_id = self.current_id()
        if record_id is None:
            return
        row = self.model.row(self.table.currentIndex().row())
        name = self.describe(row) if row is not None else ""
        answer = QMessageBox.question(
            self,
            translate("ListPage", "Xóa"),
            translate("ListPage", "Xóa {name}? Có thể hoàn tác bằng Ctrl+Z.").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete, restore = self.delete_actions(record_id)
        self.changes.push(
            translate("ListPage", "Xóa {name}").format(name=name),
            delete,
            restore,
            already_done=False,
        )

    # --- what a subclass provides ---------------------------------------------------------------

    def new_record(self) -> None:
        raise NotImplementedError

    def edit_record(self, record_id: str) -> None:
        raise NotImplementedError

    record_kind = ""
    """The model name `services.restore` knows the records by ("Program", "Group", …)."""

    def remove(self, record_id: str) -> None:
        """Delete (tombstone) the record through its service; runs on the database worker."""
        raise NotImplementedError

    def delete_actions(self, record_id: str) -> tuple[Callable[[], Any], Callable[[], Any]]:
        """The calls that delete the record and that bring it back (for undo)."""
        workspace, kind = self.workspace, self.record_kind
        return (
            lambda: self.remove(record_id),
            lambda: restore_record(workspace, kind, record_id),
        )

    def push_created(self, text: str, record_id: str) -> None:
        """Put a record just created by an editor on the undo stack: undo deletes it."""
        delete, restore = self.delete_actions(record_id)
        self.changes.push(text, restore, delete)

    def push_edited(
        self,
        text: str,
        record_id: str,
        update: Callable[[Workspace, str, Any], Any],
        old: Any,
        new: Any,
    ) -> None:
        """Put an edit just saved by an editor on the undo stack: `update(workspace, id, old)`
        undoes it, `update(workspace, id, new)` does it again."""
        workspace = self.workspace
        self.changes.push(
            text,
            lambda: update(workspace, record_id, new),
            lambda: update(workspace, record_id, old),
        )

    def describe(self, row: ListRow) -> str:
        """How the delete question and the undo entry name the row (its first column)."""
        first = self.listing.columns[0]
        return display_value(first.kind, row.values[0], i18n.language())

    def index_of(self, record_id: str) -> QModelIndex:
        for number in range(self.model.rowCount()):
            if self.model.record_id(number) == record_id:
                return self.model.index(number, 0)
        return QModelIndex()
