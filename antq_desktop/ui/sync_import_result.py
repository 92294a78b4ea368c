"""What became of one bundle handed to Nhập gói: imported (with its summary), refused (and why,
in red), cancelled, or left alone because the sender was not accepted.

An imported bundle shows who sent it, the summary table by table, the rows refused with their
reasons, and what needs a person now: conflicts to decide and people who share a citizen ID with
someone of another unit, each with a button that goes to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from antq_desktop.sync.importer import ImportSummary
from antq_desktop.ui.note import Note, grey_note
from antq_desktop.ui.style import ERROR_STYLE
from antq_desktop.ui.sync_jobs import BundleCheck
from antq_desktop.ui.sync_labels import WARNING_STYLE, counts_text, moment_text, number
from antq_desktop.ui.sync_summary import SummaryTable, import_summary

DONE_STYLE = "color: #1b5e20; font-weight: bold;"
DUPLICATES_SHOWN = 5


class Outcome(StrEnum):
    IMPORTED = "imported"
    REFUSED = "refused"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    """The sender was not known and the person did not accept it."""
    NOT_RUN = "not_run"
    """Left in the queue when the person cancelled."""


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    outcome: Outcome
    check: BundleCheck | None = None
    summary: ImportSummary | None = None
    message: str = ""
    """Why it was refused or stopped, in the interface language."""


def created_text(created_at: str) -> str:
    try:
        return moment_text(dt.datetime.fromisoformat(created_at))
    except ValueError:
        return created_at


class ImportResultView(QWidget):
    show_conflicts = Signal()
    show_duplicates = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("result.title")
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sender_line = grey_note()
        self.sender_line.setObjectName("result.sender")
        self.sender_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = Note()
        self.state.setObjectName("result.state")
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.gap = Note()
        self.gap.setObjectName("result.gap")
        self.gap.setStyleSheet(WARNING_STYLE)
        self.summary = SummaryTable("result.summary")
        self.conflicts = Note()
        self.conflicts.setObjectName("result.conflicts")
        self.conflicts_button = QPushButton(self.tr("Xem xung đột"))
        self.conflicts_button.setObjectName("result.go_conflicts")
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.duplicates = Note()
        self.duplicates.setObjectName("result.duplicates")
        self.duplicates_button = QPushButton(self.tr("Xem và gộp người trùng CCCD"))
        self.duplicates_button.setObjectName("result.go_duplicates")
        self.duplicates_button.clicked.connect(self.show_duplicates)
        self.attention = QWidget()
        attention = QVBoxLayout(self.attention)
        attention.setContentsMargins(0, 0, 0, 0)
        for note, button in (
            (self.conflicts, self.conflicts_button),
            (self.duplicates, self.duplicates_button),
        ):
            row = QHBoxLayout()
            row.addWidget(note, 1)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            attention.addLayout(row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.sender_line)
        layout.addWidget(self.state)
        layout.addWidget(self.gap)
        layout.addWidget(self.summary)
        layout.addWidget(self.attention)
        layout.addStretch(1)
        self.show_outcome(None)

    def show_outcome(self, outcome: ImportOutcome | None) -> None:
        self.title.setText(outcome.path.name if outcome is not None else "")
        self.title.setToolTip(str(outcome.path) if outcome is not None else "")
        check = outcome.check if outcome is not None else None
        summary = outcome.summary if outcome is not None else None
        self.sender_line.setText(self._sender_text(check, summary))
        self.state.setText(self._state_text(outcome))
        styles = {
            Outcome.IMPORTED: DONE_STYLE,
            Outcome.REFUSED: ERROR_STYLE,
            Outcome.CANCELLED: WARNING_STYLE,
            Outcome.NOT_RUN: WARNING_STYLE,
        }
        self.state.setStyleSheet(styles.get(outcome.outcome, "") if outcome is not None else "")
        self._show_gap(summary)
        self.summary.show_summary(import_summary(summary) if summary is not None else None)
        self.summary.setVisible(summary is not None)
        self._show_attention(summary)

    def _sender_text(self, check: BundleCheck | None, summary: ImportSummary | None) -> str:
        sender = summary.sender if summary is not None else check.sender if check else None
        if sender is None:
            return ""
        text = self.tr("Nơi gửi: {sender}. Dấu vân tay: {fingerprint}.").format(
            sender=sender.label, fingerprint=sender.fingerprint
        )
        if check is not None:
            kind = self.tr("Gói toàn bộ") if check.full else self.tr("Gói phần mới")
            text += " " + self.tr("{kind}, tạo lúc {created}, {records} bản ghi.").format(
                kind=kind, created=created_text(check.created_at), records=number(check.records)
            )
        if summary is not None and summary.new_sender:
            text += " " + self.tr("Nơi gửi mới đã được thêm vào danh sách.")
        return text

    def _state_text(self, outcome: ImportOutcome | None) -> str:
        if outcome is None:
            return ""
        summary = outcome.summary
        if outcome.outcome is Outcome.IMPORTED and summary is not None:
            if not summary.changed_anything and not summary.total("rejected"):
                return self.tr(
                    "Đã nhập: không có gì mới, mọi bản ghi trong gói đều đã có trong sổ."
                )
            return self.tr("Đã nhập. {counts}.").format(counts=counts_text(summary.totals()))
        if outcome.outcome is Outcome.DECLINED:
            return self.tr("Không nhập: nơi gửi chưa được nhận. Sổ không thay đổi gì.")
        if outcome.outcome is Outcome.NOT_RUN:
            return self.tr("Chưa nhập: đã hủy trước khi đến lượt gói này.")
        return outcome.message

    def _show_gap(self, summary: ImportSummary | None) -> None:
        """What the sync core found missing: earlier changes of the sender that never arrived."""
        gap = summary is not None and summary.gap
        self.gap.setText(
            self.tr(
                "Chưa đủ dữ liệu của {sender}: có gói trước chưa nhập được, có dòng bị từ chối, "
                "hoặc sổ này vừa khôi phục từ bản sao lưu. Những gì nhận được đã lưu; hãy nhờ "
                "{sender} xuất gói cho đơn vị này với “Xuất toàn bộ”."
            ).format(sender=summary.sender.label)
            if summary is not None and summary.gap
            else ""
        )
        self.gap.setVisible(gap)

    def _show_attention(self, summary: ImportSummary | None) -> None:
        conflicts = summary.total("conflicts") if summary is not None else 0
        duplicates = summary.duplicates if summary is not None else []
        self.conflicts.setText(
            self.tr(
                "{count} trường bị sửa ở cả hai nơi: giá trị mới hơn đang được dùng, giá trị kia "
                "được giữ lại để chọn."
            ).format(count=number(conflicts))
            if conflicts
            else ""
        )
        self.conflicts_button.setVisible(bool(conflicts))
        lines = [
            self.tr("CCCD {citizen_id}: {names}").format(
                citizen_id=duplicate.citizen_id,
                names=", ".join(f"{name} ({unit})" for _id, name, unit in duplicate.people),
            )
            for duplicate in duplicates[:DUPLICATES_SHOWN]
        ]
        if len(duplicates) > DUPLICATES_SHOWN:
            lines.append(
                self.tr("… và {count} số CCCD khác").format(
                    count=number(len(duplicates) - DUPLICATES_SHOWN)
                )
            )
        self.duplicates.setText(
            self.tr("Người có cùng số CCCD ở hai đơn vị (cần xem để gộp):\n{lines}").format(
                lines="\n".join(lines)
            )
            if duplicates
            else ""
        )
        self.duplicates_button.setVisible(bool(duplicates))
        self.attention.setVisible(bool(conflicts or duplicates))
