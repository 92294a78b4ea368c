"""Saving through the services, undo and the shared "something changed" signal.

Every create, edit and delete made from the window goes through `Changes.push()` as a
`ServiceCommand` on the window's QUndoStack: Ctrl+Z undoes the last one, Ctrl+Y does it again.
The work itself runs on the database worker; when it is done every list reloads (`changed`) and
the status bar shows the time of the last save (or why it failed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTime, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.worker import run_task


class Changes(QObject):
    """One per window: the undo stack, and signals the lists and the status bar listen to."""

    changed = Signal()
    """Something was saved, deleted, undone or redone: lists and figures read again."""
    save_state = Signal(str)
    """A short text for the status bar: when the last save happened, or that it failed."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self._window = parent

    def saved(self) -> None:
        now = QTime.currentTime().toString("HH:mm:ss")
        self.save_state.emit(self.tr("Đã lưu lúc {time}").format(time=now))
        self.changed.emit()

    def failed(self, error: Exception) -> None:
        text = i18n.error_text(error)
        self.save_state.emit(self.tr("Chưa lưu được: {reason}").format(reason=text))
        QMessageBox.warning(self._window, self.tr("Không thực hiện được"), text)
        self.changed.emit()

    def push(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[], Any],
        *,
        already_done: bool = True,
    ) -> None:
        """Record an action for undo. `already_done`: the first `do` has already run (a dialog
        saved it and showed its errors itself); otherwise it runs now on the worker."""
        self.undo_stack.push(ServiceCommand(self, text, do, undo, already_done=already_done))

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None) -> None:
        """Run a write on the worker; report it like a save."""

        def done(result: Any) -> None:
            self.saved()
            if on_done is not None:
                on_done(result)

        run_task(work, done, self.failed, owner=self)


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        changes: Changes,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[], Any],
        *,
        already_done: bool,
    ) -> None:
        super().__init__(text)
        self._changes = changes
        self._do = do
        self._undo = undo
        self._skip_next_redo = already_done

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
            self._changes.saved()
            return
        self._changes.run(self._do)

    def undo(self) -> None:
        self._changes.run(self._undo)
