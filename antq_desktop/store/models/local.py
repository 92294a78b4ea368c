"""Tables that belong to this installation only and never travel."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from antq_desktop.domain.enums import AuditAction, UserRole
from antq_desktop.store.base import Base, EnumText, UtcDateTime, utc_now


class Setting(Base):
    """Application settings (JSON values), declared in `services.settings`."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)


class UserAccount(Base):
    """A person who signs in on this installation. The password is not here: the key file
    (`store.keyring`) holds the database key wrapped by it."""

    __tablename__ = "user_accounts"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[UserRole] = mapped_column(EnumText(UserRole))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class AuditEntry(Base):
    """One line of the audit trail. `hash` covers the entry and the previous entry's hash, so an
    entry removed or edited breaks the chain (`services.audit.verify_chain`)."""

    __tablename__ = "audit_entries"
    __table_args__ = (
        Index("ix_audit_entries_record", "record_kind", "record_id"),
        Index("ix_audit_entries_at", "at"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    username: Mapped[str] = mapped_column(String(40))
    action: Mapped[AuditAction] = mapped_column(EnumText(AuditAction))
    record_kind: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[str] = mapped_column(String(36), default="")
    details_json: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class IssuedReport(Base):
    """One line of the register of issued reports. Numbers run per year and are never reused:
    re-issuing a report gives it a new number (`services.report_register`)."""

    __tablename__ = "issued_reports"
    __table_args__ = (
        Index("ix_issued_reports_year_number", "year", "number", unique=True),
        Index("ix_issued_reports_issued_at", "issued_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    number_text: Mapped[str] = mapped_column(String(60))
    """As printed: "05/BC-CAP"."""
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    issued_on: Mapped[date] = mapped_column(Date)
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    period_label: Mapped[str] = mapped_column(String(200))
    unit_code: Mapped[str] = mapped_column(String(20))
    unit_name: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(Text)
    signer: Mapped[str] = mapped_column(String(200))
    signature_level: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))
    data_fingerprint: Mapped[str] = mapped_column(String(64))
    file_path: Mapped[str] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    issued_by: Mapped[str] = mapped_column(String(40))
