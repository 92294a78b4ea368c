"""Small pieces every service uses: field checks that collect errors, live look-ups, tombstones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from antq_desktop.domain.messages import MessageTemplate, message
from antq_desktop.domain.text import clean
from antq_desktop.domain.validation import (
    NOT_NEGATIVE,
    REQUIRED,
    TOO_LONG,
    ErrorCollector,
    InvalidValue,
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
    """Tombstone a record; it stays in the file so the deletion can travel to other sites."""
    if record.deleted_at is None:
        record.deleted_at = datetime.now(UTC)


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
