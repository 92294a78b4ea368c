"""The date field keeps what a person types and says None until it is a real date."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from antq_desktop.ui.date_field import DateField, parse_day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/12/2023", date(2023, 12, 31)),
        ("29/02/2024", date(2024, 2, 29)),
        ("29/02/2023", None),
        ("31/06/2024", None),
        ("01/1 /    ", None),
        ("  /  /    ", None),
        ("01/01/1899", None),
    ],
)
def test_parse_day(text: str, expected: date | None) -> None:
    assert parse_day(text) == expected


@pytest.fixture
def field(qtbot: QtBot) -> DateField:
    widget = DateField()
    qtbot.addWidget(widget)
    widget.set_date(date(2024, 6, 30))
    return widget


def test_typed_digits_are_kept_as_typed(qtbot: QtBot, field: DateField) -> None:
    edits: list[bool] = []
    field.edited.connect(lambda: edits.append(True))
    field.line_edit.selectAll()
    qtbot.keyClicks(field.line_edit, "31122023")
    assert field.text() == "31/12/2023"
    assert field.date() == date(2023, 12, 31)
    assert len(edits) == 8


def test_set_date_does_not_count_as_an_edit(field: DateField) -> None:
    edits: list[bool] = []
    field.edited.connect(lambda: edits.append(True))
    field.set_date(date(2015, 1, 1))
    assert (field.text(), edits) == ("01/01/2015", [])


def test_up_and_down_step_one_day(qtbot: QtBot, field: DateField) -> None:
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Up)
    assert field.date() == date(2024, 7, 1)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Down)
    assert field.date() == date(2024, 6, 29)


def test_a_day_picked_in_the_calendar_is_a_finished_choice(field: DateField) -> None:
    finished: list[bool] = []
    field.return_pressed.connect(lambda: finished.append(True))
    field.calendar.clicked.emit(QDate(2024, 12, 31))
    assert field.text() == "31/12/2024"
    assert finished == [True]
