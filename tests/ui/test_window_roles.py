"""The window for each role: what a viewer and a leader see, and the idle lock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sample_data import TODAY, make_sample

from antq_desktop.domain.enums import UserRole
from antq_desktop.services import accounts
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import worker
from antq_desktop.ui.main_window import MainWindow, NoAccessPage

PASSWORD = "mat-khau-quan-tri"
OpenAs = Callable[[str], MainWindow]


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """The sample book, encrypted, with an administrator, a leader and a viewer."""
    path = tmp_path / "ward.antqdb"
    make_sample(path).close()
    admin = accounts.protect(path, NewAccount("admin", PASSWORD), today=lambda: TODAY)
    for name, role in (("lanhdao", UserRole.LEADER), ("xem", UserRole.VIEWER)):
        accounts.add_account(admin, NewAccount(name, PASSWORD, "", role))
    admin.close()
    return path


@pytest.fixture
def open_as(book: Path, qtbot: QtBot) -> Iterator[OpenAs]:
    opened: list[Workspace] = []

    def open_window(user: str) -> MainWindow:
        workspace = accounts.sign_in(book, user, PASSWORD, today=lambda: TODAY)
        opened.append(workspace)
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.start()
        return window

    yield open_window
    worker.wait_for_all()
    for workspace in opened:
        workspace.close()


def section_titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_a_viewer_gets_no_rehabilitation_page_no_buttons_and_no_audit(open_as: OpenAs) -> None:
    window = open_as("xem")
    rehab_row = section_titles(window).index("Giúp đỡ người lầm lỗi 5+1")
    page = window.pages.widget(rehab_row)
    assert isinstance(page, NoAccessPage)
    assert window.rehab is None
    assert "Người xem" in window.user_label.text()
    assert "Nhật ký thay đổi" not in section_titles(window)
    assert "Tài khoản" not in section_titles(window)
    assert not window.programs.new_button.isVisibleTo(window.programs)
    assert not window.programs.delete_button.isVisibleTo(window.programs)


def test_a_leader_reads_the_audit_trail_but_manages_no_accounts(open_as: OpenAs) -> None:
    window = open_as("lanhdao")
    titles = section_titles(window)
    assert "Nhật ký thay đổi" in titles
    assert "Tài khoản" not in titles
    assert window.rehab is not None
    assert not window.programs.new_button.isVisibleTo(window.programs)


def test_an_administrator_has_every_section(open_as: OpenAs) -> None:
    window = open_as("admin")
    titles = section_titles(window)
    assert titles[-2:] == ["Nhật ký thay đổi", "Tài khoản"]
    assert window.programs.new_button.isVisibleTo(window.programs)


def test_the_idle_lock_hides_the_data_until_the_password_is_typed(
    open_as,
    qtbot: QtBot,
) -> None:
    window = open_as("admin")
    assert window.idle_watch is not None
    assert window.idle_watch.minutes == 10  # the default setting
    window.lock()
    dialog = window.lock_dialog
    assert dialog is not None
    assert not window.central.isVisible()
    dialog.password.setText("not-the-password")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "Sai tên đăng nhập hoặc mật khẩu" in dialog.error.text()
    assert not window.central.isVisible()
    dialog.password.setText(PASSWORD)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert window.central.isVisible()
    assert window.lock_dialog is None


def test_the_administrator_sets_the_idle_minutes_and_the_watch_follows(open_as: OpenAs) -> None:
    window = open_as("admin")
    panel = window.settings_page.security
    panel.idle_minutes.setValue(3)
    panel.save_idle_minutes()
    assert "3 phút" in panel.state.text()
    assert window.idle_watch is not None
    assert window.idle_watch.minutes == 3
    assert window.idle_watch.timer.interval() == 3 * 60_000
