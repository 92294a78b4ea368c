"""Self-managed groups under a program: create, edit, delete (tombstone), list and count.

Memberships (who is in a group, with which role, from when to when) live in
`services.memberships`; the functions are re-exported here because a group's form uses both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import GroupStatus
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
    optional_text,
    required_text,
)
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.memberships import (
    MembershipInput,
    MemberView,
    active_member_ids,
    active_members,
    add_member,
    end_membership,
    list_members,
    remove_membership,
    update_membership,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Group, Membership, OrgUnit, PatrolShift, Program

__all__ = [
    "GroupInput",
    "GroupView",
    "MemberView",
    "MembershipInput",
    "active_member_ids",
    "active_members",
    "add_member",
    "count_groups",
    "create_group",
    "delete_group",
    "end_membership",
    "get_group",
    "list_groups",
    "list_members",
    "remove_membership",
    "update_group",
    "update_membership",
]

GROUP_HAS_SHIFTS = message(
    "group.delete_has_shifts",
    "Không thể xóa tổ/nhóm {name}: đã ghi {count} ca tuần tra của tổ. Hãy xóa các ca tuần tra "
    "trước, hoặc chuyển trạng thái tổ sang “Đã giải thể” để giữ lại lịch sử.",
    "The group {name} cannot be deleted: {count} patrol shift(s) are recorded for it. Delete the "
    "shifts first, or set the group's status to “Dissolved” to keep its history.",
)


@dataclass(frozen=True)
class GroupInput:
    program_id: str
    unit_id: str
    name: str
    status: GroupStatus = GroupStatus.ACTIVE
    area: str = ""
    formed_on: date | None = None
    dissolved_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class GroupView:
    id: str
    program_id: str
    program_name: str
    unit_id: str
    name: str
    status: GroupStatus
    area: str
    formed_on: date | None
    dissolved_on: date | None
    notes: str


def _view(group: Group, program_name: str) -> GroupView:
    return GroupView(
        id=group.id,
        program_id=group.program_id,
        program_name=program_name,
        unit_id=group.unit_id,
        name=group.name,
        status=group.status,
        area=group.area,
        formed_on=group.formed_on,
        dissolved_on=group.dissolved_on,
        notes=group.notes,
    )


def _checked_input(session: Session, data: GroupInput, today: date) -> tuple[GroupInput, Program]:
    """The input cleaned and its program, or `ValidationFailed` naming every wrong field.

    Rules: a name; the program and unit exist; formed not after today; dissolved on or after
    the day the group was formed.
    """
    errors = ErrorCollector()
    name = required_text(errors, "name", fields.NAME, data.name, 300)
    live_reference(errors, session, Program, "program_id", data.program_id)
    live_reference(errors, session, OrgUnit, "unit_id", data.unit_id)
    area = optional_text(errors, "area", fields.AREA, data.area, 300)
    not_in_future(errors, "formed_on", fields.FORMED_ON, data.formed_on, today)
    not_before(
        errors,
        "dissolved_on",
        fields.DISSOLVED_ON,
        data.dissolved_on,
        fields.FORMED_ON,
        data.formed_on,
    )
    errors.raise_if_any()
    valid = GroupInput(
        program_id=data.program_id,
        unit_id=data.unit_id,
        name=name,
        status=GroupStatus(data.status),
        area=area,
        formed_on=data.formed_on,
        dissolved_on=data.dissolved_on,
        notes=clean(data.notes),
    )
    return valid, get_live(session, Program, data.program_id)


def _apply(group: Group, data: GroupInput) -> None:
    group.program_id = data.program_id
    group.unit_id = data.unit_id
    group.name = data.name
    group.name_folded = fold(data.name)
    group.status = data.status
    group.area = data.area
    group.formed_on = data.formed_on
    group.dissolved_on = data.dissolved_on
    group.notes = data.notes


def create_group(workspace: Workspace, data: GroupInput) -> GroupView:
    with workspace.database.transaction() as session:
        valid, program = _checked_input(session, data, workspace.today())
        group = Group()
        _apply(group, valid)
        session.add(group)
        session.flush()
        return _view(group, program.name)


def update_group(workspace: Workspace, group_id: str, data: GroupInput) -> GroupView:
    with workspace.database.transaction() as session:
        group = get_live(session, Group, group_id)
        valid, program = _checked_input(session, data, workspace.today())
        _apply(group, valid)
        session.flush()
        return _view(group, program.name)


def delete_group(workspace: Workspace, group_id: str) -> None:
    """Tombstone a group and its memberships.

    Refused (`ServiceError`, nothing changed) while patrol shifts of the group are recorded: they
    are the group's history and feed the reports.
    """
    with workspace.database.transaction() as session:
        group = get_live(session, Group, group_id)
        shifts = count_live(session, PatrolShift, PatrolShift.group_id == group.id)
        if shifts:
            raise ServiceError(GROUP_HAS_SHIFTS(name=group.name, count=shifts))
        memberships = session.scalars(
            select(Membership).where(
                Membership.group_id == group.id, Membership.deleted_at.is_(None)
            )
        )
        for membership in memberships:
            mark_deleted(membership)
        mark_deleted(group)


def get_group(workspace: Workspace, group_id: str) -> GroupView:
    with workspace.database.session() as session:
        group = get_live(session, Group, group_id)
        program = session.get(Program, group.program_id)
        return _view(group, program.name if program is not None else "")


def _filters(
    program_id: str | None,
    unit_ids: list[str] | None,
    status: GroupStatus | None,
    query: str,
) -> list[ColumnElement[bool]]:
    conditions = folded_text_filter(Group.name_folded, query)
    if program_id is not None:
        conditions.append(Group.program_id == program_id)
    if unit_ids is not None:
        conditions.append(Group.unit_id.in_(unit_ids))
    if status is not None:
        conditions.append(Group.status == status)
    return conditions


def list_groups(
    workspace: Workspace,
    *,
    program_id: str | None = None,
    unit_ids: list[str] | None = None,
    status: GroupStatus | None = None,
    query: str = "",
    limit: int = 200,
    offset: int = 0,
) -> list[GroupView]:
    """Groups matching every filter given (`query`: accent-insensitive, inside the name)."""
    statement = (
        select(Group, Program.name)
        .join(Program, Program.id == Group.program_id)
        .where(Group.deleted_at.is_(None), *_filters(program_id, unit_ids, status, query))
        .order_by(Group.name_folded, Group.id)
        .limit(limit)
        .offset(offset)
    )
    with workspace.database.session() as session:
        return [_view(group, program_name) for group, program_name in session.execute(statement)]


def count_groups(
    workspace: Workspace,
    *,
    program_id: str | None = None,
    unit_ids: list[str] | None = None,
    status: GroupStatus | None = None,
    query: str = "",
) -> int:
    with workspace.database.session() as session:
        return count_live(session, Group, *_filters(program_id, unit_ids, status, query))
