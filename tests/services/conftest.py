"""Fixtures for service tests: a fresh database per test, and direct looks at the file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from service_testing import CASE_OPENED, TODAY, Records

from antq_desktop.domain.enums import RehabCategory, UnitLevel
from antq_desktop.services.people import PersonInput, create_person
from antq_desktop.services.rehab import CaseInput, create_case
from antq_desktop.services.units import get_unit_by_code
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = create_workspace(
        tmp_path / "t.antqdb",
        NewUnit("Phường 9", "27262", UnitLevel.WARD),
        superior_unit=NewUnit("Quận 4", "773", UnitLevel.DISTRICT),
        today=lambda: TODAY,
    )
    yield ws
    ws.close()


@pytest.fixture
def unit_id(workspace: Workspace) -> str:
    """The ward the database was made for."""
    return get_unit_by_code(workspace, "27262").id


@pytest.fixture
def district_id(workspace: Workspace) -> str:
    return get_unit_by_code(workspace, "773").id


@pytest.fixture
def records(workspace: Workspace) -> Records:
    return Records(workspace)


@pytest.fixture
def make_person(workspace: Workspace, unit_id: str) -> Callable[[str], str]:
    """Record a person by name; returns the id."""

    def make(full_name: str) -> str:
        return create_person(workspace, PersonInput(unit_id=unit_id, full_name=full_name)).id

    return make


@pytest.fixture
def open_case(
    workspace: Workspace, unit_id: str, make_person: Callable[[str], str]
) -> Callable[..., str]:
    """Open a rehabilitation case for a new person; returns the case id."""

    def make(
        name: str = "Phan Văn Hải", opened_on: date = CASE_OPENED, unit: str | None = None
    ) -> str:
        data = CaseInput(make_person(name), unit or unit_id, RehabCategory.AFTER_PRISON, opened_on)
        return create_case(workspace, data).id

    return make
