"""Patrol shifts of a group, with who took part and what was found, saved together.

Times: a shift whose end time is earlier than its start time ends on the next day (22:00 – 02:00
is a night patrol of four hours); only an end time equal to the start time is refused.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import FindingAction, FindingCategory
from antq_desktop.domain.messages import message
from antq_desktop.domain.text import clean
from antq_desktop.domain.validation import ErrorCollector, format_date
from antq_desktop.services import fields
from antq_desktop.services.common import (
    RECORD_KINDS,
    REFERENCE_MISSING,
    get_live,
    live_reference,
    mark_deleted,
    not_in_future,
    not_negative,
    optional_text,
)
from antq_desktop.services.memberships import active_member_ids
from antq_desktop.services.patrol_queries import (
    FindingView,
    ParticipantView,
    ShiftView,
    count_shifts,
    get_shift,
    list_shifts,
    shift_view,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Finding, Group, PatrolParticipant, PatrolShift, Person

__all__ = [
    "FindingInput",
    "FindingView",
    "ParticipantView",
    "ShiftInput",
    "ShiftView",
    "count_shifts",
    "create_shift",
    "delete_shift",
    "get_shift",
    "list_shifts",
    "update_shift",
]

SHIFT_TIMES_EQUAL = message(
    "patrol.times_equal",
    "Giờ kết thúc trùng giờ bắt đầu ({time}). Hãy sửa giờ kết thúc; ca qua nửa đêm thì nhập giờ "
    "của ngày hôm sau (ví dụ 22:00 – 02:00).",
    "The end time is the same as the start time ({time}). Correct the end time; for a shift past "
    "midnight enter the time on the next day (e.g. 22:00 – 02:00).",
)
PARTICIPANT_TWICE = message(
    "patrol.participant_twice",
    "{name} được chọn hai lần trong danh sách người tham gia. Mỗi người chỉ ghi một lần.",
    "{name} is chosen twice in the list of participants. List each person once.",
)
PARTICIPANT_NOT_MEMBER = message(
    "patrol.participant_not_member",
    "{name} không phải thành viên của tổ {group} vào ngày {day}. Chỉ chọn người đang là thành viên "
    "của tổ vào ngày tuần tra; người ngoài tổ thì cộng vào ô “{others}”.",
    "{name} is not a member of the group {group} on {day}. Choose only people who are members of "
    "the group on the patrol date; count anyone else in “{others}”.",
)


@dataclass(frozen=True)
class FindingInput:
    category: FindingCategory
    action: FindingAction
    description: str = ""


@dataclass(frozen=True)
class ShiftInput:
    group_id: str
    shift_date: date
    start_time: time | None = None
    end_time: time | None = None
    area: str = ""
    others_count: int = 0
    residents_reminded: int = 0
    notes: str = ""
    participant_ids: tuple[str, ...] = ()
    """Members of the group who took part, each once."""
    findings: tuple[FindingInput, ...] = ()


def _checked_input(session: Session, data: ShiftInput, today: date) -> ShiftInput:
    """The input cleaned, or `ValidationFailed` naming every wrong field.

    Rules: the group exists; the date is not after today; the end time differs from the start
    time; counts are not negative; participants are listed once each and are members of the
    group on the patrol date.
    """
    errors = ErrorCollector()
    group = live_reference(errors, session, Group, "group_id", data.group_id)
    not_in_future(errors, "shift_date", fields.SHIFT_DATE, data.shift_date, today)
    if data.start_time is not None and data.start_time == data.end_time:
        errors.add("end_time", SHIFT_TIMES_EQUAL(time=data.start_time.strftime("%H:%M")))
    area = optional_text(errors, "area", fields.AREA, data.area, 300)
    not_negative(errors, "others_count", fields.OTHERS_COUNT, data.others_count)
    not_negative(errors, "residents_reminded", fields.RESIDENTS_REMINDED, data.residents_reminded)
    if group is not None:
        _check_participants(errors, session, group, data)
    errors.raise_if_any()
    return ShiftInput(
        group_id=data.group_id,
        shift_date=data.shift_date,
        start_time=data.start_time,
        end_time=data.end_time,
        area=area,
        others_count=data.others_count,
        residents_reminded=data.residents_reminded,
        notes=clean(data.notes),
        participant_ids=data.participant_ids,
        findings=tuple(
            FindingInput(
                FindingCategory(finding.category),
                FindingAction(finding.action),
                clean(finding.description),
            )
            for finding in data.findings
        ),
    )


def _check_participants(
    errors: ErrorCollector, session: Session, group: Group, data: ShiftInput
) -> None:
    people = {
        person.id: person
        for person in session.scalars(
            select(Person).where(Person.id.in_(data.participant_ids), Person.deleted_at.is_(None))
        )
    }
    members = active_member_ids(session, group.id, data.shift_date)
    for person_id, times in Counter(data.participant_ids).items():
        person = people.get(person_id)
        if person is None:
            errors.add(
                "participant_ids", REFERENCE_MISSING(kind=RECORD_KINDS["PatrolParticipant"]())
            )
            continue
        if times > 1:
            errors.add("participant_ids", PARTICIPANT_TWICE(name=person.full_name))
        if person_id not in members:
            errors.add(
                "participant_ids",
                PARTICIPANT_NOT_MEMBER(
                    name=person.full_name,
                    group=group.name,
                    day=format_date(data.shift_date),
                    others=fields.OTHERS_COUNT(),
                ),
            )


def _apply(shift: PatrolShift, data: ShiftInput) -> None:
    shift.group_id = data.group_id
    shift.shift_date = data.shift_date
    shift.start_time = data.start_time
    shift.end_time = data.end_time
    shift.area = data.area
    shift.others_count = data.others_count
    shift.residents_reminded = data.residents_reminded
    shift.notes = data.notes


def _live_participants(session: Session, shift_id: str) -> list[PatrolParticipant]:
    return list(
        session.scalars(
            select(PatrolParticipant).where(
                PatrolParticipant.shift_id == shift_id, PatrolParticipant.deleted_at.is_(None)
            )
        )
    )


def _live_findings(session: Session, shift_id: str) -> list[Finding]:
    return list(
        session.scalars(
            select(Finding)
            .where(Finding.shift_id == shift_id, Finding.deleted_at.is_(None))
            .order_by(Finding.id)
        )
    )


def _replace_participants(session: Session, shift_id: str, wanted: tuple[str, ...]) -> None:
    """Keep rows of people still listed, tombstone the others, add the newcomers."""
    kept: set[str] = set()
    for row in _live_participants(session, shift_id):
        if row.person_id in wanted and row.person_id not in kept:
            kept.add(row.person_id)
        else:
            mark_deleted(row)
    for person_id in wanted:
        if person_id not in kept:
            session.add(PatrolParticipant(shift_id=shift_id, person_id=person_id))


def _replace_findings(session: Session, shift_id: str, wanted: tuple[FindingInput, ...]) -> None:
    """Keep rows whose content is still listed (as often as listed), tombstone the rest, add new."""
    remaining = Counter(wanted)
    for row in _live_findings(session, shift_id):
        key = FindingInput(row.category, row.action, row.description)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            mark_deleted(row)
    for finding in wanted:
        if remaining[finding] > 0:
            remaining[finding] -= 1
            session.add(
                Finding(
                    shift_id=shift_id,
                    category=finding.category,
                    action=finding.action,
                    description=finding.description,
                )
            )


def create_shift(workspace: Workspace, data: ShiftInput) -> ShiftView:
    """Record a shift with its participants and findings in one unit of work."""
    with workspace.database.transaction() as session:
        valid = _checked_input(session, data, workspace.today())
        shift = PatrolShift()
        _apply(shift, valid)
        session.add(shift)
        session.flush()
        _replace_participants(session, shift.id, valid.participant_ids)
        _replace_findings(session, shift.id, valid.findings)
        return shift_view(session, shift)


def update_shift(workspace: Workspace, shift_id: str, data: ShiftInput) -> ShiftView:
    """Save an edited shift. Participants and findings are replaced by the lists given: rows no
    longer listed are tombstoned, new ones added, unchanged ones left untouched (so a sync does
    not see them as edits)."""
    with workspace.database.transaction() as session:
        shift = get_live(session, PatrolShift, shift_id)
        valid = _checked_input(session, data, workspace.today())
        _apply(shift, valid)
        _replace_participants(session, shift.id, valid.participant_ids)
        _replace_findings(session, shift.id, valid.findings)
        return shift_view(session, shift)


def delete_shift(workspace: Workspace, shift_id: str) -> None:
    """Tombstone a shift with its participants and findings."""
    with workspace.database.transaction() as session:
        shift = get_live(session, PatrolShift, shift_id)
        for participant in _live_participants(session, shift.id):
            mark_deleted(participant)
        for finding in _live_findings(session, shift.id):
            mark_deleted(finding)
        mark_deleted(shift)
