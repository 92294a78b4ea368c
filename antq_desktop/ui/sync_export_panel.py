"""Xuất gói: write a bundle for a chosen recipient into a chosen folder (a USB stick).

The recipient is one of the known peers (the bundle is then encrypted to it and holds what it has
not yet acknowledged), or nobody: an unencrypted bundle that anyone holding the file can read,
said in a warning. "Xuất toàn bộ" takes every record instead of what is new for the recipient. A
file name is proposed (`<own unit code>-to-<peer code>-<yyyymmdd-HHMM>.antqsync`); the bundle is
written on the worker and never over an existing file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.workspace import Workspace
from antq_desktop.sync.container import SUFFIX
from antq_desktop.sync.exporter import ExportResult, export_bundle
from antq_desktop.ui import i18n
from antq_desktop.ui.field_messages import error_label
from antq_desktop.ui.identity_dialog import documents_folder
from antq_desktop.ui.note import Note, grey_note
from antq_desktop.ui.sync_jobs import Peers, proposed_bundle_path
from antq_desktop.ui.sync_labels import (
    BOX_STYLE,
    WARNING_STYLE,
    number,
    size_text,
    table_label,
    table_order,
)
from antq_desktop.ui.worker import run_task

FOLDER_KEY = "sync/export_folder"
FORM_WIDTH = 720


class ExportPanel(QWidget):
    exported = Signal(object)
    """A bundle was written (its `ExportResult`)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.may_export = allowed(workspace, Permission.EXPORT)
        self.peers: Peers | None = None
        self.result: ExportResult | None = None
        self._name_edited = False

        self.recipient = QComboBox()
        self.recipient.setObjectName("export.recipient")
        self.recipient.setMinimumContentsLength(30)
        self.unencrypted = QLabel(
            self.tr(
                "Gói không mã hóa: ai có tệp cũng đọc được dữ liệu trong gói. Chỉ dùng khi nơi "
                "nhận chưa gửi thẻ định danh, và giữ ổ USB cẩn thận."
            )
        )
        self.unencrypted.setObjectName("export.unencrypted")
        self.unencrypted.setWordWrap(True)
        self.unencrypted.setStyleSheet(WARNING_STYLE)
        self.no_peers = grey_note()
        self.no_peers.setObjectName("export.no_peers")
        self.full = QCheckBox(self.tr("Xuất toàn bộ"))
        self.full.setObjectName("export.full")
        full_note = grey_note(
            self.tr(
                "Thường chỉ xuất những gì nơi nhận chưa có (theo gói họ đã gửi lại). Chọn “Xuất "
                "toàn bộ” khi nơi nhận mới cài lại hoặc mất dữ liệu."
            )
        )
        self.folder = QLineEdit()
        self.folder.setObjectName("export.folder")
        self.folder.setText(str(QSettings().value(FOLDER_KEY, "") or documents_folder()))
        choose = QPushButton(self.tr("Chọn thư mục…"))
        choose.setObjectName("export.choose_folder")
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.file_name = QLineEdit()
        self.file_name.setObjectName("export.file_name")
        self.file_name.textEdited.connect(self._name_typed)
        self.export_button = QPushButton(self.tr("Xuất gói"))
        self.export_button.setObjectName("export.run")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.busy = QProgressBar()
        self.busy.setObjectName("export.busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.error = error_label("export.error")
        self.result_box = QGroupBox(self.tr("Đã xuất gói"))
        self.result_box.setObjectName("result")
        self.result_box.setStyleSheet(BOX_STYLE.format(background="#edf7ee", border="#81c784"))
        self.result_text = Note()
        self.result_text.setObjectName("export.result")
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Mở thư mục chứa gói"))
        self.open_folder_button.setObjectName("export.open_folder")
        self.open_folder_button.clicked.connect(self.open_folder)
        result_layout = QVBoxLayout(self.result_box)
        result_layout.addWidget(self.result_text)
        result_buttons = QHBoxLayout()
        result_buttons.addWidget(self.open_folder_button)
        result_buttons.addStretch(1)
        result_layout.addLayout(result_buttons)
        self.result_box.hide()

        self.recipient.currentIndexChanged.connect(self._recipient_changed)
        self.full.toggled.connect(self._hide_result)
        self.form_box = QGroupBox(self.tr("Xuất gói đồng bộ"))
        form = QFormLayout(self.form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        label = QLabel(self.tr("&Gửi cho"))
        label.setBuddy(self.recipient)
        form.addRow(label, self.recipient)
        form.addRow("", self.no_peers)
        form.addRow("", self.unencrypted)
        form.addRow("", self.full)
        form.addRow("", full_note)
        folder_label = QLabel(self.tr("&Thư mục"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        name_label = QLabel(self.tr("Tên &tệp"))
        name_label.setBuddy(self.file_name)
        form.addRow(name_label, self.file_name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.form_box.setMaximumWidth(FORM_WIDTH)
        self.result_box.setMaximumWidth(FORM_WIDTH)
        self.no_access = Note(
            self.tr(
                "Tài khoản {user} ({role}) không được xuất gói dữ liệu. Hãy nhờ cán bộ hoặc quản "
                "trị viên xuất gói."
            ).format(user=workspace.user, role=workspace.role.label(i18n.language()))
        )
        self.no_access.setObjectName("export.no_access")
        self.no_access.setMaximumWidth(FORM_WIDTH)

        layout = QVBoxLayout(self)
        layout.addWidget(self.no_access)
        layout.addWidget(self.form_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.result_box)
        layout.addStretch(1)
        self.no_access.setVisible(not self.may_export)
        self.form_box.setVisible(self.may_export)
        self.set_peers(None)

    # --- the choices ---------------------------------------------------------------------------

    def set_peers(self, peers: Peers | None) -> None:
        """Offer the known peers (keeping the recipient chosen, when it is still known)."""
        self.peers = peers
        chosen = self.recipient.currentData()
        self.recipient.blockSignals(True)
        self.recipient.clear()
        for peer in peers.peers if peers is not None else []:
            self.recipient.addItem(peer.label, peer.site_id)
        self.recipient.addItem(self.tr("Không chỉ định — gói không mã hóa"), "")
        index = self.recipient.findData(chosen) if chosen is not None else -1
        self.recipient.setCurrentIndex(max(index, 0))
        self.recipient.blockSignals(False)
        known = peers is not None and bool(peers.peers)
        self.no_peers.setText(
            ""
            if known or peers is None
            else self.tr(
                "Chưa có nơi nhận nào. Hãy nhập thẻ định danh (.antqid) của đơn vị nhận ở thẻ "
                "“Nơi gửi/nhận” để gói được mã hóa cho họ."
            )
        )
        self._update_recipient()
        self.export_button.setEnabled(peers is not None)

    def recipient_code(self) -> str | None:
        site = self.recipient.currentData()
        if not site or self.peers is None:
            return None
        for peer in self.peers.peers:
            if peer.site_id == site:
                return peer.unit_code or peer.site_id[:8]
        return None

    def _recipient_changed(self) -> None:
        self._hide_result()
        self._update_recipient()

    def _update_recipient(self) -> None:
        self.unencrypted.setVisible(not self.recipient.currentData())
        if not self._name_edited:
            self.propose_name()

    def propose_name(self) -> None:
        own = self.peers.own.unit_code if self.peers is not None else ""
        path = proposed_bundle_path(
            Path(self.folder.text().strip() or "."),
            own or self.workspace.path.stem,
            self.recipient_code(),
            datetime.now(),
        )
        self.file_name.setText(path.name)

    def _name_typed(self, text: str) -> None:
        self._name_edited = bool(text.strip())
        self._hide_result()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục để lưu gói (ví dụ ổ USB)"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)
            if not self._name_edited:
                self.propose_name()

    def out_path(self) -> Path:
        name = self.file_name.text().strip()
        if name and not name.lower().endswith(SUFFIX):
            name += SUFFIX
        return Path(self.folder.text().strip()) / name

    # --- exporting -----------------------------------------------------------------------------

    def export(self) -> None:
        if not self.may_export or self.busy.isVisible():
            return
        if not self.file_name.text().strip() or not self.folder.text().strip():
            self._say(self.tr("Hãy chọn thư mục và đặt tên tệp cho gói."))
            return
        out = self.out_path()
        site = self.recipient.currentData() or None
        full = self.full.isChecked()
        self._hide_result()
        self.error.hide()
        self.busy.show()
        self.export_button.setEnabled(False)
        workspace = self.workspace
        run_task(
            lambda: export_bundle(workspace, out, to=site, full=full),
            self._exported,
            self._failed,
            owner=self,
        )

    def _exported(self, result: ExportResult) -> None:
        self._idle()
        self.result = result
        QSettings().setValue(FOLDER_KEY, str(result.path.parent))
        self.result_text.setText(self.result_description(result))
        self.result_box.show()
        self._name_edited = False
        self.propose_name()  # the next export gets a name of its own
        self.exported.emit(result)

    def result_description(self, result: ExportResult) -> str:
        counts = sorted(
            ((name, count) for name, count in result.counts.items() if count),
            key=lambda item: table_order(item[0]),
        )
        tables = "\n".join(f"  • {table_label(name)}: {number(count)}" for name, count in counts)
        recipient = (
            self.tr("cho {peer}, mã hóa").format(peer=result.recipient.label)
            if result.recipient is not None
            else self.tr("không chỉ định nơi nhận, không mã hóa")
        )
        kind = self.tr("toàn bộ") if result.full else self.tr("phần mới")
        text = self.tr("Gói {kind} {recipient}: {records} bản ghi, {size}.\nTệp: {path}").format(
            kind=kind,
            recipient=recipient,
            records=number(result.records),
            size=size_text(result.size_bytes),
            path=result.path,
        )
        if not result.records:
            return text + "\n" + self.tr("Không có gì mới cho nơi nhận từ lần trao đổi trước.")
        return f"{text}\n{tables}"

    def _failed(self, error: Exception) -> None:
        self._idle()
        self._say(i18n.error_text(error))

    def _idle(self) -> None:
        self.busy.hide()
        self.export_button.setEnabled(True)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _hide_result(self) -> None:
        self.result_box.hide()

    def open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.parent)))
