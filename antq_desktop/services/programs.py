"""Programs (community security models): create, edit, delete (tombstone), list and count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import MaintainingBody, ProgramKind, ProgramStatus
from antq_desktop.domain.messages import message
from antq_desktop.domain.text import clean, fold
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import fields
from antq_desktop.services.common import (
    count_live,
    folded_text_filter,
    get_live,
    live_reference,
    mark_deleted,
    not_before,
    not_in_future,
    not_negative,
    required_text,
)
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.listing import ColumnKind, ListColumn, Listing, equals, in_subtree
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Evaluation, Group, OrgUnit, Program, RehabCase

PROGRAM_HAS_GROUPS = message(
    "program.delete_has_groups",
    "Không thể xóa mô hình {name}: còn {count} tổ/nhóm thuộc mô hình. Hãy xóa hoặc chuyển các "
    "tổ/nhóm sang mô hình khác trước.",
    "The model {name} cannot be deleted: {count} group(s) still belong to it. Delete them or move "
    "them to another model first.",
)
PROGRAM_HAS_CASES = message(
    "program.delete_has_cases",
    "Không thể xóa mô hình {name}: còn {count} hồ sơ giúp đỡ gắn với mô hình. Hãy xóa các hồ sơ "
    "hoặc bỏ liên kết mô hình của chúng trước.",
    "The model {name} cannot be deleted: {count} rehabilitation case(s) are linked to it. Delete "
    "them or unlink them from the model first.",
)


@dataclass(frozen=True)
class ProgramInput:
    unit_id: str
    name: str
    kind: ProgramKind
    maintaining_body: MaintainingBody = MaintainingBody.POLICE
    status: ProgramStatus = ProgramStatus.ACTIVE
    started_on: date | None = None
    recognised_on: date | None = None
    ended_on: date | None = None
    annual_budget_vnd: int = 0
    description: str = ""


@dataclass(frozen=True)
class ProgramView:
    id: str
    unit_id: str
    name: str
    kind: ProgramKind
    maintaining_body: MaintainingBody
    status: ProgramStatus
    started_on: date | None
    recognised_on: date | None
    ended_on: date | None
    annual_budget_vnd: int
    description: str


def _view(program: Program) -> ProgramView:
    return ProgramView(
        id=program.id,
        unit_id=program.unit_id,
        name=program.name,
        kind=program.kind,
        maintaining_body=program.maintaining_body,
        status=program.status,
        started_on=program.started_on,
        recognised_on=program.recognised_on,
        ended_on=program.ended_on,
        annual_budget_vnd=program.annual_budget_vnd,
        description=program.description,
    )


def _checked_input(session: Session, data: ProgramInput, today: date) -> ProgramInput:
    """The input cleaned, or `ValidationFailed` naming every wrong field.

    Rules: a name; the start date not after today (nor the recognition date, a past event);
    recognised and ended on or after the start; a budget that is not negative.
    """
    errors = ErrorCollector()
    name = required_text(errors, "name", fields.NAME, data.name, 300)
    live_reference(errors, session, OrgUnit, "unit_id", data.unit_id)
    not_in_future(errors, "started_on", fields.STARTED_ON, data.started_on, today)
    not_in_future(errors, "recognised_on", fields.RECOGNISED_ON, data.recognised_on, today)
    for field, label, value in (
        ("recognised_on", fields.RECOGNISED_ON, data.recognised_on),
        ("ended_on", fields.ENDED_ON, data.ended_on),
    ):
        not_before(errors, field, label, value, fields.STARTED_ON, data.started_on)
    not_negative(errors, "annual_budget_vnd", fields.BUDGET, data.annual_budget_vnd)
    errors.raise_if_any()
    return ProgramInput(
        unit_id=data.unit_id,
        name=name,
        kind=ProgramKind(data.kind),
        maintaining_body=MaintainingBody(data.maintaining_body),
        status=ProgramStatus(data.status),
        started_on=data.started_on,
        recognised_on=data.recognised_on,
        ended_on=data.ended_on,
        annual_budget_vnd=data.annual_budget_vnd,
        description=clean(data.description),
    )


def _apply(program: Program, data: ProgramInput) -> None:
    program.unit_id = data.unit_id
    program.name = data.name
    program.name_folded = fold(data.name)
    program.kind = data.kind
    program.maintaining_body = data.maintaining_body
    program.status = data.status
    program.started_on = data.started_on
    program.recognised_on = data.recognised_on
    program.ended_on = data.ended_on
    program.annual_budget_vnd = data.annual_budget_vnd
    program.description = data.description


def create_program(workspace: Workspace, data: ProgramInput) -> ProgramView:
    with workspace.database.transaction() as session:
        valid = _checked_input(session, data, workspace.today())
        program = Program()
        _apply(program, valid)
        session.add(program)
        session.flush()
        return _view(program)


def update_program(workspace: Workspace, program_id: str, data: ProgramInput) -> ProgramView:
    with workspace.database.transaction() as session:
        program = get_live(session, Program, program_id)
        valid = _checked_input(session, data, workspace.today())
        _apply(program, valid)
        session.flush()
        return _view(program)


def delete_program(workspace: Workspace, program_id: str) -> None:
    """Tombstone a program and its evaluations.

    Refused (`ServiceError`, nothing changed) while live groups or rehabilitation cases still
    belong to it: those are records in their own right and must be moved or deleted first.
    """
    with workspace.database.transaction() as session:
        program = get_live(session, Program, program_id)
        groups = count_live(session, Group, Group.program_id == program.id)
        if groups:
            raise ServiceError(PROGRAM_HAS_GROUPS(name=program.name, count=groups))
        cases = count_live(session, RehabCase, RehabCase.program_id == program.id)
        if cases:
            raise ServiceError(PROGRAM_HAS_CASES(name=program.name, count=cases))
        evaluations = session.scalars(
            select(Evaluation).where(
                Evaluation.program_id == program.id, Evaluation.deleted_at.is_(None)
            )
        )
        for evaluation in evaluations:
            mark_deleted(evaluation)
        mark_deleted(program)


def get_program(workspace: Workspace, program_id: str) -> ProgramView:
    with workspace.database.session() as session:
        return _view(get_live(session, Program, program_id))


def _filters(
    unit_ids: list[str] | None,
    kind: ProgramKind | None,
    status: ProgramStatus | None,
    query: str,
) -> list[ColumnElement[bool]]:
    conditions = folded_text_filter(Program.name_folded, query)
    if unit_ids is not None:
        conditions.append(Program.unit_id.in_(unit_ids))
    if kind is not None:
        conditions.append(Program.kind == kind)
    if status is not None:
        conditions.append(Program.status == status)
    return conditions


def list_programs(
    workspace: Workspace,
    *,
    unit_ids: list[str] | None = None,
    kind: ProgramKind | None = None,
    status: ProgramStatus | None = None,
    query: str = "",
    limit: int = 200,
    offset: int = 0,
) -> list[ProgramView]:
    """Programs matching every filter given (`query`: accent-insensitive, inside the name)."""
    statement = (
        select(Program)
        .where(Program.deleted_at.is_(None), *_filters(unit_ids, kind, status, query))
        .order_by(Program.name_folded, Program.id)
        .limit(limit)
        .offset(offset)
    )
    with workspace.database.session() as session:
        return [_view(row) for row in session.scalars(statement)]


def count_programs(
    workspace: Workspace,
    *,
    unit_ids: list[str] | None = None,
    kind: ProgramKind | None = None,
    status: ProgramStatus | None = None,
    query: str = "",
) -> int:
    with workspace.database.session() as session:
        return count_live(session, Program, *_filters(unit_ids, kind, status, query))


def _program_search(query: str) -> list[ColumnElement[bool]]:
    return folded_text_filter(Program.name_folded, query)


PROGRAM_LIST = Listing(
    name="programs",
    id_column=Program.id,
    columns=(
        ListColumn("name", fields.NAME, Program.name, sort_by=Program.name_folded),
        ListColumn("kind", fields.KIND, Program.kind, ColumnKind.ENUM, enum_type=ProgramKind),
        ListColumn(
            "maintaining_body",
            fields.MAINTAINING_BODY,
            Program.maintaining_body,
            ColumnKind.ENUM,
            enum_type=MaintainingBody,
        ),
        ListColumn("unit", fields.UNIT, OrgUnit.name, sort_by=OrgUnit.name_folded),
        ListColumn(
            "status", fields.STATUS, Program.status, ColumnKind.ENUM, enum_type=ProgramStatus
        ),
        ListColumn("started_on", fields.STARTED_ON, Program.started_on, ColumnKind.DATE),
        ListColumn(
            "recognised_on",
            fields.RECOGNISED_ON,
            Program.recognised_on,
            ColumnKind.DATE,
            visible=False,
        ),
        ListColumn("budget", fields.BUDGET, Program.annual_budget_vnd, ColumnKind.MONEY),
    ),
    base=lambda statement: (
        statement.select_from(Program)
        .join(OrgUnit, OrgUnit.id == Program.unit_id)
        .where(Program.deleted_at.is_(None))
    ),
    search=_program_search,
    default_order=(Program.name_folded,),
    filters={
        "unit": in_subtree(Program.unit_id),
        "kind": equals(Program.kind),
        "status": equals(Program.status),
        "maintaining_body": equals(Program.maintaining_body),
    },
)
"""Programs for the window's list (name sorts by its folded form: "Đ" next to "D")."""
