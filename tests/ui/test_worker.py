"""The background runner: work off the main thread, outcome back on it; synchronous for tests."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from antq_desktop.ui import worker


def test_synchronous_mode_calls_back_before_returning() -> None:
    outcome: list[object] = []
    worker.run_task(lambda: 6 * 7, outcome.append, outcome.append)
    assert outcome == [42]


def test_synchronous_mode_hands_over_the_error() -> None:
    errors: list[Exception] = []
    worker.run_task(lambda: 1 / 0, lambda _: None, errors.append)
    assert [type(error) for error in errors] == [ZeroDivisionError]


def test_threaded_job_runs_elsewhere_and_reports_on_the_main_thread(qtbot: QtBot) -> None:
    worker.set_synchronous(False)
    main = threading.get_ident()
    ran_on: list[int] = []
    delivered_on: list[int] = []
    results: list[int] = []

    def job() -> int:
        ran_on.append(threading.get_ident())
        return 7

    def done(result: int) -> None:
        delivered_on.append(threading.get_ident())
        results.append(result)

    worker.run_task(job, done, lambda error: None)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [7]
    assert ran_on != [main]
    assert delivered_on == [main]


def test_threaded_error_reaches_the_main_thread(qtbot: QtBot) -> None:
    worker.set_synchronous(False)
    errors: list[Exception] = []

    def job() -> None:
        raise ValueError("sai")

    worker.run_task(job, lambda _: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "sai"


def test_outcome_is_dropped_when_the_owner_is_gone(qtbot: QtBot) -> None:
    worker.set_synchronous(False)
    owner = QObject()
    started = threading.Event()
    release = threading.Event()
    delivered: list[object] = []

    def job() -> str:
        started.set()
        release.wait(5)
        return "late"

    worker.run_task(job, delivered.append, delivered.append, owner=owner)
    assert started.wait(5)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    release.set()
    assert worker.wait_for_all(5000)
    qtbot.wait(50)  # any queued delivery would arrive now
    assert delivered == []


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True
