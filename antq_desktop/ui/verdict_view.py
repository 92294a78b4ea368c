"""What a signature check found, for a person: one line that says whether the file can be relied
on, then each point of the check, the register's word on the file, and what to do about problems.

A file is relied on when it is intact, its signature checks and nothing was added after signing
(`Verdict.ok`). Trust in the signer is said beside it, not required: a ward's own certificate is
trusted only where it was added to the trusted certificates.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from antq_desktop.domain.validation import format_date
from antq_desktop.ui import i18n
from antq_desktop.ui.report_jobs import FileCheck
from antq_desktop.ui.style import ERROR_STYLE

GOOD_STYLE = "color: #1b5e20; font-weight: bold; font-size: 11pt;"
WARNING_STYLE = "color: #8a5300; font-weight: bold; font-size: 11pt;"
BAD_STYLE = "color: #b00020; font-weight: bold; font-size: 11pt;"


def moment_text(moment: datetime | None) -> str:
    """A signing time in the PC's local time, with its offset from UTC (a signer elsewhere)."""
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%d/%m/%Y %H:%M:%S (UTC%z)")


class VerdictView(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kết quả kiểm tra chữ ký"), parent)
        self.setObjectName("verdict")
        self.headline = QLabel()
        self.headline.setObjectName("verdict.headline")
        self.headline.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        rows = (
            ("file", self.tr("Tệp")),
            ("signer", self.tr("Người ký")),
            ("time", self.tr("Thời điểm ký")),
            ("level", self.tr("Chuẩn chữ ký")),
            ("intact", self.tr("Nội dung còn nguyên như lúc ký")),
            ("valid", self.tr("Chữ ký khớp chứng thư số")),
            ("whole", self.tr("Chữ ký bao trùm toàn bộ tệp")),
            ("updates", self.tr("Có sửa thêm sau khi ký")),
            ("trusted", self.tr("Người ký được tin cậy")),
            ("register", self.tr("Sổ đăng ký")),
        )
        for key, label in rows:
            value = QLabel()
            value.setObjectName(f"verdict.{key}")
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(label, value)
        self.problems = QLabel()
        self.problems.setObjectName("verdict.problems")
        self.problems.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(form)
        layout.addWidget(self.problems)

    def show_check(self, check: FileCheck) -> None:
        verdict = check.verdict
        language = i18n.language()
        if verdict.ok and verdict.trusted:
            text, style = (
                self.tr("Tệp đáng tin: còn nguyên vẹn, chữ ký hợp lệ, người ký được tin cậy."),
                GOOD_STYLE,
            )
        elif verdict.ok:
            text, style = (
                self.tr(
                    "Tệp còn nguyên vẹn và chữ ký hợp lệ, nhưng chứng thư của người ký chưa "
                    "có trong danh sách tin cậy: hãy đối chiếu với người ký."
                ),
                WARNING_STYLE,
            )
        elif not verdict.signed:
            text, style = self.tr("Tệp không có chữ ký số hợp lệ."), BAD_STYLE
        else:
            text, style = (
                self.tr("Không dùng được tệp này: tệp đã bị sửa hoặc chữ ký không đúng."),
                BAD_STYLE,
            )
        self.headline.setText(text)
        self.headline.setStyleSheet(style)

        def answer(value: bool) -> str:
            return self.tr("có") if value else self.tr("không")

        signed = verdict.signed
        values = {
            "file": str(check.path),
            "signer": verdict.signer or "—",
            "time": moment_text(verdict.signing_time),
            "level": verdict.level or "—",
            "intact": answer(verdict.intact) if signed else "—",
            "valid": answer(verdict.valid) if signed else "—",
            "whole": answer(verdict.covers_whole_file) if signed else "—",
            "updates": answer(verdict.later_updates) if signed else "—",
            "trusted": answer(verdict.trusted) if signed else "—",
            "register": self._register_text(check),
        }
        for key, value in values.items():
            self.values[key].setText(value)
        mismatch = check.expected is not None and check.registered is None
        self.values["register"].setStyleSheet(ERROR_STYLE if mismatch else "")
        lines = [problem.render(language) for problem in (*verdict.problems, *check.trust_problems)]
        self.problems.setText("\n".join(f"• {line}" for line in lines))
        self.problems.setStyleSheet(ERROR_STYLE if not verdict.ok else "color: #8a5300;")
        self.problems.setVisible(bool(lines))
        self.show()

    def _register_text(self, check: FileCheck) -> str:
        found, expected = check.registered, check.expected
        if found is not None:
            return self.tr("báo cáo số {number} ngày {day}, {period}, {unit}").format(
                number=found.number_text,
                day=format_date(found.issued_on),
                period=found.period.label(i18n.language()),
                unit=found.unit_name,
            )
        if expected is not None:
            return self.tr(
                "tệp này KHÁC tệp báo cáo số {number} đã phát hành (mã SHA-256 không khớp): "
                "có thể tệp đã bị thay thế hoặc sửa."
            ).format(number=expected.number_text)
        return self.tr("không có trong sổ của máy này (báo cáo do nơi khác phát hành)")
