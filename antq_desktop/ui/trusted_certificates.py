"""The trusted root certificates of the report settings: what a received report is checked against.

A list of certificate files (one path a line in `ReportSettings.trusted_certificates`), each shown
with its subject, end of validity and SHA-256 fingerprint, or in red with why it cannot be read.
Adding and removing files saves the list at once (`stored` then fires); only a role with
`Permission.CHANGE_SETTINGS` does so. `SigningSettings` shows it at the foot of its box.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.errors import ServiceError
from antq_desktop.services.permissions import Permission, allowed, require
from antq_desktop.services.report_settings import (
    ReportSettings,
    read_report_settings,
    save_report_settings,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.field_messages import FieldMessages, error_label
from antq_desktop.ui.identity_dialog import documents_folder, local_date
from antq_desktop.ui.note import grey_note
from antq_desktop.ui.worker import run_task

if TYPE_CHECKING:  # the report modules load pyHanko: imported when first used
    from antq_desktop.reports.identity import CertificateSummary

TRUSTED_LIST_MAX_HEIGHT = 240


# --- work on the database worker ----------------------------------------------------------------


@dataclass(frozen=True)
class TrustedFile:
    """One file of the trusted list: its certificates, or why it cannot be read."""

    path: str
    summaries: tuple[CertificateSummary, ...]
    problem: ServiceError | None = None


def read_trusted(path: str) -> TrustedFile:
    from antq_desktop.reports.identity import certificate_summary
    from antq_desktop.reports.verification import load_certificates

    try:
        found = tuple(certificate_summary(der) for der in load_certificates(Path(path)))
    except ServiceError as error:
        return TrustedFile(path, (), error)
    return TrustedFile(path, found)


def store_trusted(workspace: Workspace, paths: list[str]) -> ReportSettings:
    """Store the list over the settings as stored (edits not yet saved stay as they are)."""
    require(workspace, Permission.CHANGE_SETTINGS)
    stored = read_report_settings(workspace)
    return save_report_settings(workspace, replace(stored, trusted_certificates="\n".join(paths)))


def add_trusted(
    workspace: Workspace, paths: list[str]
) -> tuple[tuple[TrustedFile, ...], tuple[TrustedFile, ...]]:
    """Add the readable certificate files to the trusted list; (added, refused)."""
    require(workspace, Permission.CHANGE_SETTINGS)
    stored = read_report_settings(workspace).trusted_certificates.splitlines()
    found = [read_trusted(path) for path in paths if path not in stored]
    added = tuple(item for item in found if item.problem is None)
    refused = tuple(item for item in found if item.problem is not None)
    if added:
        store_trusted(workspace, [*stored, *(item.path for item in added)])
    return added, refused


# --- the list -----------------------------------------------------------------------------------


class TrustedCertificates(QWidget):
    stored = Signal()
    """The list was saved (a file added or removed)."""

    def __init__(
        self, workspace: Workspace, messages: FieldMessages, parent: QWidget | None = None
    ) -> None:
        """`messages` shows the panel's save refusals about the list under it."""
        super().__init__(parent)
        self.workspace = workspace
        may_change = allowed(workspace, Permission.CHANGE_SETTINGS)
        self.trusted: list[TrustedFile] = []

        heading = QLabel(self.tr("Chứng thư gốc tin cậy"))
        heading.setStyleSheet("font-weight: bold;")
        note = grey_note(
            self.tr(
                "Dùng khi kiểm tra báo cáo nhận được: chứng thư gốc của nhà cung cấp (Ban Cơ yếu "
                "Chính phủ, VNPT-CA, …) hoặc chứng thư do đơn vị cấp dưới gửi lên. Trước khi "
                "thêm, hãy đối chiếu dấu vân tay với người gửi."
            )
        )
        introduction = QWidget()  # one cell, so no gap opens above the wrapped note
        introduction_column = QVBoxLayout(introduction)
        introduction_column.setContentsMargins(0, 8, 0, 0)
        introduction_column.setSpacing(0)
        introduction_column.addWidget(heading)
        introduction_column.addWidget(note)
        self.trusted_list = QListWidget()
        self.trusted_list.setObjectName("field.trusted_certificates")
        self.trusted_list.setAlternatingRowColors(True)
        self.trusted_list.setSpacing(2)
        # A long line is shortened in the middle (the whole entry is its tooltip): a horizontal
        # scroll bar would take the height the rows were measured for and cut the last line.
        self.trusted_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.trusted_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.trusted_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.trusted_list.itemSelectionChanged.connect(self._selection_changed)
        self.trusted_empty = grey_note(self.tr("Chưa có chứng thư nào trong danh sách."))
        self.trusted_empty.setObjectName("report.trusted_empty")
        self.trusted_error = error_label("error.trusted_certificates")
        messages.fields["trusted_certificates"] = self.trusted_list
        messages.errors["trusted_certificates"] = self.trusted_error
        self.add_trusted_button = QPushButton(self.tr("Thêm chứng thư…"))
        self.add_trusted_button.setObjectName("report.add_trusted")
        self.add_trusted_button.clicked.connect(self.choose_trusted)
        self.remove_trusted_button = QPushButton(self.tr("Bỏ khỏi danh sách"))
        self.remove_trusted_button.setObjectName("report.remove_trusted")
        self.remove_trusted_button.clicked.connect(self.remove_trusted)
        self.remove_trusted_button.setEnabled(False)
        buttons = QWidget()
        buttons_row = QHBoxLayout(buttons)
        buttons_row.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_trusted_button, self.remove_trusted_button):
            button.setVisible(may_change)
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        self.trusted_state = QLabel()
        self.trusted_state.setObjectName("report.trusted_state")
        self.trusted_state.setWordWrap(True)
        self.trusted_state.hide()
        self.trusted_refused = error_label("report.trusted_refused")

        # The rows of the box's form they used to be, with its spacing.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (
            introduction,
            self.trusted_list,
            self.trusted_empty,
            self.trusted_error,
            buttons,
            self.trusted_state,
            self.trusted_refused,
        ):
            column.addWidget(widget)

    def paths(self) -> str:
        """The list as `ReportSettings.trusted_certificates` holds it."""
        return "\n".join(item.path for item in self.trusted)

    def show_trusted(self, trusted: list[TrustedFile]) -> None:
        self.trusted = trusted
        self.trusted_list.clear()
        for entry in trusted:
            item = QListWidgetItem(self._trusted_text(entry))
            item.setToolTip(f"{entry.path}\n{item.text()}")
            if entry.problem is not None:
                item.setForeground(QBrush(QColor("#b00020")))
            self.trusted_list.addItem(item)
        self.trusted_list.setVisible(bool(trusted))
        self.trusted_empty.setVisible(not trusted)
        self._fit_trusted_list()
        self._selection_changed()

    def _fit_trusted_list(self) -> None:
        """As tall as its certificates, up to about four of them; then it scrolls."""
        listing = self.trusted_list
        spacing = 2 * listing.spacing()
        rows = sum(listing.sizeHintForRow(row) + spacing for row in range(listing.count()))
        frame = 2 * listing.frameWidth() + spacing
        listing.setFixedHeight(max(40, min(rows, TRUSTED_LIST_MAX_HEIGHT)) + frame)

    def _trusted_text(self, entry: TrustedFile) -> str:
        if entry.problem is not None:
            return f"{Path(entry.path).name}\n{i18n.error_text(entry.problem)}"
        lines = []
        for summary in entry.summaries:
            subject = summary.subject_name
            if summary.organisation:
                subject = f"{subject} — {summary.organisation}"
            lines.append(subject)
            lines.append(
                self.tr("Hiệu lực đến {date} · tệp {name}").format(
                    date=local_date(summary.not_after), name=Path(entry.path).name
                )
            )
            lines.append(f"SHA-256: {summary.fingerprint_sha256}")
        return "\n".join(lines)

    def _selection_changed(self) -> None:
        self.remove_trusted_button.setEnabled(bool(self.trusted_list.selectedItems()))

    def choose_trusted(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn chứng thư số tin cậy"),
            str(documents_folder()),
            self.tr("Chứng thư số (*.pem *.crt *.cer *.der);;Mọi tệp (*)"),
        )
        if chosen:
            self.add_trusted(chosen)

    def add_trusted(self, paths: list[str]) -> None:
        self._say_trusted("", "")
        known = {item.path for item in self.trusted}
        fresh = [path for path in paths if path not in known]
        if not fresh:
            self._say_trusted(self.tr("Các tệp này đã có trong danh sách."), "")
            return
        workspace = self.workspace
        run_task(
            lambda: add_trusted(workspace, fresh),
            self._trusted_added,
            lambda error: self._say_trusted("", i18n.error_text(error)),
            owner=self,
        )

    def _say_trusted(self, done: str, refused: str) -> None:
        self.trusted_state.setText(done)
        self.trusted_state.setVisible(bool(done))
        self.trusted_refused.setText(refused)
        self.trusted_refused.setVisible(bool(refused))

    def _trusted_added(self, outcome: tuple[tuple[TrustedFile, ...], ...]) -> None:
        added, refused = outcome
        if added:
            self.show_trusted([*self.trusted, *added])
            self.stored.emit()
        done = [
            self.tr("Đã thêm {name} vào danh sách tin cậy.").format(name=Path(item.path).name)
            for item in added
        ]
        problems = [i18n.error_text(item.problem) for item in refused if item.problem]
        self._say_trusted("\n".join(done), "\n".join(problems))

    def remove_trusted(self) -> None:
        rows = sorted({self.trusted_list.row(item) for item in self.trusted_list.selectedItems()})
        if not rows:
            return
        self._say_trusted("", "")
        removed = [self.trusted[row] for row in rows]
        kept = [item for row, item in enumerate(self.trusted) if row not in rows]
        workspace, paths = self.workspace, [item.path for item in kept]

        def done(_: ReportSettings) -> None:
            self.show_trusted(kept)
            names = ", ".join(Path(item.path).name for item in removed)
            self._say_trusted(
                self.tr("Đã bỏ {names} khỏi danh sách tin cậy.").format(names=names), ""
            )
            self.stored.emit()

        run_task(
            lambda: store_trusted(workspace, paths),
            done,
            lambda error: self._say_trusted("", i18n.error_text(error)),
            owner=self,
        )
