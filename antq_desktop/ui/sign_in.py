"""Signing in: the sign-in dialog, the first administrator of a plain file, the idle lock.

Argon2id takes a fraction of a second by design; the dialogs run it on the spot with a wait
cursor (the window is not open yet, or is locked, so there is nothing else to keep responsive).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services import accounts
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.style import ERROR_STYLE

LAST_USER_KEY = "ui/last_user"
IDLE_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _busy(action: Callable[[], None]) -> None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        action()
    finally:
        QGuiApplication.restoreOverrideCursor()


class _PasswordDialog(QDialog):
    """A form, one red line for what was refused, and OK / Quit buttons."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error = _error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("ok")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QApplication.translate("SignIn", "Thoát"))
        self.buttons.accepted.connect(lambda: _busy(self.submit))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def show_error(self, error: Exception) -> None:
        self.error.setText(i18n.error_text(error))
        self.error.show()

    def submit(self) -> None:  # pragma: no cover - every dialog below has its own
        raise NotImplementedError


class SignInDialog(_PasswordDialog):
    """User name and password for a protected record book; `workspace` once signed in."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Đăng nhập"),
            self.tr("Sổ theo dõi {name} được mã hóa. Hãy đăng nhập bằng tài khoản của bạn.").format(
                name=path.name
            ),
            self.tr("Đăng nhập"),
            parent,
        )
        self.path = path
        self.workspace: Workspace | None = None
        self.username = QLineEdit(str(QSettings().value(LAST_USER_KEY, accounts.DEFAULT_ADMIN)))
        self.username.setObjectName("username")
        self.password = _password_field("password")
        self.form.addRow(self.tr("Tên đăng nhập"), self.username)
        self.form.addRow(self.tr("Mật khẩu"), self.password)
        (self.password if self.username.text() else self.username).setFocus()

    def submit(self) -> None:
        try:
            self.workspace = accounts.sign_in(
                self.path, self.username.text(), self.password.text(), verify=False
            )
        except Exception as error:  # a wrong password, a lock, a damaged or foreign file
            self.password.clear()
            self.password.setFocus()
            self.show_error(error)
            return
        QSettings().setValue(LAST_USER_KEY, self.workspace.user)
        self.accept()


class ProtectDialog(_PasswordDialog):
    """A plain record book (made before accounts existed): create its administrator, which
    encrypts the file (after a backup); `workspace` once done."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Bảo vệ sổ theo dõi"),
            self.tr(
                "Sổ theo dõi {name} chưa có tài khoản và chưa được mã hóa: ai chép được tệp là "
                "đọc được số CCCD và hồ sơ giúp đỡ. Hãy tạo tài khoản quản trị; tệp sẽ được mã "
                "hóa (một bản sao lưu đã mã hóa được lưu trước)."
            ).format(name=path.name),
            self.tr("Tạo tài khoản và mã hóa"),
            parent,
        )
        self.path = path
        self.workspace: Workspace | None = None
        self.username = QLineEdit(accounts.DEFAULT_ADMIN)
        self.username.setObjectName("username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.password = _password_field("password")
        self.password.setPlaceholderText(self.tr("ít nhất 8 ký tự"))
        self.again = _password_field("password_again")
        self.form.addRow(self.tr("Tên đăng nhập"), self.username)
        self.form.addRow(self.tr("Họ và tên"), self.full_name)
        self.form.addRow(self.tr("Mật khẩu"), self.password)
        self.form.addRow(self.tr("Gõ lại mật khẩu"), self.again)
        self.password.setFocus()

    def submit(self) -> None:
        if self.password.text() != self.again.text():
            self.error.setText(accounts.PASSWORD_MISMATCH().render(i18n.language()))
            self.error.show()
            self.again.clear()
            self.again.setFocus()
            return
        admin = NewAccount(self.username.text(), self.password.text(), self.full_name.text())
        try:
            self.workspace = accounts.protect(self.path, admin)
        except Exception as error:
            self.show_error(error)
            return
        QSettings().setValue(LAST_USER_KEY, self.workspace.user)
        self.accept()


class LockDialog(_PasswordDialog):
    """The window locked after an idle time: the signed-in user's password to go on."""

    def __init__(self, workspace: Workspace, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Đã khóa màn hình"),
            self.tr(
                "Màn hình đã khóa sau {minutes} phút không dùng. Nhập mật khẩu của {user} để "
                "làm tiếp, hoặc thoát chương trình."
            ).format(minutes=minutes, user=workspace.user),
            self.tr("Mở khóa"),
            parent,
        )
        self.workspace = workspace
        self.password = _password_field("password")
        self.form.addRow(self.tr("Mật khẩu"), self.password)
        self.password.setFocus()

    def submit(self) -> None:
        try:
            accounts.check_own_password(self.workspace, self.password.text())
        except Exception as error:
            self.password.clear()
            self.show_error(error)
            return
        self.accept()


class IdleWatch(QObject):
    """Calls `on_idle` after `minutes` without a key press, click or mouse move anywhere in the
    program (0: never)."""

    def __init__(self, minutes: int, on_idle: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self.paused = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.restart()

    def restart(self) -> None:
        if self.minutes > 0 and not self.paused:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def pause(self, paused: bool) -> None:
        self.paused = paused
        self.restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self.minutes > 0 and not self.paused and event.type() in IDLE_EVENTS:
            self.timer.start()
        return False
