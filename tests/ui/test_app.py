"""`run_app`: the door the command line opens (create on first run, open, refuse a bad file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sample_data import make_sample

from antq_desktop import paths
from antq_desktop.services import accounts
from antq_desktop.services.accounts import NewAccount
from antq_desktop.ui import app as app_module
from antq_desktop.ui.app import back_up_at_exit, run_app
from antq_desktop.ui.create_dialog import CreateWorkspaceDialog
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.sign_in import ProtectDialog, SignInDialog


def when_shown(find: Callable[[], QWidget | None], act: Callable[[QWidget], None]) -> list[str]:
    """Once `find()` returns a visible widget, record its title and call `act` on it."""
    seen: list[str] = []

    def poll() -> None:
        widget = find()
        if widget is None or not widget.isVisible():
            QTimer.singleShot(10, poll)
            return
        seen.append(widget.windowTitle())
        act(widget)

    QTimer.singleShot(0, poll)
    return seen


def read_message_into(texts: list[str]) -> Callable[[QWidget], None]:
    """An action for `when_shown`: keep the message box's text in `texts`, then close it."""

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.close()

    return read_and_close


def modal() -> QWidget | None:
    return QApplication.activeModalWidget()


def main_window() -> QWidget | None:
    """The main window being shown (an earlier test's closed window may still exist, hidden)."""
    return next(
        (
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow) and widget.isVisible()
        ),
        None,
    )


def test_cancelling_the_first_run_dialog_exits_0_and_creates_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_folder = tmp_path / "user data"
    monkeypatch.setattr(paths.platformdirs, "user_data_path", lambda *args: data_folder)
    kinds: list[type] = []

    def close(dialog: QWidget) -> None:
        kinds.append(type(dialog))
        dialog.close()

    seen = when_shown(modal, close)
    assert run_app(None, "vi") == 0
    assert seen == ["Tạo sổ theo dõi mới"]
    assert kinds == [CreateWorkspaceDialog]
    assert not (data_folder / "antq.antqdb").exists()


def test_the_dialog_speaks_english_when_asked(qtbot: QtBot, tmp_path: Path) -> None:
    seen = when_shown(modal, lambda dialog: dialog.close())
    assert run_app(tmp_path / "new.antqdb", "en") == 0
    assert seen == ["Create a new record book"]


PASSWORD = "mat-khau-quan-tri"


def answer_sign_in(password: str, errors: list[str] | None = None) -> list[str]:
    """Fill the sign-in (or first administrator) dialog when it shows, and press its button."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, SignInDialog | ProtectDialog)
        dialog.password.setText(password)
        if isinstance(dialog, ProtectDialog):
            dialog.again.setText(password)
        dialog.ok_button.click()
        if errors is not None and dialog.isVisible():  # refused: read why, then quit
            errors.append(dialog.error.text())
            dialog.reject()

    return when_shown(modal, act)


def protected_sample(path: Path) -> None:
    """The sample book, encrypted with its administrator `admin` / PASSWORD."""
    make_sample(path).close()
    accounts.protect(path, NewAccount("admin", PASSWORD)).close()


def test_an_existing_plain_record_book_gets_its_administrator_and_is_encrypted(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "ward.antqdb"
    make_sample(path).close()
    asked = answer_sign_in(PASSWORD)
    seen = when_shown(main_window, lambda window: window.close())
    assert run_app(path, "vi") == 0
    assert asked == ["Bảo vệ sổ theo dõi"]
    assert seen == ["ANTQ Desktop — Phường 9 — ward.antqdb"]
    assert accounts.file_state(path) is accounts.FileState.PROTECTED


def test_a_protected_record_book_asks_for_the_password_first(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ward.antqdb"
    protected_sample(path)
    errors: list[str] = []
    answer_sign_in("not-the-password", errors)
    assert run_app(path, "vi") == 0  # the person gave up: no window, nothing changed
    assert "Sai tên đăng nhập hoặc mật khẩu" in errors[0]
    asked = answer_sign_in(PASSWORD)
    users: list[str] = []

    def read_and_close(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        users.append(window.user_label.text())
        window.close()

    when_shown(main_window, read_and_close)
    assert run_app(path, "vi") == 0
    assert asked == ["Đăng nhập"]
    assert users == ["Đăng nhập: admin (Quản trị viên)"]


def test_a_file_that_is_not_a_record_book_is_refused_with_exit_1(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "notes.antqdb"
    path.write_text("danh sách tổ tự quản", encoding="utf-8")
    texts: list[str] = []
    seen = when_shown(modal, read_message_into(texts))
    assert run_app(path, "vi") == 1
    assert seen == ["Không mở được tệp dữ liệu"]
    assert "không phải tệp dữ liệu ANTQ" in texts[0]
    assert path.read_text(encoding="utf-8") == "danh sách tổ tự quản"


def test_the_interface_font_has_vietnamese_letters(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFontDatabase

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    family = app_module.apply_vietnamese_font(app)
    assert QFontDatabase.WritingSystem.Vietnamese in QFontDatabase.writingSystems(family)


def test_closing_the_window_makes_the_days_backup_once(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ward.antqdb"
    make_sample(path).close()
    accounts.protect(path, NewAccount("admin", PASSWORD), backup_folder=tmp_path).close()
    answer_sign_in(PASSWORD)
    when_shown(main_window, lambda window: window.close())
    assert run_app(path, "vi") == 0
    backups = sorted((tmp_path / "backups").glob("ward-*.antqbak"))
    assert len(backups) == 1
    workspace = accounts.sign_in(path, "admin", PASSWORD)
    try:
        assert back_up_at_exit(workspace) is None  # one a day: today's is there
    finally:
        workspace.close()
    assert sorted((tmp_path / "backups").glob("ward-*.antqbak")) == backups


def test_a_data_folder_that_cannot_be_made_is_said_with_exit_1(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A portable copy on a write-protected stick, say: here a file stands where the folder goes."""
    blocked = tmp_path / "data"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(paths.platformdirs, "user_data_path", lambda *args: blocked)
    texts: list[str] = []
    seen = when_shown(modal, read_message_into(texts))
    assert run_app(None, "vi") == 1
    assert seen == ["Không tạo được thư mục dữ liệu"]
    assert str(blocked) in texts[0]
    assert "khóa chống ghi" in texts[0]
