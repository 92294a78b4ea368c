"""The editor every record kind uses: labelled fields, messages under the field they concern.

A subclass adds its fields with `add_field()`, reads them in `collect()` and saves in `submit()`
(which runs on the database worker and calls a service). Errors from the services (a
`ValidationFailed` naming fields, or a `ServiceError`) are shown in red under the field, whose
border turns red; nothing is saved and the dialog stays open. Fields may also be checked as the
user leaves them (`check=`), with the same messages the services give.

Keys: Ctrl+S or Enter saves, Esc closes; closing with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.messages import Message, MessageTemplate
from antq_desktop.domain.validation import (
    NOT_A_DATE,
    REQUIRED,
    ErrorCollector,
    InvalidValue,
    ValidationFailed,
)
from antq_desktop.ui import i18n
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.field_messages import FieldMessages
from antq_desktop.ui.worker import run_task

# Texts of these shared widgets are looked up under this class's name: self.tr() in a subclass
# would use the subclass's name and miss the translation.
translate = QCoreApplication.translate


Check = Callable[[], Message | None]


class RecordDialog(QDialog):
    saved = Signal(object)
    """The service's result after a successful save (a view of the record)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.result_value: Any = None
        self._dirty = False
        self._saving = False
        self.messages = FieldMessages()
        self._fields = self.messages.fields
        self._checks: dict[str, Check] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = self.messages.general
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(translate("RecordDialog", "Lưu (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("RecordDialog", "Hủy (Esc)")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.body = QVBoxLayout()
        self.body.addLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    # --- building the form --------------------------------------------------------------------

    def add_field(
        self,
        key: str,
        label: str,
        widget: QWidget,
        *,
        form: QFormLayout | None = None,
        check: Check | None = None,
    ) -> QWidget:
        """Add a labelled field; `key` is the field name the services use in their errors."""
        self.messages.add(form or self.form, key, label, widget)
        if check is not None:
            self._checks[key] = check
        self._watch(key, widget)
        return widget

    def add_group(self, title: str) -> QFormLayout:
        """A titled box with its own form, under the fields added so far."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addWidget(box)
        return form

    def field(self, key: str) -> QWidget:
        return self._fields[key]

    def error_label(self, key: str) -> QLabel:
        return self.messages.errors[key]

    def _watch(self, key: str, widget: QWidget) -> None:
        def edited(*_: object) -> None:
            self._dirty = True

        def left() -> None:
            self._run_check(key)

        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(edited)
            widget.editingFinished.connect(left)
        elif isinstance(widget, DateField):
            widget.edited.connect(edited)
            widget.edited.connect(left)
        elif isinstance(widget, QComboBox):
            # `activated` is the person's choice; `currentIndexChanged` also fires when a combo
            # fills itself from the database, which is no edit.
            widget.activated.connect(edited)
            widget.currentIndexChanged.connect(left)
        elif isinstance(widget, QAbstractSpinBox):
            if isinstance(widget, QSpinBox):
                widget.valueChanged.connect(edited)
            widget.editingFinished.connect(left)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(edited)
        elif isinstance(widget, (QCheckBox, QAbstractButton)):
            widget.toggled.connect(edited)

    def mark_dirty(self) -> None:
        """For editors that change without a watched field (a table of rows, a check list)."""
        self._dirty = True

    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_clean(self) -> None:
        self._dirty = False

    # --- messages -----------------------------------------------------------------------------

    def _run_check(self, key: str) -> None:
        check = self._checks.get(key)
        if check is None:
            return
        problem = check()
        self.messages.set(key, problem.render(i18n.language()) if problem is not None else "")

    def clear_errors(self) -> None:
        self.messages.clear()

    def show_error(self, error: Exception) -> None:
        """Put each message under its field (or at the bottom); focus the first field named."""
        self.messages.show(error)

    # --- reading fields -----------------------------------------------------------------------

    def read_date(
        self, errors: ErrorCollector, key: str, label: MessageTemplate, *, required: bool = False
    ) -> date | None:
        """The date typed in field `key`; an error when it is not a date (or blank but needed)."""
        widget = self._fields[key]
        assert isinstance(widget, DateField)
        if widget.is_blank():
            if required:
                errors.add(key, REQUIRED(field=label()))
            return None
        day = widget.date()
        if day is None:
            errors.add(key, NOT_A_DATE(field=label(), value=widget.text()))
        return day

    def date_check(self, key: str, label: MessageTemplate) -> Check:
        """A check for `add_field(check=...)`: the field holds a date or nothing."""

        def check() -> Message | None:
            errors = ErrorCollector()
            self.read_date(errors, key, label)
            return errors.errors[0].message if errors.errors else None

        return check

    def text_check(self, key: str, check: Callable[[str], object]) -> Check:
        """A check for `add_field(check=...)` of a line edit: the domain's own check of the typed
        text (a citizen ID, a phone number), run when the person leaves the field; blank is fine
        here (whether the field is required is the service's answer on save)."""

        def run() -> Message | None:
            widget = self._fields[key]
            assert isinstance(widget, QLineEdit)
            if not widget.text().strip():
                return None
            try:
                check(widget.text())
            except InvalidValue as invalid:
                return invalid.message
            return None

        return run

    # --- saving -------------------------------------------------------------------------------

    def collect(self) -> Any:
        """The input for the service, read from the fields (may raise ValidationFailed)."""
        raise NotImplementedError

    def submit(self, data: Any) -> Any:
        """Save `data` through a service; runs on the database worker."""
        raise NotImplementedError

    def save(self) -> None:
        if self._saving:
            return
        self.clear_errors()
        try:
            data = self.collect()
        except ValidationFailed as invalid:
            self.show_error(invalid)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        run_task(lambda: self.submit(data), self._saved, self._refused, owner=self)

    def _saved(self, result: Any) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.result_value = result
        self._dirty = False
        self.saved.emit(result)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.show_error(error)

    # --- closing ------------------------------------------------------------------------------

    def _may_close(self) -> bool:
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            translate("RecordDialog", "Thay đổi chưa lưu"),
            translate("RecordDialog", "Bạn có thay đổi chưa lưu. Bỏ các thay đổi này?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self._may_close():
            self._dirty = False
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._may_close():
            self._dirty = False
            event.accept()
        else:
            event.ignore()
