"""Lịch sử: every bundle exported or imported, newest first; the line chosen shows its summary.

The history is written by the sync core in the same transaction as the import or export it
describes, so a cancelled or refused import leaves no line.
"""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from antq_desktop.services.workspace import Workspace
from antq_desktop.sync.peers import HistoryEntry, list_history
from antq_desktop.ui import i18n
from antq_desktop.ui.field_messages import error_label
from antq_desktop.ui.note import grey_note
from antq_desktop.ui.sync_labels import (
    COUNT_KEYS,
    SyncRowsModel,
    count_titles,
    moment_text,
    number,
    rows_table,
    selected_row,
)
from antq_desktop.ui.sync_summary import SummaryTable, stored_summary
from antq_desktop.ui.worker import run_task

EXPORT = "export"


class HistoryPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        titles = count_titles()
        headers = [
            self.tr("Thời điểm"),
            self.tr("Chiều"),
            self.tr("Nơi gửi/nhận"),
            self.tr("Tệp"),
            self.tr("Bản ghi"),
            *(titles[key] for key in COUNT_KEYS),
            self.tr("Người thực hiện"),
        ]
        self.model = SyncRowsModel(
            headers,
            self._cells,
            numbers=range(4, 4 + 1 + len(COUNT_KEYS)),
            red=self._red,
            tooltip=lambda entry: entry.file_name,
            parent=self,
        )
        self.table = rows_table(self.model, "history.table", stretch=3)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = grey_note(
            self.tr("Chưa xuất hay nhập gói nào. Mỗi lần xuất hoặc nhập gói được ghi vào đây.")
        )
        self.empty.setObjectName("history.empty")
        self.error = error_label("history.error")
        self.detail = QLabel()
        self.detail.setObjectName("history.detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = SummaryTable("history.summary")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.detail)
        lower_layout.addWidget(self.summary, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([300, 300])

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self._selection_changed()

    def load(self) -> None:
        run_task(lambda: list_history(self.workspace), self._show, self._failed, owner=self)

    def _show(self, entries: list[HistoryEntry]) -> None:
        self.error.hide()
        self.model.set_rows(entries)
        self.empty.setVisible(not entries)
        if entries:
            self.table.selectRow(0)
        self._selection_changed()

    def _failed(self, error: Exception) -> None:
        self.error.setText(i18n.error_text(error))
        self.error.show()

    def direction_text(self, entry: HistoryEntry) -> str:
        return self.tr("Xuất") if entry.direction == EXPORT else self.tr("Nhập")

    def _cells(self, entry: HistoryEntry) -> list[str]:
        counts = [
            "" if entry.direction == EXPORT else number(getattr(entry, key)) for key in COUNT_KEYS
        ]
        return [
            moment_text(entry.at),
            self.direction_text(entry),
            entry.peer_label or self.tr("không chỉ định"),
            PurePath(entry.file_name).name,
            number(entry.records),
            *counts,
            entry.username,
        ]

    def _red(self, row: int, column: int) -> bool:
        entries = self.model.rows
        if column not in (8, 9) or not 0 <= row < len(entries):
            return False
        return int(getattr(entries[row], COUNT_KEYS[column - 5])) > 0

    def selected(self) -> HistoryEntry | None:
        row = selected_row(self.table)
        return self.model.rows[row] if row is not None else None

    def _selection_changed(self) -> None:
        entry = self.selected()
        if entry is None:
            self.detail.clear()
            self.summary.show_summary(None)
            return
        exported = entry.direction == EXPORT
        text = (
            self.tr("Xuất gói {kind} lúc {at}, người thực hiện {user}, cho {peer}.")
            if exported
            else self.tr("Nhập gói {kind} lúc {at}, người thực hiện {user}, từ {peer}.")
        )
        self.detail.setText(
            text.format(
                kind=self.tr("toàn bộ") if entry.full else self.tr("phần mới"),
                at=moment_text(entry.at),
                user=entry.username,
                peer=entry.peer_label or self.tr("không chỉ định (không mã hóa)"),
            )
            + "\n"
            + self.tr("Tệp: {path}").format(path=entry.file_name)
        )
        self.summary.show_summary(stored_summary(entry.summary, exported=exported))
