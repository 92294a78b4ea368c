"""Quarterly evaluations: one per program and quarter, the period rules, indicators, tombstones."""

from __future__ import annotations

import math
from datetime import date

import pytest
from service_testing import Records, error_keys

from antq_desktop.domain.enums import ProgramKind, Rating
from antq_desktop.domain.ids import evaluation_id
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import evaluations
from antq_desktop.services.errors import NotFound
from antq_desktop.services.programs import ProgramInput, create_program
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Evaluation


@pytest.fixture
def program_id(workspace: Workspace, unit_id: str) -> str:
    data = ProgramInput(
        unit_id, "Camera giám sát", ProgramKind.CAMERA_SURVEILLANCE, started_on=date(2022, 2, 1)
    )
    return create_program(workspace, data).id


def test_record_and_read_back(workspace: Workspace, program_id: str) -> None:
    view = evaluations.record_evaluation(
        workspace,
        program_id,
        2024,
        1,
        Rating.EFFECTIVE,
        {" Số vụ phát hiện ": 3, "Tỷ lệ camera hoạt động": 0.95},
        " Duy trì tốt ",
        "Đại úy Trần Văn K",
    )

    assert view.indicators == {"Số vụ phát hiện": 3.0, "Tỷ lệ camera hoạt động": 0.95}
    assert (view.comment, view.evaluator) == ("Duy trì tốt", "Đại úy Trần Văn K")
    assert view.program_name == "Camera giám sát"
    assert evaluations.get_evaluation(workspace, program_id, 2024, 1) == view
    assert evaluations.get_evaluation(workspace, program_id, 2023, 4) is None


def test_recording_the_same_quarter_again_updates_it(
    workspace: Workspace, program_id: str, records: Records
) -> None:
    first = evaluations.record_evaluation(workspace, program_id, 2024, 1, Rating.EFFECTIVE)
    version = records.row(Evaluation, first.id).version

    second = evaluations.record_evaluation(
        workspace, program_id, 2024, 1, Rating.INEFFECTIVE, {"Số ca tuần tra": 0}
    )

    assert second.id == first.id
    assert second.rating is Rating.INEFFECTIVE
    assert len(records.all(Evaluation)) == 1
    assert records.row(Evaluation, first.id).version > version


@pytest.mark.parametrize(
    ("year", "quarter", "expected"),
    [
        (2024, 0, [("quarter", "evaluation.quarter_range")]),
        (2024, 5, [("quarter", "evaluation.quarter_range")]),
        (1999, 4, [("year", "evaluation.year_range")]),
        (2025, 1, [("year", "evaluation.year_range")]),
        (2024, 3, [("quarter", "evaluation.quarter_not_started")]),  # starts 01/07/2024
        (2021, 4, [("quarter", "evaluation.quarter_before_program")]),  # program from 01/02/2022
    ],
)
def test_period_rules_refuse_and_write_nothing(
    workspace: Workspace,
    program_id: str,
    records: Records,
    year: int,
    quarter: int,
    expected: list[tuple[str, str]],
) -> None:
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        evaluations.record_evaluation(workspace, program_id, year, quarter, Rating.EFFECTIVE)
    assert error_keys(caught.value) == expected
    assert records.counts() == before


def test_the_current_quarter_and_the_programs_first_quarter_are_allowed(
    workspace: Workspace, program_id: str
) -> None:
    evaluations.record_evaluation(workspace, program_id, 2024, 2, Rating.EFFECTIVE)
    evaluations.record_evaluation(workspace, program_id, 2022, 1, Rating.PARTLY_EFFECTIVE)
    history = evaluations.list_for_program(workspace, program_id)
    assert [(view.year, view.quarter) for view in history] == [(2024, 2), (2022, 1)]


def test_messages_name_the_quarter(workspace: Workspace, program_id: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        evaluations.record_evaluation(workspace, program_id, 2024, 4, Rating.EFFECTIVE)
    assert "Quý 4/2024" in caught.value.render("vi")
    assert "01/10/2024" in caught.value.render("vi")
    assert "Quarter 4/2024" in caught.value.render("en")


@pytest.mark.parametrize(
    "indicators",
    [{"Số vụ": "ba"}, {"Số vụ": math.nan}, {"Số vụ": True}, {"  ": 1}, {"Số vụ": None}],
)
def test_indicators_must_be_named_numbers(
    workspace: Workspace, program_id: str, records: Records, indicators: dict[str, object]
) -> None:
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        evaluations.record_evaluation(workspace, program_id, 2024, 1, Rating.EFFECTIVE, indicators)
    assert caught.value.fields() == {"indicators"}
    assert records.counts() == before


def test_missing_program_and_long_evaluator(
    workspace: Workspace, program_id: str, records: Records
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        evaluations.record_evaluation(
            workspace, "missing", 2024, 1, Rating.EFFECTIVE, evaluator="x" * 201
        )
    assert error_keys(caught.value) == [
        ("program_id", "reference.missing"),
        ("evaluator", "too_long"),
    ]
    assert records.all(Evaluation) == []


def test_list_for_quarter_by_unit(
    workspace: Workspace, program_id: str, unit_id: str, district_id: str
) -> None:
    district_program = create_program(
        workspace, ProgramInput(district_id, "Xe ôm tự quản", ProgramKind.MOTORBIKE_TAXI)
    ).id
    ward_q1 = evaluations.record_evaluation(workspace, program_id, 2024, 1, Rating.EFFECTIVE)
    evaluations.record_evaluation(workspace, program_id, 2023, 4, Rating.EFFECTIVE)
    district_q1 = evaluations.record_evaluation(
        workspace, district_program, 2024, 1, Rating.INEFFECTIVE
    )

    assert evaluations.list_for_quarter(workspace, [unit_id], 2024, 1) == [ward_q1]
    assert evaluations.list_for_quarter(workspace, None, 2024, 1) == [ward_q1, district_q1]
    assert evaluations.list_for_quarter(workspace, [district_id], 2023, 4) == []


def test_delete_leaves_a_tombstone_and_recording_again_revives_the_quarters_record(
    workspace: Workspace, program_id: str, records: Records
) -> None:
    first = evaluations.record_evaluation(workspace, program_id, 2024, 1, Rating.EFFECTIVE)

    evaluations.delete_evaluation(workspace, first.id)

    assert evaluations.get_evaluation(workspace, program_id, 2024, 1) is None
    assert evaluations.list_for_quarter(workspace, None, 2024, 1) == []
    assert records.row(Evaluation, first.id).deleted_at is not None
    with pytest.raises(NotFound):
        evaluations.delete_evaluation(workspace, first.id)
    again = evaluations.record_evaluation(workspace, program_id, 2024, 1, Rating.INEFFECTIVE)
    # One record per program and quarter, the same id at every installation (sync merges it).
    assert again.id == first.id == evaluation_id(program_id, 2024, 1)
    assert again.rating is Rating.INEFFECTIVE
    assert len(records.all(Evaluation)) == 1
    assert records.row(Evaluation, first.id).deleted_at is None
