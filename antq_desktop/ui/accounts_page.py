"""Tài khoản: the administrator adds accounts, changes their name, role or whether they may sign
in, resets a forgotten password and lifts a lock from wrong passwords.

Every change goes through `services.accounts`, which refuses what is not allowed (the last
administrator losing the role, a short password, a user name already taken); the refusal is shown
under the field it concerns, or at the bottom of the dialog. Account changes are not undone with
Ctrl+Z: a password cannot be put back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.enums import UserRole
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import accounts
from antq_desktop.services.accounts import AccountView, NewAccount
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import EnumCombo
from antq_desktop.ui.field_messages import error_label
from antq_desktop.ui.paged_model import format_moment
from antq_desktop.ui.record_dialog import RecordDialog
from antq_desktop.ui.worker import run_task

HINT_STYLE = "color: #555555;"
INACTIVE_COLOUR = QColor("#777777")
LOCKED_COLOUR = QColor("#b00020")
COLUMN_PADDING = 24


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def read_new_password(
    errors: ErrorCollector, username: str, password: QLineEdit, again: QLineEdit
) -> str:
    """The password typed twice, checked as the service checks it (length, not the user
    name) and for the two typings differing: each message under its field."""
    accounts.check_password(errors, "password", username, password.text())
    if password.text() != again.text():
        errors.add("password_again", accounts.PASSWORD_MISMATCH())
    return password.text()


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class NewAccountDialog(RecordDialog):
    """A new account: user name, full name, role and its first password (typed twice)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Thêm tài khoản"), parent)
        self.workspace = workspace
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("ví dụ: nguyenvana"))
        self.add_field("username", self.tr("Tên đăng nhập"), self.username)
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("ví dụ: Nguyễn Văn An"))
        self.add_field("full_name", self.tr("Họ và tên"), self.full_name)
        self.role = EnumCombo(UserRole)
        self.role.set_value(UserRole.OFFICER)
        self.add_field("role", self.tr("Vai trò"), self.role)
        self.password = password_edit()
        self.add_field("password", self.tr("Mật khẩu"), self.password)
        self.password_again = password_edit()
        self.add_field("password_again", self.tr("Gõ lại mật khẩu"), self.password_again)
        self.body.addWidget(
            hint_label(
                self.tr(
                    "Mật khẩu cần ít nhất {count} ký tự. Hãy báo mật khẩu cho người dùng trực "
                    "tiếp; họ có thể tự đổi sau khi đăng nhập."
                ).format(count=accounts.MIN_PASSWORD_LENGTH)
            )
        )
        self.mark_clean()
        self.username.setFocus()

    def collect(self) -> NewAccount:
        errors = ErrorCollector()
        username = self.username.text()
        password = read_new_password(errors, username, self.password, self.password_again)
        errors.raise_if_any()
        return NewAccount(
            username=username,
            password=password,
            full_name=self.full_name.text(),
            role=self.role.value(),
        )

    def submit(self, data: NewAccount) -> AccountView:
        return accounts.add_account(self.workspace, data)


@dataclass(frozen=True)
class AccountChange:
    full_name: str
    role: UserRole
    active: bool
    password: str | None
    """A new password: given when a disabled account is enabled again."""


class EditAccountDialog(RecordDialog):
    """An account's full name, role, and whether it may sign in."""

    def __init__(
        self, workspace: Workspace, account: AccountView, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Sửa tài khoản {user}").format(user=account.username), parent)
        self.workspace = workspace
        self.account = account
        name = QLabel(account.username)
        name.setObjectName("username")
        self.form.addRow(self.tr("Tên đăng nhập"), name)
        self.full_name = QLineEdit(account.full_name)
        self.add_field("full_name", self.tr("Họ và tên"), self.full_name)
        self.role = EnumCombo(UserRole)
        self.role.set_value(account.role)
        self.add_field("role", self.tr("Vai trò"), self.role)
        self.active = QCheckBox(self.tr("Được phép đăng nhập"))
        self.active.setChecked(account.active)
        self.add_field("active", self.tr("Trạng thái"), self.active)
        if account.active:
            hint = self.tr(
                "Bỏ chọn “Được phép đăng nhập” để vô hiệu hóa tài khoản: mật khẩu của tài khoản "
                "không mở được tệp dữ liệu nữa."
            )
        else:
            hint = self.tr(
                "Tài khoản đang bị vô hiệu hóa và không còn mật khẩu. Để cho phép đăng nhập "
                "lại, hãy chọn ô trên và đặt mật khẩu mới."
            )
        self.body.addWidget(hint_label(hint))
        # A disabled account lost its password (its wrapped key): enabling it needs a new one.
        self.password: QLineEdit | None = None
        self.password_again: QLineEdit | None = None
        if not account.active:
            form = self.add_group(self.tr("Mật khẩu mới"))
            self.password = password_edit()
            self.add_field("password", self.tr("Mật khẩu mới"), self.password, form=form)
            self.password_again = password_edit()
            self.add_field(
                "password_again", self.tr("Gõ lại mật khẩu mới"), self.password_again, form=form
            )
            box = form.parentWidget()
            assert box is not None  # the group box of `add_group`
            box.setVisible(False)
            self.active.toggled.connect(box.setVisible)
        self.mark_clean()
        self.full_name.setFocus()

    def collect(self) -> AccountChange:
        password = None
        if self.password is not None and self.password_again is not None:
            errors = ErrorCollector()
            if self.active.isChecked():
                password = read_new_password(
                    errors, self.account.username, self.password, self.password_again
                )
            errors.raise_if_any()
        return AccountChange(
            self.full_name.text(), self.role.value(), self.active.isChecked(), password
        )

    def submit(self, data: AccountChange) -> str:
        name = self.account.username
        if data.password is not None:  # first the key, so an enabled account always has one
            accounts.set_password(self.workspace, name, data.password)
        accounts.update_account(
            self.workspace, name, full_name=data.full_name, role=data.role, active=data.active
        )
        return name


class PasswordDialog(RecordDialog):
    """A new password for an account (one forgotten, or one disabled and enabled again)."""

    def __init__(
        self, workspace: Workspace, account: AccountView, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Đặt lại mật khẩu cho {user}").format(user=account.username), parent
        )
        self.workspace = workspace
        self.account = account
        self.password = password_edit()
        self.add_field("password", self.tr("Mật khẩu mới"), self.password)
        self.password_again = password_edit()
        self.add_field("password_again", self.tr("Gõ lại mật khẩu mới"), self.password_again)
        self.body.addWidget(
            hint_label(
                self.tr("Mật khẩu cũ không dùng được nữa; tài khoản được mở khóa nếu đang bị khóa.")
            )
        )
        self.mark_clean()
        self.password.setFocus()

    def collect(self) -> str:
        errors = ErrorCollector()
        username = self.account.username
        password = read_new_password(errors, username, self.password, self.password_again)
        errors.raise_if_any()
        return password

    def submit(self, data: str) -> str:
        accounts.set_password(self.workspace, self.account.username, data)
        return self.account.username


class AccountsPage(QWidget):
    """The accounts of this record book, for an administrator (the services refuse others)."""

    COLUMNS = ("username", "full_name", "role", "active", "locked_until", "password_changed_at")

    def __init__(
        self, workspace: Workspace, changes: Changes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.changes = changes
        self.accounts: list[AccountView] = []
        self.dialog: RecordDialog | None = None
        self._wanted: str | None = None

        heading = QLabel(self.tr("Tài khoản"))
        heading.setObjectName("heading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.add_button = QPushButton(self.tr("Thêm tài khoản"))
        self.add_button.setObjectName("add")
        self.edit_button = QPushButton(self.tr("Sửa"))
        self.edit_button.setObjectName("edit")
        self.password_button = QPushButton(self.tr("Đặt lại mật khẩu"))
        self.password_button.setObjectName("reset_password")
        self.unlock_button = QPushButton(self.tr("Mở khóa"))
        self.unlock_button.setObjectName("unlock")
        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self.edit_account)
        self.password_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock_account)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        for button in (
            self.add_button,
            self.edit_button,
            self.password_button,
            self.unlock_button,
        ):
            top.addWidget(button)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tên đăng nhập"),
                self.tr("Họ và tên"),
                self.tr("Vai trò"),
                self.tr("Trạng thái"),
                self.tr("Bị khóa đến"),
                self.tr("Đổi mật khẩu lần cuối"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_account())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table, self.edit_account)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

        self.message = error_label("message")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        explanation = hint_label(
            self.tr(
                "Mỗi người dùng một tài khoản riêng: mọi thay đổi được ghi vào nhật ký kèm tên "
                "đăng nhập. Gõ sai mật khẩu {count} lần liền thì tài khoản bị khóa {minutes} "
                "phút; quản trị viên có thể mở khóa sớm."
            ).format(count=accounts.MAX_FAILURES, minutes=accounts.LOCK_MINUTES)
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        self._update_buttons()

    # --- the list -------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the accounts again (keeps the selected one selected)."""
        self._wanted = self._wanted or self.current_username()
        run_task(
            lambda: accounts.list_accounts(self.workspace),
            self._arrived,
            self._not_listed,
            owner=self,
        )

    refresh = load

    def _arrived(self, views: list[AccountView]) -> None:
        wanted, self._wanted = self._wanted, None
        self.accounts = views
        self.table.setRowCount(len(views))
        language = i18n.language()
        for row, view in enumerate(views):
            texts = (
                view.username,
                view.full_name,
                view.role.label(language),
                self.tr("Đang dùng") if view.active else self.tr("Đã vô hiệu hóa"),
                _moment(view.locked_until),
                _moment(view.password_changed_at),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if not view.active:
                    item.setForeground(QBrush(INACTIVE_COLOUR))
                elif column == self.COLUMNS.index("locked_until") and text:
                    item.setForeground(QBrush(LOCKED_COLOUR))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount() - 1):
            self.table.setColumnWidth(column, self.table.columnWidth(column) + COLUMN_PADDING)
        self.table.clearSelection()
        for row, view in enumerate(views):
            if view.username == wanted:
                self.table.selectRow(row)
        self.message.hide()
        self.table.show()
        self._update_buttons()

    def _not_listed(self, error: Exception) -> None:
        """The list cannot be read (a role without the right to manage accounts, a plain file):
        the reason instead of the table."""
        self.accounts = []
        self.table.setRowCount(0)
        self.table.hide()
        self._refused(error)
        self._update_buttons()

    def _refused(self, error: Exception) -> None:
        """A refusal of a change made on the page itself (unlocking)."""
        self.message.setText(i18n.error_text(error))
        self.message.show()
        self.status.clear()

    def current(self) -> AccountView | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        (row,) = rows
        return self.accounts[row] if row < len(self.accounts) else None

    def current_username(self) -> str | None:
        account = self.current()
        return account.username if account is not None else None

    def select(self, username: str) -> None:
        for row, view in enumerate(self.accounts):
            if view.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        account = self.current()
        self.add_button.setEnabled(self.table.isVisibleTo(self))
        self.edit_button.setEnabled(account is not None)
        self.password_button.setEnabled(account is not None)
        self.unlock_button.setEnabled(account is not None and account.locked_until is not None)

    # --- changes --------------------------------------------------------------------------------

    def add_account(self) -> None:
        self._open(NewAccountDialog(self.workspace, self))

    def edit_account(self) -> None:
        account = self.current()
        if account is not None:
            self._open(EditAccountDialog(self.workspace, account, self))

    def reset_password(self) -> None:
        account = self.current()
        if account is not None:
            self._open(PasswordDialog(self.workspace, account, self))

    def unlock_account(self) -> None:
        account = self.current()
        if account is None:
            return
        name = account.username
        run_task(
            lambda: accounts.unlock_account(self.workspace, name),
            lambda _result: self._done(name, self.tr("Đã mở khóa tài khoản {user}.")),
            self._refused,
            owner=self,
        )

    def _open(self, dialog: RecordDialog) -> None:
        texts = {
            NewAccountDialog: self.tr("Đã thêm tài khoản {user}."),
            EditAccountDialog: self.tr("Đã lưu tài khoản {user}."),
            PasswordDialog: self.tr("Đã đặt mật khẩu mới cho tài khoản {user}."),
        }
        text = texts[type(dialog)]
        dialog.saved.connect(lambda result: self._done(_username_of(result), text))
        dialog.open()
        self.dialog = dialog

    def _done(self, username: str, text: str) -> None:
        self.message.hide()
        self.status.setText(text.format(user=username))
        self._wanted = username
        self.changes.saved()  # the status bar, and the audit trail's list reads again
        self.load()


def _moment(value: datetime | None) -> str:
    return format_moment(value) if value is not None else ""


def _username_of(result: object) -> str:
    return result.username if isinstance(result, AccountView) else str(result)
