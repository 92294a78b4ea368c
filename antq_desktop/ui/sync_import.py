"""Nhập gói: import one or several bundles (chosen in a file dialog or dropped on the page).

Each file is handled in turn. It is checked first (`check_bundle`, nothing written): a damaged
file, one meant for another site, one of a newer format… is refused with its message in red and
the next file goes on. A bundle from a sender not yet known opens `TrustDialog` (the sender's unit
and fingerprint, to be read over the phone) before anything is imported. The import runs on the
worker with a progress bar; "Hủy" stops it and the rest of the queue, and the import of the file
under way is rolled back whole (`ImportCancelled`). Every file handled stays in the list on the
left; the one chosen shows its outcome on the right.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.workspace import Workspace
from antq_desktop.sync.container import SUFFIX
from antq_desktop.sync.importer import ImportCancelled, ImportSummary, UnknownSender
from antq_desktop.ui import i18n
from antq_desktop.ui.note import Note, grey_note
from antq_desktop.ui.sync_import_result import ImportOutcome, ImportResultView, Outcome
from antq_desktop.ui.sync_jobs import BundleCheck, check_bundle, run_import
from antq_desktop.ui.sync_labels import ask_open_files, number
from antq_desktop.ui.sync_sender_dialog import TrustDialog
from antq_desktop.ui.worker import run_task, run_task_with_progress

FOLDER_KEY = "sync/import_folder"
LIST_WIDTH = 300
REFUSED_COLOR = QColor("#b00020")
CANCELLED_COLOR = QColor("#8a6d00")


def bundle_paths(paths: Iterable[Path]) -> list[Path]:
    """The .antqsync files among `paths` (dropped files may be anything)."""
    return [path for path in paths if path.suffix.lower() == SUFFIX]


class ImportPanel(QWidget):
    imported = Signal(object)
    """A bundle was imported (its `ImportSummary`): the records changed."""
    importing = Signal(object)
    """The import of a file (its path) is about to start on the worker."""
    finished = Signal()
    """The queue is empty again."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.may_import = allowed(workspace, Permission.EDIT_RECORDS)
        self.may_accept = allowed(workspace, Permission.CHANGE_SETTINGS)
        self.queue: list[Path] = []
        self.outcomes: list[ImportOutcome] = []
        self.current: Path | None = None
        self.dialog: TrustDialog | None = None
        self._stop = threading.Event()

        self.choose_button = QPushButton(self.tr("Chọn gói để nhập…"))
        self.choose_button.setObjectName("import.choose")
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self.choose_files)
        drop_note = grey_note(
            self.tr(
                "Có thể chọn nhiều tệp {suffix} một lúc, hoặc kéo thả tệp vào trang này. Mỗi gói "
                "được kiểm tra (nguyên vẹn, đúng chữ ký, gửi cho đơn vị này) trước khi nhập; gói "
                "nhập dở hoặc bị hủy không để lại gì trong sổ."
            ).format(suffix=SUFFIX)
        )
        top = QHBoxLayout()
        top.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(drop_note, 1)

        self.step = QLabel()
        self.step.setObjectName("import.step")
        self.progress = QProgressBar()
        self.progress.setObjectName("import.progress")
        self.progress.setFormat("%p%")  # the core counts steps, not records: a share reads true
        self.cancel_button = QPushButton(self.tr("Hủy"))
        self.cancel_button.setObjectName("import.cancel")
        self.cancel_button.setToolTip(
            self.tr("Dừng nhập: gói đang nhập không để lại gì, các gói sau không được nhập")
        )
        self.cancel_button.clicked.connect(self.cancel)
        self.busy_row = QWidget()
        busy = QHBoxLayout(self.busy_row)
        busy.setContentsMargins(0, 0, 0, 0)
        busy.addWidget(self.step)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        self.busy_row.hide()

        self.files = QListWidget()
        self.files.setObjectName("import.files")
        self.files.currentRowChanged.connect(self._show_row)
        self.empty = grey_note(self.tr("Chưa nhập gói nào trong lần mở này."))
        self.empty.setObjectName("import.empty")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(QLabel(self.tr("Các gói đã xử lý:")))
        left_layout.addWidget(self.files, 1)
        left_layout.addWidget(self.empty)
        self.result = ImportResultView()
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.result)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LIST_WIDTH, 800])

        self.no_access = Note(
            self.tr(
                "Tài khoản {user} ({role}) không được nhập gói: nhập gói thêm và sửa dữ liệu "
                "trong sổ. Hãy nhờ cán bộ hoặc quản trị viên."
            ).format(user=workspace.user, role=workspace.role.label(i18n.language()))
        )
        self.no_access.setObjectName("import.no_access")
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(top)
        body.addWidget(self.busy_row)
        body.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_access)
        layout.addWidget(self.body, 1)
        self.no_access.setVisible(not self.may_import)
        self.body.setVisible(self.may_import)
        if not self.may_import:
            layout.addStretch(1)

    @property
    def busy(self) -> bool:
        return self.current is not None

    # --- choosing files ------------------------------------------------------------------------

    def choose_files(self) -> None:
        chosen = ask_open_files(
            self,
            FOLDER_KEY,
            self.tr("Chọn gói đồng bộ để nhập"),
            self.tr("Gói đồng bộ ANTQ (*{suffix})").format(suffix=SUFFIX),
            many=True,
        )
        if chosen:
            self.import_files(chosen)

    def import_files(self, paths: Iterable[Path]) -> None:
        """Add the files to the queue (after the ones waiting) and start if nothing runs."""
        if not self.may_import:
            return
        if not self.busy:
            self._stop = threading.Event()
        self.queue.extend(paths)
        if not self.busy:
            self._next()

    def cancel(self) -> None:
        """Stop the import under way (rolled back) and leave the files still waiting."""
        self._stop.set()
        self.cancel_button.setEnabled(False)
        self.step.setText(self.tr("Đang hủy…"))

    # --- one file after the other --------------------------------------------------------------

    def _next(self) -> None:
        if self._stop.is_set():
            for path in self.queue:
                self._add(ImportOutcome(path, Outcome.NOT_RUN))
            self.queue.clear()
        if not self.queue:
            self.current = None
            self.busy_row.hide()
            self.choose_button.setEnabled(True)
            self.finished.emit()
            return
        path = self.queue.pop(0)
        self.current = path
        self.choose_button.setEnabled(False)
        self.busy_row.show()
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.step.setText(self.tr("Đang kiểm tra {file}…").format(file=path.name))
        workspace = self.workspace
        run_task(
            lambda: check_bundle(workspace, path),
            self._checked,
            lambda error: self._refused(path, None, error),
            owner=self,
        )

    def _checked(self, check: BundleCheck) -> None:
        if self._stop.is_set():
            self._done(ImportOutcome(check.path, Outcome.CANCELLED, check, None, self._stopped()))
        elif check.known_sender:
            self._import(check, accept_new_sender=False)
        else:
            self._ask_about_sender(check)

    def _ask_about_sender(self, check: BundleCheck) -> None:
        if not self.may_accept:
            self._done(
                ImportOutcome(
                    check.path,
                    Outcome.REFUSED,
                    check,
                    None,
                    self.tr(
                        "Gói đến từ {sender}, một nơi gửi chưa có trong danh sách (dấu vân tay "
                        "{fingerprint}). Chỉ quản trị viên được nhận nơi gửi mới: hãy nhờ quản "
                        "trị viên nhập gói này hoặc nhập thẻ định danh của nơi gửi. Chưa có gì "
                        "thay đổi."
                    ).format(sender=check.sender.label, fingerprint=check.sender.fingerprint),
                )
            )
            return
        self.step.setText(self.tr("Chờ xác nhận nơi gửi mới…"))
        dialog = TrustDialog(check.sender, file_name=check.path.name, for_bundle=True, parent=self)
        dialog.accepted.connect(lambda: self._import(check, accept_new_sender=True))
        dialog.rejected.connect(
            lambda: self._done(ImportOutcome(check.path, Outcome.DECLINED, check))
        )
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: TrustDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _import(self, check: BundleCheck, *, accept_new_sender: bool) -> None:
        path = check.path
        self.progress.setRange(0, max(check.records, 1))
        self.progress.setValue(0)
        self.step.setText(self.tr("Đang nhập {file}…").format(file=path.name))
        workspace, stop = self.workspace, self._stop
        self.importing.emit(path)
        run_task_with_progress(
            lambda report: run_import(workspace, check, accept_new_sender, stop, report),
            lambda summary: self._imported(check, summary),
            lambda error: self._refused(path, check, error),
            self._progress,
            owner=self,
        )

    def _progress(self, value: object) -> None:
        if isinstance(value, tuple) and len(value) == 2:
            done, total = value
            self.progress.setRange(0, max(int(total), 1))
            self.progress.setValue(int(done))

    def _imported(self, check: BundleCheck, summary: ImportSummary) -> None:
        self.imported.emit(summary)
        self._done(ImportOutcome(check.path, Outcome.IMPORTED, check, summary))

    def _refused(self, path: Path, check: BundleCheck | None, error: Exception) -> None:
        if isinstance(error, UnknownSender) and check is not None:
            # Its card was removed from the peers between the check and the import: ask again.
            self._ask_about_sender(check)
            return
        outcome = Outcome.CANCELLED if isinstance(error, ImportCancelled) else Outcome.REFUSED
        self._done(ImportOutcome(path, outcome, check, None, i18n.error_text(error)))

    def _stopped(self) -> str:
        return self.tr("Đã hủy trước khi nhập; sổ không thay đổi gì.")

    def _done(self, outcome: ImportOutcome) -> None:
        self._add(outcome)
        self._next()

    # --- the list of files handled -------------------------------------------------------------

    def _add(self, outcome: ImportOutcome) -> None:
        self.outcomes.append(outcome)
        labels = {
            Outcome.IMPORTED: self.tr("đã nhập"),
            Outcome.REFUSED: self.tr("bị từ chối"),
            Outcome.CANCELLED: self.tr("đã hủy"),
            Outcome.DECLINED: self.tr("không nhận nơi gửi"),
            Outcome.NOT_RUN: self.tr("chưa nhập"),
        }
        text = f"{outcome.path.name} — {labels[outcome.outcome]}"
        if outcome.summary is not None:
            changed = sum(outcome.summary.total(key) for key in ("new", "updated"))
            text += self.tr(" ({count} thay đổi)").format(count=number(changed))
        item = QListWidgetItem(text)
        item.setToolTip(str(outcome.path))
        colors = {Outcome.REFUSED: REFUSED_COLOR, Outcome.CANCELLED: CANCELLED_COLOR}
        color = colors.get(outcome.outcome)
        if color is not None:
            item.setForeground(QBrush(color))
        self.files.addItem(item)
        self.empty.hide()
        self.files.setCurrentRow(self.files.count() - 1)

    def _show_row(self, row: int) -> None:
        self.result.show_outcome(self.outcomes[row] if 0 <= row < len(self.outcomes) else None)

    def last_outcome(self) -> ImportOutcome | None:
        return self.outcomes[-1] if self.outcomes else None
