"""Fill the synced-record columns (`updated_at`, `updated_by`, `origin_site`, `version`, the
per-field stamps, the sites seen and the change counter) at flush.

One place stamps every change, so no service can forget to. A session carries a `ChangeContext` in
`session.info["change_context"]`; the sync importer sets `ChangeContext.apply_incoming=True` so that
records arriving from another site keep the stamps they came with.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, func, insert, inspect, select, update
from sqlalchemy.orm import Session

from antq_desktop.domain.clock import HybridLogicalClock, Stamp
from antq_desktop.store.base import META_COLUMNS, SyncedMixin
from antq_desktop.store.models.sync import SyncCounter

CONTEXT_KEY = "change_context"
COUNTER_NAME = "changes"


def _wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class ChangeContext:
    """Who changes records, on which installation, with which clock."""

    site_id: str
    user: str
    clock: HybridLogicalClock
    now_ms: Callable[[], int] = field(default=_wall_clock_ms)
    apply_incoming: bool = False
    role: str = ""
    permissions: frozenset[str] = frozenset()
    """The signed-in user's role and what it may do (`services.permissions`); the services check
    them when changes flush."""

    def now(self) -> datetime:
        """This context's clock as a UTC moment (to the millisecond)."""
        return datetime.fromtimestamp(self.now_ms() / 1000, UTC)

    def next_stamp(self) -> Stamp:
        return self.clock.tick(self.now_ms())


def load_clock(
    session: Session, site_id: str, synced_models: tuple[type[SyncedMixin], ...]
) -> HybridLogicalClock:
    """A clock that starts after the newest stamp already in the database (indexed look-ups)."""
    newest: Stamp | None = None
    for model in synced_models:
        text = session.scalar(select(func.max(model.version)))
        if text:
            stamp = Stamp.decode(text)
            if newest is None or stamp > newest:
                newest = stamp
    return HybridLogicalClock(site_id, newest)


_DATA_COLUMNS: dict[type[SyncedMixin], tuple[str, ...]] = {}


def data_columns(model: type[SyncedMixin]) -> tuple[str, ...]:
    """The columns of `model` that merge field by field: everything but the change columns and
    the derived ones (`deleted_at` is one of them: a delete is a change of a field)."""
    columns = _DATA_COLUMNS.get(model)
    if columns is None:
        columns = _DATA_COLUMNS[model] = tuple(
            attribute.key
            for attribute in inspect(model).column_attrs
            if attribute.key not in META_COLUMNS and attribute.key not in model.derived_columns
        )
    return columns


def site_of(stamp: str) -> str:
    return stamp.split("-", 2)[2] if stamp.count("-") >= 2 else ""


def expand_fields(
    columns: tuple[str, ...], version: str, stored: Mapping[str, str] | None
) -> dict[str, str]:
    """Every data field's stamp (a field not listed in `stored` was written at `version`)."""
    if not stored:
        return dict.fromkeys(columns, version)
    return {name: stored.get(name, version) for name in columns}


def compact_fields(stamps: Mapping[str, str], version: str) -> dict[str, str]:
    """What `field_versions` stores: the fields whose stamp is not the row's `version`."""
    return {name: stamp for name, stamp in stamps.items() if stamp != version}


def expand_seen(version: str, stored: Mapping[str, str] | None) -> dict[str, str]:
    """The newest stamp per site this row has taken in."""
    if stored:
        return dict(stored)
    return {site_of(version): version} if version else {}


def compact_seen(seen: Mapping[str, str], version: str) -> dict[str, str]:
    if len(seen) == 1 and seen.get(site_of(version)) == version:
        return {}
    return dict(sorted(seen.items()))


def next_change_seq(session: Session) -> int:
    """Bump this installation's change counter (inside the flush's transaction, which takes the
    write lock, so two processes never get the same value) and return it."""
    bumped = session.execute(
        update(SyncCounter)
        .where(SyncCounter.name == COUNTER_NAME)
        .values(value=SyncCounter.value + 1)
        .returning(SyncCounter.value)
        .execution_options(synchronize_session=False)
    ).scalar()
    if bumped is None:  # the first change of a book
        session.execute(insert(SyncCounter).values(name=COUNTER_NAME, value=1))
        return 1
    return int(bumped)


def _changed_fields(obj: SyncedMixin, columns: tuple[str, ...]) -> list[str]:
    state = inspect(obj)
    changed = []
    for name in columns:
        history = state.attrs[name].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changed.append(name)
    return changed


def _restamp(obj: SyncedMixin, stamp: str, site: str, is_new: bool) -> None:
    """Give the changed fields (all of a new record's) the new stamp and note it as seen."""
    if is_new:
        obj.field_versions, obj.seen_versions = {}, {}
    else:
        old = obj.version or ""
        columns = data_columns(type(obj))
        stamps = expand_fields(columns, old, obj.field_versions)
        for name in _changed_fields(obj, columns):
            stamps[name] = stamp
        seen = expand_seen(old, obj.seen_versions)
        seen[site] = stamp
        obj.field_versions = compact_fields(stamps, stamp)
        obj.seen_versions = compact_seen(seen, stamp)
    obj.version = stamp


@event.listens_for(Session, "before_flush")
def _stamp_changes(session: Session, flush_context: Any, instances: Any) -> None:
    context: ChangeContext | None = session.info.get(CONTEXT_KEY)
    if context is None or context.apply_incoming:
        return
    changed = [obj for obj in session.new if isinstance(obj, SyncedMixin)]
    changed += [
        obj
        for obj in session.dirty
        if isinstance(obj, SyncedMixin) and session.is_modified(obj, include_collections=False)
    ]
    if not changed:
        return
    moment = context.now()
    seq = next_change_seq(session)
    for obj in changed:
        is_new = obj in session.new
        if is_new and obj.created_at is None:
            obj.created_at = moment
        obj.updated_at = moment
        obj.updated_by = context.user
        obj.origin_site = context.site_id
        obj.sync_seq = seq
        _restamp(obj, context.next_stamp().encode(), context.site_id, is_new)
