"""Sao lưu on the settings page: back up now, into the default folder or a chosen one."""

from __future__ import annotations

from pathlib import Path

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
