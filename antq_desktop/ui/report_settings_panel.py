"""Báo cáo và chữ ký số on the settings page: the header strings printed on a report, and how
reports are signed (a .p12 file or a USB token) and checked (the trusted root certificates).

A blank header field prints the default built from the unit's name; the default shows as the
field's placeholder. The header and the signing fields are saved together by the panel's button;
a new personal identity and the list of trusted certificates are saved at once, as they change.
Only a role with `Permission.CHANGE_SETTINGS` edits; others read. Passwords and PINs are never
stored: they are asked when needed and forgotten. The signing fields are in their own box,
`signing_settings.SigningSettings`, with the trusted list (`trusted_certificates`) at its foot.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.installation import read_installation
from antq_desktop.services.permissions import Permission, allowed, require
from antq_desktop.services.report_header import ReportHeader
from antq_desktop.services.report_settings import (
    ReportSettings,
    header_defaults,
    read_report_settings,
    save_report_settings,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.field_messages import FieldMessages
from antq_desktop.ui.identity_dialog import IdentityDialog
from antq_desktop.ui.note import grey_note
from antq_desktop.ui.signing_settings import (
    SIGNING_TEXT_KEYS,
    SigningSettings,
    labelled_row,
    line_editor,
    push_button,
    settings_form,
)
from antq_desktop.ui.trusted_certificates import TrustedFile, read_trusted
from antq_desktop.ui.worker import run_task

HEADER_KEYS = (
    "parent_body",
    "issuing_body",
    "number_suffix",
    "signer_title",
    "signer_name",
    "recipients",
)


# --- work on the database worker ----------------------------------------------------------------


@dataclass(frozen=True)
class Defaults:
    """What blank fields print, and the names a new identity starts with."""

    header: ReportHeader
    officer_name: str
    unit_name: str


@dataclass(frozen=True)
class PanelState:
    settings: ReportSettings
    defaults: Defaults
    trusted: tuple[TrustedFile, ...]


def read_defaults(workspace: Workspace) -> Defaults:
    installation = read_installation(workspace)
    own = installation.own_unit
    unit_name = ""
    if own is not None:
        unit_name = own.name if own.name.casefold().startswith("công an") else f"Công an {own.name}"
    return Defaults(header_defaults(workspace), installation.officer_name, unit_name)


def read_state(workspace: Workspace) -> PanelState:
    values = read_report_settings(workspace)
    trusted = tuple(read_trusted(path) for path in values.trusted_certificates.splitlines())
    return PanelState(values, read_defaults(workspace), trusted)


def save_all(workspace: Workspace, values: ReportSettings) -> ReportSettings:
    require(workspace, Permission.CHANGE_SETTINGS)
    return save_report_settings(workspace, values)


# --- the panel ----------------------------------------------------------------------------------


class ReportSettingsPanel(QWidget):
    def __init__(
        self, workspace: Workspace, changes: Changes | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.changes = changes
        self.may_change = allowed(workspace, Permission.CHANGE_SETTINGS)
        self.messages = FieldMessages()
        self.messages.general.setObjectName("report.error.general")
        self.defaults: Defaults | None = None
        self._editors: dict[str, QLineEdit | QPlainTextEdit] = {}

        title = QLabel(self.tr("Báo cáo và chữ ký số"))
        title.setObjectName("report.title")
        title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.read_only_note = grey_note(
            self.tr(
                "Tài khoản {user} ({role}) không có quyền thay đổi cài đặt: các mục dưới đây chỉ "
                "để xem."
            ).format(user=workspace.user, role=workspace.role.label(i18n.language()))
        )
        self.read_only_note.setObjectName("report.read_only")
        self.read_only_note.setVisible(not self.may_change)

        self.state = QLabel()
        self.state.setObjectName("report.state")
        self.state.setWordWrap(True)
        self.save_button = push_button("report.save", self.tr("Lưu cài đặt báo cáo"), self.save)
        self.save_button.setVisible(self.may_change)
        self.save_button.setEnabled(False)  # until the settings have been read
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.save_button)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 12, 0, 0)
        column.addWidget(title)
        column.addWidget(self.read_only_note)
        column.addWidget(self._header_box())
        self.signing = SigningSettings(workspace, self.messages, self._identity_names)
        self.signing.stored.connect(self._announce)
        column.addWidget(self.signing)
        column.addWidget(self.messages.general)
        column.addLayout(bottom)
        self._name_signing_parts()
        if changes is not None:  # the unit's name may change on this page: new placeholders
            changes.changed.connect(self.refresh_defaults)

    # --- building -----------------------------------------------------------------------------

    def _name_signing_parts(self) -> None:
        """The signing box's parts under the names they had when it was part of this panel."""
        signing, trusted = self.signing, self.signing.trusted_certificates
        self.method_p12, self.method_pkcs11 = signing.method_p12, signing.method_pkcs11
        self.view_button, self.export_button = signing.view_button, signing.export_button
        self.create_button = signing.create_button
        self.p12_summary, self.p12_message = signing.p12_summary, signing.p12_message
        self.trusted_list, self.trusted_empty = trusted.trusted_list, trusted.trusted_empty
        self.trusted_state, self.trusted_refused = trusted.trusted_state, trusted.trusted_refused
        self.add_trusted_button = trusted.add_trusted_button
        self.remove_trusted_button = trusted.remove_trusted_button

    @property
    def identity_dialog(self) -> IdentityDialog | None:
        return self.signing.identity_dialog

    def _row(
        self, form: QFormLayout, key: str, label: str, field: QWidget, *, hint: str = ""
    ) -> QWidget:
        return labelled_row(form, self.messages, key, label, field, hint=hint)

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        return line_editor(self._editors, key, placeholder, read_only=not self.may_change)

    def _lines(self, key: str, rows: int) -> QPlainTextEdit:
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        editor.setReadOnly(not self.may_change)
        margins = editor.contentsMargins()
        height = editor.fontMetrics().lineSpacing() * rows + 2 * editor.document().documentMargin()
        editor.setFixedHeight(int(height) + margins.top() + margins.bottom() + 4)
        self._editors[key] = editor
        return editor

    def _header_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tiêu đề văn bản"))
        box.setObjectName("report.header_box")
        form = settings_form(box)
        form.addRow(
            grey_note(
                self.tr(
                    "Ô để trống thì in theo tên đơn vị ở phần “Đơn vị của bạn”; chữ mờ trong ô là "
                    "nội dung sẽ được in."
                )
            )
        )
        self._row(form, "parent_body", self.tr("Cơ quan chủ quản"), self._line("parent_body"))
        self._row(form, "issuing_body", self.tr("Cơ quan ban hành"), self._line("issuing_body"))
        self._row(
            form,
            "number_suffix",
            self.tr("Ký hiệu"),
            self._line("number_suffix"),
            hint=self.tr("chữ sau “BC-” trong số báo cáo, ví dụ CAP trong “Số: 05/BC-CAP”"),
        )
        self._row(
            form,
            "signer_title",
            self.tr("Thẩm quyền, chức vụ\nngười ký"),
            self._lines("signer_title", 2),
            hint=self.tr("mỗi dòng một dòng in, ví dụ “KT. TRƯỞNG CÔNG AN PHƯỜNG” rồi chức vụ"),
        )
        self._row(form, "signer_name", self.tr("Họ tên người ký"), self._line("signer_name"))
        self._row(
            form,
            "recipients",
            self.tr("Nơi nhận"),
            self._lines("recipients", 3),
            hint=self.tr("mỗi dòng một nơi nhận"),
        )
        return box

    # --- reading ------------------------------------------------------------------------------

    def editor(self, key: str) -> QLineEdit | QPlainTextEdit:
        """The editor of a header field or a signing field (`ReportSettings` attribute names)."""
        if key in SIGNING_TEXT_KEYS:
            return self.signing.editor(key)
        return self._editors[key]

    def text(self, key: str) -> str:
        editor = self.editor(key)
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def error_label(self, key: str) -> QLabel:
        return self.messages.errors[key]

    def load(self) -> None:
        """Read the settings, the defaults and the trusted certificates (on the worker)."""
        workspace = self.workspace
        run_task(lambda: read_state(workspace), self._show_state, self._failed, owner=self)

    def refresh_defaults(self) -> None:
        workspace = self.workspace
        run_task(lambda: read_defaults(workspace), self._show_defaults, self._failed, owner=self)

    def _show_state(self, state: PanelState) -> None:
        self._show_values(state.settings)
        self._show_defaults(state.defaults)
        self.signing.trusted_certificates.show_trusted(list(state.trusted))
        self.save_button.setEnabled(True)

    def _show_values(self, values: ReportSettings) -> None:
        for key in HEADER_KEYS:
            editor = self._editors[key]
            value = getattr(values, key)
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value)
            else:
                editor.setText(value)
        self.signing.show_values(values)

    def _show_defaults(self, defaults: Defaults) -> None:
        self.defaults = defaults
        header = defaults.header
        printed = {
            "parent_body": header.parent_body,
            "issuing_body": header.issuing_body,
            "number_suffix": header.number_suffix,
            "signer_title": "\n".join(header.signer_title),
            "signer_name": header.signer_name,
            "recipients": "\n".join(header.recipients),
        }
        for key, text in printed.items():
            self._editors[key].setPlaceholderText(text or self.tr("để trống: không in dòng này"))

    def _failed(self, error: Exception) -> None:
        self.messages.show(error)

    def _identity_names(self) -> tuple[str, str]:
        """The signer and unit a new identity starts with: the name typed above, or the
        officer in charge; the unit's name."""
        defaults = self.defaults
        full_name = self.text("signer_name").strip() or (defaults.officer_name if defaults else "")
        return full_name, defaults.unit_name if defaults else ""

    # --- saving -------------------------------------------------------------------------------

    def collect(self) -> ReportSettings:
        texts = {key: self.text(key) for key in HEADER_KEYS}
        return ReportSettings(**texts, **self.signing.values())

    def save(self) -> None:
        if not self.may_change or not self.save_button.isEnabled():
            return
        self.messages.clear()
        self.state.clear()
        values = self.collect()
        workspace = self.workspace
        self.save_button.setEnabled(False)
        run_task(lambda: save_all(workspace, values), self._saved, self._save_failed, owner=self)

    def _saved(self, values: ReportSettings) -> None:
        self.save_button.setEnabled(True)
        self._show_values(values)
        self.state.setText(self.tr("Đã lưu cài đặt báo cáo."))
        self._announce()

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.messages.show(error)

    def _announce(self) -> None:
        if self.changes is not None:
            self.changes.saved()
