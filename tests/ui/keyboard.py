"""Typing Vietnamese in tests.

`QTest.keyClicks` knows only ASCII and aborts the process on "ư". A Vietnamese input method
(Unikey, EVKey) hands the widget key events that carry the composed letter as text; this sends the
same events.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` into `widget` one character at a time, as a person with an input method."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(widget, character)
            continue
        for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(
                event_type, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character
            )
            QApplication.sendEvent(widget, event)
