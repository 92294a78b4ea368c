"""The Qt binding itself: defects that would crash the application after a while of use."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    counted = Signal(int)


def test_emitting_signals_keeps_python_objects_alive() -> None:
    """PySide6 6.12.0 released a reference to `True` on every emit; an officer's day of clicks
    then ends with "bool_dealloc" and an aborted program. pyproject.toml keeps that version out."""
    emitter = _Emitter()
    emitter.counted.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.plain.emit()
        emitter.counted.emit(1)
    assert sys.getrefcount(True) - before > -10
