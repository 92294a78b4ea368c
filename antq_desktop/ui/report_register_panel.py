"""Sổ báo cáo đã phát hành: the register of issued reports, and checking a signed report's file.

The register lists every numbered report of this record book, newest first. A line opens its file
or the folder that holds it, or checks that the file is still the one issued (its SHA-256 as
registered) with its signature intact. Any other PDF (a ward's report handed to the district) is
checked the same way: its signature against the trusted certificates of the settings, its bytes
against the register.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import format_date
from antq_desktop.services.report_register import IssuedReportView, list_reports
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.field_messages import error_label
from antq_desktop.ui.report_jobs import FileCheck, check_file
from antq_desktop.ui.verdict_view import VerdictView
from antq_desktop.ui.worker import run_task

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
CHECK_FOLDER_KEY = "reports/check_folder"


class RegisterModel(QAbstractTableModel):
    """The issued reports, one a row, newest first (as `list_reports` gives them)."""

    NUMBER, ISSUED_ON, PERIOD, UNIT, SIGNER, PAGES, FILE = range(7)
    COLUMN_COUNT = 7
    REPORT_ROLE = Qt.ItemDataRole.UserRole + 1
    """The row's `IssuedReportView`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reports: list[IssuedReportView] = []

    def set_reports(self, reports: list[IssuedReportView]) -> None:
        self.beginResetModel()
        self._reports = list(reports)
        self.endResetModel()

    def report(self, row: int) -> IssuedReportView:
        return self._reports[row]

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._reports)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._reports):
            return None
        report = self._reports[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(report, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FILE:
                return report.file_path
            if column == self.NUMBER:
                return self.tr("{subject}\nSHA-256: {sha}").format(
                    subject=report.subject, sha=report.sha256
                )
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.REPORT_ROLE:
            return report
        return None

    def _text(self, report: IssuedReportView, column: int) -> str:
        texts = {
            self.NUMBER: report.number_text,
            self.ISSUED_ON: format_date(report.issued_on),
            self.PERIOD: report.period.label(i18n.language()),
            self.UNIT: report.unit_name,
            self.SIGNER: report.signer,
            self.PAGES: format_number(report.pages, i18n.language()),
            self.FILE: report.path.name,
        }
        return texts.get(column, "")

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            self.NUMBER: self.tr("Số"),
            self.ISSUED_ON: self.tr("Ngày ký"),
            self.PERIOD: self.tr("Kỳ báo cáo"),
            self.UNIT: self.tr("Đơn vị"),
            self.SIGNER: self.tr("Người ký"),
            self.PAGES: self.tr("Số trang"),
            self.FILE: self.tr("Tệp"),
        }
        return titles.get(section)


class RegisterPanel(QWidget):
    checked = Signal(object)
    """A check is shown (its `FileCheck`)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = RegisterModel(self)
        self.table = QTableView()
        self.table.setObjectName("register.table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RegisterModel.PERIOD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RegisterModel.FILE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_file())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty = QLabel(
            self.tr(
                "Chưa phát hành báo cáo nào. Báo cáo đã ký số và phát hành ở thẻ “Lập báo cáo” "
                "được ghi vào sổ này với số, ngày ký và mã SHA-256 của tệp."
            )
        )
        self.empty.setObjectName("register.empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555555;")
        self.open_button = QPushButton(self.tr("Mở tệp"))
        self.open_button.setObjectName("register.open")
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self.tr("Mở thư mục chứa tệp"))
        self.folder_button.setObjectName("register.folder")
        self.folder_button.clicked.connect(self.open_folder)
        self.check_button = QPushButton(self.tr("Kiểm tra tệp và chữ ký"))
        self.check_button.setObjectName("register.check")
        self.check_button.setToolTip(
            self.tr("Tệp có còn đúng là tệp đã phát hành, chữ ký số có còn nguyên vẹn không")
        )
        self.check_button.clicked.connect(self.check_selected)
        self.check_other_button = QPushButton(self.tr("Kiểm tra một tệp PDF đã ký…"))
        self.check_other_button.setObjectName("register.check_other")
        self.check_other_button.setToolTip(
            self.tr("Ví dụ báo cáo của đơn vị cấp dưới gửi lên: xem chữ ký có hợp lệ không")
        )
        self.check_other_button.clicked.connect(self.choose_and_check)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.folder_button, self.check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_other_button)
        self.error = error_label("register.error")
        self.verdict = VerdictView()
        self.verdict.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.verdict)
        self._selection_changed()

    # --- the list ------------------------------------------------------------------------------

    def load(self) -> None:
        run_task(lambda: list_reports(self.workspace), self._show, self._failed, owner=self)

    def _show(self, reports: list[IssuedReportView]) -> None:
        self.model.set_reports(reports)
        self.empty.setVisible(not reports)
        if reports:
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> IssuedReportView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.report(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        for button in (self.open_button, self.folder_button, self.check_button):
            button.setEnabled(chosen)

    # --- files ---------------------------------------------------------------------------------

    def open_file(self) -> None:
        report = self.selected()
        if report is not None:
            self._open(report.path, report.path)

    def open_folder(self) -> None:
        report = self.selected()
        if report is not None:
            self._open(report.path.parent, report.path)

    def _open(self, target: Path, file: Path) -> None:
        self.error.hide()
        if not file.exists():
            self._say(
                self.tr(
                    "Không thấy tệp {path}. Có thể tệp đã bị chuyển hoặc xóa; sổ đăng ký vẫn giữ "
                    "số và mã SHA-256 của báo cáo để nhận ra bản đúng khi tìm lại được."
                ).format(path=file)
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    # --- checking ------------------------------------------------------------------------------

    def check_selected(self) -> None:
        report = self.selected()
        if report is not None:
            self.check(report.path, report)

    def choose_and_check(self) -> None:
        settings = QSettings()
        folder = str(settings.value(CHECK_FOLDER_KEY, "") or "")
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp báo cáo PDF để kiểm tra"), folder, self.tr("Tệp PDF (*.pdf)")
        )
        if chosen:
            settings.setValue(CHECK_FOLDER_KEY, str(Path(chosen).parent))
            self.check(Path(chosen))

    def check(self, path: Path, expected: IssuedReportView | None = None) -> None:
        """Check the file at `path` (as the register's `expected` report, when given)."""
        self.error.hide()
        self.verdict.hide()
        self.check_button.setEnabled(False)
        self.check_other_button.setEnabled(False)
        workspace = self.workspace
        run_task(
            lambda: check_file(workspace, path, expected),
            self._checked,
            lambda error: self._check_failed(path, error),
            owner=self,
        )

    def _checked(self, check: FileCheck) -> None:
        self._checks_done()
        self.verdict.show_check(check)
        self.checked.emit(check)

    def _check_failed(self, path: Path, error: Exception) -> None:
        self._checks_done()
        if isinstance(error, FileNotFoundError):
            self._say(self.tr("Không thấy tệp {path}.").format(path=path))
        elif isinstance(error, OSError):
            self._say(
                self.tr("Không đọc được tệp {path} ({reason}).").format(
                    path=path, reason=error.strerror or error
                )
            )
        else:
            self._failed(error)

    def _checks_done(self) -> None:
        self.check_other_button.setEnabled(True)
        self._selection_changed()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _failed(self, error: Exception) -> None:
        self._say(i18n.error_text(error))
