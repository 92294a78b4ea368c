"""A date field that takes exactly what a person types: dd/mm/yyyy, digit by digit.

Why not QDateEdit: when a person types "31122023" into a QDateEdit that shows 30/06/2024, Qt
clamps the day to June's 30 before the month is typed, and the field silently holds 30/12/2023.
Here the digits stay as typed; `date()` is None until they form a real date, and the caller says
what is wrong. The arrow button opens a calendar; Up/Down step one day.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from antq_desktop.domain.validation import format_date
from antq_desktop.ui import i18n

DATE_MASK = "00/00/0000"
EARLIEST_YEAR = 1900


def parse_day(text: str) -> dt.date | None:
    """`31/12/2023` -> date(2023, 12, 31); None for anything incomplete or not a real date."""
    try:
        day = dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None
    return day if day.year >= EARLIEST_YEAR else None


class _DayLineEdit(QLineEdit):
    """Up and Down step the typed date by one day, as they do in Qt's own date fields."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
        step = steps.get(Qt.Key(event.key()))
        day = parse_day(self.text())
        if step is None or day is None:
            super().keyPressEvent(event)
            return
        self.setText(format_date(day + dt.timedelta(days=step)))
        self.textEdited.emit(self.text())


class DateField(QWidget):
    edited = Signal()
    """The text changed (typed, stepped or picked); `date()` may still be None."""
    return_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_edit = _DayLineEdit()
        self.line_edit.setInputMask(DATE_MASK)
        self.line_edit.setMaximumWidth(
            self.line_edit.fontMetrics().horizontalAdvance("00/00/00000") + 16
        )
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        if i18n.language() == "vi":
            self.calendar.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._show_typed_day_in_calendar)
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip(self.tr("Chọn ngày trên lịch"))
        self.calendar_button.setMenu(menu)
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.line_edit.textEdited.connect(self.edited)
        self.line_edit.returnPressed.connect(self.return_pressed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.calendar_button)
        layout.addStretch(1)  # in a form row that grows, the button stays beside the date
        self.setFocusProxy(self.line_edit)

    def text(self) -> str:
        return self.line_edit.text()

    def date(self) -> dt.date | None:
        return parse_day(self.line_edit.text())

    def set_date(self, day: dt.date | None) -> None:
        """Show `day` (None: empty) without emitting `edited` (the caller knows it changed)."""
        self.line_edit.setText(format_date(day) if day is not None else "")
        self.line_edit.setCursorPosition(0)  # typing starts with the day, not after the mask

    def is_blank(self) -> bool:
        """Nothing typed (the mask's slashes alone)."""
        return not any(character.isdigit() for character in self.line_edit.text())

    def _show_typed_day_in_calendar(self) -> None:
        day = self.date()
        if day is not None:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, picked: QDate) -> None:
        self.set_date(dt.date(picked.year(), picked.month(), picked.day()))
        menu = self.calendar_button.menu()
        if menu is not None:
            menu.hide()
        self.edited.emit()
        self.return_pressed.emit()  # a pick is a finished choice: no need to wait
