"""This site's identity card, the peers it trusts, and the history of bundles."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.messages import message
from antq_desktop.services import settings
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import OrgUnit, SyncHistory, SyncPeer
from antq_desktop.sync.keys import (
    IdentityCard,
    SyncError,
    _b64,
    _unb64,
    read_card,
    site_keys,
    write_card,
)

if TYPE_CHECKING:
    from antq_desktop.sync.bundle import Manifest

OWN_CARD = message(
    "sync.own_card",
    "Đây là thẻ định danh của chính cài đặt này; chỉ nhập thẻ của đơn vị khác.",
    "This is this installation's own identity card; import the cards of other units only.",
)
PEER_KEY_DIFFERS = message(
    "sync.peer_key_differs",
    "Đã biết {peer} với dấu vân tay {known}; thẻ này có dấu vân tay khác ({given}). Nếu đơn vị "
    "đó đã cài lại máy, hãy gọi điện xác nhận rồi xóa nơi gửi cũ trước khi nhập thẻ mới.",
    "{peer} is known with the fingerprint {known}; this card has another ({given}). If that "
    "unit reinstalled its PC, phone to confirm, then remove the old peer before importing the "
    "new card.",
)
NO_SUCH_PEER = message(
    "sync.no_such_peer",
    "Không có nơi gửi/nhận {peer} trong danh sách.",
    "There is no peer {peer} in the list.",
)


def unit_card_fields(own: OrgUnit | None) -> tuple[str, str]:
    return (own.code, own.name) if own is not None else ("", "")


def peer_card(peer: SyncPeer) -> IdentityCard:
    return IdentityCard(
        site_id=peer.site_id,
        unit_code=peer.unit_code,
        unit_name=peer.unit_name,
        sign_public=_unb64(peer.sign_public),
        box_public=_unb64(peer.box_public),
    )


def known_peers(session: Session) -> dict[str, IdentityCard]:
    return {peer.site_id: peer_card(peer) for peer in session.scalars(select(SyncPeer))}


def own_card(workspace: Workspace) -> IdentityCard:
    with workspace.database.transaction() as session:
        keys = site_keys(session, workspace.site_id)
        own = session.get(OrgUnit, settings.read_setting(session, settings.OWN_UNIT_ID) or "")
        return keys.card(*unit_card_fields(own), datetime.now(UTC).isoformat(timespec="seconds"))


def export_identity(workspace: Workspace, path: Path) -> IdentityCard:
    """Write this site's identity card (public keys only) to `path`."""
    card = own_card(workspace)
    with workspace.database.session() as session:
        keys = site_keys(session, workspace.site_id)
    write_card(card, keys, path)
    return card


@dataclass(frozen=True)
class PeerView:
    site_id: str
    unit_code: str
    unit_name: str
    fingerprint: str
    added_at: datetime
    added_by: str
    last_import_at: datetime | None
    last_export_at: datetime | None
    received_seq: int | None
    acked_seq: int | None

    @property
    def label(self) -> str:
        return f"{self.unit_name} ({self.unit_code})" if self.unit_code else self.site_id


def _view(peer: SyncPeer) -> PeerView:
    return PeerView(
        peer.site_id,
        peer.unit_code,
        peer.unit_name,
        peer.fingerprint,
        peer.added_at,
        peer.added_by,
        peer.last_import_at,
        peer.last_export_at,
        peer.received_seq,
        peer.acked_seq,
    )


def add_peer_in(session: Session, workspace: Workspace, card: IdentityCard) -> bool:
    """Trust `card` (in the caller's transaction); False when it was already known as is."""
    if card.site_id == workspace.site_id:
        raise SyncError(OWN_CARD())
    known = session.get(SyncPeer, card.site_id)
    if known is not None:
        if _unb64(known.sign_public) == card.sign_public and _unb64(known.box_public) == (
            card.box_public
        ):
            known.unit_code, known.unit_name = card.unit_code, card.unit_name
            return False
        raise SyncError(
            PEER_KEY_DIFFERS(
                peer=known.unit_name or known.site_id,
                known=known.fingerprint,
                given=card.fingerprint,
            )
        )
    session.add(
        SyncPeer(
            site_id=card.site_id,
            unit_code=card.unit_code,
            unit_name=card.unit_name,
            sign_public=_b64(card.sign_public),
            box_public=_b64(card.box_public),
            fingerprint=card.fingerprint,
            added_at=datetime.now(UTC),
            added_by=workspace.user,
        )
    )
    session.flush()
    return True


def add_peer(workspace: Workspace, card: IdentityCard) -> bool:
    require(workspace, Permission.CHANGE_SETTINGS)
    with workspace.database.transaction() as session:
        return add_peer_in(session, workspace, card)


def import_identity(workspace: Workspace, path: Path) -> tuple[IdentityCard, bool]:
    """Read a card file and trust it; the card and whether it was new."""
    card = read_card(path)
    return card, add_peer(workspace, card)


def remove_peer(workspace: Workspace, site_id: str) -> None:
    require(workspace, Permission.CHANGE_SETTINGS)
    with workspace.database.transaction() as session:
        peer = session.get(SyncPeer, site_id)
        if peer is None:
            raise SyncError(NO_SUCH_PEER(peer=site_id))
        session.delete(peer)


def list_peers(workspace: Workspace) -> list[PeerView]:
    with workspace.database.session() as session:
        peers = session.scalars(select(SyncPeer).order_by(SyncPeer.unit_code, SyncPeer.site_id))
        return [_view(peer) for peer in peers]


@dataclass(frozen=True)
class HistoryEntry:
    id: str
    direction: str
    at: datetime
    username: str
    file_name: str
    peer_label: str
    full: bool
    records: int
    new: int
    updated: int
    unchanged: int
    conflicts: int
    rejected: int
    summary: dict[str, Any]


def add_history(
    session: Session,
    *,
    direction: str,
    at: datetime,
    username: str,
    path: Path,
    sha256: str,
    manifest: Manifest,
    peer: IdentityCard | None,
    summary: dict[str, Any],
    totals: dict[str, int] | None = None,
) -> None:
    """One line of the history, written with a plain insert (the audit trail has its own
    IMPORT/EXPORT entry for it)."""
    totals = totals or {}
    session.execute(
        SyncHistory.__table__.insert().values(  # type: ignore[attr-defined]
            id=str(uuid.uuid4()),
            direction=direction,
            at=at,
            username=username,
            file_name=str(path),
            file_sha256=sha256,
            bundle_id=manifest.bundle_id,
            peer_site=peer.site_id if peer else "",
            peer_label=peer.label if peer else "",
            full=int(manifest.full),
            records=sum(manifest.counts.values()),
            new=totals.get("new", 0),
            updated=totals.get("updated", 0),
            unchanged=totals.get("unchanged", 0),
            conflicts=totals.get("conflicts", 0),
            rejected=totals.get("rejected", 0),
            summary_json=json.dumps(summary, ensure_ascii=False),
        )
    )


def list_history(workspace: Workspace, limit: int = 500) -> list[HistoryEntry]:
    with workspace.database.session() as session:
        rows = session.scalars(select(SyncHistory).order_by(SyncHistory.at.desc()).limit(limit))
        return [
            HistoryEntry(
                row.id,
                row.direction,
                row.at,
                row.username,
                row.file_name,
                row.peer_label,
                bool(row.full),
                row.records,
                row.new,
                row.updated,
                row.unchanged,
                row.conflicts,
                row.rejected,
                json.loads(row.summary_json or "{}"),
            )
            for row in rows
        ]
