"""Đánh giá quý: rate, edit, delete and undo; switch quarter and unit, as a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sample_data import DISTRICT_CODE

from antq_desktop.domain.enums import Rating
from antq_desktop.services.evaluation_sheet import quarter_sheet
from antq_desktop.services.evaluations import get_evaluation
from antq_desktop.services.units import get_unit_by_code
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.evaluation_dialog import EvaluationDialog
from antq_desktop.ui.evaluation_sheet_model import EvaluationSheetModel
from antq_desktop.ui.evaluations_page import EvaluationsPage
from antq_desktop.ui.paged_model import ID_ROLE, VALUE_ROLE

APARTMENT = "Tổ tự quản chung cư H3"
WARD_PROGRAMS = ["5+1 phường 9", "Camera an ninh khu phố 2", "Tổ liên gia tự quản khu phố 1",
                 APARTMENT]  # fmt: skip
RATING = EvaluationSheetModel.RATING_COLUMN
COMMENT = EvaluationSheetModel.COMMENT_COLUMN


@pytest.fixture
def changes(sample_workspace: Workspace) -> Changes:
    return Changes(sample_workspace)


@pytest.fixture
def page(qtbot: QtBot, sample_workspace: Workspace, changes: Changes) -> EvaluationsPage:
    page = EvaluationsPage(sample_workspace, changes)
    qtbot.addWidget(page)
    page.show()
    page.load()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def shown(page: EvaluationsPage, column: int = 0) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def cell(page: EvaluationsPage, name: str, column: int) -> str:
    return str(page.model.index(shown(page).index(name), column).data())


def program_id(page: EvaluationsPage, name: str) -> str:
    row = page.model.row(shown(page).index(name))
    assert row is not None
    return row.program_id


def activate(qtbot: QtBot, page: EvaluationsPage) -> None:
    """Shortcuts need an active window; offscreen, a closed dialog does not give it back."""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


def open_dialog(qtbot: QtBot, page: EvaluationsPage, name: str) -> EvaluationDialog:
    activate(qtbot, page)
    page.select_program(program_id(page, name))
    before = page.dialog
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, EvaluationDialog)
    assert dialog is not before
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def save(qtbot: QtBot, dialog: EvaluationDialog) -> None:
    qtbot.keyClick(dialog.comment, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()


def test_opens_on_the_current_quarter_of_the_own_unit(page: EvaluationsPage) -> None:
    assert page.period() == (2024, 2)  # the sample's today is 15/05/2024
    assert page.quarter.currentText() == "Quý 2"
    assert shown(page) == WARD_PROGRAMS
    assert shown(page, RATING) == ["Chưa đánh giá"] * 4
    grey = page.model.index(0, RATING).data(Qt.ItemDataRole.ForegroundRole)
    assert grey.color().name() == "#808080"
    # 12 shifts of 2 members and 3 others, a finding every third shift
    assert [cell(page, APARTMENT, column) for column in (2, 3, 4)] == ["12", "60", "4"]
    assert cell(page, APARTMENT, 5) == "—"  # not a 5+1 program
    assert [cell(page, "5+1 phường 9", column) for column in (5, 6, 7)] == ["2", "1", "0"]
    assert page.summary.text() == "Đã đánh giá 0/4 mô hình"
    assert not page.evaluate_button.isEnabled()  # nothing selected yet
    assert page.note.isHidden()


def test_rate_edit_delete_and_undo(
    qtbot: QtBot,
    page: EvaluationsPage,
    changes: Changes,
    sample_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    apartment = program_id(page, APARTMENT)
    dialog = open_dialog(qtbot, page, APARTMENT)
    assert dialog.evaluator.text() == "Nguyễn Văn An"  # the officer's name by default
    dialog.rating.set_value(Rating.EFFECTIVE)
    dialog.comment.setText("Tuần tra đều, phát hiện kịp thời")  # QTest types ASCII only
    save(qtbot, dialog)

    saved = get_evaluation(sample_workspace, apartment, 2024, 2)
    assert saved is not None
    assert (saved.rating, saved.comment, saved.evaluator) == (
        Rating.EFFECTIVE, "Tuần tra đều, phát hiện kịp thời", "Nguyễn Văn An"
    )  # fmt: skip
    assert saved.indicators == {
        "patrol_shifts": 12.0,
        "participant_turns": 60.0,
        "findings": 4.0,
        "annual_budget_vnd": 0.0,
    }
    assert cell(page, APARTMENT, RATING) == Rating.EFFECTIVE.label("vi")
    assert cell(page, APARTMENT, COMMENT) == "Tuần tra đều, phát hiện kịp thời"
    assert page.summary.text() == "Đã đánh giá 1/4 mô hình"
    assert page.current_row() is not None  # the selection stays on the program
    assert page.delete_button.isEnabled()

    # edit: the dialog shows what was saved
    dialog = open_dialog(qtbot, page, APARTMENT)
    assert dialog.rating.value() is Rating.EFFECTIVE
    assert dialog.comment.text() == "Tuần tra đều, phát hiện kịp thời"
    dialog.rating.set_value(Rating.PARTLY_EFFECTIVE)
    dialog.comment.setText("Còn hình thức")
    dialog.evaluator.setText("Trần Văn Bình")
    save(qtbot, dialog)
    edited = get_evaluation(sample_workspace, apartment, 2024, 2)
    assert edited is not None
    assert edited.id == saved.id
    assert (edited.rating, edited.comment, edited.evaluator) == (
        Rating.PARTLY_EFFECTIVE, "Còn hình thức", "Trần Văn Bình"
    )  # fmt: skip
    assert cell(page, APARTMENT, RATING) == Rating.PARTLY_EFFECTIVE.label("vi")

    changes.undo_stack.undo()  # back to the first rating
    assert get_evaluation(sample_workspace, apartment, 2024, 2) == saved
    assert cell(page, APARTMENT, COMMENT) == "Tuần tra đều, phát hiện kịp thời"
    changes.undo_stack.undo()  # not rated at all
    assert get_evaluation(sample_workspace, apartment, 2024, 2) is None
    assert cell(page, APARTMENT, RATING) == "Chưa đánh giá"
    changes.undo_stack.redo()
    changes.undo_stack.redo()
    assert get_evaluation(sample_workspace, apartment, 2024, 2) == edited

    # delete asks first; "No" keeps it
    activate(qtbot, page)
    page.select_program(apartment)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    page.delete_button.click()
    assert get_evaluation(sample_workspace, apartment, 2024, 2) == edited
    assert len(answers) == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert not answers
    assert get_evaluation(sample_workspace, apartment, 2024, 2) is None
    assert cell(page, APARTMENT, RATING) == "Chưa đánh giá"
    assert cell(page, APARTMENT, COMMENT) == ""
    assert not page.delete_button.isEnabled()
    assert changes.undo_stack.undoText().startswith("Xóa đánh giá Tổ tự quản chung cư H3")
    changes.undo_stack.undo()
    assert get_evaluation(sample_workspace, apartment, 2024, 2) == edited
    assert cell(page, APARTMENT, RATING) == Rating.PARTLY_EFFECTIVE.label("vi")


def test_switching_quarter_year_and_unit(
    qtbot: QtBot, page: EvaluationsPage, sample_workspace: Workspace
) -> None:
    page.quarter.setCurrentIndex(0)
    assert page.period() == (2024, 1)
    assert cell(page, APARTMENT, RATING) == Rating.EFFECTIVE.label("vi")
    dialog = open_dialog(qtbot, page, APARTMENT)
    assert dialog.windowTitle() == "Đánh giá quý 1/2024"
    assert dialog.rating.value() is Rating.EFFECTIVE
    assert dialog.evaluator.text() == "Nguyễn Văn An"  # recorded without a name: the officer's
    dialog.reject()
    page.dialog = None
    assert cell(page, "Tổ liên gia tự quản khu phố 1", RATING) == Rating.INEFFECTIVE.label("vi")
    assert cell(page, APARTMENT, 2) == "0"  # the sample's shifts are all in the second quarter
    assert page.summary.text() == "Đã đánh giá 2/4 mô hình"

    page.quarter.setCurrentIndex(2)  # the third quarter has not started on 15/05/2024
    assert page.note.isVisible()
    assert "chưa bắt đầu" in page.note.text()
    page.select_program(program_id(page, APARTMENT))
    assert not page.evaluate_button.isEnabled()
    page.evaluate_current()
    assert page.dialog is None

    page.set_period(2015, 4)
    assert page.period() == (2015, 4)
    assert page.model.rowCount() == 0  # the programs started in 2016
    assert page.empty_label.isVisible()
    assert "không có mô hình nào" in page.empty_label.text()

    page.set_period(2024, 2)
    district = get_unit_by_code(sample_workspace, DISTRICT_CODE).id
    page.unit.set_unit_id(district)
    expected = [row.program_name for row in quarter_sheet(sample_workspace, district, 2024, 2)]
    assert shown(page) == expected
    assert {"Khu nhà trọ tự quản", "Tổ xe ôm tự quản Quận 4"} <= set(expected)
    assert len(expected) == 6


def test_a_new_rating_starts_blank_and_must_be_chosen(
    qtbot: QtBot, page: EvaluationsPage, sample_workspace: Workspace
) -> None:
    dialog = open_dialog(qtbot, page, APARTMENT)
    assert dialog.rating.value() is None
    dialog.save()
    assert dialog.isVisible()
    assert "bắt buộc" in dialog.error_label("rating").text()
    dialog.mark_clean()
    dialog.reject()
    assert get_evaluation(sample_workspace, program_id(page, APARTMENT), 2024, 2) is None


def test_a_refused_rating_stays_in_the_dialog(
    qtbot: QtBot, page: EvaluationsPage, sample_workspace: Workspace
) -> None:
    dialog = open_dialog(qtbot, page, APARTMENT)
    dialog.year = 1999  # as if the year had changed under it: the service refuses
    dialog.rating.set_value(Rating.EFFECTIVE)
    dialog.save()
    assert dialog.isVisible()
    assert "2000" in dialog.general_error.text()
    dialog.mark_clean()
    dialog.reject()
    assert get_evaluation(sample_workspace, program_id(page, APARTMENT), 2024, 2) is None


def test_the_model_is_well_behaved(qtmodeltester: object, sample_workspace: Workspace) -> None:
    model = EvaluationSheetModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    district = get_unit_by_code(sample_workspace, DISTRICT_CODE).id
    model.set_rows(quarter_sheet(sample_workspace, district, 2024, 1))
    assert model.rowCount() == 6
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    ratings = {model.index(row, RATING).data(VALUE_ROLE) for row in range(model.rowCount())}
    assert ratings == {None, "effective", "ineffective"}  # codes, never enum members
    assert model.index(0, 0).data(ID_ROLE) == model.rows()[0].program_id
