"""The dashboard at the top of "Tổng quan": figure cards, three charts and the to-do list.

It only shows a `services.dashboard.Dashboard` computed elsewhere (on the worker, by
`OverviewPage`). Activating a to-do item (double-click or Enter) emits `open_record(kind, id)`,
where kind is the model name of the record ("RehabCase", "Group", "Program").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.enums import FindingCategory, RehabStatus
from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import format_date
from antq_desktop.services.dashboard import Dashboard, FigureChange, TodoItem, TodoReason
from antq_desktop.ui import i18n
from antq_desktop.ui.charts import Bar, ColumnChart, RowChart
from antq_desktop.ui.program_kind_model import NO_VALUE
from antq_desktop.ui.style import ERROR_STYLE

RECORD_KIND_ROLE = Qt.ItemDataRole.UserRole
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BETTER_COLOUR, WORSE_COLOUR, NEUTRAL_COLOUR = "#1b7f3b", "#b00020", "#555555"
TODO_ROWS_SHOWN = (3, 8)
CATEGORY_CODES = frozenset(category.value for category in FindingCategory)


class FigureCard(QFrame):
    """One figure: this quarter in large type, the previous quarter and the change under it."""

    def __init__(self, key: str, title: str, higher_is_better: bool | None) -> None:
        super().__init__()
        self.setObjectName(f"card.{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.higher_is_better = higher_is_better
        self.title_label = QLabel(title)
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("color: #444444;")
        # Two lines for every title, so that the cards line up whether a title wraps or not.
        self.title_label.setMinimumHeight(2 * self.title_label.fontMetrics().lineSpacing() + 2)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.value_label = QLabel(NO_VALUE)
        self.value_label.setObjectName("value")
        self.value_label.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.previous_label = QLabel()
        self.previous_label.setObjectName("previous")
        self.previous_label.setWordWrap(True)
        self.change_label = QLabel()
        self.change_label.setObjectName("change")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        for label in (self.title_label, self.value_label, self.previous_label, self.change_label):
            layout.addWidget(label)

    def show_figure(self, figure: FigureChange) -> None:
        language = i18n.language()
        self.value_label.setText(format_number(figure.current, language))
        self.previous_label.setText(
            self.tr("Quý trước: {value}").format(value=format_number(figure.previous, language))
        )
        amount = format_number(abs(figure.change), language)
        if figure.change > 0:
            text, colour = f"▲ {amount}", BETTER_COLOUR
        elif figure.change < 0:
            text, colour = f"▼ {amount}", WORSE_COLOUR
        else:
            text, colour = self.tr("Không đổi"), NEUTRAL_COLOUR
        if figure.change and self.higher_is_better is None:
            colour = NEUTRAL_COLOUR
        elif figure.change and self.higher_is_better is False:
            colour = BETTER_COLOUR if colour == WORSE_COLOUR else WORSE_COLOUR
        self.change_label.setText(text)
        self.change_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def clear(self) -> None:
        self.value_label.setText(NO_VALUE)
        self.previous_label.clear()
        self.change_label.clear()


class DashboardView(QWidget):
    open_record = Signal(str, str)
    """(record kind, record id) of the to-do item a person activated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Đang tính tình hình quý này…"))
        self.heading.setObjectName("dashboard_heading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("dashboard_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.cards: dict[str, FigureCard] = {}
        cards = QGridLayout()
        cards.setSpacing(8)
        for column, (key, title, higher_is_better) in enumerate(self._card_titles()):
            card = FigureCard(key, title, higher_is_better)
            self.cards[key] = card
            cards.addWidget(card, 0, column)
            cards.setColumnStretch(column, 1)

        self.shifts_chart = ColumnChart()
        self.shifts_chart.setObjectName("shifts_chart")
        self.shifts_chart.set_empty_text(self.tr("Chưa có ca tuần tra nào trong 12 tháng qua"))
        self.findings_chart = RowChart()
        self.findings_chart.setObjectName("findings_chart")
        self.findings_chart.set_empty_text(self.tr("Chưa phát hiện vụ việc nào trong 12 tháng qua"))
        self.cases_chart = ColumnChart()
        self.cases_chart.setObjectName("cases_chart")
        self.cases_chart.set_empty_text(self.tr("Chưa có hồ sơ giúp đỡ nào"))
        self.shifts_box = QGroupBox(self.tr("Ca tuần tra theo tháng"))
        self.findings_box = QGroupBox(self.tr("Vụ việc phát hiện theo loại"))
        self.cases_box = QGroupBox(self.tr("Hồ sơ 5+1 theo tình trạng"))
        self.shifts_span = self._note()
        self.findings_span = self._note()
        cases_note = self._note(self.tr("Tất cả hồ sơ, theo tình trạng hiện nay"))
        charts = QGridLayout()
        charts.setSpacing(8)
        for column, (box, note, chart) in enumerate(
            [
                (self.shifts_box, self.shifts_span, self.shifts_chart),
                (self.findings_box, self.findings_span, self.findings_chart),
                (self.cases_box, cases_note, self.cases_chart),
            ]
        ):
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(note)
            box_layout.addWidget(chart, 1)
            charts.addWidget(box, 0, column)
            charts.setColumnStretch(column, 1)

        self.todo_list = QListWidget()
        self.todo_list.setObjectName("todo")
        self.todo_list.setAlternatingRowColors(True)
        self.todo_list.itemActivated.connect(self._activated)
        self.todo_box = QGroupBox(self.tr("Việc cần làm"))
        todo_layout = QVBoxLayout(self.todo_box)
        todo_layout.addWidget(self.todo_list)
        hint = QLabel(self.tr("Nhấp đúp hoặc nhấn Enter để mở hồ sơ."))
        hint.setStyleSheet("color: #555555;")
        todo_layout.addWidget(hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.error_label)
        layout.addLayout(cards)
        layout.addLayout(charts, 1)
        layout.addWidget(self.todo_box)

    @staticmethod
    def _note(text: str = "") -> QLabel:
        """A small grey line under a chart's title: which records and which months it counts."""
        note = QLabel(text)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        return note

    def _card_titles(self) -> list[tuple[str, str, bool | None]]:
        """(figure key, title, whether a rise is good news: None when it is neither)."""
        return [
            ("programs.total", self.tr("Mô hình"), True),
            ("programs.effective", self.tr("Mô hình hiệu quả"), True),
            ("patrols.shifts", self.tr("Ca tuần tra"), True),
            ("patrols.participant_turns", self.tr("Lượt người tham gia"), True),
            ("patrols.findings", self.tr("Vụ việc phát hiện"), None),
            ("rehab.people", self.tr("Người được giúp đỡ"), None),
            ("rehab.progressed", self.tr("Người tiến bộ"), True),
        ]

    # --- showing -------------------------------------------------------------------------------

    def show_dashboard(self, board: Dashboard, *, with_units: bool) -> None:
        """Show `board`; `with_units`: the unit has units below it, so name each item's unit."""
        self.error_label.hide()
        self.heading.setText(
            self.tr(
                "Quý {quarter}/{year} so với quý {previous}/{previous_year} — đến ngày {today}"
            ).format(
                quarter=board.quarter.quarter,
                year=board.quarter.year,
                previous=board.previous_quarter.quarter,
                previous_year=board.previous_quarter.year,
                today=format_date(board.today),
            )
        )
        for figure in board.figures:
            if figure.key in self.cards:
                self.cards[figure.key].show_figure(figure)
        self._show_charts(board)
        self._show_todo(board.todo, with_units=with_units)

    def _show_charts(self, board: Dashboard) -> None:
        language = i18n.language()
        span = self.tr("12 tháng gần nhất: từ {start} đến {end}").format(
            start=format_date(board.trend_start), end=format_date(board.today)
        )
        self.shifts_span.setText(span)
        self.findings_span.setText(span)
        months = board.shifts_by_month
        self.shifts_chart.set_bars(
            [
                Bar(
                    self.tr("T{month}").format(month=item.month),
                    item.count,
                    # The year under January, and under the first month unless January is near.
                    str(item.year) if item.month == 1 or (index == 0 and item.month <= 10) else "",
                )
                for index, item in enumerate(months)
            ],
            highlight=len(months) - 1,
        )
        self.findings_chart.set_bars(
            [
                Bar(FindingCategory(key).label(language), count)
                for key, count in sorted(
                    board.findings_by_category.items(), key=lambda pair: (-pair[1], pair[0])
                )
                if key in CATEGORY_CODES
            ]
        )
        self.cases_chart.set_bars(
            [
                Bar(status.label(language), board.cases_by_status.get(status.value, 0))
                for status in RehabStatus
            ]
        )

    def _show_todo(self, todo: list[TodoItem], *, with_units: bool) -> None:
        self.todo_list.clear()
        self.todo_box.setTitle(
            self.tr("Việc cần làm ({count})").format(
                count=format_number(len(todo), i18n.language())
            )
        )
        if not todo:
            empty = QListWidgetItem(self.tr("Không có việc cần làm"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.todo_list.addItem(empty)
            self._fit_todo_height()
            return
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        information = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        for entry in todo:
            text = self.todo_text(entry)
            if with_units and entry.unit_name:
                text = f"{text} — {entry.unit_name}"
            item = QListWidgetItem(text)
            overdue = entry.reason is TodoReason.OVERDUE_FOLLOW_UP
            item.setIcon(warning if overdue else information)
            item.setData(RECORD_KIND_ROLE, entry.record_kind)
            item.setData(RECORD_ID_ROLE, entry.record_id)
            self.todo_list.addItem(item)
        self._fit_todo_height()

    def _fit_todo_height(self) -> None:
        """As tall as its items, between TODO_ROWS_SHOWN[0] and [1] rows (it scrolls beyond)."""
        row = max(self.todo_list.sizeHintForRow(0), self.todo_list.fontMetrics().height() + 4)
        fewest, most = TODO_ROWS_SHOWN
        rows = min(max(self.todo_list.count(), fewest), most)
        self.todo_list.setFixedHeight(rows * row + 2 * self.todo_list.frameWidth() + 2)

    def todo_text(self, item: TodoItem) -> str:
        language = i18n.language()
        if item.reason is TodoReason.OVERDUE_FOLLOW_UP:
            return self.tr("{name}: quá hạn theo dõi {days} ngày (hồ sơ giúp đỡ 5+1)").format(
                name=item.name, days=format_number(item.days_overdue, language)
            )
        if item.reason is TodoReason.NO_SHIFT_THIS_MONTH:
            if item.last_shift_on is None:
                return self.tr("{name}: chưa có ca tuần tra nào").format(name=item.name)
            return self.tr("{name}: tháng này chưa có ca tuần tra (ca gần nhất {day})").format(
                name=item.name, day=format_date(item.last_shift_on)
            )
        return self.tr("{name}: chưa đánh giá quý này").format(name=item.name)

    def show_error(self, text: str) -> None:
        self.clear()
        self.error_label.setText(text)
        self.error_label.show()

    def clear(self) -> None:
        self.heading.setText(self.tr("Chưa có số liệu."))
        for card in self.cards.values():
            card.clear()
        for chart in (self.shifts_chart, self.findings_chart, self.cases_chart):
            chart.set_bars([])
        self.todo_list.clear()
        self.todo_box.setTitle(self.tr("Việc cần làm"))
        self.shifts_span.clear()
        self.findings_span.clear()

    def _activated(self, item: QListWidgetItem) -> None:
        record_id = item.data(RECORD_ID_ROLE)
        if record_id:
            self.open_record.emit(str(item.data(RECORD_KIND_ROLE)), str(record_id))
