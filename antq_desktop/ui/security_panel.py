"""The settings page's security box: the idle lock (administrator) and changing one's password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services import accounts, settings
from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.note import Note
from antq_desktop.ui.style import ERROR_STYLE


class PasswordChangeDialog(QDialog):
    """The current password, then the new one twice."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Đổi mật khẩu của {user}").format(user=workspace.user))
        self.current = self._password("current")
        self.new = self._password("new")
        self.new.setPlaceholderText(self.tr("ít nhất 8 ký tự"))
        self.again = self._password("again")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Mật khẩu hiện tại"), self.current)
        form.addRow(self.tr("Mật khẩu mới"), self.new)
        form.addRow(self.tr("Gõ lại mật khẩu mới"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đổi mật khẩu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @staticmethod
    def _password(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def submit(self) -> None:
        if self.new.text() != self.again.text():
            self._refuse(accounts.PASSWORD_MISMATCH().render(i18n.language()))
            return
        try:
            accounts.change_own_password(self.workspace, self.current.text(), self.new.text())
        except Exception as error:  # wrong current password, lock, too short
            self._refuse(i18n.error_text(error))
            return
        self.accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class SecurityPanel(QGroupBox):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bảo mật"), parent)
        self.workspace = workspace
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idle_minutes")
        self.idle_minutes.setRange(0, accounts.MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" phút"))
        self.idle_minutes.setSpecialValueText(self.tr("không khóa"))
        self.save_idle = QPushButton(self.tr("Lưu thời gian khóa"))
        self.save_idle.setObjectName("save_idle")
        self.save_idle.clicked.connect(self.save_idle_minutes)
        may_change = allowed(workspace, Permission.CHANGE_SETTINGS) and workspace.encrypted
        self.idle_minutes.setEnabled(may_change)
        self.save_idle.setVisible(may_change)
        self.password_button = QPushButton(self.tr("Đổi mật khẩu…"))
        self.password_button.setObjectName("change_password")
        self.password_button.clicked.connect(self.change_password)
        self.password_button.setVisible(workspace.encrypted)
        self.state = Note()
        self.state.setObjectName("security.state")
        row = QHBoxLayout()
        row.addWidget(self.idle_minutes)
        row.addWidget(self.save_idle)
        row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Khóa màn hình sau"), row)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_button)
        password_row.addStretch(1)
        form.addRow("", password_row)
        form.addRow("", self.state)
        self.idle_minutes.setValue(settings.get_setting(workspace, settings.IDLE_LOCK_MINUTES))
        self.dialog: PasswordChangeDialog | None = None

    def save_idle_minutes(self) -> None:
        minutes = self.idle_minutes.value()
        try:
            accounts.set_idle_minutes(self.workspace, minutes)
        except Exception as error:
            self.state.setStyleSheet(ERROR_STYLE)
            self.state.setText(i18n.error_text(error))
            return
        self.state.setStyleSheet("")
        self.state.setText(
            self.tr("Đã lưu: khóa sau {minutes} phút không dùng.").format(minutes=minutes)
        )
        watch = getattr(self.window(), "idle_watch", None)
        if watch is not None:
            watch.minutes = minutes
            watch.restart()

    def change_password(self) -> None:
        self.dialog = PasswordChangeDialog(self.workspace, self)
        self.dialog.accepted.connect(lambda: self.state.setText(self.tr("Đã đổi mật khẩu.")))
        self.dialog.open()
