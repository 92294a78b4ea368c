"""The small editor of one program's rating for a quarter: rating, comment, evaluator.

The figures of the quarter are shown (read-only) and saved with the rating as its indicators,
computed again when saving (`services.evaluation_sheet.evaluate_program`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from antq_desktop.domain.enums import Rating
from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import REQUIRED, ErrorCollector
from antq_desktop.services.evaluation_sheet import INDICATOR_LABELS, SheetRow, evaluate_program
from antq_desktop.services.evaluations import EvaluationView
from antq_desktop.services.fields import RATING as RATING_LABEL
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.choices import EnumCombo
from antq_desktop.ui.record_dialog import RecordDialog

COMMENT_MAX_LENGTH = 500


@dataclass(frozen=True)
class RatingInput:
    rating: Rating
    comment: str
    evaluator: str


class EvaluationDialog(RecordDialog):
    """Rate `row`'s program for the quarter; `current` is its evaluation (None: not rated yet)."""

    def __init__(
        self,
        workspace: Workspace,
        row: SheetRow,
        year: int,
        quarter: int,
        current: EvaluationView | None,
        default_evaluator: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Đánh giá quý {quarter}/{year}").format(quarter=quarter, year=year), parent
        )
        self.workspace = workspace
        self.row = row
        self.year = year
        self.quarter = quarter
        self.current = current
        language = i18n.language()
        program = QLabel(f"{row.program_name} ({row.unit_name})")
        program.setObjectName("program")
        program.setWordWrap(True)
        self.form.addRow(self.tr("Mô hình"), program)
        figures = QLabel(
            "\n".join(
                f"{INDICATOR_LABELS[key]().render(language)}: {format_number(value, language)}"
                for key, value in row.indicators().items()
            )
        )
        figures.setObjectName("indicators")
        self.form.addRow(self.tr("Số liệu trong quý"), figures)
        # A new rating starts blank: nobody should rate a program "effective" by pressing Enter.
        self.rating = EnumCombo(Rating, all_text=self.tr("— chọn xếp loại —"))
        self.add_field("rating", self.tr("Xếp loại"), self.rating)
        self.comment = QLineEdit()
        self.comment.setMaxLength(COMMENT_MAX_LENGTH)
        self.comment.setPlaceholderText(self.tr("ví dụ: duy trì tuần tra đều, phát hiện kịp thời"))
        self.add_field("comment", self.tr("Nhận xét"), self.comment)
        self.evaluator = QLineEdit()
        self.evaluator.setMaxLength(200)
        self.add_field("evaluator", self.tr("Người đánh giá"), self.evaluator)
        if current is not None:
            self.rating.set_value(current.rating)
            self.comment.setText(current.comment)
        # an evaluation recorded without a name (an import, the demo) gets the officer's too
        recorded_evaluator = current.evaluator if current is not None else ""
        self.evaluator.setText(recorded_evaluator or default_evaluator)
        self.mark_clean()
        self.rating.setFocus()

    def collect(self) -> RatingInput:
        if self.rating.value() is None:
            errors = ErrorCollector()
            errors.add("rating", REQUIRED(field=RATING_LABEL()))
            errors.raise_if_any()
        return RatingInput(self.rating.value(), self.comment.text(), self.evaluator.text())

    def submit(self, data: RatingInput) -> EvaluationView:
        return evaluate_program(
            self.workspace,
            self.row.program_id,
            self.year,
            self.quarter,
            data.rating,
            data.comment,
            data.evaluator,
        )
