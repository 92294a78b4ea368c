"""Members of a group: who, with which role, from which day to which day.

A membership runs from `joined_on` to `left_on`, both days included (a member who leaves on the
1st still patrols that morning); an empty `left_on` means the person is still a member.
The functions are also reachable as `services.groups.add_member` and so on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, or_, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import MemberRole
from antq_desktop.domain.messages import message
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import fields
from antq_desktop.services.common import (
    get_live,
    live_reference,
    mark_deleted,
    not_before,
    not_in_future,
    span_text,
    spans_overlap,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Group, Membership, Person

MEMBERSHIP_OVERLAP = message(
    "membership.overlap",
    "{name} đã là thành viên của tổ trong thời gian {span}, trùng với thời gian {new_span} vừa "
    "nhập. Một người không thể là thành viên của cùng một tổ hai lần cùng lúc: hãy sửa ngày tham "
    "gia hoặc ngày rời tổ, hoặc sửa bản ghi thành viên đã có.",
    "{name} is already a member of the group for {span}, which overlaps the span {new_span} just "
    "entered. A person cannot be a member of the same group twice at once: change the date joined "
    "or the date left, or edit the existing membership.",
)
LEADER_TAKEN = message(
    "membership.leader_taken",
    "Tổ đã có tổ trưởng {name} trong thời gian {span}, trùng với thời gian {new_span} vừa nhập. "
    "Mỗi tổ chỉ có một tổ trưởng tại một thời điểm: hãy ghi ngày rời tổ (hoặc đổi vai trò) của "
    "{name} trước, hoặc chọn vai trò khác.",
    "The group already has a leader, {name}, for {span}, which overlaps the span {new_span} just "
    "entered. A group has one leader at a time: record the date {name} left (or change their "
    "role) first, or choose another role.",
)


@dataclass(frozen=True)
class MembershipInput:
    person_id: str
    joined_on: date
    role: MemberRole = MemberRole.MEMBER
    left_on: date | None = None


@dataclass(frozen=True)
class MemberView:
    id: str
    group_id: str
    person_id: str
    person_name: str
    role: MemberRole
    joined_on: date
    left_on: date | None

    def is_active_on(self, day: date) -> bool:
        return self.joined_on <= day and (self.left_on is None or day <= self.left_on)


def _view(membership: Membership, person_name: str) -> MemberView:
    return MemberView(
        id=membership.id,
        group_id=membership.group_id,
        person_id=membership.person_id,
        person_name=person_name,
        role=membership.role,
        joined_on=membership.joined_on,
        left_on=membership.left_on,
    )


def _check_other_memberships(
    errors: ErrorCollector,
    session: Session,
    group_id: str,
    data: MembershipInput,
    exclude_id: str | None,
) -> None:
    """The same person twice over overlapping spans, or two leaders at once, are refused."""
    statement = (
        select(Membership, Person.full_name)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.group_id == group_id,
            Membership.deleted_at.is_(None),
            Person.deleted_at.is_(None),
        )
        .order_by(Membership.joined_on)
    )
    if exclude_id is not None:
        statement = statement.where(Membership.id != exclude_id)
    new_span = span_text(data.joined_on, data.left_on)
    for other, name in session.execute(statement):
        if not spans_overlap(other.joined_on, other.left_on, data.joined_on, data.left_on):
            continue
        span = span_text(other.joined_on, other.left_on)
        if other.person_id == data.person_id:
            errors.add("joined_on", MEMBERSHIP_OVERLAP(name=name, span=span, new_span=new_span))
        elif data.role is MemberRole.LEADER and other.role is MemberRole.LEADER:
            errors.add("role", LEADER_TAKEN(name=name, span=span, new_span=new_span))


def _checked_input(
    session: Session, group_id: str, data: MembershipInput, today: date, exclude_id: str | None
) -> tuple[MembershipInput, str]:
    """The input and the person's name, or `ValidationFailed` naming every wrong field.

    Rules: the person exists; joined not after today; left not after today and not before the
    day joined; no overlapping span of the same person in the group; one leader at a time.
    """
    errors = ErrorCollector()
    person = live_reference(errors, session, Person, "person_id", data.person_id)
    valid = MembershipInput(
        person_id=data.person_id,
        joined_on=data.joined_on,
        role=MemberRole(data.role),
        left_on=data.left_on,
    )
    not_in_future(errors, "joined_on", fields.JOINED_ON, valid.joined_on, today)
    not_in_future(errors, "left_on", fields.LEFT_ON, valid.left_on, today)
    not_before(errors, "left_on", fields.LEFT_ON, valid.left_on, fields.JOINED_ON, valid.joined_on)
    if person is not None and not errors.errors:
        _check_other_memberships(errors, session, group_id, valid, exclude_id)
    errors.raise_if_any()
    return valid, get_live(session, Person, data.person_id).full_name


def _apply(membership: Membership, data: MembershipInput) -> None:
    membership.person_id = data.person_id
    membership.role = data.role
    membership.joined_on = data.joined_on
    membership.left_on = data.left_on


def add_member(workspace: Workspace, group_id: str, data: MembershipInput) -> MemberView:
    with workspace.database.transaction() as session:
        group = get_live(session, Group, group_id)
        valid, name = _checked_input(session, group.id, data, workspace.today(), None)
        membership = Membership(group_id=group.id)
        _apply(membership, valid)
        session.add(membership)
        session.flush()
        return _view(membership, name)


def update_membership(
    workspace: Workspace, membership_id: str, data: MembershipInput
) -> MemberView:
    with workspace.database.transaction() as session:
        membership = get_live(session, Membership, membership_id)
        valid, name = _checked_input(
            session, membership.group_id, data, workspace.today(), membership.id
        )
        _apply(membership, valid)
        session.flush()
        return _view(membership, name)


def end_membership(workspace: Workspace, membership_id: str, left_on: date) -> MemberView:
    """Record the last day of a membership (checked like any other edit)."""
    with workspace.database.transaction() as session:
        membership = get_live(session, Membership, membership_id)
        data = MembershipInput(
            person_id=membership.person_id,
            joined_on=membership.joined_on,
            role=membership.role,
            left_on=left_on,
        )
        valid, name = _checked_input(
            session, membership.group_id, data, workspace.today(), membership.id
        )
        _apply(membership, valid)
        session.flush()
        return _view(membership, name)


def remove_membership(workspace: Workspace, membership_id: str) -> None:
    """Tombstone a membership recorded by mistake (to record a departure use `end_membership`)."""
    with workspace.database.transaction() as session:
        mark_deleted(get_live(session, Membership, membership_id))


def _active_on(day: date) -> list[ColumnElement[bool]]:
    return [
        Membership.joined_on <= day,
        or_(Membership.left_on.is_(None), Membership.left_on >= day),
    ]


def list_members(
    workspace: Workspace, group_id: str, active_on: date | None = None
) -> list[MemberView]:
    """Members of a group (all spans, or those active on `active_on`): leader, deputies, members,
    each in Vietnamese name order."""
    role_order = case(
        (Membership.role == MemberRole.LEADER, 0),
        (Membership.role == MemberRole.DEPUTY, 1),
        else_=2,
    )
    statement = (
        select(Membership, Person.full_name)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.group_id == group_id,
            Membership.deleted_at.is_(None),
            Person.deleted_at.is_(None),
        )
        .order_by(role_order, Person.sort_key, Membership.joined_on, Membership.id)
    )
    if active_on is not None:
        statement = statement.where(*_active_on(active_on))
    with workspace.database.session() as session:
        get_live(session, Group, group_id)
        return [_view(membership, name) for membership, name in session.execute(statement)]


def active_members(workspace: Workspace, group_id: str, on: date) -> list[MemberView]:
    """The members of a group on a given day (offered when a patrol shift is entered)."""
    return list_members(workspace, group_id, active_on=on)


def active_member_ids(session: Session, group_id: str, on: date) -> set[str]:
    """Ids of the people who are members of the group on `on` (inside another unit of work)."""
    return set(
        session.scalars(
            select(Membership.person_id).where(
                Membership.group_id == group_id,
                Membership.deleted_at.is_(None),
                *_active_on(on),
            )
        )
    )
