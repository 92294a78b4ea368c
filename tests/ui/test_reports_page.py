"""Báo cáo: the preview of the chosen period, drafts, signing and issuing, and who may do what."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from report_fixtures import (  # noqa: F401 - the fixtures identity, signing, page, dialogs
    Dialogs,
    dialogs_fixture,
    identity_fixture,
    page_fixture,
    signing_fixture,
)
from sample_data import QUARTER_START, WARD_CODE

from antq_desktop.domain.enums import ProgramKind, UnitLevel, UserRole
from antq_desktop.domain.periods import Period, PeriodKind
from antq_desktop.reports.verification import verify_pdf
from antq_desktop.services.programs import ProgramInput, create_program
from antq_desktop.services.report_content import ReportRequest
from antq_desktop.services.report_register import list_reports
from antq_desktop.services.units import UnitView, get_unit_by_code
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.overview_figures import UnitChoices
from antq_desktop.ui.report_dialogs import period_code, suggested_path
from antq_desktop.ui.report_form import last_ended_quarter, own_scope
from antq_desktop.ui.reports_page import ReportsPage


def general_error(page: ReportsPage) -> QLabel:
    return page.form.messages.general


# --- the preview ---------------------------------------------------------------------------------


def test_the_page_opens_with_the_last_ended_quarter_previewed(page: ReportsPage) -> None:
    shown = page.preview_shown
    assert shown is not None
    assert shown.request.unit_code == WARD_CODE
    assert shown.request.period == Period.quarter(2024, 1)  # today is 15/05/2024
    assert page.form.period_text.text() == "Số liệu từ 01/01/2024 đến 31/03/2024."
    assert page.preview.page_count() == shown.pages > 1
    assert 0 in page.preview.rendered_pages()
    assert not page.preview.page_pixmap(0).isNull()
    assert "01/BC-CAP" in page.action_panel.next_number.text()
    assert "15/05/2024" in page.action_panel.next_number.text()
    assert page.action_panel.issue_button.isEnabled()
    assert not page.stale.isVisible()


def test_new_choices_mark_the_preview_out_of_date_until_it_is_made_again(
    page: ReportsPage,
) -> None:
    form = page.form
    form.kind.setCurrentIndex(form.kind.findData(PeriodKind.YEAR))
    assert page.stale.isVisible()
    assert not page.action_panel.issue_button.isEnabled()
    assert form.period_text.text() == "Số liệu từ 01/01/2024 đến 31/12/2024."
    page.action_panel.preview_button.click()
    assert page.preview_shown is not None
    assert page.preview_shown.request.period == Period.year(2024)
    assert not page.stale.isVisible()
    assert page.action_panel.issue_button.isEnabled()
    form.proposals.setPlainText("Đề nghị Công an quận hỗ trợ thêm 10 camera cho tổ tự quản.")
    assert page.stale.isVisible()
    assert not page.action_panel.issue_button.isEnabled()


def test_a_new_kind_of_period_keeps_the_dates_chosen(page: ReportsPage) -> None:
    form = page.form
    form.kind.setCurrentIndex(form.kind.findData(PeriodKind.MONTH))
    assert form.period() == Period.month(2024, 1)
    form.part.setCurrentIndex(5)  # June
    form.kind.setCurrentIndex(form.kind.findData(PeriodKind.HALF_YEAR))
    assert form.period() == Period.half_year(2024, 1)
    form.kind.setCurrentIndex(form.kind.findData(PeriodKind.CUSTOM))
    assert form.date_from.isVisible()
    assert not form.part.isVisible()
    assert form.period() == Period.half_year(2024, 1)


def test_incomplete_dates_are_said_under_the_field_and_nothing_runs(page: ReportsPage) -> None:
    form = page.form
    form.kind.setCurrentIndex(form.kind.findData(PeriodKind.CUSTOM))
    form.date_to.line_edit.setText("31/02/2024")
    before = page.preview_shown
    page.action_panel.preview_button.click()
    error = form.messages.errors["date_to"]
    assert error.isVisible()
    assert "không hợp lệ" in error.text()
    assert page.preview_shown is before


def test_dates_the_wrong_way_round_are_refused_under_the_date(page: ReportsPage) -> None:
    form = page.form
    form.kind.setCurrentIndex(form.kind.findData(PeriodKind.CUSTOM))
    form.date_from.line_edit.setText("31/12/2023")
    form.date_to.line_edit.setText("01/01/2023")
    page.action_panel.preview_button.click()
    assert form.messages.errors["date_to"].isVisible()
    assert not page.action_panel.busy_bar.isVisible()
    assert page.action_panel.preview_button.isEnabled()


def test_the_request_carries_the_proposals_and_the_appendix_choices(page: ReportsPage) -> None:
    form = page.form
    form.proposals.setPlainText("  Tăng cường tuần tra dịp Tết.\nBổ sung kinh phí.  ")
    form.full_ids.setChecked(True)
    request = form.current_request()
    assert request is not None
    assert request.proposals == "Tăng cường tuần tra dịp Tết.\nBổ sung kinh phí."
    assert request.full_citizen_ids
    assert request.include_appendices
    form.appendices.setChecked(False)
    assert not form.full_ids.isEnabled()
    request = form.current_request()
    assert request is not None
    assert not request.include_appendices
    assert not request.full_citizen_ids


def test_a_change_to_the_records_marks_the_preview_out_of_date(
    qtbot: QtBot, sample_workspace: Workspace
) -> None:
    changes = Changes(sample_workspace)
    page = ReportsPage(sample_workspace, changes)
    qtbot.addWidget(page)
    page.show()
    page.load()
    assert page.action_panel.issue_button.isEnabled()
    changes.changed.emit()
    assert page.stale.isVisible()
    assert "Dữ liệu vừa được sửa" in page.stale.text()
    assert not page.action_panel.issue_button.isEnabled()


def test_file_names_say_the_unit_and_period_without_accents(tmp_path: Path) -> None:
    quarterly = ReportRequest(WARD_CODE, Period.quarter(2024, 1))
    assert period_code(quarterly) == "2024-Q1"
    assert period_code(ReportRequest("773", Period.half_year(2023, 2))) == "2023-H2"
    assert period_code(ReportRequest("773", Period.month(2023, 3))) == "2023-03"
    custom = ReportRequest("773", Period.custom(QUARTER_START, QUARTER_START))
    assert period_code(custom) == "20240401-20240401"
    first = suggested_path(tmp_path, quarterly, draft=False)
    assert first.name == "BaoCao_27262_2024-Q1.pdf"
    first.write_bytes(b"%PDF-")
    assert suggested_path(tmp_path, quarterly, draft=False).name == "BaoCao_27262_2024-Q1_2.pdf"
    assert suggested_path(tmp_path, quarterly, draft=True).name == "DuThao_BaoCao_27262_2024-Q1.pdf"


def test_only_the_own_unit_and_those_below_it_are_offered(page: ReportsPage) -> None:
    units = [page.form.unit.itemData(row) for row in range(page.form.unit.count())]
    assert units == [WARD_CODE]  # not the superior district, nor the district's other ward
    choices = UnitChoices(
        [
            UnitView("d", "773", "Quận 4", UnitLevel.DISTRICT, None, ""),
            UnitView("w1", "27262", "Phường 9", UnitLevel.WARD, "d", ""),
            UnitView("w2", "27265", "Phường 8", UnitLevel.WARD, "d", ""),
            UnitView("c", "79", "TP. Hồ Chí Minh", UnitLevel.PROVINCE, None, ""),
        ],
        own_unit_id="d",
    )
    assert own_scope(choices) == [
        (0, "773", "Quận 4"),
        (1, "27262", "Phường 9"),
        (1, "27265", "Phường 8"),
    ]


def test_the_first_period_is_the_last_quarter_that_ended() -> None:
    assert last_ended_quarter(date(2024, 1, 10)) == (2023, 4)
    assert last_ended_quarter(date(2024, 5, 15)) == (2024, 1)
    assert last_ended_quarter(date(2024, 12, 31)) == (2024, 3)


def test_the_form_is_complete_before_the_page_is_shown(
    sample_workspace: Workspace, qtbot: QtBot
) -> None:
    page = ReportsPage(sample_workspace)  # never shown: a later section of the window
    qtbot.addWidget(page)
    form = page.form
    assert form.year_label.isVisibleTo(form)
    assert form.part.isVisibleTo(form)
    assert not form.date_from.isVisibleTo(form)
    form.full_ids.setChecked(True)
    page.load()
    request = form.current_request()
    assert request is not None
    assert request.full_citizen_ids


# --- drafts and issuing --------------------------------------------------------------------------


def test_a_draft_is_saved_unsigned_and_not_registered(
    page: ReportsPage, dialogs: Dialogs, sample_workspace: Workspace
) -> None:
    page.action_panel.draft_button.click()
    assert dialogs.paths_asked[0].endswith("DuThao_BaoCao_27262_2024-Q1.pdf")
    data = dialogs.path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert not verify_pdf(data).signed
    assert page.action_panel.result.isVisible()
    assert "bản dự thảo" in page.action_panel.result_text.text()
    assert list_reports(sample_workspace) == []


def test_issuing_signs_saves_and_registers_the_report(
    page: ReportsPage, dialogs: Dialogs, signing: Path, sample_workspace: Workspace
) -> None:
    page.action_panel.issue_button.click()
    assert "số 01/BC-CAP" in dialogs.prompts[0]
    assert signing.name in dialogs.prompts[0]
    verdict = verify_pdf(dialogs.path.read_bytes())
    assert verdict.ok
    assert verdict.signer == "Nguyễn Văn An"
    [issued] = list_reports(sample_workspace)
    assert issued.number_text == "01/BC-CAP"
    assert issued.period_label == "quý I năm 2024"
    assert page.action_panel.result.isVisible()
    assert "Đã phát hành báo cáo số 01/BC-CAP" in page.action_panel.result_text.text()
    assert "đã ký số" in page.preview_info.text()  # the preview now shows the signed file
    assert page.register.model.rowCount() == 1
    # the same preview is not issued twice by a second click
    assert not page.action_panel.issue_button.isEnabled()
    assert "Đã phát hành" in page.action_panel.next_number.text()
    page.action_panel.preview_button.click()
    assert page.action_panel.issue_button.isEnabled()
    assert "02/BC-CAP" in page.action_panel.next_number.text()


def test_a_wrong_password_is_said_and_nothing_is_written(
    page: ReportsPage, dialogs: Dialogs, signing: Path, sample_workspace: Workspace
) -> None:
    dialogs.secret = "sai-mat-khau"
    page.action_panel.issue_button.click()
    assert general_error(page).isVisible()
    assert "không đúng" in general_error(page).text()
    assert not dialogs.path.exists()
    assert list_reports(sample_workspace) == []
    assert page.action_panel.issue_button.isEnabled()  # type it again


def test_cancelling_the_password_signs_nothing(
    page: ReportsPage, dialogs: Dialogs, signing: Path, sample_workspace: Workspace
) -> None:
    dialogs.secret = None
    page.action_panel.issue_button.click()
    assert not dialogs.path.exists()
    assert list_reports(sample_workspace) == []
    assert not general_error(page).isVisible()


def test_without_signing_settings_the_page_says_where_to_set_them(
    page: ReportsPage, dialogs: Dialogs
) -> None:
    page.action_panel.issue_button.click()
    assert "Chưa cài đặt chữ ký số" in general_error(page).text()
    assert dialogs.paths_asked == []
    assert dialogs.prompts == []


def test_an_existing_file_is_refused_before_the_password_is_asked(
    page: ReportsPage, dialogs: Dialogs, signing: Path
) -> None:
    dialogs.path.write_bytes(b"a report issued earlier")
    page.action_panel.issue_button.click()
    assert "không ghi đè" in general_error(page).text()
    assert dialogs.prompts == []
    assert dialogs.path.read_bytes() == b"a report issued earlier"


def test_data_changed_since_the_preview_is_not_signed_but_shown_again(
    page: ReportsPage, dialogs: Dialogs, signing: Path, sample_workspace: Workspace
) -> None:
    before = page.preview_shown
    assert before is not None
    ward = get_unit_by_code(sample_workspace, WARD_CODE)
    create_program(
        sample_workspace,
        ProgramInput(ward.id, "Camera phố Đoàn Văn Bơ", ProgramKind.CAMERA_SURVEILLANCE),
    )
    page.action_panel.issue_button.click()
    assert not dialogs.path.exists()
    assert list_reports(sample_workspace) == []
    assert "Chưa ký: số liệu đã thay đổi" in general_error(page).text()
    after = page.preview_shown
    assert after is not None
    assert after is not before
    assert after.content.fingerprint != before.content.fingerprint
    assert page.action_panel.issue_button.isEnabled()
    page.action_panel.issue_button.click()
    assert verify_pdf(dialogs.path.read_bytes()).ok


# --- roles ---------------------------------------------------------------------------------------


def test_an_officer_makes_previews_and_drafts_but_does_not_sign(
    qtbot: QtBot, sample_workspace: Workspace, dialogs: Dialogs
) -> None:
    sample_workspace.act_as("canbo", UserRole.OFFICER)
    page = ReportsPage(sample_workspace)
    qtbot.addWidget(page)
    page.show()
    page.load()
    assert page.preview_shown is not None
    assert not page.action_panel.issue_button.isVisible()
    assert page.action_panel.issue_note.isVisible()
    assert "không được ký báo cáo" in page.action_panel.issue_note.text()
    page.action_panel.draft_button.click()
    assert dialogs.path.exists()


def test_a_viewer_sees_the_register_and_no_report_making(
    qtbot: QtBot, sample_workspace: Workspace
) -> None:
    sample_workspace.act_as("xem", UserRole.VIEWER)
    page = ReportsPage(sample_workspace)
    qtbot.addWidget(page)
    page.show()
    page.load()
    assert page.tabs.currentWidget() is page.register
    note = page.findChild(QLabel, "no_access")
    assert note is not None
    assert "không được lập báo cáo" in note.text()
    assert page.preview_shown is None
    assert page.register.empty.isVisible()
