"""Tổng quan: the dashboard of a unit (with the units below it), then its figures for a period.

At the top, the dashboard (`dashboard_view.DashboardView`): this quarter against the previous one,
the charts and the to-do list, as of today. Below, the figures for a chosen period, as the report
has them. Both are computed on the worker; the dashboard again when the unit changes or something
is saved (`refresh`), the period figures alone when only the period changes (`refresh_figures`).
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import ValidationFailed, format_date
from antq_desktop.services import fields
from antq_desktop.services.dashboard import Dashboard, Quarter, dashboard
from antq_desktop.services.statistics import Statistics, compute_statistics
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.dashboard_view import DashboardView
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.overview_figures import UnitChoices, figure_boxes, load_unit_choices
from antq_desktop.ui.program_kind_model import NO_VALUE, ProgramsByKindModel
from antq_desktop.ui.style import ERROR_STYLE
from antq_desktop.ui.worker import run_task

FIRST_YEAR = 2015
"""'Từ 2015': the 5+1 work of District 4 is counted since 2015 (DESIGN.md)."""
RECOMPUTE_DELAY_MS = 400
"""Typing a date waits this long after the last key before the figures are computed again."""


def quarter_of(day: date) -> tuple[date, date]:
    """The first and last day of the quarter `day` falls in."""
    quarter = Quarter.of(day)
    return quarter.start, quarter.end


class OverviewPage(QWidget):
    """Unit, dashboard, period and the figures; every database read goes through the worker.

    `changes`, when given, recomputes everything after each save (the main window may instead
    connect `changes.changed` to `refresh` itself: not both, or it computes twice).
    """

    own_unit_loaded = Signal(str)
    """The name of the installation's own unit, once the units are read."""
    busy = Signal()
    computed = Signal()
    """The period figures are shown (the dashboard, asked first, is shown before them)."""
    failed = Signal()
    dashboard_shown = Signal()
    open_record = Signal(str, str)
    """(record kind, record id): a to-do item was activated; the window opens its editor."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        changes: Changes | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._request = 0
        self._dashboard_request = 0
        self._out_of_date = False
        self._codes_with_units_below: set[str] = set()
        self.figure_labels: dict[str, QLabel] = {}

        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unit")
        self.unit_combo.setMinimumContentsLength(28)
        self.date_from = DateField()
        self.date_from.setObjectName("date_from")
        self.date_to = DateField()
        self.date_to.setObjectName("date_to")
        self.quarter_button = QPushButton(self.tr("Quý này"))
        self.year_button = QPushButton(self.tr("Năm nay"))
        self.since_button = QPushButton(self.tr("Từ {year}").format(year=FIRST_YEAR))

        unit_row = QHBoxLayout()
        unit_row.addWidget(QLabel(self.tr("Đơn vị:")))
        unit_row.addWidget(self.unit_combo, 1)
        self.dashboard_view = DashboardView()
        self.dashboard_view.open_record.connect(self.open_record)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Từ ngày:")))
        controls.addWidget(self.date_from)
        controls.addWidget(QLabel(self.tr("đến ngày:")))
        controls.addWidget(self.date_to)
        for button in (self.quarter_button, self.year_button, self.since_button):
            controls.addWidget(button)
        controls.addStretch(1)

        self.period_error = QLabel()
        self.period_error.setObjectName("period_error")
        self.period_error.setStyleSheet(ERROR_STYLE)
        self.period_error.hide()
        self.heading = QLabel(self.tr("Đang đọc danh sách đơn vị…"))
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)

        boxes = QGridLayout()
        for column, (title, figures) in enumerate(figure_boxes()):
            boxes.addWidget(self._figure_box(title, figures), 0, column)
            boxes.setColumnStretch(column, 1)

        self.kind_model = ProgramsByKindModel(self)
        self.kind_table = QTableView()
        self.kind_table.setObjectName("programs_by_kind")
        self.kind_table.setModel(self.kind_model)
        self.kind_table.verticalHeader().hide()
        self.kind_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.kind_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kind_table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        header = self.kind_table.horizontalHeader()
        header.setSectionResizeMode(ProgramsByKindModel.KIND_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            ProgramsByKindModel.COUNT_COLUMN, QHeaderView.ResizeMode.ResizeToContents
        )
        kind_box = QGroupBox(self.tr("Mô hình theo loại"))
        QVBoxLayout(kind_box).addWidget(self.kind_table)

        period_box = QGroupBox(self.tr("Số liệu theo kỳ báo cáo"))
        period_layout = QVBoxLayout(period_box)
        period_layout.addLayout(controls)
        period_layout.addWidget(self.period_error)
        period_layout.addWidget(self.heading)
        period_layout.addLayout(boxes)
        period_layout.addWidget(kind_box)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(unit_row)
        content_layout.addWidget(self.dashboard_view)
        content_layout.addWidget(period_box)
        content_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("overview_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.refresh_figures)
        self.set_period(*quarter_of(workspace.today()))
        for field in (self.date_from, self.date_to):
            field.edited.connect(self._timer.start)
            field.return_pressed.connect(self._refresh_if_waiting)
        self.unit_combo.currentIndexChanged.connect(self.refresh)
        self.quarter_button.clicked.connect(self.show_this_quarter)
        self.year_button.clicked.connect(self.show_this_year)
        self.since_button.clicked.connect(self.show_since_first_year)
        if changes is not None:
            changes.changed.connect(self.refresh)

    def _figure_box(self, title: str, figures: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for key, label in figures:
            value = QLabel(NO_VALUE)
            value.setObjectName(f"figure.{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet("font-weight: bold;")
            form.addRow(label, value)
            self.figure_labels[key] = value
        return box

    # --- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the units, choose the own unit, then compute the figures."""
        run_task(
            lambda: load_unit_choices(self.workspace), self._units_loaded, self._failed, owner=self
        )

    def _units_loaded(self, choices: UnitChoices) -> None:
        depth: dict[str, int] = {}
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        own_index = 0
        own_name = ""
        parent_ids = {unit.parent_id for unit in choices.units}
        self._codes_with_units_below = {u.code for u in choices.units if u.id in parent_ids}
        for unit in choices.units:
            depth[unit.id] = depth[unit.parent_id] + 1 if unit.parent_id in depth else 0
            indent = "\u2003" * depth[unit.id]  # em spaces: the tree reads at a glance
            self.unit_combo.addItem(f"{indent}{unit.name} ({unit.code})", unit.code)
            if unit.id == choices.own_unit_id:
                own_index, own_name = self.unit_combo.count() - 1, unit.name
        self.unit_combo.setCurrentIndex(own_index)
        self.unit_combo.blockSignals(False)
        if not choices.units:
            self.heading.setText(self.tr("Sổ theo dõi này chưa có đơn vị nào."))
        self.own_unit_loaded.emit(own_name)
        self.refresh()

    def set_period(self, start: date, end: date) -> None:
        self.date_from.set_date(start)
        self.date_to.set_date(end)

    def period(self) -> tuple[date | None, date | None]:
        """The typed period; an end is None while its text is not a real date."""
        return self.date_from.date(), self.date_to.date()

    def show_this_quarter(self) -> None:
        self.set_period(*quarter_of(self.workspace.today()))
        self.refresh_figures()

    def show_this_year(self) -> None:
        year = self.workspace.today().year
        self.set_period(date(year, 1, 1), date(year, 12, 31))
        self.refresh_figures()

    def show_since_first_year(self) -> None:
        self.set_period(date(FIRST_YEAR, 1, 1), self.workspace.today())
        self.refresh_figures()

    def _refresh_if_waiting(self) -> None:
        """Enter (or leaving the field) after typing a date computes at once instead of waiting."""
        if self._timer.isActive():
            self.refresh_figures()

    def refresh(self) -> None:
        """Compute the dashboard, then the period figures, for the chosen unit (on the worker).

        While the page is hidden (a person works in another section and saves), this only notes
        that the figures are out of date: a whole city takes seconds, and the one database worker
        would keep the lists waiting. Showing the page again computes them.
        """
        if not self.isVisible():
            self._out_of_date = True
            return
        self._out_of_date = False
        self.refresh_dashboard()
        self.refresh_figures()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._out_of_date:
            self.refresh()

    def refresh_dashboard(self) -> None:
        unit_code = self.unit_combo.currentData()
        if unit_code is None:  # a record book without units
            self.dashboard_view.clear()
            return
        self._dashboard_request += 1
        request = self._dashboard_request
        workspace = self.workspace
        run_task(
            lambda: dashboard(workspace, unit_code, workspace.today()),
            lambda board: self._show_dashboard(request, board),
            lambda error: self._dashboard_failed(request, error),
            owner=self,
        )

    def _show_dashboard(self, request: int, board: Dashboard) -> None:
        if request != self._dashboard_request:
            return
        with_units = board.unit_code in self._codes_with_units_below
        self.dashboard_view.show_dashboard(board, with_units=with_units)
        self.dashboard_shown.emit()

    def _dashboard_failed(self, request: int, error: Exception) -> None:
        if request != self._dashboard_request:
            return
        self.dashboard_view.show_error(
            self.tr("Không tính được tình hình quý này: {reason}").format(
                reason=i18n.error_text(error)
            )
        )

    def refresh_figures(self) -> None:
        """Compute the figures for the chosen unit and period on the worker thread."""
        self._timer.stop()
        unit_code = self.unit_combo.currentData()
        if unit_code is None:
            return
        start, end = self.period()
        self._request += 1
        request = self._request
        if start is None or end is None:
            self._not_a_date(self.date_from if start is None else self.date_to)
            return
        self.busy.emit()
        workspace = self.workspace
        run_task(
            lambda: compute_statistics(workspace, unit_code, start, end),
            lambda statistics: self._show(request, statistics),
            lambda error: self._failed(error, request),
            owner=self,
        )

    def _show(self, request: int, statistics: Statistics) -> None:
        if request != self._request:  # a newer question is on its way
            return
        self.period_error.hide()
        language = i18n.language()
        for key, label in self.figure_labels.items():
            label.setText(format_number(attrgetter(key)(statistics), language=language))
        self.kind_model.set_counts(statistics.programs.by_kind)
        if statistics.unit_code in self._codes_with_units_below:
            heading = self.tr("{unit} và các đơn vị trực thuộc: số liệu từ {start} đến {end}")
        else:
            heading = self.tr("{unit}: số liệu từ {start} đến {end}")
        self.heading.setText(
            heading.format(
                unit=statistics.unit_name,
                start=format_date(statistics.date_from),
                end=format_date(statistics.date_to),
            )
        )
        self.computed.emit()

    def _clear_figures(self) -> None:
        for label in self.figure_labels.values():
            label.setText(NO_VALUE)
        self.kind_model.set_counts({})
        self.heading.setText(self.tr("Chưa có số liệu."))
        self.failed.emit()

    def _show_period_error(self, text: str) -> None:
        self._clear_figures()
        self.period_error.setText(text)
        self.period_error.show()

    def _not_a_date(self, field: DateField) -> None:
        label = fields.DATE_FROM if field is self.date_from else fields.DATE_TO
        self._show_period_error(
            self.tr(
                "{field}: “{text}” không phải là một ngày. Hãy nhập ngày theo dạng dd/mm/yyyy, "
                "ví dụ 31/12/2024."
            ).format(field=label().render(i18n.language()), text=field.text().strip(" /"))
        )

    def _failed(self, error: Exception, request: int | None = None) -> None:
        if request is not None and request != self._request:
            return
        if request is None:  # the units could not be read: no dashboard either
            self.dashboard_view.clear()
        if isinstance(error, ValidationFailed):  # a period a person can correct right here
            self._show_period_error(error.render(i18n.language()))
            return
        self._clear_figures()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Không tính được số liệu"),
            i18n.error_text(error),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("error_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
