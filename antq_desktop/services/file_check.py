"""The full check of a database file (`antq-desktop check`): SQLite's integrity check, the
foreign-key check, the schema revision and the hash chain of the audit trail, reported as a list
of problems in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from antq_desktop.domain.messages import Message, Quantity, message
from antq_desktop.services import audit
from antq_desktop.store import files, sqlcipher
from antq_desktop.store.database import DB_MISSING, DB_NOT_SQLITE, StoreError
from antq_desktop.store.migrate import head_revision, shipped_revisions

MAX_LISTED_PROBLEMS = 20

CHECK_INTEGRITY = message(
    "backup.check.integrity",
    "Kiểm tra toàn vẹn: {detail}",
    "Integrity check: {detail}",
)
CHECK_UNREADABLE = message(
    "backup.check.unreadable",
    "Không đọc được tệp: {detail}",
    "The file cannot be read: {detail}",
)
CHECK_FOREIGN_KEY = message(
    "backup.check.foreign_key",
    "Bảng {table}, dòng {row}: tham chiếu tới bảng {parent} một bản ghi không tồn tại.",
    "Table {table}, row {row}: refers to a record of {parent} that does not exist.",
)
CHECK_MORE = message(
    "backup.check.more",
    "… và {count} lỗi khác.",
    "… and {count} more problems.",
)
CHECK_NOT_ANTQ = message(
    "backup.check.not_antq",
    "Tệp không có số hiệu lược đồ ANTQ: đây không phải tệp dữ liệu ANTQ.",
    "The file has no ANTQ schema revision: it is not an ANTQ database.",
)
CHECK_TOO_NEW = message(
    "backup.check.too_new",
    "Lược đồ {revision} mới hơn phiên bản chương trình này (mới nhất nó biết: {head}).",
    "Schema {revision} is newer than this program knows (its newest: {head}).",
)


@dataclass(frozen=True)
class CheckReport:
    """What `check` found in a database file."""

    path: Path
    revision: str | None
    head: str
    problems: tuple[Message, ...]
    audit_entries: int = 0
    """How many audit entries were checked (the chain is unbroken when `ok`)."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def needs_upgrade(self) -> bool:
        """An older schema: sound, and upgraded (after a copy) when the program opens it."""
        return self.ok and self.revision != self.head


def _listed(problems: list[Message]) -> list[Message]:
    if len(problems) <= MAX_LISTED_PROBLEMS:
        return problems
    rest = len(problems) - MAX_LISTED_PROBLEMS
    return [*problems[:MAX_LISTED_PROBLEMS], CHECK_MORE(count=Quantity(rest))]


AUDIT_COLUMNS = "seq, at, username, action, record_kind, record_id, details_json, prev_hash, hash"


def _audit_rows(connection: sqlcipher.Connection) -> Iterator[tuple[Any, ...]]:
    rows = connection.execute(f"SELECT {AUDIT_COLUMNS} FROM audit_entries ORDER BY seq")
    for seq, at, *rest in rows:
        yield (seq, datetime.fromisoformat(at).replace(tzinfo=UTC), *rest)


def check(path: Path, key: bytes | None = None) -> CheckReport:
    """SQLite's full integrity check, the foreign-key check, the schema revision and the audit
    trail's hash chain of a file (encrypted with `key`, or plain).

    A missing file or one that is not SQLite raises `StoreError`; everything else is reported."""
    if not path.is_file():
        raise StoreError(DB_MISSING(path=str(path)))
    if key is None and not sqlcipher.is_plaintext(path):
        raise StoreError(DB_NOT_SQLITE(path=str(path)))
    head = head_revision()
    problems: list[Message] = []
    revision: str | None = None
    entries = 0
    try:
        with closing(files.connect_file(path, key=key)) as connection:
            connection.execute("PRAGMA query_only=ON")
            integrity = files.integrity_problems(connection, limit=MAX_LISTED_PROBLEMS + 1)
            problems += _listed([CHECK_INTEGRITY(detail=line) for line in integrity])
            if not integrity:  # on a damaged file these would only repeat the damage
                foreign = [
                    CHECK_FOREIGN_KEY(table=table, row=str(row), parent=parent)
                    for table, row, parent in files.foreign_key_problems(connection)
                ]
                problems += _listed(foreign)
            revision = files.schema_revision(connection)
            if not integrity and "audit_entries" in files.table_names(connection):
                chain = audit.verify_rows(_audit_rows(connection))
                problems += chain.problems
                entries = chain.entries
    except sqlcipher.DatabaseError as error:
        problems.append(CHECK_UNREADABLE(detail=str(error)))
        return CheckReport(path, None, head, tuple(problems))
    if revision is None:
        problems.append(CHECK_NOT_ANTQ())
    elif revision not in shipped_revisions():
        problems.append(CHECK_TOO_NEW(revision=revision, head=head))
    return CheckReport(path, revision, head, tuple(problems), entries)
