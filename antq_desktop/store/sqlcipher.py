"""The one SQLite library of the program: SQLCipher, through the `sqlcipher3` package.

Every connection to a database file, the engine's and the plain ones that copy or check whole
files, goes through this library. Two SQLite libraries in one process (Python's own `sqlite3` and
SQLCipher) would each keep their own POSIX locks on the same file, and closing a file in one drops
the other's locks: a second writer could then corrupt the file. So nothing in the program opens a
database file with Python's `sqlite3`.

A file is encrypted with a 256-bit raw key (`PRAGMA key = "x'…'"`): no passphrase derivation at
each connection, since the key itself is random (`store.keyring` wraps it with each user's
password). A file without a key is a plain SQLite file (an old record book, or a test's).
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

Connection = Any  # sqlcipher3 ships no type information; the API is that of `sqlite3`
Error: type[Exception] = dbapi2.Error
DatabaseError: type[Exception] = dbapi2.DatabaseError
OperationalError: type[Exception] = dbapi2.OperationalError
dbapi = dbapi2

KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"


def new_key() -> bytes:
    """A random database key."""
    return secrets.token_bytes(KEY_BYTES)


def key_literal(key: bytes) -> str:
    """The key as SQLCipher's raw-key literal (used as is, without a passphrase derivation)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"x'{key.hex()}'"


def key_pragma(key: bytes) -> str:
    return f'PRAGMA key = "{key_literal(key)}"'


def quiet(connection: Connection) -> None:
    """SQLCipher logs every failed page decryption (a wrong key) to stderr; the program says it
    itself, in the user's language."""
    connection.execute("PRAGMA cipher_log_level = NONE")


def connect(database: str | Path, *, key: bytes | None, **options: Any) -> Connection:
    """A connection keyed with `key` (None: a plain file). `options` are those of
    `sqlite3.connect` (uri, timeout, isolation_level, check_same_thread)."""
    connection = dbapi2.connect(str(database), **options)
    try:
        quiet(connection)
        if key is not None:
            connection.execute(key_pragma(key))
    except BaseException:
        connection.close()
        raise
    return connection


def is_plaintext(path: Path) -> bool:
    """The file starts like every plain SQLite database (an encrypted one starts with random
    bytes). Says nothing about the rest of the file."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
