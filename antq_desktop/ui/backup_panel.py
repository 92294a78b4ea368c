"""Sao lưu on the settings page: where backups go, "back up now", and the newest backups.

A backup is also made automatically when the program closes (at most one a day, `ui.app`). The
folder may be a USB stick; left empty, backups go to the folder "backups" beside the database.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from antq_desktop.domain.text import format_number
from antq_desktop.services import settings
from antq_desktop.services.backups import BackupInfo, back_up, backup_folder, list_backups
from antq_desktop.services.permissions import Permission, allowed, require
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.note import Note, grey_note
from antq_desktop.ui.recovery import made_at_text
from antq_desktop.ui.style import ERROR_STYLE
from antq_desktop.ui.worker import run_task


def read_state(workspace: Workspace) -> tuple[str, Path, list[BackupInfo]]:
    """The folder as set, the folder in use and its backups of this file (on the worker)."""
    configured = settings.get_setting(workspace, settings.BACKUP_FOLDER)
    folder = backup_folder(workspace, create_default=False)
    return configured, folder, list_backups(folder, workspace.path.stem)


def back_up_now(workspace: Workspace, configured: str) -> Path:
    """Save the folder if it changed, then make a backup into it (on the worker)."""
    require(workspace, Permission.MAKE_BACKUP)
    if configured != settings.get_setting(workspace, settings.BACKUP_FOLDER):
        settings.set_setting(workspace, settings.BACKUP_FOLDER, configured)
    return back_up(workspace, backup_folder(workspace), now=datetime.now().astimezone())


class BackupPanel(QGroupBox):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sao lưu"), parent)
        self.workspace = workspace
        self.folder = QLineEdit()
        self.folder.setObjectName("backup.folder")
        self.folder.setPlaceholderText(
            self.tr("để trống: thư mục backups cạnh tệp dữ liệu ({path})").format(
                path=workspace.path.parent / "backups"
            )
        )
        choose = QPushButton(self.tr("Chọn…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        self.now_button = QPushButton(self.tr("Sao lưu ngay"))
        self.now_button.setObjectName("backup.now")
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Khôi phục từ bản sao lưu…"))
        self.restore_button.setObjectName("backup.restore")
        self.restore_button.clicked.connect(self.choose_and_restore)
        self.state = Note()
        self.state.setObjectName("backup.state")
        self.error = Note()
        self.error.setObjectName("backup.error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        note = grey_note(
            self.tr(
                "Chương trình tự sao lưu mỗi ngày một lần khi đóng; giữ bản của 14 ngày và 12 "
                "tháng gần nhất. Có thể chọn ổ USB."
            )
        )
        self.folder.setReadOnly(not allowed(workspace, Permission.CHANGE_SETTINGS))
        choose.setVisible(allowed(workspace, Permission.CHANGE_SETTINGS))
        self.now_button.setVisible(allowed(workspace, Permission.MAKE_BACKUP))
        self.restore_button.setVisible(allowed(workspace, Permission.RESTORE_BACKUP))
        form = QFormLayout(self)
        form.addRow(self.tr("Thư mục sao lưu"), row)
        actions = QHBoxLayout()
        actions.addWidget(self.now_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        form.addRow("", actions)
        form.addRow("", self.state)
        form.addRow("", self.error)
        form.addRow("", note)

    def load(self) -> None:
        run_task(lambda: read_state(self.workspace), self._show, self._failed, owner=self)

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục sao lưu"))
        if chosen:
            self.folder.setText(chosen)

    def _show(self, state: tuple[str, Path, list[BackupInfo]]) -> None:
        configured, folder, found = state
        if not self.folder.text():
            self.folder.setText(configured)
        if found:
            self.state.setText(
                self.tr("Bản gần nhất: {time}. Có {count} bản trong {folder}.").format(
                    time=made_at_text(found[0]),
                    count=format_number(len(found), i18n.language()),
                    folder=folder,
                )
            )
        else:
            self.state.setText(
                self.tr("Chưa có bản sao lưu nào trong {folder}.").format(folder=folder)
            )

    def back_up_now(self) -> None:
        self.error.hide()
        self.now_button.setEnabled(False)
        self.state.setText(self.tr("Đang sao lưu…"))
        configured = self.folder.text().strip()
        run_task(
            lambda: back_up_now(self.workspace, configured), self._done, self._failed, owner=self
        )

    def _done(self, _path: Path) -> None:
        self.now_button.setEnabled(True)
        self.load()

    def choose_and_restore(self) -> None:
        folder = self.folder.text().strip() or str(self.workspace.path.parent / "backups")
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn bản sao lưu để khôi phục"),
            folder,
            self.tr("Bản sao lưu ANTQ (*.antqbak)"),
        )
        if chosen:
            self.restore(Path(chosen))

    def restore(self, backup: Path) -> None:
        """Ask, then replace the record book by `backup` through the main window."""
        answer = QMessageBox.question(
            self,
            self.tr("Khôi phục"),
            self.tr(
                "Thay dữ liệu hiện tại bằng bản sao lưu {name}? Những gì ghi sau lúc sao lưu sẽ "
                "không còn trong sổ; tệp hiện tại được giữ lại bên cạnh."
            ).format(name=backup.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        window = self.window()
        restore_backup = getattr(window, "restore_backup", None)
        if callable(restore_backup):
            restore_backup(backup, close_on_refusal=False)

    def _failed(self, error: Exception) -> None:
        self.now_button.setEnabled(True)
        self.state.clear()
        self.error.setText(i18n.error_text(error))
        self.error.show()
