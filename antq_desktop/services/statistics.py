"""Every figure the report shows, for a unit (with all units below it) and a date range.

The report, `antq-desktop stats --json` and the window all read these figures from here, so they
always agree. Definitions (both range ends included; tombstoned records never count):

Programs
    *in the period*: belonging to the unit or a unit below it, started on or before the end of the
    range (or with no start date), and not ended before its start.
    ``total``; ``police_maintained`` (maintaining body is the police); ``effective``: rated
    effective in the program's latest quarterly evaluation whose quarter ended on or before the end
    of the range; counts ``by_kind``, ``by_maintaining_body`` and ``by_rating`` (latest rating, or
    "unrated").
Groups
    ``groups``: groups in the units that existed during the range (formed on or before its end, not
    dissolved before its start). ``members``: distinct people who were members of those groups at
    some time in the range.
Patrols
    Shifts of groups in the units, dated within the range. ``shifts``; ``participant_turns``: the
    members recorded as taking part plus the others counted, over all shifts; ``findings``; counts
    ``findings_by_category`` and ``findings_by_action``; ``reminders``: residents reminded.
Rehabilitation ("5+1")
    Cases of the units. ``people``: distinct people helped during the range (case opened on or
    before its end and not closed before its start); ``people_cumulative``: distinct people with a
    case opened on or before the end of the range; ``progressed`` / ``reoffended``: people helped
    in the range whose case's current status is progressed / reoffended and took effect within the
    range; ``job_referrals`` / ``vocational_training``: distinct people helped in the range with
    such a support started within it; ``follow_ups``: follow-ups held within the range;
    ``follow_ups_overdue``: active cases whose follow-up is overdue at the end of the range (or
    today, if sooner), as defined by `rehab_followups.find_overdue`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Executable, and_, func, or_, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    MaintainingBody,
    ProgramKind,
    Rating,
    RehabStatus,
    SupportKind,
)
from antq_desktop.domain.messages import message
from antq_desktop.domain.validation import ErrorCollector, format_date
from antq_desktop.services import fields
from antq_desktop.services.common import not_before
from antq_desktop.services.evaluations import quarter_end
from antq_desktop.services.rehab_followups import find_overdue
from antq_desktop.services.units import subtree_ids, unit_by_code
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import (
    Evaluation,
    Finding,
    FollowUp,
    Group,
    Membership,
    OrgUnit,
    PatrolParticipant,
    PatrolShift,
    Person,
    Program,
    RehabCase,
    Support,
)

UNRATED = "unrated"

RANGE_TOO_LONG = message(
    "stats.range_too_long",
    "Khoảng thời gian từ {start} đến {end} quá dài (tối đa 100 năm).",
    "The period from {start} to {end} is too long (100 years at most).",
)


@dataclass(frozen=True)
class ProgramFigures:
    total: int
    police_maintained: int
    effective: int
    by_kind: dict[str, int] = field(default_factory=dict)
    by_maintaining_body: dict[str, int] = field(default_factory=dict)
    by_rating: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PatrolFigures:
    shifts: int
    participant_turns: int
    findings: int
    reminders: int
    findings_by_category: dict[str, int] = field(default_factory=dict)
    findings_by_action: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RehabFigures:
    people: int
    people_cumulative: int
    progressed: int
    reoffended: int
    job_referrals: int
    vocational_training: int
    follow_ups: int
    follow_ups_overdue: int


@dataclass(frozen=True)
class Statistics:
    unit_code: str
    unit_name: str
    date_from: date
    date_to: date
    programs: ProgramFigures
    groups: int
    members: int
    patrols: PatrolFigures
    rehab: RehabFigures

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; the keys are part of the command-line contract."""
        data = asdict(self)
        unit = {"code": data.pop("unit_code"), "name": data.pop("unit_name")}
        period = {"from": data.pop("date_from").isoformat(), "to": data.pop("date_to").isoformat()}
        return {"unit": unit, "period": period, **data}


def check_range(date_from: date, date_to: date) -> None:
    errors = ErrorCollector()
    not_before(errors, "date_to", fields.DATE_TO, date_to, fields.DATE_FROM, date_from)
    if (date_to - date_from).days > 366 * 100:
        errors.add(
            "date_to", RANGE_TOO_LONG(start=format_date(date_from), end=format_date(date_to))
        )
    errors.raise_if_any()


def _counts(session: Session, statement: Executable, keys: list[str]) -> dict[str, int]:
    found = {str(key): int(count) for key, count in session.execute(statement)}
    return {key: found.get(key, 0) for key in keys} | {
        key: value for key, value in found.items() if key not in keys
    }


def _program_figures(session: Session, scope: list[str], start: date, end: date) -> ProgramFigures:
    in_period = and_(
        Program.unit_id.in_(scope),
        Program.deleted_at.is_(None),
        or_(Program.started_on.is_(None), Program.started_on <= end),
        or_(Program.ended_on.is_(None), Program.ended_on >= start),
    )
    programs = session.execute(
        select(Program.id, Program.kind, Program.maintaining_body).where(in_period)
    ).all()
    latest: dict[str, tuple[int, int, Rating]] = {}
    evaluations = session.execute(
        select(Evaluation.program_id, Evaluation.year, Evaluation.quarter, Evaluation.rating)
        .join(Program, Program.id == Evaluation.program_id)
        .where(in_period, Evaluation.deleted_at.is_(None))
    )
    for program_id, year, quarter, rating in evaluations:
        if quarter_end(year, quarter) > end:
            continue
        known = latest.get(program_id)
        if known is None or (year, quarter) > known[:2]:
            latest[program_id] = (year, quarter, rating)
    by_kind = {kind.value: 0 for kind in ProgramKind}
    by_body = {body.value: 0 for body in MaintainingBody}
    by_rating = {rating.value: 0 for rating in Rating} | {UNRATED: 0}
    for program_id, kind, body in programs:
        by_kind[kind.value] += 1
        by_body[body.value] += 1
        latest_rating = latest.get(program_id)
        by_rating[latest_rating[2].value if latest_rating else UNRATED] += 1
    return ProgramFigures(
        total=len(programs),
        police_maintained=by_body[MaintainingBody.POLICE.value],
        effective=by_rating[Rating.EFFECTIVE.value],
        by_kind=by_kind,
        by_maintaining_body=by_body,
        by_rating=by_rating,
    )


def _group_figures(session: Session, scope: list[str], start: date, end: date) -> tuple[int, int]:
    groups = (
        select(Group.id)
        .where(
            Group.unit_id.in_(scope),
            Group.deleted_at.is_(None),
            or_(Group.formed_on.is_(None), Group.formed_on <= end),
            or_(Group.dissolved_on.is_(None), Group.dissolved_on >= start),
        )
        .scalar_subquery()
    )
    group_count = session.scalar(select(func.count()).where(Group.id.in_(groups))) or 0
    member_count = session.scalar(
        select(func.count(func.distinct(Membership.person_id)))
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.group_id.in_(groups),
            Membership.deleted_at.is_(None),
            Person.deleted_at.is_(None),
            Membership.joined_on <= end,
            or_(Membership.left_on.is_(None), Membership.left_on >= start),
        )
    )
    return int(group_count), int(member_count or 0)


def live_shifts(scope: list[str], start: date, end: date) -> ColumnElement[bool]:
    """The shifts the figures count: of live groups in the units, dated within the range. Used
    with `select_from(Group).join(PatrolShift, ...)`."""
    return and_(
        Group.unit_id.in_(scope),
        Group.deleted_at.is_(None),
        PatrolShift.deleted_at.is_(None),
        PatrolShift.shift_date.between(start, end),
    )


def shifts_by_month(
    session: Session, scope: list[str], start: date, end: date
) -> dict[tuple[int, int], int]:
    """Patrol shifts per (year, month), counted as `PatrolFigures.shifts` counts them."""
    month = func.strftime("%Y-%m", PatrolShift.shift_date)
    rows = session.execute(
        select(month, func.count())
        .select_from(Group)
        .join(PatrolShift, PatrolShift.group_id == Group.id)
        .where(live_shifts(scope, start, end))
        .group_by(month)
    )
    counts: dict[tuple[int, int], int] = {}
    for key, count in rows:
        year, month_number = str(key).split("-")
        counts[int(year), int(month_number)] = int(count)
    return counts


def _patrol_figures(session: Session, scope: list[str], start: date, end: date) -> PatrolFigures:
    # Plain joins, not "shift_id IN (subquery)": SQLite walks groups -> shifts (by group and date)
    # -> participants/findings through the indexes without building a temporary list of shift ids.
    counted = live_shifts(scope, start, end)
    shift_count, others, reminders = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(PatrolShift.others_count), 0),
            func.coalesce(func.sum(PatrolShift.residents_reminded), 0),
        )
        .select_from(Group)
        .join(PatrolShift, PatrolShift.group_id == Group.id)
        .where(counted)
    ).one()
    participants = session.scalar(
        select(func.count())
        .select_from(Group)
        .join(PatrolShift, PatrolShift.group_id == Group.id)
        .join(PatrolParticipant, PatrolParticipant.shift_id == PatrolShift.id)
        .where(counted, PatrolParticipant.deleted_at.is_(None))
    )
    by_category: dict[str, int] = dict.fromkeys((c.value for c in FindingCategory), 0)
    by_action: dict[str, int] = dict.fromkeys((a.value for a in FindingAction), 0)
    for category, action, count in session.execute(
        select(Finding.category, Finding.action, func.count())
        .select_from(Group)
        .join(PatrolShift, PatrolShift.group_id == Group.id)
        .join(Finding, Finding.shift_id == PatrolShift.id)
        .where(counted, Finding.deleted_at.is_(None))
        .group_by(Finding.category, Finding.action)
    ):
        by_category[str(category)] = by_category.get(str(category), 0) + int(count)
        by_action[str(action)] = by_action.get(str(action), 0) + int(count)
    return PatrolFigures(
        shifts=int(shift_count),
        participant_turns=int(participants or 0) + int(others),
        findings=sum(by_category.values()),
        reminders=int(reminders),
        findings_by_category=by_category,
        findings_by_action=by_action,
    )


def cases_helped(scope: list[str], start: date, end: date) -> ColumnElement[bool]:
    """The cases whose people count as helped during the range."""
    return and_(
        RehabCase.unit_id.in_(scope),
        RehabCase.deleted_at.is_(None),
        RehabCase.opened_on <= end,
        or_(RehabCase.closed_on.is_(None), RehabCase.closed_on >= start),
    )


def _rehab_figures(
    session: Session, scope: list[str], start: date, end: date, as_of: date
) -> RehabFigures:
    live_cases = and_(RehabCase.unit_id.in_(scope), RehabCase.deleted_at.is_(None))
    helped = cases_helped(scope, start, end)

    def people(*conditions: Any) -> int:
        statement = select(func.count(func.distinct(RehabCase.person_id))).where(*conditions)
        return int(session.scalar(statement) or 0)

    def with_support(kind: SupportKind) -> int:
        supported = select(Support.case_id).where(
            Support.kind == kind,
            Support.deleted_at.is_(None),
            Support.started_on.between(start, end),
        )
        return people(helped, RehabCase.id.in_(supported))

    status_in_range = RehabCase.status_since.between(start, end)
    follow_ups = session.scalar(
        select(func.count())
        .select_from(FollowUp)
        .join(RehabCase, RehabCase.id == FollowUp.case_id)
        .where(live_cases, FollowUp.deleted_at.is_(None), FollowUp.held_on.between(start, end))
    )
    return RehabFigures(
        people=people(helped),
        people_cumulative=people(live_cases, RehabCase.opened_on <= end),
        progressed=people(helped, RehabCase.status == RehabStatus.PROGRESSED, status_in_range),
        reoffended=people(helped, RehabCase.status == RehabStatus.REOFFENDED, status_in_range),
        job_referrals=with_support(SupportKind.JOB_REFERRAL),
        vocational_training=with_support(SupportKind.VOCATIONAL_TRAINING),
        follow_ups=int(follow_ups or 0),
        follow_ups_overdue=len(find_overdue(session, scope, as_of)),
    )


def statistics_in(
    session: Session, unit: OrgUnit, date_from: date, date_to: date, as_of: date
) -> Statistics:
    """The figures of one unit and all units below it, read in an open session."""
    scope = subtree_ids(session, unit.id)
    groups, members = _group_figures(session, scope, date_from, date_to)
    return Statistics(
        unit_code=unit.code,
        unit_name=unit.name,
        date_from=date_from,
        date_to=date_to,
        programs=_program_figures(session, scope, date_from, date_to),
        groups=groups,
        members=members,
        patrols=_patrol_figures(session, scope, date_from, date_to),
        rehab=_rehab_figures(session, scope, date_from, date_to, as_of),
    )


def compute_statistics(
    workspace: Workspace, unit_code: str, date_from: date, date_to: date
) -> Statistics:
    """The figures for the unit with this national code and all units below it.

    Overdue follow-ups are counted as of the end of the range, or today if the range ends later.
    """
    check_range(date_from, date_to)
    as_of = min(date_to, workspace.today())
    with workspace.database.session() as session:
        return statistics_in(session, unit_by_code(session, unit_code), date_from, date_to, as_of)
