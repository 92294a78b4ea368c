"""Trusting another unit's installation: its name and fingerprint, to be compared by phone first.

`TrustDialog` shows the unit and the 30 digits of its fingerprint in large groups, with what to do:
phone the unit, have them read their fingerprint (Đồng bộ › Nơi gửi/nhận), accept only when every
group matches. It serves a bundle from an unknown sender ("Nhận nơi gửi mới" / "Không nhận") and an
identity card being imported ("Tin cậy đơn vị này" / "Hủy"). Refusing is the default button: Enter
does not trust anybody by accident.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.sync.keys import IdentityCard
from antq_desktop.ui.note import Note, grey_note
from antq_desktop.ui.sync_labels import fingerprint_label


class TrustDialog(QDialog):
    def __init__(
        self,
        card: IdentityCard,
        *,
        file_name: str,
        for_bundle: bool,
        parent: QWidget | None = None,
    ) -> None:
        """`for_bundle`: the card came with a bundle (else from an identity card file)."""
        super().__init__(parent)
        self.card = card
        self.setObjectName("trust_dialog")
        self.setModal(True)
        if for_bundle:
            self.setWindowTitle(self.tr("Gói từ nơi gửi mới"))
            intro = self.tr(
                "Gói {file} đến từ một nơi gửi chưa có trong danh sách của đơn vị này:"
            ).format(file=file_name)
            accept_text, refuse_text = self.tr("Nhận nơi gửi mới"), self.tr("Không nhận")
        else:
            self.setWindowTitle(self.tr("Nhập thẻ định danh"))
            intro = self.tr("Thẻ định danh {file} là của:").format(file=file_name)
            accept_text, refuse_text = self.tr("Tin cậy đơn vị này"), self.tr("Hủy")
        unit = QLabel(card.label)
        unit.setObjectName("trust.unit")
        unit.setStyleSheet("font-size: 14pt; font-weight: bold;")
        unit.setWordWrap(True)
        fingerprint_title = QLabel(self.tr("Dấu vân tay:"))
        self.fingerprint = fingerprint_label(card.fingerprint)
        self.fingerprint.setObjectName("trust.fingerprint")
        steps = Note(
            self.tr(
                "Trước khi nhận, hãy gọi điện cho {unit} (số điện thoại đã biết, không lấy từ "
                "tệp), nhờ họ mở trang Đồng bộ › Nơi gửi/nhận và đọc dấu vân tay của đơn vị họ. "
                "Chỉ nhận khi cả sáu nhóm số trùng khớp."
            ).format(unit=card.unit_name or card.site_id)
        )
        steps.setObjectName("trust.steps")
        if for_bundle:
            after = self.tr(
                "Nếu nhận, đơn vị này được thêm vào danh sách nơi gửi/nhận và gói được nhập. "
                "Nếu không nhận, sổ không thay đổi gì."
            )
        else:
            after = self.tr(
                "Nếu tin cậy, có thể nhập gói của đơn vị này và xuất gói mã hóa cho đơn vị này."
            )
        consequence = grey_note(after)
        buttons = QDialogButtonBox()
        self.accept_button = QPushButton(accept_text)
        self.accept_button.setObjectName("trust.accept")
        self.refuse_button = QPushButton(refuse_text)
        self.refuse_button.setObjectName("trust.refuse")
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.refuse_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.refuse_button.setDefault(True)
        self.refuse_button.setAutoDefault(True)
        self.accept_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(Note(intro))
        layout.addWidget(unit)
        layout.addSpacing(6)
        layout.addWidget(fingerprint_title)
        layout.addWidget(self.fingerprint)
        layout.addSpacing(6)
        layout.addWidget(steps)
        layout.addWidget(consequence)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.refuse_button.setFocus()
