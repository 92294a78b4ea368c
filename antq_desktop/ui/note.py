"""`Note`: wrapped text in a form without an empty band around it or clipped accent marks.

A layout asks a wrapped `QLabel` for its height at the label's own narrow preferred width; in a
form row that reserves room for twice the lines and leaves an empty band around the text. A `Note`
asks for the height it needs at the width it has. Its small top margin keeps the marks over
capitals (Ử in "TRƯỞNG", Ô in "CÔNG") from being cut off. An empty note (a message line with
nothing to say yet) takes no room.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel

from antq_desktop.ui.style import NOTE_STYLE


class Note(QLabel):
    """Wrapped text that asks for the height it needs at the width it has."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setContentsMargins(0, 3, 0, 0)  # room for the marks over capitals (Ử, Ồ)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        if not self.text():
            return QSize(0, 0)
        hint = super().sizeHint()
        if self.width() <= hint.width():
            return hint
        return QSize(self.width(), self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return super().minimumSizeHint() if self.text() else QSize(0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


def grey_note(text: str = "") -> Note:
    """A `Note` in the grey of explanations (`NOTE_STYLE`)."""
    note = Note(text)
    note.setStyleSheet(NOTE_STYLE)
    return note
