"""Lists for the window (count, pages, SQL sort, search, filters) and undoing a delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from service_testing import Records

from antq_desktop.domain.enums import ProgramKind, ProgramStatus, UnitLevel
from antq_desktop.services import groups
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.groups import GroupInput, MembershipInput
from antq_desktop.services.listing import ListRequest
from antq_desktop.services.memberships import remove_membership
from antq_desktop.services.programs import (
    PROGRAM_LIST,
    ProgramInput,
    create_program,
    delete_program,
    list_programs,
)
from antq_desktop.services.restore import restore_record
from antq_desktop.services.units import create_unit
from antq_desktop.services.workspace import NewUnit, Workspace
from antq_desktop.store.models import Group, Membership

NAMES = ["Camera an ninh", "Đội dân phòng", "Tổ liên gia", "chốt dân phòng", "Ánh sáng"]


@pytest.fixture
def programs(workspace: Workspace, unit_id: str) -> dict[str, str]:
    return {
        name: create_program(
            workspace, ProgramInput(unit_id, name, ProgramKind.OTHER, annual_budget_vnd=n * 1000)
        ).id
        for n, name in enumerate(NAMES)
    }


def names(
    workspace: Workspace, request: ListRequest, offset: int = 0, limit: int = 200
) -> list[str]:
    return [row.values[0] for row in PROGRAM_LIST.page(workspace, request, offset, limit)]


def test_default_order_is_by_folded_name_so_marks_do_not_split_letters(
    workspace: Workspace, programs: dict[str, str]
) -> None:
    assert names(workspace, ListRequest()) == [
        "Ánh sáng", "Camera an ninh", "chốt dân phòng", "Đội dân phòng", "Tổ liên gia",
    ]  # fmt: skip
    assert PROGRAM_LIST.count(workspace, ListRequest()) == 5


def test_pages_cover_every_row_once(workspace: Workspace, programs: dict[str, str]) -> None:
    pages = [names(workspace, ListRequest(), offset, 2) for offset in (0, 2, 4)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert sorted(name for page in pages for name in page) == sorted(NAMES)


def test_sort_by_a_column_both_ways(workspace: Workspace, programs: dict[str, str]) -> None:
    ascending = names(workspace, ListRequest(sort="budget"))
    descending = names(workspace, ListRequest(sort="budget", descending=True))
    assert ascending == NAMES
    assert descending == list(reversed(NAMES))


def test_search_ignores_case_and_marks(workspace: Workspace, programs: dict[str, str]) -> None:
    request = ListRequest(query="DAN PHONG")
    assert sorted(names(workspace, request)) == ["chốt dân phòng", "Đội dân phòng"]
    assert PROGRAM_LIST.count(workspace, request) == 2
    assert names(workspace, ListRequest(query="doi")) == ["Đội dân phòng"]
    assert names(workspace, ListRequest(query="50%_")) == []


def test_filters_by_unit_subtree_and_status(
    workspace: Workspace, programs: dict[str, str], unit_id: str, district_id: str
) -> None:
    other = create_unit(
        workspace, NewUnit("Phường 6", "27265", UnitLevel.WARD), parent_id=district_id
    )
    create_program(workspace, ProgramInput(other.id, "Mô hình phường 6", ProgramKind.OTHER))
    assert len(names(workspace, ListRequest(filters={"unit": district_id}))) == 6
    assert len(names(workspace, ListRequest(filters={"unit": unit_id}))) == 5
    assert names(workspace, ListRequest(filters={"unit": other.id})) == ["Mô hình phường 6"]
    assert len(names(workspace, ListRequest(filters={"unit": None}))) == 6
    paused = ListRequest(filters={"status": ProgramStatus.SUSPENDED})
    assert names(workspace, paused) == []
    with pytest.raises(KeyError):
        PROGRAM_LIST.count(workspace, ListRequest(filters={"nothing": 1}))


def test_position_finds_a_record_in_the_requested_order(
    workspace: Workspace, programs: dict[str, str]
) -> None:
    assert PROGRAM_LIST.position(workspace, ListRequest(), programs["Đội dân phòng"]) == 3
    assert (
        PROGRAM_LIST.position(workspace, ListRequest(query="camera"), programs["Tổ liên gia"])
        is None
    )


def test_deleted_records_leave_the_list(workspace: Workspace, programs: dict[str, str]) -> None:
    delete_program(workspace, programs["Ánh sáng"])
    assert "Ánh sáng" not in names(workspace, ListRequest())
    restore_record(workspace, "Program", programs["Ánh sáng"])
    assert "Ánh sáng" in names(workspace, ListRequest())
    assert "Ánh sáng" in {view.name for view in list_programs(workspace)}


def test_restore_brings_back_what_the_delete_took_and_nothing_else(
    workspace: Workspace,
    programs: dict[str, str],
    unit_id: str,
    make_person: Callable[[str], str],
    records: Records,
) -> None:
    group = groups.create_group(
        workspace, GroupInput(programs["Tổ liên gia"], unit_id, "Tổ 1", formed_on=date(2020, 1, 1))
    )
    kept = groups.add_member(
        workspace, group.id, MembershipInput(make_person("An"), date(2023, 1, 1))
    )
    removed_earlier = groups.add_member(
        workspace, group.id, MembershipInput(make_person("Bình"), date(2023, 1, 1))
    )
    remove_membership(workspace, removed_earlier.id)
    groups.delete_group(workspace, group.id)
    assert records.row(Membership, kept.id).deleted_at is not None

    restore_record(workspace, "Group", group.id)

    assert records.row(Group, group.id).deleted_at is None
    assert records.row(Membership, kept.id).deleted_at is None
    assert records.row(Membership, removed_earlier.id).deleted_at is not None


def test_restore_is_refused_for_a_live_record_or_under_a_deleted_parent(
    workspace: Workspace, programs: dict[str, str], unit_id: str
) -> None:
    with pytest.raises(ServiceError):
        restore_record(workspace, "Program", programs["Tổ liên gia"])
    group = groups.create_group(workspace, GroupInput(programs["Tổ liên gia"], unit_id, "Tổ 2"))
    groups.delete_group(workspace, group.id)
    delete_program(workspace, programs["Tổ liên gia"])
    with pytest.raises(ServiceError) as refused:
        restore_record(workspace, "Group", group.id)
    assert "mô hình" in refused.value.message.render("vi")


def test_ids_and_rows_by_id_follow_the_requested_order(
    workspace: Workspace, programs: dict[str, str]
) -> None:
    request = ListRequest(sort="budget", descending=True)
    ids = PROGRAM_LIST.ids(workspace, request)
    assert ids == [programs[name] for name in reversed(NAMES)]
    rows = PROGRAM_LIST.rows(workspace, ids[1:3])
    assert [row.values[0] for row in rows] == list(reversed(NAMES))[1:3]
    assert PROGRAM_LIST.rows(workspace, ["no-such-id"])[0].values[0] is None


def test_undoing_a_program_delete_brings_back_its_evaluations(
    workspace: Workspace, programs: dict[str, str], records: Records
) -> None:
    from antq_desktop.domain.enums import Rating
    from antq_desktop.services.evaluations import record_evaluation
    from antq_desktop.store.models import Evaluation

    program_id = programs["Camera an ninh"]
    evaluation = record_evaluation(workspace, program_id, 2023, 4, Rating.EFFECTIVE)
    delete_program(workspace, program_id)
    assert records.row(Evaluation, evaluation.id).deleted_at is not None

    restore_record(workspace, "Program", program_id)

    assert records.row(Evaluation, evaluation.id).deleted_at is None
