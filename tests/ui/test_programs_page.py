"""Mô hình: create, edit, search, filter, delete and undo, as a person would with the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from antq_desktop.domain.enums import ProgramKind
from antq_desktop.services.programs import PROGRAM_LIST, list_programs
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.paged_model import PagedTableModel
from antq_desktop.ui.programs_page import ProgramDialog, ProgramsPage


@pytest.fixture
def window(qtbot: QtBot, sample_workspace: Workspace) -> MainWindow:
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigation.setCurrentRow(1)
    return window


def page_of(window: MainWindow) -> ProgramsPage:
    page = window.pages.currentWidget()
    assert isinstance(page, ProgramsPage)
    return page


def shown_names(page: ProgramsPage) -> list[str]:
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def open_dialog(page: ProgramsPage) -> ProgramDialog:
    dialog = page.dialog
    assert isinstance(dialog, ProgramDialog)
    assert dialog.isVisible()
    return dialog


def test_lists_the_programs_of_the_record_book(
    window: MainWindow, sample_workspace: Workspace
) -> None:
    page = page_of(window)
    expected = {view.name for view in list_programs(sample_workspace)}
    assert set(shown_names(page)) == expected
    assert page.count_label.text() == f"{len(expected)} dòng"
    assert window.rows_label.text() == f"{len(expected)} dòng"


def test_create_a_program_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    page = page_of(window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(page)
    dialog.name.setText("Tổ tự quản chung cư Khánh Hội 3")  # QTest types ASCII only
    dialog.kind.set_value(ProgramKind.APARTMENT_BLOCK)
    dialog.budget.setValue(120_000)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    saved = [
        v for v in list_programs(sample_workspace) if v.name == "Tổ tự quản chung cư Khánh Hội 3"
    ]
    assert len(saved) == 1
    assert saved[0].kind is ProgramKind.APARTMENT_BLOCK
    assert saved[0].annual_budget_vnd == 120_000_000
    assert "Tổ tự quản chung cư Khánh Hội 3" in shown_names(page)
    assert window.save_label.text().startswith("Đã lưu lúc")
    # Ctrl+Z undoes the creation
    window.undo_action.trigger()
    assert "Tổ tự quản chung cư Khánh Hội 3" not in {
        v.name for v in list_programs(sample_workspace)
    }
    window.redo_action.trigger()
    assert "Tổ tự quản chung cư Khánh Hội 3" in {v.name for v in list_programs(sample_workspace)}


def test_invalid_input_is_marked_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    before = len(list_programs(sample_workspace))
    page = page_of(window)
    page.new_record()
    dialog = open_dialog(page)
    dialog.started_on.set_date(None)
    qtbot.keyClicks(dialog.started_on.line_edit, "31/02/2020")
    dialog.save()
    assert dialog.isVisible()
    assert "Chưa nhập “Tên”" not in dialog.error_label("started_on").text()
    assert "không phải là ngày" in dialog.error_label("started_on").text()
    dialog.started_on.set_date(None)
    dialog.save()
    assert "Tên" in dialog.error_label("name").text()
    assert "bắt buộc" in dialog.error_label("name").text()
    assert dialog.error_label("name").isVisible()
    assert len(list_programs(sample_workspace)) == before


def test_search_ignores_marks_and_case(qtbot: QtBot, window: MainWindow) -> None:
    page = page_of(window)
    first = shown_names(page)[0]
    from antq_desktop.domain.text import fold

    qtbot.keyClicks(page.search, fold(first).upper())
    page._apply_search()
    assert shown_names(page) == [first]
    page.search.setText("không có mô hình nào như thế")
    page._apply_search()
    assert page.model.rowCount() == 0
    empty = page.findChild(QLabel, "empty")
    assert empty.isVisible()
    assert "Không có dòng nào khớp" in empty.text()


def test_delete_asks_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(window)
    page.search.setText("")
    # a program without groups can be deleted: create one first
    page.new_record()
    dialog = open_dialog(page)
    dialog.name.setText("Mô hình thử xóa")
    dialog.save()
    page.search.setText("mo hinh thu xoa")
    page._apply_search()
    page.select_first()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Mô hình thử xóa" not in {v.name for v in list_programs(sample_workspace)}
    assert page.model.rowCount() == 0
    window.undo_action.trigger()
    assert "Mô hình thử xóa" in {v.name for v in list_programs(sample_workspace)}
    assert page.model.rowCount() == 1


def test_the_model_is_well_behaved(qtmodeltester: object, sample_workspace: Workspace) -> None:
    model = PagedTableModel(sample_workspace, PROGRAM_LIST)
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_the_list_opens_in_the_listings_own_order(
    window: MainWindow, sample_workspace: Workspace
) -> None:
    page = page_of(window)
    assert page.model.request.sort is None
    assert shown_names(page) == [view.name for view in list_programs(sample_workspace)]
