"""The open record book: a database plus who is working on it and on which installation.

`create_workspace` makes a new database for a unit; `open_workspace` opens an existing one (after
the checks and migrations of `store`). Both return a `Workspace` that every service function takes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from antq_desktop.domain.enums import UnitLevel, UserRole
from antq_desktop.services import audit as _audit  # noqa: F401  (registers the flush checks)
from antq_desktop.services import settings
from antq_desktop.services.permissions import permissions_of
from antq_desktop.store import files
from antq_desktop.store.database import (
    DB_EXISTS,
    DB_FOLDER_MISSING,
    Database,
    StoreError,
    check_integrity,
    check_is_sqlite_file,
    check_key,
    make_engine,
)
from antq_desktop.store.migrate import current_revision, head_revision, upgrade_to_head
from antq_desktop.store.models import SYNCED_MODELS
from antq_desktop.store.site_keys import make_site_keys
from antq_desktop.store.stamping import ChangeContext, load_clock

__all__ = ["NewUnit", "StoreError", "Workspace", "create_workspace", "open_workspace"]

DEFAULT_USER = "system"


@dataclass
class Workspace:
    """An open database and the context of the changes made through it."""

    database: Database
    site_id: str
    user: str
    today: Callable[[], date] = field(default=date.today)
    role: UserRole = UserRole.ADMIN
    """The signed-in user's role. A plain (unencrypted) file has no accounts: whoever opens it
    has it all, so its workspace acts as administrator until `accounts.protect` encrypts it and
    creates the first account. An encrypted file is opened by `accounts.sign_in` only, which sets
    the role of the account."""

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def encrypted(self) -> bool:
        return self.database.key is not None

    def act_as(self, user: str, role: UserRole) -> None:
        """Every read and change from now on is checked against `role` and stamped with `user`."""
        self.user = user
        self.role = role
        context = self.database.change_context
        if context is not None:
            context.user = user
            context.role = role.value
            context.permissions = frozenset(permissions_of(role))

    def close(self) -> None:
        self.database.close()


def _attach(
    database: Database, user: str, today: Callable[[], date], role: UserRole = UserRole.ADMIN
) -> Workspace:
    with database.session() as session:
        site_id = settings.read_setting(session, settings.SITE_ID)
        if not site_id:  # a database made before site ids existed, or by a test helper
            site_id = uuid.uuid4().hex[:16]
            with session.begin():
                settings.write_setting(session, settings.SITE_ID, site_id)
        clock = load_clock(session, site_id, SYNCED_MODELS)
    database.change_context = ChangeContext(
        site_id=site_id,
        user=user,
        clock=clock,
        role=role.value,
        permissions=frozenset(permissions_of(role)),
    )
    return Workspace(database=database, site_id=site_id, user=user, today=today, role=role)


def open_workspace(
    path: Path,
    *,
    user: str = DEFAULT_USER,
    today: Callable[[], date] = date.today,
    verify: bool = True,
    key: bytes | None = None,
    role: UserRole = UserRole.ADMIN,
) -> Workspace:
    """Open an existing database: refuse what is not one or is damaged, migrate an older one after
    a copy. `key`: the SQLCipher key of an encrypted file (`accounts.sign_in` unwraps it).

    `verify=False` skips SQLite's quick check, which reads the whole file (seconds on a large
    one): the window opens at once and runs `verify_integrity` in the background instead."""
    check_is_sqlite_file(path, key)
    engine = make_engine(path, key)
    try:
        if key is not None:
            check_key(engine, path)
        if verify or current_revision(engine) != head_revision():
            check_integrity(engine, path)  # never copy aside and migrate a damaged file
        upgrade_to_head(engine, path, key)
        return _attach(Database(path, engine, key), user, today, role)
    except BaseException:
        engine.dispose()
        raise


@dataclass(frozen=True)
class NewUnit:
    name: str
    code: str
    level: UnitLevel
    place_name: str = ""


def create_workspace(
    path: Path,
    own_unit: NewUnit,
    *,
    superior_unit: NewUnit | None = None,
    officer_name: str = "",
    officer_title: str = "",
    user: str = DEFAULT_USER,
    today: Callable[[], date] = date.today,
    key: bytes | None = None,
) -> Workspace:
    """Create a database for a unit (encrypted with `key`; `accounts.create_protected` makes the
    key and the first account). Nothing is left on disk when anything is refused."""
    from antq_desktop.services import units  # units imports workspace for its type

    if path.exists():
        raise StoreError(DB_EXISTS(path=str(path)))
    if not path.parent.is_dir():
        raise StoreError(DB_FOLDER_MISSING(folder=str(path.parent)))
    units.check_new_unit(own_unit, field_prefix="")
    if superior_unit is not None:
        units.check_new_unit(superior_unit, field_prefix="superior_")
    engine = make_engine(path, key)
    try:
        upgrade_to_head(engine, path, key)
        database = Database(path, engine, key)
        with database.transaction() as session:
            site_id = uuid.uuid4().hex[:16]
            settings.write_setting(session, settings.SITE_ID, site_id)
            make_site_keys(session, site_id)
        workspace = _attach(database, user, today)
        superior_id = (
            units.create_unit(workspace, superior_unit).id if superior_unit is not None else None
        )
        own = units.create_unit(workspace, own_unit, parent_id=superior_id)
        with database.transaction() as session:
            settings.write_setting(session, settings.OWN_UNIT_ID, own.id)
            settings.write_setting(session, settings.SUPERIOR_UNIT_ID, superior_id or "")
            settings.write_setting(session, settings.OFFICER_NAME, officer_name.strip())
            settings.write_setting(session, settings.OFFICER_TITLE, officer_title.strip())
        return workspace
    except BaseException:
        engine.dispose()
        files.remove_database(path)
        raise


def verify_integrity(workspace: Workspace) -> None:
    """SQLite's quick check of an open database; `StoreError` saying what is damaged."""
    check_integrity(workspace.database.engine, workspace.path)
