"""Đánh giá quý: the programs of a unit for one quarter, their figures and their rating.

Choose the unit, the year and the quarter; select a program and press Enter (or "Đánh giá") to
rate it, Delete (or "Xóa đánh giá") to remove its rating. Programs not rated yet say so in grey.
Every change can be undone (Ctrl+Z); all database work runs on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services import settings
from antq_desktop.services.evaluation_sheet import SheetRow, quarter_sheet
from antq_desktop.services.evaluations import (
    FIRST_YEAR,
    EvaluationView,
    delete_evaluation,
    get_evaluation,
    quarter_start,
    record_evaluation,
)
from antq_desktop.services.restore import restore_record
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import UnitCombo
from antq_desktop.ui.evaluation_dialog import EvaluationDialog
from antq_desktop.ui.evaluation_sheet_model import EvaluationSheetModel
from antq_desktop.ui.style import ERROR_STYLE
from antq_desktop.ui.worker import run_task


def load_for_dialog(
    workspace: Workspace, program_id: str, year: int, quarter: int
) -> tuple[EvaluationView | None, str]:
    """The program's evaluation for the quarter and the officer's name (runs on the worker)."""
    current = get_evaluation(workspace, program_id, year, quarter)
    return current, settings.get_setting(workspace, settings.OFFICER_NAME)


class EvaluationsPage(QWidget):
    def __init__(
        self, workspace: Workspace, changes: Changes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.changes = changes
        self.dialog: EvaluationDialog | None = None
        self._generation = 0
        today = workspace.today()

        heading = QLabel(self.tr("Đánh giá quý"))
        heading.setObjectName("heading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.evaluate_button = QPushButton(self.tr("Đánh giá (Enter)"))
        self.evaluate_button.setObjectName("evaluate")
        self.delete_button = QPushButton(self.tr("Xóa đánh giá (Delete)"))
        self.delete_button.setObjectName("delete")
        self.evaluate_button.clicked.connect(self.evaluate_current)
        self.delete_button.clicked.connect(self.delete_current)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.evaluate_button)
        top.addWidget(self.delete_button)

        self.unit = UnitCombo(workspace)
        self.unit.setObjectName("unit")
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(FIRST_YEAR, today.year)
        self.year.setValue(today.year)
        self.quarter = QComboBox()
        self.quarter.setObjectName("quarter")
        for number in range(1, 5):
            self.quarter.addItem(self.tr("Quý {number}").format(number=number), number)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Đơn vị:")))
        filters.addWidget(self.unit, 1)
        filters.addSpacing(16)
        filters.addWidget(QLabel(self.tr("Năm:")))
        filters.addWidget(self.year)
        filters.addWidget(self.quarter)

        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setStyleSheet(ERROR_STYLE)
        self.note.setWordWrap(True)
        self.note.hide()
        self.model = EvaluationSheetModel(self)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        for column in range(
            EvaluationSheetModel.UNIT_COLUMN + 1, EvaluationSheetModel.COMMENT_COLUMN
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(EvaluationSheetModel.PROGRAM_COLUMN, 240)
        self.table.setColumnWidth(EvaluationSheetModel.UNIT_COLUMN, 140)
        self.table.doubleClicked.connect(lambda _index: self.evaluate_current())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555555; padding: 24px;")
        self.empty_label.hide()
        self.summary = QLabel()
        self.summary.setObjectName("summary")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.summary)

        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._table_shortcut(QKeySequence(key), self.evaluate_current)
        self._table_shortcut(QKeySequence(Qt.Key.Key_Delete), self.delete_current)
        self.unit.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.quarter.currentIndexChanged.connect(self.refresh)
        self.changes.changed.connect(self.refresh)
        self._update_buttons()

    def _table_shortcut(self, keys: QKeySequence, slot: Callable[[], Any]) -> None:
        shortcut = QShortcut(keys, self.table, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    # --- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the units (the sheet follows when they arrive)."""
        self.unit.load()

    def period(self) -> tuple[int, int]:
        return self.year.value(), int(self.quarter.currentData())

    def set_period(self, year: int, quarter: int) -> None:
        self.year.setValue(year)
        self.quarter.setCurrentIndex(quarter - 1)

    def refresh(self) -> None:
        """Read the sheet again (another unit or quarter, or after a change anywhere)."""
        unit_id = self.unit.unit_id()
        if unit_id is None:
            return
        self._generation += 1
        generation = self._generation
        year, quarter = self.period()
        selected = self.current_row()
        keep = selected.program_id if selected is not None else None
        run_task(
            lambda: quarter_sheet(self.workspace, unit_id, year, quarter),
            lambda rows: self._arrived(generation, rows, keep),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _arrived(self, generation: int, rows: list[SheetRow], keep: str | None) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        year, quarter = self.period()
        started = quarter_start(year, quarter) <= self.workspace.today()
        self.note.setText(
            ""
            if started
            else self.tr("Quý {quarter}/{year} chưa bắt đầu nên chưa thể đánh giá.").format(
                quarter=quarter, year=year
            )
        )
        self.note.setVisible(not started)
        self.empty_label.setText(
            self.tr("Đơn vị này không có mô hình nào hoạt động trong quý {quarter}/{year}.").format(
                quarter=quarter, year=year
            )
        )
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.summary.setText(
            self.tr("Đã đánh giá {rated}/{total} mô hình").format(
                rated=self.model.rated_count(), total=len(rows)
            )
        )
        number = self.model.row_of(keep) if keep is not None else -1
        if number >= 0:
            self.table.selectRow(number)
        self._update_buttons()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.model.set_rows([])
        self.empty_label.setText(i18n.error_text(error))
        self.empty_label.show()
        self.table.hide()
        self.summary.clear()
        self._update_buttons()

    # --- the current row ----------------------------------------------------------------------

    def current_row(self) -> SheetRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row(index.row())

    def select_program(self, program_id: str) -> None:
        number = self.model.row_of(program_id)
        if number >= 0:
            self.table.selectRow(number)
            self.table.setFocus()

    def _update_buttons(self, *_: object) -> None:
        row = self.current_row()
        year, quarter = self.period()
        started = quarter_start(year, quarter) <= self.workspace.today()
        self.evaluate_button.setEnabled(row is not None and started)
        self.delete_button.setEnabled(row is not None and row.evaluation_id is not None)

    # --- rating -------------------------------------------------------------------------------

    def evaluate_current(self) -> None:
        row = self.current_row()
        if row is None or not self.evaluate_button.isEnabled():
            return
        year, quarter = self.period()
        run_task(
            lambda: load_for_dialog(self.workspace, row.program_id, year, quarter),
            lambda loaded: self._open(row, year, quarter, *loaded),
            self.changes.failed,
            owner=self,
        )

    def _open(
        self,
        row: SheetRow,
        year: int,
        quarter: int,
        current: EvaluationView | None,
        officer_name: str,
    ) -> None:
        dialog = EvaluationDialog(self.workspace, row, year, quarter, current, officer_name, self)
        dialog.saved.connect(lambda saved: self._record_save(current, saved))
        dialog.open()
        self.dialog = dialog

    def _describe(self, view: EvaluationView) -> str:
        return self.tr("{name}, quý {quarter}/{year}").format(
            name=view.program_name, quarter=view.quarter, year=view.year
        )

    def _record_save(self, before: EvaluationView | None, after: EvaluationView) -> None:
        workspace = self.workspace
        if before is None:
            self.changes.push(
                self.tr("Đánh giá {what}").format(what=self._describe(after)),
                lambda: restore_record(workspace, "Evaluation", after.id),
                lambda: delete_evaluation(workspace, after.id),
            )
            return

        def record(view: EvaluationView) -> Callable[[], EvaluationView]:
            return lambda: record_evaluation(
                workspace,
                view.program_id,
                view.year,
                view.quarter,
                view.rating,
                view.indicators,
                view.comment,
                view.evaluator,
            )

        self.changes.push(
            self.tr("Sửa đánh giá {what}").format(what=self._describe(after)),
            record(after),
            record(before),
        )

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None or row.evaluation_id is None:
            return
        year, quarter = self.period()
        what = self.tr("{name}, quý {quarter}/{year}").format(
            name=row.program_name, quarter=quarter, year=year
        )
        answer = QMessageBox.question(
            self,
            self.tr("Xóa đánh giá"),
            self.tr("Xóa đánh giá của {what}? Có thể hoàn tác bằng Ctrl+Z.").format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        workspace, evaluation_id = self.workspace, row.evaluation_id
        self.changes.push(
            self.tr("Xóa đánh giá {what}").format(what=what),
            lambda: delete_evaluation(workspace, evaluation_id),
            lambda: restore_record(workspace, "Evaluation", evaluation_id),
            already_done=False,
        )
