"""Start the window: the Qt application, language, font, then the record book (created if new)."""

from __future__ import annotations

import importlib
import sys
import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from antq_desktop import paths
from antq_desktop.resources import resource_path
from antq_desktop.services import accounts
from antq_desktop.services.backups import back_up_if_due
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n, worker
from antq_desktop.ui.create_dialog import CreateWorkspaceDialog
from antq_desktop.ui.language_setting import startup_language
from antq_desktop.ui.sign_in import ProtectDialog, SignInDialog

ORGANISATION = paths.ORGANISATION
APP_NAME = paths.APP_NAME
DATABASE_FILE_NAME = "antq.antqdb"
PREFERRED_FONTS = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Tahoma")
"""Families tried in order when the platform's default font lacks Vietnamese letters."""
FONT_SUFFIXES = (".ttf", ".otf")


MAIN_WINDOW_MODULE = "antq_desktop.ui.main_window"


def preload_main_window() -> None:
    """Import the main window and its pages (0.6 s here, more on an office PC) in the background
    while the person signs in or fills in the new book's unit, so that the first window shows
    without waiting for them. The import only defines classes (no widget is made off the GUI
    thread); a failure is raised again by the import in `run_app`, with its message."""

    def load() -> None:
        try:
            importlib.import_module(MAIN_WINDOW_MODULE)
        except BaseException:  # reported by the import in `run_app`
            return

    threading.Thread(target=load, name="antq-preload", daemon=True).start()


def default_database_path() -> Path:
    return paths.data_folder() / DATABASE_FILE_NAME


def keep_settings_in(folder: Path) -> None:
    """Keep the window's settings (language, last folders, window size) in an INI file in
    `folder` instead of the registry or the home folder: a portable copy writes nothing to the
    PC it runs on."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def _has_vietnamese(family: str) -> bool:
    return QFontDatabase.WritingSystem.Vietnamese in QFontDatabase.writingSystems(family)


def apply_vietnamese_font(app: QApplication) -> str:
    """Make sure the interface font has every Vietnamese letter; return the family used.

    Fonts shipped in `resources/fonts/` are registered first. The platform font is kept when it
    has the letters (Segoe UI on Windows does); otherwise the first preferred family that has them.
    """
    try:
        fonts_folder = resource_path("fonts")
    except FileNotFoundError:
        fonts_folder = None
    if fonts_folder is not None:
        for font_file in sorted(fonts_folder.iterdir()):
            if font_file.suffix.lower() in FONT_SUFFIXES:
                QFontDatabase.addApplicationFont(str(font_file))
    current = QFontInfo(app.font()).family()
    if _has_vietnamese(current):
        return current
    available = set(QFontDatabase.families())
    candidates = [family for family in PREFERRED_FONTS if family in available]
    candidates += sorted(available - set(candidates))
    for family in candidates:
        if _has_vietnamese(family):
            font = QFont(app.font())
            font.setFamily(family)
            app.setFont(font)
            return family
    return current  # nothing better on this machine: keep what there is


def _application_icon() -> QIcon | None:
    for name in ("antq.svg", "antq.png"):
        try:
            return QIcon(str(resource_path("icons", name)))
        except FileNotFoundError:
            continue
    return None


def create_with_dialog(path: Path) -> Workspace | None:
    """Ask for the unit and create the record book at `path` (its folder made by
    `_make_data_folder`); None when the person cancels."""
    dialog = CreateWorkspaceDialog(path)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.workspace


def open_existing(path: Path) -> Workspace | int:
    """The record book at `path` after signing in, or the exit code: 0 when the person quit at
    the sign-in, 1 when it cannot be opened (they were told why). A plain file (made before
    accounts existed) gets its administrator first, which encrypts it. The window checks the file
    after it shows."""
    dialog: SignInDialog | ProtectDialog
    try:
        state = accounts.file_state(path)  # another program's file is refused here
    except Exception as error:
        _cannot_open(error)
        return 1
    if state is accounts.FileState.PLAIN:
        dialog = ProtectDialog(path)
    elif state is accounts.FileState.PROTECTED:
        dialog = SignInDialog(path)
    else:
        _cannot_open(accounts.key_file_missing(path))
        return 1
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.workspace is None:
        return 0
    return dialog.workspace


def _make_data_folder(folder: Path) -> bool:
    """Make the folder of a new record book; False (the person was told why) when it cannot be
    made: a portable copy on a write-protected or full USB stick, say."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        QMessageBox.critical(
            None,
            QApplication.translate("App", "Không tạo được thư mục dữ liệu"),
            QApplication.translate(
                "App",
                "Không tạo được thư mục {folder} để lưu sổ theo dõi ({detail}). Nếu chương trình "
                "chạy từ USB (bản mang theo), hãy kiểm tra USB không bị khóa chống ghi và còn chỗ "
                "trống; hoặc mở sổ ở thư mục khác bằng tham số --db.",
            ).format(folder=folder, detail=error.strerror or error),
        )
        return False
    return True


def _cannot_open(error: Exception) -> None:
    QMessageBox.critical(
        None,
        QApplication.translate("App", "Không mở được tệp dữ liệu"),
        i18n.error_text(error),
    )


def run_app(db_path: Path | None, language: str | None = None) -> int:
    """Open the window on `db_path` (default: the file in the user data folder); the exit code.

    `language`: the one asked for on the command line; None uses the one saved on the settings
    page (`language_setting`), else Vietnamese.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    portable = paths.portable_folder()
    if portable is not None:
        keep_settings_in(portable)
    icon = _application_icon()
    if icon is not None:
        app.setWindowIcon(icon)
    i18n.install(app, startup_language(language))
    apply_vietnamese_font(app)
    path = db_path if db_path is not None else default_database_path()
    preload_main_window()
    if path.exists():
        opened = open_existing(path)
        if not isinstance(opened, Workspace):  # refused (1), or the person quit at sign-in (0)
            return opened
        workspace: Workspace | None = opened
    else:
        if not _make_data_folder(path.parent):
            return 1
        workspace = create_with_dialog(path)
    if workspace is None:  # the person chose not to create a record book now
        return 0
    from antq_desktop.ui.main_window import MainWindow  # preloaded meanwhile

    window = MainWindow(workspace)
    window.start()
    try:
        return app.exec()
    finally:
        worker.wait_for_all()
        back_up_at_exit(workspace)
        workspace.close()


def back_up_at_exit(workspace: Workspace) -> Path | None:
    """The automatic backup: at exit, at most one a day, into the backup folder of the settings
    (a USB stick that is not plugged in, or a full disk, must not stop the program from closing:
    the next exit tries again)."""
    try:
        return back_up_if_due(workspace, None, datetime.now().astimezone())
    except Exception:
        return None
