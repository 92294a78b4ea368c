"""Nơi gửi/nhận: this installation's identity card and fingerprint, and the peers it trusts.

The own fingerprint is shown large: it is what the other unit's officer asks for on the phone.
"Xuất thẻ định danh của đơn vị này…" writes the card (public keys only) to hand over. "Nhập thẻ
định danh…" reads a card, shows its unit and fingerprint to be compared by phone (`TrustDialog`),
and only then trusts it. "Xóa" forgets a peer after a confirmation. Changing the peers needs
`Permission.CHANGE_SETTINGS`; everyone sees the list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.workspace import Workspace
from antq_desktop.sync.keys import CARD_SUFFIX, IdentityCard, read_card
from antq_desktop.sync.peers import PeerView, add_peer, export_identity, remove_peer
from antq_desktop.ui import i18n
from antq_desktop.ui.field_messages import error_label
from antq_desktop.ui.identity_dialog import documents_folder
from antq_desktop.ui.note import Note, grey_note
from antq_desktop.ui.sync_jobs import Peers, file_code, load_peers
from antq_desktop.ui.sync_labels import (
    SyncRowsModel,
    ask_open_files,
    fingerprint_label,
    fingerprint_lines,
    moment_text,
    rows_table,
    selected_row,
)
from antq_desktop.ui.sync_sender_dialog import TrustDialog
from antq_desktop.ui.worker import run_task

FOLDER_KEY = "sync/card_folder"


class PeersPanel(QWidget):
    changed = Signal()
    """A peer was added or removed."""
    loaded = Signal(object)
    """The own card and the peers were read (a `Peers`)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.may_change = allowed(workspace, Permission.CHANGE_SETTINGS)
        self.peers: Peers | None = None
        self.dialog: TrustDialog | None = None

        own_box = QGroupBox(self.tr("Thẻ định danh của đơn vị này"))
        self.own_unit = QLabel()
        self.own_unit.setObjectName("peers.own_unit")
        self.own_unit.setStyleSheet("font-weight: bold;")
        self.own_fingerprint = fingerprint_label()
        self.own_fingerprint.setObjectName("peers.own_fingerprint")
        own_note = grey_note(
            self.tr(
                "Gửi thẻ định danh cho đơn vị cấp trên hoặc cấp dưới (qua USB hoặc thư điện tử). "
                "Khi họ nhập thẻ, hãy đọc dấu vân tay này cho họ qua điện thoại để đối chiếu."
            )
        )
        self.export_button = QPushButton(self.tr("Xuất thẻ định danh của đơn vị này…"))
        self.export_button.setObjectName("peers.export_card")
        self.export_button.clicked.connect(self.export_card)
        own_text = QVBoxLayout()
        own_text.addWidget(self.own_unit)
        own_text.addWidget(own_note)
        own_text.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        own_text.addStretch(1)
        own_layout = QHBoxLayout(own_box)
        own_layout.addWidget(self.own_fingerprint, 0, Qt.AlignmentFlag.AlignTop)
        own_layout.addLayout(own_text, 1)

        self.model = SyncRowsModel(
            [
                self.tr("Đơn vị"),
                self.tr("Dấu vân tay"),
                self.tr("Mã cài đặt"),
                self.tr("Thêm lúc"),
                self.tr("Người thêm"),
                self.tr("Nhập gói gần nhất"),
                self.tr("Xuất gói gần nhất"),
            ],
            self._cells,
            parent=self,
        )
        self.table = rows_table(self.model, "peers.table", stretch=0)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = grey_note(
            self.tr(
                "Chưa có nơi gửi/nhận nào. Nhập thẻ định danh (.antqid) của đơn vị cấp trên hoặc "
                "cấp dưới, hoặc nhận nơi gửi mới khi nhập gói đầu tiên của họ."
            )
        )
        self.empty.setObjectName("peers.empty")
        self.import_button = QPushButton(self.tr("Nhập thẻ định danh…"))
        self.import_button.setObjectName("peers.import_card")
        self.import_button.clicked.connect(self.choose_card)
        self.remove_button = QPushButton(self.tr("Xóa"))
        self.remove_button.setObjectName("peers.remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.no_access = Note(
            self.tr(
                "Tài khoản {user} ({role}) không được thay đổi cài đặt nên không thêm hay xóa "
                "nơi gửi/nhận được."
            ).format(user=workspace.user, role=workspace.role.label(i18n.language()))
        )
        self.no_access.setObjectName("peers.no_access")
        self.no_access.setStyleSheet("color: #555555;")
        self.message = Note()
        self.message.setObjectName("peers.message")
        self.error = error_label("peers.error")
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.no_access, 1)
        buttons.addStretch(1)
        for button in (self.import_button, self.remove_button):
            button.setVisible(self.may_change)
        self.no_access.setVisible(not self.may_change)

        layout = QVBoxLayout(self)
        layout.addWidget(own_box)
        layout.addWidget(QLabel(self.tr("Các đơn vị được tin cậy:")))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        self._selection_changed()

    # --- the list ------------------------------------------------------------------------------

    def load(self) -> None:
        run_task(lambda: load_peers(self.workspace), self._show, self._failed, owner=self)

    def _show(self, peers: Peers) -> None:
        self.peers = peers
        self.own_unit.setText(peers.own.label)
        self.own_fingerprint.setText(fingerprint_lines(peers.own.fingerprint))
        chosen = self.selected()
        self.model.set_rows(peers.peers)
        self.empty.setVisible(not peers.peers)
        sites = [peer.site_id for peer in peers.peers]
        if chosen is not None and chosen.site_id in sites:
            self.table.selectRow(sites.index(chosen.site_id))
        self._selection_changed()
        self.loaded.emit(peers)

    def _cells(self, peer: PeerView) -> list[str]:
        return [
            peer.label,
            peer.fingerprint,
            peer.site_id,
            moment_text(peer.added_at),
            peer.added_by,
            moment_text(peer.last_import_at) or self.tr("chưa"),
            moment_text(peer.last_export_at) or self.tr("chưa"),
        ]

    def selected(self) -> PeerView | None:
        row = selected_row(self.table)
        return self.model.rows[row] if row is not None else None

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    def _failed(self, error: Exception) -> None:
        self.message.clear()
        self.error.setText(i18n.error_text(error))
        self.error.show()

    def _say(self, text: str) -> None:
        self.error.hide()
        self.message.setText(text)

    # --- this unit's card ----------------------------------------------------------------------

    def export_card(self) -> None:
        settings = QSettings()
        folder = Path(str(settings.value(FOLDER_KEY, "") or documents_folder()))
        code = self.peers.own.unit_code if self.peers is not None else ""
        suggested = folder / f"{file_code(code or self.workspace.path.stem)}{CARD_SUFFIX}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Lưu thẻ định danh của đơn vị này"),
            str(suggested),
            self.tr("Thẻ định danh ANTQ (*{suffix})").format(suffix=CARD_SUFFIX),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != CARD_SUFFIX:
            path = path.with_name(path.name + CARD_SUFFIX)
        settings.setValue(FOLDER_KEY, str(path.parent))
        workspace = self.workspace
        run_task(
            lambda: export_identity(workspace, path),
            lambda card: self._exported(path, card),
            self._failed,
            owner=self,
        )

    def _exported(self, path: Path, card: IdentityCard) -> None:
        self._say(
            self.tr(
                "Đã lưu thẻ định danh của {unit} vào {path}. Dấu vân tay: {fingerprint}."
            ).format(unit=card.label, path=path, fingerprint=card.fingerprint)
        )

    # --- other units' cards --------------------------------------------------------------------

    def choose_card(self) -> None:
        chosen = ask_open_files(
            self,
            FOLDER_KEY,
            self.tr("Chọn thẻ định danh của đơn vị khác"),
            self.tr("Thẻ định danh ANTQ (*{suffix})").format(suffix=CARD_SUFFIX),
            many=False,
        )
        if chosen:
            self.import_card(chosen[0])

    def import_card(self, path: Path) -> None:
        """Read the card at `path` and ask whether to trust it (nothing is saved before)."""
        if not self.may_change:
            return
        run_task(
            lambda: read_card(path),
            lambda card: self._confirm(path, card),
            self._failed,
            owner=self,
        )

    def _confirm(self, path: Path, card: IdentityCard) -> None:
        dialog = TrustDialog(card, file_name=path.name, for_bundle=False, parent=self)
        dialog.accepted.connect(lambda: self._trust(card))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: TrustDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _trust(self, card: IdentityCard) -> None:
        workspace = self.workspace
        run_task(
            lambda: add_peer(workspace, card),
            lambda added: self._trusted(card, added),
            self._failed,
            owner=self,
        )

    def _trusted(self, card: IdentityCard, added: bool) -> None:
        self._say(
            self.tr("Đã thêm {unit} vào danh sách nơi gửi/nhận.").format(unit=card.label)
            if added
            else self.tr("{unit} đã có trong danh sách với đúng dấu vân tay này.").format(
                unit=card.label
            )
        )
        self.changed.emit()
        self.load()

    def remove_selected(self) -> None:
        peer = self.selected()
        if peer is None or not self.may_change:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Xóa nơi gửi/nhận"),
            self.tr(
                "Xóa {unit} khỏi danh sách? Sau đó gói của đơn vị này bị coi là từ nơi gửi chưa "
                "biết, và không xuất được gói mã hóa cho họ cho đến khi nhập lại thẻ định danh. "
                "Dữ liệu đã nhập vẫn giữ nguyên."
            ).format(unit=peer.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        workspace, site_id = self.workspace, peer.site_id
        run_task(
            lambda: remove_peer(workspace, site_id),
            lambda _none: self._removed(peer),
            self._failed,
            owner=self,
        )

    def _removed(self, peer: PeerView) -> None:
        self._say(self.tr("Đã xóa {unit} khỏi danh sách nơi gửi/nhận.").format(unit=peer.label))
        self.changed.emit()
        self.load()
