"""Backups and recovery: consistent copies into a folder, rotation, restore, a full check.

- `back_up` copies the database with SQLite's online backup API (from the window's own
  connection when given the open workspace), checks the copy, and only then gives it its name
  `<stem>-YYYYMMDD-HHMMSS.antqbak`; `rotate` keeps the newest backup of each of the last
  `KEEP_DAILY` days and of each of the last `KEEP_MONTHLY` months.
- `restore` refuses a backup that is missing, damaged, not ours or too new before touching
  anything, keeps the current file aside, then replaces it all at once.
- The full check of a file (`antq-desktop check`) is `services.file_check`.

Times are the local wall-clock time of the office PC, as the officer reads them (an aware `now`
is converted to local time). All file work below the services goes through `store.files`, which
is given the key of an encrypted database: a backup is a copy encrypted with the same key, and the
key file (`store.keyring`) is copied beside it, so a backup on a USB stick opens on its own with
the passwords of its day.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from antq_desktop.domain.enums import AuditAction
from antq_desktop.domain.messages import message
from antq_desktop.services import audit, file_check, settings
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.workspace import Workspace
from antq_desktop.store import files, keyring, sqlcipher
from antq_desktop.store.database import (
    DB_FOLDER_MISSING,
    StoreError,
    check_is_sqlite_file,
)
from antq_desktop.store.migrate import shipped_revisions
from antq_desktop.store.sqlcipher import Connection

KEEP_DAILY = 14
"""Keep the newest backup of each of this many days, today included."""
KEEP_MONTHLY = 12
"""Keep the newest backup of each of this many months, this month included."""
SUFFIX = ".antqbak"
DEFAULT_FOLDER_NAME = "backups"
RESTORE_LOCK_TIMEOUT_MS = 1_000
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<count>\d+))?\.antqbak$")

BACKUP_MISSING = message(
    "backup.missing",
    "Không tìm thấy bản sao lưu {path}. Hãy kiểm tra đường dẫn (ổ USB đã cắm chưa?).",
    "The backup {path} does not exist. Check the path (is the USB stick plugged in?).",
)
BACKUP_NOT_SQLITE = message(
    "backup.not_sqlite",
    "Tệp {path} không phải bản sao lưu ANTQ (không phải tệp dữ liệu). Hãy chọn một tệp .antqbak.",
    "The file {path} is not an ANTQ backup (not a database file). Choose an .antqbak file.",
)
BACKUP_OTHER_KEY = message(
    "backup.other_key",
    "Tệp {path} không phải bản sao lưu ANTQ của sổ này (khóa của sổ không mở được nó). Hãy chọn "
    "một tệp .antqbak được sao lưu từ chính sổ này.",
    "The file {path} is not an ANTQ backup of this record book (the book's key does not open "
    "it). Choose an .antqbak file backed up from this book.",
)
BACKUP_DAMAGED = message(
    "backup.damaged",
    "Bản sao lưu {path} bị hỏng ({detail}) nên không được dùng; dữ liệu hiện tại giữ nguyên. "
    "Hãy chọn một bản sao lưu khác.",
    "The backup {path} is damaged ({detail}) and was not used; the current data is unchanged. "
    "Choose another backup.",
)
BACKUP_NOT_ANTQ = message(
    "backup.not_antq",
    "Tệp {path} là tệp dữ liệu của chương trình khác, không phải bản sao lưu ANTQ; dữ liệu hiện "
    "tại giữ nguyên.",
    "The file {path} is another program's database, not an ANTQ backup; the current data is "
    "unchanged.",
)
BACKUP_TOO_NEW = message(
    "backup.too_new",
    "Bản sao lưu {path} do phiên bản ANTQ mới hơn tạo (lược đồ {revision}). Hãy cài phiên bản "
    "mới nhất của chương trình rồi khôi phục lại.",
    "The backup {path} was made by a newer ANTQ version (schema {revision}). Install the latest "
    "version of the program, then restore again.",
)
BACKUP_SAME_FILE = message(
    "backup.same_file",
    "Bản sao lưu và tệp dữ liệu là cùng một tệp ({path}). Hãy chọn một bản sao lưu khác.",
    "The backup and the database are the same file ({path}). Choose another backup.",
)
BACKUP_TARGET_IN_USE = message(
    "backup.target_in_use",
    "Tệp dữ liệu {path} đang được mở (cửa sổ chương trình hoặc một lệnh khác). Hãy đóng nó rồi "
    "khôi phục lại; chưa có gì thay đổi.",
    "The database file {path} is open (in the program's window or another command). Close it and "
    "restore again; nothing was changed.",
)
BACKUP_FOLDER_MISSING = message(
    "backup.folder_missing",
    "Thư mục sao lưu {folder} không tồn tại. Hãy cắm ổ USB hoặc chọn thư mục khác.",
    "The backup folder {folder} does not exist. Plug in the USB stick or choose another folder.",
)
BACKUP_COPY_FAILED = message(
    "backup.copy_failed",
    "Bản sao của {path} không đạt kiểm tra ({detail}) nên đã bị bỏ. Hãy chạy lệnh check để "
    "kiểm tra tệp dữ liệu.",
    "The copy of {path} failed its check ({detail}) and was discarded. Run the check command on "
    "the database file.",
)


class BackupError(ServiceError):
    """A backup or restore that was refused; nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file in a folder."""

    path: Path
    stem: str
    made_at: datetime
    size: int
    sequence: int = 0  # 1, 2, … for a second and third backup made within the same second


# --- where backups go ---------------------------------------------------------------------------


def _local(moment: datetime) -> datetime:
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


def _source_path(source: Workspace | Path) -> Path:
    return source.path if isinstance(source, Workspace) else source


def _key(source: Workspace | Path, key: bytes | None) -> bytes | None:
    return source.database.key if isinstance(source, Workspace) else key


def _configured_folder(source: Workspace | Path, key: bytes | None) -> str:
    if isinstance(source, Workspace):
        return settings.get_setting(source, settings.BACKUP_FOLDER)
    # A file given by path is read without opening a workspace: no migration, nothing written.
    check_is_sqlite_file(source, key)
    engine = create_engine(
        "sqlite://", creator=lambda: files.connect_file(source, key=key), poolclass=NullPool
    )
    try:
        with Session(engine) as session:
            return settings.read_setting(session, settings.BACKUP_FOLDER)
    except SQLAlchemyError:  # an older file without the settings table: the default
        return settings.BACKUP_FOLDER.default
    finally:
        engine.dispose()


def backup_folder(
    source: Workspace | Path, *, create_default: bool = True, key: bytes | None = None
) -> Path:
    """The folder set in the settings (a USB stick, say), else `<folder of the database>/backups`,
    which is made when missing. A configured folder that is missing is not made: a stick that is
    not plugged in must not turn into a folder on the PC."""
    configured = _configured_folder(source, key).strip()
    if configured:
        return Path(configured)
    folder = _source_path(source).resolve().parent / DEFAULT_FOLDER_NAME
    if create_default:
        folder.mkdir(exist_ok=True)
    return folder


# --- listing and rotation -----------------------------------------------------------------------


def parse_backup_name(path: Path) -> tuple[str, datetime, int] | None:
    """(stem, time, sequence) of a file named by `back_up`; None for any other file."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:  # 20231345-…: looks like ours but is not
        return None
    return match["stem"], made_at, int(match["count"] or 0)


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """The backups in `folder` (of the database `stem` only, when given), newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = parse_backup_name(path)
        if parsed is None or (stem is not None and parsed[0] != stem) or not path.is_file():
            continue
        found.append(BackupInfo(path, parsed[0], parsed[1], path.stat().st_size, parsed[2]))
    found.sort(key=lambda info: (info.made_at, info.sequence, info.path.name), reverse=True)
    return found


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def backups_to_keep(backups: list[BackupInfo], now: datetime) -> set[Path]:
    """The newest backup of each of the last `KEEP_DAILY` days and `KEEP_MONTHLY` months (calendar
    days and months up to `now`). A backup dated after `now` is kept too: the PC's clock was
    wrong or has been put back, and the newest backups are the last ones to throw away."""
    now = _local(now)
    today = now.date()
    keep: set[Path] = set()
    newest_of_day: set[date] = set()
    newest_of_month: set[int] = set()
    for info in sorted(backups, key=lambda b: (b.made_at, b.sequence), reverse=True):
        day = info.made_at.date()
        if info.made_at > now:
            keep.add(info.path)
            continue
        if (today - day).days < KEEP_DAILY and day not in newest_of_day:
            newest_of_day.add(day)
            keep.add(info.path)
        month = _month_index(day)
        if _month_index(today) - month < KEEP_MONTHLY and month not in newest_of_month:
            newest_of_month.add(month)
            keep.add(info.path)
    return keep


def rotate(folder: Path, stem: str, *, now: datetime, keep: Path | None = None) -> list[Path]:
    """Delete the backups of database `stem` that `backups_to_keep` does not keep (never `keep`,
    never a file not named like a backup); return the deleted paths."""
    backups = list_backups(folder, stem)
    kept = backups_to_keep(backups, now)
    if keep is not None:
        kept.add(keep)
    removed = []
    for info in backups:
        if info.path in kept:
            continue
        with suppress(FileNotFoundError):
            info.path.unlink()
            removed.append(info.path)
        keyring.keyring_path(info.path).unlink(missing_ok=True)
    return removed


# --- making a backup ----------------------------------------------------------------------------


@contextmanager
def _source_connection(source: Workspace | Path, key: bytes | None) -> Iterator[Connection]:
    """The open workspace's own connection (taken from its pool for the copy), or a connection to
    a file given by path after refusing a missing or foreign file."""
    if isinstance(source, Workspace):
        pooled = source.database.engine.raw_connection()
        try:
            connection = pooled.driver_connection
            assert isinstance(connection, sqlcipher.dbapi.Connection)
            yield connection
        finally:
            pooled.close()
        return
    check_is_sqlite_file(source, key)
    with closing(files.connect_file(source, key=key)) as connection:
        yield connection


def _unused_name(folder: Path, stem: str, made_at: datetime) -> Path:
    stamp = made_at.strftime(_STAMP)
    path = folder / f"{stem}-{stamp}{SUFFIX}"
    sequence = 0
    while path.exists():
        sequence += 1
        path = folder / f"{stem}-{stamp}-{sequence}{SUFFIX}"
    return path


def _copy_problem(path: Path, key: bytes | None) -> str | None:
    """Why the copy at `path` is not a sound ANTQ database, or None."""
    try:
        with closing(files.connect_file(path, key=key)) as connection:
            problems = files.integrity_problems(connection, limit=3)
            if problems:
                return "; ".join(problems)
            if files.schema_revision(connection) is None:
                return file_check.CHECK_NOT_ANTQ().render("en")
    except sqlcipher.DatabaseError as error:
        return str(error)
    return None


STALE_AFTER_SECONDS = 3_600
"""A temporary copy this old was left by a backup or restore that was killed: it is removed."""


def remove_stale_copies(folder: Path, stem: str, *, now: datetime) -> list[Path]:
    """Delete the hidden temporary copies (`.<name>.<pid>.partial` / `.restoring`) of database
    `stem` that a killed backup or restore left in `folder` more than an hour ago."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for suffix in (".partial", ".restoring"):
        for leftover in folder.glob(f".{stem}*{suffix}"):
            age = now.timestamp() - leftover.stat().st_mtime
            if age > STALE_AFTER_SECONDS:
                files.remove_database(leftover)
                removed.append(leftover)
    return removed


def make_backup(
    source: Workspace | Path,
    folder: Path,
    *,
    now: datetime,
    key: bytes | None = None,
    stem: str | None = None,
) -> Path:
    """A checked copy of the database in `folder`, named `<stem>-YYYYMMDD-HHMMSS.antqbak`.

    The copy is written under a temporary name and renamed only once it passed SQLite's full
    integrity check and holds an ANTQ schema revision: a half-written or bad copy never looks
    like a backup. Rotation is `rotate`'s job (`back_up` does both).

    An encrypted database (`key`, or the workspace's) is copied encrypted with the same key, and
    its key file is copied beside the backup as `<backup>.keys`. `stem`: the name the backup goes
    by when `source` is a temporary copy of the database (the file being encrypted)."""
    if not folder.is_dir():
        raise BackupError(BACKUP_FOLDER_MISSING(folder=str(folder)))
    path = _source_path(source)
    key = _key(source, key)
    final = _unused_name(folder, stem or path.stem, _local(now))
    temporary = folder / f".{final.name}.{os.getpid()}.partial"
    try:
        with _source_connection(source, key) as connection:
            files.copy_database(connection, temporary, key=key)
        problem = _copy_problem(temporary, key)
        if problem is not None:
            raise BackupError(BACKUP_COPY_FAILED(path=str(path), detail=problem))
        if key is not None:
            keyring.Keyring.for_database(path).copy_to(final)
        os.replace(temporary, final)
        files.fsync_folder(folder)
    finally:
        files.remove_database(temporary)
    return final


def back_up(
    source: Workspace | Path, folder: Path, *, now: datetime, key: bytes | None = None
) -> Path:
    """Make a backup (`make_backup`) and rotate the older ones of the same database."""
    made = make_backup(source, folder, now=now, key=key)
    if isinstance(source, Workspace):
        audit.record_event(source, AuditAction.BACKUP, {"file": str(made)})
    stem = _source_path(source).stem
    rotate(folder, stem, now=now, keep=made)
    remove_stale_copies(folder, stem, now=now)
    remove_stale_copies(_source_path(source).parent, stem, now=now)  # a killed restore's
    return made


def back_up_if_due(workspace: Workspace, folder: Path | None, now: datetime) -> Path | None:
    """The automatic backup (at exit): one a day at most. None when today's exists already."""
    folder = backup_folder(workspace) if folder is None else folder
    today = _local(now).date()
    if any(info.made_at.date() == today for info in list_backups(folder, workspace.path.stem)):
        return None
    return back_up(workspace, folder, now=now)


# --- restore ------------------------------------------------------------------------------------


def _refuse_backup(backup: Path, temporary: Path, key: bytes | None) -> None:
    """Raise when the copy of `backup` at `temporary` must not replace anything."""
    try:
        with closing(files.connect_file(temporary, key=key)) as connection:
            problems = files.integrity_problems(connection, limit=3)
            revision = files.schema_revision(connection) if not problems else None
    except sqlcipher.DatabaseError as error:
        raise BackupError(BACKUP_DAMAGED(path=str(backup), detail=str(error))) from error
    if problems:
        raise BackupError(BACKUP_DAMAGED(path=str(backup), detail="; ".join(problems)))
    if revision is None:
        raise BackupError(BACKUP_NOT_ANTQ(path=str(backup)))
    if revision not in shipped_revisions():
        raise BackupError(BACKUP_TOO_NEW(path=str(backup), revision=revision))


RESTORE_COUNTER_JUMP = 1_000_000_000
"""How far a restore moves the change counter on (`store.stamping.next_change_seq`)."""


def _advance_change_counter(path: Path, key: bytes | None) -> None:
    """Peers acknowledge changes by this counter. A restored file's counter is behind what they
    have acknowledged already, so the changes made after the restore would never be sent: move
    it on, beyond any value the lost file can have reached."""
    with closing(files.connect_file(path, key=key)) as connection:
        found = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sync_counter'"
        ).fetchone()
        if found is not None:  # a backup from before sync starts at 0 when it is migrated
            connection.execute("UPDATE sync_counter SET value = value + ?", (RESTORE_COUNTER_JUMP,))
            connection.commit()


def _aside_name(target: Path, now: datetime) -> Path:
    stamp = _local(now).strftime(_STAMP)
    path = target.with_name(f"{target.name}.before-restore-{stamp}.bak")
    sequence = 0
    while path.exists():
        sequence += 1
        path = target.with_name(f"{target.name}.before-restore-{stamp}-{sequence}.bak")
    return path


def _keep_aside(target: Path, aside: Path, key: bytes | None) -> None:
    """Copy the current file aside with the backup API while holding it alone; refuse when it is
    open elsewhere. A file SQLite cannot read at all (the reason to restore, often) is kept by its
    bytes, with its -wal: nothing can have it open as a database."""
    try:
        connection = files.connect_file(target, key=key, timeout_ms=RESTORE_LOCK_TIMEOUT_MS)
    except sqlcipher.DatabaseError:
        connection = None
    if connection is not None:
        with closing(connection):
            try:
                if not files.try_exclusive(connection):
                    raise BackupError(BACKUP_TARGET_IN_USE(path=str(target)))
                files.copy_database(connection, aside, key=key)
                return
            except sqlcipher.DatabaseError:  # malformed, not a database: fall through
                files.remove_database(aside)
    shutil.copyfile(target, aside)
    files.fsync_file(aside)
    wal = Path(f"{target}-wal")
    if wal.is_file():
        shutil.copyfile(wal, Path(f"{aside}-wal"))


def restore(
    backup: Path, target: Path, *, now: datetime | None = None, key: bytes | None = None
) -> Path | None:
    """Replace the database file `target` by the backup, all or nothing.

    The backup is refused (`BackupError`, nothing written) when it is missing, not a database,
    damaged, not ANTQ's or from a newer program version; so is a `target` that is open elsewhere.
    Otherwise the current file is kept aside as `<name>.before-restore-<time>.bak` (returned; None
    when there was no file), the backup is copied beside the target, flushed, and moved over it.
    The target must be closed: the window closes its workspace before calling this.

    `key`: the key of an encrypted database (the one the signed-in user unwrapped). A backup it
    does not open is refused. The target's key file is kept (it has the newest passwords); when
    there is none (a new PC), the backup's is copied beside the target."""
    now = datetime.now() if now is None else now
    if not backup.is_file():
        raise BackupError(BACKUP_MISSING(path=str(backup)))
    if key is None and not sqlcipher.is_plaintext(backup):
        raise BackupError(BACKUP_NOT_SQLITE(path=str(backup)))
    if not target.parent.is_dir():
        raise StoreError(DB_FOLDER_MISSING(folder=str(target.parent)))
    if target.exists() and target.resolve() == backup.resolve():
        raise BackupError(BACKUP_SAME_FILE(path=str(backup)))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.restoring")
    aside: Path | None = None
    try:
        try:
            with closing(files.connect_file(backup, key=key)) as source:
                files.copy_database(source, temporary, key=key)
        except sqlcipher.DatabaseError as error:
            if key is not None and "not a database" in str(error):
                raise BackupError(BACKUP_OTHER_KEY(path=str(backup))) from error
            raise BackupError(BACKUP_DAMAGED(path=str(backup), detail=str(error))) from error
        _refuse_backup(backup, temporary, key)
        _advance_change_counter(temporary, key)
        if target.exists():
            aside = _aside_name(target, now)
            _keep_aside(target, aside, key)
        target_keys = keyring.keyring_path(target)
        if key is not None and not target_keys.exists():
            keyring.Keyring.load(keyring.keyring_path(backup)).copy_to(target)
        # Only now, with the new file complete and the old one safe: a -wal or -journal left
        # beside the target would be played into the restored file and corrupt it.
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(temporary, target)
        files.fsync_folder(target.parent)
    finally:
        files.remove_database(temporary)
    return aside


def restore_open(workspace: Workspace, backup: Path, *, now: datetime | None = None) -> Path | None:
    """Restore a backup over the open workspace's file (administrator only): its connections are
    closed, the backup is checked with the workspace's key and put in place (`restore`), and the
    restore is written to the audit trail of the restored file, which the workspace now opens."""
    require(workspace, Permission.RESTORE_BACKUP)
    workspace.database.engine.dispose()
    aside = restore(backup, workspace.path, now=now, key=workspace.database.key)
    details = {"backup": str(backup), "kept_aside": str(aside) if aside else ""}
    audit.record_event(workspace, AuditAction.RESTORE, details)
    return aside


# --- check --------------------------------------------------------------------------------------
