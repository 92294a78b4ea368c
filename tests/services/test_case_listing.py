"""The window's list of "5+1" cases: columns, search, filters, next due date, overdue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from service_testing import TODAY

from antq_desktop.domain.enums import (
    FollowUpAssessment,
    FollowUpKind,
    ProgramKind,
    RehabCategory,
    RehabStatus,
    UnitLevel,
)
from antq_desktop.services.listing import ColumnKind, ListRequest
from antq_desktop.services.people import PersonInput, create_person
from antq_desktop.services.programs import ProgramInput, create_program
from antq_desktop.services.rehab import (
    CaseInput,
    FollowUpInput,
    add_follow_up,
    create_case,
    delete_case,
    overdue_follow_ups,
    remove_follow_up,
    set_status,
)
from antq_desktop.services.rehab_listing import (
    CASE_LIST,
    find_people,
    overdue_in_unit,
    rehab_programs,
)
from antq_desktop.services.units import create_unit
from antq_desktop.services.workspace import NewUnit, Workspace


def names(workspace: Workspace, request: ListRequest | None = None) -> list[str]:
    rows = CASE_LIST.page(workspace, request or ListRequest(), 0)
    return [row.values[0] for row in rows]


def values(workspace: Workspace, case_id: str) -> dict[str, object]:
    for row in CASE_LIST.page(workspace, ListRequest(), 0):
        if row.id == case_id:
            return {
                column.key: value
                for column, value in zip(CASE_LIST.columns, row.values, strict=True)
            }
    raise AssertionError(f"case {case_id} not listed")


def follow_up(held_on: date, next_due_on: date | None) -> FollowUpInput:
    return FollowUpInput(
        held_on, FollowUpKind.HOME_VISIT, FollowUpAssessment.STABLE, next_due_on=next_due_on
    )


def test_columns_show_the_person_dates_and_unit(
    workspace: Workspace, unit_id: str, open_case: Callable[..., str]
) -> None:
    person = create_person(
        workspace, PersonInput(unit_id, "Hồ Văn Tư", citizen_id="079077004321")
    ).id
    case_id = create_case(
        workspace, CaseInput(person, unit_id, RehabCategory.OTHER, date(2024, 2, 1))
    ).id
    shown = values(workspace, case_id)
    assert shown["person"] == "Hồ Văn Tư"
    assert shown["citizen_id"] == "079077004321"  # the window masks it
    assert CASE_LIST.column("citizen_id").kind is ColumnKind.CITIZEN_ID
    assert shown["category"] is RehabCategory.OTHER
    assert shown["status"] is RehabStatus.ACTIVE
    assert shown["opened_on"] == date(2024, 2, 1)
    assert shown["status_since"] == date(2024, 2, 1)
    assert shown["next_due_on"] is None
    assert shown["unit"] == "Phường 9"
    assert shown["closed_on"] is None
    assert not CASE_LIST.column("closed_on").visible
    set_status(workspace, case_id, RehabStatus.CLOSED, date(2024, 6, 1), "Ổn định")
    assert values(workspace, case_id)["closed_on"] == date(2024, 6, 1)
    assert CASE_LIST.count(workspace, ListRequest()) == 1


def test_people_sort_the_vietnamese_way_and_search_ignores_marks(
    workspace: Workspace, unit_id: str, open_case: Callable[..., str]
) -> None:
    for name in ("Trần Văn Bình", "Nguyễn Thị Ánh", "Đỗ Văn Đức", "Lê Văn Dũng"):
        open_case(name)
    assert names(workspace) == ["Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Văn Dũng", "Đỗ Văn Đức"]
    descending = ListRequest(sort="person", descending=True)
    assert names(workspace, descending)[0] == "Đỗ Văn Đức"
    assert names(workspace, ListRequest(query="do van duc")) == ["Đỗ Văn Đức"]
    assert names(workspace, ListRequest(query="VĂN")) == [
        "Trần Văn Bình",
        "Lê Văn Dũng",
        "Đỗ Văn Đức",
    ]
    assert CASE_LIST.count(workspace, ListRequest(query="khong ai")) == 0


def test_search_by_citizen_id_or_phone(workspace: Workspace, unit_id: str) -> None:
    person = create_person(
        workspace,
        PersonInput(unit_id, "Hồ Văn Tư", citizen_id="079077004321", phone="0283 825 1234"),
    ).id
    create_case(workspace, CaseInput(person, unit_id, RehabCategory.OTHER, date(2024, 2, 1)))
    assert names(workspace, ListRequest(query="079077004321")) == ["Hồ Văn Tư"]
    assert names(workspace, ListRequest(query="004321")) == ["Hồ Văn Tư"]
    assert names(workspace, ListRequest(query="0283825")) == ["Hồ Văn Tư"]
    assert names(workspace, ListRequest(query="999999")) == []


def test_filters_unit_subtree_status_category_and_dates(
    workspace: Workspace, unit_id: str, district_id: str, open_case: Callable[..., str]
) -> None:
    other_ward = create_unit(
        workspace, NewUnit("Phường 8", "27265", UnitLevel.WARD), parent_id=district_id
    ).id
    first = open_case("Trần Văn Bình", opened_on=date(2023, 5, 1))
    open_case("Nguyễn Thị Ánh", opened_on=date(2024, 3, 1), unit=other_ward)
    set_status(workspace, first, RehabStatus.PROGRESSED, date(2024, 1, 1))

    def listed(**filters: object) -> list[str]:
        return names(workspace, ListRequest(filters=filters))

    assert listed(unit=district_id) == ["Nguyễn Thị Ánh", "Trần Văn Bình"]
    assert listed(unit=unit_id) == ["Trần Văn Bình"]
    assert listed(unit=other_ward) == ["Nguyễn Thị Ánh"]
    assert listed(unit=None) == ["Nguyễn Thị Ánh", "Trần Văn Bình"]
    assert listed(status=RehabStatus.PROGRESSED) == ["Trần Văn Bình"]
    assert listed(status=RehabStatus.ACTIVE) == ["Nguyễn Thị Ánh"]
    assert listed(category=RehabCategory.AFTER_PRISON) == ["Nguyễn Thị Ánh", "Trần Văn Bình"]
    assert listed(category=RehabCategory.OTHER) == []
    assert listed(date_from=date(2024, 1, 1)) == ["Nguyễn Thị Ánh"]
    assert listed(date_to=date(2023, 12, 31)) == ["Trần Văn Bình"]
    assert listed(date_from=date(2023, 5, 1), date_to=date(2024, 3, 1)) == [
        "Nguyễn Thị Ánh",
        "Trần Văn Bình",
    ]
    assert CASE_LIST.count(workspace, ListRequest(filters={"unit": unit_id})) == 1


def test_next_due_is_set_by_the_latest_live_follow_up(
    workspace: Workspace, open_case: Callable[..., str]
) -> None:
    case_id = open_case()
    add_follow_up(workspace, case_id, follow_up(date(2024, 2, 1), date(2024, 3, 1)))
    latest = add_follow_up(workspace, case_id, follow_up(date(2024, 3, 5), date(2024, 4, 5)))
    assert values(workspace, case_id)["next_due_on"] == date(2024, 4, 5)
    remove_follow_up(workspace, latest.id)
    assert values(workspace, case_id)["next_due_on"] == date(2024, 3, 1)
    add_follow_up(workspace, case_id, follow_up(date(2024, 5, 1), None))
    assert values(workspace, case_id)["next_due_on"] is None
    ordered = names(workspace, ListRequest(sort="next_due_on"))
    assert ordered == ["Phan Văn Hải"]


def test_overdue_filter_keeps_what_find_overdue_counts(
    workspace: Workspace, unit_id: str, open_case: Callable[..., str]
) -> None:
    past_due = open_case("Trần Văn Bình")
    add_follow_up(workspace, past_due, follow_up(date(2024, 5, 1), date(2024, 6, 1)))
    not_due = open_case("Nguyễn Thị Ánh")
    add_follow_up(workspace, not_due, follow_up(date(2024, 6, 1), date(2024, 7, 1)))
    never_followed = open_case("Lê Văn Dũng", opened_on=TODAY - timedelta(days=40))
    open_case("Đỗ Văn Đức", opened_on=TODAY - timedelta(days=10))  # still in its grace days
    no_next_due = open_case("Võ Minh Khôi")
    add_follow_up(workspace, no_next_due, follow_up(date(2024, 5, 1), None))
    closed = open_case("Bùi Văn Lực")
    add_follow_up(workspace, closed, follow_up(date(2024, 2, 1), date(2024, 3, 1)))
    set_status(workspace, closed, RehabStatus.CLOSED, date(2024, 4, 1))
    deleted = open_case("Huỳnh Bảo Ngọc", opened_on=date(2023, 1, 1))
    delete_case(workspace, deleted)

    request = ListRequest(filters={"overdue": TODAY})
    listed = {row.id for row in CASE_LIST.page(workspace, request, 0)}
    expected = {case.case_id for case in overdue_follow_ups(workspace, None, TODAY)}
    assert listed == expected == {past_due, never_followed}
    assert CASE_LIST.count(workspace, request) == 2
    assert CASE_LIST.count(workspace, ListRequest(filters={"overdue": None})) == 6
    in_ward = overdue_in_unit(workspace, unit_id, TODAY)
    assert [case.person_name for case in in_ward] == ["Trần Văn Bình", "Lê Văn Dũng"]
    assert overdue_in_unit(workspace, None, TODAY) == overdue_follow_ups(workspace, None, TODAY)


def test_overdue_in_a_unit_counts_the_units_below(
    workspace: Workspace, district_id: str, open_case: Callable[..., str]
) -> None:
    other_ward = create_unit(
        workspace, NewUnit("Phường 8", "27265", UnitLevel.WARD), parent_id=district_id
    ).id
    there = open_case("Trần Văn Bình", opened_on=date(2024, 1, 1), unit=other_ward)
    assert [case.case_id for case in overdue_in_unit(workspace, district_id, TODAY)] == [there]
    assert [case.case_id for case in overdue_in_unit(workspace, other_ward, TODAY)] == [there]


def test_person_search_and_programs_for_the_editor(
    workspace: Workspace, unit_id: str, district_id: str
) -> None:
    create_person(workspace, PersonInput(unit_id, "Nguyễn Văn Đức", citizen_id="079085001234"))
    create_person(workspace, PersonInput(unit_id, "Trần Thị Hằng"))
    found = find_people(workspace, "nguyen van duc")
    assert [person.full_name for person in found] == ["Nguyễn Văn Đức"]
    assert found[0].citizen_id == "079085001234"
    assert [person.full_name for person in find_people(workspace, "001234")] == ["Nguyễn Văn Đức"]
    assert find_people(workspace, "  ") == []
    rehab = create_program(
        workspace, ProgramInput(unit_id, "5+1 phường 9", ProgramKind.REHABILITATION_5_PLUS_1)
    )
    create_program(workspace, ProgramInput(unit_id, "Camera", ProgramKind.CAMERA_SURVEILLANCE))
    district = create_program(
        workspace, ProgramInput(district_id, "5+1 quận", ProgramKind.REHABILITATION_5_PLUS_1)
    )
    # A ward's case may belong to its own program or to the district's; not the other way round.
    assert sorted(rehab_programs(workspace, unit_id)) == sorted(
        [(rehab.id, "5+1 phường 9"), (district.id, "5+1 quận")]
    )
    assert rehab_programs(workspace, district_id) == [(district.id, "5+1 quận")]
    assert rehab_programs(workspace, None) == []
