"""Sổ báo cáo đã phát hành (the register and checking signed files) and the PDF preview widget."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot
from report_fixtures import (  # noqa: F401 - the fixtures identity, signing, page, dialogs
    Dialogs,
    dialogs_fixture,
    identity_fixture,
    page_fixture,
    signing_fixture,
)
from reportlab.pdfgen.canvas import Canvas

from antq_desktop.services.report_register import IssuedReportView
from antq_desktop.services.report_settings import ReportSettings, save_report_settings
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.pdf_preview import PdfPreview
from antq_desktop.ui.report_register_panel import RegisterModel
from antq_desktop.ui.reports_page import ReportsPage


def issued_view(number: int, path: str = "/tmp/BaoCao.pdf") -> IssuedReportView:
    return IssuedReportView(
        id=f"id-{number}",
        year=2024,
        number=number,
        number_text=f"{number:02d}/BC-CAP",
        issued_at=datetime(2024, 5, 15, 3, 0, tzinfo=UTC),
        issued_on=date(2024, 5, 15),
        date_from=date(2024, 1, 1),
        date_to=date(2024, 3, 31),
        period_label="quý I năm 2024",
        unit_code="27262",
        unit_name="Phường 9",
        subject="Kết quả thực hiện phong trào …",
        signer="Nguyễn Văn An",
        signature_level="PAdES B-B",
        sha256="ab" * 32,
        data_fingerprint="cd" * 32,
        file_path=path,
        size_bytes=120_000,
        pages=5,
        issued_by="admin",
    )


def test_the_register_model_is_a_well_behaved_model(qtmodeltester: object) -> None:
    model = RegisterModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_reports([issued_view(2), issued_view(1)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    assert model.index(0, RegisterModel.NUMBER).data() == "02/BC-CAP"
    assert model.index(0, RegisterModel.ISSUED_ON).data() == "15/05/2024"
    assert model.index(1, RegisterModel.FILE).data() == "BaoCao.pdf"
    assert model.index(1, RegisterModel.REPORT_ROLE - RegisterModel.REPORT_ROLE).isValid()
    report = model.index(1, 0).data(RegisterModel.REPORT_ROLE)
    assert report.number == 1


def test_the_period_is_named_in_the_interface_language(qapp: QCoreApplication) -> None:
    """The register keeps the Vietnamese name as printed; the list names the period in the
    language of the window."""
    model = RegisterModel()
    model.set_reports([issued_view(1)])
    assert model.index(0, RegisterModel.PERIOD).data() == "quý I năm 2024"
    i18n.install(qapp, "en")
    assert model.index(0, RegisterModel.PERIOD).data() == "Q1 2024"


@pytest.fixture
def issued(page: ReportsPage, dialogs: Dialogs, signing: Path) -> Path:
    """The page has issued the report of the first quarter; its file."""
    page.action_panel.issue_button.click()
    assert dialogs.path.exists()
    page.tabs.setCurrentWidget(page.register)
    return dialogs.path


def test_an_issued_file_checks_as_registered_intact_and_trusted(
    page: ReportsPage, issued: Path
) -> None:
    register = page.register
    assert register.selected() is not None
    register.check_button.click()
    verdict = register.verdict
    assert verdict.isVisible()
    assert verdict.headline.text().startswith("Tệp đáng tin")
    assert verdict.values["signer"].text() == "Nguyễn Văn An"
    assert verdict.values["intact"].text() == "có"
    assert verdict.values["updates"].text() == "không"
    assert verdict.values["register"].text().startswith("báo cáo số 01/BC-CAP ngày 15/05/2024")
    assert not verdict.problems.isVisible()


def test_a_changed_file_is_told_apart_from_the_one_issued(page: ReportsPage, issued: Path) -> None:
    data = bytearray(issued.read_bytes())
    middle = len(data) // 3
    data[middle] = (data[middle] + 1) % 256
    issued.write_bytes(bytes(data))
    page.register.check_button.click()
    verdict = page.register.verdict
    assert verdict.headline.text().startswith("Không dùng được tệp này")
    assert "KHÁC tệp báo cáo số 01/BC-CAP" in verdict.values["register"].text()
    assert verdict.problems.isVisible()


def test_a_certificate_not_trusted_is_said_beside_a_sound_file(
    page: ReportsPage, issued: Path, sample_workspace: Workspace, signing: Path
) -> None:
    save_report_settings(sample_workspace, ReportSettings(p12_path=str(signing)))
    page.register.check_button.click()
    verdict = page.register.verdict
    assert "chưa có trong danh sách tin cậy" in verdict.headline.text()
    assert verdict.values["trusted"].text() == "không"
    assert "Nguyễn Văn An" in verdict.problems.text()


def test_another_pdf_is_checked_against_the_register(
    page: ReportsPage, dialogs: Dialogs, tmp_path: Path
) -> None:
    page.action_panel.draft_button.click()  # a draft: a PDF without a signature
    dialogs.open_path = dialogs.path
    page.register.check_other_button.click()
    verdict = page.register.verdict
    assert verdict.headline.text() == "Tệp không có chữ ký số hợp lệ."
    assert "không có trong sổ" in verdict.values["register"].text()
    assert "không có chữ ký số" in verdict.problems.text()


def test_a_missing_file_is_said_when_opened_or_checked(
    page: ReportsPage, issued: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    register = page.register
    register.open_button.click()
    register.folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(issued), str(issued.parent)]
    issued.unlink()
    register.open_button.click()
    assert len(opened) == 2
    assert "Không thấy tệp" in register.error.text()
    register.check_button.click()
    assert register.error.isVisible()
    assert "Không thấy tệp" in register.error.text()
    assert not register.verdict.isVisible()


def test_the_result_of_issuing_opens_the_file(
    page: ReportsPage, issued: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page.action_panel.open_result.click()
    page.action_panel.open_folder.click()
    assert opened == [str(issued), str(issued.parent)]


# --- the preview widget --------------------------------------------------------------------------


def long_pdf(pages: int) -> bytes:
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(595.28, 841.89))
    for number in range(1, pages + 1):
        canvas.drawString(72, 760, f"Page {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_only_the_pages_in_view_are_rendered(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 600)
    preview.show()
    preview.set_pdf(long_pdf(40))
    preview.render_visible()
    assert preview.page_count() == 40
    assert 0 in preview.rendered_pages()
    assert len(preview.rendered_pages()) <= 4
    assert preview.page_label.text() == "Trang 1/40"
    bar = preview.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    preview.render_visible()
    assert 39 in preview.rendered_pages()
    assert 0 not in preview.rendered_pages()
    assert preview.page_label.text().endswith("/40")


def test_the_zoom_sets_the_page_size(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 600)
    preview.show()
    preview.set_pdf(long_pdf(2))
    preview.zoom.setCurrentIndex(preview.zoom.findData(100))
    preview.render_visible()
    label = preview.findChild(type(preview.page_label), "preview.page1")
    assert label is not None
    assert label.width() == round(595.28 * preview.logicalDpiX() / 72)
    assert preview.page_pixmap(0).width() >= label.width() - 1
    preview.show_message("Chưa có báo cáo")
    assert preview.page_count() == 0
    assert preview.placeholder.isVisible()
