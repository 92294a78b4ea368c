"""Declarative base, column types and the columns every synced record carries."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from sqlalchemy import JSON, DateTime, Dialect, Integer, MetaData, String, TypeDecorator, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from antq_desktop.domain.ids import new_id

# Constraint names are fixed so that Alembic batch migrations on SQLite can find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC. Stored without zone (SQLite has none); always handed out zone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC moment is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


E = TypeVar("E", bound=StrEnum)


class EnumText(TypeDecorator[E]):
    """A `StrEnum` stored as its code text (readable in the file and stable across versions)."""

    impl = String(40)
    cache_ok = True

    def __init__(self, enum_type: type[E], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.enum_type = enum_type

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        return None if value is None else self.enum_type(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        return None if value is None else self.enum_type(value)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncedMixin:
    """The columns of a record that travels between installations (see DESIGN.md).

    `version` is a hybrid-logical-clock stamp (`domain.clock.Stamp`) that orders changes across
    installations; `deleted_at` is a tombstone: records are never deleted for real.
    The stamping columns are filled by `store.stamping` at flush time, never by hand.

    Merging is per field (`sync.merge`): `field_versions` holds the stamp of every data field whose
    stamp is older than `version` (a field not listed was written at `version`), and
    `seen_versions` the newest stamp of each site whose changes this row has taken in (empty: only
    the site of `version`, up to `version`). `sync_seq` is local: the value of this installation's
    change counter when the row last changed here, so an export can pick what a peer has not yet
    acknowledged. It never travels.
    """

    derived_columns: ClassVar[tuple[str, ...]] = ()
    """Columns computed from others (folded names, sort keys): never merged, recomputed instead."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    origin_site: Mapped[str] = mapped_column(String(40), default="")
    version: Mapped[str] = mapped_column(String(80), default="", index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    field_versions: Mapped[dict[str, str]] = mapped_column(
        JSON, default=dict, server_default=text("'{}'")
    )
    seen_versions: Mapped[dict[str, str]] = mapped_column(
        JSON, default=dict, server_default=text("'{}'")
    )
    sync_seq: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"), index=True)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


META_COLUMNS = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "updated_by",
        "origin_site",
        "version",
        "field_versions",
        "seen_versions",
        "sync_seq",
    }
)
"""The columns of `SyncedMixin` that describe a change rather than hold the record's data."""
