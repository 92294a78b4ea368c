"""Import: check a bundle completely, then merge it in one transaction, or change nothing.

Tables are merged parents first. A row that cannot be placed (a value of the wrong kind, a parent
that is neither in the book nor in the bundle, a unit code another unit holds) is rejected with
its reason, and so are the rows that hang from it; everything else goes in. Conflicts found while
merging are recorded (`SyncConflict`) in the same transaction. An error or a cancel anywhere rolls
the whole bundle back.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from antq_desktop.domain.clock import Stamp, is_stamp
from antq_desktop.domain.enums import AuditAction
from antq_desktop.domain.messages import Message, message
from antq_desktop.domain.validation import mask_citizen_id
from antq_desktop.services.audit import record_event_in
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import OrgUnit, Person, SyncPeer
from antq_desktop.store.stamping import (
    CONTEXT_KEY,
    ChangeContext,
    expand_fields,
    expand_seen,
    next_change_seq,
    site_of,
)
from antq_desktop.sync.bundle import OpenedBundle, open_bundle
from antq_desktop.sync.conflicts import stamp_moment
from antq_desktop.sync.keys import IdentityCard, SyncError, site_keys
from antq_desktop.sync.merge import FieldConflict, Merged, RowState, json_text, merge_row
from antq_desktop.sync.peers import add_history, add_peer_in, known_peers
from antq_desktop.sync.tables import BY_NAME, SYNC_TABLES, SyncTable, _moment
from antq_desktop.sync.writer import RowWriter

UNKNOWN_SENDER = message(
    "sync.unknown_sender",
    "Gói {path} đến từ {sender}, một nơi gửi chưa biết. Dấu vân tay: {fingerprint}. Hãy gọi "
    "điện cho nơi gửi, đọc dấu vân tay để đối chiếu, rồi nhận nơi gửi mới (trên dòng lệnh: "
    "--accept-new-sender). Chưa có gì thay đổi.",
    "The bundle {path} comes from {sender}, an unknown sender. Fingerprint: {fingerprint}. "
    "Phone the sender, read the fingerprint to compare, then accept the new sender (on the "
    "command line: --accept-new-sender). Nothing was changed.",
)
CANCELLED = message(
    "sync.cancelled",
    "Đã hủy nhập gói {path}; không có gì thay đổi.",
    "The import of {path} was cancelled; nothing was changed.",
)
GAP_NOTICE = message(
    "sync.gap",
    "Chưa đủ dữ liệu của {sender}: có gói trước chưa nhập được, dòng bị từ chối, hoặc sổ này "
    "vừa khôi phục từ bản sao lưu. Những gì nhận được đã lưu; hãy nhờ {sender} xuất một gói "
    "toàn bộ (--full) cho đơn vị này.",
    "Not everything of {sender} has arrived: an earlier bundle was not imported, rows were "
    "rejected, or this book was just restored from a backup. What arrived is saved; ask "
    "{sender} to export a full bundle (--full) for this unit.",
)
INVALID_ROW = message(
    "sync.invalid_row",
    "giá trị không hợp lệ ({detail})",
    "invalid value ({detail})",
)
MISSING_PARENT = message(
    "sync.missing_parent",
    "trỏ tới {table} mã {parent_id} không có trong sổ hay trong gói",
    "refers to {table} {parent_id}, which is neither in the book nor in the bundle",
)
UNIT_CODE_HELD = message(
    "sync.unit_code_held",
    "mã đơn vị {code} đã thuộc một đơn vị khác trong sổ",
    "the unit code {code} belongs to another unit in the book",
)
TWICE_IN_BUNDLE = message(
    "sync.twice_in_bundle",
    "xuất hiện hai lần trong gói",
    "appears twice in the bundle",
)

_BATCH = 500
_PROGRESS_EVERY = 1000
_REASONS_KEPT = 20
Progress = Callable[[int, int], None]


class UnknownSender(SyncError):
    """The bundle is whole and signed, by a site not yet trusted: the caller may ask a person."""

    def __init__(self, msg: Message, card: IdentityCard) -> None:
        super().__init__(msg)
        self.card = card


class ImportCancelled(SyncError):
    """A person cancelled; the transaction was rolled back."""


@dataclass
class TableSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0
    reasons: list[tuple[str, Message]] = field(default_factory=list)
    """Up to 20 rejected rows: (id, why)."""

    def reject(self, row_id: str, why: Message) -> None:
        self.rejected += 1
        if len(self.reasons) < _REASONS_KEPT:
            self.reasons.append((row_id, why))

    def as_json(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
            "reasons": [
                {"id": row_id, "vi": why.render("vi"), "en": why.render("en")}
                for row_id, why in self.reasons
            ],
        }


@dataclass(frozen=True)
class Duplicate:
    """People in different units who share a citizen ID (for a person to merge)."""

    citizen_id: str
    """Masked to its last four digits: a summary (printed, perhaps kept in a log) has no need of
    the whole number; the duplicates list shows it to the roles that may read it."""
    people: tuple[tuple[str, str, str], ...]
    """(person id, full name, unit name) of each."""


@dataclass
class ImportSummary:
    path: Path
    bundle_id: str
    sender: IdentityCard
    new_sender: bool
    full: bool
    tables: dict[str, TableSummary]
    duplicates: list[Duplicate] = field(default_factory=list)
    gap: bool = False
    """Changes of the sender made before this bundle have not all arrived here (a bundle was
    missed, or this book was restored), or rows were rejected: the sender should send a full
    bundle (`--full`) once the cause is fixed."""

    def total(self, name: str) -> int:
        return sum(int(getattr(summary, name)) for summary in self.tables.values())

    @property
    def changed_anything(self) -> bool:
        return any(self.total(name) for name in ("new", "updated", "conflicts"))

    def totals(self) -> dict[str, int]:
        return {
            name: self.total(name)
            for name in ("new", "updated", "unchanged", "conflicts", "rejected")
        }


def _stamp(value: Any) -> str:
    if not is_stamp(value):
        raise ValueError("version stamp expected")
    return str(value)


def _stamp_map(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("stamps expected")
    return {str(key): _stamp(stamp) for key, stamp in value.items()}


def parse_row(table: SyncTable, raw: dict[str, Any]) -> RowState:
    """An incoming row, every value checked; `ValueError` saying what is wrong."""
    row_id = raw.get("id")
    if not isinstance(row_id, str) or not 0 < len(row_id) <= 36:
        raise ValueError("id")
    version = _stamp(raw.get("v"))
    field_stamps = _stamp_map(raw.get("fv"))
    if not set(field_stamps) <= set(table.columns) or any(
        stamp > version for stamp in field_stamps.values()
    ):
        raise ValueError("field stamps")
    fields = raw.get("f")
    if not isinstance(fields, dict) or set(fields) != set(table.columns):
        raise ValueError("fields")
    values: dict[str, Any] = {}
    for name in table.columns:
        value = fields[name]
        if value is None:
            if name not in table.nullable:
                raise ValueError(f"{name} is empty")
            values[name] = None
            continue
        try:
            values[name] = table.decoders[name](value)
        except (ValueError, TypeError) as error:
            raise ValueError(f"{name}: {error}") from error
    stamps = expand_fields(table.columns, version, field_stamps)
    seen = expand_seen(version, _stamp_map(raw.get("sv")))
    for stamp in {version, *field_stamps.values()}:  # a row has seen every value it holds
        site = site_of(stamp)
        if stamp > seen.get(site, ""):
            seen[site] = stamp
    updated_by, origin = raw.get("by"), raw.get("o")
    if not isinstance(updated_by, str) or not isinstance(origin, str):
        raise ValueError("change columns")
    return RowState(
        id=row_id,
        values=values,
        stamps=stamps,
        seen=seen,
        version=version,
        created_at=_moment(raw.get("c")),
        updated_at=_moment(raw.get("u")),
        updated_by=updated_by[:100],
        origin_site=origin[:40],
    )


def _local_state(table: SyncTable, row: Any) -> RowState:
    return RowState(
        id=row.id,
        values={name: getattr(row, name) for name in table.columns},
        stamps=expand_fields(table.columns, row.version, row.field_versions),
        seen=expand_seen(row.version, row.seen_versions),
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        origin_site=row.origin_site,
    )


def _batches(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


class _Merger:
    """One bundle's merge, inside one transaction."""

    def __init__(
        self,
        session: Session,
        workspace: Workspace,
        seq: int,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        total: int,
        path: Path,
    ) -> None:
        self.session = session
        self.connection: Connection = session.connection()
        self.workspace = workspace
        self.seq = seq
        self.progress = progress
        self.cancelled = cancelled
        self.total = total
        self.path = path
        self.done = 0
        self.known: dict[str, set[str]] = defaultdict(set)
        """Ids known to exist, per table (found in the book or written by this import)."""
        self._writers: dict[str, RowWriter] = {}
        self.touched_people: set[str] = set()
        context = workspace.database.change_context
        assert context is not None
        self.context: ChangeContext = context

    def writer(self, table: SyncTable) -> RowWriter:
        writer = self._writers.get(table.name)
        if writer is None:
            writer = self._writers[table.name] = RowWriter(table, self.connection)
        return writer

    def tick(self, rows: int = 1) -> None:
        """Count `rows` more steps (each row is read and merged, then written or passed over):
        report progress and honour a cancel every thousand steps or so."""
        before, self.done = self.done, self.done + rows
        if before // _PROGRESS_EVERY != self.done // _PROGRESS_EVERY or self.done >= self.total:
            if self.cancelled is not None and self.cancelled():
                raise ImportCancelled(CANCELLED(path=str(self.path)))
            if self.progress is not None:
                self.progress(self.done, self.total)

    def existing(self, table_name: str, ids: set[str]) -> set[str]:
        """Which of `ids` are rows of `table_name` (in the book or written here)."""
        known = self.known[table_name]
        unknown = sorted(ids - known)
        source = BY_NAME[table_name].table
        for batch in _batches(unknown):
            known.update(self.connection.scalars(select(source.c.id).where(source.c.id.in_(batch))))
        return ids & known

    def merge_table(self, table: SyncTable, raw_rows: list[dict[str, Any]]) -> TableSummary:
        summary = TableSummary()
        source = table.table
        # What the book has of these rows, change columns only: a row whose stamps and sites seen
        # are those already here is unchanged, with nothing to read or merge (a re-import).
        stamps_here: dict[str, tuple[str, dict[str, str], dict[str, str]]] = {}
        ids = sorted({str(raw.get("id")) for raw in raw_rows if isinstance(raw.get("id"), str)})
        meta = (source.c.id, source.c.version, source.c.field_versions, source.c.seen_versions)
        for batch in _batches(ids):
            for row_id, version, field_versions, seen in self.connection.execute(
                select(*meta).where(source.c.id.in_(batch))
            ):
                stamps_here[row_id] = (version, field_versions or {}, seen or {})
        self.known[table.name].update(stamps_here)
        incoming: dict[str, RowState] = {}
        for raw in raw_rows:
            row_id = str(raw.get("id", ""))[:36]
            here = stamps_here.get(row_id)
            if here is not None and (
                raw.get("r") == 1  # a unit above, sent for reference: the book's own copy stands
                or here == (raw.get("v"), raw.get("fv") or {}, raw.get("sv") or {})
            ):
                summary.unchanged += 1
                self.tick()
                continue
            try:
                state = parse_row(table, raw)
            except ValueError as error:
                summary.reject(row_id, INVALID_ROW(detail=str(error)))
                self.tick()
                continue
            if state.id in incoming:
                summary.reject(state.id, TWICE_IN_BUNDLE())
                self.tick()
                continue
            incoming[state.id] = state
        local: dict[str, RowState] = {}
        for batch in _batches(sorted(set(incoming) & set(stamps_here))):
            for row in self.connection.execute(select(source).where(source.c.id.in_(batch))):
                local[row.id] = _local_state(table, row)
        results: dict[str, tuple[RowState, Merged | None]] = {}
        for row_id, state in incoming.items():
            mine = local.get(row_id)
            merged = None if mine is None else merge_row(table.columns, mine, state)
            results[row_id] = (state, merged)
            self.tick()
        accepted = self._check_references(table, results, summary)
        inserts: list[RowState] = []
        updates: list[RowState] = []
        for row_id in accepted:
            state, merged = results[row_id]
            if merged is None:
                inserts.append(state)
                summary.new += 1
            elif merged.written:
                updates.append(merged.state)
                if merged.values_changed:
                    summary.updated += 1
                else:
                    summary.unchanged += 1
                for conflict in merged.conflicts:
                    if self._record_conflict(table, merged.state, conflict):
                        summary.conflicts += 1
            else:
                summary.unchanged += 1
            if table.name == "people" and (merged is None or merged.values_changed):
                self.touched_people.add(row_id)
        self.writer(table).write(inserts, updates, self.seq, self.tick)
        self.tick(len(raw_rows) - len(inserts) - len(updates))  # rows with nothing to write
        self.known[table.name].update(accepted)
        return summary

    def _check_references(
        self,
        table: SyncTable,
        results: dict[str, tuple[RowState, Merged | None]],
        summary: TableSummary,
    ) -> list[str]:
        final = {
            row_id: (merged.state if merged is not None else state).values
            for row_id, (state, merged) in results.items()
        }
        rejected: dict[str, Message] = {}
        if table.name == "org_units":
            rejected.update(self._code_clashes(final))
        wanted: dict[str, set[str]] = defaultdict(set)
        for values in final.values():
            for column, parent in table.parents.items():
                if values[column] is not None:
                    wanted[parent].add(values[column])
        found = {
            parent: self.existing(parent, ids)
            for parent, ids in wanted.items()
            if parent != table.name
        }
        # References into the same table (a unit's parent) may point at rows of this bundle,
        # which stand only if they are accepted themselves: settle until nothing changes.
        while True:
            accepted = set(final) - set(rejected)
            before = len(rejected)
            for row_id in sorted(accepted):
                for column, parent in table.parents.items():
                    target = final[row_id][column]
                    if target is None:
                        continue
                    if parent == table.name:
                        ok = target in accepted or target in self.existing(parent, {target})
                    else:
                        ok = target in found[parent]
                    if not ok:
                        rejected[row_id] = MISSING_PARENT(table=parent, parent_id=target)
                        break
            if len(rejected) == before:
                break
        for row_id, why in rejected.items():
            summary.reject(row_id, why)
        return [row_id for row_id in final if row_id not in rejected]

    def _code_clashes(self, final: dict[str, dict[str, Any]]) -> dict[str, Message]:
        source = BY_NAME["org_units"].table
        codes = {values["code"] for values in final.values()}
        holders: dict[str, str] = {}
        for batch in _batches(sorted(codes)):
            for code, unit_id in self.connection.execute(
                select(source.c.code, source.c.id).where(source.c.code.in_(batch))
            ):
                holders[code] = unit_id
        clashes: dict[str, Message] = {}
        for row_id, values in sorted(final.items()):
            holder = holders.setdefault(values["code"], row_id)
            if holder != row_id:
                clashes[row_id] = UNIT_CODE_HELD(code=values["code"])
        return clashes

    def _unit_of(self, table: SyncTable, values: dict[str, Any], row_id: str) -> str | None:
        """The unit a record belongs to, through its table's unit path (`SyncTable.unit_path`)."""
        hops = table.unit_path
        if not hops:
            return row_id  # a unit is its own
        target = values.get(hops[0][0])
        for (_, parent), (next_column, _) in pairwise(hops):
            if target is None:
                return None
            parent_table = BY_NAME[parent].table
            target = self.connection.scalar(
                select(parent_table.c[next_column]).where(parent_table.c.id == target)
            )
        return None if target is None else str(target)

    def _record_conflict(self, table: SyncTable, state: RowState, conflict: FieldConflict) -> bool:
        """Record a conflict found here. Every installation that finds the same one records the
        same row, stamped with the later of the two edits (not the moment it was found): a
        decision taken anywhere is newer, so a site finding the conflict later never reopens it."""
        conflict_id = conflict.conflict_id(table.name, state.id)
        if conflict_id in self.existing("sync_conflicts", {conflict_id}):
            return False
        stamp = max(conflict.kept_stamp, conflict.other_stamp)
        moment = stamp_moment(stamp)
        values = {
            "table_name": table.name,
            "row_id": state.id,
            "field": conflict.field,
            "unit_id": self._unit_of(table, state.values, state.id),
            "kept_value": json_text(conflict.kept_value),
            "kept_stamp": conflict.kept_stamp,
            "other_value": json_text(conflict.other_value),
            "other_stamp": conflict.other_stamp,
            "resolution": "",
            "resolved_by": "",
            "resolved_at": None,
            "deleted_at": None,
        }
        conflicts = BY_NAME["sync_conflicts"]
        row = RowState(
            id=conflict_id,
            values=values,
            stamps=dict.fromkeys(conflicts.columns, stamp),
            seen={site_of(stamp): stamp},
            version=stamp,
            created_at=moment,
            updated_at=moment,
            updated_by="",
            origin_site=site_of(stamp),
        )
        self.writer(conflicts).write([row], [], self.seq, None)
        self.known["sync_conflicts"].add(conflict_id)
        return True

    def duplicates(self) -> list[Duplicate]:
        """People written by this import who share a citizen ID with someone of another unit."""
        if not self.touched_people:
            return []
        ids: set[str] = set()
        for batch in _batches(sorted(self.touched_people)):
            ids.update(
                value
                for value in self.session.scalars(
                    select(Person.citizen_id).where(
                        Person.id.in_(batch), Person.citizen_id.is_not(None)
                    )
                )
                if value
            )
        found: list[Duplicate] = []
        for batch in _batches(sorted(ids)):
            shared = self.session.execute(
                select(Person.citizen_id)
                .where(Person.citizen_id.in_(batch), Person.deleted_at.is_(None))
                .group_by(Person.citizen_id)
                .having(func.count(func.distinct(Person.unit_id)) > 1)
            ).scalars()
            for citizen_id in shared:
                people = self.session.execute(
                    select(Person.id, Person.full_name, OrgUnit.name)
                    .join(OrgUnit, OrgUnit.id == Person.unit_id)
                    .where(Person.citizen_id == citizen_id, Person.deleted_at.is_(None))
                    .order_by(Person.sort_key)
                ).all()
                found.append(
                    Duplicate(
                        mask_citizen_id(citizen_id) or "",
                        tuple((row.id, row.full_name, row.name) for row in people),
                    )
                )
        return found


def _follows_on(peer: SyncPeer, opened: OpenedBundle) -> bool:
    """Whether the bundle starts where the peer's changes that arrived here end (or is full)."""
    start, have = opened.manifest.seq_from, peer.received_seq
    return start is None or (have is not None and have >= start)


def read_bundle(workspace: Workspace, path: Path) -> OpenedBundle:
    """Every check of a bundle, with nothing written: `SyncError` (or `UnknownSender`)."""
    with workspace.database.transaction() as session:  # writes only a book's missing keys
        keys = site_keys(session, workspace.site_id)
        peers = known_peers(session)
    return open_bundle(
        path,
        site_id=workspace.site_id,
        box_key=keys.box_key,
        peers=peers,
        peer_label={site: card.label for site, card in peers.items()},
    )


def import_bundle(
    workspace: Workspace,
    path: Path,
    *,
    accept_new_sender: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    opened: OpenedBundle | None = None,
) -> ImportSummary:
    """Check `path`, then merge it all or not at all. `opened`: what `read_bundle` already read
    and checked of `path` (the window checks a file, asks about its sender, then imports)."""
    require(workspace, Permission.EDIT_RECORDS)
    if opened is None:
        opened = read_bundle(workspace, path)
    sender = opened.manifest.sender
    if not opened.known_sender:
        if not accept_new_sender:
            raise UnknownSender(
                UNKNOWN_SENDER(path=str(path), sender=sender.label, fingerprint=sender.fingerprint),
                sender,
            )
        require(workspace, Permission.CHANGE_SETTINGS)
    context = workspace.database.change_context
    assert context is not None
    with workspace.database.session() as session, session.begin():
        session.info[CONTEXT_KEY] = dataclasses.replace(context, apply_incoming=True)
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        if not opened.known_sender:
            add_peer_in(session, workspace, sender)
        seq = next_change_seq(session)
        merger = _Merger(session, workspace, seq, progress, cancelled, 2 * opened.records, path)
        tables = {
            table.name: merger.merge_table(table, opened.tables.get(table.name, []))
            for table in SYNC_TABLES
        }
        summary = ImportSummary(
            path,
            opened.manifest.bundle_id,
            sender,
            not opened.known_sender,
            opened.manifest.full,
            tables,
            merger.duplicates(),
        )
        _finish(session, workspace, opened, summary)
    if opened.manifest.newest_stamp:
        context.clock.receive(Stamp.decode(opened.manifest.newest_stamp), context.now_ms())
    return summary


def _finish(
    session: Session, workspace: Workspace, opened: OpenedBundle, summary: ImportSummary
) -> None:
    manifest = opened.manifest
    now = datetime.now(UTC)
    peer = session.get(SyncPeer, manifest.sender.site_id)
    assert peer is not None
    summary.gap = not _follows_on(peer, opened) or summary.total("rejected") > 0
    if not summary.gap:  # acknowledged only what arrived whole: the rest will be sent again
        have = peer.received_seq
        peer.received_seq = manifest.seq_to if have is None else max(have, manifest.seq_to)
    # The peer's newest word counts, even lower than before (a peer that restored a backup has
    # lost what it had acknowledged since, and must be sent it again); an older bundle of the
    # peer imported again says nothing new.
    if peer.newest_bundle_seq is None or manifest.seq_to >= peer.newest_bundle_seq:
        peer.acked_seq = manifest.acks.get(workspace.site_id)
        peer.newest_bundle_seq = manifest.seq_to
    peer.last_import_at = now
    add_history(
        session,
        direction="import",
        at=now,
        username=workspace.user,
        path=opened.path,
        sha256=opened.sha256,
        manifest=manifest,
        peer=manifest.sender,
        summary={name: table.as_json() for name, table in summary.tables.items()},
        totals=summary.totals(),
    )
    record_event_in(
        session,
        workspace,
        AuditAction.IMPORT,
        {
            "file": str(opened.path),
            "from": manifest.sender.label,
            "fingerprint": manifest.sender.fingerprint,
            "new_sender": summary.new_sender,
            **summary.totals(),
        },
    )
    session.flush()
