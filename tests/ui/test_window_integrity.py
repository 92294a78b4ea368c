"""The window opens at once and checks the file in the background; damage closes it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from antq_desktop.services.workspace import StoreError, Workspace
from antq_desktop.store.database import DB_DAMAGED
from antq_desktop.ui import main_window
from antq_desktop.ui.main_window import MainWindow


def test_damage_found_after_opening_is_shown_and_closes_the_window(
    qtbot: QtBot, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(workspace: Workspace) -> None:
        raise StoreError(DB_DAMAGED(path=str(workspace.path), detail="Page 7: btreeInitPage()"))

    monkeypatch.setattr(main_window, "verify_integrity", damaged)
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    box = window.findChild(QMessageBox, "damaged_box")
    assert box is not None
    assert box.isVisible()
    assert "Page 7" in box.text()
    assert "sao lưu" in box.text()
    box.findChild(QPushButton, "close_program").click()
    assert not window.isVisible()


def test_a_sound_file_raises_nothing(qtbot: QtBot, sample_workspace: Workspace) -> None:
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    assert window.findChild(QMessageBox, "damaged_box") is None
    assert window.isVisible()
    assert window.statusBar().currentMessage() == "Đã kiểm tra: tệp dữ liệu nguyên vẹn"


def test_damage_offers_the_newest_backup_and_restores_it(
    qtbot: QtBot, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from antq_desktop.services.backups import backup_folder, make_backup
    from antq_desktop.services.programs import list_programs

    made = make_backup(sample_workspace, backup_folder(sample_workspace), now=datetime.now())
    programs_then = {view.name for view in list_programs(sample_workspace)}
    calls: list[int] = []

    def damaged_once(workspace: Workspace) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise StoreError(DB_DAMAGED(path=str(workspace.path), detail="Page 7"))

    monkeypatch.setattr(main_window, "verify_integrity", damaged_once)
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: None)
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    box = window.findChild(QMessageBox, "damaged_box")
    assert box is not None
    assert "Khôi phục bản này?" in box.text()
    restore_button = box.findChild(QPushButton, "restore_backup")
    assert restore_button is not None
    restore_button.click()
    assert not window.isVisible()
    replacement = window.replacement
    qtbot.addWidget(replacement)
    assert replacement.isVisible()
    assert len(calls) == 2  # the restored file is checked as well
    kept = list(sample_workspace.path.parent.glob("*.before-restore-*.bak"))
    assert len(kept) == 1
    assert {view.name for view in list_programs(sample_workspace)} == programs_then
    assert made.exists()


def test_without_a_backup_only_closing_is_offered(
    qtbot: QtBot, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(workspace: Workspace) -> None:
        raise StoreError(DB_DAMAGED(path=str(workspace.path), detail="Page 7"))

    monkeypatch.setattr(main_window, "verify_integrity", damaged)
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    box = window.findChild(QMessageBox, "damaged_box")
    assert box.findChild(QPushButton, "restore_backup") is None
    box.findChild(QPushButton, "close_program").click()
    assert not window.isVisible()
