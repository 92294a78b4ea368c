"""Programs: the rules on names, dates and budgets, filters, tombstones and version stamps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from service_testing import Records, error_keys

from antq_desktop.domain.enums import MaintainingBody, ProgramKind, ProgramStatus, Rating
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import programs
from antq_desktop.services.errors import NotFound, ServiceError
from antq_desktop.services.evaluations import record_evaluation
from antq_desktop.services.groups import GroupInput, create_group
from antq_desktop.services.programs import ProgramInput
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Evaluation, Program


def camera_program(unit_id: str, /, **changes: object) -> ProgramInput:
    data = ProgramInput(
        unit_id=unit_id,
        name="  Mô hình   Camera giám sát  ",
        kind=ProgramKind.CAMERA_SURVEILLANCE,
        maintaining_body=MaintainingBody.POLICE,
        status=ProgramStatus.ACTIVE,
        started_on=date(2021, 3, 1),
        recognised_on=date(2021, 9, 1),
        annual_budget_vnd=150_000_000,
        description=" 12 đầu ghi ",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def test_create_cleans_and_reads_back(workspace: Workspace, unit_id: str, records: Records) -> None:
    created = programs.create_program(workspace, camera_program(unit_id))

    assert created.name == "Mô hình Camera giám sát"
    assert created.description == "12 đầu ghi"
    assert programs.get_program(workspace, created.id) == created
    row = records.row(Program, created.id)
    assert row.name_folded == "mo hinh camera giam sat"
    assert row.version
    assert row.origin_site == workspace.site_id


@pytest.mark.parametrize(
    ("changes", "field", "key", "words"),
    [
        ({"name": "   "}, "name", "required", ["Tên"]),
        (
            {"started_on": date(2024, 6, 16), "recognised_on": None},
            "started_on",
            "date.future",
            ["Ngày bắt đầu", "16/06/2024", "15/06/2024"],
        ),
        ({"recognised_on": date(2024, 6, 16)}, "recognised_on", "date.future", ["16/06/2024"]),
        (
            {"recognised_on": date(2021, 2, 28)},
            "recognised_on",
            "date.order",
            ["Ngày công nhận", "28/02/2021", "Ngày bắt đầu", "01/03/2021"],
        ),
        ({"ended_on": date(2020, 12, 31)}, "ended_on", "date.order", ["31/12/2020"]),
        ({"annual_budget_vnd": -1}, "annual_budget_vnd", "number.negative", ["Kinh phí"]),
        ({"unit_id": "no-such-unit"}, "unit_id", "reference.missing", ["đơn vị"]),
    ],
)
def test_each_rule_refuses_and_writes_nothing(
    workspace: Workspace,
    unit_id: str,
    records: Records,
    changes: dict[str, object],
    field: str,
    key: str,
    words: list[str],
) -> None:
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        programs.create_program(workspace, camera_program(unit_id, **changes))
    assert error_keys(caught.value) == [(field, key)]
    rendered = caught.value.render("vi")
    assert all(word in rendered for word in words), rendered
    assert records.counts() == before


def test_every_wrong_field_is_named_at_once(workspace: Workspace, unit_id: str) -> None:
    bad = camera_program(
        unit_id,
        name="",
        started_on=date(2030, 1, 1),
        ended_on=date(2029, 1, 1),
        annual_budget_vnd=-5,
    )
    with pytest.raises(ValidationFailed) as caught:
        programs.create_program(workspace, bad)
    assert caught.value.fields() == {
        "name",
        "started_on",
        "recognised_on",
        "ended_on",
        "annual_budget_vnd",
    }
    english = caught.value.render("en")
    assert "Start date" in english
    assert "01/01/2030" in english
    assert "15/06/2024" in english


def test_dates_equal_to_the_start_are_accepted(workspace: Workspace, unit_id: str) -> None:
    start = date(2023, 1, 1)
    created = programs.create_program(
        workspace,
        camera_program(unit_id, started_on=start, recognised_on=start, ended_on=start),
    )
    assert created.ended_on == start


def test_update_saves_and_bumps_the_version(
    workspace: Workspace, unit_id: str, records: Records
) -> None:
    created = programs.create_program(workspace, camera_program(unit_id))
    first_version = records.row(Program, created.id).version

    updated = programs.update_program(
        workspace, created.id, camera_program(unit_id, status=ProgramStatus.SUSPENDED)
    )

    assert updated.status is ProgramStatus.SUSPENDED
    assert records.row(Program, created.id).version > first_version


def test_refused_update_changes_nothing(
    workspace: Workspace, unit_id: str, records: Records
) -> None:
    created = programs.create_program(workspace, camera_program(unit_id))
    before = records.row(Program, created.id)

    with pytest.raises(ValidationFailed):
        programs.update_program(workspace, created.id, camera_program(unit_id, name=""))

    after = records.row(Program, created.id)
    assert (after.name, after.version) == (before.name, before.version)


def test_delete_leaves_a_tombstone_and_takes_the_evaluations(
    workspace: Workspace, unit_id: str, records: Records
) -> None:
    created = programs.create_program(workspace, camera_program(unit_id))
    evaluation = record_evaluation(workspace, created.id, 2024, 1, Rating.EFFECTIVE)

    programs.delete_program(workspace, created.id)

    with pytest.raises(NotFound):
        programs.get_program(workspace, created.id)
    assert programs.list_programs(workspace) == []
    assert programs.count_programs(workspace) == 0
    assert records.row(Program, created.id).deleted_at is not None
    assert records.row(Evaluation, evaluation.id).deleted_at is not None
    with pytest.raises(NotFound):
        programs.update_program(workspace, created.id, camera_program(unit_id))


def test_delete_is_refused_while_groups_belong_to_the_program(
    workspace: Workspace, unit_id: str, records: Records
) -> None:
    created = programs.create_program(workspace, camera_program(unit_id))
    create_group(workspace, GroupInput(program_id=created.id, unit_id=unit_id, name="Tổ 1"))

    with pytest.raises(ServiceError) as caught:
        programs.delete_program(workspace, created.id)

    assert "còn 1 tổ/nhóm" in caught.value.render("vi")
    assert records.row(Program, created.id).deleted_at is None


def test_list_filters_and_counts(workspace: Workspace, unit_id: str, district_id: str) -> None:
    camera = programs.create_program(workspace, camera_program(unit_id))
    club = programs.create_program(
        workspace,
        camera_program(
            unit_id,
            name="Câu lạc bộ Chủ nhà trọ",
            kind=ProgramKind.LANDLORD_WOMEN_WORKER_CLUB,
            status=ProgramStatus.PLANNED,
        ),
    )
    district = programs.create_program(
        workspace, camera_program(district_id, name="Đội xe ôm tự quản Quận 4")
    )

    def names(**filters: object) -> list[str]:
        return [view.name for view in programs.list_programs(workspace, **filters)]  # type: ignore[arg-type]

    assert names() == [club.name, district.name, camera.name]  # folded name order
    assert names(unit_ids=[unit_id]) == [club.name, camera.name]
    assert names(kind=ProgramKind.CAMERA_SURVEILLANCE) == [district.name, camera.name]
    assert names(status=ProgramStatus.PLANNED) == [club.name]
    assert names(query="CHU NHA tro") == [club.name]
    assert names(query="đội xe") == [district.name]
    assert names(query="%") == []
    assert names(limit=1, offset=1) == [district.name]
    assert programs.count_programs(workspace, unit_ids=[unit_id]) == 2
    assert programs.count_programs(workspace, query="giam sat") == 1
