"""Fill the synced-record columns (`updated_at`, `updated_by`, `origin_site`, `version`) at flush.

One place stamps every change, so no service can forget to. A session carries a `ChangeContext` in
`session.info["change_context"]`; the sync importer sets `ChangeContext.apply_incoming=True` so that
records arriving from another site keep the stamps they came with.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from antq_desktop.domain.clock import HybridLogicalClock, Stamp
from antq_desktop.store.base import SyncedMixin

CONTEXT_KEY = "change_context"


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
    for obj in changed:
        if obj in session.new and obj.created_at is None:
            obj.created_at = moment
        obj.updated_at = moment
        obj.updated_by = context.user
        obj.origin_site = context.site_id
        obj.version = context.next_stamp().encode()
