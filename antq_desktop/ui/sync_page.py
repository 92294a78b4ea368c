"""Đồng bộ: exchange records with the superior and subordinate units by files (a USB stick).

Six tabs: Xuất gói (write a bundle for a recipient), Nhập gói (import bundles, chosen or dropped
on the page), Lịch sử (every bundle exported or imported), Xung đột (fields edited in two places,
to decide; the tab's title counts the open ones), Người trùng CCCD (people of two units with one
citizen ID, to merge) and Nơi gửi/nhận (this unit's fingerprint, the peers it trusts).

What changes records (an import, a decision, a merge) is announced through `Changes`, so the
other pages read again; when records change elsewhere, the conflicts and duplicates are read
again here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.note import grey_note
from antq_desktop.ui.sync_conflicts_panel import ConflictsPanel
from antq_desktop.ui.sync_duplicates_panel import DuplicatesPanel
from antq_desktop.ui.sync_export_panel import ExportPanel
from antq_desktop.ui.sync_history_panel import HistoryPanel
from antq_desktop.ui.sync_import import ImportPanel, bundle_paths
from antq_desktop.ui.sync_jobs import Peers
from antq_desktop.ui.sync_labels import HEADING_STYLE, number
from antq_desktop.ui.sync_peers_panel import PeersPanel


class SyncPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        changes: Changes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.changes = changes
        self._loaded = False
        self._stale = False
        heading = QLabel(self.tr("Đồng bộ"))
        heading.setObjectName("heading")
        heading.setStyleSheet(HEADING_STYLE)
        intro = grey_note(
            self.tr(
                "Trao đổi dữ liệu với đơn vị cấp trên và cấp dưới bằng tệp (ổ USB, thư điện tử): "
                "gói được ký bằng khóa của đơn vị và mã hóa cho nơi nhận. Nhập một gói nhiều lần "
                "hay theo thứ tự nào cũng cho cùng kết quả."
            )
        )
        self.export_panel = ExportPanel(workspace)
        self.import_panel = ImportPanel(workspace)
        self.history = HistoryPanel(workspace)
        self.conflicts = ConflictsPanel(workspace)
        self.duplicates = DuplicatesPanel(workspace)
        self.peers = PeersPanel(workspace)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync.tabs")
        self.tabs.addTab(self.export_panel, self.tr("Xuất gói"))
        self.tabs.addTab(self.import_panel, self.tr("Nhập gói"))
        self.tabs.addTab(self.history, self.tr("Lịch sử"))
        self.tabs.addTab(self.conflicts, self.tr("Xung đột"))
        self.tabs.addTab(self.duplicates, self.tr("Người trùng CCCD"))
        self.tabs.addTab(self.peers, self.tr("Nơi gửi/nhận"))
        self._open_conflicts = 0
        self._duplicate_groups = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        self.setAcceptDrops(self.import_panel.may_import)

        self.peers.loaded.connect(self._peers_read)
        self.peers.changed.connect(self._peers_changed)
        self.export_panel.exported.connect(lambda _result: self._exchanged())
        self.import_panel.imported.connect(lambda _summary: self._imported())
        self.import_panel.result.show_conflicts.connect(lambda: self.show_tab(self.conflicts))
        self.import_panel.result.show_duplicates.connect(lambda: self.show_tab(self.duplicates))
        self.conflicts.open_count.connect(self._conflicts_counted)
        self.conflicts.resolved.connect(self.announce)
        self.duplicates.group_count.connect(self._duplicates_counted)
        self.duplicates.merged.connect(self.announce)
        if changes is not None:
            changes.changed.connect(self._records_changed)

    def load(self) -> None:
        """Read every tab (each on the worker)."""
        self._loaded = True
        self._stale = False
        self.peers.load()
        self.history.load()
        self.conflicts.load()
        self.duplicates.load()

    def show_tab(self, panel: QWidget) -> None:
        self.tabs.setCurrentWidget(panel)

    # --- after a change ------------------------------------------------------------------------

    def announce(self) -> None:
        """Records changed here: every page reads again (this one through `_records_changed`)."""
        if self.changes is not None:
            self.changes.saved()
        else:
            self._records_changed()

    def _records_changed(self) -> None:
        if not self._loaded:
            return
        if not self.isVisible():
            self._stale = True  # read again when the page is shown
            return
        self.conflicts.load()
        self.duplicates.load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._loaded and self._stale:
            self._stale = False
            self.conflicts.load()
            self.duplicates.load()

    def _imported(self) -> None:
        self._exchanged()
        self.announce()

    def _exchanged(self) -> None:
        """A bundle went out or came in: the history and the peers' last exchange moved."""
        self.history.load()
        self.peers.load()

    def _peers_read(self, peers: Peers) -> None:
        self.export_panel.set_peers(peers)

    def _peers_changed(self) -> None:
        if self.changes is not None:
            self.changes.save_state.emit(self.tr("Đã cập nhật danh sách nơi gửi/nhận"))

    # --- tab titles ----------------------------------------------------------------------------

    def _conflicts_counted(self, count: int) -> None:
        self._open_conflicts = count
        title = self.tr("Xung đột")
        if count:
            title = self.tr("Xung đột ({count})").format(count=number(count))
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts), title)

    def _duplicates_counted(self, count: int) -> None:
        self._duplicate_groups = count
        title = self.tr("Người trùng CCCD")
        if count:
            title = self.tr("Người trùng CCCD ({count})").format(count=number(count))
        self.tabs.setTabText(self.tabs.indexOf(self.duplicates), title)

    # --- files dropped on the page -------------------------------------------------------------

    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return bundle_paths(Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self._dropped(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = self._dropped(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.show_tab(self.import_panel)
        self.import_panel.import_files(paths)
