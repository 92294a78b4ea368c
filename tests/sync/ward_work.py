"""Random work at one installation of Phường 1, through the services (so every change is
stamped as a person's would be): what the convergence test draws from."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sync_testing import WARD_1_ID, Courier

from antq_desktop.domain.enums import FindingAction, FindingCategory, ProgramKind
from antq_desktop.services import groups, memberships, patrols, people, programs
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Group, Membership, PatrolShift, Person, Program, SyncConflict
from antq_desktop.sync import conflicts

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
PERSON_EDITS: tuple[tuple[str, Any], ...] = (
    ("full_name", "Phạm Thị Dung"),
    ("full_name", "Hoàng Văn Em"),
    ("phone", "0901234567"),
    ("phone", "0912345678"),
    ("phone", None),
    ("address", "12 Lê Lợi"),
    ("address", "5 Hai Bà Trưng"),
    ("notes", "ghi chú một"),
    ("notes", "ghi chú hai"),
)
PROGRAM_EDITS: tuple[tuple[str, Any], ...] = (
    ("name", "Tổ tự quản số 1"),
    ("name", "Tổ tự quản số 2"),
    ("description", "mô tả A"),
    ("description", "mô tả B"),
    ("annual_budget_vnd", 1_000_000),
    ("annual_budget_vnd", 2_500_000),
)
GROUP_EDITS: tuple[tuple[str, Any], ...] = (
    ("name", "Tổ 1A"),
    ("name", "Tổ 1B"),
    ("area", "Khu phố 1"),
    ("area", "Khu phố 2"),
    ("notes", "họp thứ hai"),
)
SHIFT_EDITS: tuple[tuple[str, Any], ...] = (
    ("notes", "yên tĩnh"),
    ("notes", "có mưa"),
    ("others_count", 2),
    ("others_count", 5),
    ("area", "Chợ"),
)

FINDINGS = (
    patrols.FindingInput(FindingCategory.THEFT, FindingAction.REMINDED, "xe máy"),
    patrols.FindingInput(FindingCategory.DISORDER, FindingAction.HANDED_TO_POLICE),
)

LOCAL_OPERATIONS = (
    # edits of what the sites share come up most: they are what conflicts are made of
    *("edit_person",) * 4,
    *("edit_program", "edit_group", "edit_shift") * 2,
    "create_person",
    "delete_person",
    "create_program",
    "delete_program",
    "create_group",
    "delete_group",
    "add_member",
    "remove_member",
    "create_shift",
    "delete_shift",
    *("resolve",) * 2,
)
EXCHANGES = ("export", "import")


def shared_start(books: dict[str, Workspace], folder: Path) -> None:
    """Records every site holds before the random part: two people, a program with a group of
    one member, and a patrol shift, made at the first ward PC and sent to the other two."""
    first = books["ward_pc1"]
    person = people.create_person(first, people.PersonInput(WARD_1_ID, NAMES[0]))
    people.create_person(first, people.PersonInput(WARD_1_ID, NAMES[1]))
    program = programs.create_program(
        first, programs.ProgramInput(WARD_1_ID, "Mô hình 0", ProgramKind.HOUSEHOLD_GROUP)
    )
    group = groups.create_group(first, groups.GroupInput(program.id, WARD_1_ID, "Tổ 0"))
    memberships.add_member(
        first, group.id, memberships.MembershipInput(person.id, date(2024, 1, 1))
    )
    patrols.create_shift(
        first, patrols.ShiftInput(group.id, date(2024, 1, 2), participant_ids=(person.id,))
    )
    courier = Courier(folder)
    courier.send(first, books["ward_pc2"])
    courier.send(first, books["district"])


def live(workspace: Workspace, model: Any, *conditions: Any) -> list[Any]:
    with workspace.database.session() as session:
        statement = select(model).where(model.deleted_at.is_(None), *conditions)
        return list(session.scalars(statement.order_by(model.id)))


def pick(items: list[Any], index: int) -> Any:
    return items[index % len(items)] if items else None


Action = Callable[[Workspace], object]


def _edited(view: Any, input_type: Any, name: str, value: Any) -> Any:
    """`input_type` filled from `view` (a service's view of the record), with one field changed."""
    fields = {column: getattr(view, column) for column in input_type.__dataclass_fields__}
    return input_type(**{**fields, name: value})


def _people(kind: str, book: Workspace, first: int, second: int) -> Action | None:
    if kind == "create_person":
        data = people.PersonInput(WARD_1_ID, NAMES[first % len(NAMES)])
        return lambda ws: people.create_person(ws, data)
    person = pick(live(book, Person, Person.unit_id == WARD_1_ID), first)
    if person is None:
        return None
    person_id = person.id
    if kind == "delete_person":
        return lambda ws: people.delete_person(ws, person_id)
    name, value = PERSON_EDITS[second % len(PERSON_EDITS)]
    edited = _edited(person, people.PersonInput, name, value)
    return lambda ws: people.update_person(ws, person_id, edited)


def _programs(kind: str, book: Workspace, first: int, second: int) -> Action | None:
    if kind == "create_program":
        new = programs.ProgramInput(WARD_1_ID, f"Mô hình {first % 3}", ProgramKind.HOUSEHOLD_GROUP)
        return lambda ws: programs.create_program(ws, new)
    program = pick(live(book, Program, Program.unit_id == WARD_1_ID), first)
    if program is None:
        return None
    program_id = program.id
    if kind == "delete_program":
        return lambda ws: programs.delete_program(ws, program_id)
    if kind == "create_group":
        group = groups.GroupInput(program_id, WARD_1_ID, f"Tổ {second % 3}")
        return lambda ws: groups.create_group(ws, group)
    name, value = PROGRAM_EDITS[second % len(PROGRAM_EDITS)]
    edited = _edited(programs.get_program(book, program_id), programs.ProgramInput, name, value)
    return lambda ws: programs.update_program(ws, program_id, edited)


def _groups(kind: str, book: Workspace, first: int, second: int) -> Action | None:
    group = pick(live(book, Group, Group.unit_id == WARD_1_ID), first)
    if group is None:
        return None
    group_id = group.id
    if kind == "delete_group":
        return lambda ws: groups.delete_group(ws, group_id)
    if kind == "add_member":
        person = pick(live(book, Person, Person.unit_id == WARD_1_ID), second)
        if person is None:
            return None
        member = memberships.MembershipInput(person.id, date(2024, 1, 1))
        return lambda ws: memberships.add_member(ws, group_id, member)
    if kind == "create_shift":
        members = live(book, Membership, Membership.group_id == group_id)
        shift = patrols.ShiftInput(
            group_id,
            date(2024, 1, 1 + second % 28),
            participant_ids=tuple(sorted({member.person_id for member in members})),
            findings=FINDINGS[: second % 3],
        )
        return lambda ws: patrols.create_shift(ws, shift)
    name, value = GROUP_EDITS[second % len(GROUP_EDITS)]
    edited = _edited(groups.get_group(book, group_id), groups.GroupInput, name, value)
    return lambda ws: groups.update_group(ws, group_id, edited)


def _remove_member(kind: str, book: Workspace, first: int, second: int) -> Action | None:
    membership = pick(live(book, Membership), first)
    if membership is None:
        return None
    membership_id = membership.id
    return lambda ws: memberships.remove_membership(ws, membership_id)


def _shifts(kind: str, book: Workspace, first: int, second: int) -> Action | None:
    found = pick(live(book, PatrolShift), first)
    if found is None:
        return None
    shift_id = found.id
    if kind == "delete_shift":
        return lambda ws: patrols.delete_shift(ws, shift_id)
    name, value = SHIFT_EDITS[second % len(SHIFT_EDITS)]
    shift = patrols.get_shift(book, shift_id)
    fields: dict[str, Any] = {
        "group_id": shift.group_id,
        "shift_date": shift.shift_date,
        "start_time": shift.start_time,
        "end_time": shift.end_time,
        "area": shift.area,
        "others_count": shift.others_count,
        "residents_reminded": shift.residents_reminded,
        "notes": shift.notes,
        "participant_ids": tuple(taking.person_id for taking in shift.participants),
        "findings": tuple(
            patrols.FindingInput(finding.category, finding.action, finding.description)
            for finding in shift.findings
        ),
    }
    edited = patrols.ShiftInput(**{**fields, name: value})
    return lambda ws: patrols.update_shift(ws, shift_id, edited)


def _resolve(kind: str, book: Workspace, first: int, second: int) -> Action | None:
    conflict = pick(live(book, SyncConflict, SyncConflict.resolution == ""), first)
    if conflict is None:
        return None
    conflict_id = conflict.id
    choice: conflicts.Choice = "kept" if second % 2 == 0 else "other"
    return lambda ws: conflicts.resolve_conflict(ws, conflict_id, choice)


_ACTIONS: dict[str, Callable[[str, Workspace, int, int], Action | None]] = {
    "create_person": _people,
    "edit_person": _people,
    "delete_person": _people,
    "create_program": _programs,
    "edit_program": _programs,
    "delete_program": _programs,
    "create_group": _programs,
    "edit_group": _groups,
    "delete_group": _groups,
    "add_member": _groups,
    "create_shift": _groups,
    "remove_member": _remove_member,
    "edit_shift": _shifts,
    "delete_shift": _shifts,
    "resolve": _resolve,
}


def local_action(kind: str, book: Workspace, first: int, second: int) -> Action | None:
    """What `kind` does at `book` to the records `first` and `second` pick (modulo how many
    there are), or None when there is nothing to do it to."""
    return _ACTIONS[kind](kind, book, first, second)
