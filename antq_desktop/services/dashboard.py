"""The dashboard of the overview page: this quarter against the last, trends, and what to do next.

Everything is for a unit and every unit below it, seen on a given day `today`:

Figures
    `compute_statistics` for the whole current quarter and the whole previous one (so the figures
    agree with the report's for the same quarters): programs, effective programs, patrol shifts,
    participant-turns, findings, people in rehabilitation and people who progressed.
Charts
    ``shifts_by_month``: live shifts of live groups, per calendar month, for the twelve months
    ending with today's month (oldest first, months without a shift included as 0).
    ``findings_by_category``: findings of those shifts over the same twelve months.
    ``cases_by_status``: every live rehabilitation case by its current status (all years).
To-do list (`TodoItem`, in this order)
    * overdue follow-ups, most overdue first, exactly as `rehab_followups.find_overdue` defines
      them on `today`;
    * groups that patrol but have no shift this month (from the first of the month to today).
      A group "patrols" when it ever had a live shift, or when its program's kind is one whose
      groups patrol by nature (`PATROLLING_KINDS`: apartment blocks, household groups,
      civil-defence posts, motorbike-taxi groups). Only active groups, formed by today and not
      dissolved, of a live program; clubs and camera programs that never patrolled are left out;
    * active programs, started by the end of the quarter and not ended before its start, that have
      no live evaluation for the current quarter.

Each query is grouped: the cost does not grow with one query per record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from antq_desktop.domain import periods
from antq_desktop.domain.enums import (
    FindingCategory,
    GroupStatus,
    ProgramKind,
    ProgramStatus,
    RehabStatus,
)
from antq_desktop.services.evaluations import quarter_end
from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.rehab_followups import find_overdue
from antq_desktop.services.statistics import Statistics, compute_statistics
from antq_desktop.services.units import subtree_ids, unit_by_code
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import (
    Evaluation,
    Finding,
    Group,
    OrgUnit,
    PatrolShift,
    Program,
    RehabCase,
)

PATROLLING_KINDS = frozenset(
    {
        ProgramKind.APARTMENT_BLOCK,
        ProgramKind.HOUSEHOLD_GROUP,
        ProgramKind.CIVIL_DEFENCE_POST,
        ProgramKind.MOTORBIKE_TAXI,
    }
)
"""Program kinds whose groups are expected to patrol even before their first shift."""

TREND_MONTHS = 12

FIGURE_KEYS = (
    "programs.total",
    "programs.effective",
    "patrols.shifts",
    "patrols.participant_turns",
    "patrols.findings",
    "rehab.people",
    "rehab.progressed",
)
"""The figures compared quarter against quarter: attribute paths in `Statistics`."""


class TodoReason(StrEnum):
    OVERDUE_FOLLOW_UP = "overdue_follow_up"
    NO_SHIFT_THIS_MONTH = "no_shift_this_month"
    NOT_EVALUATED = "not_evaluated"


@dataclass(frozen=True)
class Quarter:
    year: int
    quarter: int

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> date:
        return quarter_end(self.year, self.quarter)

    def previous(self) -> Quarter:
        if self.quarter == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.quarter - 1)

    @staticmethod
    def of(day: date) -> Quarter:
        return Quarter(day.year, (day.month - 1) // 3 + 1)


@dataclass(frozen=True)
class FigureChange:
    key: str
    current: int
    previous: int

    @property
    def change(self) -> int:
        return self.current - self.previous


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    count: int


@dataclass(frozen=True)
class TodoItem:
    reason: TodoReason
    record_kind: str
    """The model name of the record to open: "RehabCase", "Group" or "Program"."""
    record_id: str
    name: str
    """The person's name (a case), or the group's or the program's name."""
    unit_name: str
    days_overdue: int = 0
    """Overdue follow-ups only."""
    last_shift_on: date | None = None
    """Groups only: their latest live shift, or None when they never had one."""


@dataclass(frozen=True)
class Dashboard:
    unit_code: str
    unit_name: str
    today: date
    quarter: Quarter
    previous_quarter: Quarter
    figures: list[FigureChange]
    shifts_by_month: list[MonthCount]
    trend_start: date
    """The first day of the twelve months of `shifts_by_month` and `findings_by_category`."""
    findings_by_category: dict[str, int]
    cases_by_status: dict[str, int]
    todo: list[TodoItem] = field(default_factory=list)


def _figure(statistics: Statistics, key: str) -> int:
    value: object = statistics
    for part in key.split("."):
        value = getattr(value, part)
    assert isinstance(value, int)
    return value


def months_back(today: date, count: int) -> list[tuple[int, int]]:
    """(year, month) of the `count` months ending with today's month, oldest first."""
    index = today.year * 12 + today.month - 1
    return [(n // 12, n % 12 + 1) for n in range(index - count + 1, index + 1)]


def month_end(day: date) -> date:
    """The last day of the month of `day`."""
    return periods.month_end(day.year, day.month)


def _live_shifts(scope: list[str], start: date, end: date) -> list[ColumnElement[bool]]:
    return [
        Group.unit_id.in_(scope),
        Group.deleted_at.is_(None),
        PatrolShift.deleted_at.is_(None),
        PatrolShift.shift_date.between(start, end),
    ]


def _shifts_by_month(
    session: Session, scope: list[str], today: date
) -> tuple[date, list[MonthCount]]:
    months = months_back(today, TREND_MONTHS)
    start = date(*months[0], 1)
    end = month_end(today)
    month = func.strftime("%Y-%m", PatrolShift.shift_date)
    found = {
        str(key): int(count)
        for key, count in session.execute(
            select(month, func.count())
            .select_from(Group)
            .join(PatrolShift, PatrolShift.group_id == Group.id)
            .where(*_live_shifts(scope, start, end))
            .group_by(month)
        )
    }
    counts = [MonthCount(y, m, found.get(f"{y:04d}-{m:02d}", 0)) for y, m in months]
    return start, counts


def _findings_by_category(
    session: Session, scope: list[str], start: date, today: date
) -> dict[str, int]:
    end = month_end(today)
    counts = dict.fromkeys((category.value for category in FindingCategory), 0)
    for category, count in session.execute(
        select(Finding.category, func.count())
        .select_from(Group)
        .join(PatrolShift, PatrolShift.group_id == Group.id)
        .join(Finding, Finding.shift_id == PatrolShift.id)
        .where(*_live_shifts(scope, start, end), Finding.deleted_at.is_(None))
        .group_by(Finding.category)
    ):
        counts[str(category)] = counts.get(str(category), 0) + int(count)
    return counts


def _cases_by_status(session: Session, scope: list[str]) -> dict[str, int]:
    counts = dict.fromkeys((status.value for status in RehabStatus), 0)
    for status, count in session.execute(
        select(RehabCase.status, func.count())
        .where(RehabCase.unit_id.in_(scope), RehabCase.deleted_at.is_(None))
        .group_by(RehabCase.status)
    ):
        counts[str(status)] = counts.get(str(status), 0) + int(count)
    return counts


def _unit_names(session: Session, scope: list[str]) -> dict[str, str]:
    rows = session.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(scope)))
    return dict(rows.all())  # dict(rows) would take the Result for a mapping


def _overdue_items(
    session: Session, scope: list[str], today: date, unit_names: dict[str, str]
) -> list[TodoItem]:
    overdue = find_overdue(session, scope, today)
    rows = session.execute(
        select(RehabCase.id, RehabCase.unit_id).where(
            RehabCase.id.in_([case.case_id for case in overdue])
        )
    )
    case_units = dict(rows.all())
    return [
        TodoItem(
            reason=TodoReason.OVERDUE_FOLLOW_UP,
            record_kind="RehabCase",
            record_id=case.case_id,
            name=case.person_name,
            unit_name=unit_names.get(case_units.get(case.case_id, ""), ""),
            days_overdue=case.days_overdue,
        )
        for case in overdue
    ]


def _groups_without_shift(
    session: Session, scope: list[str], today: date, unit_names: dict[str, str]
) -> list[TodoItem]:
    month_start = today.replace(day=1)
    # The latest live shift of each group, read backwards along the (group, date) index: it stops
    # at the first live shift, where max() would visit every shift of the group.
    latest = (
        select(PatrolShift.shift_date)
        .where(
            PatrolShift.group_id == Group.id,
            PatrolShift.deleted_at.is_(None),
            PatrolShift.shift_date <= today,
        )
        .order_by(PatrolShift.shift_date.desc())
        .limit(1)
        .correlate(Group)
        .scalar_subquery()
    )
    candidates = (
        select(
            Group.id,
            Group.name,
            Group.name_folded,
            Group.unit_id,
            Program.kind,
            latest.label("last_on"),
        )
        .join(Program, Program.id == Group.program_id)
        .where(
            Group.unit_id.in_(scope),
            Group.deleted_at.is_(None),
            Program.deleted_at.is_(None),
            Group.status == GroupStatus.ACTIVE,
            or_(Group.formed_on.is_(None), Group.formed_on <= today),
            or_(Group.dissolved_on.is_(None), Group.dissolved_on > today),
        )
        .subquery()
    )
    last_on = candidates.c.last_on
    rows = session.execute(
        select(candidates.c.id, candidates.c.name, candidates.c.unit_id, last_on)
        .where(
            or_(last_on.is_not(None), candidates.c.kind.in_(PATROLLING_KINDS)),
            or_(last_on.is_(None), last_on < month_start),
        )
        .order_by(candidates.c.name_folded, candidates.c.id)
    )
    return [
        TodoItem(
            reason=TodoReason.NO_SHIFT_THIS_MONTH,
            record_kind="Group",
            record_id=group_id,
            name=name,
            unit_name=unit_names.get(unit_id, ""),
            last_shift_on=last_shift_on,
        )
        for group_id, name, unit_id, last_shift_on in rows
    ]


def _programs_not_evaluated(
    session: Session, scope: list[str], quarter: Quarter, unit_names: dict[str, str]
) -> list[TodoItem]:
    evaluated = select(Evaluation.program_id).where(
        Evaluation.deleted_at.is_(None),
        Evaluation.year == quarter.year,
        Evaluation.quarter == quarter.quarter,
    )
    rows = session.execute(
        select(Program.id, Program.name, Program.unit_id)
        .where(
            Program.unit_id.in_(scope),
            Program.deleted_at.is_(None),
            Program.status == ProgramStatus.ACTIVE,
            or_(Program.started_on.is_(None), Program.started_on <= quarter.end),
            or_(Program.ended_on.is_(None), Program.ended_on >= quarter.start),
            Program.id.not_in(evaluated),
        )
        .order_by(Program.name_folded, Program.id)
    )
    return [
        TodoItem(
            reason=TodoReason.NOT_EVALUATED,
            record_kind="Program",
            record_id=program_id,
            name=name,
            unit_name=unit_names.get(unit_id, ""),
        )
        for program_id, name, unit_id in rows
    ]


def dashboard(workspace: Workspace, unit_code: str, today: date) -> Dashboard:
    """The dashboard of the unit with this code (and the units below it) on `today`."""
    quarter = Quarter.of(today)
    previous = quarter.previous()
    current_figures = compute_statistics(workspace, unit_code, quarter.start, quarter.end)
    previous_figures = compute_statistics(workspace, unit_code, previous.start, previous.end)
    figures = [
        FigureChange(key, _figure(current_figures, key), _figure(previous_figures, key))
        for key in FIGURE_KEYS
    ]
    with workspace.database.session() as session:
        unit = unit_by_code(session, unit_code)
        scope = subtree_ids(session, unit.id)
        unit_names = _unit_names(session, scope)
        trend_start, shifts = _shifts_by_month(session, scope, today)
        overdue = (  # a viewer may not see rehabilitation files, not even their names
            _overdue_items(session, scope, today, unit_names)
            if allowed(workspace, Permission.READ_REHAB)
            else []
        )
        todo = [
            *overdue,
            *_groups_without_shift(session, scope, today, unit_names),
            *_programs_not_evaluated(session, scope, quarter, unit_names),
        ]
        return Dashboard(
            unit_code=unit.code,
            unit_name=unit.name,
            today=today,
            quarter=quarter,
            previous_quarter=previous,
            figures=figures,
            shifts_by_month=shifts,
            trend_start=trend_start,
            findings_by_category=_findings_by_category(session, scope, trend_start, today),
            cases_by_status=_cases_by_status(session, scope),
            todo=todo,
        )
