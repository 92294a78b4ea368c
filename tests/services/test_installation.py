"""services.installation: this unit, the superior unit and the officer in charge."""

from __future__ import annotations

from pathlib import Path

import pytest

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services.installation import (
    InstallationInput,
    check_against_book,
    read_installation,
    save_installation,
)
from antq_desktop.services.units import create_unit, get_unit_by_code, list_units
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace

WARD = NewUnit("Phường 9", "27262", UnitLevel.WARD, "Phường 9, Quận 4")
DISTRICT = NewUnit("Quận 4", "773", UnitLevel.DISTRICT)


def fields_of(error: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return [item.field for item in error.value.errors]


def test_reads_what_create_workspace_stored(workspace: Workspace) -> None:
    settings = read_installation(workspace)
    assert settings.own_unit is not None
    assert settings.superior_unit is not None
    assert (settings.own_unit.code, settings.superior_unit.code) == ("27262", "773")
    assert settings.own_unit.parent_id == settings.superior_unit.id


def test_saves_units_and_officer(workspace: Workspace) -> None:
    saved = save_installation(
        workspace,
        InstallationInput(
            NewUnit(" Phường  Khánh Hội ", "27263", UnitLevel.WARD, ""),
            NewUnit("Công an Quận 4", "773", UnitLevel.DISTRICT),
            officer_name=" Trần Văn Bình ",
            officer_title="Trưởng Công an phường",
        ),
    )
    assert saved == read_installation(workspace)
    assert saved.own_unit is not None
    assert saved.superior_unit is not None
    assert saved.own_unit.name == "Phường Khánh Hội"
    assert saved.own_unit.place_name == "Phường Khánh Hội"  # blank: the unit's name
    assert saved.own_unit.code == "27263"
    assert saved.superior_unit.name == "Công an Quận 4"
    assert saved.officer_name == "Trần Văn Bình"
    assert len(list_units(workspace)) == 2


def test_a_known_code_links_the_superior_unit_an_unknown_one_corrects_it(
    workspace: Workspace,
) -> None:
    city = create_unit(workspace, NewUnit("TP. Hồ Chí Minh", "79", UnitLevel.PROVINCE))
    saved = save_installation(
        workspace, InstallationInput(WARD, NewUnit("TP. Hồ Chí Minh", "79", UnitLevel.PROVINCE))
    )
    assert saved.superior_unit is not None
    assert saved.superior_unit.id == city.id
    saved = save_installation(
        workspace, InstallationInput(WARD, NewUnit("Thành phố HCM", "80", UnitLevel.PROVINCE))
    )
    assert saved.superior_unit is not None
    assert saved.superior_unit.id == city.id  # the code was corrected, no new unit
    assert get_unit_by_code(workspace, "80").name == "Thành phố HCM"
    assert len(list_units(workspace)) == 3


def test_no_superior_unit_clears_the_setting(workspace: Workspace) -> None:
    saved = save_installation(workspace, InstallationInput(WARD, None))
    assert saved.superior_unit is None
    assert len(list_units(workspace)) == 2  # the tree is left as it is


def test_creates_the_superior_unit_when_there_was_none(tmp_path: Path) -> None:
    workspace = create_workspace(tmp_path / "alone.antqdb", WARD)
    try:
        saved = save_installation(workspace, InstallationInput(WARD, DISTRICT))
        assert saved.superior_unit is not None
        assert saved.own_unit is not None
        assert saved.own_unit.parent_id == saved.superior_unit.id
        assert saved.superior_unit.level is UnitLevel.DISTRICT
    finally:
        workspace.close()


def test_refusals_name_their_fields_and_write_nothing(workspace: Workspace) -> None:
    before = read_installation(workspace)
    create_unit(workspace, NewUnit("Phường 12", "27265", UnitLevel.WARD), parent_id=None)
    below = create_unit(
        workspace,
        NewUnit("Khu phố 1", "2726201", UnitLevel.WARD),
        parent_id=before.own_unit.id if before.own_unit else None,
    )
    cases = [
        (InstallationInput(NewUnit("", "27a", UnitLevel.WARD), DISTRICT), ["name", "code"]),
        (InstallationInput(NewUnit("Phường 9", "27265", UnitLevel.WARD), DISTRICT), ["code"]),
        (InstallationInput(WARD, NewUnit("X", "27262", UnitLevel.DISTRICT)), ["superior_code"]),
        (InstallationInput(WARD, NewUnit("X", below.code, UnitLevel.DISTRICT)), ["superior_code"]),
        (InstallationInput(WARD, DISTRICT, officer_name="A" * 201), ["officer_name"]),
    ]
    for data, fields in cases:
        with pytest.raises(ValidationFailed) as checked:
            check_against_book(workspace, data)
        assert fields_of(checked) == fields
        with pytest.raises(ValidationFailed) as refused:
            save_installation(workspace, data)
        assert fields_of(refused) == fields
    assert read_installation(workspace) == before
