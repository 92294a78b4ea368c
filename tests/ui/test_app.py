"""`run_app`: the door the command line opens (create on first run, open, refuse a bad file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sample_data import make_sample

from antq_desktop.services.workspace import open_workspace
from antq_desktop.ui import app as app_module
from antq_desktop.ui.app import back_up_at_exit, run_app
from antq_desktop.ui.create_dialog import CreateWorkspaceDialog
from antq_desktop.ui.main_window import MainWindow


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
    monkeypatch.setattr(app_module.platformdirs, "user_data_path", lambda *args: data_folder)
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


def test_an_existing_record_book_opens_in_the_main_window(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ward.antqdb"
    make_sample(path).close()
    seen = when_shown(main_window, lambda window: window.close())
    assert run_app(path, "vi") == 0
    assert seen == ["ANTQ Desktop — Phường 9 — ward.antqdb"]


def test_a_file_that_is_not_a_record_book_is_refused_with_exit_1(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "notes.antqdb"
    path.write_text("danh sách tổ tự quản", encoding="utf-8")
    texts: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.close()

    seen = when_shown(modal, read_and_close)
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
    when_shown(main_window, lambda window: window.close())
    assert run_app(path, "vi") == 0
    backups = sorted((tmp_path / "backups").glob("ward-*.antqbak"))
    assert len(backups) == 1
    workspace = open_workspace(path)
    try:
        assert back_up_at_exit(workspace) is None  # one a day: today's is there
    finally:
        workspace.close()
    assert sorted((tmp_path / "backups").glob("ward-*.antqbak")) == backups
