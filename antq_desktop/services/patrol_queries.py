"""Reading patrol shifts: views with participants and findings, search, counts.

Writing lives in `services.patrols`, which also re-exports everything here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import FindingAction, FindingCategory
from antq_desktop.domain.text import clean, fold
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import fields
from antq_desktop.services.common import get_live, not_before
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Finding, Group, PatrolParticipant, PatrolShift, Person


@dataclass(frozen=True)
class ParticipantView:
    person_id: str
    full_name: str


@dataclass(frozen=True)
class FindingView:
    id: str
    category: FindingCategory
    action: FindingAction
    description: str


@dataclass(frozen=True)
class ShiftView:
    id: str
    group_id: str
    group_name: str
    shift_date: date
    start_time: time | None
    end_time: time | None
    area: str
    others_count: int
    residents_reminded: int
    notes: str
    participants: tuple[ParticipantView, ...]
    findings: tuple[FindingView, ...]

    @property
    def ends_next_day(self) -> bool:
        """A shift past midnight: the end time is on the day after `shift_date`."""
        return (
            self.start_time is not None
            and self.end_time is not None
            and self.end_time < self.start_time
        )

    @property
    def participant_turns(self) -> int:
        """Members listed plus other people who took part."""
        return len(self.participants) + self.others_count


def shift_views(session: Session, rows: list[tuple[PatrolShift, str]]) -> list[ShiftView]:
    """Views of shifts with their participants and findings, loaded in two queries."""
    shift_ids = [shift.id for shift, _ in rows]
    participants: dict[str, list[ParticipantView]] = {}
    for shift_id, person_id, full_name in session.execute(
        select(PatrolParticipant.shift_id, Person.id, Person.full_name)
        .join(Person, Person.id == PatrolParticipant.person_id)
        .where(PatrolParticipant.shift_id.in_(shift_ids), PatrolParticipant.deleted_at.is_(None))
        .order_by(Person.sort_key, Person.id)
    ):
        participants.setdefault(shift_id, []).append(ParticipantView(person_id, full_name))
    findings: dict[str, list[FindingView]] = {}
    for finding in session.scalars(
        select(Finding)
        .where(Finding.shift_id.in_(shift_ids), Finding.deleted_at.is_(None))
        .order_by(Finding.id)
    ):
        findings.setdefault(finding.shift_id, []).append(
            FindingView(finding.id, finding.category, finding.action, finding.description)
        )
    return [
        ShiftView(
            id=shift.id,
            group_id=shift.group_id,
            group_name=group_name,
            shift_date=shift.shift_date,
            start_time=shift.start_time,
            end_time=shift.end_time,
            area=shift.area,
            others_count=shift.others_count,
            residents_reminded=shift.residents_reminded,
            notes=shift.notes,
            participants=tuple(participants.get(shift.id, ())),
            findings=tuple(findings.get(shift.id, ())),
        )
        for shift, group_name in rows
    ]


def shift_view(session: Session, shift: PatrolShift) -> ShiftView:
    session.flush()
    group = session.get(Group, shift.group_id)
    return shift_views(session, [(shift, group.name if group is not None else "")])[0]


def get_shift(workspace: Workspace, shift_id: str) -> ShiftView:
    with workspace.database.session() as session:
        return shift_view(session, get_live(session, PatrolShift, shift_id))


def _filters(
    unit_ids: list[str] | None,
    group_id: str | None,
    date_from: date | None,
    date_to: date | None,
    query: str,
) -> list[ColumnElement[bool]]:
    """Conditions on shifts joined with their group; a reversed date range is refused."""
    errors = ErrorCollector()
    not_before(errors, "date_to", fields.DATE_TO, date_to, fields.DATE_FROM, date_from)
    errors.raise_if_any()
    conditions: list[ColumnElement[bool]] = [
        PatrolShift.deleted_at.is_(None),
        Group.deleted_at.is_(None),
    ]
    if unit_ids is not None:
        conditions.append(Group.unit_id.in_(unit_ids))
    if group_id is not None:
        conditions.append(PatrolShift.group_id == group_id)
    if date_from is not None:
        conditions.append(PatrolShift.shift_date >= date_from)
    if date_to is not None:
        conditions.append(PatrolShift.shift_date <= date_to)
    folded, typed = fold(query), clean(query)
    if folded:
        # The area and notes have no folded column: they match as typed (case-insensitive for
        # unaccented letters only); the group name matches without accents.
        conditions.append(
            or_(
                Group.name_folded.contains(folded, autoescape=True),
                PatrolShift.area.contains(typed, autoescape=True),
                PatrolShift.notes.contains(typed, autoescape=True),
            )
        )
    return conditions


def list_shifts(
    workspace: Workspace,
    *,
    unit_ids: list[str] | None = None,
    group_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    query: str = "",
    limit: int = 200,
    offset: int = 0,
) -> list[ShiftView]:
    """Shifts matching every filter, newest first. `unit_ids` filters on the group's unit;
    `query` matches the group name (without accents), the area or the notes."""
    statement = (
        select(PatrolShift, Group.name)
        .join(Group, Group.id == PatrolShift.group_id)
        .where(*_filters(unit_ids, group_id, date_from, date_to, query))
        .order_by(
            PatrolShift.shift_date.desc(), PatrolShift.start_time.desc(), PatrolShift.id.desc()
        )
        .limit(limit)
        .offset(offset)
    )
    with workspace.database.session() as session:
        rows = [(shift, group_name) for shift, group_name in session.execute(statement)]
        return shift_views(session, rows)


def count_shifts(
    workspace: Workspace,
    *,
    unit_ids: list[str] | None = None,
    group_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    query: str = "",
) -> int:
    statement = (
        select(func.count())
        .select_from(PatrolShift)
        .join(Group, Group.id == PatrolShift.group_id)
        .where(*_filters(unit_ids, group_id, date_from, date_to, query))
    )
    with workspace.database.session() as session:
        return int(session.scalar(statement) or 0)
