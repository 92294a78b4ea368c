"""When the file is found damaged after the window opened: offer the newest backup.

The damaged file is never overwritten blindly: `services.backups.restore` checks the backup first
and keeps the damaged file aside (`<name>.before-restore-<time>.bak`) before putting the backup in
its place. The window then opens again on the restored file.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from antq_desktop.domain.validation import format_date
from antq_desktop.services.backups import BackupInfo, backup_folder, list_backups, restore_open
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n, worker

translate = QCoreApplication.translate


def newest_backup(workspace: Workspace) -> BackupInfo | None:
    """The newest backup of this file, in the configured folder or the default one (the damaged
    file may not even give its settings back)."""
    folders: list[Path] = []
    with suppress(Exception):  # reading the setting from a damaged file can fail
        folders.append(backup_folder(workspace, create_default=False))
    folders.append(workspace.path.parent / "backups")
    for folder in folders:
        found = list_backups(folder, workspace.path.stem)
        if found:
            return found[0]
    return None


def made_at_text(backup: BackupInfo) -> str:
    return f"{format_date(backup.made_at.date())} {backup.made_at:%H:%M}"


def restore_file(
    workspace: Workspace,
    backup: Path,
    parent: QWidget,
    on_restored: Callable[[Path | None], None],
    *,
    close_on_refusal: bool = True,
) -> None:
    """Put the backup file in place of the open file (on the worker), then call
    `on_restored(aside)`; a refusal is shown and nothing is changed."""
    worker.wait_for_all()
    workspace.database.engine.dispose()  # no connection of ours may hold the file

    def refused(error: Exception) -> None:
        QMessageBox.critical(
            parent,
            translate("Recovery", "Không khôi phục được"),
            i18n.error_text(error),
        )
        if close_on_refusal:
            parent.close()

    worker.run_task(lambda: restore_open(workspace, backup), on_restored, refused, owner=parent)
