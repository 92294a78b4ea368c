"""Backups and recovery: consistent copies while the file is in use, rotation, restore that refuses
bad backups and keeps the old file aside, and the full check."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from antq_desktop.services import backups, file_check, settings
from antq_desktop.services.backups import BackupError
from antq_desktop.services.workspace import Workspace, open_workspace
from antq_desktop.store.database import StoreError

NOW = datetime(2024, 6, 15, 12, 0, 0)


def file_state(folder: Path) -> dict[str, str]:
    """Every file under the folder (hidden ones too) with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def count_people(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection, connection:
        return int(connection.execute("SELECT count(*) FROM people").fetchone()[0])


def scribble(path: Path) -> None:
    """Damage a database the way a failing disk does: garbage over every third b-tree page."""
    data = bytearray(path.read_bytes())
    page = 4096
    for number in range(2, len(data) // page, 3):
        data[number * page + 8 : number * page + 4000] = b"Z" * 3992
    path.write_bytes(bytes(data))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


def closed_copy(workspace: Workspace, folder: Path) -> Path:
    """A backup of the workspace; the workspace is closed after it."""
    made = backups.back_up(workspace, folder, now=NOW)
    workspace.close()
    return made


# --- making backups -----------------------------------------------------------------------------


def test_backup_is_checked_named_and_complete(
    workspace: Workspace, folder: Path, make_person: Callable[[str], str]
) -> None:
    make_person("Nguyễn Văn Đức")
    made = backups.back_up(workspace, folder, now=NOW)
    assert made == folder / "t-20240615-120000.antqbak"
    assert count_people(made) == 1
    assert file_check.check(made).ok
    # a single self-contained file, nothing half-written left beside it
    assert sorted(path.name for path in folder.iterdir()) == [made.name]
    with closing(sqlite3.connect(made)) as connection, connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    [info] = backups.list_backups(folder)
    assert (info.path, info.made_at, info.size) == (made, NOW, made.stat().st_size)


def test_two_backups_in_the_same_second_get_different_names(
    workspace: Workspace, folder: Path
) -> None:
    first = backups.make_backup(workspace, folder, now=NOW)
    second = backups.make_backup(workspace, folder, now=NOW)
    assert second.name == "t-20240615-120000-1.antqbak"
    assert [info.path for info in backups.list_backups(folder)] == [second, first]


def test_backup_while_another_connection_is_writing(workspace: Workspace, folder: Path) -> None:
    """A writer on its own connection commits pairs of rows; every backup, made from the window's
    connection and from the file, sees whole transactions only and passes the full check."""
    stop = threading.Event()
    committed: list[int] = []

    def write() -> None:
        connection = sqlite3.connect(workspace.path, timeout=10, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        number = 0
        while not stop.is_set():
            connection.execute("BEGIN IMMEDIATE")
            for half in ("a", "b"):
                connection.execute(
                    "INSERT INTO settings (key, value_json, updated_at) VALUES (?, '1', "
                    "'2024-01-01 00:00:00.000000')",
                    (f"test.{number}.{half}",),
                )
            connection.execute("COMMIT")
            committed.append(number)
            number += 1
        connection.close()

    writer = threading.Thread(target=write)
    writer.start()
    made = []
    try:
        while len(committed) < 50:
            stop.wait(0.01)
        for index in range(6):
            source: Workspace | Path = workspace if index % 2 else workspace.path
            made.append(backups.make_backup(source, folder, now=NOW + timedelta(seconds=index)))
    finally:
        stop.set()
        writer.join()
    counts = []
    for path in made:
        assert file_check.check(path).ok
        with closing(sqlite3.connect(path)) as connection, connection:
            rows = connection.execute("SELECT count(*) FROM settings WHERE key LIKE 'test.%'")
            counts.append(int(rows.fetchone()[0]))
    assert all(count % 2 == 0 for count in counts), counts
    assert counts == sorted(counts)
    assert counts[0] > 0


def test_backup_into_a_missing_folder_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    before = file_state(tmp_path)
    with pytest.raises(BackupError) as refused:
        backups.back_up(workspace, tmp_path / "unplugged-stick" / "ANTQ", now=NOW)
    assert refused.value.message.key == "backup.folder_missing"
    assert file_state(tmp_path) == before


def test_backup_of_a_missing_or_foreign_file_is_refused(tmp_path: Path, folder: Path) -> None:
    with pytest.raises(StoreError) as missing:
        backups.back_up(tmp_path / "none.antqdb", folder, now=NOW)
    assert missing.value.message.key == "db.missing"
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as connection, connection:
        connection.execute("CREATE TABLE notes (text)")
    with pytest.raises(StoreError) as foreign:
        backups.back_up(other, folder, now=NOW)
    assert foreign.value.message.key == "db.not_sqlite"
    assert list(folder.iterdir()) == []


def test_the_backup_folder_setting(workspace: Workspace, tmp_path: Path) -> None:
    default = workspace.path.parent / "backups"
    assert not default.exists()
    assert backups.backup_folder(workspace) == default
    assert default.is_dir()
    stick = tmp_path / "stick"
    settings.set_setting(workspace, settings.BACKUP_FOLDER, str(stick))
    assert backups.backup_folder(workspace) == stick
    assert backups.backup_folder(workspace.path) == stick  # read from the file, no workspace
    assert not stick.exists()  # a stick that is not plugged in is not made a folder


def test_automatic_backup_at_most_daily(workspace: Workspace, folder: Path) -> None:
    first = backups.back_up_if_due(workspace, folder, NOW)
    assert first is not None
    assert backups.back_up_if_due(workspace, folder, NOW + timedelta(hours=5)) is None
    tomorrow = backups.back_up_if_due(workspace, folder, NOW + timedelta(days=1))
    assert tomorrow is not None
    assert tomorrow != first
    assert backups.back_up_if_due(workspace, None, NOW) is not None  # default folder


# --- rotation -----------------------------------------------------------------------------------


def fabricate(folder: Path, stem: str, moment: datetime) -> Path:
    path = folder / f"{stem}-{moment:%Y%m%d-%H%M%S}.antqbak"
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_the_newest_of_14_days_and_12_months(folder: Path) -> None:
    today = NOW.date()
    daily: dict[date, list[Path]] = {}
    for back in range(40):  # two backups a day over 40 days
        day = today - timedelta(days=back)
        daily[day] = [
            fabricate(folder, "t", datetime.combine(day, datetime.min.time()) + timedelta(hours=h))
            for h in (8, 11)
        ]
    monthly: dict[tuple[int, int], Path] = {}
    for back in range(15):  # one on the 3rd of each of 15 months
        year, month = divmod(2024 * 12 + 5 - back, 12)
        monthly[(year, month + 1)] = fabricate(folder, "t", datetime(year, month + 1, 3, 9))
    strangers = [
        fabricate(folder, "other", datetime(2020, 1, 1)),  # another database's backup
        folder / "t-20241399-000000.antqbak",  # not a real time
        folder / "notes.txt",
        folder / "t-20200101-000000.antqbak.txt",
    ]
    for path in strangers[1:]:
        path.write_bytes(b"x")

    removed = backups.rotate(folder, "t", now=NOW)

    expected = {daily[today - timedelta(days=back)][1] for back in range(14)}
    expected.add(daily[date(2024, 5, 31)][1])  # the newest of May
    expected |= {
        path
        for (year, month), path in monthly.items()
        if (year, month) >= (2023, 7) and (year, month) <= (2024, 4)
    }
    kept = {info.path for info in backups.list_backups(folder, "t")}
    assert kept == expected
    assert len(kept) == 14 + 1 + 10
    assert all(path.exists() for path in strangers)
    everything = {path for paths in daily.values() for path in paths} | set(monthly.values())
    assert set(removed) == everything - expected


def test_rotation_never_removes_the_backup_just_made_nor_future_ones(folder: Path) -> None:
    old = fabricate(folder, "t", datetime(2020, 1, 1))
    future = fabricate(folder, "t", NOW + timedelta(days=3))
    assert backups.rotate(folder, "t", now=NOW, keep=old) == []
    assert old.exists()
    assert future.exists()
    assert backups.rotate(folder, "t", now=NOW) == [old]


def test_back_up_rotates_and_reports_through_list(workspace: Workspace, folder: Path) -> None:
    stale = fabricate(folder, "t", NOW - timedelta(days=800))
    made = backups.back_up(workspace, folder, now=NOW)
    assert not stale.exists()
    assert [info.path for info in backups.list_backups(folder)] == [made]


# --- restore ------------------------------------------------------------------------------------


def test_restore_replaces_the_file_and_keeps_the_old_one_aside(
    workspace: Workspace, folder: Path, make_person: Callable[[str], str]
) -> None:
    make_person("Trần Thị Lan")
    made = backups.back_up(workspace, folder, now=NOW)
    make_person("Lê Văn Tám")
    path = workspace.path
    workspace.close()

    aside = backups.restore(made, path, now=NOW)

    assert aside == path.with_name("t.antqdb.before-restore-20240615-120000.bak")
    assert count_people(path) == 1
    assert count_people(aside) == 2
    assert file_check.check(aside).ok
    assert not Path(f"{path}-wal").exists()
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []
    reopened = open_workspace(path)  # the restored file opens and is used as before
    reopened.close()


def test_restore_refuses_a_database_that_is_open(workspace: Workspace, folder: Path) -> None:
    made = backups.back_up(workspace, folder, now=NOW)
    before = file_state(workspace.path.parent)
    with pytest.raises(BackupError) as refused:
        backups.restore(made, workspace.path, now=NOW)
    assert refused.value.message.key == "backup.target_in_use"
    assert file_state(workspace.path.parent) == before


def refused_key(backup: Path, target: Path) -> str:
    """Restore `backup` over `target`, expect a refusal, and check nothing was written."""
    before = file_state(target.parent), file_state(backup.parent)
    with pytest.raises(BackupError) as refused:
        backups.restore(backup, target, now=NOW)
    assert (file_state(target.parent), file_state(backup.parent)) == before
    return refused.value.message.key


def test_a_corrupted_backup_is_refused_and_the_target_untouched(
    workspace: Workspace, folder: Path
) -> None:
    made = closed_copy(workspace, folder)
    scribble(made)
    assert refused_key(made, workspace.path) == "backup.damaged"


def test_a_backup_with_a_broken_header_is_refused(workspace: Workspace, folder: Path) -> None:
    made = closed_copy(workspace, folder)
    data = bytearray(made.read_bytes())
    data[16:24] = b"\xff" * 8  # page size and format bytes
    made.write_bytes(bytes(data))
    assert refused_key(made, workspace.path) == "backup.damaged"


def test_a_non_antq_sqlite_file_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    workspace.close()
    other = tmp_path / "other" / "contacts.antqbak"
    other.parent.mkdir()
    with closing(sqlite3.connect(other)) as connection, connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('x')")
    assert refused_key(other, workspace.path) == "backup.not_antq"


def test_missing_and_non_sqlite_backups_are_refused(workspace: Workspace, tmp_path: Path) -> None:
    workspace.close()
    assert refused_key(tmp_path / "nowhere.antqbak", workspace.path) == "backup.missing"
    photo = tmp_path / "photo.antqbak"
    photo.write_bytes(b"\x89PNG\r\n" + bytes(range(256)) * 20)
    assert refused_key(photo, workspace.path) == "backup.not_sqlite"
    assert refused_key(workspace.path, workspace.path) == "backup.same_file"


def test_a_backup_from_a_newer_version_is_refused(workspace: Workspace, folder: Path) -> None:
    made = closed_copy(workspace, folder)
    with closing(sqlite3.connect(made)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert refused_key(made, workspace.path) == "backup.too_new"


def test_restore_over_a_damaged_file_keeps_its_bytes_aside(
    workspace: Workspace, folder: Path
) -> None:
    made = closed_copy(workspace, folder)
    garbage = b"\x00not a database any more" * 100
    workspace.path.write_bytes(garbage)
    aside = backups.restore(made, workspace.path, now=NOW)
    assert aside is not None
    assert aside.read_bytes() == garbage
    assert file_check.check(workspace.path).ok


def test_restore_into_a_new_path(workspace: Workspace, folder: Path, tmp_path: Path) -> None:
    made = closed_copy(workspace, folder)
    target = tmp_path / "new.antqdb"
    assert backups.restore(made, target, now=NOW) is None
    assert file_check.check(target).ok


# --- check --------------------------------------------------------------------------------------


def test_check_of_a_sound_file(workspace: Workspace) -> None:
    report = file_check.check(workspace.path)  # while the workspace has it open
    assert report.ok
    assert not report.needs_upgrade
    assert report.revision == report.head


def test_check_finds_a_corruption(workspace: Workspace) -> None:
    path = workspace.path
    workspace.close()
    scribble(path)
    report = file_check.check(path)
    assert not report.ok
    keys = {problem.key for problem in report.problems}
    assert keys <= {"backup.check.integrity", "backup.check.unreadable", "backup.check.more"}
    assert len(report.problems) <= file_check.MAX_LISTED_PROBLEMS + 1
    for problem in report.problems:
        assert problem.render("vi")
        assert problem.render("en")


def test_check_finds_a_broken_reference_and_a_foreign_file(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = workspace.path
    workspace.close()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE org_units SET parent_id = 'nowhere' WHERE parent_id IS NOT NULL")
    report = file_check.check(path)
    [problem] = report.problems
    assert problem.key == "backup.check.foreign_key"
    assert "org_units" in problem.render("en")

    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as connection, connection:
        connection.execute("CREATE TABLE notes (text)")
    assert [p.key for p in file_check.check(other).problems] == ["backup.check.not_antq"]
    with pytest.raises(StoreError):
        file_check.check(tmp_path / "missing.antqdb")


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


HOLD_OPEN = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("SELECT count(*) FROM settings").fetchone()
print("open", flush=True)
sys.stdin.read()
"""

CRASH_AFTER_COMMIT = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA journal_mode=WAL")
connection.execute("PRAGMA wal_autocheckpoint=0")
connection.execute(
    "INSERT INTO settings (key, value_json, updated_at) "
    "VALUES ('test.crash', '1', '2024-01-01 00:00:00.000000')"
)
os._exit(0)
"""


def test_restore_refuses_a_database_open_in_another_process(
    workspace: Workspace, folder: Path
) -> None:
    made = closed_copy(workspace, folder)
    holder = run_python(HOLD_OPEN, str(workspace.path))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        assert refused_key(made, workspace.path) == "backup.target_in_use"
    finally:
        holder.communicate("")
    assert backups.restore(made, workspace.path, now=NOW) is not None


def test_restore_keeps_what_only_the_wal_held_and_drops_the_stale_wal(
    workspace: Workspace, folder: Path
) -> None:
    """A crash left a committed row only in the -wal: the copy kept aside has it, and the restored
    file does not pick up the old -wal."""
    made = closed_copy(workspace, folder)
    crashed = run_python(CRASH_AFTER_COMMIT, str(workspace.path))
    crashed.communicate("")
    assert Path(f"{workspace.path}-wal").stat().st_size > 0

    aside = backups.restore(made, workspace.path, now=NOW)

    assert aside is not None
    query = "SELECT count(*) FROM settings WHERE key = 'test.crash'"
    with closing(sqlite3.connect(aside)) as connection:
        assert connection.execute(query).fetchone()[0] == 1
    with closing(sqlite3.connect(workspace.path)) as connection:
        assert connection.execute(query).fetchone()[0] == 0
    assert file_check.check(workspace.path).ok


def test_copies_left_by_a_killed_backup_or_restore_are_removed_later(
    workspace: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    stem = workspace.path.stem
    old_partial = folder / f".{stem}-20231220-101010.antqbak.4242.partial"
    old_restoring = workspace.path.parent / f".{workspace.path.name}.4242.restoring"
    fresh_partial = folder / f".{stem}-20231220-111111.antqbak.4343.partial"
    other_file = folder / ".notes.partial"
    for leftover in (old_partial, old_restoring, fresh_partial, other_file):
        leftover.write_bytes(b"half a copy")
    two_hours_ago = time.time() - 7_200
    for leftover in (old_partial, old_restoring, other_file):
        os.utime(leftover, (two_hours_ago, two_hours_ago))

    backups.back_up(workspace, folder, now=datetime.now())

    assert not old_partial.exists()
    assert not old_restoring.exists()
    assert fresh_partial.exists()  # it may be a backup running right now
    assert other_file.exists()  # not ours
