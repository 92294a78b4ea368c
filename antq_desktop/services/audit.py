"""The audit trail: who changed which record, when, which fields from what to what.

One listener on every session's flush does two things for all services at once:
- refuses a change the signed-in role may not make (`services.permissions`), so no service can
  forget to check;
- writes an audit entry for every record created, changed, deleted or brought back, and for every
  setting and account changed, in the same transaction as the change itself.

Entries are hash-chained: each entry's hash covers its own content and the previous entry's hash,
so an entry removed, edited or inserted in the middle breaks the chain, and `verify_chain` (run by
`antq-desktop check`) says where. Events that change no record (a sign-in, a backup, a restore, an
import) are written by `record_event`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import AuditAction, UserRole
from antq_desktop.domain.messages import Message, Quantity, message
from antq_desktop.services import settings
from antq_desktop.services.permissions import Permission, denial
from antq_desktop.store.base import SyncedMixin
from antq_desktop.store.models import AuditEntry, Setting, UserAccount
from antq_desktop.store.stamping import CONTEXT_KEY, ChangeContext

if TYPE_CHECKING:  # workspace imports this module to register the listener
    from antq_desktop.services.workspace import Workspace

GENESIS_HASH = "0" * 64

UNAUDITED_COLUMNS = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "updated_by",
        "origin_site",
        "version",
        "deleted_at",
        "field_versions",
        "seen_versions",
        "sync_seq",
        "name_folded",
        "sort_key",
        "search_text",
    }
)
"""The stamps every change refreshes, and columns derived from others (folded names)."""

LABEL_COLUMNS = ("full_name", "name", "code", "key", "username")
"""The column that names a record in the trail (a person's name, a program's name…)."""

CHAIN_BROKEN = message(
    "audit.chain_broken",
    "Nhật ký thay đổi bị sửa hoặc xóa bớt tại dòng {seq}: {detail}",
    "The audit trail was edited or cut at entry {seq}: {detail}",
)
CHAIN_GAP = message(
    "audit.chain_gap",
    "thiếu dòng (sau dòng {previous} là dòng {seq})",
    "entries are missing (entry {previous} is followed by {seq})",
)
CHAIN_LINK = message(
    "audit.chain_link",
    "dòng không nối với dòng trước",
    "the entry does not follow on from the one before",
)
CHAIN_CONTENT = message(
    "audit.chain_content",
    "nội dung dòng không khớp với mã băm của nó",
    "the entry's content does not match its hash",
)
CHAIN_OK = message(
    "audit.chain_ok",
    "Nhật ký thay đổi: {count} dòng, liền mạch.",
    "Audit trail: {count} entries, unbroken.",
)


def _plain(value: Any) -> Any:
    """A value as JSON can hold it (dates as ISO text, enums as their code)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def entry_hash(
    prev_hash: str,
    seq: int,
    at: datetime,
    username: str,
    action: str,
    record_kind: str,
    record_id: str,
    details_json: str,
) -> str:
    content = [prev_hash, seq, at.isoformat(), username, action, record_kind, record_id]
    content.append(details_json)
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _utc(moment: datetime) -> datetime:
    """Moments are hashed as they read back from the file: UTC, to the microsecond."""
    return moment.astimezone(UTC)


def _head(session: Session) -> tuple[int, str]:
    with session.no_autoflush:
        row = session.execute(
            select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).first()
    return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))


@dataclass(frozen=True)
class _Pending:
    action: AuditAction
    record_kind: str
    record_id: str
    details: Mapping[str, Any]


def _append(session: Session, username: str, at: datetime, pending: list[_Pending]) -> None:
    """Chain `pending` after the newest entry in the file. Every entry of a flush is appended in
    one call, and `record_event` appends in a transaction of its own, so no entry of this session
    is waiting unflushed behind the head read here."""
    seq, previous = _head(session)
    for item in pending:
        seq += 1
        details_json = json.dumps(item.details, ensure_ascii=False, sort_keys=True, default=str)
        digest = entry_hash(
            previous,
            seq,
            _utc(at),
            username,
            item.action.value,
            item.record_kind,
            item.record_id,
            details_json,
        )
        session.add(
            AuditEntry(
                seq=seq,
                at=_utc(at),
                username=username,
                action=item.action,
                record_kind=item.record_kind,
                record_id=item.record_id,
                details_json=details_json,
                prev_hash=previous,
                hash=digest,
            )
        )
        previous = digest


def _columns(obj: Any) -> Iterator[str]:
    for attribute in inspect(type(obj)).column_attrs:
        if attribute.key not in UNAUDITED_COLUMNS:
            yield attribute.key


def _label(obj: Any) -> str:
    if isinstance(obj, UserAccount):
        return obj.username
    if isinstance(obj, Setting):  # the label a person reads on the settings page, not the key
        spec = settings.SETTINGS.get(obj.key)
        return spec.label().render("vi") if spec is not None else obj.key
    for name in LABEL_COLUMNS:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value:
            return value
    return ""


def _record_id(obj: Any) -> str:
    identity = inspect(obj).identity
    if identity:
        return str(identity[0])
    for name in ("id", "key", "username"):
        value = getattr(obj, name, None)
        if value is not None:
            return str(value)
    return ""


def _created(obj: Any) -> dict[str, Any]:
    fields = {name: _plain(getattr(obj, name)) for name in _columns(obj)}
    return {
        "label": _label(obj),
        "fields": {k: v for k, v in fields.items() if v not in ("", None)},
    }


def _changes(obj: Any) -> dict[str, list[Any]]:
    state = inspect(obj)
    changed: dict[str, list[Any]] = {}
    for name in _columns(obj):
        history = state.attrs[name].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if _plain(old) != _plain(new):
            changed[name] = [_plain(old), _plain(new)]
    return changed


def _deleted_change(obj: SyncedMixin) -> AuditAction | None:
    history = inspect(obj).attrs["deleted_at"].history
    if not history.has_changes():
        return None
    was = history.deleted[0] if history.deleted else None
    now = history.added[0] if history.added else None
    if was is None and now is not None:
        return AuditAction.DELETE
    if was is not None and now is None:
        return AuditAction.UNDELETE
    return None


def _kind(obj: Any) -> str:
    return type(obj).__name__


def _permission_for(obj: Any) -> Permission | None:
    """What changing `obj` takes (account changes are checked by `services.accounts`)."""
    if isinstance(obj, SyncedMixin):
        return Permission.EDIT_RECORDS
    if isinstance(obj, Setting):
        return Permission.CHANGE_SETTINGS
    return None


def _pending_changes(session: Session) -> tuple[list[_Pending], set[Permission]]:
    """What this flush changes, as entries, and the permissions the changes need."""
    pending: list[_Pending] = []
    needed: set[Permission | None] = set()
    for obj in session.new:
        if isinstance(obj, AuditEntry):
            continue
        needed.add(_permission_for(obj))
        action = _action_of(obj, AuditAction.CREATE)
        pending.append(_Pending(action, _kind(obj), _record_id(obj), _created(obj)))
    for obj in session.dirty:
        if isinstance(obj, AuditEntry) or not session.is_modified(obj, include_collections=False):
            continue
        deleted = _deleted_change(obj) if isinstance(obj, SyncedMixin) else None
        changes = _changes(obj)
        if deleted is None and not changes:
            continue
        needed.add(_permission_for(obj))
        details: dict[str, Any] = {"label": _label(obj)}
        if changes:
            details["fields"] = changes
        action = deleted or _action_of(obj, AuditAction.UPDATE)
        pending.append(_Pending(action, _kind(obj), _record_id(obj), details))
    for obj in session.deleted:  # a hard delete (settings rows only; records are tombstoned)
        if isinstance(obj, AuditEntry):
            raise RuntimeError("audit entries are never deleted")
        pending.append(
            _Pending(AuditAction.DELETE, _kind(obj), _record_id(obj), {"label": _label(obj)})
        )
    return pending, {permission for permission in needed if permission is not None}


def _action_of(obj: Any, default: AuditAction) -> AuditAction:
    if isinstance(obj, Setting):
        return AuditAction.SETTINGS
    if isinstance(obj, UserAccount):
        return AuditAction.ACCOUNT
    return default


@event.listens_for(Session, "before_flush")
def _check_and_audit(session: Session, flush_context: Any, instances: Any) -> None:
    """Registered for every session; acts on sessions of a workspace (they carry a context)."""
    context: ChangeContext | None = session.info.get(CONTEXT_KEY)
    if context is None or context.apply_incoming:
        return
    pending, needed = _pending_changes(session)
    for permission in sorted(needed):
        if permission not in context.permissions:
            raise denial(context.user, UserRole(context.role or UserRole.VIEWER), permission)
    if pending:
        _append(session, context.user, context.now(), pending)


def record_event(
    workspace: Workspace,
    action: AuditAction,
    details: Mapping[str, Any] | None = None,
    *,
    record_kind: str = "",
    record_id: str = "",
) -> None:
    """An entry for something that changes no record: a sign-in, a backup, a restore, an import."""
    with workspace.database.transaction() as session:
        record_event_in(
            session, workspace, action, details, record_kind=record_kind, record_id=record_id
        )


def record_event_in(
    session: Session,
    workspace: Workspace,
    action: AuditAction,
    details: Mapping[str, Any] | None = None,
    *,
    record_kind: str = "",
    record_id: str = "",
) -> None:
    """`record_event` inside the caller's transaction (an import writes its entry with its rows)."""
    context = workspace.database.change_context
    at = context.now() if context is not None else datetime.now(UTC)
    pending = [_Pending(action, record_kind, record_id, dict(details or {}))]
    _append(session, workspace.user, at, pending)


@dataclass(frozen=True)
class ChainReport:
    entries: int
    problems: tuple[Message, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> Message:
        return CHAIN_OK(count=Quantity(self.entries))


def verify_rows(rows: Iterator[tuple[Any, ...]]) -> ChainReport:
    """Check (seq, at, username, action, kind, id, details, prev_hash, hash) rows in order."""
    problems: list[Message] = []
    expected_seq, previous = 1, GENESIS_HASH
    count = 0
    for seq, at, username, action, kind, record_id, details, prev_hash, digest in rows:
        count += 1
        if seq != expected_seq:
            problems.append(
                CHAIN_BROKEN(seq=seq, detail=CHAIN_GAP(previous=expected_seq - 1, seq=seq))
            )
        elif prev_hash != previous:
            problems.append(CHAIN_BROKEN(seq=seq, detail=CHAIN_LINK()))
        recomputed = entry_hash(
            prev_hash, seq, _utc(at), username, str(action), kind, record_id, details
        )
        if recomputed != digest:
            problems.append(CHAIN_BROKEN(seq=seq, detail=CHAIN_CONTENT()))
        expected_seq, previous = seq + 1, digest
        if len(problems) >= 20:
            break
    return ChainReport(count, tuple(problems))


def verify_chain(workspace: Workspace) -> ChainReport:
    """Walk the whole trail and report every break (at most 20)."""
    columns = (
        AuditEntry.seq,
        AuditEntry.at,
        AuditEntry.username,
        AuditEntry.action,
        AuditEntry.record_kind,
        AuditEntry.record_id,
        AuditEntry.details_json,
        AuditEntry.prev_hash,
        AuditEntry.hash,
    )
    with workspace.database.session() as session:
        result = session.execute(select(*columns).order_by(AuditEntry.seq))
        return verify_rows(tuple(row) for row in result)
