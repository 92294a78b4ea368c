"""The window opens at once and checks the file in the background; damage closes it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
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
    box.button(QMessageBox.StandardButton.Close).click()
    assert not window.isVisible()


def test_a_sound_file_raises_nothing(qtbot: QtBot, sample_workspace: Workspace) -> None:
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    assert window.findChild(QMessageBox, "damaged_box") is None
    assert window.isVisible()
    assert window.statusBar().currentMessage() == "Đã kiểm tra: tệp dữ liệu nguyên vẹn"
