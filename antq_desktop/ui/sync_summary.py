"""The summary of one bundle, table by table: what an import did (Mới, Cập nhật, Không đổi, Xung
đột, Bị từ chối, with the reasons of the rows refused) or what an export held.

The same table serves the import just made (`ImportSummary`) and a line of the history (its stored
summary), so both read alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from antq_desktop.sync.importer import ImportSummary
from antq_desktop.ui import i18n
from antq_desktop.ui.sync_labels import (
    COUNT_KEYS,
    SyncRowsModel,
    count_titles,
    number,
    rows_table,
    table_label,
    table_order,
)

TOTAL = ""
"""The `table` of the line that adds the others up."""
REASONS_HEIGHT = 110


@dataclass(frozen=True)
class SummaryLine:
    table: str
    """A synced table's name, or `TOTAL`."""
    counts: dict[str, int]

    @property
    def id(self) -> str:
        return self.table


@dataclass(frozen=True)
class Summary:
    """A bundle's lines (tables with something to say, then the total) and refused rows."""

    lines: list[SummaryLine]
    reasons: list[str] = field(default_factory=list)
    """"Người 8f3a…: why", in the interface language."""
    exported: bool = False
    """The lines count the records of an export ("records"), not what an import did."""


def _with_total(lines: list[SummaryLine], keys: tuple[str, ...]) -> list[SummaryLine]:
    lines.sort(key=lambda line: table_order(line.table))
    total = {key: sum(line.counts.get(key, 0) for line in lines) for key in keys}
    return [*lines, SummaryLine(TOTAL, total)]


def import_summary(summary: ImportSummary) -> Summary:
    language = i18n.language()
    lines: list[SummaryLine] = []
    reasons: list[str] = []
    for name, table in summary.tables.items():
        counts = {key: int(getattr(table, key)) for key in COUNT_KEYS}
        if any(counts.values()):
            lines.append(SummaryLine(name, counts))
        reasons.extend(
            f"{table_label(name)} {row_id}: {why.render(language)}" for row_id, why in table.reasons
        )
    return Summary(_with_total(lines, COUNT_KEYS), reasons)


def stored_summary(stored: Mapping[str, Any], *, exported: bool) -> Summary:
    """A history line's summary as `sync.peers.add_history` stored it."""
    language = i18n.language()
    keys = ("records",) if exported else COUNT_KEYS
    lines: list[SummaryLine] = []
    reasons: list[str] = []
    for name, values in stored.items():
        if not isinstance(values, Mapping):
            continue
        counts = {key: int(values.get(key) or 0) for key in keys}
        if any(counts.values()):
            lines.append(SummaryLine(str(name), counts))
        for reason in values.get("reasons") or []:
            if isinstance(reason, Mapping):
                text = reason.get(language) or reason.get("vi") or ""
                reasons.append(f"{table_label(str(name))} {reason.get('id', '')}: {text}")
    return Summary(_with_total(lines, keys), reasons, exported)


class SummaryTable(QWidget):
    """The lines of a `Summary` as a table, and the refused rows with their reasons under it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        titles = count_titles()
        self.import_model = SyncRowsModel(
            [self.tr("Loại dữ liệu"), *(titles[key] for key in COUNT_KEYS)],
            lambda line: self._cells(line, COUNT_KEYS),
            numbers=range(1, len(COUNT_KEYS) + 1),
            red=self._red,
            parent=self,
        )
        self.export_model = SyncRowsModel(
            [self.tr("Loại dữ liệu"), self.tr("Số bản ghi")],
            lambda line: self._cells(line, ("records",)),
            numbers=(1,),
            parent=self,
        )
        self.table = rows_table(self.import_model, f"{name}.table", stretch=0)
        # As tall as its rows: a horizontal scroll bar would cover the last one (the numbers are
        # narrow; the names column gives way).
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasons_title = QLabel(self.tr("Bản ghi bị từ chối và lý do:"))
        self.reasons = QPlainTextEdit()
        self.reasons.setObjectName(f"{name}.reasons")
        self.reasons.setReadOnly(True)
        self.reasons.setMaximumHeight(REASONS_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.reasons_title)
        layout.addWidget(self.reasons)
        layout.addStretch(1)
        self.show_summary(None)

    @property
    def model(self) -> SyncRowsModel:
        model = self.table.model()
        assert isinstance(model, SyncRowsModel)
        return model

    def _cells(self, line: SummaryLine, keys: tuple[str, ...]) -> list[str]:
        name = table_label(line.table) if line.table != TOTAL else self.tr("Tổng cộng")
        return [name, *(number(line.counts.get(key, 0)) for key in keys)]

    def _red(self, row: int, column: int) -> bool:
        """Conflicts and refused rows stand out in red when there are any."""
        rows = self.import_model.rows
        if column < 4 or not 0 <= row < len(rows):
            return False
        return int(rows[row].counts.get(COUNT_KEYS[column - 1], 0)) > 0

    def show_summary(self, summary: Summary | None) -> None:
        model = self.export_model if summary is not None and summary.exported else self.import_model
        if self.table.model() is not model:
            self.table.setModel(model)
        self.import_model.set_rows([])
        self.export_model.set_rows([])
        model.set_rows(summary.lines if summary is not None else [])
        self.table.setVisible(summary is not None)
        self._fit_height()
        reasons = summary.reasons if summary is not None else []
        self.reasons.setPlainText("\n".join(reasons))
        self.reasons_title.setVisible(bool(reasons))
        self.reasons.setVisible(bool(reasons))

    def _fit_height(self) -> None:
        """As tall as its rows (a few tables said once), so the reasons follow right under."""
        table = self.table
        height = (
            table.horizontalHeader().sizeHint().height()
            + table.verticalHeader().length()
            + 2 * table.frameWidth()
        )
        table.setMaximumHeight(height)

    def rows_shown(self) -> list[list[str]]:
        """The table as a person reads it (for tests)."""
        model = self.model
        return [
            [str(model.index(row, column).data()) for column in range(model.columnCount())]
            for row in range(model.rowCount())
        ]
