"""Open a database file: SQLite settings, checks before touching anything, migrations, sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from antq_desktop.domain.messages import Message, message
from antq_desktop.store import sqlcipher
from antq_desktop.store.stamping import CONTEXT_KEY, ChangeContext

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32 * 1024

DB_MISSING = message(
    "db.missing",
    "Không tìm thấy tệp dữ liệu {path}. Hãy kiểm tra đường dẫn, hoặc tạo mới bằng lệnh init.",
    "The database file {path} does not exist. Check the path, or create one with the init command.",
)
DB_EXISTS = message(
    "db.exists",
    "Tệp dữ liệu {path} đã có. Hãy chọn tên tệp khác; tệp cũ được giữ nguyên.",
    "The database file {path} already exists. Choose another name; the existing file is kept "
    "as it is.",
)
DB_NOT_SQLITE = message(
    "db.not_sqlite",
    "Tệp {path} không phải tệp dữ liệu ANTQ (hoặc đã bị hỏng). Hãy chọn đúng tệp hoặc khôi phục "
    "từ bản sao lưu.",
    "The file {path} is not an ANTQ database (or it is damaged). Choose the right file or "
    "restore a backup.",
)
DB_DAMAGED = message(
    "db.damaged",
    "Tệp dữ liệu {path} bị hỏng ({detail}). Hãy khôi phục từ bản sao lưu gần nhất.",
    "The database file {path} is damaged ({detail}). Restore the most recent backup.",
)
DB_FOLDER_MISSING = message(
    "db.folder_missing",
    "Thư mục {folder} không tồn tại. Hãy tạo thư mục trước hoặc chọn thư mục khác.",
    "The folder {folder} does not exist. Create it first or choose another folder.",
)
DB_KEY_MISMATCH = message(
    "db.key_mismatch",
    "Tệp khóa {path}.keys không mở được tệp dữ liệu {path}: hai tệp không đi cùng nhau, hoặc tệp "
    "dữ liệu bị hỏng. Hãy chép đúng cặp tệp (tệp dữ liệu và tệp .keys cạnh nó) hoặc khôi phục từ "
    "bản sao lưu.",
    "The key file {path}.keys does not open the database {path}: the two files do not belong "
    "together, or the database is damaged. Copy the right pair (the database and the .keys file "
    "beside it) or restore a backup.",
)


class StoreError(Exception):
    """A database cannot be opened or created; `message` says why and what to do."""

    def __init__(self, msg: Message) -> None:
        super().__init__(msg.render("en"))
        self.message = msg


def _set_sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    sqlcipher.quiet(dbapi_connection)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    # SQLCipher decrypts a page each time it is read into the cache: SQLite's default 2 MB cache
    # made the whole-period statistics of a large district 2–3 times slower than a 32 MB one
    # (benchmarks/bench_demo_scale.py).
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    """An engine with foreign keys, WAL, synchronous=FULL and a busy timeout on every connection,
    on SQLCipher: keyed with `key` through SQLAlchemy's `sqlite+pysqlcipher` dialect (which sends
    the key first on every connection), or a plain file when `key` is None."""
    if key is None:
        url = URL.create("sqlite", database=str(path))
    else:
        url = URL.create(
            "sqlite+pysqlcipher", password=sqlcipher.key_literal(key), database=str(path)
        )
    # pysqlcipher would pick SingletonThreadPool; the worker threads want the file pool.
    engine = create_engine(url, module=sqlcipher.dbapi, poolclass=QueuePool)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def _is_other_programs_database(path: Path) -> bool:
    """A readable SQLite file with tables but no ANTQ schema revision.

    Read with a plain `sqlite3` connection that only runs a SELECT: an engine from `make_engine`
    would switch the file to WAL on connecting, which rewrites the header of another program's file.
    An unreadable or damaged file is not judged here; the integrity check reports it.
    """
    try:
        connection = sqlcipher.connect(f"{path.resolve().as_uri()}?mode=ro", key=None, uri=True)
    except sqlcipher.Error:
        return False
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in rows}
    except sqlcipher.Error:
        return False
    finally:
        connection.close()
    return bool(tables) and "alembic_version" not in tables


def check_is_sqlite_file(path: Path, key: bytes | None = None) -> None:
    """Refuse, before the engine's settings touch it, a file that is missing, not a SQLite
    database, or a SQLite database of another program (tables, but no ANTQ schema revision).

    With a key the file is encrypted and starts with random bytes: only its presence is checked
    here; a file the key does not open is refused when the engine first reads it."""
    if not path.is_file():
        raise StoreError(DB_MISSING(path=str(path)))
    if key is not None:
        return
    if not sqlcipher.is_plaintext(path) or _is_other_programs_database(path):
        raise StoreError(DB_NOT_SQLITE(path=str(path)))


def check_key(engine: Engine, path: Path) -> None:
    """Refuse an encrypted file the engine's key does not open (the first read decrypts page 1)."""
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").all()
    except Exception as error:  # "file is not a database"
        raise StoreError(DB_KEY_MISMATCH(path=str(path))) from error


def check_integrity(engine: Engine, path: Path) -> None:
    """SQLite's quick check (page structure and constraints, without index contents)."""
    try:
        with engine.connect() as connection:
            problems = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check(3)")]
    except Exception as error:  # "database disk image is malformed", "file is not a database"
        detail = str(getattr(error, "orig", error)).splitlines()[0]
        raise StoreError(DB_DAMAGED(path=str(path), detail=detail)) from error
    if problems != ["ok"]:
        lines = [line.strip() for problem in problems for line in str(problem).splitlines()]
        detail = "; ".join(line for line in lines if line and not line.startswith("***"))
        raise StoreError(DB_DAMAGED(path=str(path), detail=detail))


class Database:
    """An open database file: one engine, sessions that carry who is changing what."""

    def __init__(self, path: Path, engine: Engine, key: bytes | None = None) -> None:
        self.path = path
        self.engine = engine
        self.key = key
        """The SQLCipher key the file is encrypted with (None: a plain file)."""
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.change_context: ChangeContext | None = None

    def session(self) -> Session:
        session = self._sessions()
        if self.change_context is not None:
            session.info[CONTEXT_KEY] = self.change_context
        return session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits at the end, rolls everything back on any error."""
        with self.session() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
