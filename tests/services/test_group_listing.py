"""The groups list and the people list the window pages through: search, filters, counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from service_testing import TODAY

from antq_desktop.domain.enums import Gender, GroupStatus, MemberRole, ProgramKind, UnitLevel
from antq_desktop.services import groups
from antq_desktop.services.groups import GroupInput, MembershipInput, group_listing
from antq_desktop.services.listing import ColumnKind, Listing, ListRequest
from antq_desktop.services.people import PERSON_LIST, PersonInput, create_person
from antq_desktop.services.programs import ProgramInput, create_program
from antq_desktop.services.units import create_unit
from antq_desktop.services.workspace import NewUnit, Workspace


@pytest.fixture
def listing(workspace: Workspace) -> Listing:
    return group_listing(workspace.today)


@pytest.fixture
def other_ward_id(workspace: Workspace, district_id: str) -> str:
    return create_unit(
        workspace, NewUnit("Phường 8", "27265", UnitLevel.WARD), parent_id=district_id
    ).id


@pytest.fixture
def programs(workspace: Workspace, unit_id: str, district_id: str) -> dict[str, str]:
    made = {
        "apartment": ProgramInput(unit_id, "Tổ tự quản chung cư", ProgramKind.APARTMENT_BLOCK),
        "taxi": ProgramInput(district_id, "Xe ôm tự quản Quận 4", ProgramKind.MOTORBIKE_TAXI),
    }
    return {key: create_program(workspace, data).id for key, data in made.items()}


@pytest.fixture
def group_ids(
    workspace: Workspace, programs: dict[str, str], unit_id: str, other_ward_id: str
) -> dict[str, str]:
    made = {
        "duc": GroupInput(programs["apartment"], unit_id, "Tổ Đoàn Văn Bơ", area="Lô A"),
        "hoi": GroupInput(programs["apartment"], unit_id, "Tổ chung cư Khánh Hội"),
        "taxi": GroupInput(
            programs["taxi"], other_ward_id, "Đội xe ôm Tôn Đản", status=GroupStatus.INACTIVE
        ),
    }
    return {key: groups.create_group(workspace, data).id for key, data in made.items()}


def names(listing: Listing, workspace: Workspace, request: ListRequest) -> list[str]:
    return [row.values[0] for row in listing.page(workspace, request, 0)]


def test_groups_list_shows_program_unit_and_status(
    workspace: Workspace, listing: Listing, group_ids: dict[str, str]
) -> None:
    rows = {row.id: row.values for row in listing.page(workspace, ListRequest(), 0)}
    keys = [column.key for column in listing.columns]
    duc = dict(zip(keys, rows[group_ids["duc"]], strict=True))
    assert duc["program"] == "Tổ tự quản chung cư"
    assert duc["unit"] == "Phường 9"
    assert duc["area"] == "Lô A"
    assert duc["status"] is GroupStatus.ACTIVE
    assert duc["members_now"] == 0
    assert listing.column("members_now").kind is ColumnKind.NUMBER
    assert not listing.column("dissolved_on").visible
    assert listing.count(workspace, ListRequest()) == 3


def test_groups_sort_by_folded_name(
    workspace: Workspace, listing: Listing, group_ids: dict[str, str]
) -> None:
    # "Đ" sorts with "D", not after "Z": Đội (doi) < Tổ chung (to c) < Tổ Đoàn (to d)
    shown = names(listing, workspace, ListRequest(sort="name"))
    assert shown == ["Đội xe ôm Tôn Đản", "Tổ chung cư Khánh Hội", "Tổ Đoàn Văn Bơ"]
    descending = names(listing, workspace, ListRequest(sort="name", descending=True))
    assert descending == list(reversed(shown))


@pytest.mark.parametrize("query", ["doan van bo", "Đoàn Văn", "DOAN", "  van bo "])
def test_search_ignores_accents_and_case(
    workspace: Workspace, listing: Listing, group_ids: dict[str, str], query: str
) -> None:
    assert names(listing, workspace, ListRequest(query=query)) == ["Tổ Đoàn Văn Bơ"]
    assert listing.count(workspace, ListRequest(query=query)) == 1


def test_filters_by_program_status_and_unit_subtree(
    workspace: Workspace,
    listing: Listing,
    group_ids: dict[str, str],
    programs: dict[str, str],
    district_id: str,
    other_ward_id: str,
) -> None:
    by_program = ListRequest(filters={"program": programs["taxi"]})
    assert names(listing, workspace, by_program) == ["Đội xe ôm Tôn Đản"]
    inactive = ListRequest(filters={"status": GroupStatus.INACTIVE})
    assert names(listing, workspace, inactive) == ["Đội xe ôm Tôn Đản"]
    assert listing.count(workspace, ListRequest(filters={"unit": district_id})) == 3
    assert listing.count(workspace, ListRequest(filters={"unit": other_ward_id})) == 1
    no_filter = ListRequest(filters={"program": None, "status": None, "unit": None})
    assert listing.count(workspace, no_filter) == 3


def test_members_now_counts_running_memberships_only(
    workspace: Workspace,
    listing: Listing,
    group_ids: dict[str, str],
    make_person: Callable[[str], str],
) -> None:
    group_id = group_ids["duc"]
    staying = make_person("Nguyễn Văn Đức")
    left_today = make_person("Trần Thị Hằng")
    left_before = make_person("Lê Quốc Việt")
    removed = make_person("Võ Minh Khôi")
    groups.add_member(workspace, group_id, MembershipInput(staying, date(2020, 1, 1)))
    groups.add_member(
        workspace, group_id, MembershipInput(left_today, date(2020, 1, 1), left_on=TODAY)
    )
    groups.add_member(
        workspace,
        group_id,
        MembershipInput(left_before, date(2020, 1, 1), left_on=date(2024, 1, 31)),
    )
    mistake = groups.add_member(workspace, group_id, MembershipInput(removed, date(2021, 1, 1)))
    groups.remove_membership(workspace, mistake.id)
    groups.add_member(workspace, group_ids["hoi"], MembershipInput(removed, date(2021, 1, 1)))

    rows = {row.id: row.values for row in listing.page(workspace, ListRequest(), 0)}
    position = [column.key for column in listing.columns].index("members_now")
    assert rows[group_id][position] == 2  # the member who leaves today is still one today
    assert rows[group_ids["hoi"]][position] == 1
    assert rows[group_ids["taxi"]][position] == 0
    by_count = names(listing, workspace, ListRequest(sort="members_now", descending=True))
    assert by_count[0] == "Tổ Đoàn Văn Bơ"


def test_members_now_follows_the_clock_given(
    workspace: Workspace, group_ids: dict[str, str], make_person: Callable[[str], str]
) -> None:
    person = make_person("Nguyễn Văn Đức")
    groups.add_member(
        workspace,
        group_ids["duc"],
        MembershipInput(person, date(2020, 1, 1), left_on=date(2024, 3, 31)),
    )
    request = ListRequest(query="doan van bo")
    in_march = group_listing(lambda: date(2024, 3, 1)).page(workspace, request, 0)
    in_april = group_listing(lambda: date(2024, 4, 1)).page(workspace, request, 0)
    assert in_march[0].values[6] == 1
    assert in_april[0].values[6] == 0


def test_deleted_groups_are_not_listed(
    workspace: Workspace, listing: Listing, group_ids: dict[str, str]
) -> None:
    groups.delete_group(workspace, group_ids["hoi"])
    assert "Tổ chung cư Khánh Hội" not in names(listing, workspace, ListRequest())
    assert listing.count(workspace, ListRequest()) == 2


def test_program_choices_in_name_order_and_by_unit(
    workspace: Workspace, programs: dict[str, str], unit_id: str, district_id: str
) -> None:
    assert groups.program_choices(workspace) == [
        (programs["apartment"], "Tổ tự quản chung cư"),
        (programs["taxi"], "Xe ôm tự quản Quận 4"),
    ]
    assert groups.program_choices(workspace, unit_id) == [
        (programs["apartment"], "Tổ tự quản chung cư")
    ]
    assert len(groups.program_choices(workspace, district_id)) == 2


def test_members_with_contacts_add_phone_and_citizen_id(
    workspace: Workspace, group_ids: dict[str, str], unit_id: str
) -> None:
    person = create_person(
        workspace,
        PersonInput(unit_id, "Phạm Thị Ánh Tuyết", phone="0903 123 456", citizen_id=None),
    )
    groups.add_member(
        workspace, group_ids["duc"], MembershipInput(person.id, date(2021, 5, 1), MemberRole.LEADER)
    )
    [line] = groups.members_with_contacts(workspace, group_ids["duc"])
    assert line.member.person_name == "Phạm Thị Ánh Tuyết"
    assert line.member.role is MemberRole.LEADER
    assert (line.phone, line.citizen_id) == ("0903123456", None)


# --- People ---------------------------------------------------------------------------------------


@pytest.fixture
def people(workspace: Workspace, unit_id: str, other_ward_id: str) -> dict[str, str]:
    made = {
        "duc": PersonInput(
            unit_id,
            "Nguyễn Văn Đức",
            gender=Gender.MALE,
            birth_date=date(1985, 3, 2),
            citizen_id="079085001234",
            phone="0903123456",
            address="12 Đoàn Văn Bơ",
        ),
        "dung": PersonInput(unit_id, "Nguyễn Văn Dũng"),
        "hang": PersonInput(other_ward_id, "Trần Thị Hằng", phone="0912000111"),
    }
    return {key: create_person(workspace, data).id for key, data in made.items()}


def person_names(workspace: Workspace, request: ListRequest) -> list[str]:
    return [row.values[0] for row in PERSON_LIST.page(workspace, request, 0)]


@pytest.mark.parametrize(
    "query", ["nguyen van duc", "Nguyễn Văn Đức", "NGUYEN VAN DUC", "079085001234", "0903123456"]
)
def test_person_search_by_plain_name_citizen_id_or_phone(
    workspace: Workspace, people: dict[str, str], query: str
) -> None:
    assert person_names(workspace, ListRequest(query=query)) == ["Nguyễn Văn Đức"]
    assert PERSON_LIST.count(workspace, ListRequest(query=query)) == 1


def test_person_list_columns_and_vietnamese_order(
    workspace: Workspace, people: dict[str, str], other_ward_id: str
) -> None:
    # Vietnamese order goes by the given name: Dũng, Đức, Hằng
    assert person_names(workspace, ListRequest()) == [
        "Nguyễn Văn Dũng",
        "Nguyễn Văn Đức",
        "Trần Thị Hằng",
    ]
    [duc] = PERSON_LIST.page(workspace, ListRequest(query="nguyen van duc"), 0)
    values = dict(zip([column.key for column in PERSON_LIST.columns], duc.values, strict=True))
    assert values == {
        "full_name": "Nguyễn Văn Đức",
        "gender": Gender.MALE,
        "birth_date": date(1985, 3, 2),
        "citizen_id": "079085001234",
        "phone": "0903123456",
        "address": "12 Đoàn Văn Bơ",
        "unit": "Phường 9",
    }
    assert PERSON_LIST.column("citizen_id").kind is ColumnKind.CITIZEN_ID
    in_other_ward = ListRequest(filters={"unit": other_ward_id})
    assert person_names(workspace, in_other_ward) == ["Trần Thị Hằng"]
