"""Form fields with the message about each shown in red under it, and one message line below.

The record editors (`RecordDialog`) and the settings page share this: a refusal from the services
(`ValidationFailed` naming fields, or any other error) lands under the field it names, that field
gets a red border and the focus; what names no field goes to the general line.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.ui import i18n
from antq_desktop.ui.style import ERROR_STYLE

INVALID_BORDER = "border: 1px solid #c62828;"


def error_label(name: str) -> QLabel:
    """A hidden red label for messages (object name `name`, for tests and screen readers)."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldMessages:
    def __init__(self) -> None:
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.general = error_label("error.general")

    def add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        """A labelled row: the widget with its (hidden) message under it."""
        widget.setObjectName(f"field.{key}")
        error = error_label(f"error.{key}")
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(label, cell)
        self.fields[key] = widget
        self.errors[key] = error

    def set(self, key: str, text: str) -> None:
        """Show (or with "" clear) the message of field `key`; an unknown key: the general line."""
        label = self.errors.get(key, self.general)
        label.setText(text)
        label.setVisible(bool(text))
        widget = self.fields.get(key)
        if widget is not None:
            widget.setStyleSheet(INVALID_BORDER if text else "")

    def clear(self) -> None:
        for key in self.errors:
            self.set(key, "")
        self.general.clear()
        self.general.hide()

    def append_general(self, text: str) -> None:
        current = self.general.text()
        self.general.setText(f"{current}\n{text}" if current else text)
        self.general.show()

    def show(self, error: Exception) -> None:
        """Each message under its field (the first such field gets the focus), others below."""
        self.clear()
        if not isinstance(error, ValidationFailed):
            self.append_general(i18n.error_text(error))
            return
        language = i18n.language()
        texts: dict[str, list[str]] = {}
        for item in error.errors:
            texts.setdefault(item.field, []).append(item.message.render(language))
        first: QWidget | None = None
        for key, lines in texts.items():
            if key in self.errors:
                self.set(key, "\n".join(lines))
                first = first or self.fields[key]
            else:
                self.append_general("\n".join(lines))
        if first is not None:
            first.setFocus()
