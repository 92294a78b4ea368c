"""First-run dialog: refusals show in Vietnamese under their field; good input makes the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyboard import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services.units import check_new_unit, list_units
from antq_desktop.services.workspace import NewUnit
from antq_desktop.ui.create_dialog import CreateWorkspaceDialog

PASSWORD = "mat-khau-quan-tri"


@pytest.fixture
def dialog(qtbot: QtBot, tmp_db_path: Path) -> CreateWorkspaceDialog:
    widget = CreateWorkspaceDialog(tmp_db_path)
    for field in ("password", "password_again"):  # the administrator's, tested on their own
        widget.editor(field).setText(PASSWORD)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def fill(qtbot: QtBot, dialog: CreateWorkspaceDialog, **values: str) -> None:
    for field, text in values.items():
        type_text(qtbot, dialog.editor(field), text)


def refusals(unit: NewUnit) -> dict[str, str]:
    """What the service says about `unit`, field by field, in Vietnamese."""
    with pytest.raises(ValidationFailed) as refused:
        check_new_unit(unit)
    return {error.field: error.render("vi") for error in refused.value.errors}


def click_create(qtbot: QtBot, dialog: CreateWorkspaceDialog) -> None:
    assert dialog.ok_button.text() == "Tạo sổ"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_a_code_with_letters_is_refused_under_the_code_field(
    qtbot: QtBot, dialog: CreateWorkspaceDialog, tmp_db_path: Path
) -> None:
    fill(qtbot, dialog, name="Phường 9", code="27a62")
    click_create(qtbot, dialog)
    error = dialog.error_label("code")
    assert error.isVisible()
    assert error.text() == refusals(NewUnit("Phường 9", "27a62", UnitLevel.WARD))["code"]
    assert "chữ số" in error.text()  # Vietnamese, whatever the exact wording becomes
    assert not dialog.error_label("name").isVisible()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.workspace is None
    assert not tmp_db_path.exists()
    assert dialog.editor("code").hasFocus()


def test_empty_name_and_half_a_superior_unit_are_each_explained(
    qtbot: QtBot, dialog: CreateWorkspaceDialog, tmp_db_path: Path
) -> None:
    fill(qtbot, dialog, code="27262", superior_code="773")
    click_create(qtbot, dialog)
    expected = refusals(NewUnit("", "27262", UnitLevel.WARD))["name"]
    assert dialog.error_label("name").text() == expected
    assert dialog.error_label("superior_name").text() == expected
    assert "Tên đơn vị" in expected
    assert not dialog.error_label("code").isVisible()
    assert not tmp_db_path.exists()


def test_a_corrected_form_creates_the_record_book(
    qtbot: QtBot, dialog: CreateWorkspaceDialog, tmp_db_path: Path
) -> None:
    fill(qtbot, dialog, name="Phường 9", code="27a62")
    click_create(qtbot, dialog)
    assert dialog.error_label("code").isVisible()
    dialog.editor("code").clear()
    fill(
        qtbot,
        dialog,
        code="27262",
        superior_name="Quận 4",
        superior_code="773",
        officer_name="Nguyễn Văn An",
        officer_title="Phó Trưởng Công an phường",
    )
    click_create(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.error_label("code").isVisible()
    assert tmp_db_path.is_file()
    workspace = dialog.workspace
    assert workspace is not None
    try:
        units = list_units(workspace)
        assert [(unit.code, unit.name, unit.level) for unit in units] == [
            ("773", "Quận 4", UnitLevel.DISTRICT),
            ("27262", "Phường 9", UnitLevel.WARD),
        ]
        assert units[1].parent_id == units[0].id
    finally:
        workspace.close()


def test_the_level_lists_offer_the_configurable_superior(dialog: CreateWorkspaceDialog) -> None:
    own = [dialog.level.itemText(index) for index in range(dialog.level.count())]
    superior = [
        dialog.superior_level.itemText(index) for index in range(dialog.superior_level.count())
    ]
    assert own == ["Phường/xã", "Quận/huyện", "Tỉnh/thành phố"]
    assert superior == ["Quận/huyện", "Tỉnh/thành phố", "Trung ương"]


def test_an_existing_file_is_never_overwritten(
    qtbot: QtBot, dialog: CreateWorkspaceDialog, tmp_db_path: Path
) -> None:
    tmp_db_path.write_bytes(b"not mine")
    fill(qtbot, dialog, name="Phường 9", code="27262")
    click_create(qtbot, dialog)
    assert dialog.general_error.isVisible()
    assert "đã có" in dialog.general_error.text()
    assert tmp_db_path.read_bytes() == b"not mine"
    assert dialog.workspace is None


def test_quit_closes_without_creating_anything(
    qtbot: QtBot, dialog: CreateWorkspaceDialog, tmp_db_path: Path
) -> None:
    fill(qtbot, dialog, name="Phường 9", code="27262")
    quit_button = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert quit_button.text() == "Thoát"
    qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not tmp_db_path.exists()


def test_the_administrator_account_is_made_with_the_book_and_the_file_is_encrypted(
    qtbot: QtBot, dialog: CreateWorkspaceDialog, tmp_db_path: Path
) -> None:
    dialog.editor("password_again").setText("something-else")
    fill(qtbot, dialog, name="Phuong 9", code="27262")
    click_create(qtbot, dialog)
    assert dialog.error_label("password_again").isVisible()
    assert "không khớp" in dialog.error_label("password_again").text()
    assert not tmp_db_path.exists()
    dialog.editor("password").setText("short")
    dialog.editor("password_again").setText("short")
    click_create(qtbot, dialog)
    assert "ít nhất 8" in dialog.error_label("password").text()
    assert not tmp_db_path.exists()
    dialog.editor("password").setText(PASSWORD)
    dialog.editor("password_again").setText(PASSWORD)
    click_create(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.workspace is not None)
    assert dialog.workspace is not None
    assert dialog.workspace.encrypted
    assert dialog.workspace.user == "admin"
    dialog.workspace.close()
    assert not tmp_db_path.read_bytes().startswith(b"SQLite format 3")
