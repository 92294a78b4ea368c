"""Nhật ký thay đổi: who changed which record, when, and which fields from what to what.

A read-only list over `audit_listing.AUDIT_LIST` (newest first), filtered by user, action and
dates. The details column reads as a short text (the record and the names of the fields changed)
instead of the stored JSON; Enter or a double click shows one entry in full ("field: old → new").
The trail cannot be changed from here: there is no New or Delete.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.enums import AuditAction
from antq_desktop.domain.messages import MessageTemplate
from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import format_date
from antq_desktop.services import fields
from antq_desktop.services.audit_listing import AUDIT_LIST, audit_users, entry_details
from antq_desktop.services.listing import ListRow
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import EnumCombo
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.field_messages import INVALID_BORDER
from antq_desktop.ui.list_page import ListPage
from antq_desktop.ui.paged_model import format_moment
from antq_desktop.ui.worker import run_task

# Texts of the module's helpers are looked up under the page's name.
translate = QCoreApplication.translate

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
GROUPED_FROM = 10_000
"""Numbers from here on get thousands separators (money); smaller ones stay as they are (a
year, a quarter, a count)."""
SUMMARY_VALUES = 3
"""How many "field: value" pairs the details column shows for an entry without a record label."""

FIELD_LABELS: dict[str, MessageTemplate] = {
    template.key.removeprefix("field."): template
    for template in vars(fields).values()
    if isinstance(template, MessageTemplate) and template.key.startswith("field.")
}
"""Column names of records as the services' own field labels name them ("phone": Số điện thoại)."""


def field_label(name: str) -> str:
    """A record column as a person calls it; an unknown column keeps its technical name."""
    template = FIELD_LABELS.get(name) or FIELD_LABELS.get(name.removesuffix("_id"))
    if template is not None:
        return template().render(i18n.language())
    others = {  # columns of accounts and settings, which no service error names
        "username": translate("AuditPage", "Tên đăng nhập"),
        "active": translate("AuditPage", "Được phép đăng nhập"),
        "password_changed_at": translate("AuditPage", "Đổi mật khẩu"),
        "value": translate("AuditPage", "Giá trị"),
    }
    return others.get(name, name)


def kind_label(kind: str) -> str:
    """The model name an entry records ("Program") as the window calls such records."""
    labels = {
        "OrgUnit": translate("AuditPage", "Đơn vị"),
        "Person": translate("AuditPage", "Người"),
        "Program": translate("AuditPage", "Mô hình"),
        "Group": translate("AuditPage", "Tổ/nhóm"),
        "Membership": translate("AuditPage", "Thành viên tổ/nhóm"),
        "Evaluation": translate("AuditPage", "Đánh giá quý"),
        "PatrolShift": translate("AuditPage", "Ca tuần tra"),
        "PatrolParticipant": translate("AuditPage", "Người tham gia tuần tra"),
        "Finding": translate("AuditPage", "Vụ việc"),
        "RehabCase": translate("AuditPage", "Hồ sơ giúp đỡ"),
        "RehabHelper": translate("AuditPage", "Người giúp đỡ"),
        "FollowUp": translate("AuditPage", "Lần theo dõi"),
        "Support": translate("AuditPage", "Hỗ trợ"),
        "Setting": translate("AuditPage", "Cài đặt"),
        "UserAccount": translate("AuditPage", "Tài khoản"),
    }
    return labels.get(kind, kind)


def detail_key_label(key: str) -> str:
    """The keys of events that change no record (a sign-in, a backup, an import)."""
    labels = {
        "via": translate("AuditPage", "Qua"),
        "at": translate("AuditPage", "Lúc"),
        "file": translate("AuditPage", "Tệp"),
        "unlocked": translate("AuditPage", "Mở khóa tài khoản"),
        "command": translate("AuditPage", "Lệnh"),
        "source": translate("AuditPage", "Nguồn"),
        "scenario": translate("AuditPage", "Kịch bản"),
        "scale": translate("AuditPage", "Quy mô"),
        "rows": translate("AuditPage", "Số dòng"),
    }
    return labels.get(key, key)


def value_text(value: Any) -> str:
    """A value as the trail stored it (JSON: text, number, ISO date…), as a person reads it."""
    if value is None or value == "":
        return translate("AuditPage", "(trống)")
    if isinstance(value, bool):
        return translate("AuditPage", "có") if value else translate("AuditPage", "không")
    if isinstance(value, int | float) and abs(value) >= GROUPED_FROM:
        return format_number(value, i18n.language(), 0 if isinstance(value, int) else 2)
    if isinstance(value, str):
        try:
            if ISO_DATE.match(value):
                return format_date(dt.date.fromisoformat(value))
            if ISO_MOMENT.match(value):
                return format_moment(dt.datetime.fromisoformat(value))
        except ValueError:  # looks like a date but is none: the text as it was stored
            return value
        channels = {
            "window": translate("AuditPage", "cửa sổ chương trình"),
            "command line": translate("AuditPage", "dòng lệnh"),
        }
        return channels.get(value, value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _is_change(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2


def parse_details(text: Any) -> dict[str, Any]:
    """The stored details JSON as a dict ({} for anything else)."""
    if isinstance(text, Mapping):
        return dict(text)
    if not isinstance(text, str) or not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def detail_lines(details: Mapping[str, Any]) -> list[str]:
    """Every line of an entry: each field "field: old → new" (or "field: value" for a record
    created), then the other facts of an event ("via: the window")."""
    lines: list[str] = []
    changed = details.get("fields")
    if isinstance(changed, Mapping):
        for name, value in changed.items():
            if _is_change(value):
                old, new = value
                lines.append(f"{field_label(name)}: {value_text(old)} → {value_text(new)}")
            else:
                lines.append(f"{field_label(name)}: {value_text(value)}")
    for key, value in details.items():
        if key not in ("label", "fields"):
            lines.append(f"{detail_key_label(key)}: {value_text(value)}")
    return lines


def summary(details: Mapping[str, Any]) -> str:
    """One line for the list: the record's label and the names of the fields changed."""
    label = details.get("label")
    label = label if isinstance(label, str) else ""
    changed = details.get("fields")
    changed = changed if isinstance(changed, Mapping) else {}
    names = [field_label(name) for name, value in changed.items() if _is_change(value)]
    if names:
        return f"{label}: {', '.join(names)}" if label else ", ".join(names)
    if label:
        return label
    lines = detail_lines(details)
    shown = "; ".join(lines[:SUMMARY_VALUES])
    return f"{shown}; …" if len(lines) > SUMMARY_VALUES else shown


class _TextDelegate(QStyledItemDelegate):
    """Shows a column's stored text through `formatter` (the table keeps the stored value)."""

    def __init__(self, formatter: Callable[[str], str], parent: QWidget) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._cache: dict[str, str] = {}

    def text_of(self, value: Any) -> str:
        stored = "" if value is None else str(value)
        if stored not in self._cache:
            if len(self._cache) > 2_000:
                self._cache.clear()
            self._cache[stored] = self._formatter(stored) if stored and stored != "…" else stored
        return self._cache[stored]

    def displayText(self, value: Any, locale: QLocale | QLocale.Language) -> str:  # noqa: N802
        return self.text_of(value)

    def helpEvent(  # noqa: N802 (Qt's name)
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.text_of(index.data())
            if len(text) > 40:
                QToolTip.showText(event.globalPos(), text, view)
            else:
                QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)


class AuditEntryDialog(QDialog):
    """One entry of the trail in full; nothing here can be changed."""

    def __init__(
        self, row: ListRow, details: Mapping[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chi tiết nhật ký"))
        self.setModal(True)
        values = {
            column.key: value for column, value in zip(AUDIT_LIST.columns, row.values, strict=True)
        }
        action = values.get("action")
        at = values.get("at")
        label = details.get("label")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        shown = (
            ("at", self.tr("Thời điểm"), format_moment(at) if isinstance(at, dt.datetime) else ""),
            ("user", self.tr("Người thực hiện"), str(values.get("user") or "")),
            (
                "action",
                self.tr("Việc"),
                action.label(i18n.language()) if isinstance(action, AuditAction) else "",
            ),
            ("kind", self.tr("Loại bản ghi"), kind_label(str(values.get("kind") or ""))),
            ("label", self.tr("Bản ghi"), label if isinstance(label, str) else ""),
            ("record", self.tr("Mã bản ghi"), str(values.get("record") or "")),
        )
        self.values: dict[str, QLabel] = {}
        for key, title, text in shown:
            if not text:
                continue
            value = QLabel(text)
            value.setObjectName(f"value.{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(title, value)
            self.values[key] = value

        changed = details.get("fields")
        if isinstance(changed, Mapping) and any(_is_change(v) for v in changed.values()):
            heading = self.tr("Các trường đã thay đổi (cũ → mới):")
        elif isinstance(changed, Mapping) and changed:
            heading = self.tr("Giá trị khi thêm:")
        else:
            heading = self.tr("Thông tin:")
        self.heading = QLabel(heading)
        self.lines = QPlainTextEdit()
        self.lines.setObjectName("details")
        self.lines.setReadOnly(True)
        lines = detail_lines(details)
        self.lines.setPlainText("\n".join(lines) if lines else self.tr("(không có chi tiết)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng (Esc)"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines, 1)
        layout.addWidget(buttons)
        self.setMinimumSize(560, 380)

    def text(self) -> str:
        """The changes as shown, one line each."""
        return self.lines.toPlainText()


class AuditPage(ListPage):
    """The audit trail for an administrator or a leader (the services refuse other roles)."""

    def __init__(
        self, workspace: Workspace, changes: Changes, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            workspace,
            changes,
            AUDIT_LIST,
            title=self.tr("Nhật ký thay đổi"),
            search_hint=self.tr("Tìm người, mã, nội dung (Ctrl+F)"),
            empty_text=self.tr("Nhật ký chưa có dòng nào."),
            parent=parent,
        )
        self.dialog: AuditEntryDialog | None = None
        # Read-only: the trail is never edited or deleted from the window.
        self.new_button.hide()
        self.delete_button.hide()
        self.edit_button.setText(self.tr("Xem chi tiết (Enter)"))
        hint = self.search.placeholderText()
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(hint) + 24)

        self.user_filter = QComboBox()
        self.user_filter.setObjectName("filter.user")
        self.user_filter.addItem(self.tr("Tất cả"), "")
        self.user_filter.setMinimumContentsLength(8)
        self.user_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.action_filter = EnumCombo(AuditAction, all_text=self.tr("Tất cả"))
        self.action_filter.setObjectName("filter.action")
        self.date_from = DateField()
        self.date_from.setObjectName("filter.date_from")
        self.date_to = DateField()
        self.date_to.setObjectName("filter.date_to")
        for field in (self.date_from, self.date_to):  # never squeezed below a whole date
            field.line_edit.setMinimumWidth(field.line_edit.maximumWidth())
        for text, tip, widget in (
            (self.tr("Người:"), self.tr("Người thực hiện"), self.user_filter),
            (self.tr("Việc:"), self.tr("Việc đã làm"), self.action_filter),
            (self.tr("Từ:"), self.tr("Từ ngày (dd/mm/yyyy)"), self.date_from),
            (self.tr("Đến:"), self.tr("Đến ngày (dd/mm/yyyy)"), self.date_to),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            label.setToolTip(tip)
            widget.setToolTip(tip)
            self.filter_bar.addSpacing(8)
            self.filter_bar.addWidget(label)
            self.filter_bar.addWidget(widget)
        self.user_filter.currentIndexChanged.connect(
            lambda _i: self.set_filter("user", self.user_filter.currentData() or None)
        )
        self.action_filter.currentIndexChanged.connect(
            lambda _i: self.set_filter("action", self.action_filter.value())
        )
        self.date_from.edited.connect(lambda: self._date_edited("date_from", self.date_from))
        self.date_to.edited.connect(lambda: self._date_edited("date_to", self.date_to))

        self._details_delegate = _TextDelegate(lambda text: summary(parse_details(text)), self)
        self._kind_delegate = _TextDelegate(kind_label, self)
        columns = [column.key for column in AUDIT_LIST.columns]
        self.table.setItemDelegateForColumn(columns.index("details"), self._details_delegate)
        self.table.setItemDelegateForColumn(columns.index("kind"), self._kind_delegate)
        self.changes.changed.connect(self.load_users)

    def load(self) -> None:
        self.refresh()  # the rows first; the users of the filter after them
        self.load_users()

    def load_users(self) -> None:
        run_task(
            lambda: audit_users(self.workspace), self._users_arrived, lambda _e: None, owner=self
        )

    def _users_arrived(self, users: list[str]) -> None:
        current = self.user_filter.currentData()
        self.user_filter.blockSignals(True)
        self.user_filter.clear()
        self.user_filter.addItem(self.tr("Tất cả"), "")
        for user in users:
            self.user_filter.addItem(user, user)
        self.user_filter.setCurrentIndex(max(self.user_filter.findData(current), 0))
        self.user_filter.blockSignals(False)
        self.set_filter("user", self.user_filter.currentData() or None)

    def _date_edited(self, key: str, field: DateField) -> None:
        """Filter once the typed date is whole (or cleared); a date that does not exist is
        marked and leaves the list as it was."""
        if field.is_blank():
            field.line_edit.setStyleSheet("")
            self.set_filter(key, None)
            return
        day = field.date()
        complete = sum(character.isdigit() for character in field.text()) == 8
        field.line_edit.setStyleSheet(INVALID_BORDER if day is None and complete else "")
        if day is not None:
            self.set_filter(key, day)

    def summary_text(self, row: int) -> str:
        """The details column of a row as it is shown."""
        index = self.model.index(row, [c.key for c in AUDIT_LIST.columns].index("details"))
        return self._details_delegate.text_of(index.data())

    # --- the entry in full ----------------------------------------------------------------------

    def new_record(self) -> None:
        """Nothing is added to the trail from the window (Ctrl+N does nothing here)."""

    def delete_current(self) -> None:
        """Entries are never deleted (the Delete key does nothing here)."""

    def edit_record(self, record_id: str) -> None:
        workspace = self.workspace

        def read() -> tuple[ListRow, dict[str, Any]]:
            (row,) = AUDIT_LIST.rows(workspace, [record_id])
            return row, entry_details(workspace, int(record_id))

        run_task(read, lambda found: self._open(*found), self._not_shown, owner=self)

    def _open(self, row: ListRow, details: dict[str, Any]) -> None:
        dialog = AuditEntryDialog(row, details, self)
        dialog.open()
        self.dialog = dialog

    def _not_shown(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Không xem được"), i18n.error_text(error))
