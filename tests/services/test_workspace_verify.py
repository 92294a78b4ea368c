"""Opening without the whole-file check (the window checks later) still catches damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.services.people import PersonInput, create_person
from antq_desktop.services.units import get_unit_by_code
from antq_desktop.services.workspace import (
    NewUnit,
    StoreError,
    create_workspace,
    open_workspace,
    verify_integrity,
)


def damaged_book(tmp_path: Path) -> Path:
    path = tmp_path / "book.antqdb"
    workspace = create_workspace(path, NewUnit("Phường 9", "27262", UnitLevel.WARD))
    unit_id = get_unit_by_code(workspace, "27262").id
    for number in range(400):
        create_person(workspace, PersonInput(unit_id, f"Nguyễn Văn {number:03d}"))
    workspace.close()
    data = bytearray(path.read_bytes())
    page = 4096
    last_page = len(data) // page - 1
    data[last_page * page : last_page * page + 64] = b"\xff" * 64  # a b-tree page header
    path.write_bytes(bytes(data))
    return path


def test_verify_integrity_reports_damage_found_after_a_quick_open(tmp_path: Path) -> None:
    path = damaged_book(tmp_path)
    workspace = open_workspace(path, verify=False)
    try:
        with pytest.raises(StoreError) as refused:
            verify_integrity(workspace)
    finally:
        workspace.close()
    assert refused.value.message.key == "db.damaged"
    with pytest.raises(StoreError):
        open_workspace(path)


def test_a_sound_book_passes(tmp_path: Path) -> None:
    path = tmp_path / "book.antqdb"
    create_workspace(path, NewUnit("Phường 9", "27262", UnitLevel.WARD)).close()
    workspace = open_workspace(path, verify=False)
    try:
        verify_integrity(workspace)
    finally:
        workspace.close()
