"""The paged table model: first rows at once, the rest counted after, pages read on demand."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from antq_desktop.domain.enums import ProgramKind, UnitLevel
from antq_desktop.services.listing import PAGE_SIZE, ListRequest
from antq_desktop.services.programs import PROGRAM_LIST, ProgramInput, create_program
from antq_desktop.services.units import get_unit_by_code
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace
from antq_desktop.ui.paged_model import ID_ROLE, PagedTableModel, mask_citizen_id

ROWS = 2 * PAGE_SIZE + 50


@pytest.fixture(scope="module")
def big_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paged") / "big.antqdb"
    workspace = create_workspace(path, NewUnit("Phường 9", "27262", UnitLevel.WARD))
    unit_id = get_unit_by_code(workspace, "27262").id
    for number in range(ROWS):
        create_program(workspace, ProgramInput(unit_id, f"Mô hình {number:04d}", ProgramKind.OTHER))
    workspace.close()
    return path


@pytest.fixture
def workspace(big_book: Path) -> Workspace:
    from antq_desktop.services.workspace import open_workspace

    return open_workspace(big_book)


def test_first_rows_then_the_count(workspace: Workspace) -> None:
    model = PagedTableModel(workspace, PROGRAM_LIST)
    seen: list[tuple[str, int]] = []
    model.first_rows.connect(lambda n: seen.append(("first", n)))
    model.loaded.connect(lambda n: seen.append(("loaded", n)))
    model.reload()
    assert seen == [("first", PAGE_SIZE), ("loaded", ROWS)]
    assert model.rowCount() == ROWS
    assert model.index(0, 0).data() == "Mô hình 0000"
    assert model.index(ROWS - 1, 0).data() == f"Mô hình {ROWS - 1:04d}"
    assert model.index(PAGE_SIZE + 3, 0).data(ID_ROLE)
    workspace.close()


def test_a_short_list_needs_no_count(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    model = PagedTableModel(workspace, PROGRAM_LIST)
    model.set_request(ListRequest(query="mo hinh 000"))

    def no_count(*_args: object) -> int:
        raise AssertionError("counted a list that fits in one page")

    monkeypatch.setattr(type(PROGRAM_LIST), "count", no_count)
    model.reload()
    assert model.rowCount() == 10
    assert model.counted
    workspace.close()


def test_sorting_happens_in_sql(workspace: Workspace) -> None:
    model = PagedTableModel(workspace, PROGRAM_LIST)
    model.reload()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == f"Mô hình {ROWS - 1:04d}"
    assert model.rowCount() == ROWS
    workspace.close()


def test_model_tester_with_several_pages(workspace: Workspace, qtmodeltester: object) -> None:
    model = PagedTableModel(workspace, PROGRAM_LIST)
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    workspace.close()


def test_citizen_ids_are_masked_to_the_last_four_digits() -> None:
    assert mask_citizen_id("079203001234") == "••••••••1234"
    assert mask_citizen_id("") == ""
    assert mask_citizen_id(None) == ""


def test_deep_pages_are_read_by_id(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    model = PagedTableModel(workspace, PROGRAM_LIST)
    model.reload()

    def no_offset(*_args: object) -> object:
        raise AssertionError("a page after the first was read with OFFSET")

    monkeypatch.setattr(type(PROGRAM_LIST), "page", no_offset)
    assert model.index(ROWS - 1, 0).data() == f"Mô hình {ROWS - 1:04d}"
    assert model.index(PAGE_SIZE + 7, 0).data() == f"Mô hình {PAGE_SIZE + 7:04d}"
    workspace.close()


def test_a_record_deleted_after_the_ids_were_read_leaves_a_blank_row(
    workspace: Workspace,
) -> None:
    from antq_desktop.services.programs import delete_program

    model = PagedTableModel(workspace, PROGRAM_LIST)
    model.reload()
    gone = model.record_id(ROWS - 2)
    assert gone is not None
    delete_program(workspace, gone)
    assert model.index(ROWS - 2, 0).data() == ""
    assert model.index(ROWS - 1, 0).data() == f"Mô hình {ROWS - 1:04d}"
    workspace.close()
