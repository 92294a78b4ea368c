"""Programs (models), their self-managed groups, memberships and quarterly evaluations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from antq_desktop.domain.enums import (
    GroupStatus,
    MaintainingBody,
    MemberRole,
    ProgramKind,
    ProgramStatus,
    Rating,
)
from antq_desktop.store.base import Base, EnumText, SyncedMixin


class Program(SyncedMixin, Base):
    """A community security model run in a unit (Mô hình)."""

    derived_columns = ("name_folded",)
    __tablename__ = "programs"

    unit_id: Mapped[str] = mapped_column(ForeignKey("org_units.id"))
    name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300))
    kind: Mapped[ProgramKind] = mapped_column(EnumText(ProgramKind))
    maintaining_body: Mapped[MaintainingBody] = mapped_column(EnumText(MaintainingBody))
    status: Mapped[ProgramStatus] = mapped_column(EnumText(ProgramStatus))
    started_on: Mapped[date | None] = mapped_column(Date, default=None)
    recognised_on: Mapped[date | None] = mapped_column(Date, default=None)
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)
    annual_budget_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
    description: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_programs_unit_id", "unit_id"),
        Index("ix_programs_name_folded", "name_folded"),
    )


class Group(SyncedMixin, Base):
    """A self-managed group, team or club under a program (Tổ / nhóm / câu lạc bộ tự quản).

    A group sits in its own unit (usually a ward) even when its program belongs to a district.
    """

    derived_columns = ("name_folded",)
    __tablename__ = "community_groups"

    program_id: Mapped[str] = mapped_column(ForeignKey("programs.id"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("org_units.id"))
    name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300))
    area: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[GroupStatus] = mapped_column(EnumText(GroupStatus))
    formed_on: Mapped[date | None] = mapped_column(Date, default=None)
    dissolved_on: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_community_groups_program_id", "program_id"),
        Index("ix_community_groups_unit_id", "unit_id"),
        Index("ix_community_groups_name_folded", "name_folded"),
    )


class Membership(SyncedMixin, Base):
    """A person in a group, with a role, for a span of dates (left_on empty: still a member)."""

    __tablename__ = "memberships"

    group_id: Mapped[str] = mapped_column(ForeignKey("community_groups.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    role: Mapped[MemberRole] = mapped_column(EnumText(MemberRole))
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date, default=None)

    __table_args__ = (
        Index("ix_memberships_group_id", "group_id"),
        Index("ix_memberships_person_id", "person_id"),
    )


class Evaluation(SyncedMixin, Base):
    """A quarter's verdict on a program, with the indicator values it was based on."""

    __tablename__ = "evaluations"

    program_id: Mapped[str] = mapped_column(ForeignKey("programs.id"))
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    rating: Mapped[Rating] = mapped_column(EnumText(Rating))
    indicators: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    comment: Mapped[str] = mapped_column(Text, default="")
    evaluator: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_evaluations_program_id_year_quarter", "program_id", "year", "quarter"),
    )
