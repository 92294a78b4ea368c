"""Whole database files outside the engine: plain connections, consistent copies, file checks.

Every connection that copies or checks a whole file is opened by `connect_file`, and every copy is
made by `copy_database` (or `encrypt_copy` for a plain file). The SQLCipher key is given in those
places only: `connect_file` sends `PRAGMA key`, and `copy_database` keeps SQLite's online backup
API between two connections with the same key, so a copy of an encrypted file is never plaintext.
Nothing here ever copies the bytes of a file that SQLite may have open.
"""

from __future__ import annotations

import os
from pathlib import Path

from antq_desktop.store import sqlcipher
from antq_desktop.store.database import BUSY_TIMEOUT_MS
from antq_desktop.store.sqlcipher import Connection

ALEMBIC_TABLE = "alembic_version"
KEY_FILE_SUFFIX = ".keys"
"""The key file beside an encrypted database (`store.keyring`)."""
BESIDE_SUFFIXES = ("", "-journal", "-wal", "-shm", KEY_FILE_SUFFIX)
"""A database file and what SQLite and the program keep beside it."""


def remove_database(path: Path) -> None:
    """Delete a database file with its journal, WAL, shared memory and key file (a copy or a
    creation that did not complete)."""
    for suffix in BESIDE_SUFFIXES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def connect_file(
    path: Path, *, key: bytes | None = None, timeout_ms: int = BUSY_TIMEOUT_MS
) -> Connection:
    """A plain connection to an existing database file (keyed with `key` when it is encrypted),
    in autocommit mode.

    `mode=rw` never creates a missing file (SQLite's `mode=ro` would leave empty -wal and -shm
    files beside a WAL database, so reading is done read-write with `PRAGMA query_only` instead)."""
    connection = sqlcipher.connect(
        f"{path.resolve().as_uri()}?mode=rw",
        key=key,
        uri=True,
        timeout=timeout_ms / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    connection.execute(f"PRAGMA busy_timeout={timeout_ms}")
    return connection


def fsync_file(path: Path) -> None:
    """Ask the operating system to put the file's bytes on the disk (a USB stick too)."""
    with path.open("r+b") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable. POSIX only: Windows cannot open a folder for this, and
    NTFS journals the rename itself."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def copy_database(source: Connection, target: Path, *, key: bytes | None = None) -> None:
    """A consistent copy of the database `source` sees into the new file `target`, encrypted with
    `key` (the key `source` was opened with: SQLCipher's backup API copies pages between two
    connections with the same key).

    SQLite's online backup API in one step: the copy reads one snapshot, so a writer on another
    connection (the window, in WAL mode) can neither block it nor make it inconsistent. The copy
    is then made a single self-contained file (rollback journal, no -wal beside it) and flushed."""
    if target.exists():
        raise FileExistsError(f"{target} exists")
    destination = sqlcipher.connect(target, key=key, isolation_level=None)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()
    fsync_file(target)


def encrypt_copy(source: Path, target: Path, key: bytes) -> None:
    """An encrypted copy (with `key`) of the plain database file `source` into the new file
    `target`, by SQLCipher's `sqlcipher_export` (the backup API cannot copy between a plain and
    an encrypted file). The source is read in one transaction, so the copy is consistent."""
    if target.exists():
        raise FileExistsError(f"{target} exists")
    connection = connect_file(source)
    try:
        connection.execute(
            "ATTACH DATABASE ? AS encrypted KEY ?", (str(target), sqlcipher.key_literal(key))
        )
        connection.execute("BEGIN")
        connection.execute("SELECT sqlcipher_export('encrypted')")
        version = connection.execute("PRAGMA main.user_version").fetchone()[0]
        connection.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        connection.execute("COMMIT")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
    fsync_file(target)


def integrity_problems(connection: Connection, *, limit: int = 100) -> list[str]:
    """The lines of SQLite's full `PRAGMA integrity_check` (b-trees, indexes, constraints);
    empty when the file is sound. Raises `sqlcipher.DatabaseError` when it cannot even be read."""
    rows = connection.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
    lines = [line.strip() for row in rows for line in str(row[0]).splitlines()]
    problems = [line for line in lines if line and not line.startswith("***")]
    return [] if problems == ["ok"] else problems


def foreign_key_problems(
    connection: Connection,
) -> list[tuple[str, int | None, str]]:
    """(table, rowid, referenced table) of every row whose reference points nowhere."""
    rows = connection.execute("PRAGMA foreign_key_check").fetchall()
    return [(str(row[0]), row[1], str(row[2])) for row in rows]


def table_names(connection: Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(row[0]) for row in rows}


def schema_revision(connection: Connection) -> str | None:
    """The ANTQ schema revision recorded in the file; None when there is none (not ours)."""
    if ALEMBIC_TABLE not in table_names(connection):
        return None
    row = connection.execute(f"SELECT version_num FROM {ALEMBIC_TABLE}").fetchone()
    return str(row[0]) if row is not None else None


def try_exclusive(connection: Connection) -> bool:
    """Take the file for this connection alone until it is closed (no other connection, in any
    process, may read or write it); False when another connection has it open.

    In exclusive locking mode the lock taken by `BEGIN EXCLUSIVE` outlives the transaction, so the
    transaction is ended at once: the backup API refuses a source connection that is writing."""
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
    try:
        connection.execute("BEGIN EXCLUSIVE")
    except sqlcipher.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return False
        raise
    connection.execute("COMMIT")
    return True
