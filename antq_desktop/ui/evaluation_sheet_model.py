"""The quarter's evaluation sheet as a table model: one row per program, figures, rating, comment.

The sheet is small (the programs of one unit for one quarter), so the model holds every row; it is
read on the worker by the page and handed over with `set_rows()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from antq_desktop.domain.enums import Rating
from antq_desktop.domain.messages import MessageTemplate
from antq_desktop.domain.text import format_number
from antq_desktop.services import fields
from antq_desktop.services.evaluation_sheet import (
    ANNUAL_BUDGET,
    COMMENT,
    FINDINGS,
    INDICATOR_LABELS,
    PARTICIPANT_TURNS,
    PATROL_SHIFTS,
    PEOPLE_HELPED,
    PROGRESSED,
    REOFFENDED,
    SheetRow,
)
from antq_desktop.ui import i18n
from antq_desktop.ui.paged_model import ID_ROLE, VALUE_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
NO_VALUE = "—"
GREY = "#808080"
RATING_COLOURS = {
    Rating.EFFECTIVE: "#1b5e20",
    Rating.PARTLY_EFFECTIVE: "#8a6d00",
    Rating.INEFFECTIVE: "#b00020",
}


class EvaluationSheetModel(QAbstractTableModel):
    """Columns: program, unit, the indicators, rating, comment. `ID_ROLE` gives the program id,
    `VALUE_ROLE` the raw value (a number, None for a figure that does not apply, a `Rating`)."""

    PROGRAM_COLUMN = 0
    UNIT_COLUMN = 1
    RATING_COLUMN = 9
    COMMENT_COLUMN = 10

    _COLUMNS: tuple[tuple[MessageTemplate, Callable[[SheetRow], Any]], ...] = (
        (fields.PROGRAM, lambda row: row.program_name),
        (fields.UNIT, lambda row: row.unit_name),
        (INDICATOR_LABELS[PATROL_SHIFTS], lambda row: row.patrol_shifts),
        (INDICATOR_LABELS[PARTICIPANT_TURNS], lambda row: row.participant_turns),
        (INDICATOR_LABELS[FINDINGS], lambda row: row.findings),
        (INDICATOR_LABELS[PEOPLE_HELPED], lambda row: row.people_helped),
        (INDICATOR_LABELS[PROGRESSED], lambda row: row.progressed),
        (INDICATOR_LABELS[REOFFENDED], lambda row: row.reoffended),
        (INDICATOR_LABELS[ANNUAL_BUDGET], lambda row: row.annual_budget_vnd),
        (fields.RATING, lambda row: row.rating),
        (COMMENT, lambda row: row.comment),
    )
    _FIRST_FIGURE, _LAST_FIGURE = 2, 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SheetRow] = []
        self._language = i18n.language()

    # --- contents -----------------------------------------------------------------------------

    def set_rows(self, rows: list[SheetRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._language = i18n.language()
        self.endResetModel()

    def row(self, number: int) -> SheetRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rows(self) -> list[SheetRow]:
        return list(self._rows)

    def row_of(self, program_id: str) -> int:
        """The row number of a program, or -1."""
        for number, row in enumerate(self._rows):
            if row.program_id == program_id:
                return number
        return -1

    def rated_count(self) -> int:
        return sum(1 for row in self._rows if row.rating is not None)

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._COLUMNS)

    def _is_figure(self, column: int) -> bool:
        return self._FIRST_FIGURE <= column <= self._LAST_FIGURE

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        value = self._COLUMNS[column][1](row)
        if role == ID_ROLE:
            return row.program_id
        if role == VALUE_ROLE:
            # Qt cannot hold a Python enum member safely: the rating travels as its code.
            return str(value.value) if isinstance(value, Rating) else value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight
                if self._is_figure(column)
                else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.RATING_COLUMN:
                return QBrush(QColor(RATING_COLOURS[value] if value is not None else GREY))
            if value is None:
                return QBrush(QColor(GREY))
        return None

    def _text(self, column: int, value: Any) -> str:
        if column == self.RATING_COLUMN:
            if value is None:
                return self.tr("Chưa đánh giá")
            return str(value.label(self._language))
        if self._is_figure(column):
            return NO_VALUE if value is None else format_number(value, self._language)
        return str(value)

    def _tooltip(self, row: SheetRow, column: int) -> str | None:
        if column == self.COMMENT_COLUMN and row.comment:
            return row.comment
        if column == self.RATING_COLUMN and row.rating is not None and row.evaluator:
            return self.tr("Người đánh giá: {name}").format(name=row.evaluator)
        if column == self.PROGRAM_COLUMN:
            return row.program_name
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._COLUMNS):
            return self._COLUMNS[section][0]().render(self._language)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
