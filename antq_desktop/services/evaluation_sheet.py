"""The quarter's evaluation sheet: every program of a unit with the figures it is judged on.

One row per live program of the unit or a unit below it that existed during the quarter (started
on or before its last day, or with no start date, and not ended before its first day). The figures
are those of the quarter (both ends included; tombstoned records never count), defined as in
`services.statistics` but per program:

``patrol_shifts``
    shifts, dated in the quarter, of the program's live groups;
``participant_turns``
    members recorded as taking part in those shifts plus the others counted;
``findings``
    findings of those shifts;
``people_helped`` / ``progressed`` / ``reoffended`` (5+1 programs only)
    distinct people whose case belongs to the program and was open during the quarter; of them,
    those whose case's current status is progressed / reoffended and took effect in the quarter;
``annual_budget_vnd``
    the program's annual budget.

An evaluation saves these figures as its indicators (`SheetRow.indicators()`, keys as above), so
a later reader sees what the rating was based on even when the records change afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import ProgramKind, Rating, RehabStatus
from antq_desktop.domain.messages import MessageTemplate, message
from antq_desktop.services.common import get_live
from antq_desktop.services.evaluations import (
    EvaluationView,
    quarter_end,
    quarter_start,
    record_evaluation,
)
from antq_desktop.services.units import subtree_ids
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import (
    Evaluation,
    Finding,
    Group,
    OrgUnit,
    PatrolParticipant,
    PatrolShift,
    Program,
    RehabCase,
)

PATROL_SHIFTS = "patrol_shifts"
PARTICIPANT_TURNS = "participant_turns"
FINDINGS = "findings"
PEOPLE_HELPED = "people_helped"
PROGRESSED = "progressed"
REOFFENDED = "reoffended"
ANNUAL_BUDGET = "annual_budget_vnd"

INDICATOR_LABELS: dict[str, MessageTemplate] = {
    PATROL_SHIFTS: message("evaluation_sheet.patrol_shifts", "Ca tuần tra", "Patrol shifts"),
    PARTICIPANT_TURNS: message(
        "evaluation_sheet.participant_turns", "Lượt người tham gia", "Participant-turns"
    ),
    FINDINGS: message("evaluation_sheet.findings", "Vụ việc phát hiện", "Findings"),
    PEOPLE_HELPED: message("evaluation_sheet.people_helped", "Người được giúp đỡ", "People helped"),
    PROGRESSED: message("evaluation_sheet.progressed", "Tiến bộ", "Progressed"),
    REOFFENDED: message("evaluation_sheet.reoffended", "Tái phạm", "Reoffended"),
    ANNUAL_BUDGET: message(
        "evaluation_sheet.annual_budget", "Kinh phí năm (đồng)", "Annual budget (VND)"
    ),
}
"""The label of each indicator an evaluation saves, in the order the sheet shows them."""

COMMENT = message("evaluation_sheet.comment", "Nhận xét", "Comment")


@dataclass(frozen=True)
class SheetRow:
    program_id: str
    program_name: str
    unit_id: str
    unit_name: str
    kind: ProgramKind
    patrol_shifts: int
    participant_turns: int
    findings: int
    people_helped: int | None
    """None for a program that is not a 5+1 program (as are `progressed` and `reoffended`)."""
    progressed: int | None
    reoffended: int | None
    annual_budget_vnd: int
    evaluation_id: str | None
    """The quarter's live evaluation, or None when the program is not evaluated yet."""
    rating: Rating | None
    comment: str
    evaluator: str

    @property
    def rehabilitation(self) -> bool:
        return self.kind is ProgramKind.REHABILITATION_5_PLUS_1

    def indicators(self) -> dict[str, float]:
        """The figures an evaluation of this row saves (rehabilitation ones for 5+1 only)."""
        values: dict[str, float] = {
            PATROL_SHIFTS: float(self.patrol_shifts),
            PARTICIPANT_TURNS: float(self.participant_turns),
            FINDINGS: float(self.findings),
        }
        if self.rehabilitation:
            values[PEOPLE_HELPED] = float(self.people_helped or 0)
            values[PROGRESSED] = float(self.progressed or 0)
            values[REOFFENDED] = float(self.reoffended or 0)
        values[ANNUAL_BUDGET] = float(self.annual_budget_vnd)
        return values


def _in_quarter(start: date, end: date) -> ColumnElement[bool]:
    return and_(
        Program.deleted_at.is_(None),
        or_(Program.started_on.is_(None), Program.started_on <= end),
        or_(Program.ended_on.is_(None), Program.ended_on >= start),
    )


def _patrols(
    session: Session, program_ids: Any, start: date, end: date
) -> dict[str, tuple[int, int, int]]:
    """Per program: (shifts, participant-turns, findings) of its live groups in the quarter."""
    live_shifts = and_(
        Group.program_id.in_(program_ids),
        Group.deleted_at.is_(None),
        PatrolShift.deleted_at.is_(None),
        PatrolShift.shift_date.between(start, end),
    )

    def shifts_joined(*columns: Any) -> Any:
        return (
            select(Group.program_id, *columns)
            .select_from(Group)
            .join(PatrolShift, PatrolShift.group_id == Group.id)
        )

    shifts = {
        program_id: (int(count), int(others))
        for program_id, count, others in session.execute(
            shifts_joined(func.count(), func.coalesce(func.sum(PatrolShift.others_count), 0))
            .where(live_shifts)
            .group_by(Group.program_id)
        )
    }
    participants = {
        program_id: int(count)
        for program_id, count in session.execute(
            shifts_joined(func.count())
            .join(PatrolParticipant, PatrolParticipant.shift_id == PatrolShift.id)
            .where(live_shifts, PatrolParticipant.deleted_at.is_(None))
            .group_by(Group.program_id)
        )
    }
    findings = {
        program_id: int(count)
        for program_id, count in session.execute(
            shifts_joined(func.count())
            .join(Finding, Finding.shift_id == PatrolShift.id)
            .where(live_shifts, Finding.deleted_at.is_(None))
            .group_by(Group.program_id)
        )
    }
    figures: dict[str, tuple[int, int, int]] = {}
    for program_id, (count, others) in shifts.items():
        turns = participants.get(program_id, 0) + others
        figures[program_id] = (count, turns, findings.get(program_id, 0))
    return figures


def _rehabilitation(
    session: Session, program_ids: Any, start: date, end: date
) -> dict[str, tuple[int, int, int]]:
    """Per program: (people helped, progressed, reoffended) in the quarter."""
    status_in_quarter = RehabCase.status_since.between(start, end)

    def people_with(status: RehabStatus) -> Any:
        person = case((and_(RehabCase.status == status, status_in_quarter), RehabCase.person_id))
        return func.count(func.distinct(person))

    rows = session.execute(
        select(
            RehabCase.program_id,
            func.count(func.distinct(RehabCase.person_id)),
            people_with(RehabStatus.PROGRESSED),
            people_with(RehabStatus.REOFFENDED),
        )
        .where(
            RehabCase.program_id.in_(program_ids),
            RehabCase.deleted_at.is_(None),
            RehabCase.opened_on <= end,
            or_(RehabCase.closed_on.is_(None), RehabCase.closed_on >= start),
        )
        .group_by(RehabCase.program_id)
    )
    return {
        str(program_id): (int(helped), int(progressed), int(reoffended))
        for program_id, helped, progressed, reoffended in rows
    }


def _evaluations(
    session: Session, program_ids: Any, year: int, quarter: int
) -> dict[str, tuple[str, Rating, str, str]]:
    """Per program: the quarter's live evaluation (id, rating, comment, evaluator)."""
    found: dict[str, tuple[str, Rating, str, str]] = {}
    rows = session.execute(
        select(
            Evaluation.program_id,
            Evaluation.id,
            Evaluation.rating,
            Evaluation.comment,
            Evaluation.evaluator,
        )
        .where(
            Evaluation.program_id.in_(program_ids),
            Evaluation.year == year,
            Evaluation.quarter == quarter,
            Evaluation.deleted_at.is_(None),
        )
        .order_by(Evaluation.version)  # should two be live (a merge), the latest wins
    )
    for program_id, evaluation_id, rating, comment, evaluator in rows:
        found[program_id] = (evaluation_id, rating, comment, evaluator)
    return found


def _sheet(
    session: Session, chosen: ColumnElement[bool], year: int, quarter: int
) -> list[SheetRow]:
    start, end = quarter_start(year, quarter), quarter_end(year, quarter)
    condition = and_(chosen, _in_quarter(start, end))
    program_ids = select(Program.id).where(condition)
    programs = session.execute(
        select(
            Program.id,
            Program.name,
            Program.unit_id,
            OrgUnit.name,
            Program.kind,
            Program.annual_budget_vnd,
        )
        .join(OrgUnit, OrgUnit.id == Program.unit_id)
        .where(condition)
        .order_by(Program.name_folded, Program.id)
    ).all()
    if not programs:
        return []
    patrols = _patrols(session, program_ids, start, end)
    rehabilitation = _rehabilitation(session, program_ids, start, end)
    evaluations = _evaluations(session, program_ids, year, quarter)
    rows: list[SheetRow] = []
    for program_id, name, unit_id, unit_name, kind, budget in programs:
        shifts, turns, findings = patrols.get(program_id, (0, 0, 0))
        rehab: tuple[int | None, ...] = (None, None, None)
        if kind is ProgramKind.REHABILITATION_5_PLUS_1:
            rehab = rehabilitation.get(program_id, (0, 0, 0))
        evaluation = evaluations.get(program_id)
        rows.append(
            SheetRow(
                program_id=program_id,
                program_name=name,
                unit_id=unit_id,
                unit_name=unit_name,
                kind=kind,
                patrol_shifts=shifts,
                participant_turns=turns,
                findings=findings,
                people_helped=rehab[0],
                progressed=rehab[1],
                reoffended=rehab[2],
                annual_budget_vnd=int(budget or 0),
                evaluation_id=evaluation[0] if evaluation else None,
                rating=evaluation[1] if evaluation else None,
                comment=evaluation[2] if evaluation else "",
                evaluator=evaluation[3] if evaluation else "",
            )
        )
    return rows


def quarter_sheet(workspace: Workspace, unit_id: str, year: int, quarter: int) -> list[SheetRow]:
    """The programs of the unit and the units below it that existed in the quarter, by name."""
    with workspace.database.session() as session:
        get_live(session, OrgUnit, unit_id)
        scope = subtree_ids(session, unit_id)
        return _sheet(session, Program.unit_id.in_(scope), year, quarter)


def program_row(workspace: Workspace, program_id: str, year: int, quarter: int) -> SheetRow | None:
    """The sheet row of one program (None when the program did not exist in the quarter)."""
    with workspace.database.session() as session:
        get_live(session, Program, program_id)
        rows = _sheet(session, Program.id == program_id, year, quarter)
        return rows[0] if rows else None


def evaluate_program(
    workspace: Workspace,
    program_id: str,
    year: int,
    quarter: int,
    rating: Rating,
    comment: str = "",
    evaluator: str = "",
) -> EvaluationView:
    """Record the quarter's rating with the quarter's figures (computed now) as indicators.

    Refused as `evaluations.record_evaluation` refuses (a quarter not started, before the
    program, …)."""
    computable = quarter in (1, 2, 3, 4) and 1 <= year <= 9998  # otherwise refused below
    row = program_row(workspace, program_id, year, quarter) if computable else None
    indicators = row.indicators() if row is not None else {}
    return record_evaluation(
        workspace, program_id, year, quarter, rating, indicators, comment, evaluator
    )
