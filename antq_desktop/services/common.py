"""Small pieces every service uses: field checks that collect errors, live look-ups, tombstones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import QueryableAttribute, Session, object_session

from antq_desktop.domain.messages import Message, MessageTemplate, message
from antq_desktop.domain.text import clean, fold
from antq_desktop.domain.validation import (
    NOT_NEGATIVE,
    REQUIRED,
    TOO_LONG,
    ErrorCollector,
    InvalidValue,
    check_date_order,
    check_not_future,
    format_date,
)
from antq_desktop.services.errors import RECORD_NOT_FOUND, NotFound
from antq_desktop.store.base import SyncedMixin

M = TypeVar("M", bound=SyncedMixin)
V = TypeVar("V")

RECORD_KINDS: dict[str, MessageTemplate] = {
    "OrgUnit": message("kind.org_unit", "đơn vị", "unit"),
    "Program": message("kind.program", "mô hình", "model"),
    "Group": message("kind.group", "tổ/nhóm", "group"),
    "Person": message("kind.person", "nhân thân", "person"),
    "Membership": message("kind.membership", "thành viên", "membership"),
    "PatrolShift": message("kind.patrol_shift", "ca tuần tra", "patrol shift"),
    "PatrolParticipant": message("kind.patrol_participant", "người tham gia", "participant"),
    "Finding": message("kind.finding", "vụ việc", "finding"),
    "RehabCase": message("kind.rehab_case", "hồ sơ giúp đỡ", "rehabilitation case"),
    "RehabHelper": message("kind.rehab_helper", "người giúp đỡ", "helper"),
    "FollowUp": message("kind.follow_up", "lần theo dõi", "follow-up"),
    "Support": message("kind.support", "hỗ trợ", "support"),
    "Evaluation": message("kind.evaluation", "đánh giá quý", "quarterly evaluation"),
}


def get_live(session: Session, model: type[M], record_id: str) -> M:
    """The record with this id, unless it does not exist or is a tombstone."""
    record = session.get(model, record_id)
    if record is None or record.deleted_at is not None:
        raise NotFound(RECORD_NOT_FOUND(kind=RECORD_KINDS[model.__name__](), record_id=record_id))
    return record


def mark_deleted(record: SyncedMixin) -> None:
    """Tombstone a record; it stays in the file so the deletion can travel to other sites.

    Every record tombstoned in one transaction gets the same time, so undoing the delete
    (`services.restore`) can bring back exactly the records that went with it."""
    if record.deleted_at is None:
        session = object_session(record)
        moment = datetime.now(UTC)
        if session is not None:
            moment = session.info.setdefault("deleted_at", moment)
        record.deleted_at = moment


def required_text(
    errors: ErrorCollector, field: str, label: MessageTemplate, value: str | None, max_len: int
) -> str:
    text = clean(value)
    if not text:
        errors.add(field, REQUIRED(field=label()))
    elif len(text) > max_len:
        errors.add(field, TOO_LONG(field=label(), limit=max_len))
    return text


def optional_text(
    errors: ErrorCollector, field: str, label: MessageTemplate, value: str | None, max_len: int
) -> str:
    text = clean(value)
    if len(text) > max_len:
        errors.add(field, TOO_LONG(field=label(), limit=max_len))
    return text


def not_negative(errors: ErrorCollector, field: str, label: MessageTemplate, value: int) -> int:
    if value < 0:
        errors.add(field, NOT_NEGATIVE(field=label()))
    return value


def checked(errors: ErrorCollector, field: str, check: Callable[[], V]) -> V | None:
    """Run a domain check; on `InvalidValue` record the error under `field` and return None."""
    try:
        return check()
    except InvalidValue as invalid:
        errors.add(field, invalid.message)
        return None


# --- Shared by programs, groups, patrols, rehab and evaluations -------------------------------

REFERENCE_MISSING = message(
    "reference.missing",
    "Không tìm thấy {kind} đã chọn (có thể đã bị xóa). Hãy chọn lại {kind}.",
    "The {kind} chosen was not found (it may have been deleted). Please choose the {kind} again.",
)
SPAN_OPEN_END = message("span.open_end", "nay", "now")
SPAN_TEXT = message("span.text", "{start} – {end}", "{start} – {end}")


def live_reference(
    errors: ErrorCollector, session: Session, model: type[M], field: str, record_id: str | None
) -> M | None:
    """A record a form points to (a program, a person…); a missing one is an error on `field`."""
    record = session.get(model, record_id) if record_id else None
    if record is None or record.deleted_at is not None:
        errors.add(field, REFERENCE_MISSING(kind=RECORD_KINDS[model.__name__]()))
        return None
    return record


def not_in_future(
    errors: ErrorCollector, field: str, label: MessageTemplate, value: date | None, today: date
) -> None:
    """Record an error on `field` when the date is after today (the field is named in the text)."""
    if value is not None:
        checked(errors, field, lambda: check_not_future(value, today=today, field_label=label()))


def not_before(
    errors: ErrorCollector,
    field: str,
    label: MessageTemplate,
    value: date | None,
    start_label: MessageTemplate,
    start: date | None,
) -> None:
    """Record an error on `field` when `value` is before `start` (either may be empty)."""
    checked(
        errors,
        field,
        lambda: check_date_order(start, value, start_label=start_label(), end_label=label()),
    )


def folded_text_filter(column: QueryableAttribute[str], query: str) -> list[ColumnElement[bool]]:
    """Conditions matching `query` inside a folded column ("nguyen van duc" finds "Nguyễn Văn Đức").

    Empty when the query is blank, so it can be spread into `.where(*...)`.
    """
    folded = fold(query)
    return [column.contains(folded, autoescape=True)] if folded else []


def spans_overlap(
    first_start: date | None,
    first_end: date | None,
    second_start: date | None,
    second_end: date | None,
) -> bool:
    """Whether two spans of days share a day. Both ends count; an empty end runs forever."""
    return (first_start or date.min) <= (second_end or date.max) and (second_start or date.min) <= (
        first_end or date.max
    )


def span_text(start: date | None, end: date | None) -> Message:
    """A span of days for a message: `01/02/2024 – 30/06/2024`, or `01/02/2024 – nay` if open."""
    return SPAN_TEXT(
        start=format_date(start) if start is not None else "…",
        end=format_date(end) if end is not None else SPAN_OPEN_END(),
    )


def count_live(session: Session, model: type[M], *conditions: ColumnElement[bool]) -> int:
    """How many live (not tombstoned) records of `model` meet every condition."""
    statement = (
        select(func.count()).select_from(model).where(model.deleted_at.is_(None), *conditions)
    )
    return int(session.scalar(statement) or 0)
