"""The main window: the sections of the record book on the left, the chosen page on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTime
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.text import format_number
from antq_desktop.paths import APP_NAME
from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.settings import IDLE_LOCK_MINUTES, get_setting
from antq_desktop.services.workspace import Workspace, verify_integrity
from antq_desktop.ui import i18n
from antq_desktop.ui.accounts_page import AccountsPage
from antq_desktop.ui.audit_page import AuditPage
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.evaluations_page import EvaluationsPage
from antq_desktop.ui.groups_page import GroupsPage
from antq_desktop.ui.list_page import ListPage
from antq_desktop.ui.overview_page import OverviewPage
from antq_desktop.ui.patrols_page import PatrolsPage
from antq_desktop.ui.programs_page import ProgramsPage
from antq_desktop.ui.recovery import made_at_text, newest_backup, restore_file
from antq_desktop.ui.rehab_page import RehabPage
from antq_desktop.ui.reports_page import ReportsPage
from antq_desktop.ui.settings_page import SettingsPage
from antq_desktop.ui.sign_in import IdleWatch, LockDialog
from antq_desktop.ui.sync_page import SyncPage
from antq_desktop.ui.worker import run_long_read

NAVIGATION_WIDTH = 240
GEOMETRY_KEY = "window/geometry"


class NoticePage(QWidget):
    """A section that shows a heading and a text instead of records."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("heading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        body = QLabel(text)
        body.setObjectName("purpose")
        body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        for label in (heading, body):
            label.setMaximumWidth(720)
            layout.addWidget(label)
        layout.addStretch(1)


class NoAccessPage(NoticePage):
    """A section the signed-in role may not open: says so, and who can give the right."""


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._set_title("")

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.pages = QStackedWidget()
        self.changes = Changes(workspace, self)
        self._row_counts: dict[int, str] = {}
        self.overview = OverviewPage(workspace)
        self.programs = ProgramsPage(workspace, self.changes)
        self.groups = GroupsPage(workspace, self.changes)
        self.patrols = PatrolsPage(workspace, self.changes)
        rehab_title = self.tr("Giúp đỡ người lầm lỗi 5+1")
        self.rehab: RehabPage | None = None
        rehab_page: QWidget
        if allowed(workspace, Permission.READ_REHAB):
            self.rehab = rehab_page = RehabPage(workspace, self.changes)
        else:
            rehab_page = NoAccessPage(
                rehab_title,
                self.tr(
                    "Tài khoản {user} ({role}) không được xem hồ sơ giúp đỡ người lầm lỗi. Hãy "
                    "nhờ quản trị viên nếu công việc của bạn cần xem."
                ).format(user=workspace.user, role=workspace.role.label(i18n.language())),
            )
        self.evaluations = EvaluationsPage(workspace, self.changes)
        self.reports = ReportsPage(workspace, self.changes)
        self.sync = SyncPage(workspace, self.changes)
        self.settings_page = SettingsPage(workspace, self.changes)
        self._add_section(self.tr("Tổng quan"), self.overview)
        self._add_section(self.tr("Mô hình"), self.programs)
        self._add_section(self.tr("Tổ/nhóm & thành viên"), self.groups)
        self._add_section(self.tr("Ca tuần tra"), self.patrols)
        self._add_section(rehab_title, rehab_page)
        self._add_section(self.tr("Đánh giá quý"), self.evaluations)
        self._add_section(self.tr("Báo cáo"), self.reports)
        self._add_section(self.tr("Đồng bộ"), self.sync)
        self._add_section(self.tr("Cài đặt"), self.settings_page)
        self.audit_page: AuditPage | None = None
        self.accounts_page: AccountsPage | None = None
        if allowed(workspace, Permission.READ_AUDIT) and workspace.encrypted:
            self.audit_page = AuditPage(workspace, self.changes)
            self._add_section(self.tr("Nhật ký thay đổi"), self.audit_page)
        if allowed(workspace, Permission.MANAGE_USERS) and workspace.encrypted:
            self.accounts_page = AccountsPage(workspace, self.changes)
            self._add_section(self.tr("Tài khoản"), self.accounts_page)
        self._loaded_pages: set[int] = {0}

        undo = self.changes.undo_stack.createUndoAction(self, self.tr("Hoàn tác"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.changes.undo_stack.createRedoAction(self, self.tr("Làm lại"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo, redo])
        self.undo_action, self.redo_action = undo, redo

        self.central = central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.path_label = QLabel(self.tr("Tệp dữ liệu: {path}").format(path=workspace.path))
        self.path_label.setObjectName("path")
        self.computed_label = QLabel()
        self.computed_label.setObjectName("computed_at")
        self.rows_label = QLabel()
        self.rows_label.setObjectName("rows")
        self.save_label = QLabel(self.tr("Chưa có thay đổi nào trong lần mở này"))
        self.save_label.setObjectName("save_state")
        self.user_label = QLabel(
            self.tr("Đăng nhập: {user} ({role})").format(
                user=workspace.user, role=workspace.role.label(i18n.language())
            )
        )
        self.user_label.setObjectName("signed_in")
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.rows_label)
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().addPermanentWidget(self.computed_label)
        self.navigation.currentRowChanged.connect(self._show_section)
        self.navigation.setCurrentRow(0)
        self.changes.save_state.connect(self.save_label.setText)
        self.changes.changed.connect(self.overview.refresh)
        for number in range(self.pages.count()):
            page = self.pages.widget(number)
            if isinstance(page, ListPage):
                page.row_count_changed.connect(
                    lambda count, n=number: self._show_row_count(n, count)
                )

        self.overview.open_record.connect(self.open_record)
        self.overview.own_unit_loaded.connect(self._set_title)
        self.overview.busy.connect(lambda: self.computed_label.setText(self.tr("Đang tính…")))
        self.overview.computed.connect(self._show_computed_time)
        self.overview.failed.connect(self.computed_label.clear)
        self.idle_watch: IdleWatch | None = None
        if workspace.encrypted:
            minutes = get_setting(workspace, IDLE_LOCK_MINUTES)
            self.idle_watch = IdleWatch(minutes, self.lock, self)
        self.lock_dialog: LockDialog | None = None
        self.resize(1280, 800)
        geometry = QSettings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def lock(self) -> None:
        """Idle too long: hide everything and ask for the password (quit is the other way out)."""
        if self.lock_dialog is not None or self.idle_watch is None:
            return
        self.idle_watch.pause(True)
        self.central.hide()
        dialog = LockDialog(self.workspace, self.idle_watch.minutes, self)
        dialog.setObjectName("lock_dialog")
        dialog.accepted.connect(self._unlocked)
        dialog.rejected.connect(self.close)
        self.lock_dialog = dialog
        dialog.open()

    def _unlocked(self) -> None:
        self.central.show()
        self.lock_dialog = None
        if self.idle_watch is not None:
            self.idle_watch.pause(False)

    def open_record(self, kind: str, record_id: str) -> None:
        """Go to the record's section and open its editor (from the dashboard's to-do list)."""
        pages: dict[str, ListPage | None] = {
            "Program": self.programs,
            "Group": self.groups,
            "PatrolShift": self.patrols,
            "RehabCase": self.rehab,
        }
        page = pages.get(kind)
        if page is None:
            return
        self.navigation.setCurrentRow(self.pages.indexOf(page))
        page.edit_record(record_id)

    def _show_section(self, number: int) -> None:
        self.pages.setCurrentIndex(number)
        load = getattr(self.pages.widget(number), "load", None)
        if number not in self._loaded_pages and callable(load):
            self._loaded_pages.add(number)
            load()
        self.rows_label.setText(self._row_counts.get(number, ""))

    def _show_row_count(self, number: int, count: int) -> None:
        text = self.tr("{count} dòng").format(count=format_number(count, i18n.language()))
        self._row_counts[number] = text
        if self.pages.currentIndex() == number:
            self.rows_label.setText(text)

    def _add_section(self, title: str, page: QWidget) -> None:
        self.navigation.addItem(QListWidgetItem(title))
        self.pages.addWidget(page)

    def _set_title(self, unit_name: str) -> None:
        parts = [APP_NAME, unit_name, self.workspace.path.name]
        self.setWindowTitle(" — ".join(part for part in parts if part))

    def _show_computed_time(self) -> None:
        now = QTime.currentTime().toString("HH:mm")
        self.computed_label.setText(self.tr("Đã tính lúc {time}").format(time=now))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Remember where the window was and how the lists were laid out."""
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        for number in range(self.pages.count()):
            page = self.pages.widget(number)
            if isinstance(page, ListPage):
                page.save_columns()
        super().closeEvent(event)

    def start(self) -> None:
        """Show the window, check the file and read the figures (in the background)."""
        self.show()
        self.statusBar().showMessage(self.tr("Đang kiểm tra tệp dữ liệu…"))
        run_long_read(
            lambda: verify_integrity(self.workspace), self._sound, self._damaged, owner=self
        )
        self.overview.load()

    def _sound(self, _result: object) -> None:
        self.statusBar().showMessage(self.tr("Đã kiểm tra: tệp dữ liệu nguyên vẹn"), 10_000)

    def _damaged(self, error: Exception) -> None:
        """The background check found the file damaged: say so, offer the newest backup, and
        otherwise close before anything more is written to the damaged file."""
        backup = newest_backup(self.workspace)
        text = self.tr(
            "{reason}\n\nChương trình sẽ đóng để không ghi thêm vào tệp hỏng. Hãy chép tệp "
            "sang nơi khác để giữ lại và dùng bản sao lưu gần nhất."
        ).format(reason=i18n.error_text(error))
        if backup is not None and not allowed(self.workspace, Permission.RESTORE_BACKUP):
            text = self.tr(
                "{reason}\n\nCó bản sao lưu lúc {time}; chỉ quản trị viên được khôi phục. "
                "Chương trình sẽ đóng: hãy báo quản trị viên."
            ).format(reason=i18n.error_text(error), time=made_at_text(backup))
            backup = None
        elif backup is not None:
            text = self.tr(
                "{reason}\n\nCó bản sao lưu lúc {time}. Khôi phục bản này? Tệp hỏng được giữ "
                "lại bên cạnh; những gì ghi sau lúc sao lưu sẽ không có trong bản khôi phục."
            ).format(reason=i18n.error_text(error), time=made_at_text(backup))
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Tệp dữ liệu bị hỏng"), text)
        box.setParent(self, box.windowFlags())
        box.setObjectName("damaged_box")
        close_button = box.addButton(
            self.tr("Đóng chương trình"), QMessageBox.ButtonRole.RejectRole
        )
        if backup is not None:
            restore_button = box.addButton(
                self.tr("Khôi phục bản sao lưu"), QMessageBox.ButtonRole.AcceptRole
            )
            restore_button.setObjectName("restore_backup")
            restore_button.clicked.connect(lambda: self.restore_backup(backup.path))
        close_button.setObjectName("close_program")
        close_button.clicked.connect(self.close)
        box.open()

    def restore_backup(self, backup: Path, *, close_on_refusal: bool = True) -> None:
        """Replace the file by a backup (checked first; the current file is kept aside) and open
        the window again on it."""
        restore_file(
            self.workspace, backup, self, self._restored, close_on_refusal=close_on_refusal
        )

    def _restored(self, aside: Path | None) -> None:
        """Open the window again on the restored file, and say where the damaged one is kept."""
        window = MainWindow(self.workspace)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setGeometry(self.geometry())
        window.start()
        self.replacement = window
        QMessageBox.information(
            window,
            self.tr("Đã khôi phục"),
            self.tr("Đã khôi phục bản sao lưu. Tệp hỏng được giữ tại {path}.").format(
                path=aside if aside is not None else "—"
            ),
        )
        self.close()
