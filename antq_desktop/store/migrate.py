"""Bring a database file to the schema of this program version with the shipped Alembic scripts.

- A new (empty) file is created at head.
- An older file is first copied aside with SQLite's backup API, then upgraded in one transaction.
- A file written by a newer program version (a revision this program does not know) is refused.
- A SQLite file of some other program (tables but no ANTQ revision) is refused.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect

from antq_desktop.domain.messages import message
from antq_desktop.store.database import DB_NOT_SQLITE, StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

DB_TOO_NEW = message(
    "db.too_new",
    "Tệp dữ liệu {path} được tạo bởi phiên bản ANTQ mới hơn (lược đồ {revision}). "
    "Hãy cài phiên bản mới nhất của chương trình để mở tệp này.",
    "The database file {path} was written by a newer ANTQ version (schema {revision}). "
    "Install the latest version of the program to open it.",
)


if TYPE_CHECKING:
    from alembic.config import Config

# Alembic itself is imported only when a file must be migrated: opening an up-to-date file (every
# start of the window) then costs no Alembic import (0.2 s on an office PC).
_REVISION_LINE = re.compile(
    r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:[\"']([^\"']+)[\"']|None)", re.MULTILINE
)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _read_revisions() -> tuple[set[str], set[str]]:
    """(every revision shipped, every revision some script names as its `down_revision`)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        for name, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            if name == "revision":
                revisions.add(value)
            elif value:
                parents.add(value)
    return revisions, parents


def shipped_revisions() -> frozenset[str]:
    """Every revision this program knows: a file at one of them can be opened (and upgraded)."""
    return frozenset(_read_revisions()[0])


def head_revision() -> str:
    """The newest revision shipped: the one no other script names as its `down_revision` (read
    from the scripts' text; a test checks it agrees with Alembic's own answer)."""
    revisions, parents = _read_revisions()
    heads = revisions - parents
    assert len(heads) == 1, f"the package must ship exactly one head revision, not {heads}"
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the file (None for a file Alembic never touched)."""
    with engine.connect() as connection:
        table = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if table is None:
            return None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return str(row[0]) if row is not None else None


def backup_copy(path: Path, label: str, key: bytes | None = None) -> Path:
    """A consistent copy of the file beside it (SQLite's online backup API; safe with WAL),
    encrypted with the file's own key."""
    from antq_desktop.store import files

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    source = files.connect_file(path, key=key)
    try:
        files.copy_database(source, target, key=key)
    finally:
        source.close()
    return target


def upgrade_to_head(engine: Engine, path: Path, key: bytes | None = None) -> Path | None:
    """Migrate the file to head; return the path of the copy made before an upgrade, if any."""
    head = head_revision()
    try:
        current = current_revision(engine)
        has_tables = bool(inspect(engine).get_table_names())
    except Exception as error:  # sqlite3.DatabaseError: "file is not a database"
        raise StoreError(DB_NOT_SQLITE(path=str(path))) from error
    if current == head:
        return None
    if current is None and has_tables:
        raise StoreError(DB_NOT_SQLITE(path=str(path)))
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(DB_TOO_NEW(path=str(path), revision=current))
    copy = backup_copy(path, f"before-upgrade-{current}", key) if current is not None else None
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return copy
