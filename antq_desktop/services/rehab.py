"""Rehabilitation cases of the "5+1" model: open, edit, change status, delete, list, overdue.

Helpers, follow-ups and supports of a case live in `services.rehab_helpers` and
`services.rehab_followups`; they are re-exported here so one import serves the case screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import RehabCategory, RehabStatus
from antq_desktop.domain.messages import Message, message
from antq_desktop.domain.text import clean
from antq_desktop.domain.validation import ErrorCollector, format_date
from antq_desktop.services import fields
from antq_desktop.services.common import (
    RECORD_KINDS,
    folded_text_filter,
    get_live,
    live_reference,
    mark_deleted,
    not_before,
    not_in_future,
)
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.rehab_followups import (
    NO_FOLLOW_UP_GRACE_DAYS,
    FollowUpInput,
    FollowUpView,
    OverdueCase,
    SupportInput,
    SupportView,
    add_follow_up,
    add_support,
    list_follow_ups,
    list_supports,
    overdue_follow_ups,
    remove_follow_up,
    remove_support,
    update_follow_up,
    update_support,
)
from antq_desktop.services.rehab_helpers import (
    MAX_ORGANISATION_HELPERS,
    HelperInput,
    HelperView,
    add_helper,
    list_helpers,
    remove_helper,
    update_helper,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import (
    FollowUp,
    OrgUnit,
    Person,
    Program,
    RehabCase,
    RehabHelper,
    Support,
)

__all__ = [
    "MAX_ORGANISATION_HELPERS",
    "NO_FOLLOW_UP_GRACE_DAYS",
    "CaseInput",
    "CaseView",
    "FollowUpInput",
    "FollowUpView",
    "HelperInput",
    "HelperView",
    "OverdueCase",
    "SupportInput",
    "SupportView",
    "add_follow_up",
    "add_helper",
    "add_support",
    "count_cases",
    "create_case",
    "delete_case",
    "get_case",
    "list_cases",
    "list_follow_ups",
    "list_helpers",
    "list_supports",
    "overdue_follow_ups",
    "remove_follow_up",
    "remove_helper",
    "remove_support",
    "set_status",
    "update_case",
    "update_follow_up",
    "update_helper",
    "update_support",
]

CLOSING_STATUSES = frozenset({RehabStatus.CLOSED, RehabStatus.MOVED_AWAY})

CASE_ALREADY_OPEN = message(
    "rehab.case_already_open",
    "{name} đang có một hồ sơ giúp đỡ khác mở từ ngày {opened}. Hãy cập nhật hồ sơ đó, hoặc "
    "chuyển trạng thái hồ sơ cũ trước khi mở hồ sơ mới.",
    "{name} already has another open case, opened on {opened}. Update that case, or change its "
    "status before opening a new one.",
)
CASE_OPENED_AFTER_RECORD = message(
    "rehab.opened_after_record",
    "Ngày bắt đầu giúp đỡ ({opened}) không thể sau {record} ngày {day} đã ghi trong hồ sơ. Hãy "
    "chọn ngày bắt đầu sớm hơn, hoặc sửa {record} đó trước.",
    "The date opened ({opened}) cannot be after the {record} of {day} already recorded in the "
    "case. Choose an earlier date, or correct that {record} first.",
)
RECORD_STATUS_CHANGE = message("rehab.record_status_change", "lần chuyển trạng thái", "status")


@dataclass(frozen=True)
class CaseInput:
    person_id: str
    unit_id: str
    category: RehabCategory
    opened_on: date
    program_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class CaseView:
    id: str
    person_id: str
    person_name: str
    unit_id: str
    program_id: str | None
    category: RehabCategory
    opened_on: date
    status: RehabStatus
    status_since: date
    closed_on: date | None
    outcome: str
    notes: str


def _view(case: RehabCase, person_name: str) -> CaseView:
    return CaseView(
        id=case.id,
        person_id=case.person_id,
        person_name=person_name,
        unit_id=case.unit_id,
        program_id=case.program_id,
        category=case.category,
        opened_on=case.opened_on,
        status=case.status,
        status_since=case.status_since,
        closed_on=case.closed_on,
        outcome=case.outcome,
        notes=case.notes,
    )


def _person_name(session: Session, person_id: str) -> str:
    person = session.get(Person, person_id)
    return person.full_name if person is not None else ""


def _check_no_other_active_case(
    errors: ErrorCollector, session: Session, person_id: str, exclude_id: str | None
) -> None:
    """One person, one active case: a second one would split the follow-ups."""
    statement = select(RehabCase).where(
        RehabCase.person_id == person_id,
        RehabCase.status == RehabStatus.ACTIVE,
        RehabCase.deleted_at.is_(None),
    )
    if exclude_id is not None:
        statement = statement.where(RehabCase.id != exclude_id)
    other = session.scalars(statement.limit(1)).first()
    if other is not None:
        name = _person_name(session, person_id)
        errors.add("person_id", CASE_ALREADY_OPEN(name=name, opened=format_date(other.opened_on)))


def _status_follows_opening(case: RehabCase) -> bool:
    """Active since the day it was opened: moving the opening date moves the status date too."""
    return case.status is RehabStatus.ACTIVE and case.status_since == case.opened_on


def _check_opened_before_records(
    errors: ErrorCollector, session: Session, case: RehabCase, opened_on: date
) -> None:
    """On an edit, the new opening date may not come after what is already recorded."""
    earliest: list[tuple[date | None, Message]] = [
        (
            session.scalar(
                select(func.min(FollowUp.held_on)).where(
                    FollowUp.case_id == case.id, FollowUp.deleted_at.is_(None)
                )
            ),
            RECORD_KINDS["FollowUp"](),
        ),
        (
            session.scalar(
                select(func.min(Support.started_on)).where(
                    Support.case_id == case.id, Support.deleted_at.is_(None)
                )
            ),
            RECORD_KINDS["Support"](),
        ),
    ]
    if not _status_follows_opening(case):
        earliest.append((case.status_since, RECORD_STATUS_CHANGE()))
    for day, record in earliest:
        if day is not None and day < opened_on:
            errors.add(
                "opened_on",
                CASE_OPENED_AFTER_RECORD(
                    opened=format_date(opened_on), record=record, day=format_date(day)
                ),
            )


def _checked_input(
    session: Session, data: CaseInput, today: date, case: RehabCase | None
) -> CaseInput:
    """The input cleaned, or `ValidationFailed` naming every wrong field.

    Rules: the person, unit and program (when given) exist; opened not after today; a person has
    at most one active case; on an edit, opened not after the follow-ups, supports and status
    changes already recorded.
    """
    errors = ErrorCollector()
    person = live_reference(errors, session, Person, "person_id", data.person_id)
    live_reference(errors, session, OrgUnit, "unit_id", data.unit_id)
    program_id = data.program_id or None
    if program_id is not None:
        live_reference(errors, session, Program, "program_id", program_id)
    not_in_future(errors, "opened_on", fields.OPENED_ON, data.opened_on, today)
    if person is not None and (case is None or case.status is RehabStatus.ACTIVE):
        _check_no_other_active_case(
            errors, session, data.person_id, case.id if case is not None else None
        )
    if case is not None:
        _check_opened_before_records(errors, session, case, data.opened_on)
    errors.raise_if_any()
    return CaseInput(
        person_id=data.person_id,
        unit_id=data.unit_id,
        category=RehabCategory(data.category),
        opened_on=data.opened_on,
        program_id=program_id,
        notes=clean(data.notes),
    )


def _apply(case: RehabCase, data: CaseInput) -> None:
    case.person_id = data.person_id
    case.unit_id = data.unit_id
    case.program_id = data.program_id
    case.category = data.category
    case.opened_on = data.opened_on
    case.notes = data.notes


def create_case(workspace: Workspace, data: CaseInput) -> CaseView:
    """Open a case; it starts active on the day it is opened."""
    with workspace.database.transaction() as session:
        valid = _checked_input(session, data, workspace.today(), None)
        case = RehabCase(status=RehabStatus.ACTIVE, status_since=valid.opened_on)
        _apply(case, valid)
        session.add(case)
        session.flush()
        return _view(case, _person_name(session, case.person_id))


def update_case(workspace: Workspace, case_id: str, data: CaseInput) -> CaseView:
    """Edit a case's details (its status changes through `set_status`)."""
    with workspace.database.transaction() as session:
        case = get_live(session, RehabCase, case_id)
        valid = _checked_input(session, data, workspace.today(), case)
        if _status_follows_opening(case):
            case.status_since = valid.opened_on
        _apply(case, valid)
        session.flush()
        return _view(case, _person_name(session, case.person_id))


def set_status(
    workspace: Workspace, case_id: str, status: RehabStatus, since: date, outcome: str = ""
) -> CaseView:
    """Record a change of status from `since` (on or after the opening, not after today).

    Closed and moved-away cases get `closed_on = since`; any other status clears it.
    """
    with workspace.database.transaction() as session:
        case = get_live(session, RehabCase, case_id)
        status = RehabStatus(status)
        errors = ErrorCollector()
        not_in_future(errors, "status_since", fields.STATUS_SINCE, since, workspace.today())
        not_before(
            errors, "status_since", fields.STATUS_SINCE, since, fields.OPENED_ON, case.opened_on
        )
        if status is RehabStatus.ACTIVE:
            _check_no_other_active_case(errors, session, case.person_id, case.id)
        errors.raise_if_any()
        case.status = status
        case.status_since = since
        case.closed_on = since if status in CLOSING_STATUSES else None
        case.outcome = clean(outcome)
        session.flush()
        return _view(case, _person_name(session, case.person_id))


def delete_case(workspace: Workspace, case_id: str) -> None:
    """Tombstone a case with its helpers, follow-ups and supports."""
    with workspace.database.transaction() as session:
        case = get_live(session, RehabCase, case_id)
        for helper in session.scalars(select(RehabHelper).where(RehabHelper.case_id == case.id)):
            mark_deleted(helper)
        for follow_up in session.scalars(select(FollowUp).where(FollowUp.case_id == case.id)):
            mark_deleted(follow_up)
        for support in session.scalars(select(Support).where(Support.case_id == case.id)):
            mark_deleted(support)
        mark_deleted(case)


def get_case(workspace: Workspace, case_id: str) -> CaseView:
    require(workspace, Permission.READ_REHAB)
    with workspace.database.session() as session:
        case = get_live(session, RehabCase, case_id)
        return _view(case, _person_name(session, case.person_id))


def _filters(
    unit_ids: list[str] | None, status: RehabStatus | None, query: str
) -> list[ColumnElement[bool]]:
    conditions = [
        RehabCase.deleted_at.is_(None),
        *folded_text_filter(Person.search_text, query),
    ]
    if unit_ids is not None:
        conditions.append(RehabCase.unit_id.in_(unit_ids))
    if status is not None:
        conditions.append(RehabCase.status == status)
    return conditions


def list_cases(
    workspace: Workspace,
    *,
    unit_ids: list[str] | None = None,
    status: RehabStatus | None = None,
    query: str = "",
    limit: int = 200,
    offset: int = 0,
) -> list[CaseView]:
    """Cases matching every filter, in Vietnamese name order of the person helped.

    `query` matches the person's name without accents, citizen ID or phone."""
    require(workspace, Permission.READ_REHAB)
    statement = (
        select(RehabCase, Person.full_name)
        .join(Person, Person.id == RehabCase.person_id)
        .where(*_filters(unit_ids, status, query))
        .order_by(Person.sort_key, RehabCase.opened_on, RehabCase.id)
        .limit(limit)
        .offset(offset)
    )
    with workspace.database.session() as session:
        return [_view(case, name) for case, name in session.execute(statement)]


def count_cases(
    workspace: Workspace,
    *,
    unit_ids: list[str] | None = None,
    status: RehabStatus | None = None,
    query: str = "",
) -> int:
    require(workspace, Permission.READ_REHAB)
    statement = (
        select(func.count())
        .select_from(RehabCase)
        .join(Person, Person.id == RehabCase.person_id)
        .where(*_filters(unit_ids, status, query))
    )
    with workspace.database.session() as session:
        return int(session.scalar(statement) or 0)
