"""What the Đồng bộ page's panels share: names of the synced tables, the counts of a summary,
fingerprints to read aloud, moments, sizes, and a small read-only table.

Texts are looked up under the page's name ("SyncPage"), so one translation serves every panel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from antq_desktop.domain.text import format_number
from antq_desktop.services.patrol_listing import FINDING_ACTION
from antq_desktop.sync.conflicts import display_value
from antq_desktop.sync.tables import BY_NAME
from antq_desktop.ui import i18n
from antq_desktop.ui.audit_page import field_label, kind_label, value_text
from antq_desktop.ui.case_sub_table import AnyIndex, RowsModel
from antq_desktop.ui.identity_dialog import documents_folder

translate = QCoreApplication.translate

COUNT_KEYS = ("new", "updated", "unchanged", "conflicts", "rejected")
"""The counts of an import, in the order a summary shows them."""
FINGERPRINT_PADDING = 8
FINGERPRINT_STYLE = (
    "font-family: monospace; font-size: 17pt; font-weight: bold; color: #0d3b66; "
    f"padding: {FINGERPRINT_PADDING}px 12px; background: #f1f5fb; border: 1px solid #c5d3e8; "
    "border-radius: 4px;"
)
BOX_STYLE = (
    "QGroupBox {{ background: {background}; border: 1px solid {border}; border-radius: 4px; "
    "margin-top: 1.6em; padding-top: 4px; }} "
    "QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; }}"
)
"""A group box in a colour of its own, its title above the border (format with the colours)."""
WARNING_STYLE = "background: #fff4ce; border: 1px solid #e0c36c; padding: 6px; color: #4a3b00;"
HEADING_STYLE = "font-size: 15pt; font-weight: bold;"


def count_titles() -> dict[str, str]:
    """The column titles of the counts of an import."""
    return {
        "new": translate("SyncPage", "Mới"),
        "updated": translate("SyncPage", "Cập nhật"),
        "unchanged": translate("SyncPage", "Không đổi"),
        "conflicts": translate("SyncPage", "Xung đột"),
        "rejected": translate("SyncPage", "Bị từ chối"),
    }


def table_label(name: str) -> str:
    """A synced table ("people") as the window calls its records ("Người")."""
    if name == "sync_conflicts":
        return translate("SyncPage", "Xung đột đồng bộ")
    table = BY_NAME.get(name)
    return kind_label(table.model.__name__) if table is not None else name


def record_field_label(name: str) -> str:
    """A synced record's column as a person calls it: the services' own labels (as the audit
    trail shows them), and the columns only sync shows (a unit's code, a delete)."""
    known = field_label(name)
    if known != name:
        return known
    labels = {
        "deleted_at": translate("SyncPage", "Đã xóa lúc"),
        "code": translate("SyncPage", "Mã đơn vị"),
        "level": translate("SyncPage", "Cấp"),
        "parent_id": translate("SyncPage", "Đơn vị cấp trên"),
        "place_name": translate("SyncPage", "Địa danh"),
        "action": FINDING_ACTION().render(i18n.language()),
        "comment": translate("SyncPage", "Nhận xét"),
        "assessment": translate("SyncPage", "Đánh giá"),
        "outcome": translate("SyncPage", "Kết quả giúp đỡ"),
        "result": translate("SyncPage", "Kết quả"),
        "shift_id": translate("SyncPage", "Ca tuần tra"),
        "case_id": translate("SyncPage", "Hồ sơ giúp đỡ"),
    }
    return labels.get(name, name)


def table_order(name: str) -> int:
    """Parents first, as the bundle holds them (unknown names last)."""
    names = list(BY_NAME)
    return names.index(name) if name in names else len(names)


def number(value: int) -> str:
    return format_number(value, i18n.language())


def fingerprint_lines(fingerprint: str) -> str:
    """The six groups of five digits as two lines of three, easy to read over the phone."""
    groups = fingerprint.split()
    return "\n".join(" ".join(groups[start : start + 3]) for start in range(0, len(groups), 3))


def fingerprint_label(fingerprint: str = "") -> QLabel:
    """A fingerprint in large digits that can be selected and copied."""
    label = QLabel(fingerprint_lines(fingerprint))
    label.setObjectName("fingerprint")
    label.setStyleSheet(FINGERPRINT_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.ensurePolished()  # the style sheet's font: two lines of large digits, never cut
    lines = label.fontMetrics().lineSpacing() * 2
    label.setMinimumHeight(lines + 2 * FINGERPRINT_PADDING + label.contentsMargins().top() * 2)
    return label


def moment_text(value: dt.datetime | None) -> str:
    """A moment (UTC, or naive meaning UTC) in the PC's local time: dd/mm/yyyy HH:MM."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%d/%m/%Y %H:%M")


def size_text(size_bytes: int) -> str:
    """A file's size as a person reads it: 850 byte, 12,4 kB, 3,1 MB."""
    language = i18n.language()
    if size_bytes < 1000:
        return translate("SyncPage", "{size} byte").format(size=number(size_bytes))
    if size_bytes < 1_000_000:
        return f"{format_number(size_bytes / 1000, language, 1)} kB"
    return f"{format_number(size_bytes / 1_000_000, language, 1)} MB"


def field_value_text(value: Any) -> str:
    """A record's field value from a conflict: a label for a choice, dd/mm/yyyy for a date."""
    if isinstance(value, bool):
        return value_text(value)
    return display_value(value, i18n.language())


def counts_text(counts: Mapping[str, int]) -> str:
    """ "Mới 12 · Cập nhật 3 · …" for the counts of an import."""
    titles = count_titles()
    return " · ".join(f"{titles[key]} {number(int(counts.get(key, 0)))}" for key in COUNT_KEYS)


class SyncRowsModel(RowsModel):
    """`RowsModel` with some columns right-aligned (numbers) and an optional tooltip per row."""

    def __init__(
        self,
        headers: list[str],
        cells: Callable[[Any], list[str]],
        *,
        numbers: Sequence[int] = (),
        red: Callable[[int, int], bool] | None = None,
        tooltip: Callable[[Any], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(headers, cells, red, parent)
        self._numbers = frozenset(numbers)
        self._tooltip = tooltip

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numbers:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(self.rows[index.row()]) or None
        return super().data(index, role)


def rows_table(model: SyncRowsModel, name: str, *, stretch: int | None = None) -> QTableView:
    """A read-only table of whole rows, one selected at a time (Tab reaches it, arrows move)."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return table


def selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def ask_open_files(
    parent: QWidget, folder_key: str, title: str, file_filter: str, *, many: bool
) -> list[Path]:
    """The files chosen in an open dialog that starts in the folder last used (kept under
    `folder_key` in QSettings); [] when the person cancelled."""
    settings = QSettings()
    folder = str(settings.value(folder_key, "") or documents_folder())
    if many:
        chosen, _filter = QFileDialog.getOpenFileNames(parent, title, folder, file_filter)
    else:
        one, _filter = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
        chosen = [one] if one else []
    if chosen:
        settings.setValue(folder_key, str(Path(chosen[0]).parent))
    return [Path(path) for path in chosen]
