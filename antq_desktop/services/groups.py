"""Self-managed groups under a program: create, edit, delete (tombstone), list and count.

Memberships (who is in a group, with which role, from when to when) live in
`services.memberships`; the functions are re-exported here because a group's form uses both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Date, ScalarSelect, bindparam, func, or_, select
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
from antq_desktop.services.listing import ColumnKind, ListColumn, Listing, equals, in_subtree
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
from antq_desktop.services.permissions import shown_citizen_id
from antq_desktop.services.units import subtree_ids
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Group, Membership, OrgUnit, PatrolShift, Person, Program

__all__ = [
    "GROUP_LIST",
    "GroupInput",
    "GroupView",
    "MemberLine",
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
    "group_listing",
    "list_groups",
    "list_members",
    "members_with_contacts",
    "program_choices",
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


# --- For the window: choices, members with their contacts, the paged list -------------------------

MEMBERS_NOW = message("group.members_now", "Số thành viên hiện tại", "Current members")
GROUP_NAME = message("group.group_name", "Tên tổ/nhóm", "Group name")
MEMBER_PERSON_NOT_CHOSEN = message(
    "group.member_person_not_chosen",
    "Chưa chọn người: hãy gõ tên (có dấu hoặc không dấu) hoặc số CCCD rồi chọn một dòng.",
    "No person chosen: type a name (with or without accents) or a citizen ID, then pick a row.",
)


def program_choices(workspace: Workspace, unit_id: str | None = None) -> list[tuple[str, str]]:
    """(id, name) of the live programs in name order, for combo boxes.

    `unit_id`: only the programs of that unit and of the units below it (like the list filter).
    """
    statement = select(Program.id, Program.name).where(Program.deleted_at.is_(None))
    with workspace.database.session() as session:
        if unit_id is not None:
            statement = statement.where(Program.unit_id.in_(subtree_ids(session, unit_id)))
        statement = statement.order_by(Program.name_folded, Program.id)
        return [(program_id, name) for program_id, name in session.execute(statement)]


@dataclass(frozen=True)
class MemberLine:
    """A membership with what the group's member table shows of the person."""

    member: MemberView
    phone: str | None
    citizen_id: str | None


def members_with_contacts(workspace: Workspace, group_id: str) -> list[MemberLine]:
    """Every membership of the group (ended ones too), in `list_members` order, with the phone
    and citizen ID of each person."""
    members = list_members(workspace, group_id)
    person_ids = {member.person_id for member in members}
    with workspace.database.session() as session:
        contacts = {
            person_id: (phone, citizen_id)
            for person_id, phone, citizen_id in session.execute(
                select(Person.id, Person.phone, Person.citizen_id).where(Person.id.in_(person_ids))
            )
        }
    lines = []
    for member in members:
        phone, citizen_id = contacts.get(member.person_id, (None, None))
        lines.append(MemberLine(member, phone, shown_citizen_id(workspace, citizen_id)))
    return lines


def _members_on(today: Callable[[], date]) -> ScalarSelect[int]:
    """How many memberships of the group (the row's) are running on the day `today()` gives,
    read when the query runs (a bound parameter), so a list open past midnight stays right."""
    day = bindparam("members_on", callable_=today, type_=Date)
    return (
        select(func.count(Membership.id))
        .where(
            Membership.group_id == Group.id,
            Membership.deleted_at.is_(None),
            Membership.joined_on <= day,
            or_(Membership.left_on.is_(None), Membership.left_on >= day),
        )
        .correlate(Group)
        .scalar_subquery()
    )


def _group_search(query: str) -> list[ColumnElement[bool]]:
    return folded_text_filter(Group.name_folded, query)


def group_listing(today: Callable[[], date] = date.today) -> Listing:
    """The groups list; `today` is the clock the member count uses (the workspace's own:
    `group_listing(workspace.today)`)."""
    return Listing(
        name="groups",
        id_column=Group.id,
        columns=(
            ListColumn("name", GROUP_NAME, Group.name, sort_by=Group.name_folded),
            ListColumn("program", fields.PROGRAM, Program.name, sort_by=Program.name_folded),
            ListColumn("unit", fields.UNIT, OrgUnit.name, sort_by=OrgUnit.name_folded),
            ListColumn("area", fields.AREA, Group.area),
            ListColumn(
                "status", fields.STATUS, Group.status, ColumnKind.ENUM, enum_type=GroupStatus
            ),
            ListColumn("formed_on", fields.FORMED_ON, Group.formed_on, ColumnKind.DATE),
            ListColumn("members_now", MEMBERS_NOW, _members_on(today), ColumnKind.NUMBER),
            ListColumn(
                "dissolved_on",
                fields.DISSOLVED_ON,
                Group.dissolved_on,
                ColumnKind.DATE,
                visible=False,
            ),
        ),
        base=lambda statement: (
            statement.select_from(Group)
            .join(Program, Program.id == Group.program_id)
            .join(OrgUnit, OrgUnit.id == Group.unit_id)
            .where(Group.deleted_at.is_(None))
        ),
        search=_group_search,
        default_order=(Group.name_folded,),
        filters={
            "unit": in_subtree(Group.unit_id),
            "program": equals(Group.program_id),
            "status": equals(Group.status),
        },
    )


GROUP_LIST = group_listing()
"""Groups for the window's list, members counted on the computer's date (the window uses
`group_listing(workspace.today)` so the count follows the record book's clock)."""
