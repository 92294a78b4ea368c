"""The lower half of the choices column of "Lập báo cáo": the buttons that make something of the
report, what is going on while they work, and what came of it (with the file to open).

It only shows; the page (`ReportsPage`) decides what the buttons do and when they are enabled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.ui.style import NOTE_STYLE

DONE_STYLE = "QGroupBox#result { border: 1px solid #81c784; background: #edf7ee; }"


class ReportActions(QWidget):
    def __init__(
        self, *, can_sign: bool, message_line: QLabel, parent: QWidget | None = None
    ) -> None:
        """`message_line`: the page's line for refusals and errors, shown above the result."""
        super().__init__(parent)
        self._result_path: Path | None = None
        self.preview_button = QPushButton(self.tr("Xem trước"))
        self.preview_button.setObjectName("action.preview")
        self.preview_button.setDefault(True)
        self.draft_button = QPushButton(self.tr("Lưu bản dự thảo…"))
        self.draft_button.setObjectName("action.draft")
        self.draft_button.setToolTip(
            self.tr("Tệp PDF không số, không ký, có dấu “DỰ THẢO”: để trình lãnh đạo duyệt")
        )
        self.issue_button = QPushButton(self.tr("Ký số và phát hành…"))
        self.issue_button.setObjectName("action.issue")
        self.issue_button.setStyleSheet("font-weight: bold;")
        self.issue_button.setVisible(can_sign)
        self.next_number = QLabel()
        self.next_number.setObjectName("next_number")
        self.next_number.setWordWrap(True)
        self.issue_note = QLabel()
        self.issue_note.setObjectName("issue_note")
        self.issue_note.setWordWrap(True)
        self.issue_note.setStyleSheet(NOTE_STYLE)
        self.issue_note.setVisible(not can_sign)

        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.draft_button)
        buttons.addStretch(1)
        box = QGroupBox(self.tr("Xuất báo cáo"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(buttons)
        box_layout.addWidget(self.issue_button)
        box_layout.addWidget(self.next_number)
        box_layout.addWidget(self.issue_note)

        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy")
        self.busy_bar.setRange(0, 0)  # steps, not a share of the work: it only moves
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()
        self.step = QLabel()
        self.step.setObjectName("step")
        self.step.setWordWrap(True)
        self.step.setStyleSheet(NOTE_STYLE)
        self.step.hide()

        self.result = QGroupBox()
        self.result.setObjectName("result")
        self.result.setStyleSheet(DONE_STYLE)
        self.result_text = QLabel()
        self.result_text.setObjectName("result.text")
        self.result_text.setWordWrap(True)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_result = QPushButton(self.tr("Mở tệp"))
        self.open_result.setObjectName("result.open")
        self.open_result.clicked.connect(lambda: self._open(folder=False))
        self.open_folder = QPushButton(self.tr("Mở thư mục"))
        self.open_folder.setObjectName("result.folder")
        self.open_folder.clicked.connect(lambda: self._open(folder=True))
        result_buttons = QHBoxLayout()
        result_buttons.addWidget(self.open_result)
        result_buttons.addWidget(self.open_folder)
        result_buttons.addStretch(1)
        result_layout = QVBoxLayout(self.result)
        result_layout.addWidget(self.result_text)
        result_layout.addLayout(result_buttons)
        self.result.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.step)
        layout.addWidget(message_line)
        layout.addWidget(self.result)

    def set_busy(self, text: str | None) -> None:
        """Show that a job runs and what it is doing; None: it ended."""
        self.busy_bar.setVisible(text is not None)
        self.show_step(text or "")

    def show_step(self, text: str) -> None:
        self.step.setText(text)
        self.step.setVisible(bool(text))

    def show_result(self, text: str, path: Path) -> None:
        self._result_path = path
        self.result_text.setText(text)
        self.result.show()

    def hide_result(self) -> None:
        self.result.hide()

    def _open(self, *, folder: bool) -> None:
        path = self._result_path
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent if folder else path)))
