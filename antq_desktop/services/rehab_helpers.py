"""The helpers of a "5+1" case: up to five people from local organisations, plus the family.

A helper serves from `started_on` to `ended_on`, both days included; an empty start means from
the opening of the case, an empty end that the helper still serves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case as sql_case
from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import HelperKind
from antq_desktop.domain.messages import message
from antq_desktop.domain.text import clean_optional
from antq_desktop.domain.validation import ErrorCollector, check_phone
from antq_desktop.services import fields
from antq_desktop.services.common import (
    checked,
    get_live,
    mark_deleted,
    not_before,
    not_in_future,
    optional_text,
    required_text,
    span_text,
    spans_overlap,
)
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import RehabCase, RehabHelper

MAX_ORGANISATION_HELPERS = 5
"""The "5" of "5+1": helpers from organisations serving at the same time (family not counted)."""

TOO_MANY_HELPERS = message(
    "rehab.too_many_helpers",
    "Hồ sơ đã có đủ {limit} người giúp đỡ từ các tổ chức trong thời gian {span} ({names}). Mỗi "
    "hồ sơ có tối đa {limit} người từ tổ chức cùng lúc, cộng thêm người trong gia đình: hãy ghi "
    "ngày kết thúc cho một người trước, hoặc chọn “{family}” nếu đây là người thân.",
    "The case already has {limit} helpers from organisations during {span} ({names}). A case has "
    "at most {limit} helpers from organisations at a time, plus the family: record an end date "
    "for one of them first, or choose “{family}” if this is a relative.",
)


@dataclass(frozen=True)
class HelperInput:
    kind: HelperKind
    full_name: str
    organisation: str = ""
    phone: str | None = None
    started_on: date | None = None
    ended_on: date | None = None


@dataclass(frozen=True)
class HelperView:
    id: str
    case_id: str
    kind: HelperKind
    full_name: str
    organisation: str
    phone: str | None
    started_on: date | None
    ended_on: date | None

    @property
    def is_family(self) -> bool:
        return self.kind is HelperKind.FAMILY


def _view(helper: RehabHelper) -> HelperView:
    return HelperView(
        id=helper.id,
        case_id=helper.case_id,
        kind=helper.kind,
        full_name=helper.full_name,
        organisation=helper.organisation,
        phone=helper.phone,
        started_on=helper.started_on,
        ended_on=helper.ended_on,
    )


def _busiest_day(
    spans: list[RehabHelper], start: date | None, end: date | None
) -> list[RehabHelper]:
    """The helpers of `spans` serving together on the busiest day of start..end (both included)."""
    first, last = start or date.min, end or date.max
    # The count only rises on the first day or on a day where another span starts.
    days = [first] + [
        span.started_on
        for span in spans
        if span.started_on is not None and first <= span.started_on <= last
    ]
    serving = (
        [span for span in spans if spans_overlap(span.started_on, span.ended_on, day, day)]
        for day in days
    )
    return max(serving, key=len)


def _check_team_size(
    errors: ErrorCollector,
    session: Session,
    case_id: str,
    data: HelperInput,
    exclude_id: str | None,
) -> None:
    if data.kind is HelperKind.FAMILY:
        return
    statement = select(RehabHelper).where(
        RehabHelper.case_id == case_id,
        RehabHelper.kind != HelperKind.FAMILY,
        RehabHelper.deleted_at.is_(None),
    )
    if exclude_id is not None:
        statement = statement.where(RehabHelper.id != exclude_id)
    serving = _busiest_day(list(session.scalars(statement)), data.started_on, data.ended_on)
    if len(serving) >= MAX_ORGANISATION_HELPERS:
        errors.add(
            "kind",
            TOO_MANY_HELPERS(
                limit=MAX_ORGANISATION_HELPERS,
                span=span_text(data.started_on, data.ended_on),
                names=", ".join(helper.full_name for helper in serving),
                family=HelperKind.FAMILY,
            ),
        )


def _checked_input(
    session: Session, case_id: str, data: HelperInput, today: date, exclude_id: str | None
) -> HelperInput:
    """The input cleaned, or `ValidationFailed` naming every wrong field.

    Rules: a name; a valid phone when given; started not after today; ended on or after the
    start; at most `MAX_ORGANISATION_HELPERS` helpers from organisations at once.
    """
    errors = ErrorCollector()
    full_name = required_text(errors, "full_name", fields.FULL_NAME, data.full_name, 200)
    organisation = optional_text(
        errors, "organisation", fields.ORGANISATION, data.organisation, 200
    )
    phone = clean_optional(data.phone)
    if phone is not None:
        typed = phone
        phone = checked(errors, "phone", lambda: check_phone(typed))
    not_in_future(errors, "started_on", fields.STARTED_ON, data.started_on, today)
    not_before(
        errors, "ended_on", fields.ENDED_ON, data.ended_on, fields.STARTED_ON, data.started_on
    )
    valid = HelperInput(
        kind=HelperKind(data.kind),
        full_name=full_name,
        organisation=organisation,
        phone=phone,
        started_on=data.started_on,
        ended_on=data.ended_on,
    )
    if not errors.errors:
        _check_team_size(errors, session, case_id, valid, exclude_id)
    errors.raise_if_any()
    return valid


def _apply(helper: RehabHelper, data: HelperInput) -> None:
    helper.kind = data.kind
    helper.full_name = data.full_name
    helper.organisation = data.organisation
    helper.phone = data.phone
    helper.started_on = data.started_on
    helper.ended_on = data.ended_on


def add_helper(workspace: Workspace, case_id: str, data: HelperInput) -> HelperView:
    with workspace.database.transaction() as session:
        case = get_live(session, RehabCase, case_id)
        valid = _checked_input(session, case.id, data, workspace.today(), None)
        helper = RehabHelper(case_id=case.id)
        _apply(helper, valid)
        session.add(helper)
        session.flush()
        return _view(helper)


def update_helper(workspace: Workspace, helper_id: str, data: HelperInput) -> HelperView:
    with workspace.database.transaction() as session:
        helper = get_live(session, RehabHelper, helper_id)
        get_live(session, RehabCase, helper.case_id)
        valid = _checked_input(session, helper.case_id, data, workspace.today(), helper.id)
        _apply(helper, valid)
        session.flush()
        return _view(helper)


def remove_helper(workspace: Workspace, helper_id: str) -> None:
    """Tombstone a helper recorded by mistake (one who stops serving gets an end date instead)."""
    with workspace.database.transaction() as session:
        mark_deleted(get_live(session, RehabHelper, helper_id))


def list_helpers(
    workspace: Workspace, case_id: str, active_on: date | None = None
) -> list[HelperView]:
    """The helpers of a case (or those serving on `active_on`): organisations first, then family."""
    require(workspace, Permission.READ_REHAB)
    family_last = sql_case((RehabHelper.kind == HelperKind.FAMILY, 1), else_=0)
    statement = (
        select(RehabHelper)
        .where(RehabHelper.case_id == case_id, RehabHelper.deleted_at.is_(None))
        .order_by(family_last, RehabHelper.started_on, RehabHelper.id)
    )
    with workspace.database.session() as session:
        get_live(session, RehabCase, case_id)
        helpers = [_view(row) for row in session.scalars(statement)]
    if active_on is not None:
        helpers = [
            helper
            for helper in helpers
            if spans_overlap(helper.started_on, helper.ended_on, active_on, active_on)
        ]
    return helpers
