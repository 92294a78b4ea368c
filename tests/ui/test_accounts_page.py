"""Tài khoản: the administrator adds, edits, disables, resets and unlocks accounts; refusals
from the services are shown where the person looks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from antq_desktop.domain.enums import UnitLevel, UserRole
from antq_desktop.services import accounts
from antq_desktop.services.accounts import AccountError, NewAccount
from antq_desktop.services.workspace import NewUnit, Workspace
from antq_desktop.ui import worker
from antq_desktop.ui.accounts_page import (
    AccountsPage,
    EditAccountDialog,
    NewAccountDialog,
    PasswordDialog,
)
from antq_desktop.ui.changes import Changes

WARD = NewUnit("Phường 9", "27262", UnitLevel.WARD)
ADMIN_PASSWORD = "mat-khau-quan-tri"
OFFICER_PASSWORD = "canbo-12345"


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[Workspace]:
    """A new protected record book, signed in as its administrator."""
    workspace = accounts.create_protected(
        tmp_path / "ward.antqdb", WARD, NewAccount("admin", ADMIN_PASSWORD, "Nguyễn Quản Trị")
    )
    yield workspace
    worker.wait_for_all()
    workspace.close()


@pytest.fixture
def page(qtbot: QtBot, admin: Workspace) -> AccountsPage:
    page = AccountsPage(admin, Changes(admin))
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    page.load()
    return page


def add_officer(admin: Workspace, page: AccountsPage) -> None:
    accounts.add_account(
        admin, NewAccount("canbo", OFFICER_PASSWORD, "Lê Văn Cán", UserRole.OFFICER)
    )
    page.load()
    page.select("canbo")


def cells(page: AccountsPage, username: str) -> list[str]:
    for row in range(page.table.rowCount()):
        if page.table.item(row, 0).text() == username:
            return [page.table.item(row, c).text() for c in range(page.table.columnCount())]
    raise AssertionError(f"no row for {username}")


def sign_in(admin: Workspace, username: str, password: str) -> Workspace:
    return accounts.sign_in(admin.path, username, password, verify=False)


def test_lists_the_accounts(page: AccountsPage) -> None:
    assert page.table.rowCount() == 1
    row = cells(page, "admin")
    assert row[:4] == ["admin", "Nguyễn Quản Trị", "Quản trị viên", "Đang dùng"]
    assert row[4] == ""  # not locked
    assert not page.edit_button.isEnabled()  # nothing chosen yet
    page.select("admin")
    assert page.edit_button.isEnabled()
    assert page.password_button.isEnabled()
    assert not page.unlock_button.isEnabled()  # not locked


def test_add_an_officer_who_can_then_sign_in(
    qtbot: QtBot, page: AccountsPage, admin: Workspace
) -> None:
    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, NewAccountDialog)
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.username, "canbo")
    dialog.full_name.setText("Lê Văn Cán")  # QTest types ASCII only
    dialog.role.set_value(UserRole.OFFICER)
    qtbot.keyClicks(dialog.password, OFFICER_PASSWORD)
    qtbot.keyClicks(dialog.password_again, OFFICER_PASSWORD)
    dialog.save()
    assert not dialog.isVisible()
    assert cells(page, "canbo")[:4] == ["canbo", "Lê Văn Cán", "Cán bộ nhập liệu", "Đang dùng"]
    assert page.current_username() == "canbo"
    assert page.status.text() == "Đã thêm tài khoản canbo."
    officer = sign_in(admin, "canbo", OFFICER_PASSWORD)
    try:
        assert officer.role is UserRole.OFFICER
    finally:
        officer.close()


def test_mismatched_or_short_passwords_are_refused_under_the_field(
    qtbot: QtBot, page: AccountsPage, admin: Workspace
) -> None:
    page.add_account()
    dialog = page.dialog
    assert isinstance(dialog, NewAccountDialog)
    qtbot.keyClicks(dialog.username, "canbo")
    qtbot.keyClicks(dialog.password, OFFICER_PASSWORD)
    qtbot.keyClicks(dialog.password_again, "canbo-54321")
    dialog.save()
    assert dialog.isVisible()
    mismatch = dialog.error_label("password_again")
    assert mismatch.isVisible()
    assert mismatch.text() == accounts.PASSWORD_MISMATCH().render("vi")
    assert "không khớp" in mismatch.text()

    dialog.password.setText("ngan")
    dialog.password_again.setText("ngan")
    dialog.save()
    assert dialog.isVisible()
    assert "ít nhất 8 ký tự" in dialog.error_label("password").text()
    assert not dialog.error_label("password_again").isVisible()

    dialog.username.setText("admin")  # taken: the service's answer, under the user name
    dialog.password.setText(OFFICER_PASSWORD)
    dialog.password_again.setText(OFFICER_PASSWORD)
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error_label("username").text() == accounts.USERNAME_TAKEN(user="admin").render(
        "vi"
    )
    assert [view.username for view in accounts.list_accounts(admin)] == ["admin"]
    dialog.mark_clean()
    dialog.reject()
    assert not dialog.isVisible()


def test_disable_an_account(page: AccountsPage, admin: Workspace) -> None:
    add_officer(admin, page)
    page.edit_button.click()
    dialog = page.dialog
    assert isinstance(dialog, EditAccountDialog)
    assert dialog.full_name.text() == "Lê Văn Cán"
    assert dialog.active.isChecked()
    dialog.active.setChecked(False)
    dialog.save()
    assert not dialog.isVisible()
    assert cells(page, "canbo")[3] == "Đã vô hiệu hóa"
    assert page.status.text() == "Đã lưu tài khoản canbo."
    with pytest.raises(AccountError):
        sign_in(admin, "canbo", OFFICER_PASSWORD).close()


def test_enable_a_disabled_account_again_with_a_new_password(
    page: AccountsPage, admin: Workspace
) -> None:
    add_officer(admin, page)
    accounts.update_account(admin, "canbo", full_name="", role=UserRole.OFFICER, active=False)
    page.load()
    page.edit_account()
    dialog = page.dialog
    assert isinstance(dialog, EditAccountDialog)
    assert dialog.password is not None
    assert dialog.password_again is not None
    assert not dialog.password.isVisible()  # asked for only when enabling
    dialog.active.setChecked(True)
    assert dialog.password.isVisible()
    dialog.save()
    assert dialog.isVisible()
    assert "ít nhất 8 ký tự" in dialog.error_label("password").text()
    dialog.password.setText("mat-khau-moi-1")
    dialog.password_again.setText("mat-khau-moi-1")
    dialog.save()
    assert not dialog.isVisible()
    assert cells(page, "canbo")[3] == "Đang dùng"
    sign_in(admin, "canbo", "mat-khau-moi-1").close()


def test_reset_a_password(page: AccountsPage, admin: Workspace) -> None:
    add_officer(admin, page)
    page.password_button.click()
    dialog = page.dialog
    assert isinstance(dialog, PasswordDialog)
    dialog.password.setText("mat-khau-moi-1")
    dialog.password_again.setText("mat-khau-moi-2")
    dialog.save()
    assert dialog.isVisible()  # typed differently: nothing changed yet
    assert dialog.error_label("password_again").isVisible()
    dialog.password_again.setText("mat-khau-moi-1")
    dialog.save()
    assert not dialog.isVisible()
    assert page.status.text() == "Đã đặt mật khẩu mới cho tài khoản canbo."
    assert cells(page, "canbo")[5] != ""  # when the password was changed
    sign_in(admin, "canbo", "mat-khau-moi-1").close()
    with pytest.raises(AccountError):
        sign_in(admin, "canbo", OFFICER_PASSWORD).close()


def test_the_last_administrator_cannot_be_demoted(
    qtbot: QtBot, page: AccountsPage, admin: Workspace
) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.select("admin")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter edits the chosen account
    dialog = page.dialog
    assert isinstance(dialog, EditAccountDialog)
    assert dialog.isVisible()
    dialog.role.set_value(UserRole.VIEWER)
    dialog.save()
    assert dialog.isVisible()
    assert dialog.general_error.isVisible()
    assert dialog.general_error.text() == accounts.LAST_ADMIN().render("vi")
    assert "quản trị viên cuối cùng" in dialog.general_error.text()
    (view,) = accounts.list_accounts(admin)
    assert view.role is UserRole.ADMIN
    assert view.active
    dialog.mark_clean()
    dialog.reject()
    assert not dialog.isVisible()


def test_unlock_an_account_locked_by_wrong_passwords(page: AccountsPage, admin: Workspace) -> None:
    add_officer(admin, page)
    for _attempt in range(accounts.MAX_FAILURES):
        with pytest.raises(AccountError):
            accounts.unlock(admin.path, "canbo", "wrong-password")
    page.load()
    assert cells(page, "canbo")[4] != ""  # locked until …
    assert page.unlock_button.isEnabled()
    page.unlock_button.click()
    assert cells(page, "canbo")[4] == ""
    assert page.status.text() == "Đã mở khóa tài khoản canbo."
    assert not page.unlock_button.isEnabled()
    sign_in(admin, "canbo", OFFICER_PASSWORD).close()


def test_an_officer_is_told_accounts_are_for_administrators(
    qtbot: QtBot, page: AccountsPage, admin: Workspace
) -> None:
    add_officer(admin, page)
    officer = sign_in(admin, "canbo", OFFICER_PASSWORD)
    try:
        other = AccountsPage(officer, Changes(officer))
        qtbot.addWidget(other)
        other.show()
        other.load()
        assert other.message.isVisible()
        assert "không có quyền quản lý tài khoản" in other.message.text()
        assert not other.table.isVisible()
        assert not other.add_button.isEnabled()
    finally:
        worker.wait_for_all()
        officer.close()
