"""What sync keeps: this site's keys, the known peers, the history of bundles, and conflicts.

Only `SyncConflict` travels (so every installation ends up with the same conflicts to resolve);
the rest belongs to this installation.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from antq_desktop.store.base import Base, SyncedMixin, UtcDateTime, utc_now


class SiteKey(Base):
    """This installation's key pairs (one row): Ed25519 signs bundles, X25519 opens those
    encrypted to it. Private keys are raw bytes in base64; an encrypted book keeps them
    encrypted."""

    __tablename__ = "site_keys"

    site_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    sign_private: Mapped[str] = mapped_column(String(100))
    box_private: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class SyncPeer(Base):
    """Another installation this one trusts, known by its public keys."""

    __tablename__ = "sync_peers"

    site_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(20), default="")
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    sign_public: Mapped[str] = mapped_column(String(100))
    box_public: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(60))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    added_by: Mapped[str] = mapped_column(String(100), default="")
    received_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    """The peer's change counter up to which everything it sent has been imported here."""
    acked_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    """This site's change counter up to which the peer said it has imported everything."""
    newest_bundle_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    """The highest `seq_to` of the peer's bundles imported here: an older bundle imported again
    does not take the acknowledgement back."""
    last_import_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    last_export_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class SyncHistory(Base):
    """One bundle made or imported here, with what it did (`summary_json`, per table)."""

    __tablename__ = "sync_history"
    __table_args__ = (Index("ix_sync_history_at", "at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))
    """"export" or "import"."""
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    username: Mapped[str] = mapped_column(String(100), default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    bundle_id: Mapped[str] = mapped_column(String(36), default="")
    peer_site: Mapped[str] = mapped_column(String(40), default="")
    """The sender of an import, the recipient of an export ("" when none was named)."""
    peer_label: Mapped[str] = mapped_column(String(300), default="")
    full: Mapped[int] = mapped_column(Integer, default=0)
    records: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    summary_json: Mapped[str] = mapped_column(Text, default="{}")


class SyncCounter(Base):
    """This installation's change counter (`store.stamping`): one row, bumped once per flush."""

    __tablename__ = "sync_counter"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class SyncConflict(SyncedMixin, Base):
    """Two different values given to one field at two installations, neither knowing the other's.

    The value with the newer stamp is applied (`kept_*`); the other is kept here until a person
    decides. The id is made from the table, row, field and both stamps, so every installation that
    finds the same conflict records the same row.
    """

    __tablename__ = "sync_conflicts"

    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    unit_id: Mapped[str | None] = mapped_column(String(36), default=None)
    """The unit the record belonged to when the conflict was found (what sync sends to whom)."""
    kept_value: Mapped[str] = mapped_column(Text)
    """JSON text of the value applied."""
    kept_stamp: Mapped[str] = mapped_column(String(80))
    other_value: Mapped[str] = mapped_column(Text)
    other_stamp: Mapped[str] = mapped_column(String(80))
    resolution: Mapped[str] = mapped_column(String(20), default="")
    """"" while open; "kept" or "other": the value a person chose."""
    resolved_by: Mapped[str] = mapped_column(String(100), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)

    __table_args__ = (
        Index("ix_sync_conflicts_row_id", "row_id"),
        Index("ix_sync_conflicts_unit_id", "unit_id"),
    )
