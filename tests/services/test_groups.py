"""Groups and memberships: the rules, overlapping spans, one leader at a time, tombstones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from service_testing import Records, error_keys

from antq_desktop.domain.enums import GroupStatus, MemberRole, ProgramKind
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import groups
from antq_desktop.services.errors import NotFound, ServiceError
from antq_desktop.services.groups import GroupInput, MembershipInput
from antq_desktop.services.patrols import ShiftInput, create_shift
from antq_desktop.services.people import delete_person
from antq_desktop.services.programs import ProgramInput, create_program, delete_program
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Group, Membership


@pytest.fixture
def program_id(workspace: Workspace, unit_id: str) -> str:
    program = ProgramInput(unit_id, "Tổ tự quản chung cư", ProgramKind.APARTMENT_BLOCK)
    return create_program(workspace, program).id


@pytest.fixture
def group_id(workspace: Workspace, program_id: str, unit_id: str) -> str:
    data = GroupInput(program_id, unit_id, "Tổ chung cư Khánh Hội", formed_on=date(2020, 1, 1))
    return groups.create_group(workspace, data).id


NEW_YEAR = date(2024, 1, 1)


# --- Groups -------------------------------------------------------------------------------------


def test_create_group_reads_back_with_its_program(
    workspace: Workspace, program_id: str, unit_id: str, records: Records
) -> None:
    data = GroupInput(program_id, unit_id, "  Tổ  Đoàn Văn Bơ ", area=" Lô A ")
    created = groups.create_group(workspace, data)

    assert (created.name, created.area) == ("Tổ Đoàn Văn Bơ", "Lô A")
    assert created.program_name == "Tổ tự quản chung cư"
    assert groups.get_group(workspace, created.id) == created
    assert records.row(Group, created.id).name_folded == "to doan van bo"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": ""}, [("name", "required")]),
        ({"program_id": "missing"}, [("program_id", "reference.missing")]),
        ({"formed_on": date(2024, 7, 1)}, [("formed_on", "date.future")]),
        (
            {"formed_on": date(2022, 5, 1), "dissolved_on": date(2022, 4, 30)},
            [("dissolved_on", "date.order")],
        ),
    ],
)
def test_group_rules_refuse_and_write_nothing(
    workspace: Workspace,
    program_id: str,
    unit_id: str,
    records: Records,
    changes: dict[str, object],
    expected: list[tuple[str, str]],
) -> None:
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        groups.create_group(workspace, replace(GroupInput(program_id, unit_id, "Tổ 1"), **changes))  # type: ignore[arg-type]
    assert error_keys(caught.value) == expected
    assert records.counts() == before


def test_a_deleted_program_cannot_take_new_groups(
    workspace: Workspace, unit_id: str, records: Records
) -> None:
    program = create_program(workspace, ProgramInput(unit_id, "Cũ", ProgramKind.OTHER))
    delete_program(workspace, program.id)
    with pytest.raises(ValidationFailed) as caught:
        groups.create_group(workspace, GroupInput(program.id, unit_id, "Tổ 1"))
    assert caught.value.fields() == {"program_id"}
    assert "mô hình" in caught.value.render("vi")


def test_update_group_bumps_the_version(
    workspace: Workspace, group_id: str, program_id: str, unit_id: str, records: Records
) -> None:
    before = records.row(Group, group_id).version
    data = GroupInput(program_id, unit_id, "Tổ chung cư Khánh Hội", status=GroupStatus.INACTIVE)
    assert groups.update_group(workspace, group_id, data).status is GroupStatus.INACTIVE
    assert records.row(Group, group_id).version > before


def test_list_and_count_groups(
    workspace: Workspace, program_id: str, unit_id: str, district_id: str
) -> None:
    other = create_program(workspace, ProgramInput(unit_id, "Xe ôm", ProgramKind.MOTORBIKE_TAXI))
    groups.create_group(workspace, GroupInput(program_id, unit_id, "Tổ Bến Vân Đồn"))
    groups.create_group(
        workspace, GroupInput(other.id, district_id, "Tổ xe ôm Đoàn Như Hài", GroupStatus.INACTIVE)
    )
    groups.create_group(workspace, GroupInput(other.id, unit_id, "Tổ xe ôm Hoàng Diệu"))

    def names(**filters: object) -> list[str]:
        return [view.name for view in groups.list_groups(workspace, **filters)]  # type: ignore[arg-type]

    assert names() == ["Tổ Bến Vân Đồn", "Tổ xe ôm Đoàn Như Hài", "Tổ xe ôm Hoàng Diệu"]
    assert names(program_id=other.id, unit_ids=[unit_id]) == ["Tổ xe ôm Hoàng Diệu"]
    assert names(status=GroupStatus.INACTIVE) == ["Tổ xe ôm Đoàn Như Hài"]
    assert names(query="doan nhu") == ["Tổ xe ôm Đoàn Như Hài"]
    assert names(limit=1, offset=2) == ["Tổ xe ôm Hoàng Diệu"]
    assert groups.count_groups(workspace, program_id=other.id) == 2
    assert groups.count_groups(workspace, query="XE OM", unit_ids=[unit_id]) == 1


def test_delete_group_tombstones_its_memberships(
    workspace: Workspace, group_id: str, make_person: Callable[[str], str], records: Records
) -> None:
    member = groups.add_member(workspace, group_id, MembershipInput(make_person("An"), NEW_YEAR))

    groups.delete_group(workspace, group_id)

    with pytest.raises(NotFound):
        groups.get_group(workspace, group_id)
    assert groups.list_groups(workspace) == []
    assert records.row(Group, group_id).deleted_at is not None
    assert records.row(Membership, member.id).deleted_at is not None


def test_delete_group_is_refused_while_it_has_patrol_shifts(
    workspace: Workspace, group_id: str, records: Records
) -> None:
    create_shift(workspace, ShiftInput(group_id, date(2024, 6, 1)))
    with pytest.raises(ServiceError) as caught:
        groups.delete_group(workspace, group_id)
    assert "1 ca tuần tra" in caught.value.render("vi")
    assert records.row(Group, group_id).deleted_at is None


# --- Memberships --------------------------------------------------------------------------------


def test_members_are_listed_leader_first_then_by_given_name(
    workspace: Workspace, group_id: str, make_person: Callable[[str], str]
) -> None:
    for name, role in [
        ("Trần Văn Bình", MemberRole.MEMBER),
        ("Lê Thị Ánh", MemberRole.MEMBER),
        ("Phạm Văn Cường", MemberRole.DEPUTY),
        ("Nguyễn Văn Đức", MemberRole.LEADER),
    ]:
        groups.add_member(workspace, group_id, MembershipInput(make_person(name), NEW_YEAR, role))

    members = groups.list_members(workspace, group_id)

    assert [member.person_name for member in members] == [
        "Nguyễn Văn Đức",
        "Phạm Văn Cường",
        "Lê Thị Ánh",
        "Trần Văn Bình",
    ]
    assert members[0].role is MemberRole.LEADER


@pytest.mark.parametrize(
    ("joined_on", "left_on", "expected"),
    [
        (date(2024, 6, 16), None, [("joined_on", "date.future")]),
        (date(2024, 3, 1), date(2024, 2, 29), [("left_on", "date.order")]),
        (date(2024, 3, 1), date(2024, 7, 1), [("left_on", "date.future")]),
    ],
)
def test_membership_date_rules(
    workspace: Workspace,
    group_id: str,
    make_person: Callable[[str], str],
    records: Records,
    joined_on: date,
    left_on: date | None,
    expected: list[tuple[str, str]],
) -> None:
    person_id = make_person("Võ Thị Sáu")
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        groups.add_member(
            workspace, group_id, MembershipInput(person_id, joined_on, left_on=left_on)
        )
    assert error_keys(caught.value) == expected
    assert records.counts() == before


def test_membership_needs_a_live_person_and_group(
    workspace: Workspace, group_id: str, make_person: Callable[[str], str]
) -> None:
    person_id = make_person("Người đã xóa")
    delete_person(workspace, person_id)
    with pytest.raises(ValidationFailed) as caught:
        groups.add_member(workspace, group_id, MembershipInput(person_id, NEW_YEAR))
    assert error_keys(caught.value) == [("person_id", "reference.missing")]
    with pytest.raises(NotFound):
        groups.add_member(workspace, "no-group", MembershipInput(make_person("B"), NEW_YEAR))


@pytest.mark.parametrize(
    ("existing", "new"),
    [
        ((date(2023, 1, 1), None), (date(2024, 1, 1), None)),  # both open-ended
        ((date(2023, 1, 1), date(2023, 6, 30)), (date(2023, 6, 30), None)),  # shares one day
        ((date(2023, 5, 1), None), (date(2022, 1, 1), date(2023, 5, 1))),  # ends on the join day
        ((date(2023, 1, 1), date(2023, 12, 31)), (date(2023, 3, 1), date(2023, 4, 1))),  # inside
    ],
)
def test_the_same_person_cannot_overlap_in_a_group(
    workspace: Workspace,
    group_id: str,
    make_person: Callable[[str], str],
    records: Records,
    existing: tuple[date, date | None],
    new: tuple[date, date | None],
) -> None:
    person_id = make_person("Hồ Văn Lâm")
    groups.add_member(
        workspace, group_id, MembershipInput(person_id, existing[0], left_on=existing[1])
    )
    before = records.counts()

    with pytest.raises(ValidationFailed) as caught:
        groups.add_member(workspace, group_id, MembershipInput(person_id, new[0], left_on=new[1]))

    assert error_keys(caught.value) == [("joined_on", "membership.overlap")]
    text = caught.value.render("vi")
    assert "Hồ Văn Lâm" in text
    assert existing[0].strftime("%d/%m/%Y") in text
    if existing[1] is None:
        assert "– nay" in text
        assert "– now" in caught.value.render("en")
    else:
        assert existing[1].strftime("%d/%m/%Y") in text
    assert records.counts() == before


def test_the_same_person_may_rejoin_after_leaving(
    workspace: Workspace, group_id: str, make_person: Callable[[str], str]
) -> None:
    person_id = make_person("Hồ Văn Lâm")
    first = groups.add_member(workspace, group_id, MembershipInput(person_id, date(2022, 1, 1)))
    groups.end_membership(workspace, first.id, date(2022, 12, 31))
    again = groups.add_member(workspace, group_id, MembershipInput(person_id, date(2023, 1, 1)))

    assert [m.id for m in groups.list_members(workspace, group_id)] == [first.id, again.id]
    assert [m.id for m in groups.active_members(workspace, group_id, date(2022, 12, 31))] == [
        first.id
    ]
    assert [m.id for m in groups.active_members(workspace, group_id, date(2023, 1, 1))] == [
        again.id
    ]


def test_editing_a_membership_does_not_clash_with_itself(
    workspace: Workspace, group_id: str, make_person: Callable[[str], str], records: Records
) -> None:
    person_id = make_person("Đặng Thị Mai")
    member = groups.add_member(workspace, group_id, MembershipInput(person_id, date(2023, 1, 1)))
    before = records.row(Membership, member.id).version

    updated = groups.update_membership(
        workspace, member.id, MembershipInput(person_id, date(2022, 6, 1), MemberRole.DEPUTY)
    )

    assert (updated.joined_on, updated.role) == (date(2022, 6, 1), MemberRole.DEPUTY)
    assert records.row(Membership, member.id).version > before


def test_one_leader_at_a_time(
    workspace: Workspace, group_id: str, make_person: Callable[[str], str], records: Records
) -> None:
    old_leader = groups.add_member(
        workspace,
        group_id,
        MembershipInput(make_person("Nguyễn Văn Tư"), date(2021, 1, 1), MemberRole.LEADER),
    )
    newcomer = make_person("Lý Thị Hoa")
    before = records.counts()

    with pytest.raises(ValidationFailed) as caught:
        groups.add_member(
            workspace, group_id, MembershipInput(newcomer, date(2024, 3, 1), MemberRole.LEADER)
        )
    assert error_keys(caught.value) == [("role", "membership.leader_taken")]
    assert "Nguyễn Văn Tư" in caught.value.render("vi")
    assert "01/01/2021" in caught.value.render("vi")
    assert records.counts() == before

    # Once the old leader's last day is recorded, the new leader may start the day after.
    groups.end_membership(workspace, old_leader.id, date(2024, 2, 29))
    new_leader = groups.add_member(
        workspace, group_id, MembershipInput(newcomer, date(2024, 3, 1), MemberRole.LEADER)
    )
    leaders_on = [
        (day, [m.person_name for m in groups.active_members(workspace, group_id, day)])
        for day in (date(2024, 2, 29), date(2024, 3, 1))
    ]
    assert leaders_on == [
        (date(2024, 2, 29), ["Nguyễn Văn Tư"]),
        (date(2024, 3, 1), ["Lý Thị Hoa"]),
    ]
    # The old leader cannot be given back an open end while the new one leads.
    with pytest.raises(ValidationFailed) as caught:
        groups.update_membership(
            workspace,
            old_leader.id,
            MembershipInput(old_leader.person_id, date(2021, 1, 1), MemberRole.LEADER),
        )
    assert error_keys(caught.value) == [("role", "membership.leader_taken")]
    assert new_leader.role is MemberRole.LEADER


def test_two_deputies_at_once_are_fine(
    workspace: Workspace, group_id: str, make_person: Callable[[str], str]
) -> None:
    for name in ("A", "B"):
        groups.add_member(
            workspace, group_id, MembershipInput(make_person(name), NEW_YEAR, MemberRole.DEPUTY)
        )
    assert len(groups.active_members(workspace, group_id, NEW_YEAR)) == 2


def test_end_membership_checks_and_stamps(
    workspace: Workspace, group_id: str, make_person: Callable[[str], str], records: Records
) -> None:
    member = groups.add_member(
        workspace, group_id, MembershipInput(make_person("Tô Văn Ơn"), date(2023, 5, 1))
    )
    before = records.row(Membership, member.id).version

    with pytest.raises(ValidationFailed) as caught:
        groups.end_membership(workspace, member.id, date(2023, 4, 30))
    assert error_keys(caught.value) == [("left_on", "date.order")]
    assert records.row(Membership, member.id).version == before

    ended = groups.end_membership(workspace, member.id, date(2024, 5, 31))
    assert ended.left_on == date(2024, 5, 31)
    assert records.row(Membership, member.id).version > before
    assert groups.active_members(workspace, group_id, date(2024, 6, 1)) == []


def test_remove_membership_leaves_a_tombstone(
    workspace: Workspace, group_id: str, make_person: Callable[[str], str], records: Records
) -> None:
    member = groups.add_member(workspace, group_id, MembershipInput(make_person("X"), NEW_YEAR))
    groups.remove_membership(workspace, member.id)

    assert groups.list_members(workspace, group_id) == []
    assert records.row(Membership, member.id).deleted_at is not None
    with pytest.raises(NotFound):
        groups.end_membership(workspace, member.id, date(2024, 2, 1))
    # A removed span no longer blocks the same person.
    groups.add_member(workspace, group_id, MembershipInput(member.person_id, NEW_YEAR))
