"""Báo cáo: make the period's report, look at it, save a draft, or sign and issue it; the register.

"Lập báo cáo" has the choices on the left (unit, period, proposals, appendices) and the report as
it will print on the right. The preview is marked "DỰ THẢO" and carries no number. A draft file is
the same, for a leader to read before signing. Issuing numbers, signs (PAdES, with the .p12 file
or the USB token of the settings), saves and registers the report: it is only offered for the
preview on screen, and signs nothing when the data changed since that preview was made (the new
preview is shown instead). An issued report is never changed or overwritten; issuing again gives
a new number. "Sổ báo cáo đã phát hành" lists the issued reports and checks signed files.

Officers make previews and drafts; leaders and administrators also sign (`Permission`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.messages import Message
from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import format_date
from antq_desktop.services.permissions import Permission, allowed
from antq_desktop.services.report_content import may_print_full_ids
from antq_desktop.services.report_register import IssuedReportView
from antq_desktop.services.report_settings import ReportSettings, read_report_settings
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.overview_figures import UnitChoices, load_unit_choices
from antq_desktop.ui.pdf_preview import PdfPreview
from antq_desktop.ui.report_actions import ReportActions
from antq_desktop.ui.report_dialogs import ask_save_path, ask_secret
from antq_desktop.ui.report_form import ReportForm
from antq_desktop.ui.report_jobs import (
    DataChanged,
    Preview,
    issue,
    make_preview,
    signing_configured,
    write_draft,
)
from antq_desktop.ui.report_register_panel import RegisterPanel
from antq_desktop.ui.style import NOTE_STYLE
from antq_desktop.ui.worker import run_task, run_task_with_progress

FORM_WIDTH = 410
"""The choices column's first width: the rest goes to the preview."""
STALE_STYLE = "background: #fff4ce; border: 1px solid #e0c36c; padding: 6px; color: #4a3b00;"


class ReportsPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        changes: Changes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.can_make = allowed(workspace, Permission.MAKE_REPORT) and allowed(
            workspace, Permission.READ_REHAB
        )
        self.can_sign = allowed(workspace, Permission.SIGN_REPORT)
        self.preview_shown: Preview | None = None
        self._issued_from: Preview | None = None
        self._data_changed = False
        self._busy = False
        self._units_loaded = False

        heading = QLabel(self.tr("Báo cáo"))
        heading.setObjectName("heading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.register = RegisterPanel(workspace)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reports.tabs")
        self.form = ReportForm(workspace, may_print_full_ids=may_print_full_ids(workspace))
        self.preview = PdfPreview()
        self._build_actions()
        if self.can_make:
            self.tabs.addTab(self._make_tab(), self.tr("Lập báo cáo"))
        else:
            self.tabs.addTab(self._no_make_tab(), self.tr("Lập báo cáo"))
        self.tabs.addTab(self.register, self.tr("Sổ báo cáo đã phát hành"))
        if not self.can_make:
            self.tabs.setCurrentWidget(self.register)
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

        self.form.changed.connect(self._update_state)
        if changes is not None:
            changes.changed.connect(self._records_changed)
        self.preview.show_message(
            self.tr("Bản xem trước của báo cáo sẽ hiện ở đây khi đọc xong số liệu.")
        )
        self._update_state()

    # --- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.error = self.form.messages.general
        self.action_panel = actions = ReportActions(can_sign=self.can_sign, message_line=self.error)
        actions.preview_button.clicked.connect(self.make_preview)
        actions.draft_button.clicked.connect(self.save_draft)
        actions.issue_button.clicked.connect(self.issue)
        if not self.can_sign:
            actions.issue_note.setText(
                self.tr(
                    "Tài khoản {user} ({role}) không được ký báo cáo: hãy lưu bản dự thảo để "
                    "trình lãnh đạo ký và phát hành."
                ).format(user=self.workspace.user, role=self.workspace.role.label(i18n.language()))
            )

    def _make_tab(self) -> QWidget:
        choices = QGroupBox(self.tr("Nội dung báo cáo"))
        QVBoxLayout(choices).addWidget(self.form)
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 6, 0)
        column_layout.addWidget(choices)
        column_layout.addWidget(self.action_panel)
        column_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("form_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(column)
        # never narrower than the choices need: the column does not scroll sideways
        scrollbar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(column.minimumSizeHint().width() + scrollbar)

        self.preview_info = QLabel()
        self.preview_info.setObjectName("preview.info")
        self.preview_info.setWordWrap(True)
        self.preview_info.setStyleSheet(NOTE_STYLE)
        self.stale = QLabel()
        self.stale.setObjectName("preview.stale")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(STALE_STYLE)
        self.stale.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.preview_info)
        right_layout.addWidget(self.stale)
        right_layout.addWidget(self.preview, 1)

        splitter = QSplitter()
        splitter.setObjectName("reports.splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([FORM_WIDTH, 800])
        return splitter

    def _no_make_tab(self) -> QWidget:
        note = QLabel(
            self.tr(
                "Tài khoản {user} ({role}) không được lập báo cáo. Xem các báo cáo đã phát hành "
                "và kiểm tra chữ ký ở thẻ “Sổ báo cáo đã phát hành”."
            ).format(user=self.workspace.user, role=self.workspace.role.label(i18n.language()))
        )
        note.setObjectName("no_access")
        note.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addStretch(1)
        unused = self._make_tab()  # built all the same (the page's state refers to it), never shown
        unused.setParent(page)
        unused.hide()
        return page

    # --- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the register and the units; then make the preview of the first choices."""
        self.register.load()
        if not self.can_make:
            return
        self._set_busy(self.tr("Đang đọc danh sách đơn vị…"))
        run_task(
            lambda: load_unit_choices(self.workspace), self._units_read, self._failed, owner=self
        )

    def _units_read(self, choices: UnitChoices) -> None:
        self._set_busy(None)
        self.form.set_units(choices)
        self._units_loaded = True
        self.make_preview()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.register:
            self.register.load()  # reports issued from the command line meanwhile

    def _records_changed(self) -> None:
        if self.preview_shown is not None:
            self._data_changed = True
            self._update_state()

    # --- state ---------------------------------------------------------------------------------

    def preview_is_current(self) -> bool:
        shown = self.preview_shown
        return (
            shown is not None
            and not self._data_changed
            and shown.request == self.form.current_request()
        )

    def _update_state(self) -> None:
        actions = self.action_panel
        ready = self._units_loaded and not self._busy
        actions.preview_button.setEnabled(ready)
        actions.draft_button.setEnabled(ready)
        current = self.preview_is_current()
        issued = current and self._issued_from is self.preview_shown
        actions.issue_button.setEnabled(ready and current and not issued)
        if not self.can_make:
            return
        stale = ""
        if self.preview_shown is not None and not current:
            stale = (
                self.tr(
                    "Dữ liệu vừa được sửa sau lần xem trước. Bấm “Xem trước” để đọc lại trước "
                    "khi ký."
                )
                if self._data_changed
                else self.tr(
                    "Bản xem trước chưa theo các lựa chọn mới. Bấm “Xem trước” để cập nhật "
                    "trước khi lưu hoặc ký."
                )
            )
        self.stale.setText(stale)
        self.stale.setVisible(bool(stale))
        shown = self.preview_shown
        if not self.can_sign or shown is None or not current:
            actions.next_number.clear()
        elif issued:
            actions.next_number.setText(
                self.tr(
                    "Đã phát hành từ bản xem trước này. Muốn phát hành lại (số mới), hãy bấm "
                    "“Xem trước” lần nữa."
                )
            )
        else:
            actions.next_number.setText(
                self.tr("Khi phát hành, báo cáo mang số {number}, ngày ký {day}.").format(
                    number=shown.next_number, day=format_date(shown.issued_on)
                )
            )
        actions.next_number.setVisible(bool(actions.next_number.text()))

    def _set_busy(self, text: str | None) -> None:
        """Show that a job runs (`text` says which) and hold the buttons; None: it ended."""
        self._busy = text is not None
        self.action_panel.set_busy(text)
        self._update_state()

    def _progress(self, step: Message) -> None:
        self.action_panel.show_step(step.render(i18n.language()))

    def _start(self, text: str) -> None:
        self.form.messages.clear()
        self.action_panel.hide_result()
        self._set_busy(text)

    def _failed(self, error: Exception) -> None:
        self._set_busy(None)
        self.form.messages.show(error)

    def _say(self, text: str) -> None:
        self.form.messages.clear()
        self.form.messages.append_general(text)

    # --- preview -------------------------------------------------------------------------------

    def make_preview(self) -> None:
        request = self.form.request()
        if request is None or self._busy:
            return
        self._start(self.tr("Đang lập bản xem trước…"))
        workspace = self.workspace
        run_task_with_progress(
            lambda report: make_preview(workspace, request, report),
            self._preview_made,
            self._failed,
            self._progress,
            owner=self,
        )

    def _preview_made(self, preview: Preview) -> None:
        self._set_busy(None)
        self.show_preview(preview)

    def show_preview(self, preview: Preview) -> None:
        self.preview_shown = preview
        self._data_changed = False
        self.preview.set_pdf(preview.pdf)
        self.preview_info.setText(
            self.tr(
                "{subject}. {pages} trang, số liệu đọc lúc {time}. Bản xem trước có dấu "
                "“DỰ THẢO”; bản phát hành có số và chữ ký số."
            ).format(
                subject=self._subject(preview),
                pages=format_number(preview.pages, i18n.language()),
                time=QTime.currentTime().toString("HH:mm"),
            )
        )
        self._update_state()

    @staticmethod
    def _subject(preview: Preview) -> str:
        statistics = preview.content.statistics
        return f"{statistics.unit_name}, {preview.request.period.label(i18n.language())}"

    # --- draft ---------------------------------------------------------------------------------

    def save_draft(self) -> None:
        request = self.form.request()
        if request is None or self._busy:
            return
        path = ask_save_path(self, self.tr("Lưu bản dự thảo báo cáo"), request, draft=True)
        if path is None:
            return
        self._start(self.tr("Đang lưu bản dự thảo…"))
        workspace = self.workspace
        run_task_with_progress(
            lambda report: write_draft(workspace, request, path, report),
            lambda draft: self._draft_saved(draft.path, draft.pages),
            self._failed,
            self._progress,
            owner=self,
        )

    def _draft_saved(self, path: Path, pages: int) -> None:
        self._set_busy(None)
        self.action_panel.show_result(
            self.tr("Đã lưu bản dự thảo ({pages} trang, không số, chưa ký): {path}").format(
                pages=format_number(pages, i18n.language()), path=path
            ),
            path,
        )

    # --- issuing -------------------------------------------------------------------------------

    def issue(self) -> None:
        """Ask where to save and for the password or PIN, then sign the preview on screen."""
        preview = self.preview_shown
        if preview is None or not self.preview_is_current() or self._busy or not self.can_sign:
            return
        self._start(self.tr("Đang đọc cài đặt chữ ký số…"))
        run_task(
            lambda: read_report_settings(self.workspace),
            lambda values: self._issue_with(preview, values),
            self._failed,
            owner=self,
        )

    def _issue_with(self, preview: Preview, values: ReportSettings) -> None:
        self._set_busy(None)
        if not signing_configured(values):
            self._say(
                self.tr(
                    "Chưa cài đặt chữ ký số. Hãy vào Cài đặt, mục “Báo cáo và chữ ký số”, chọn "
                    "tệp chứng thư số (.p12/.pfx) hoặc USB token, rồi ký lại."
                )
            )
            return
        path = ask_save_path(self, self.tr("Lưu báo cáo đã ký"), preview.request, draft=False)
        if path is None:
            return
        if path.exists():
            self._say(
                self.tr(
                    "Tệp {path} đã có. Báo cáo phát hành không ghi đè tệp nào: hãy chọn tên khác."
                ).format(path=path)
            )
            return
        secret = ask_secret(self, preview.next_number, values)
        if secret is None:
            return
        self._start(self.tr("Đang mở chữ ký số…"))
        workspace = self.workspace
        run_task_with_progress(
            lambda report: issue(workspace, preview, path, values, secret, report),
            lambda outcome: self._issue_done(preview, outcome),
            self._failed,
            self._progress,
            owner=self,
        )

    def _issue_done(self, preview: Preview, outcome: IssuedReportView | DataChanged) -> None:
        self._set_busy(None)
        if isinstance(outcome, DataChanged):
            self.show_preview(outcome.preview)
            self._say(
                self.tr(
                    "Chưa ký: số liệu đã thay đổi từ lúc xem trước (có người vừa ghi thêm hoặc "
                    "sửa cài đặt báo cáo). Bản xem trước đã được làm lại; hãy xem lại rồi bấm "
                    "“Ký số và phát hành” lần nữa."
                )
            )
            return
        self._issued_from = preview
        self._update_state()
        self._show_issued_file(outcome)
        self.action_panel.show_result(
            self.tr(
                "Đã phát hành báo cáo số {number} ({pages} trang), ký bởi {signer} theo chuẩn "
                "{level}, ghi vào sổ đăng ký. Tệp: {path}"
            ).format(
                number=outcome.number_text,
                pages=format_number(outcome.pages, i18n.language()),
                signer=outcome.signer,
                level=outcome.signature_level,
                path=outcome.file_path,
            ),
            outcome.path,
        )
        self.register.load()

    def _show_issued_file(self, issued: IssuedReportView) -> None:
        """Show the signed file as issued (its number, the signature's stamp) instead of the
        draft preview; a file that cannot be read back leaves the preview as it was."""
        try:
            data = issued.path.read_bytes()
        except OSError:
            return
        self.preview.set_pdf(data)
        self.preview_info.setText(
            self.tr("Báo cáo đã phát hành số {number}, đã ký số: {path}").format(
                number=issued.number_text, path=issued.file_path
            )
        )
