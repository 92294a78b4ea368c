"""A personal signing identity (.p12) for a ward without a CA certificate, and its certificate.

`IdentityDialog` asks the signer's name, the unit, a passphrase (twice) and where to save, then
makes the key and self-signed certificate on the worker (`reports.identity.create_identity`). It
then shows the certificate's summary, above all the SHA-256 fingerprint in 4-digit groups to read
out over the phone, and exports the certificate (not the .p12) for the superior unit to trust.

The helpers below the dialog show a certificate the same way everywhere, ask for a .p12's
passphrase, and suggest file names in the user's Documents. Passphrases are never stored: the
dialog forgets them when it closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.text import fold
from antq_desktop.domain.validation import format_date
from antq_desktop.ui import i18n
from antq_desktop.ui.style import ERROR_STYLE, NOTE_STYLE

if TYPE_CHECKING:  # the report modules load pyHanko: imported when first used
    from antq_desktop.reports.identity import CertificateSummary
from antq_desktop.ui.worker import run_task

FINGERPRINT_STYLE = "font-family: monospace;"
P12_SUFFIXES = (".p12", ".pfx")


def fingerprint_lines(fingerprint: str) -> str:
    """The 16 groups of a SHA-256 fingerprint as two lines of 8, easier to read out."""
    groups = fingerprint.split()
    return "\n".join(" ".join(groups[start : start + 8]) for start in range(0, len(groups), 8))


def local_date(moment: datetime) -> str:
    return format_date(moment.astimezone().date())


def summary_text(summary: CertificateSummary) -> str:
    """What a person compares before trusting a certificate, a few lines of plain text."""
    subject = summary.subject_name
    if summary.organisation:
        subject = f"{subject} — {summary.organisation}"
    issuer = (
        QCoreApplication.translate("CertificateText", "tự ký")
        if summary.self_signed
        else summary.issuer_name
    )
    lines = [
        QCoreApplication.translate("CertificateText", "Chủ thể: {subject}").format(subject=subject),
        QCoreApplication.translate("CertificateText", "Cấp bởi: {issuer}").format(issuer=issuer),
        QCoreApplication.translate("CertificateText", "Hiệu lực: từ {start} đến {end}").format(
            start=local_date(summary.not_before), end=local_date(summary.not_after)
        ),
        QCoreApplication.translate("CertificateText", "Dấu vân tay SHA-256:"),
        fingerprint_lines(summary.fingerprint_sha256),
    ]
    return "\n".join(lines)


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def slug(text: str) -> str:
    """ "Nguyễn Văn Đức" → "nguyen-van-duc": for file names that every system can hold."""
    words = "".join(ch if ch.isalnum() else " " for ch in fold(text)).split()
    return "-".join(words) or "chu-ky"


def unused_path(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem.suffix`, or with "-2", "-3", … when it exists (nothing is overwritten)."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def ask_passphrase(parent: QWidget, path: Path) -> str | None:
    """The passphrase of the .p12 at `path`, typed masked; None when cancelled."""
    text, accepted = QInputDialog.getText(
        parent,
        QCoreApplication.translate("CertificateText", "Mật khẩu chữ ký số"),
        QCoreApplication.translate("CertificateText", "Mật khẩu của tệp {name}:").format(
            name=path.name
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if accepted and text else None


def choose_certificate_output(parent: QWidget, suggested: Path) -> Path | None:
    """Where to write an exported certificate (.pem); None when cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CertificateText", "Xuất chứng thư số"),
        str(suggested),
        QCoreApplication.translate("CertificateText", "Chứng thư số (*.pem *.crt)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(".pem")


@dataclass(frozen=True)
class CreatedIdentity:
    path: Path
    summary: CertificateSummary


class IdentityDialog(QDialog):
    """Make a personal signing identity; afterwards show its certificate and offer the export."""

    created = Signal(object)
    """A `CreatedIdentity`, once the .p12 file is written."""

    def __init__(self, full_name: str, unit_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tạo chữ ký số cá nhân"))
        self.result_identity: CreatedIdentity | None = None
        self._busy = False
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page(full_name, unit_name))
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(560)

    # --- building -----------------------------------------------------------------------------

    def _form_page(self, full_name: str, unit_name: str) -> QWidget:
        from antq_desktop.reports.identity import MAXIMUM_VALID_YEARS, MINIMUM_PASSPHRASE_LENGTH

        page = QWidget()
        intro = QLabel(
            self.tr(
                "Dùng khi đơn vị chưa được cấp chứng thư số. Chương trình tạo khóa bí mật và "
                "chứng thư tự ký, cất trong một tệp .p12 có mật khẩu. Sau đó gửi chứng thư (không "
                "gửi tệp .p12) cho cấp trên để họ thêm vào danh sách tin cậy."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(NOTE_STYLE)
        self.full_name = self._line("full_name", full_name)
        self.unit_name = self._line("unit_name", unit_name)
        self.valid_years = QSpinBox()
        self.valid_years.setObjectName("valid_years")
        self.valid_years.setRange(1, MAXIMUM_VALID_YEARS)
        self.valid_years.setValue(5)
        self.valid_years.setSuffix(self.tr(" năm"))
        self.passphrase = self._line("passphrase", "", password=True)
        self.passphrase.setPlaceholderText(
            self.tr("ít nhất {count} ký tự").format(count=MINIMUM_PASSPHRASE_LENGTH)
        )
        self.passphrase_again = self._line("passphrase_again", "", password=True)
        self.path = self._line("path", str(self._default_path(full_name)))
        choose = QPushButton(self.tr("Chọn…"))
        choose.setObjectName("choose_path")
        choose.clicked.connect(self._choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(choose)
        warning = QLabel(
            self.tr(
                "Chương trình không lưu mật khẩu. Quên mật khẩu thì không dùng được tệp này nữa: "
                "hãy ghi nhớ và giữ tệp .p12 ở nơi chỉ người ký dùng được."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(NOTE_STYLE)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.working = QLabel(self.tr("Đang tạo khóa, xin chờ vài giây…"))
        self.working.setObjectName("working")
        self.working.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Họ tên người ký"), self.full_name)
        form.addRow(self.tr("Đơn vị"), self.unit_name)
        form.addRow(self.tr("Thời hạn"), self.valid_years)
        form.addRow(self.tr("Mật khẩu"), self.passphrase)
        form.addRow(self.tr("Gõ lại mật khẩu"), self.passphrase_again)
        form.addRow(self.tr("Lưu vào tệp"), path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Tạo chữ ký số"))
        self.create_button.setObjectName("create")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(warning)
        column.addWidget(self.error)
        column.addWidget(self.working)
        column.addStretch(1)
        column.addWidget(self.buttons)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_heading = QLabel()
        self.done_heading.setObjectName("done_heading")
        self.done_heading.setWordWrap(True)
        self.done_heading.setStyleSheet("font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet(FINGERPRINT_STYLE)
        advice = QLabel(
            self.tr(
                "Gửi tệp chứng thư cho cấp trên, rồi đọc dấu vân tay qua điện thoại để họ đối "
                "chiếu trước khi thêm vào danh sách tin cậy."
            )
        )
        advice.setWordWrap(True)
        advice.setStyleSheet(NOTE_STYLE)
        self.export_button = QPushButton(self.tr("Xuất chứng thư để gửi cấp trên…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        self.export_state = QLabel()
        self.export_state.setObjectName("export_state")
        self.export_state.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        close.rejected.connect(self.accept)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.done_heading)
        column.addWidget(self.summary)
        column.addWidget(advice)
        column.addLayout(export_row)
        column.addWidget(self.export_state)
        column.addStretch(1)
        column.addWidget(close)
        return page

    @staticmethod
    def _line(name: str, text: str, *, password: bool = False) -> QLineEdit:
        field = QLineEdit(text)
        field.setObjectName(name)
        if password:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    @staticmethod
    def _default_path(full_name: str) -> Path:
        return unused_path(documents_folder(), f"chu-ky-{slug(full_name)}", ".p12")

    def _choose_path(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Lưu chữ ký số vào tệp"),
            self.path.text() or str(self._default_path(self.full_name.text())),
            self.tr("Chữ ký số PKCS#12 (*.p12 *.pfx)"),
        )
        if chosen:
            self.path.setText(chosen)

    # --- creating -----------------------------------------------------------------------------

    def chosen_path(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() in P12_SUFFIXES else path.with_name(path.name + ".p12")

    def problem(self, path: Path | None, passphrase: str) -> str:
        from antq_desktop.reports.identity import MINIMUM_PASSPHRASE_LENGTH

        """Why the identity cannot be made as entered ("" when it can)."""
        if not self.full_name.text().strip() or not self.unit_name.text().strip():
            return self.tr("Hãy nhập đủ họ tên người ký và tên đơn vị.")
        if len(passphrase) < MINIMUM_PASSPHRASE_LENGTH:
            return self.tr("Mật khẩu phải có ít nhất {count} ký tự.").format(
                count=MINIMUM_PASSPHRASE_LENGTH
            )
        if passphrase != self.passphrase_again.text():
            return self.tr("Hai lần gõ mật khẩu không khớp nhau. Hãy gõ lại.")
        if path is None:
            return self.tr("Hãy chọn nơi lưu tệp chữ ký số.")
        if path.exists():
            return self.tr(
                "Tệp {path} đã có; chương trình không ghi đè để khỏi mất chữ ký số cũ. Hãy chọn "
                "tên tệp khác."
            ).format(path=path)
        if not path.parent.is_dir():
            return self.tr("Không có thư mục {folder}. Hãy chọn nơi lưu khác.").format(
                folder=path.parent
            )
        return ""

    def submit(self) -> None:
        from antq_desktop.reports.identity import certificate_summary, create_identity

        """Check what can be checked here (no file is written on a refusal), then create."""
        if self._busy:
            return
        passphrase = self.passphrase.text()
        path = self.chosen_path()
        problem = self.problem(path, passphrase)
        if problem or path is None:
            self._refuse(problem)
            return
        self.error.hide()
        self._set_busy(True)
        full_name, unit_name = self.full_name.text(), self.unit_name.text()
        years = self.valid_years.value()

        def work() -> CreatedIdentity:
            pem = create_identity(path, full_name, unit_name, passphrase, valid_years=years)
            return CreatedIdentity(path, certificate_summary(pem))

        run_task(work, self._created, self._failed, owner=self)

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.working.setVisible(busy)
        self.buttons.setEnabled(not busy)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._refuse(i18n.error_text(error))

    def _created(self, identity: CreatedIdentity) -> None:
        self._set_busy(False)
        self.result_identity = identity
        self.done_heading.setText(
            self.tr("Đã tạo chữ ký số cá nhân, lưu ở {path}.").format(path=identity.path)
        )
        self.summary.setText(summary_text(identity.summary))
        self.pages.setCurrentIndex(1)
        self.created.emit(identity)

    # --- exporting ----------------------------------------------------------------------------

    def export(self) -> None:
        from antq_desktop.reports.identity import export_certificate

        """Write the new certificate to a .pem the person chooses (the passphrase is still here)."""
        identity = self.result_identity
        if identity is None:
            return
        suggested = unused_path(
            identity.path.parent, f"chung-thu-{slug(identity.summary.subject_name)}", ".pem"
        )
        out = choose_certificate_output(self, suggested)
        if out is None:
            return
        passphrase = self.passphrase.text()
        run_task(
            lambda: export_certificate(identity.path, passphrase, out),
            lambda _: self._exported(out),
            self._export_failed,
            owner=self,
        )

    def _exported(self, out: Path) -> None:
        self.export_state.setStyleSheet("")
        self.export_state.setText(self.tr("Đã xuất chứng thư ra {path}.").format(path=out))

    def _export_failed(self, error: Exception) -> None:
        self.export_state.setStyleSheet(ERROR_STYLE)
        self.export_state.setText(i18n.error_text(error))

    # --- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        if not self._busy:  # the key is being made: let it finish so no half file is left
            super().reject()

    def done(self, result: int) -> None:
        self.passphrase.clear()  # passphrases live no longer than the dialog
        self.passphrase_again.clear()
        super().done(result)
