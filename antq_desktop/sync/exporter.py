"""Export: what a peer has not yet acknowledged, within the scope of units it should hold.

The scope is the subtree of this installation's unit, or of the recipient's unit when that lies
below it (a district sends a ward what belongs to the ward). Rows are taken when they changed here
after the recipient's last acknowledgement (`sync_seq`), or all of them with `full`; rows whose
every field was written by the recipient itself are left out (it has them). The parents a row
refers to travel with it, so the recipient can always place it.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, Select, Time, select, update
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import AuditAction
from antq_desktop.domain.messages import message
from antq_desktop.services import settings
from antq_desktop.services.audit import record_event
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.base import META_COLUMNS, EnumText, UtcDateTime
from antq_desktop.store.models import OrgUnit, SyncCounter, SyncPeer
from antq_desktop.store.stamping import COUNTER_NAME, site_of
from antq_desktop.sync.bundle import Manifest, encode_line, new_manifest, write_bundle
from antq_desktop.sync.container import SUFFIX
from antq_desktop.sync.keys import IdentityCard, SyncError, site_keys
from antq_desktop.sync.peers import add_history, peer_card, unit_card_fields
from antq_desktop.sync.tables import SYNC_TABLES, SyncTable

UNKNOWN_PEER = message(
    "sync.unknown_peer",
    "Chưa biết nơi nhận {peer}. Hãy nhập thẻ định danh (.antqid) của nơi đó trước, hoặc xem danh "
    "sách bằng lệnh sync peers.",
    "The recipient {peer} is not known. Import its identity card (.antqid) first, or list the "
    "known peers with sync peers.",
)
PEER_AMBIGUOUS = message(
    "sync.peer_ambiguous",
    "Có nhiều nơi gửi/nhận mang mã đơn vị {peer} (mã cài đặt {sites}). Hãy ghi mã cài đặt thay "
    "cho mã đơn vị, hoặc xóa nơi không còn dùng.",
    "Several peers have the unit code {peer} (site ids {sites}). Give the site id instead of the "
    "unit code, or remove the one no longer in use.",
)
OUT_EXISTS = message(
    "sync.out_exists",
    "Tệp {path} đã có; gói mới không ghi đè lên tệp cũ. Hãy chọn tên khác.",
    "{path} already exists; a new bundle never overwrites a file. Choose another name.",
)
OUT_FOLDER_MISSING = message(
    "sync.out_folder_missing",
    "Không có thư mục {folder}. Hãy chọn một thư mục có sẵn (ví dụ ổ USB).",
    "The folder {folder} does not exist. Choose an existing folder (a USB stick, for example).",
)
WRITE_FAILED = message(
    "sync.write_failed",
    "Không ghi được tệp {path} ({detail}). Hãy kiểm tra ổ USB còn chỗ và không bị khóa ghi.",
    "{path} could not be written ({detail}). Check that the USB stick has room and is not "
    "write-protected.",
)
OUT_SUFFIX = message(
    "sync.out_suffix",
    "Tên tệp gói đồng bộ phải kết thúc bằng {suffix} (ví dụ phuong-01{suffix}).",
    "A sync bundle's file name must end in {suffix} (for example ward-01{suffix}).",
)

_BATCH = 500
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    recipient: IdentityCard | None
    full: bool
    counts: dict[str, int]
    size_bytes: int

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def find_peer(session: Session, name: str) -> SyncPeer:
    """A peer by site id or unit code."""
    peer = session.get(SyncPeer, name)
    if peer is not None:
        return peer
    same_unit = session.scalars(select(SyncPeer).where(SyncPeer.unit_code == name.strip())).all()
    if len(same_unit) > 1:
        raise SyncError(
            PEER_AMBIGUOUS(peer=name, sites=", ".join(peer.site_id for peer in same_unit))
        )
    if not same_unit:
        raise SyncError(UNKNOWN_PEER(peer=name))
    return same_unit[0]


def _subtree(session: Session, root: str | None) -> set[str] | None:
    """Ids of `root` and every unit below it; None (every unit) when there is no root."""
    if root is None:
        return None
    children: dict[str | None, list[str]] = {}
    for unit_id, parent_id in session.execute(select(OrgUnit.id, OrgUnit.parent_id)):
        children.setdefault(parent_id, []).append(unit_id)
    found, todo = set(), [root]
    while todo:
        unit_id = todo.pop()
        if unit_id not in found:
            found.add(unit_id)
            todo.extend(children.get(unit_id, []))
    return found


def _above(session: Session, unit_id: str) -> set[str]:
    """The units above `unit_id` (its parent, the parent's parent…)."""
    found: set[str] = set()
    parent = session.scalar(select(OrgUnit.parent_id).where(OrgUnit.id == unit_id))
    while parent is not None and parent not in found:
        found.add(parent)
        parent = session.scalar(select(OrgUnit.parent_id).where(OrgUnit.id == parent))
    return found


NOWHERE = ""
"""The scope root of a recipient that must be sent nothing of this book's units."""


def _scope_root(session: Session, recipient: SyncPeer | None) -> str | None:
    """The unit whose subtree the bundle holds: the recipient's unit when it lies below this
    installation's own, else the own unit when the recipient is that unit or one above it.
    A recipient anywhere else (another ward; a ward this book does not hold yet) is sent no
    records at all (`NOWHERE`), only the acknowledgements: nothing of other units goes astray."""
    own_id = settings.read_setting(session, settings.OWN_UNIT_ID) or None
    if own_id is None or recipient is None:
        return own_id
    theirs = session.scalar(select(OrgUnit.id).where(OrgUnit.code == recipient.unit_code))
    if theirs is not None and theirs in (_subtree(session, own_id) or set()):
        return theirs
    if theirs is not None and theirs in _above(session, own_id):
        return own_id
    return NOWHERE


def _scoped(table: SyncTable, scope: set[str] | None) -> Select[Any]:
    """The rows of `table` whose unit is in `scope`."""
    source = table.table
    statement = select(source)
    if scope is None:
        return statement
    if not table.unit_path:
        return statement.where(source.c.id.in_(scope))
    current = source
    for column, parent_name in table.unit_path[:-1]:
        parent = next(t.table for t in SYNC_TABLES if t.name == parent_name)
        statement = statement.join(parent, current.c[column] == parent.c.id)
        current = parent
    unit_column = current.c[table.unit_path[-1][0]]
    if table.name == "sync_conflicts" and scope:  # one whose record's unit was not found
        return statement.where(unit_column.in_(scope) | unit_column.is_(None))
    return statement.where(unit_column.in_(scope))


def _iso(value: Any) -> str:
    return str(value.isoformat())


def _code(value: Any) -> str:
    return str(value.value)


RowEncoder = Callable[[Sequence[Any]], dict[str, Any]]
_ENCODERS: dict[str, RowEncoder] = {}


def row_encoder(table: SyncTable) -> RowEncoder:
    """How a row of `table` (as `select(table)` gives it) is written in a bundle; built once per
    table, reading values by position (100,000 rows are encoded in about a second)."""
    encoder = _ENCODERS.get(table.name)
    if encoder is not None:
        return encoder
    position = {column.name: index for index, column in enumerate(table.table.columns)}
    fields: list[tuple[str, int, Callable[[Any], Any] | None]] = []
    for name in table.columns:
        sql_type = table.table.columns[name].type
        convert: Callable[[Any], Any] | None = None
        if isinstance(sql_type, EnumText):
            convert = _code
        elif isinstance(sql_type, UtcDateTime | Date | Time):
            convert = _iso
        fields.append((name, position[name], convert))
    at = {name: position[name] for name in META_COLUMNS}

    def encode(values: Sequence[Any]) -> dict[str, Any]:
        line: dict[str, Any] = {"id": values[at["id"]], "v": values[at["version"]]}
        if values[at["field_versions"]]:
            line["fv"] = values[at["field_versions"]]
        if values[at["seen_versions"]]:
            line["sv"] = values[at["seen_versions"]]
        line["c"] = values[at["created_at"]].isoformat()
        line["u"] = values[at["updated_at"]].isoformat()
        line["by"] = values[at["updated_by"]]
        line["o"] = values[at["origin_site"]]
        line["f"] = {
            name: values[index]
            if convert is None or values[index] is None
            else convert(values[index])
            for name, index, convert in fields
        }
        return line

    _ENCODERS[table.name] = encode
    return encode


def _written_only_by(row: Any, site: str) -> bool:
    """Every field of the row was last written by `site` (its stamps: `version` and the older
    ones in `field_versions`) and the row has taken in nothing from another site (its
    `seen_versions`): sending it back would tell `site` nothing. A row that has seen another
    site's edit does go back, so that `site` learns it was seen and a value already shown in a
    conflict does not come up again."""
    return (
        site_of(row.version) == site
        and all(site_of(stamp) == site for stamp in (row.field_versions or {}).values())
        and all(seen_site == site for seen_site in (row.seen_versions or {}))
    )


def _batches(ids: Iterable[str]) -> Iterable[list[str]]:
    pending = sorted(ids)
    for start in range(0, len(pending), _BATCH):
        yield pending[start : start + _BATCH]


def _ancestors(session: Session, units: set[str]) -> set[str]:
    """The units above `units` that are not among them."""
    rows = session.execute(select(OrgUnit.id, OrgUnit.parent_id)).all()
    parent_of: dict[str, str | None] = {row.id: row.parent_id for row in rows}
    above: set[str] = set()
    for unit in units:
        parent = parent_of.get(unit)
        while parent is not None and parent not in units and parent not in above:
            above.add(parent)
            parent = parent_of.get(parent)
    return above


def _gather(
    session: Session,
    scope: set[str] | None,
    since: int | None,
    echo_site: str | None,
) -> tuple[dict[str, list[bytes]], str]:
    """Encoded rows per table (parents first) and the newest stamp among them.

    The units above the highest unit sent travel too, marked for reference ("r": 1): the
    recipient adds those it lacks and keeps its own copy of the others (a ward's record of its
    district must not overwrite the district's own)."""
    needed: dict[str, set[str]] = {}
    lines: dict[str, list[bytes]] = {}
    newest = ""
    for table in reversed(SYNC_TABLES):  # children first: they say which parents must travel
        encode = row_encoder(table)
        statement = _scoped(table, scope)
        if since is not None:
            statement = statement.where(table.table.c.sync_seq > since)
        rows = list(session.execute(statement).all())
        taken = {row.id for row in rows}
        missing = needed.get(table.name, set()) - taken
        for batch in _batches(missing):
            rows += session.execute(select(table.table).where(table.table.c.id.in_(batch))).all()
        encoded: list[bytes] = []
        sent: set[str] = set()
        parents = [
            (column, parent)
            for column, parent in table.parents.items()
            if not (table.name == "org_units" and column == "parent_id")
        ]
        for row in rows:
            if (
                echo_site is not None
                and table.name != "sync_conflicts"  # stamped by its edits, not by who found it
                and row.id not in missing
                and _written_only_by(row, echo_site)
            ):
                continue
            encoded.append(encode_line(encode(row)))
            sent.add(row.id)
            newest = max(newest, row.version)
            for column, parent in parents:
                value = getattr(row, column)
                if value is not None:
                    needed.setdefault(parent, set()).add(value)
        if table.name == "org_units":
            for batch in _batches(_ancestors(session, sent)):
                for row in session.execute(
                    select(table.table).where(table.table.c.id.in_(batch))
                ).all():
                    encoded.append(encode_line({**encode(row), "r": 1}))
        lines[table.name] = encoded
    return {table.name: lines[table.name] for table in SYNC_TABLES}, newest


def check_out_path(path: Path) -> None:
    if path.suffix.lower() != SUFFIX:
        raise SyncError(OUT_SUFFIX(suffix=SUFFIX))
    if not path.parent.is_dir():
        raise SyncError(OUT_FOLDER_MISSING(folder=str(path.parent)))
    if path.exists():
        raise SyncError(OUT_EXISTS(path=str(path)))


def export_bundle(
    workspace: Workspace,
    out: Path,
    *,
    to: str | None = None,
    full: bool = False,
) -> ExportResult:
    """Write a bundle to `out` (never over an existing file) and record it in the history."""
    require(workspace, Permission.EXPORT)
    check_out_path(out)
    with workspace.database.transaction() as session:
        keys = site_keys(session, workspace.site_id)
    with workspace.database.session() as session, session.begin():
        recipient = find_peer(session, to) if to else None
        own = session.get(OrgUnit, settings.read_setting(session, settings.OWN_UNIT_ID) or "")
        root = _scope_root(session, recipient)
        scope = set() if root == NOWHERE else _subtree(session, root)
        since = None if full or recipient is None else recipient.acked_seq
        seq_to = session.scalar(select(SyncCounter.value).where(SyncCounter.name == COUNTER_NAME))
        # A full bundle carries even what the recipient wrote itself (after it restored a backup,
        # it may have lost some).
        echo = recipient.site_id if recipient is not None and not full else None
        tables, newest = _gather(session, scope, since, echo)
        acks = {
            peer.site_id: peer.received_seq
            for peer in session.scalars(select(SyncPeer))
            if peer.received_seq is not None and (recipient is None or peer is recipient)
        }
        root_unit = session.get(OrgUnit, root) if root else None
        card = keys.card(*unit_card_fields(own))
        recipient_card = peer_card(recipient) if recipient is not None else None
    counts = {name: len(lines) for name, lines in tables.items()}
    manifest = new_manifest(
        sender=card,
        recipient=recipient_card.site_id if recipient_card else None,
        full=since is None,
        seq_from=since,
        seq_to=int(seq_to or 0),
        newest_stamp=newest,
        acks=acks,
        counts=counts,
        scope_unit=root_unit.code if root_unit is not None else "",
    )
    data = write_bundle(
        manifest, tables, keys, recipient_card.box_public if recipient_card else None
    )
    _write_new_file(out, data)
    try:
        _record_export(workspace, out, data, manifest, recipient_card)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return ExportResult(out, manifest.bundle_id, recipient_card, since is None, counts, len(data))


def _write_new_file(out: Path, data: bytes) -> None:
    temporary = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with temporary.open("xb") as handle:
            handle.write(data)
            handle.flush()
        if out.exists():
            raise SyncError(OUT_EXISTS(path=str(out)))
        temporary.replace(out)
    except OSError as error:
        raise SyncError(WRITE_FAILED(path=str(out), detail=error.strerror or str(error))) from error
    finally:
        temporary.unlink(missing_ok=True)


def _record_export(
    workspace: Workspace,
    out: Path,
    data: bytes,
    manifest: Manifest,
    recipient: IdentityCard | None,
) -> None:
    now = datetime.now(UTC)
    with workspace.database.transaction() as session:
        if recipient is not None:
            session.execute(
                update(SyncPeer)
                .where(SyncPeer.site_id == recipient.site_id)
                .values(last_export_at=now)
                .execution_options(synchronize_session=False)
            )
        add_history(
            session,
            direction="export",
            at=now,
            username=workspace.user,
            path=out,
            sha256=hashlib.sha256(data).hexdigest(),
            manifest=manifest,
            peer=recipient,
            summary={name: {"records": n} for name, n in manifest.counts.items() if n},
        )
    record_event(
        workspace,
        AuditAction.EXPORT,
        {"file": str(out), "records": sum(manifest.counts.values()), "to": manifest.recipient},
    )
