"""The "Chữ ký số" box of the report settings: how reports are signed (a .p12 file or a USB
token), a personal signing identity, and the trusted root certificates that received reports are
checked against.

`ReportSettingsPanel` embeds the box and saves its fields with the header's; a new identity and
the list of trusted certificates are saved at once, as they change (`stored` then fires). Only a
role with `Permission.CHANGE_SETTINGS` edits; a role that signs may still make an identity.
Passwords and PINs are never stored: they are asked when needed and forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.permissions import Permission, allowed, require
from antq_desktop.services.report_settings import (
    METHOD_P12,
    METHOD_PKCS11,
    ReportSettings,
    read_report_settings,
    save_report_settings,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.field_messages import FieldMessages, error_label
from antq_desktop.ui.identity_dialog import (
    FINGERPRINT_STYLE,
    CreatedIdentity,
    IdentityDialog,
    ask_passphrase,
    choose_certificate_output,
    documents_folder,
    slug,
    summary_text,
    unused_path,
)
from antq_desktop.ui.note import grey_note
from antq_desktop.ui.style import ERROR_STYLE
from antq_desktop.ui.trusted_certificates import TrustedCertificates
from antq_desktop.ui.worker import run_task

if TYPE_CHECKING:  # the report modules load pyHanko: imported when first used
    from antq_desktop.reports.identity import CertificateSummary

SIGNING_TEXT_KEYS = ("p12_path", "pkcs11_library", "pkcs11_token", "pkcs11_key")


# --- work on the database worker ----------------------------------------------------------------


def save_fields(workspace: Workspace, **changes: str) -> ReportSettings:
    """Store `changes` over the settings as stored (edits not yet saved stay as they are)."""
    require(workspace, Permission.CHANGE_SETTINGS)
    return save_report_settings(workspace, replace(read_report_settings(workspace), **changes))


def certificate_of(path: Path, passphrase: str) -> CertificateSummary:
    from antq_desktop.reports.identity import certificate_summary
    from antq_desktop.reports.signing import open_pkcs12

    with open_pkcs12(path, passphrase) as identity:
        return certificate_summary(identity.certificate_pem)


# --- parts shared with the header box (report_settings_panel) ------------------------------------


def line_editor(
    editors: dict[str, Any], key: str, placeholder: str = "", *, read_only: bool
) -> QLineEdit:
    """A one-line field of the report settings, remembered under its settings key."""
    editor = QLineEdit()
    editor.setPlaceholderText(placeholder)
    editor.setReadOnly(read_only)
    editors[key] = editor
    return editor


def push_button(name: str, text: str, slot: Any) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def settings_form(box: QWidget) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def labelled_row(
    form: QFormLayout,
    messages: FieldMessages,
    key: str,
    label: str,
    field: QWidget,
    *extras: QWidget,
    hint: str = "",
) -> QWidget:
    """A labelled row: the field (and buttons beside it), a grey hint and a hidden error."""
    field.setObjectName(f"field.{key}")
    error = error_label(f"error.{key}")
    cell = QWidget()
    cell_column = QVBoxLayout(cell)
    cell_column.setContentsMargins(0, 0, 0, 0)
    cell_column.setSpacing(2)
    line = QHBoxLayout()
    line.addWidget(field, 1)
    for extra in extras:
        line.addWidget(extra)
    cell_column.addLayout(line)
    if hint:
        cell_column.addWidget(grey_note(hint))
    cell_column.addWidget(error)
    form.addRow(label, cell)
    messages.fields[key] = field
    messages.errors[key] = error
    return cell


def strip(*widgets: QWidget) -> QWidget:
    """The widgets side by side, left-aligned, as one widget (a form row)."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return holder


# --- the box ------------------------------------------------------------------------------------


class SigningSettings(QGroupBox):
    stored = Signal()
    """A change was saved at once: a new identity's file, or the trusted list."""

    def __init__(
        self,
        workspace: Workspace,
        messages: FieldMessages,
        identity_names: Callable[[], tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        """`messages` shows the save's refusals under these fields too; `identity_names` gives
        the (signer, unit) a new identity starts with."""
        super().__init__(self.tr("Chữ ký số"), parent)
        self.setObjectName("report.signing_box")
        self.workspace = workspace
        self.messages = messages
        self.identity_names = identity_names
        self.may_change = allowed(workspace, Permission.CHANGE_SETTINGS)
        self.may_create_identity = self.may_change or allowed(workspace, Permission.SIGN_REPORT)
        self.identity_dialog: IdentityDialog | None = None
        self._editors: dict[str, QLineEdit] = {}

        self.signing_form = form = settings_form(self)
        self.method_p12 = QRadioButton(self.tr("Tệp chứng thư số (.p12/.pfx)"))
        self.method_p12.setObjectName("report.method_p12")
        self.method_p12.setChecked(True)
        self.method_pkcs11 = QRadioButton(self.tr("USB token (PKCS#11)"))
        self.method_pkcs11.setObjectName("report.method_pkcs11")
        self.methods = QButtonGroup(self)
        for radio in (self.method_p12, self.method_pkcs11):
            radio.setEnabled(self.may_change)
            self.methods.addButton(radio)
            radio.toggled.connect(self._show_method)
        methods = strip(self.method_p12, self.method_pkcs11)
        labelled_row(form, messages, "signing_method", self.tr("Cách ký"), methods)
        self.p12_rows = self._p12_rows(form)
        self.pkcs11_rows = self._pkcs11_rows(form)
        self.trusted_certificates = TrustedCertificates(workspace, messages)
        self.trusted_certificates.stored.connect(self.stored)
        form.addRow(self.trusted_certificates)
        self._show_method()

    # --- building -----------------------------------------------------------------------------

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        return line_editor(self._editors, key, placeholder, read_only=not self.may_change)

    def _choose_button(self, name: str, slot: Any) -> QPushButton:
        button = push_button(name, self.tr("Chọn…"), slot)
        button.setVisible(self.may_change)
        return button

    def _p12_rows(self, form: QFormLayout) -> list[QWidget]:
        path_row = labelled_row(
            form,
            self.messages,
            "p12_path",
            self.tr("Tệp chứng thư số"),
            self._line("p12_path", self.tr("tệp .p12/.pfx chứa khóa ký")),
            self._choose_button("report.choose_p12", self._choose_p12),
        )
        self.view_button = push_button(
            "report.view_certificate", self.tr("Xem chứng thư…"), self.view_certificate
        )
        self.export_button = push_button(
            "report.export_certificate", self.tr("Xuất chứng thư…"), self.export_certificate
        )
        self.create_button = push_button(
            "report.create_identity", self.tr("Tạo chữ ký số cá nhân…"), self.create_identity
        )
        self.create_button.setVisible(self.may_create_identity)
        self.create_button.setToolTip(
            self.tr("Khi đơn vị chưa được cấp chứng thư số: tạo khóa và chứng thư tự ký (.p12).")
        )
        self.p12_summary = grey_note(
            self.tr(
                "Tệp .p12 có mật khẩu: bấm “Xem chứng thư…” và nhập mật khẩu để xem người ký và "
                "dấu vân tay. Chương trình không lưu mật khẩu."
            )
        )
        self.p12_summary.setObjectName("report.p12_summary")
        self.p12_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.p12_message = error_label("report.p12_message")
        # One cell, not three form rows: QFormLayout gives a wrapped label in a row of its own
        # the height it would need at its narrowest, which leaves a gap above it.
        actions = QWidget()
        actions_column = QVBoxLayout(actions)
        actions_column.setContentsMargins(0, 0, 0, 0)
        actions_column.addWidget(strip(self.view_button, self.export_button, self.create_button))
        actions_column.addWidget(self.p12_summary)
        actions_column.addWidget(self.p12_message)
        form.addRow("", actions)
        return [path_row, actions]

    def _pkcs11_rows(self, form: QFormLayout) -> list[QWidget]:
        library = labelled_row(
            form,
            self.messages,
            "pkcs11_library",
            self.tr("Thư viện PKCS#11"),
            self._line("pkcs11_library"),
            self._choose_button("report.choose_library", self._choose_library),
            hint=self.tr(
                "tệp .dll của nhà cung cấp token, ví dụ C:\\Windows\\System32\\vnpt-ca_v34.dll"
            ),
        )
        token = labelled_row(
            form,
            self.messages,
            "pkcs11_token",
            self.tr("Nhãn USB token"),
            self._line("pkcs11_token", self.tr("tên token, xem trong phần mềm của nhà cung cấp")),
        )
        key = labelled_row(
            form,
            self.messages,
            "pkcs11_key",
            self.tr("Nhãn khóa ký"),
            self._line("pkcs11_key", self.tr("tên khóa ký trên token")),
            hint=self.tr("Mã PIN của token được hỏi mỗi lần ký, không lưu lại."),
        )
        return [library, token, key]

    # --- the fields ---------------------------------------------------------------------------

    def editor(self, key: str) -> QLineEdit:
        return self._editors[key]

    def text(self, key: str) -> str:
        return self._editors[key].text()

    def show_values(self, values: ReportSettings) -> None:
        for key in SIGNING_TEXT_KEYS:
            self._editors[key].setText(getattr(values, key))
        radio = self.method_pkcs11 if values.signing_method == METHOD_PKCS11 else self.method_p12
        radio.setChecked(True)

    def values(self) -> dict[str, str]:
        """The box's fields as `ReportSettings` attributes, to save with the header's."""
        method = METHOD_PKCS11 if self.method_pkcs11.isChecked() else METHOD_P12
        trusted = self.trusted_certificates.paths()
        texts = {key: self.text(key) for key in SIGNING_TEXT_KEYS}
        return {**texts, "signing_method": method, "trusted_certificates": trusted}

    def _show_method(self) -> None:
        for row in self.p12_rows:
            self.signing_form.setRowVisible(row, self.method_p12.isChecked())
        for row in self.pkcs11_rows:
            self.signing_form.setRowVisible(row, self.method_pkcs11.isChecked())

    def _say(self, label: QLabel, text: str, *, error: bool = False) -> None:
        label.setStyleSheet(ERROR_STYLE if error else "")
        label.setText(text)
        label.setVisible(bool(text))

    # --- the certificate file -----------------------------------------------------------------

    def _choose_p12(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn tệp chứng thư số"),
            self.text("p12_path") or str(documents_folder()),
            self.tr("Chứng thư số PKCS#12 (*.p12 *.pfx);;Mọi tệp (*)"),
        )
        if chosen:
            self._editors["p12_path"].setText(chosen)

    def _choose_library(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn thư viện PKCS#11 của USB token"),
            self.text("pkcs11_library"),
            self.tr("Thư viện PKCS#11 (*.dll *.so *.dylib);;Mọi tệp (*)"),
        )
        if chosen:
            self._editors["pkcs11_library"].setText(chosen)

    def _p12_path(self) -> Path | None:
        text = self.text("p12_path").strip()
        if not text:
            self._say(
                self.p12_message, self.tr("Chưa chọn tệp chứng thư số (.p12/.pfx)."), error=True
            )
            return None
        return Path(text)

    def _say_p12_error(self, error: Exception) -> None:
        self._say(self.p12_message, i18n.error_text(error), error=True)

    def view_certificate(self) -> None:
        """Ask the passphrase, then show who the configured .p12 belongs to."""
        path = self._p12_path()
        passphrase = ask_passphrase(self, path) if path is not None else None
        if path is None or passphrase is None:
            return
        run_task(
            lambda: certificate_of(path, passphrase),
            self._show_certificate,
            self._say_p12_error,
            owner=self,
        )

    def _show_certificate(self, summary: CertificateSummary) -> None:
        self._say(self.p12_message, "")
        self.p12_summary.setStyleSheet(FINGERPRINT_STYLE)
        self.p12_summary.setText(summary_text(summary))

    def export_certificate(self) -> None:
        from antq_desktop.reports.identity import export_certificate

        """Write the configured .p12's certificate to a .pem (for the superior unit to trust)."""
        path = self._p12_path()
        passphrase = ask_passphrase(self, path) if path is not None else None
        if path is None or passphrase is None:
            return

        def opened(summary: CertificateSummary) -> None:
            self._show_certificate(summary)
            folder = documents_folder()
            suggested = unused_path(folder, f"chung-thu-{slug(summary.subject_name)}", ".pem")
            out = choose_certificate_output(self, suggested)
            if out is None:
                return
            run_task(
                lambda: export_certificate(path, passphrase, out),
                lambda _: self._say(
                    self.p12_message, self.tr("Đã xuất chứng thư ra {path}.").format(path=out)
                ),
                self._say_p12_error,
                owner=self,
            )

        run_task(lambda: certificate_of(path, passphrase), opened, self._say_p12_error, owner=self)

    # --- a personal identity ------------------------------------------------------------------

    def create_identity(self) -> None:
        full_name, unit_name = self.identity_names()
        self.identity_dialog = IdentityDialog(full_name, unit_name, self)
        self.identity_dialog.created.connect(self._identity_created)
        self.identity_dialog.open()

    def _identity_created(self, identity: CreatedIdentity) -> None:
        self._show_certificate(identity.summary)
        if not self.may_change:
            self._say(
                self.p12_message,
                self.tr(
                    "Đã tạo tệp {path}. Tài khoản này không được thay đổi cài đặt: khi ký báo cáo, "
                    "hãy chọn tệp này."
                ).format(path=identity.path),
            )
            return
        self._editors["p12_path"].setText(str(identity.path))
        self.method_p12.setChecked(True)
        workspace, path = self.workspace, str(identity.path)
        run_task(
            lambda: save_fields(workspace, p12_path=path, signing_method=METHOD_P12),
            lambda _: self._identity_saved(identity),
            self.messages.show,
            owner=self,
        )

    def _identity_saved(self, identity: CreatedIdentity) -> None:
        self._say(
            self.p12_message,
            self.tr("Đã tạo chữ ký số cá nhân và lưu đường dẫn {path} để ký báo cáo.").format(
                path=identity.path
            ),
        )
        self.stored.emit()
