"""Opening database files: migrations match the models, foreign and newer files are refused and left
untouched, older files are copied aside before an upgrade, SQLite settings, stamping, tombstones."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from antq_desktop.domain.clock import Stamp
from antq_desktop.domain.enums import UnitLevel
from antq_desktop.services import people, units
from antq_desktop.services.errors import NotFound
from antq_desktop.services.people import PersonInput
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace, open_workspace
from antq_desktop.store import migrate
from antq_desktop.store.database import BUSY_TIMEOUT_MS, StoreError, make_engine
from antq_desktop.store.migrate import current_revision, head_revision, upgrade_to_head
from antq_desktop.store.models import SYNCED_MODELS, Base, Person

WARD = NewUnit(name="Phường 9", code="27262", level=UnitLevel.WARD)


# --- helpers ------------------------------------------------------------------------------------


def file_state(folder: Path) -> dict[str, str]:
    """Every file in the folder with the SHA-256 of its bytes."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def sqlite_revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        [(revision,)] = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        return str(revision)
    finally:
        connection.close()


def make_database_at_head(path: Path) -> None:
    engine = make_engine(path)
    try:
        assert upgrade_to_head(engine, path) is None  # a new file needs no copy
    finally:
        engine.dispose()


def refused_key(path: Path) -> str:
    with pytest.raises(StoreError) as raised:
        open_workspace(path)
    return raised.value.message.key


@pytest.fixture
def ward(tmp_db_path: Path) -> Iterator[Workspace]:
    opened = create_workspace(tmp_db_path, WARD, user="cán bộ A")
    yield opened
    opened.close()


def own_unit_id(workspace: Workspace) -> str:
    return units.get_unit_by_code(workspace, WARD.code).id


def all_versions(workspace: Workspace) -> list[Stamp]:
    with workspace.database.session() as session:
        return [
            Stamp.decode(text)
            for model in SYNCED_MODELS
            for text in session.scalars(select(model.version))
        ]


# --- (a) the migrations build what the models describe -------------------------------------------


def test_a_new_database_at_head_matches_the_models(tmp_db_path: Path) -> None:
    make_database_at_head(tmp_db_path)
    engine = make_engine(tmp_db_path)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == [], "the migrations and the models differ:\n" + "\n".join(
        map(str, differences)
    )


def test_upgrading_a_database_at_head_changes_nothing(tmp_db_path: Path) -> None:
    make_database_at_head(tmp_db_path)
    before = file_state(tmp_db_path.parent)
    engine = make_engine(tmp_db_path)
    try:
        assert upgrade_to_head(engine, tmp_db_path) is None
    finally:
        engine.dispose()
    assert file_state(tmp_db_path.parent) == before


# --- (b) a file from a newer program version -----------------------------------------------------


def test_a_file_from_a_newer_version_is_refused_and_left_unchanged(tmp_db_path: Path) -> None:
    make_database_at_head(tmp_db_path)
    connection = sqlite3.connect(tmp_db_path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = file_state(tmp_db_path.parent)

    with pytest.raises(StoreError) as raised:
        open_workspace(tmp_db_path)

    assert raised.value.message.key == "db.too_new"
    assert "9999_from_the_future" in raised.value.message.render("vi")
    assert file_state(tmp_db_path.parent) == before  # same bytes, no copy, no journal left


# --- (c) files that are not ANTQ databases --------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(4096),
        "Họ và tên;Số CCCD\nNguyễn Văn An;079203001234\n".encode(),
        b"",
    ],
    ids=["random-bytes", "text-file", "empty-file"],
)
def test_a_file_that_is_not_sqlite_is_refused_and_left_unchanged(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "people.sqlite3"
    path.write_bytes(content)
    before = file_state(tmp_path)
    assert refused_key(path) == "db.not_sqlite"
    assert file_state(tmp_path) == before


def test_a_damaged_sqlite_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4096 - 16))
    before = file_state(tmp_path)
    assert refused_key(path) in {"db.not_sqlite", "db.damaged"}
    assert file_state(tmp_path) == before


def test_a_sqlite_file_of_another_program_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other-program.sqlite3"
    connection = sqlite3.connect(path)  # rollback journal, as most programs leave it
    with connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('không phải dữ liệu ANTQ')")
    connection.close()
    before = file_state(tmp_path)

    assert refused_key(path) == "db.not_sqlite"

    assert file_state(tmp_path) == before
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        connection.close()


def test_a_missing_file_is_refused_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(StoreError) as raised:
        open_workspace(path)
    assert raised.value.message.key == "db.missing"
    assert str(path) in raised.value.message.render("en")
    assert list(tmp_path.iterdir()) == []


# --- (d) an older database is copied aside before the upgrade ------------------------------------

EXTRA_REVISION = '''"""a later schema, for the upgrade test only"""

from alembic import op

revision = "9001"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_people_phone_for_test", "people", ["phone"])


def downgrade() -> None:
    op.drop_index("ix_people_phone_for_test", table_name="people")
'''


def ship_a_later_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Play the next program version: a copy of the migrations with one more revision after head."""
    old_head = head_revision()
    copy = tmp_path / "migrations"
    shutil.copytree(
        migrate.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    (copy / "versions" / "9001_later_schema_for_test.py").write_text(
        EXTRA_REVISION.replace("{down_revision}", old_head), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", copy)
    assert head_revision() == "9001"


def test_an_older_database_is_copied_aside_then_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "ward.sqlite3"
    old = create_workspace(path, WARD)
    people.create_person(old, PersonInput(unit_id=own_unit_id(old), full_name="Lê Thị Hạ"))
    old.close()
    old_head = head_revision()
    assert sqlite_revision(path) == old_head

    ship_a_later_revision(tmp_path, monkeypatch)

    reopened = open_workspace(path)
    try:
        assert [person.full_name for person in people.search_people(reopened)] == ["Lê Thị Hạ"]
    finally:
        reopened.close()

    backups = sorted(folder.glob(f"{path.name}*.bak"))
    assert len(backups) == 1, list(folder.iterdir())
    backup = backups[0]
    assert f"before-upgrade-{old_head}" in backup.name
    assert sqlite_revision(backup) == old_head
    connection = sqlite3.connect(backup)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT full_name FROM people").fetchall() == [("Lê Thị Hạ",)]
        indexes = {row[1] for row in connection.execute("PRAGMA index_list('people')")}
        assert "ix_people_phone_for_test" not in indexes
    finally:
        connection.close()

    assert sqlite_revision(path) == "9001"
    connection = sqlite3.connect(path)
    try:
        indexes = {row[1] for row in connection.execute("PRAGMA index_list('people')")}
        assert "ix_people_phone_for_test" in indexes
    finally:
        connection.close()

    # opening it again at the new head makes no further copy
    open_workspace(path).close()
    assert sorted(folder.glob(f"{path.name}*.bak")) == backups


# --- (e) SQLite settings on every connection -----------------------------------------------------


def test_every_connection_gets_the_sqlite_settings(tmp_db_path: Path) -> None:
    engine = make_engine(tmp_db_path)
    try:
        with engine.connect() as first, engine.connect() as second:
            for connection in (first, second):
                settings = {
                    name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
                }
                assert settings == {
                    "foreign_keys": 1,
                    "journal_mode": "wal",
                    "synchronous": 2,  # FULL
                    "busy_timeout": BUSY_TIMEOUT_MS,
                }
        assert BUSY_TIMEOUT_MS > 0
    finally:
        engine.dispose()


def test_foreign_keys_are_enforced(ward: Workspace) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), ward.database.transaction() as session:
        session.add(Person(unit_id="no-such-unit", full_name="X", sort_key="X", search_text="x"))


# --- (f) stamping ------------------------------------------------------------------------------


def test_created_and_updated_records_are_stamped(ward: Workspace) -> None:
    unit_id = own_unit_id(ward)
    created = people.create_person(ward, PersonInput(unit_id=unit_id, full_name="Nguyễn Văn An"))
    with ward.database.session() as session:
        row = session.get(Person, created.id)
        assert row is not None
        first = (row.created_at, row.updated_at, row.version)

    created_at, updated_at, version = first
    for moment in (created_at, updated_at):
        assert moment.tzinfo is not None
        assert moment.utcoffset() == timedelta(0)
    assert row.origin_site == ward.site_id
    assert row.updated_by == ward.user == "cán bộ A"
    stamp = Stamp.decode(version)
    assert stamp.site == ward.site_id

    people.update_person(ward, created.id, PersonInput(unit_id=unit_id, full_name="Nguyễn Văn Anh"))
    with ward.database.session() as session:
        row = session.get(Person, created.id)
        assert row is not None
        assert row.created_at == created_at
        assert row.updated_at >= updated_at
        assert row.updated_at.tzinfo is not None
        assert row.updated_at.utcoffset() == timedelta(0)
        assert Stamp.decode(row.version) > stamp
        assert row.version > version  # the stored text orders the same way


def test_stamps_follow_the_workspace_user_and_site(tmp_db_path: Path) -> None:
    create_workspace(tmp_db_path, WARD, user="cán bộ A").close()
    reopened = open_workspace(tmp_db_path, user="cán bộ B")
    try:
        created = people.create_person(
            reopened, PersonInput(unit_id=own_unit_id(reopened), full_name="Trần Thị Ân")
        )
        with reopened.database.session() as session:
            row = session.get(Person, created.id)
            assert row is not None
            assert row.updated_by == "cán bộ B"
            assert row.origin_site == reopened.site_id
    finally:
        reopened.close()


def test_the_site_id_survives_reopening(tmp_db_path: Path) -> None:
    first = create_workspace(tmp_db_path, WARD)
    site_id = first.site_id
    first.close()
    again = open_workspace(tmp_db_path)
    try:
        assert again.site_id == site_id
        assert site_id
    finally:
        again.close()


def test_reopening_continues_the_clock_even_if_the_wall_clock_is_behind(
    tmp_db_path: Path,
) -> None:
    first = create_workspace(tmp_db_path, WARD)
    unit_id = own_unit_id(first)
    for name in ("Nguyễn Văn An", "Lê Thị Hạ", "Vũ Thị Hà"):
        people.create_person(first, PersonInput(unit_id=unit_id, full_name=name))
    newest_before = max(all_versions(first))
    first.close()

    reopened = open_workspace(tmp_db_path)
    try:
        context = reopened.database.change_context
        assert context is not None
        context.now_ms = lambda: 0  # the PC's clock was reset to 1970
        created = people.create_person(
            reopened, PersonInput(unit_id=unit_id, full_name="Đỗ Thị Hạnh")
        )
        with reopened.database.session() as session:
            row = session.get(Person, created.id)
            assert row is not None
            new_stamp = Stamp.decode(row.version)
            assert row.version == max(
                text for model in SYNCED_MODELS for text in session.scalars(select(model.version))
            )
        assert new_stamp > newest_before
        assert all(new_stamp > stamp for stamp in all_versions(reopened) if stamp != new_stamp)
    finally:
        reopened.close()


def test_incoming_records_keep_their_stamps(ward: Workspace) -> None:
    context = ward.database.change_context
    assert context is not None
    context.apply_incoming = True
    try:
        with ward.database.transaction() as session:
            session.add(
                Person(
                    id="0190b8a0-0000-7000-8000-000000000001",
                    unit_id=own_unit_id(ward),
                    full_name="Người từ trạm khác",
                    sort_key="",
                    search_text="",
                    updated_by="district officer",
                    origin_site="district-site",
                    version="0001700000000000-00003-district-site",
                )
            )
    finally:
        context.apply_incoming = False
    with ward.database.session() as session:
        row = session.get(Person, "0190b8a0-0000-7000-8000-000000000001")
        assert row is not None
        assert (row.updated_by, row.origin_site) == ("district officer", "district-site")
        assert row.version == "0001700000000000-00003-district-site"


# --- (g) tombstones ----------------------------------------------------------------------------


def test_deleting_a_person_keeps_a_tombstone(ward: Workspace) -> None:
    created = people.create_person(
        ward, PersonInput(unit_id=own_unit_id(ward), full_name="Bùi Thị Hằng")
    )
    with ward.database.session() as session:
        row = session.get(Person, created.id)
        assert row is not None
        version_before = row.version

    people.delete_person(ward, created.id)

    with ward.database.session() as session:
        row = session.get(Person, created.id)
        assert row is not None, "the row must stay so the deletion can travel to other sites"
        assert row.deleted_at is not None
        assert row.deleted_at.tzinfo is not None
        assert row.deleted_at.astimezone(UTC) == row.deleted_at
        assert row.is_deleted
        assert row.full_name == "Bùi Thị Hằng"
        assert row.version > version_before  # the deletion is a change like any other
        assert session.scalar(select(func.count()).select_from(Person)) == 1
    with pytest.raises(NotFound):
        people.get_person(ward, created.id)
    assert people.search_people(ward) == []
    assert people.count_people(ward) == 0


def test_head_read_from_the_scripts_is_alembics_head(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic.script import ScriptDirectory

    assert (
        head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    )
    ship_a_later_revision(tmp_path, monkeypatch)
    assert (
        head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    )


def test_opening_an_up_to_date_file_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "ward.sqlite3"
    create_workspace(path, WARD).close()
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from antq_desktop.services.workspace import open_workspace\n"
        f"open_workspace(Path({str(path)!r})).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
