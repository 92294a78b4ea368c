"""Run database work off the main thread and hand the outcome back to it (Picard's `run_task`).

All jobs share one pool with a single thread: SQLite takes one writer at a time, and jobs then run
in the order they were asked for. The result or the error arrives on the main thread, where the
widgets live. A long job can report how far it is (`run_task_with_progress`): its reports reach
the main thread the same way, in order, before the result. Tests call `set_synchronous(True)`: the
job then runs at once, inside `run_task`, and its callbacks are called before `run_task` returns.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

T = TypeVar("T")

_synchronous = False
_pool: QThreadPool | None = None
_reader_pool: QThreadPool | None = None


def set_synchronous(enabled: bool) -> None:
    """Run every job at once on the calling thread (for tests)."""
    global _synchronous
    _synchronous = enabled


def _database_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Relay(QObject):
    """Lives on the main thread; a queued signal carries the outcome to it from the worker."""

    finished = Signal(bool, object)  # (succeeded, result or exception)
    progress = Signal(object)  # a report from the job (what it is doing, how far it is)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        owner: QObject,
        on_progress: Callable[[Any], None] | None = None,
    ) -> None:
        super().__init__(owner)
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        if on_progress is not None:
            self.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)

    @Slot(bool, object)
    def _deliver(self, succeeded: bool, payload: Any) -> None:
        try:
            if succeeded:
                self._on_done(payload)
            else:
                self._on_error(payload)
        finally:
            self.deleteLater()


class _Job(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            outcome = (True, self._func())
        except Exception as error:
            outcome = (False, error)
        # RuntimeError: the owner (a closed window) is gone and nobody is waiting any more.
        with contextlib.suppress(RuntimeError):
            self._relay.finished.emit(*outcome)


def _long_read_pool() -> QThreadPool:
    global _reader_pool
    if _reader_pool is None:
        _reader_pool = QThreadPool()
        _reader_pool.setMaxThreadCount(1)
    return _reader_pool


def run_task(
    func: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None],
    *,
    owner: QObject | None = None,
) -> None:
    """Run `func()` on the database thread; then `on_done(result)` or `on_error(exception)`.

    The callbacks run on the main thread. When `owner` (usually the widget that asked) is destroyed
    before the job ends, the outcome is dropped instead of reaching a widget that no longer exists.
    """
    _start(_database_pool, func, on_done, on_error, owner)


def run_long_read(
    func: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None],
    *,
    owner: QObject | None = None,
) -> None:
    """Like `run_task`, on a thread of its own, for a long job that only reads (the whole-file
    integrity check): with WAL it reads beside the writer and does not hold up the other jobs."""
    _start(_long_read_pool, func, on_done, on_error, owner)


Report = Callable[[Any], None]


def run_task_with_progress(
    func: Callable[[Report], T],
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[Any], None],
    *,
    owner: QObject | None = None,
) -> None:
    """Like `run_task`; `func(report)` may call `report(value)` as it goes, and each value
    reaches `on_progress(value)` on the main thread (in order, before the result)."""
    if _synchronous:
        _start(_database_pool, lambda: func(on_progress), on_done, on_error, owner)
        return
    holder: list[_Relay] = []

    def report(value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the owner is gone: nobody is listening
            holder[0].progress.emit(value)

    _start(_database_pool, lambda: func(report), on_done, on_error, owner, on_progress, holder)


def _start(
    pool: Callable[[], QThreadPool],
    func: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None],
    owner: QObject | None,
    on_progress: Callable[[Any], None] | None = None,
    relay_holder: list[_Relay] | None = None,
) -> None:
    if _synchronous:
        try:
            result = func()
        except Exception as error:
            on_error(error)
        else:
            on_done(result)
        return
    parent = owner if owner is not None else QCoreApplication.instance()
    if parent is None:
        raise RuntimeError("run_task needs a QApplication (or an owner object)")
    relay = _Relay(on_done, on_error, parent, on_progress)
    if relay_holder is not None:
        relay_holder.append(relay)
    pool().start(_Job(func, relay))


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Wait for the jobs already started (before the database is closed at exit)."""
    return all(pool is None or pool.waitForDone(timeout_ms) for pool in (_pool, _reader_pool))
