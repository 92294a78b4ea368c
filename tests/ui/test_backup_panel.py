"""Sao lưu on the settings page: back up now, into the default folder or a chosen one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from antq_desktop.services import settings
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.backup_panel import BackupPanel


def test_back_up_now_into_the_default_folder(qtbot: QtBot, sample_workspace: Workspace) -> None:
    panel = BackupPanel(sample_workspace)
    qtbot.addWidget(panel)
    panel.show()
    panel.load()
    assert "Chưa có bản sao lưu nào" in panel.state.text()
    panel.now_button.click()
    made = list((sample_workspace.path.parent / "backups").glob("*.antqbak"))
    assert len(made) == 1
    assert panel.state.text().startswith("Bản gần nhất:")
    assert "Có 1 bản" in panel.state.text()


def test_a_chosen_folder_is_saved_and_used(
    qtbot: QtBot, sample_workspace: Workspace, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    panel = BackupPanel(sample_workspace)
    qtbot.addWidget(panel)
    panel.show()
    panel.load()
    panel.folder.setText(str(stick))
    panel.now_button.click()
    assert len(list(stick.glob("*.antqbak"))) == 1
    assert settings.get_setting(sample_workspace, settings.BACKUP_FOLDER) == str(stick)


def test_a_missing_folder_is_said_and_nothing_is_made(
    qtbot: QtBot, sample_workspace: Workspace, tmp_path: Path
) -> None:
    panel = BackupPanel(sample_workspace)
    qtbot.addWidget(panel)
    panel.show()
    panel.load()
    panel.folder.setText(str(tmp_path / "unplugged"))
    panel.now_button.click()
    assert panel.error.isVisible()
    assert "không tồn tại" in panel.error.text()
    assert not (tmp_path / "unplugged").exists()


def test_restore_from_the_panel_replaces_the_book_and_reopens_the_window(
    qtbot: QtBot, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    from antq_desktop.domain.enums import ProgramKind
    from antq_desktop.services.backups import backup_folder, make_backup
    from antq_desktop.services.programs import (
        ProgramInput,
        create_program,
        list_programs,
    )
    from antq_desktop.ui.main_window import MainWindow

    before = {view.name for view in list_programs(sample_workspace)}
    backup = make_backup(sample_workspace, backup_folder(sample_workspace), now=datetime.now())
    unit_id = list_programs(sample_workspace)[0].unit_id
    create_program(
        sample_workspace, ProgramInput(unit_id, "Ghi sau bản sao lưu", ProgramKind.OTHER)
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    window.navigation.setCurrentRow(8)
    window.settings_page.backups.restore(backup)
    assert not window.isVisible()
    qtbot.addWidget(window.replacement)
    assert window.replacement.isVisible()
    assert {view.name for view in list_programs(sample_workspace)} == before
    assert len(list(sample_workspace.path.parent.glob("*.before-restore-*.bak"))) == 1


def test_a_damaged_backup_is_refused_and_the_book_stays(
    qtbot: QtBot, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from antq_desktop.services.programs import list_programs
    from antq_desktop.ui.main_window import MainWindow

    broken = tmp_path / "broken-20231220-101010.antqbak"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    before = {view.name for view in list_programs(sample_workspace)}
    window.settings_page.backups.restore(broken)
    assert window.isVisible()  # refused: the window stays on the book, which still works
    assert shown
    assert {view.name for view in list_programs(sample_workspace)} == before
    assert list(sample_workspace.path.parent.glob("*.before-restore-*")) == []
