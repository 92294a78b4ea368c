"""Quarterly evaluations of programs: effective, partly effective or only on paper.

A program has at most one live evaluation per quarter: recording the quarter again updates it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import Rating
from antq_desktop.domain.ids import evaluation_id
from antq_desktop.domain.messages import message
from antq_desktop.domain.periods import Period
from antq_desktop.domain.text import clean
from antq_desktop.domain.validation import ErrorCollector, format_date
from antq_desktop.services import fields
from antq_desktop.services.common import (
    get_live,
    live_reference,
    mark_deleted,
    optional_text,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Evaluation, Program

FIRST_YEAR = 2000

QUARTER_RANGE = message(
    "evaluation.quarter_range",
    "Quý phải là 1, 2, 3 hoặc 4 (đang là {value}). Hãy chọn lại quý.",
    "The quarter must be 1, 2, 3 or 4 (got {value}). Please choose the quarter again.",
)
YEAR_RANGE = message(
    "evaluation.year_range",
    "Năm đánh giá phải từ {first} đến {last} (đang là {value}). Hãy sửa lại năm.",
    "The year must be from {first} to {last} (got {value}). Please correct the year.",
)
QUARTER_NOT_STARTED = message(
    "evaluation.quarter_not_started",
    "Quý {quarter}/{year} chưa bắt đầu (bắt đầu từ ngày {start}). Chỉ đánh giá quý đã hoặc đang "
    "diễn ra.",
    "Quarter {quarter}/{year} has not started yet (it starts on {start}). Only a quarter that has "
    "started can be evaluated.",
)
QUARTER_BEFORE_PROGRAM = message(
    "evaluation.quarter_before_program",
    "Mô hình {name} bắt đầu từ ngày {started}, sau khi quý {quarter}/{year} đã kết thúc. Hãy chọn "
    "đúng quý, hoặc sửa ngày bắt đầu của mô hình.",
    "The model {name} started on {started}, after quarter {quarter}/{year} had ended. Choose the "
    "right quarter, or correct the model's start date.",
)
INDICATOR_NAME_EMPTY = message(
    "evaluation.indicator_name_empty",
    "Có chỉ tiêu chưa có tên. Hãy đặt tên cho chỉ tiêu hoặc bỏ dòng đó.",
    "An indicator has no name. Name it or remove that line.",
)
INDICATOR_NOT_NUMBER = message(
    "evaluation.indicator_not_number",
    "Chỉ tiêu “{name}” phải là một con số (đang là “{value}”). Hãy nhập số, ví dụ 12 hoặc 0,5.",
    "The indicator “{name}” must be a number (got “{value}”). Enter a number, e.g. 12 or 0.5.",
)


@dataclass(frozen=True)
class EvaluationView:
    id: str
    program_id: str
    program_name: str
    unit_id: str
    year: int
    quarter: int
    rating: Rating
    indicators: dict[str, float]
    comment: str
    evaluator: str


def quarter_start(year: int, quarter: int) -> date:
    return Period.quarter(year, quarter).date_from


def quarter_end(year: int, quarter: int) -> date:
    return Period.quarter(year, quarter).date_to


def _view(evaluation: Evaluation, program: Program) -> EvaluationView:
    return EvaluationView(
        id=evaluation.id,
        program_id=evaluation.program_id,
        program_name=program.name,
        unit_id=program.unit_id,
        year=evaluation.year,
        quarter=evaluation.quarter,
        rating=evaluation.rating,
        indicators=dict(evaluation.indicators),
        comment=evaluation.comment,
        evaluator=evaluation.evaluator,
    )


def _check_period(
    errors: ErrorCollector, program: Program | None, year: int, quarter: int, today: date
) -> None:
    """Quarter 1..4, year 2000..this year, a quarter already started and not before the program."""
    if quarter not in (1, 2, 3, 4):
        errors.add("quarter", QUARTER_RANGE(value=quarter))
    if not FIRST_YEAR <= year <= today.year:
        errors.add("year", YEAR_RANGE(first=FIRST_YEAR, last=today.year, value=year))
    if errors.errors:
        return
    start = quarter_start(year, quarter)
    if start > today:
        errors.add(
            "quarter", QUARTER_NOT_STARTED(quarter=quarter, year=year, start=format_date(start))
        )
    elif (
        program is not None
        and program.started_on is not None
        and program.started_on > quarter_end(year, quarter)
    ):
        errors.add(
            "quarter",
            QUARTER_BEFORE_PROGRAM(
                name=program.name,
                started=format_date(program.started_on),
                quarter=quarter,
                year=year,
            ),
        )


def _checked_indicators(
    errors: ErrorCollector, indicators: Mapping[str, object]
) -> dict[str, float]:
    checked: dict[str, float] = {}
    for raw_name, value in indicators.items():
        name = clean(raw_name)
        if not name:
            errors.add("indicators", INDICATOR_NAME_EMPTY())
        elif (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            errors.add("indicators", INDICATOR_NOT_NUMBER(name=name, value=value))
        else:
            checked[name] = float(value)
    return checked


def _find(session: Session, program_id: str, year: int, quarter: int) -> Evaluation | None:
    return session.scalars(
        select(Evaluation)
        .where(
            Evaluation.program_id == program_id,
            Evaluation.year == year,
            Evaluation.quarter == quarter,
            Evaluation.deleted_at.is_(None),
        )
        .order_by(Evaluation.version.desc())
        .limit(1)
    ).first()


def record_evaluation(
    workspace: Workspace,
    program_id: str,
    year: int,
    quarter: int,
    rating: Rating,
    indicators: Mapping[str, object] | None = None,
    comment: str = "",
    evaluator: str = "",
) -> EvaluationView:
    """Record the evaluation of a program for a quarter, or update the one already recorded.

    Refused (`ValidationFailed`): a missing program, a quarter outside 1..4, a year outside
    2000..this year, a quarter that has not started, a quarter that ended before the program
    started, an indicator without a name or whose value is not a number.
    """
    with workspace.database.transaction() as session:
        errors = ErrorCollector()
        program = live_reference(errors, session, Program, "program_id", program_id)
        _check_period(errors, program, year, quarter, workspace.today())
        values = _checked_indicators(errors, indicators or {})
        evaluator_name = optional_text(errors, "evaluator", fields.EVALUATOR, evaluator, 200)
        rating = Rating(rating)
        errors.raise_if_any()
        program = get_live(session, Program, program_id)
        evaluation = _find(session, program.id, year, quarter)
        if evaluation is None:  # a deleted one comes back: the quarter has one record
            record_id = evaluation_id(program.id, year, quarter)
            evaluation = session.get(Evaluation, record_id)
            if evaluation is None:
                evaluation = Evaluation(
                    id=record_id, program_id=program.id, year=year, quarter=quarter
                )
                session.add(evaluation)
            evaluation.deleted_at = None
        evaluation.rating = rating
        evaluation.indicators = values
        evaluation.comment = clean(comment)
        evaluation.evaluator = evaluator_name
        session.flush()
        return _view(evaluation, program)


def get_evaluation(
    workspace: Workspace, program_id: str, year: int, quarter: int
) -> EvaluationView | None:
    """The live evaluation of a program for a quarter, or None when none is recorded."""
    with workspace.database.session() as session:
        program = get_live(session, Program, program_id)
        evaluation = _find(session, program.id, year, quarter)
        return _view(evaluation, program) if evaluation is not None else None


def list_for_quarter(
    workspace: Workspace, unit_ids: list[str] | None, year: int, quarter: int
) -> list[EvaluationView]:
    """The evaluations of a quarter for the programs of these units (all units: None), by name."""
    statement = (
        select(Evaluation, Program)
        .join(Program, Program.id == Evaluation.program_id)
        .where(
            Evaluation.year == year,
            Evaluation.quarter == quarter,
            Evaluation.deleted_at.is_(None),
            Program.deleted_at.is_(None),
        )
        .order_by(Program.name_folded, Program.id, Evaluation.version.desc())
    )
    if unit_ids is not None:
        statement = statement.where(Program.unit_id.in_(unit_ids))
    with workspace.database.session() as session:
        return [_view(evaluation, program) for evaluation, program in session.execute(statement)]


def list_for_program(workspace: Workspace, program_id: str) -> list[EvaluationView]:
    """Every quarter evaluated for a program, the latest quarter first."""
    with workspace.database.session() as session:
        program = get_live(session, Program, program_id)
        rows = session.scalars(
            select(Evaluation)
            .where(Evaluation.program_id == program.id, Evaluation.deleted_at.is_(None))
            .order_by(Evaluation.year.desc(), Evaluation.quarter.desc())
        )
        return [_view(evaluation, program) for evaluation in rows]


def delete_evaluation(workspace: Workspace, evaluation_id: str) -> None:
    with workspace.database.transaction() as session:
        mark_deleted(get_live(session, Evaluation, evaluation_id))
