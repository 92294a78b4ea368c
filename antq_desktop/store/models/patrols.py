"""Patrol shifts of groups, who took part, and what was found."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from antq_desktop.domain.enums import FindingAction, FindingCategory
from antq_desktop.store.base import Base, EnumText, SyncedMixin


class PatrolShift(SyncedMixin, Base):
    """One patrol of a group (Ca tuần tra)."""

    __tablename__ = "patrol_shifts"

    group_id: Mapped[str] = mapped_column(ForeignKey("community_groups.id"))
    shift_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time, default=None)
    end_time: Mapped[time | None] = mapped_column(Time, default=None)
    area: Mapped[str] = mapped_column(String(300), default="")
    others_count: Mapped[int] = mapped_column(Integer, default=0)
    """People who took part but are not members of the group (residents, militia…)."""
    residents_reminded: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_patrol_shifts_group_id_shift_date", "group_id", "shift_date"),
        Index("ix_patrol_shifts_shift_date_start_time", "shift_date", "start_time"),
    )


class PatrolParticipant(SyncedMixin, Base):
    """A group member who took part in a shift."""

    __tablename__ = "patrol_participants"

    shift_id: Mapped[str] = mapped_column(ForeignKey("patrol_shifts.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))

    __table_args__ = (
        Index("ix_patrol_participants_shift_id", "shift_id"),
        Index("ix_patrol_participants_person_id", "person_id"),
    )


class Finding(SyncedMixin, Base):
    """Something a patrol found (Vụ việc phát hiện) and what was done about it."""

    __tablename__ = "findings"

    shift_id: Mapped[str] = mapped_column(ForeignKey("patrol_shifts.id"))
    category: Mapped[FindingCategory] = mapped_column(EnumText(FindingCategory))
    action: Mapped[FindingAction] = mapped_column(EnumText(FindingAction))
    description: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_findings_shift_id", "shift_id"),)
