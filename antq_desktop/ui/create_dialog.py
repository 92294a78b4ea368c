"""The first-run dialog: create the record book (the database file) for the officer's unit, with
its administrator account (the file is encrypted from the start)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.domain.validation import FieldError, ValidationFailed
from antq_desktop.services.accounts import (
    DEFAULT_ADMIN,
    PASSWORD_MISMATCH,
    NewAccount,
    create_protected,
)
from antq_desktop.services.units import check_new_unit
from antq_desktop.services.workspace import NewUnit, Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.field_messages import FieldMessages
from antq_desktop.ui.worker import run_task

OWN_LEVELS = (UnitLevel.WARD, UnitLevel.DISTRICT, UnitLevel.PROVINCE)
SUPERIOR_LEVELS = (UnitLevel.DISTRICT, UnitLevel.PROVINCE, UnitLevel.NATION)


class CreateWorkspaceDialog(QDialog):
    """Asks for the unit, its (optional) superior unit and the officer, then creates the file.

    Refusals from the services are shown in red under the field they concern and the dialog stays
    open; `workspace` holds the open record book once the dialog is accepted.
    """

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.workspace: Workspace | None = None
        self.setWindowTitle(self.tr("Tạo sổ theo dõi mới"))
        self._editors: dict[str, QLineEdit] = {}
        self.messages = FieldMessages()

        intro = QLabel(
            self.tr(
                "Chưa có sổ theo dõi tại {path}. Hãy nhập thông tin đơn vị của bạn để tạo sổ mới."
            ).format(path=path)
        )
        intro.setWordWrap(True)

        own_box = QGroupBox(self.tr("Đơn vị của bạn"))
        own_form = QFormLayout(own_box)
        self._add_text(own_form, "name", self.tr("Tên đơn vị"), self.tr("ví dụ: Phường 9"))
        self._add_text(
            own_form, "code", self.tr("Mã đơn vị"), self.tr("mã hành chính, ví dụ: 27262")
        )
        self.level = self._level_combo(OWN_LEVELS, "field.level")
        own_form.addRow(self.tr("Cấp"), self.level)
        self._add_text(
            own_form,
            "place_name",
            self.tr("Địa danh"),
            self.tr("ghi ở dòng ngày tháng của báo cáo; để trống: dùng tên đơn vị"),
        )

        superior_box = QGroupBox(self.tr("Đơn vị cấp trên (không bắt buộc)"))
        superior_form = QFormLayout(superior_box)
        self._add_text(
            superior_form, "superior_name", self.tr("Tên đơn vị"), self.tr("ví dụ: Quận 4")
        )
        self._add_text(superior_form, "superior_code", self.tr("Mã đơn vị"), self.tr("ví dụ: 773"))
        self.superior_level = self._level_combo(SUPERIOR_LEVELS, "field.superior_level")
        superior_form.addRow(self.tr("Cấp"), self.superior_level)

        officer_box = QGroupBox(self.tr("Cán bộ phụ trách"))
        officer_form = QFormLayout(officer_box)
        self._add_text(officer_form, "officer_name", self.tr("Họ và tên"), "")
        self._add_text(
            officer_form, "officer_title", self.tr("Chức vụ"), self.tr("ví dụ: Phó Trưởng Công an")
        )

        account_box = QGroupBox(self.tr("Tài khoản quản trị (để đăng nhập và mã hóa tệp dữ liệu)"))
        account_form = QFormLayout(account_box)
        self._add_text(
            account_form,
            "username",
            self.tr("Tên đăng nhập"),
            self.tr("chữ không dấu, ví dụ: admin"),
        )
        self._editors["username"].setText(DEFAULT_ADMIN)
        self._add_text(account_form, "admin_name", self.tr("Họ và tên"), "")
        self._add_text(account_form, "password", self.tr("Mật khẩu"), self.tr("ít nhất 8 ký tự"))
        self._add_text(account_form, "password_again", self.tr("Gõ lại mật khẩu"), "")
        for field in ("password", "password_again"):
            self._editors[field].setEchoMode(QLineEdit.EchoMode.Password)

        self.general_error = self.messages.general
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Tạo sổ"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        self.buttons.accepted.connect(self.create_record_book)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (intro, own_box, superior_box, officer_box, account_box, self.general_error):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def editor(self, field: str) -> QLineEdit:
        return self._editors[field]

    def error_label(self, field: str) -> QLabel:
        return self.messages.errors[field]

    def _add_text(self, form: QFormLayout, field: str, label: str, placeholder: str) -> None:
        editor = QLineEdit()
        editor.setPlaceholderText(placeholder)
        self.messages.add(form, field, label, editor)
        self._editors[field] = editor

    def _level_combo(self, levels: tuple[UnitLevel, ...], name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for level in levels:
            combo.addItem(level.label(i18n.language()), level)
        return combo

    def _text(self, field: str) -> str:
        return self._editors[field].text()

    def create_record_book(self) -> None:
        """Create the record book from what was typed (on the database thread)."""
        self.messages.clear()
        own = NewUnit(
            self._text("name"),
            self._text("code"),
            self.level.currentData(),
            self._text("place_name"),
        )
        superior = None
        if self._text("superior_name").strip() or self._text("superior_code").strip():
            superior = NewUnit(
                self._text("superior_name"),
                self._text("superior_code"),
                self.superior_level.currentData(),
            )
        found: list[FieldError] = []  # both units checked first: every mistake shows at once
        for unit, prefix in ((own, ""), (superior, "superior_")):
            try:
                if unit is not None:
                    check_new_unit(unit, field_prefix=prefix)
            except ValidationFailed as refused:
                found.extend(refused.errors)
        if self._text("password") != self._text("password_again"):
            found.append(FieldError("password_again", PASSWORD_MISMATCH()))
        if found:
            self._refused(ValidationFailed(found))
            return
        path = self.path
        officer_name, officer_title = self._text("officer_name"), self._text("officer_title")
        admin = NewAccount(self._text("username"), self._text("password"), self._text("admin_name"))
        self.buttons.setEnabled(False)
        run_task(
            lambda: create_protected(
                path,
                own,
                admin,
                superior_unit=superior,
                officer_name=officer_name,
                officer_title=officer_title,
            ),
            self._created,
            self._refused,
            owner=self,
        )

    def reject(self) -> None:
        if self.buttons.isEnabled():  # not while the file is being created
            super().reject()

    def _created(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.messages.show(error)
        self.adjustSize()  # grow to the wrapped messages instead of letting them overlap the fields
