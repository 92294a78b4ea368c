"""Báo cáo và chữ ký số on the settings page: header strings, signing method, a personal signing
identity, trusted certificates, and what a role without the right to change settings sees."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from antq_desktop.domain.enums import UserRole
from antq_desktop.reports.identity import create_identity
from antq_desktop.services.permissions import ROLE_PERMISSIONS, Permission
from antq_desktop.services.report_settings import (
    METHOD_P12,
    METHOD_PKCS11,
    header_defaults,
    read_report_settings,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import identity_dialog, signing_settings, trusted_certificates
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.report_settings_panel import ReportSettingsPanel
from antq_desktop.ui.settings_page import SettingsPage

PASSPHRASE = "mat-khau-ky-so"
FINGERPRINT_LINE = re.compile(r"^([0-9A-F]{4} ){7}[0-9A-F]{4}$", re.MULTILINE)


@pytest.fixture(autouse=True)
def documents_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Suggested file names point into the test's folder, never the user's Documents."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(identity_dialog, "documents_folder", lambda: documents)
    monkeypatch.setattr(signing_settings, "documents_folder", lambda: documents)
    monkeypatch.setattr(trusted_certificates, "documents_folder", lambda: documents)
    return documents


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A .p12 of "Nguyễn Văn An" and its certificate as PEM (one key for the module: RSA 3072
    takes a while)."""
    folder = tmp_path_factory.mktemp("identity")
    p12 = folder / "an.p12"
    pem = create_identity(p12, "Nguyễn Văn An", "Công an Phường 9", PASSPHRASE)
    certificate = folder / "chung-thu-an.pem"
    certificate.write_bytes(pem)
    return p12, certificate


def open_panel(qtbot: QtBot, workspace: Workspace) -> ReportSettingsPanel:
    panel = ReportSettingsPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    panel.load()
    return panel


@pytest.fixture
def panel(qtbot: QtBot, sample_workspace: Workspace) -> ReportSettingsPanel:
    return open_panel(qtbot, sample_workspace)


def set_text(panel: ReportSettingsPanel, key: str, text: str) -> None:
    editor = panel.editor(key)
    if isinstance(editor, QPlainTextEdit):
        editor.setPlainText(text)
    else:
        editor.setText(text)


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def answer_passphrase(monkeypatch: pytest.MonkeyPatch, passphrase: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (passphrase, True))


# --- the header strings -------------------------------------------------------------------------


def test_header_strings_are_saved_and_read_back(
    panel: ReportSettingsPanel, sample_workspace: Workspace, qtbot: QtBot
) -> None:
    set_text(panel, "parent_body", "CÔNG AN THÀNH PHỐ HỒ CHÍ MINH")
    set_text(panel, "issuing_body", "CÔNG AN PHƯỜNG BẾN THÀNH")
    set_text(panel, "number_suffix", "cap-bt")
    set_text(panel, "signer_title", "KT. TRƯỞNG CÔNG AN PHƯỜNG\nPHÓ TRƯỞNG CÔNG AN PHƯỜNG\n")
    set_text(panel, "signer_name", "Trần Văn Bình")
    set_text(panel, "recipients", "Công an Thành phố\n\nĐảng ủy phường\nLưu: VT, CAP.")
    panel.save_button.click()

    stored = read_report_settings(sample_workspace)
    assert stored.parent_body == "CÔNG AN THÀNH PHỐ HỒ CHÍ MINH"
    assert stored.issuing_body == "CÔNG AN PHƯỜNG BẾN THÀNH"
    assert stored.number_suffix == "CAP-BT"
    assert stored.signer_title == "KT. TRƯỞNG CÔNG AN PHƯỜNG\nPHÓ TRƯỞNG CÔNG AN PHƯỜNG"
    assert stored.signer_name == "Trần Văn Bình"
    assert stored.recipients == "Công an Thành phố\nĐảng ủy phường\nLưu: VT, CAP."
    assert panel.text("number_suffix") == "CAP-BT"  # shown as stored
    assert panel.state.text() == "Đã lưu cài đặt báo cáo."

    again = open_panel(qtbot, sample_workspace)
    assert again.text("issuing_body") == "CÔNG AN PHƯỜNG BẾN THÀNH"
    assert again.text("recipients") == "Công an Thành phố\nĐảng ủy phường\nLưu: VT, CAP."


def test_an_invalid_suffix_is_shown_under_its_field_and_nothing_is_saved(
    panel: ReportSettingsPanel, sample_workspace: Workspace
) -> None:
    set_text(panel, "parent_body", "CÔNG AN THÀNH PHỐ HỒ CHÍ MINH")
    set_text(panel, "number_suffix", "BC/CẤP")
    panel.save_button.click()

    error = panel.error_label("number_suffix")
    assert error.isVisible()
    assert "Ký hiệu" in error.text()
    assert "BC/CẤP" in error.text()
    assert not panel.error_label("parent_body").isVisible()
    assert read_report_settings(sample_workspace).parent_body == ""
    assert read_report_settings(sample_workspace).number_suffix == ""
    assert panel.state.text() == ""

    set_text(panel, "number_suffix", "CAP")
    panel.save_button.click()
    assert not error.isVisible()
    assert read_report_settings(sample_workspace).number_suffix == "CAP"


def test_blank_fields_show_what_will_be_printed(
    panel: ReportSettingsPanel, sample_workspace: Workspace
) -> None:
    defaults = header_defaults(sample_workspace)
    assert panel.editor("parent_body").placeholderText() == "CÔNG AN QUẬN 4"
    assert panel.editor("issuing_body").placeholderText() == "CÔNG AN PHƯỜNG 9"
    assert panel.editor("number_suffix").placeholderText() == "CAP"
    assert panel.editor("signer_title").placeholderText() == "\n".join(defaults.signer_title)
    assert panel.editor("signer_name").placeholderText() == "Nguyễn Văn An"
    assert panel.editor("recipients").placeholderText() == "Công an Quận 4\nLưu: VT."


def test_placeholders_follow_the_unit_renamed_on_the_settings_page(
    qtbot: QtBot, sample_workspace: Workspace
) -> None:
    page = SettingsPage(sample_workspace, Changes(sample_workspace))
    qtbot.addWidget(page)
    page.show()
    page.load()
    panel = page.report_settings
    assert panel.editor("issuing_body").placeholderText() == "CÔNG AN PHƯỜNG 9"
    page.editor("name").setText("Phường Khánh Hội")
    page.save()
    assert panel.editor("issuing_body").placeholderText() == "CÔNG AN PHƯỜNG KHÁNH HỘI"


# --- who may change ------------------------------------------------------------------------------


def test_an_officer_sees_the_settings_but_cannot_change_them(
    qtbot: QtBot, sample_workspace: Workspace
) -> None:
    assert Permission.CHANGE_SETTINGS not in ROLE_PERMISSIONS[UserRole.OFFICER]
    assert Permission.SIGN_REPORT not in ROLE_PERMISSIONS[UserRole.OFFICER]
    sample_workspace.act_as("canbo", UserRole.OFFICER)
    panel = open_panel(qtbot, sample_workspace)

    assert panel.read_only_note.isVisible()
    assert "không có quyền thay đổi cài đặt" in panel.read_only_note.text()
    for key in ("parent_body", "signer_title", "p12_path", "pkcs11_library"):
        editor = panel.editor(key)
        assert isinstance(editor, QLineEdit | QPlainTextEdit)
        assert editor.isReadOnly()
    assert not panel.method_pkcs11.isEnabled()
    for button in (
        panel.save_button,
        panel.add_trusted_button,
        panel.remove_trusted_button,
        panel.create_button,
    ):
        assert not button.isVisible()
    assert panel.editor("issuing_body").placeholderText() == "CÔNG AN PHƯỜNG 9"


def test_a_leader_may_make_an_identity_but_not_change_the_settings(
    qtbot: QtBot, sample_workspace: Workspace
) -> None:
    sample_workspace.act_as("lanhdao", UserRole.LEADER)
    panel = open_panel(qtbot, sample_workspace)
    assert panel.create_button.isVisible()
    assert not panel.save_button.isVisible()
    assert panel.read_only_note.isVisible()


# --- the signing method --------------------------------------------------------------------------


def test_the_usb_token_settings_are_saved(
    panel: ReportSettingsPanel, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert panel.editor("p12_path").isVisible()
    assert not panel.editor("pkcs11_library").isVisible()
    panel.method_pkcs11.click()
    assert not panel.editor("p12_path").isVisible()
    assert panel.editor("pkcs11_library").isVisible()
    library = r"C:\Windows\System32\vnpt-ca_v34.dll"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (library, ""))
    panel.findChild(type(panel.save_button), "report.choose_library").click()
    set_text(panel, "pkcs11_token", "VNPT-CA")
    set_text(panel, "pkcs11_key", "Nguyen Van An")
    panel.save_button.click()

    stored = read_report_settings(sample_workspace)
    assert stored.signing_method == METHOD_PKCS11
    assert stored.pkcs11_library == library
    assert (stored.pkcs11_token, stored.pkcs11_key) == ("VNPT-CA", "Nguyen Van An")


# --- a personal signing identity ----------------------------------------------------------------


def test_make_an_identity_then_the_panel_signs_with_it_and_the_certificate_is_exported(
    panel: ReportSettingsPanel,
    sample_workspace: Workspace,
    tmp_path: Path,
    documents_in_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel.method_pkcs11.click()  # making an identity switches back to the file
    panel.method_p12.click()
    panel.create_button.click()
    dialog = panel.identity_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.full_name.text() == "Nguyễn Văn An"
    assert dialog.unit_name.text() == "Công an Phường 9"
    assert dialog.path.text() == str(documents_in_tmp / "chu-ky-nguyen-van-an.p12")
    chosen = tmp_path / "keys" / "chu-ky-an"  # the suffix is added
    chosen.parent.mkdir()
    answer_save_dialog(monkeypatch, chosen)
    dialog.findChild(type(panel.save_button), "choose_path").click()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.passphrase_again.setText(PASSPHRASE)
    dialog.create_button.click()

    made = tmp_path / "keys" / "chu-ky-an.p12"
    assert made.is_file()
    assert panel.text("p12_path") == str(made)
    stored = read_report_settings(sample_workspace)
    assert (stored.p12_path, stored.signing_method) == (str(made), METHOD_P12)
    assert "Nguyễn Văn An — Công an Phường 9" in dialog.summary.text()
    assert len(FINGERPRINT_LINE.findall(dialog.summary.text())) == 2  # 16 groups in two lines
    assert "Nguyễn Văn An" in panel.p12_summary.text()
    assert str(made) in panel.p12_message.text()

    exported = tmp_path / "gui-cap-tren.pem"
    answer_save_dialog(monkeypatch, exported)
    dialog.export_button.click()
    assert exported.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert str(exported) in dialog.export_state.text()
    dialog.accept()
    assert dialog.passphrase.text() == ""  # forgotten when the dialog closes


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("ngan", "ngan", "ít nhất 8 ký tự"),
        ("mat-khau-mot", "mat-khau-hai", "không khớp"),
    ],
)
def test_a_short_or_mismatched_passphrase_is_refused_and_no_file_made(
    panel: ReportSettingsPanel,
    sample_workspace: Workspace,
    tmp_path: Path,
    first: str,
    second: str,
    expected: str,
) -> None:
    panel.create_button.click()
    dialog = panel.identity_dialog
    assert dialog is not None
    target = tmp_path / "chu-ky.p12"
    dialog.path.setText(str(target))
    dialog.passphrase.setText(first)
    dialog.passphrase_again.setText(second)
    dialog.create_button.click()

    assert dialog.error.isVisible()
    assert expected in dialog.error.text()
    assert not target.exists()
    assert dialog.isVisible()
    assert dialog.pages.currentIndex() == 0
    assert read_report_settings(sample_workspace).p12_path == ""
    dialog.reject()


def test_an_existing_file_is_never_overwritten(panel: ReportSettingsPanel, tmp_path: Path) -> None:
    existing = tmp_path / "cu.p12"
    existing.write_bytes(b"old identity")
    panel.create_button.click()
    dialog = panel.identity_dialog
    assert dialog is not None
    dialog.path.setText(str(existing))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.passphrase_again.setText(PASSPHRASE)
    dialog.create_button.click()
    assert "không ghi đè" in dialog.error.text()
    assert existing.read_bytes() == b"old identity"
    dialog.reject()


def test_view_the_configured_certificate_with_its_passphrase(
    panel: ReportSettingsPanel,
    identity: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p12, _ = identity
    set_text(panel, "p12_path", str(p12))
    answer_passphrase(monkeypatch, "sai-mat-khau")
    panel.view_button.click()
    assert panel.p12_message.isVisible()
    assert "không đúng" in panel.p12_message.text()

    answer_passphrase(monkeypatch, PASSPHRASE)
    panel.view_button.click()
    assert not panel.p12_message.isVisible()
    assert "Chủ thể: Nguyễn Văn An — Công an Phường 9" in panel.p12_summary.text()
    assert "tự ký" in panel.p12_summary.text()


def test_export_the_configured_certificate(
    panel: ReportSettingsPanel,
    identity: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p12, certificate = identity
    set_text(panel, "p12_path", str(p12))
    out = tmp_path / "chung-thu.pem"
    answer_passphrase(monkeypatch, PASSPHRASE)
    answer_save_dialog(monkeypatch, out)
    panel.export_button.click()
    assert out.read_bytes() == certificate.read_bytes()
    assert str(out) in panel.p12_message.text()


def test_no_certificate_file_chosen_yet(
    panel: ReportSettingsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a) or ("", False))
    panel.view_button.click()
    assert "Chưa chọn tệp chứng thư số" in panel.p12_message.text()
    assert asked == []


# --- trusted certificates -----------------------------------------------------------------------


def test_add_a_trusted_certificate_then_remove_it(
    panel: ReportSettingsPanel,
    sample_workspace: Workspace,
    identity: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, certificate = identity
    assert panel.trusted_empty.isVisible()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(certificate)], ""))
    panel.add_trusted_button.click()

    assert panel.trusted_list.count() == 1
    text = panel.trusted_list.item(0).text()
    assert "Nguyễn Văn An — Công an Phường 9" in text
    assert re.search(r"SHA-256: ([0-9A-F]{4} ){15}[0-9A-F]{4}", text)
    assert "Hiệu lực đến" in text
    assert read_report_settings(sample_workspace).trusted_certificates == str(certificate)
    assert "Đã thêm chung-thu-an.pem" in panel.trusted_state.text()

    panel.add_trusted_button.click()  # the same file again
    assert panel.trusted_list.count() == 1
    assert "đã có trong danh sách" in panel.trusted_state.text()

    panel.trusted_list.item(0).setSelected(True)
    panel.remove_trusted_button.click()
    assert panel.trusted_list.count() == 0
    assert read_report_settings(sample_workspace).trusted_certificates == ""


def test_a_garbage_file_is_refused_with_a_message(
    panel: ReportSettingsPanel,
    sample_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    garbage = tmp_path / "khong-phai.pem"
    garbage.write_bytes(b"-----BEGIN CERTIFICATE-----\nxin chao\n-----END CERTIFICATE-----\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(garbage)], ""))
    panel.add_trusted_button.click()

    assert panel.trusted_list.count() == 0
    assert panel.trusted_refused.isVisible()
    assert "khong-phai.pem" in panel.trusted_refused.text()
    assert "chứng thư" in panel.trusted_refused.text()
    assert read_report_settings(sample_workspace).trusted_certificates == ""


def test_a_trusted_file_that_went_missing_is_listed_with_the_reason(
    qtbot: QtBot,
    sample_workspace: Workspace,
    identity: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    from antq_desktop.services.report_settings import ReportSettings, save_report_settings

    _, certificate = identity
    missing = tmp_path / "da-xoa.pem"
    save_report_settings(
        sample_workspace, ReportSettings(trusted_certificates=f"{certificate}\n{missing}")
    )
    panel = open_panel(qtbot, sample_workspace)
    assert panel.trusted_list.count() == 2
    assert "Nguyễn Văn An" in panel.trusted_list.item(0).text()
    assert "da-xoa.pem" in panel.trusted_list.item(1).text()
    assert panel.trusted_list.item(1).text().count("\n") >= 1  # the reason under the name
