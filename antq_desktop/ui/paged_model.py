"""A table model over a services `Listing` that reads rows in pages, off the GUI thread.

The first page is read and shown first. A longer list then reads the ids of all its rows, in
order (Anki's browser does the same): that gives the row count, and any page, however deep the
person scrolls, is then read by id at once, instead of SQLite skipping rows with OFFSET (seconds
deep in half a million shifts). Only rows on screen are ever read in full. Sorting and filtering
are done by SQL: `sort()` and `set_request()` start over. Pages are kept in a small cache; a page
not read yet shows "…" until it arrives.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import format_date
from antq_desktop.services.listing import PAGE_SIZE, ColumnKind, Listing, ListRequest, ListRow
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.worker import run_task

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The record id of the row (any column)."""
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
"""The raw value of the cell (a date, an enum member, a number)."""
MAX_CACHED_PAGES = 40

AnyIndex = QModelIndex | QPersistentModelIndex
_ROW_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE, VALUE_ROLE)
_NO_INDEX = QModelIndex()


def mask_citizen_id(value: str | None) -> str:
    """`********1234`: enough to tell two people apart, not enough to misuse."""
    if not value:
        return ""
    return "•" * max(len(value) - 4, 0) + value[-4:]


def format_moment(value: dt.datetime) -> str:
    """A moment (UTC, or naive meaning UTC) in the PC's local time: dd/mm/yyyy HH:MM:SS."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%d/%m/%Y %H:%M:%S")


def display_value(kind: ColumnKind, value: Any, language: str) -> str:
    if value is None or value == "":
        return ""
    if kind is ColumnKind.DATETIME and isinstance(value, dt.datetime):
        return format_moment(value)
    if kind is ColumnKind.DATE and isinstance(value, dt.date):
        return format_date(value)
    if kind is ColumnKind.TIME and isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if kind is ColumnKind.NUMBER:
        return format_number(value, language)
    if kind is ColumnKind.MONEY:
        return format_number(value, language)
    if kind is ColumnKind.CITIZEN_ID:
        return mask_citizen_id(str(value))
    label = getattr(value, "label", None)
    if kind is ColumnKind.ENUM and callable(label):
        return str(label(language))
    return str(value)


class PagedTableModel(QAbstractTableModel):
    """Rows of one `Listing`, fetched in pages through the database worker."""

    loading = Signal()
    """A new count was asked for (the list is being read)."""
    first_rows = Signal(int)
    """The first page is shown and there are more rows; they are being counted."""
    loaded = Signal(int)
    """The number of rows is known (the argument)."""
    failed = Signal(str)
    """Reading the list failed; the argument says why, in the interface language."""

    def __init__(self, workspace: Workspace, listing: Listing, parent: Any = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.listing = listing
        self.request = ListRequest()
        self._rows = 0
        self._pages: OrderedDict[int, list[ListRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self.counted = False
        self._ids: list[str] | None = None
        """The ids of a long list once read (then pages are read by id, not by OFFSET)."""
        self._language = i18n.language()

    # --- what the list shows ---------------------------------------------------------------

    def set_request(self, request: ListRequest) -> None:
        """Show the rows for `request` (search text, filters, sort); reads the count anew."""
        self.request = request
        self.reload()

    def set_query(self, query: str) -> None:
        self.set_request(replace(self.request, query=query))

    def set_filter(self, key: str, value: Any) -> None:
        filters = dict(self.request.filters)
        filters[key] = value
        self.set_request(replace(self.request, filters=filters))

    def reload(self) -> None:
        """Read the list again (after a save, a delete or an undo): the first page first, so rows
        show at once; then, only if there are more, the count (which reads the whole list)."""
        self._generation += 1
        generation = self._generation
        request = self.request
        self.loading.emit()
        run_task(
            lambda: self.listing.page(self.workspace, request, 0),
            lambda rows: self._first_page_arrived(generation, request, rows),
            self._failed,
            owner=self,
        )

    def _first_page_arrived(
        self, generation: int, request: ListRequest, rows: list[ListRow]
    ) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = len(rows)
        self._pages.clear()
        self._pending.clear()
        self._ids = None
        self._pages[0] = rows
        self.endResetModel()
        if len(rows) < PAGE_SIZE:  # the whole list is here: no need to count
            self.counted = True
            self.loaded.emit(len(rows))
            return
        self.counted = False
        self.first_rows.emit(len(rows))
        run_task(
            lambda: self.listing.ids(self.workspace, request),
            lambda ids: self._ids_arrived(generation, ids),
            self._failed,
            owner=self,
        )

    def _ids_arrived(self, generation: int, ids: list[str]) -> None:
        """Every id of the list, in order: the row count, and the key to read any page by id."""
        if generation != self._generation:
            return
        self._ids = ids
        count = len(ids)
        if count > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, count - 1)
            self._rows = count
            self.endInsertRows()
        self.counted = True
        self.loaded.emit(self._rows)

    def _failed(self, error: Exception) -> None:
        self.failed.emit(i18n.error_text(error))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.listing.columns):
            return
        spec = self.listing.columns[column]
        if not spec.sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_request(replace(self.request, sort=spec.key, descending=descending))

    # --- rows -------------------------------------------------------------------------------

    def row(self, number: int) -> ListRow | None:
        """The row if its page has been read; otherwise None (and the page is asked for)."""
        if not 0 <= number < self._rows:
            return None
        page_number, offset = divmod(number, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            self._fetch(page_number)
            page = self._pages.get(page_number)  # already there when jobs run synchronously
            if page is None:
                return None
        self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    def record_id(self, number: int) -> str | None:
        if self._ids is not None and 0 <= number < len(self._ids):
            return self._ids[number]
        row = self.row(number)
        return row.id if row is not None else None

    def _fetch(self, page_number: int) -> None:
        if page_number in self._pending:
            return
        self._pending.add(page_number)
        generation = self._generation
        request = self.request
        first = page_number * PAGE_SIZE
        ids = self._ids[first : first + PAGE_SIZE] if self._ids is not None else None

        def read() -> list[ListRow]:
            if ids is not None:
                return self.listing.rows(self.workspace, ids)
            return self.listing.page(self.workspace, request, first)

        run_task(
            read,
            lambda rows: self._page_arrived(generation, page_number, rows),
            self._failed,
            owner=self,
        )

    def _page_arrived(self, generation: int, page_number: int, rows: list[ListRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page_number)
        self._pages[page_number] = rows
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page_number * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._rows) - 1
        if last >= first:
            self.dataChanged.emit(
                self.index(first, 0), self.index(last, self.columnCount() - 1), []
            )

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.listing.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._rows:
            return None
        column = self.listing.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in (ColumnKind.NUMBER, ColumnKind.MONEY):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            ID_ROLE,
            VALUE_ROLE,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.row(index.row())
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role == ID_ROLE:
            return row.id
        value = row.values[index.column()]
        if role == VALUE_ROLE:
            return value
        text = display_value(column.kind, value, self._language)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.listing.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.listing.columns[section].label().render(self._language)
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
