"""What a report covers: the unit, the period, the proposals and what the appendices hold.

The period is chosen the way reports are asked for — a month, a quarter, six months, a year — or
as two dates. The first choice is the last quarter that has ended, the usual quarterly report.
Only this installation's own unit and the units below it are offered: the report of any other is
refused by the service. `request()` gives the `ReportRequest` of the choices, or None while the
dates are not complete (the form then says what is missing under the field).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.periods import ROMAN_QUARTERS, Period, PeriodKind
from antq_desktop.domain.validation import format_date
from antq_desktop.services.report_content import ReportRequest
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.field_messages import FieldMessages, error_label
from antq_desktop.ui.overview_figures import UnitChoices

EARLIEST_YEAR = 2000


def last_ended_quarter(today: date) -> tuple[int, int]:
    """(year, quarter) of the last quarter that ended before `today`."""
    quarter = (today.month - 1) // 3 + 1
    return (today.year - 1, 4) if quarter == 1 else (today.year, quarter - 1)


def own_scope(choices: UnitChoices) -> list[tuple[int, str, str]]:
    """(depth, code, name) of the own unit and every unit below it, in tree order; every unit
    when the installation has no own unit yet."""
    children: dict[str | None, list[str]] = {}
    by_id = {unit.id: unit for unit in choices.units}
    for unit in choices.units:
        children.setdefault(unit.parent_id, []).append(unit.id)
    if choices.own_unit_id in by_id:
        roots = [choices.own_unit_id]
    else:
        roots = [unit.id for unit in choices.units if unit.parent_id not in by_id]
    found: list[tuple[int, str, str]] = []

    def walk(unit_id: str, depth: int) -> None:
        unit = by_id[unit_id]
        found.append((depth, unit.code, unit.name))
        for child in children.get(unit_id, []):
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    return found


class ReportForm(QWidget):
    changed = Signal()
    """Any choice changed (the page compares the new request with the one previewed)."""

    def __init__(
        self, workspace: Workspace, *, may_print_full_ids: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.messages = FieldMessages()
        self._may_print_full_ids = may_print_full_ids
        self._shown_period: Period | None = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form

        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(16)
        self.unit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.messages.add(form, "unit", self.tr("Đơn vị"), self.unit)

        self.kind = QComboBox()
        kinds = (
            (PeriodKind.MONTH, self.tr("Tháng")),
            (PeriodKind.QUARTER, self.tr("Quý")),
            (PeriodKind.HALF_YEAR, self.tr("6 tháng")),
            (PeriodKind.YEAR, self.tr("Năm")),
            (PeriodKind.CUSTOM, self.tr("Từ ngày … đến ngày …")),
        )
        for kind, text in kinds:
            self.kind.addItem(text, kind)
        self.messages.add(form, "kind", self.tr("Báo cáo theo"), self.kind)

        self.part = QComboBox()
        self.part.setObjectName("field.part")
        self.year = QSpinBox()
        self.year.setObjectName("field.year")
        self.year.setRange(EARLIEST_YEAR, workspace.today().year + 1)
        self.year.setValue(workspace.today().year)
        period_cell = QWidget()
        period_row = QHBoxLayout(period_cell)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.part, 1)
        self.year_label = QLabel(self.tr("năm"))
        period_row.addWidget(self.year_label)
        period_row.addWidget(self.year)
        form.addRow(self.tr("Kỳ"), period_cell)
        self.period_row = form.rowCount() - 1

        self.date_from = DateField()
        self.date_to = DateField()
        dates_cell = QWidget()
        dates_column = QVBoxLayout(dates_cell)
        dates_column.setContentsMargins(0, 0, 0, 0)
        dates_column.setSpacing(2)
        dates_row = QHBoxLayout()
        dates_row.addWidget(self.date_from)
        dates_row.addWidget(QLabel(self.tr("đến")))
        dates_row.addWidget(self.date_to)
        dates_row.addStretch(1)
        dates_column.addLayout(dates_row)
        for key, field in (("date_from", self.date_from), ("date_to", self.date_to)):
            field.setObjectName(f"field.{key}")
            error = error_label(f"error.{key}")
            dates_column.addWidget(error)
            self.messages.fields[key] = field
            self.messages.errors[key] = error
        form.addRow(self.tr("Từ ngày"), dates_cell)
        self.dates_row = form.rowCount() - 1

        self.period_text = QLabel()
        self.period_text.setObjectName("period_text")
        self.period_text.setStyleSheet("color: #37474f;")
        form.addRow("", self.period_text)

        self.proposals = QPlainTextEdit()
        self.proposals.setPlaceholderText(
            self.tr("Mỗi dòng một đề xuất; để trống thì báo cáo ghi “Không có đề xuất, kiến nghị.”")
        )
        self.proposals.setTabChangesFocus(True)
        self.proposals.setMinimumHeight(80)
        self.proposals.setMaximumHeight(150)
        self.messages.add(form, "proposals", self.tr("Đề xuất,\nkiến nghị"), self.proposals)

        self.appendices = QCheckBox(self.tr("Kèm phụ lục: ca tuần tra, người được giúp đỡ"))
        self.appendices.setObjectName("field.appendices")
        self.appendices.setChecked(True)
        form.addRow("", self.appendices)
        self.full_ids = QCheckBox(self.tr("In đủ 12 số định danh cá nhân ở phụ lục"))
        self.full_ids.setObjectName("field.full_ids")
        self.full_ids.setToolTip(
            self.tr(
                "Để trống: chỉ in 4 chữ số cuối. Chỉ in đầy đủ khi nơi nhận cần và được phép xem."
            )
        )
        self.full_ids.setVisible(may_print_full_ids)
        form.addRow("", self.full_ids)
        for widget in (self.appendices, self.full_ids):
            widget.setStyleSheet("QCheckBox { spacing: 6px; }")
        self.appendices.toggled.connect(self._appendices_toggled)

        year, quarter = last_ended_quarter(workspace.today())
        self.kind.setCurrentIndex(self.kind.findData(PeriodKind.QUARTER))
        self._fill_parts()
        self.year.setValue(year)
        self.part.setCurrentIndex(quarter - 1)
        start, end = Period.quarter(year, quarter).date_from, Period.quarter(year, quarter).date_to
        self.date_from.set_date(start)
        self.date_to.set_date(end)
        self._show_kind()

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.part.currentIndexChanged.connect(self._period_changed)
        self.year.valueChanged.connect(self._period_changed)
        self.date_from.edited.connect(self._period_changed)
        self.date_to.edited.connect(self._period_changed)
        self.unit.currentIndexChanged.connect(self._changed)
        self.proposals.textChanged.connect(self._changed)
        self.full_ids.toggled.connect(self._changed)

    # --- units ---------------------------------------------------------------------------------

    def set_units(self, choices: UnitChoices) -> None:
        self.unit.blockSignals(True)
        self.unit.clear()
        for depth, code, name in own_scope(choices):
            indent = "\u2003" * depth  # em spaces: the tree reads at a glance
            self.unit.addItem(f"{indent}{name} ({code})", code)
        self.unit.setCurrentIndex(0)
        self.unit.blockSignals(False)
        self._changed()

    def unit_code(self) -> str | None:
        code = self.unit.currentData()
        return str(code) if code is not None else None

    # --- the period ----------------------------------------------------------------------------

    def _kind(self) -> PeriodKind:
        kind = self.kind.currentData()
        return kind if isinstance(kind, PeriodKind) else PeriodKind.QUARTER

    def _fill_parts(self) -> None:
        kind = self._kind()
        self.part.blockSignals(True)
        self.part.clear()
        if kind is PeriodKind.MONTH:
            for month in range(1, 13):
                self.part.addItem(self.tr("Tháng {month}").format(month=month), month)
        elif kind is PeriodKind.QUARTER:
            for quarter, roman in enumerate(ROMAN_QUARTERS, start=1):
                self.part.addItem(self.tr("Quý {roman}").format(roman=roman), quarter)
        elif kind is PeriodKind.HALF_YEAR:
            self.part.addItem(self.tr("6 tháng đầu năm"), 1)
            self.part.addItem(self.tr("6 tháng cuối năm"), 2)
        self.part.blockSignals(False)

    def _show_kind(self) -> None:
        kind = self._kind()
        custom = kind is PeriodKind.CUSTOM
        self.form.setRowVisible(self.period_row, not custom)
        self.form.setRowVisible(self.dates_row, custom)
        with_part = kind not in (PeriodKind.YEAR, PeriodKind.CUSTOM)
        self.part.setVisible(with_part)
        self.year_label.setVisible(with_part)
        self._show_period()

    def _kind_changed(self) -> None:
        """A new kind keeps the dates chosen so far where it can (quarter II → April…June)."""
        shown = self._shown_period
        self._fill_parts()
        if shown is not None:
            self._choose_part_for(shown.date_from)
            if self._kind() is PeriodKind.CUSTOM:
                self.date_from.set_date(shown.date_from)
                self.date_to.set_date(shown.date_to)
        self._show_kind()
        self._changed()

    def _choose_part_for(self, day: date) -> None:
        kind = self._kind()
        if kind is PeriodKind.MONTH:
            self.part.setCurrentIndex(day.month - 1)
        elif kind is PeriodKind.QUARTER:
            self.part.setCurrentIndex((day.month - 1) // 3)
        elif kind is PeriodKind.HALF_YEAR:
            self.part.setCurrentIndex(0 if day.month <= 6 else 1)
        if kind is not PeriodKind.CUSTOM:
            self.year.blockSignals(True)
            self.year.setValue(day.year)
            self.year.blockSignals(False)

    def _period_changed(self) -> None:
        self._show_period()
        self._changed()

    def _period_from_choices(self, kind: PeriodKind) -> Period | None:
        year = self.year.value()
        part = self.part.currentData()
        if kind is PeriodKind.MONTH and isinstance(part, int):
            return Period.month(year, part)
        if kind is PeriodKind.QUARTER and isinstance(part, int):
            return Period.quarter(year, part)
        if kind is PeriodKind.HALF_YEAR and isinstance(part, int):
            return Period.half_year(year, part)
        if kind is PeriodKind.YEAR:
            return Period.year(year)
        start, end = self.date_from.date(), self.date_to.date()
        if kind is PeriodKind.CUSTOM and start is not None and end is not None:
            return Period.custom(start, end)
        return None

    def period(self) -> Period | None:
        """The chosen period, or None while a date is incomplete."""
        return self._period_from_choices(self._kind())

    def _show_period(self) -> None:
        period = self.period()
        if period is not None:
            self._shown_period = period
        if period is None:
            self.period_text.setText(self.tr("Hãy nhập đủ hai ngày (ngày/tháng/năm)."))
            return
        self.period_text.setText(
            self.tr("Số liệu từ {start} đến {end}.").format(
                start=format_date(period.date_from), end=format_date(period.date_to)
            )
        )

    # --- the request ---------------------------------------------------------------------------

    def _appendices_toggled(self, checked: bool) -> None:
        self.full_ids.setEnabled(checked)
        self._changed()

    def _changed(self) -> None:
        self.changed.emit()

    def current_request(self) -> ReportRequest | None:
        """The request of the choices as they stand, without saying anything about them."""
        code, period = self.unit_code(), self.period()
        if code is None or period is None:
            return None
        appendices = self.appendices.isChecked()
        return ReportRequest(
            unit_code=code,
            period=period,
            proposals=self.proposals.toPlainText().strip(),
            include_appendices=appendices,
            full_citizen_ids=appendices and self._may_print_full_ids and self.full_ids.isChecked(),
        )

    def request(self) -> ReportRequest | None:
        """The request, or None after showing under the fields what is missing."""
        self.messages.clear()
        request = self.current_request()
        if request is not None:
            return request
        if self.unit_code() is None:
            self.messages.set("unit", self.tr("Chưa có đơn vị nào để lập báo cáo."))
        for key, field in (("date_from", self.date_from), ("date_to", self.date_to)):
            if field.date() is None:
                text = (
                    self.tr("Hãy nhập ngày.")
                    if field.is_blank()
                    else self.tr(
                        "Ngày không hợp lệ: hãy nhập theo ngày/tháng/năm, ví dụ 31/12/2023."
                    )
                )
                self.messages.set(key, text)
        return None
