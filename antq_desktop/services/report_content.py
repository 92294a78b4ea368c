"""Everything a report shows, read from the record book in one pass (`gather_report`).

The figures come from `services.statistics` only, so the report and `antq-desktop stats --json`
always agree; the chart of shifts per month and the appendix of shifts use the same definition of
a counted shift (`statistics.live_shifts`), and the appendix of cases the same definition of a
person helped (`statistics.cases_helped`).

The header strings come from `services.report_header`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session

from antq_desktop.domain.messages import Message, message
from antq_desktop.domain.periods import Period
from antq_desktop.domain.validation import FieldError, ValidationFailed, mask_citizen_id
from antq_desktop.services.permissions import Permission, allowed, require
from antq_desktop.services.report_header import (
    ReportHeader,
    nfc,
    own_units,
    read_report_header,
)
from antq_desktop.services.statistics import (
    Statistics,
    cases_helped,
    check_range,
    live_shifts,
    shifts_by_month,
    statistics_in,
)
from antq_desktop.services.units import subtree_ids, unit_by_code
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import (
    AuditEntry,
    Evaluation,
    Finding,
    FollowUp,
    Group,
    OrgUnit,
    PatrolParticipant,
    PatrolShift,
    Person,
    Program,
    RehabCase,
)

MAX_LISTED_SHIFTS = 2000
"""Above this many shifts the appendix sums them per unit and month: a district's year of
shifts one by one runs to thousands of pages (each ward's own report lists its shifts)."""
EVALUATION_QUARTERS = 4
"""The evaluation table shows at most this many quarters: the last ones of the period."""

STEP_FIGURES = message("report.step.figures", "Đang tính số liệu…", "Computing the figures…")
STEP_SUB_UNITS = message(
    "report.step.sub_units", "Đang tính số liệu từng đơn vị…", "Computing each unit's figures…"
)
STEP_TABLES = message(
    "report.step.tables", "Đang đọc các bảng phụ lục…", "Reading the appendix tables…"
)
UNIT_OUTSIDE = message(
    "report.unit_outside",
    "Đơn vị {name} (mã {code}) không thuộc phạm vi của cài đặt này ({own}). "
    "Hãy chọn đơn vị này hoặc một đơn vị trực thuộc.",
    "{name} (code {code}) is outside this installation's scope ({own}). "
    "Choose this unit or one below it.",
)


@dataclass(frozen=True)
class ReportRequest:
    unit_code: str
    period: Period
    proposals: str = ""
    include_appendices: bool = True
    full_citizen_ids: bool = False
    """Print whole citizen IDs in the appendix (needs the right to read them); masked otherwise."""


@dataclass(frozen=True)
class ShiftRow:
    shift_date: date
    hours: str
    unit: str
    group: str
    area: str
    participants: int
    findings: int
    reminders: int


@dataclass(frozen=True)
class ShiftSummaryRow:
    """The shifts of one unit in one month, when there are too many to list one by one."""

    unit: str
    year: int
    month: int
    shifts: int
    participants: int
    findings: int
    reminders: int


@dataclass(frozen=True)
class CaseRow:
    full_name: str
    citizen_id: str
    birth_year: str
    unit: str
    category: str
    opened_on: date
    status: str
    status_since: date
    follow_ups: int


@dataclass(frozen=True)
class EvaluationRow:
    program: str
    kind: str
    unit: str
    ratings: tuple[str, ...]
    """The rating label for each quarter of `ReportContent.evaluation_quarters` ("" if none)."""


@dataclass(frozen=True)
class ReportContent:
    request: ReportRequest
    header: ReportHeader
    statistics: Statistics
    sub_units: tuple[Statistics, ...]
    """The figures of each unit directly below the reported one (empty for a ward)."""
    shifts_per_month: tuple[tuple[int, int, int], ...]
    """(year, month, shifts) for every month of the period."""
    evaluation_quarters: tuple[tuple[int, int], ...]
    evaluations: tuple[EvaluationRow, ...]
    shifts: tuple[ShiftRow, ...]
    """Every counted shift, when there are at most `MAX_LISTED_SHIFTS`; else empty."""
    shift_summary: tuple[ShiftSummaryRow, ...]
    """Above `MAX_LISTED_SHIFTS`: the shifts per unit and month instead."""
    cases: tuple[CaseRow, ...]
    audit_head: str
    """"seq:hash" of the newest audit entry when the data was read (empty without one)."""
    made_at: datetime = field(default_factory=datetime.now)

    @cached_property
    def fingerprint(self) -> str:
        """SHA-256 of the data the report was built from: the figures and tables, not the
        proposals, number or dates of issue. Citizen IDs enter masked, so the choice to print
        them whole does not change it. Two reports of the same data and period share it."""
        data = {
            "statistics": self.statistics.as_dict(),
            "sub_units": [figures.as_dict() for figures in self.sub_units],
            "shifts_per_month": self.shifts_per_month,
            "evaluation_quarters": self.evaluation_quarters,
            "evaluations": [asdict(row) for row in self.evaluations],
            "shifts": [asdict(row) for row in self.shifts],
            "shift_summary": [asdict(row) for row in self.shift_summary],
            "cases": [
                asdict(row) | {"citizen_id": mask_citizen_id(row.citizen_id)} for row in self.cases
            ],
        }
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _check_scope(session: Session, unit: OrgUnit) -> None:
    own, _ = own_units(session)
    if own is None or unit.id in subtree_ids(session, own.id):
        return
    outside = UNIT_OUTSIDE(name=unit.name, code=unit.code, own=own.name)
    raise ValidationFailed([FieldError("unit", outside)])


def _unit_names(session: Session, scope: list[str]) -> dict[str, str]:
    rows = session.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(scope)))
    return {str(unit_id): str(name) for unit_id, name in rows}


def _evaluations(
    session: Session, scope: list[str], period: Period
) -> tuple[tuple[tuple[int, int], ...], tuple[EvaluationRow, ...]]:
    quarters = tuple(period.quarters()[-EVALUATION_QUARTERS:])
    start, end = period.date_from, period.date_to
    programs = session.execute(
        select(Program.id, Program.name, Program.kind, OrgUnit.name)
        .join(OrgUnit, OrgUnit.id == Program.unit_id)
        .where(
            Program.unit_id.in_(scope),
            Program.deleted_at.is_(None),
            (Program.started_on.is_(None)) | (Program.started_on <= end),
            (Program.ended_on.is_(None)) | (Program.ended_on >= start),
        )
        .order_by(OrgUnit.name, Program.name)
    ).all()
    ratings: dict[tuple[str, int, int], str] = {}
    first_year = quarters[0][0] if quarters else start.year
    for program_id, year, quarter, rating in session.execute(
        select(Evaluation.program_id, Evaluation.year, Evaluation.quarter, Evaluation.rating)
        .join(Program, Program.id == Evaluation.program_id)
        .where(
            Program.unit_id.in_(scope),
            Evaluation.deleted_at.is_(None),
            Evaluation.year >= first_year,
        )
    ):
        ratings[program_id, year, quarter] = rating.label("vi")
    rows = tuple(
        EvaluationRow(
            program=nfc(name),
            kind=kind.label("vi"),
            unit=nfc(unit_name),
            ratings=tuple(ratings.get((program_id, *quarter), "") for quarter in quarters),
        )
        for program_id, name, kind, unit_name in programs
    )
    return quarters, rows


def _shift_rows(session: Session, scope: list[str], period: Period) -> tuple[ShiftRow, ...]:
    counted = live_shifts(scope, period.date_from, period.date_to)

    def per_shift(model: type[PatrolParticipant] | type[Finding]) -> Subquery:
        return (
            select(model.shift_id, func.count().label("n"))
            .join(PatrolShift, PatrolShift.id == model.shift_id)
            .join(Group, Group.id == PatrolShift.group_id)
            .where(counted, model.deleted_at.is_(None))
            .group_by(model.shift_id)
            .subquery()
        )

    participants, findings = per_shift(PatrolParticipant), per_shift(Finding)
    names = _unit_names(session, scope)
    rows = session.execute(
        select(
            PatrolShift.shift_date,
            PatrolShift.start_time,
            PatrolShift.end_time,
            Group.unit_id,
            Group.name,
            PatrolShift.area,
            PatrolShift.others_count,
            PatrolShift.residents_reminded,
            func.coalesce(participants.c.n, 0),
            func.coalesce(findings.c.n, 0),
        )
        .select_from(Group)
        .join(PatrolShift, PatrolShift.group_id == Group.id)
        .outerjoin(participants, participants.c.shift_id == PatrolShift.id)
        .outerjoin(findings, findings.c.shift_id == PatrolShift.id)
        .where(counted)
        .order_by(PatrolShift.shift_date, PatrolShift.start_time, Group.name)
    )
    shifts = []
    for day, start, end, unit_id, group, area, others, reminded, members, found in rows:
        hours = (
            f"{start:%H:%M}–{end:%H:%M}" if start and end else (f"{start:%H:%M}" if start else "")
        )
        shifts.append(
            ShiftRow(
                shift_date=day,
                hours=hours,
                unit=nfc(names.get(unit_id, "")),
                group=nfc(group),
                area=nfc(area),
                participants=int(members) + int(others),
                findings=int(found),
                reminders=int(reminded),
            )
        )
    return tuple(shifts)


def _shift_summary(
    session: Session, scope: list[str], period: Period
) -> tuple[ShiftSummaryRow, ...]:
    """Shifts, participant-turns (members who took part plus others counted), findings and
    reminders per unit and month, counted as the statistics count them."""
    counted = live_shifts(scope, period.date_from, period.date_to)
    month = func.strftime("%Y-%m", PatrolShift.shift_date)
    base = (
        select(Group.unit_id, month)
        .select_from(Group)
        .join(PatrolShift, PatrolShift.group_id == Group.id)
        .where(counted)
    )
    totals: dict[tuple[str, str], list[int]] = {}

    def add(statement: Any, columns: tuple[int, ...]) -> None:
        for unit_id, key, *values in session.execute(statement.group_by(Group.unit_id, month)):
            entry = totals.setdefault((str(unit_id), str(key)), [0, 0, 0, 0])
            for column, value in zip(columns, values, strict=True):
                entry[column] += int(value or 0)

    # columns: 0 shifts, 1 participant-turns, 2 findings, 3 reminders
    add(
        base.add_columns(
            func.count(),
            func.sum(PatrolShift.others_count),
            func.sum(PatrolShift.residents_reminded),
        ),
        (0, 1, 3),
    )
    for model, column in ((PatrolParticipant, 1), (Finding, 2)):
        joined = base.join(model, model.shift_id == PatrolShift.id)
        add(joined.where(model.deleted_at.is_(None)).add_columns(func.count()), (column,))
    names = _unit_names(session, scope)
    rows = [
        ShiftSummaryRow(nfc(names.get(unit_id, "")), int(key[:4]), int(key[5:]), *values)
        for (unit_id, key), values in totals.items()
    ]
    rows.sort(key=lambda row: (row.unit, row.year, row.month))
    return tuple(rows)


def _case_rows(
    session: Session, scope: list[str], period: Period, *, full_ids: bool
) -> tuple[CaseRow, ...]:
    start, end = period.date_from, period.date_to
    helped = cases_helped(scope, start, end)
    follow_ups = (
        select(FollowUp.case_id, func.count().label("n"))
        .where(
            FollowUp.deleted_at.is_(None),
            FollowUp.held_on.between(start, end),
            FollowUp.case_id.in_(select(RehabCase.id).where(helped)),
        )
        .group_by(FollowUp.case_id)
        .subquery()
    )
    names = _unit_names(session, scope)
    rows = session.execute(
        select(
            Person.full_name,
            Person.citizen_id,
            Person.birth_date,
            RehabCase.unit_id,
            RehabCase.category,
            RehabCase.opened_on,
            RehabCase.status,
            RehabCase.status_since,
            func.coalesce(follow_ups.c.n, 0),
        )
        .join(Person, Person.id == RehabCase.person_id)
        .outerjoin(follow_ups, follow_ups.c.case_id == RehabCase.id)
        .where(helped)
        .order_by(Person.sort_key, RehabCase.opened_on)
    )
    return tuple(
        CaseRow(
            full_name=nfc(name),
            citizen_id=(citizen_id or "") if full_ids else mask_citizen_id(citizen_id),
            birth_year=str(birth.year) if birth else "",
            unit=nfc(names.get(unit_id, "")),
            category=category.label("vi"),
            opened_on=opened,
            status=status.label("vi"),
            status_since=since,
            follow_ups=int(held),
        )
        for name, citizen_id, birth, unit_id, category, opened, status, since, held in rows
    )


def _audit_head(session: Session) -> str:
    newest = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return f"{newest[0]}:{newest[1]}" if newest is not None else ""


def gather_report(
    workspace: Workspace,
    request: ReportRequest,
    progress: Callable[[Message], None] | None = None,
) -> ReportContent:
    """Read everything the report shows, in one read transaction (one consistent snapshot)."""
    require(workspace, Permission.MAKE_REPORT)
    require(workspace, Permission.READ_REHAB)
    full_ids = request.full_citizen_ids
    if full_ids:
        require(workspace, Permission.READ_CITIZEN_IDS)
    period = request.period
    check_range(period.date_from, period.date_to)
    say = progress or (lambda _step: None)
    header = read_report_header(workspace)
    as_of = min(period.date_to, workspace.today())
    with workspace.database.session() as session:
        unit = unit_by_code(session, request.unit_code.strip())
        _check_scope(session, unit)
        say(STEP_FIGURES())
        figures = statistics_in(session, unit, period.date_from, period.date_to, as_of)
        children = session.scalars(
            select(OrgUnit)
            .where(OrgUnit.parent_id == unit.id, OrgUnit.deleted_at.is_(None))
            .order_by(OrgUnit.code)
        ).all()
        if children:
            say(STEP_SUB_UNITS())
        sub_units = tuple(
            statistics_in(session, child, period.date_from, period.date_to, as_of)
            for child in children
        )
        scope = subtree_ids(session, unit.id)
        monthly = shifts_by_month(session, scope, period.date_from, period.date_to)
        quarters, evaluations = _evaluations(session, scope, period)
        shifts: tuple[ShiftRow, ...] = ()
        summary: tuple[ShiftSummaryRow, ...] = ()
        cases: tuple[CaseRow, ...] = ()
        if request.include_appendices:
            say(STEP_TABLES())
            if figures.patrols.shifts <= MAX_LISTED_SHIFTS:
                shifts = _shift_rows(session, scope, period)
            else:
                summary = _shift_summary(session, scope, period)
            cases = _case_rows(session, scope, period, full_ids=full_ids)
        return ReportContent(
            request=request,
            header=header,
            statistics=figures,
            sub_units=sub_units,
            shifts_per_month=tuple(
                (year, month, monthly.get((year, month), 0)) for year, month in period.months()
            ),
            evaluation_quarters=quarters,
            evaluations=evaluations,
            shifts=shifts,
            shift_summary=summary,
            cases=cases,
            audit_head=_audit_head(session),
        )


def may_print_full_ids(workspace: Workspace) -> bool:
    return allowed(workspace, Permission.READ_CITIZEN_IDS)
