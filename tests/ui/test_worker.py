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


def test_progress_reports_arrive_on_the_main_thread_in_order_before_the_result(
    qtbot: QtBot,
) -> None:
    worker.set_synchronous(False)
    main = threading.get_ident()
    events: list[tuple[str, object, bool]] = []

    def job(report: worker.Report) -> str:
        for step in range(3):
            report(step)
        return "xong"

    worker.run_task_with_progress(
        job,
        lambda result: events.append(("done", result, threading.get_ident() == main)),
        lambda error: events.append(("error", error, True)),
        lambda value: events.append(("progress", value, threading.get_ident() == main)),
    )
    qtbot.waitUntil(lambda: any(kind == "done" for kind, _, _ in events))
    assert events == [
        ("progress", 0, True), ("progress", 1, True), ("progress", 2, True), ("done", "xong", True),
    ]  # fmt: skip


def test_progress_in_synchronous_mode() -> None:
    seen: list[object] = []
    worker.run_task_with_progress(
        lambda report: report("nửa chừng") or 1, seen.append, seen.append, seen.append
    )
    assert seen == ["nửa chừng", 1]


def test_the_long_read_runs_beside_the_database_thread(qtbot: QtBot) -> None:
    worker.set_synchronous(False)
    results: list[int] = []
    worker.run_long_read(lambda: 5, results.append, lambda error: None)
    qtbot.waitUntil(lambda: results == [5])
    assert worker.wait_for_all(1000)
