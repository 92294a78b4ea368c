"""Merging one record, field by field (no I/O: the importer reads and writes).

Each field keeps the value with the newer version stamp. Stamps come from hybrid logical clocks
that take in every stamp they see, so an edit made after seeing another always has the newer
stamp: the result depends only on the set of changes seen, never on the order (the merge is a
join: commutative, associative, idempotent).

Whether two different values were concurrent, not one following the other, is told by the sites
seen (`seen`, a version vector): an incoming value the local row has already seen is old news; a
local value the incoming row has seen is simply followed on. Otherwise both sides changed the field
without knowing of the other: the newer value is applied and the pair is a `FieldConflict` for a
person to decide (see SYNC-NOTES.md).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from antq_desktop.store.stamping import site_of
from antq_desktop.sync.tables import encode_value

CONFLICT_NAMESPACE = uuid.UUID("0b6f4f0e-3c1d-5b9a-8e2f-7a6c5d4e3f21")


@dataclass(frozen=True)
class RowState:
    """A record as merging sees it: data values (Python objects), every field's stamp, the
    sites seen, and the change columns."""

    id: str
    values: dict[str, Any]
    stamps: dict[str, str]
    seen: dict[str, str]
    version: str
    created_at: datetime
    updated_at: datetime
    updated_by: str
    origin_site: str


@dataclass(frozen=True)
class FieldConflict:
    field: str
    kept_value: Any
    kept_stamp: str
    other_value: Any
    other_stamp: str

    def conflict_id(self, table: str, row_id: str) -> str:
        low, high = sorted((self.kept_stamp, self.other_stamp))
        return str(uuid.uuid5(CONFLICT_NAMESPACE, f"{table}:{row_id}:{self.field}:{low}:{high}"))


@dataclass(frozen=True)
class Merged:
    state: RowState
    values_changed: tuple[str, ...]
    """The fields whose value the incoming record changed here."""
    written: bool
    """Whether anything of the local row changes (values, stamps, sites seen)."""
    conflicts: tuple[FieldConflict, ...]


def _covers(seen: dict[str, str], stamp: str) -> bool:
    return seen.get(site_of(stamp), "") >= stamp


def json_text(value: Any) -> str:
    return json.dumps(encode_value(value), ensure_ascii=False, sort_keys=True)


def merge_row(columns: tuple[str, ...], local: RowState, incoming: RowState) -> Merged:
    values = dict(local.values)
    stamps = dict(local.stamps)
    changed: list[str] = []
    conflicts: list[FieldConflict] = []
    for name in columns:
        mine, theirs = local.stamps[name], incoming.stamps[name]
        if mine == theirs:
            continue
        mine_value, their_value = local.values[name], incoming.values[name]
        newer_is_theirs = theirs > mine
        differ = json_text(mine_value) != json_text(their_value)
        both_deleted = name == "deleted_at" and mine_value is not None and their_value is not None
        if (
            differ
            and not both_deleted  # deleted at both places: only the moments differ
            and not _covers(local.seen, theirs)
            and not _covers(incoming.seen, mine)
        ):
            if newer_is_theirs:
                conflicts.append(FieldConflict(name, their_value, theirs, mine_value, mine))
            else:
                conflicts.append(FieldConflict(name, mine_value, mine, their_value, theirs))
        if newer_is_theirs:
            stamps[name] = theirs
            if differ:
                values[name] = their_value
                changed.append(name)
    seen = dict(local.seen)
    for site, stamp in incoming.seen.items():
        if stamp > seen.get(site, ""):
            seen[site] = stamp
    newest = max(local.version, incoming.version)
    state = replace(
        local,
        values=values,
        stamps=stamps,
        seen=seen,
        version=newest,
        created_at=min(local.created_at, incoming.created_at),
    )
    if incoming.version > local.version:
        state = replace(
            state,
            updated_at=incoming.updated_at,
            updated_by=incoming.updated_by,
            origin_site=incoming.origin_site,
        )
    written = state != local
    return Merged(state, tuple(changed), written, tuple(conflicts))
