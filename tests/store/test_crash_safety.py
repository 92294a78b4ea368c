"""Crashes: a writer killed with SIGKILL at random moments loses nothing it had committed.

The writer (crash_writer.py) reports each commit on stdout; the parent kills it at a random
moment, then checks that the file opens (with the whole-file check), that SQLite's full
integrity check passes, and that every committed create, rename and delete is in the file.

A killed process is not a power cut: the operating system still writes what the process had
handed it. Surviving a power cut rests on WAL with synchronous=FULL (fsync at every commit), which
`check_file` asserts is what the file and its connections use.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.services import accounts, file_check
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.workspace import NewUnit
from antq_desktop.store.models import Person

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 50
PASSWORD = "mat-khau-quan-tri"


def committed_so_far(output: str) -> tuple[set[str], dict[str, str]]:
    """The ids whose creation was reported, and the last reported action per id (only complete
    lines count: a line cut by the kill was not acknowledged)."""
    created: set[str] = set()
    last: dict[str, str] = {}
    for line in output.splitlines(keepends=True):
        if not line.endswith("\n"):
            break
        action, _, person_id = line.strip().partition(" ")
        if action == "created":
            created.add(person_id)
        last[person_id] = action
    return created, last


def check_file(path: Path, created: set[str], last: dict[str, str]) -> None:
    key = accounts.unlock(path, "admin", PASSWORD)
    report = file_check.check(path, key)  # integrity, foreign keys, the audit trail's chain
    assert report.ok, [problem.render("en") for problem in report.problems]
    workspace = accounts.sign_in(path, "admin", PASSWORD)  # with the whole-file quick check
    try:
        with workspace.database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        with workspace.database.session() as session:
            rows = {person.id: person for person in session.query(Person).all()}
    finally:
        workspace.close()
    missing = created - rows.keys()
    assert not missing, f"committed but lost: {sorted(missing)[:5]}"
    for person_id, action in last.items():
        person = rows[person_id]
        if action == "renamed":
            assert person.full_name.startswith("Trần Thị Sửa")
        if action == "deleted":
            assert person.deleted_at is not None


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_the_writer_never_loses_a_committed_transaction(tmp_path: Path) -> None:
    path = tmp_path / "crash.antqdb"
    unit = NewUnit("Phường 9", "27262", UnitLevel.WARD)
    accounts.create_protected(path, unit, NewAccount("admin", PASSWORD)).close()
    rng = random.Random(20231220)
    created: set[str] = set()
    last: dict[str, str] = {}
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), str(path), PASSWORD],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        first = writer.stdout.readline()  # the writer is past its start-up and writing
        assert first.startswith("created "), writer.stderr.read() if writer.stderr else first
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(writer.pid, signal.SIGKILL)
        rest, _ = writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        new_created, new_last = committed_so_far(first + rest)
        created |= new_created
        last.update(new_last)
        check_file(path, created, last)
    assert len(created) > KILLS  # the writer got well past its first record each time
