"""The "5+1" work: cases of people helped back into the community, helpers, follow-ups, supports."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from antq_desktop.domain.enums import (
    FollowUpAssessment,
    FollowUpKind,
    HelperKind,
    RehabCategory,
    RehabStatus,
    SupportKind,
    SupportResult,
)
from antq_desktop.store.base import Base, EnumText, SyncedMixin


class RehabCase(SyncedMixin, Base):
    """A person being helped (Hồ sơ giúp đỡ người lầm lỗi)."""

    __tablename__ = "rehab_cases"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("org_units.id"))
    program_id: Mapped[str | None] = mapped_column(ForeignKey("programs.id"), default=None)
    category: Mapped[RehabCategory] = mapped_column(EnumText(RehabCategory))
    opened_on: Mapped[date] = mapped_column(Date)
    status: Mapped[RehabStatus] = mapped_column(EnumText(RehabStatus))
    status_since: Mapped[date] = mapped_column(Date)
    """The day the current status took effect (equal to `opened_on` while active from the start)."""
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_rehab_cases_unit_id", "unit_id"),
        Index("ix_rehab_cases_person_id", "person_id"),
        Index("ix_rehab_cases_program_id", "program_id"),
    )


class RehabHelper(SyncedMixin, Base):
    """One of up to five helpers from local organisations, or the family (the "+1")."""

    __tablename__ = "rehab_helpers"

    case_id: Mapped[str] = mapped_column(ForeignKey("rehab_cases.id"))
    kind: Mapped[HelperKind] = mapped_column(EnumText(HelperKind))
    full_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    started_on: Mapped[date | None] = mapped_column(Date, default=None)
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)

    __table_args__ = (Index("ix_rehab_helpers_case_id", "case_id"),)


class FollowUp(SyncedMixin, Base):
    """A visit or talk with the person helped, with an assessment and the next due date."""

    __tablename__ = "follow_ups"

    case_id: Mapped[str] = mapped_column(ForeignKey("rehab_cases.id"))
    helper_id: Mapped[str | None] = mapped_column(ForeignKey("rehab_helpers.id"), default=None)
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[FollowUpKind] = mapped_column(EnumText(FollowUpKind))
    assessment: Mapped[FollowUpAssessment] = mapped_column(EnumText(FollowUpAssessment))
    notes: Mapped[str] = mapped_column(Text, default="")
    next_due_on: Mapped[date | None] = mapped_column(Date, default=None)

    __table_args__ = (Index("ix_follow_ups_case_id_held_on", "case_id", "held_on"),)


class Support(SyncedMixin, Base):
    """Help given: a job referral, vocational training, a loan or other support."""

    __tablename__ = "supports"

    case_id: Mapped[str] = mapped_column(ForeignKey("rehab_cases.id"))
    kind: Mapped[SupportKind] = mapped_column(EnumText(SupportKind))
    provider: Mapped[str] = mapped_column(String(300), default="")
    started_on: Mapped[date] = mapped_column(Date)
    result: Mapped[SupportResult] = mapped_column(EnumText(SupportResult))
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_supports_case_id", "case_id"),)
