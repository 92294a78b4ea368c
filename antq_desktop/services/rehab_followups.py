"""What is done for a "5+1" case: follow-ups (visits, talks), supports (jobs, training, loans),
and the list of cases whose follow-up is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import (
    FollowUpAssessment,
    FollowUpKind,
    RehabStatus,
    SupportKind,
    SupportResult,
)
from antq_desktop.domain.messages import message
from antq_desktop.domain.text import clean
from antq_desktop.domain.validation import ErrorCollector, format_date
from antq_desktop.services import fields
from antq_desktop.services.common import (
    RECORD_KINDS,
    REFERENCE_MISSING,
    get_live,
    mark_deleted,
    not_before,
    not_in_future,
    optional_text,
)
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import FollowUp, Person, RehabCase, RehabHelper, Support

NO_FOLLOW_UP_GRACE_DAYS = 30
"""A case with no follow-up at all is overdue once it has been open longer than this."""

NEXT_DUE_NOT_AFTER = message(
    "rehab.next_due_not_after",
    "Hạn theo dõi tiếp ({next_due}) phải sau ngày theo dõi ({held}). Hãy chọn một ngày sau "
    "ngày {held}, hoặc để trống.",
    "The next follow-up due date ({next_due}) must be after the follow-up date ({held}). Choose "
    "a day after {held}, or leave it empty.",
)


@dataclass(frozen=True)
class FollowUpInput:
    held_on: date
    kind: FollowUpKind
    assessment: FollowUpAssessment
    notes: str = ""
    next_due_on: date | None = None
    helper_id: str | None = None
    """The helper who made the visit, if one of the case's helpers did."""


@dataclass(frozen=True)
class FollowUpView:
    id: str
    case_id: str
    helper_id: str | None
    helper_name: str
    held_on: date
    kind: FollowUpKind
    assessment: FollowUpAssessment
    notes: str
    next_due_on: date | None


@dataclass(frozen=True)
class SupportInput:
    kind: SupportKind
    started_on: date
    provider: str = ""
    result: SupportResult = SupportResult.PENDING
    notes: str = ""


@dataclass(frozen=True)
class SupportView:
    id: str
    case_id: str
    kind: SupportKind
    provider: str
    started_on: date
    result: SupportResult
    notes: str


@dataclass(frozen=True)
class OverdueCase:
    case_id: str
    person_id: str
    person_name: str
    opened_on: date
    last_held_on: date | None
    """The latest follow-up, or None when the case has never been followed up."""
    due_on: date
    days_overdue: int


# --- Follow-ups --------------------------------------------------------------------------------


def _follow_up_view(session: Session, follow_up: FollowUp) -> FollowUpView:
    helper = session.get(RehabHelper, follow_up.helper_id) if follow_up.helper_id else None
    return FollowUpView(
        id=follow_up.id,
        case_id=follow_up.case_id,
        helper_id=follow_up.helper_id,
        helper_name=helper.full_name if helper is not None else "",
        held_on=follow_up.held_on,
        kind=follow_up.kind,
        assessment=follow_up.assessment,
        notes=follow_up.notes,
        next_due_on=follow_up.next_due_on,
    )


def _checked_follow_up(
    session: Session, case: RehabCase, data: FollowUpInput, today: date
) -> FollowUpInput:
    """The input cleaned, or `ValidationFailed` naming every wrong field.

    Rules: held not after today and not before the case was opened; the next due date after the
    day held; the helper, when given, is a helper of this case.
    """
    errors = ErrorCollector()
    not_in_future(errors, "held_on", fields.HELD_ON, data.held_on, today)
    not_before(errors, "held_on", fields.HELD_ON, data.held_on, fields.OPENED_ON, case.opened_on)
    if data.next_due_on is not None and data.next_due_on <= data.held_on:
        errors.add(
            "next_due_on",
            NEXT_DUE_NOT_AFTER(
                next_due=format_date(data.next_due_on), held=format_date(data.held_on)
            ),
        )
    helper_id = data.helper_id or None
    if helper_id is not None:
        helper = session.get(RehabHelper, helper_id)
        if helper is None or helper.deleted_at is not None or helper.case_id != case.id:
            errors.add("helper_id", REFERENCE_MISSING(kind=RECORD_KINDS["RehabHelper"]()))
    errors.raise_if_any()
    return FollowUpInput(
        held_on=data.held_on,
        kind=FollowUpKind(data.kind),
        assessment=FollowUpAssessment(data.assessment),
        notes=clean(data.notes),
        next_due_on=data.next_due_on,
        helper_id=helper_id,
    )


def _apply_follow_up(follow_up: FollowUp, data: FollowUpInput) -> None:
    follow_up.held_on = data.held_on
    follow_up.kind = data.kind
    follow_up.assessment = data.assessment
    follow_up.notes = data.notes
    follow_up.next_due_on = data.next_due_on
    follow_up.helper_id = data.helper_id


def add_follow_up(workspace: Workspace, case_id: str, data: FollowUpInput) -> FollowUpView:
    with workspace.database.transaction() as session:
        case = get_live(session, RehabCase, case_id)
        valid = _checked_follow_up(session, case, data, workspace.today())
        follow_up = FollowUp(case_id=case.id)
        _apply_follow_up(follow_up, valid)
        session.add(follow_up)
        session.flush()
        return _follow_up_view(session, follow_up)


def update_follow_up(workspace: Workspace, follow_up_id: str, data: FollowUpInput) -> FollowUpView:
    with workspace.database.transaction() as session:
        follow_up = get_live(session, FollowUp, follow_up_id)
        case = get_live(session, RehabCase, follow_up.case_id)
        valid = _checked_follow_up(session, case, data, workspace.today())
        _apply_follow_up(follow_up, valid)
        session.flush()
        return _follow_up_view(session, follow_up)


def remove_follow_up(workspace: Workspace, follow_up_id: str) -> None:
    with workspace.database.transaction() as session:
        mark_deleted(get_live(session, FollowUp, follow_up_id))


def list_follow_ups(workspace: Workspace, case_id: str) -> list[FollowUpView]:
    """The follow-ups of a case, newest first."""
    require(workspace, Permission.READ_REHAB)
    with workspace.database.session() as session:
        get_live(session, RehabCase, case_id)
        rows = session.scalars(
            select(FollowUp)
            .where(FollowUp.case_id == case_id, FollowUp.deleted_at.is_(None))
            .order_by(FollowUp.held_on.desc(), FollowUp.id.desc())
        ).all()
        return [_follow_up_view(session, row) for row in rows]


# --- Supports ----------------------------------------------------------------------------------


def _support_view(support: Support) -> SupportView:
    return SupportView(
        id=support.id,
        case_id=support.case_id,
        kind=support.kind,
        provider=support.provider,
        started_on=support.started_on,
        result=support.result,
        notes=support.notes,
    )


def _checked_support(case: RehabCase, data: SupportInput, today: date) -> SupportInput:
    """The input cleaned, or `ValidationFailed`: started not after today nor before the opening."""
    errors = ErrorCollector()
    provider = optional_text(errors, "provider", fields.PROVIDER, data.provider, 300)
    not_in_future(errors, "started_on", fields.SUPPORT_STARTED_ON, data.started_on, today)
    not_before(
        errors,
        "started_on",
        fields.SUPPORT_STARTED_ON,
        data.started_on,
        fields.OPENED_ON,
        case.opened_on,
    )
    errors.raise_if_any()
    return SupportInput(
        kind=SupportKind(data.kind),
        started_on=data.started_on,
        provider=provider,
        result=SupportResult(data.result),
        notes=clean(data.notes),
    )


def _apply_support(support: Support, data: SupportInput) -> None:
    support.kind = data.kind
    support.started_on = data.started_on
    support.provider = data.provider
    support.result = data.result
    support.notes = data.notes


def add_support(workspace: Workspace, case_id: str, data: SupportInput) -> SupportView:
    with workspace.database.transaction() as session:
        case = get_live(session, RehabCase, case_id)
        valid = _checked_support(case, data, workspace.today())
        support = Support(case_id=case.id)
        _apply_support(support, valid)
        session.add(support)
        session.flush()
        return _support_view(support)


def update_support(workspace: Workspace, support_id: str, data: SupportInput) -> SupportView:
    with workspace.database.transaction() as session:
        support = get_live(session, Support, support_id)
        case = get_live(session, RehabCase, support.case_id)
        valid = _checked_support(case, data, workspace.today())
        _apply_support(support, valid)
        session.flush()
        return _support_view(support)


def remove_support(workspace: Workspace, support_id: str) -> None:
    with workspace.database.transaction() as session:
        mark_deleted(get_live(session, Support, support_id))


def list_supports(workspace: Workspace, case_id: str) -> list[SupportView]:
    """The supports of a case, newest first."""
    require(workspace, Permission.READ_REHAB)
    with workspace.database.session() as session:
        get_live(session, RehabCase, case_id)
        rows = session.scalars(
            select(Support)
            .where(Support.case_id == case_id, Support.deleted_at.is_(None))
            .order_by(Support.started_on.desc(), Support.id.desc())
        )
        return [_support_view(row) for row in rows]


# --- Overdue follow-ups ---


def overdue_follow_ups(
    workspace: Workspace, unit_ids: list[str] | None, as_of: date
) -> list[OverdueCase]:
    """Active cases that need a follow-up on `as_of`, most overdue first (see `find_overdue`)."""
    require(workspace, Permission.READ_REHAB)
    with workspace.database.session() as session:
        return find_overdue(session, unit_ids, as_of)


def find_overdue(session: Session, unit_ids: list[str] | None, as_of: date) -> list[OverdueCase]:
    """Active cases that need a follow-up on `as_of`, most overdue first.

    Only what was known on `as_of` counts: cases opened by then and follow-ups held by then. A case
    is overdue when its latest such follow-up set a next due date before `as_of`, or when it has no
    follow-up yet and was opened more than `NO_FOLLOW_UP_GRACE_DAYS` days before `as_of`. A latest
    follow-up without a next due date is not counted as overdue. The statistics service counts
    these same cases.
    """
    active_cases = [
        RehabCase.deleted_at.is_(None),
        RehabCase.status == RehabStatus.ACTIVE,
        RehabCase.opened_on <= as_of,
    ]
    if unit_ids is not None:
        active_cases.append(RehabCase.unit_id.in_(unit_ids))
    # Only the follow-ups of the cases asked about are ranked: ranking the whole book's made a
    # report with a hundred wards read every follow-up a hundred times.
    latest = (
        select(
            FollowUp.case_id,
            FollowUp.held_on,
            FollowUp.next_due_on,
            func.row_number()
            .over(
                partition_by=FollowUp.case_id,
                order_by=(FollowUp.held_on.desc(), FollowUp.id.desc()),
            )
            .label("rank"),
        )
        .where(
            FollowUp.deleted_at.is_(None),
            FollowUp.held_on <= as_of,
            FollowUp.case_id.in_(select(RehabCase.id).where(*active_cases)),
        )
        .subquery()
    )
    statement = (
        select(RehabCase, Person.full_name, Person.sort_key, latest.c.held_on, latest.c.next_due_on)
        .join(Person, Person.id == RehabCase.person_id)
        .outerjoin(latest, (latest.c.case_id == RehabCase.id) & (latest.c.rank == 1))
        .where(*active_cases)
    )
    grace = timedelta(days=NO_FOLLOW_UP_GRACE_DAYS)
    found: list[tuple[date, str, OverdueCase]] = []
    for case, name, sort_key, held_on, next_due_on in session.execute(statement):
        due_on = next_due_on if held_on is not None else case.opened_on + grace
        if due_on is None or due_on >= as_of:
            continue
        overdue = OverdueCase(
            case_id=case.id,
            person_id=case.person_id,
            person_name=name,
            opened_on=case.opened_on,
            last_held_on=held_on,
            due_on=due_on,
            days_overdue=(as_of - due_on).days,
        )
        found.append((due_on, sort_key, overdue))
    found.sort(key=lambda item: (item[0], item[1]))
    return [overdue for _, _, overdue in found]
