"""The dashboard on "Tổng quan" as a person sees it: cards, charts and the to-do list.

The sample record book is seen on 15/05/2024: quarter 2 of 2024 against quarter 1. The page only
shows what `services.dashboard.dashboard` says, so the tests compare against that.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget, QMessageBox
from pytestqt.qtbot import QtBot
from sample_data import DISTRICT_CODE, TODAY, WARD_CODE

from antq_desktop.domain.enums import Rating, UnitLevel
from antq_desktop.domain.text import format_number
from antq_desktop.services.dashboard import (
    Dashboard,
    FigureChange,
    Quarter,
    TodoReason,
    dashboard,
)
from antq_desktop.services.evaluations import record_evaluation
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace
from antq_desktop.ui import overview_page
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.charts import Bar, ColumnChart, RowChart
from antq_desktop.ui.dashboard_view import RECORD_ID_ROLE, RECORD_KIND_ROLE, DashboardView
from antq_desktop.ui.overview_page import OverviewPage


@pytest.fixture
def changes(sample_workspace: Workspace) -> Changes:
    return Changes(sample_workspace)


@pytest.fixture
def page(qtbot: QtBot, sample_workspace: Workspace, changes: Changes) -> OverviewPage:
    overview = OverviewPage(sample_workspace, changes=changes)
    qtbot.addWidget(overview)
    overview.resize(1100, 900)
    overview.show()
    overview.load()
    return overview


def expected(workspace: Workspace, code: str = WARD_CODE) -> Dashboard:
    return dashboard(workspace, code, TODAY)


def todo_rows(todo: QListWidget) -> list[tuple[str, str, str]]:
    return [
        (item.text(), item.data(RECORD_KIND_ROLE), item.data(RECORD_ID_ROLE))
        for item in (todo.item(row) for row in range(todo.count()))
    ]


def test_cards_show_this_quarter_against_the_previous_one(
    page: OverviewPage, sample_workspace: Workspace
) -> None:
    view = page.dashboard_view
    assert view.heading.text() == "Quý 2/2024 so với quý 1/2024 — đến ngày 15/05/2024"
    board = expected(sample_workspace)
    assert [card.objectName() for card in view.cards.values()] == [
        f"card.{figure.key}" for figure in board.figures
    ]
    for figure in board.figures:
        card = view.cards[figure.key]
        assert card.value_label.text() == format_number(figure.current)
        assert card.previous_label.text() == f"Quý trước: {format_number(figure.previous)}"
    shifts = view.cards["patrols.shifts"]  # 12 shifts in April 2024, none in quarter 1
    assert (shifts.value_label.text(), shifts.change_label.text()) == ("12", "▲ 12")
    assert view.cards["programs.total"].change_label.text() == "Không đổi"


def test_a_fall_is_marked_down(qtbot: QtBot) -> None:
    view = DashboardView()
    qtbot.addWidget(view)
    board = Dashboard(
        unit_code=WARD_CODE, unit_name="Phường 9", today=TODAY, quarter=Quarter(2024, 2),
        previous_quarter=Quarter(2024, 1),
        figures=[FigureChange("patrols.shifts", 1200, 1650)],
        shifts_by_month=[], trend_start=date(2023, 6, 1), findings_by_category={},
        cases_by_status={},
    )  # fmt: skip
    view.show_dashboard(board, with_units=False)
    card = view.cards["patrols.shifts"]
    assert (card.value_label.text(), card.change_label.text()) == ("1.200", "▼ 450")
    assert card.previous_label.text() == "Quý trước: 1.650"
    assert "#b00020" in card.change_label.styleSheet()
    assert todo_rows(view.todo_list) == [("Không có việc cần làm", None, None)]


def test_the_to_do_list_names_each_record(page: OverviewPage, sample_workspace: Workspace) -> None:
    board = expected(sample_workspace)
    rows = todo_rows(page.dashboard_view.todo_list)
    assert [(kind, record_id) for _, kind, record_id in rows] == [
        (item.record_kind, item.record_id) for item in board.todo
    ]
    assert page.dashboard_view.todo_box.title() == f"Việc cần làm ({len(board.todo)})"
    texts = [text for text, _, _ in rows]
    assert "Đặng Thị Thủy: quá hạn theo dõi 5 ngày (hồ sơ giúp đỡ 5+1)" in texts
    assert "Tổ tự quản chung cư H4: chưa có ca tuần tra nào" in texts
    assert "Tổ tự quản chung cư H3: tháng này chưa có ca tuần tra (ca gần nhất 12/04/2024)" in texts
    assert "Camera an ninh khu phố 2: chưa đánh giá quý này" in texts
    assert all("Phường" not in text for text in texts)  # one ward: no unit names


def test_enter_and_double_click_open_the_record(
    qtbot: QtBot, page: OverviewPage, sample_workspace: Workspace
) -> None:
    board = expected(sample_workspace)
    todo = page.dashboard_view.todo_list
    case = next(item for item in board.todo if item.name == "Đặng Thị Thủy")
    assert case.reason is TodoReason.OVERDUE_FOLLOW_UP
    row = [item.record_id for item in board.todo].index(case.record_id)
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    todo.setFocus()
    todo.setCurrentRow(row)
    with qtbot.waitSignal(page.open_record) as opened:
        qtbot.keyClick(todo, Qt.Key.Key_Return)
    assert opened.args == ["RehabCase", case.record_id]

    group = next(item for item in board.todo if item.record_kind == "Group")
    item = todo.item([entry.record_id for entry in board.todo].index(group.record_id))
    position = todo.visualItemRect(item).center()
    qtbot.mouseClick(todo.viewport(), Qt.MouseButton.LeftButton, pos=position)
    with qtbot.waitSignal(page.open_record) as opened:
        qtbot.mouseDClick(todo.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert opened.args == ["Group", group.record_id]


def test_an_empty_to_do_list_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = create_workspace(
        tmp_path / "empty.antqdb",
        NewUnit("Phường 9", WARD_CODE, UnitLevel.WARD),
        today=lambda: TODAY,
    )
    try:
        overview = OverviewPage(workspace)
        qtbot.addWidget(overview)
        overview.show()
        overview.load()
        todo = overview.dashboard_view.todo_list
        assert todo_rows(todo) == [("Không có việc cần làm", None, None)]
        assert not todo.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
        with qtbot.assertNotEmitted(overview.open_record):
            todo.itemActivated.emit(todo.item(0))
        assert overview.dashboard_view.cards["patrols.shifts"].value_label.text() == "0"
        assert overview.dashboard_view.shifts_chart.grab().width() > 0  # the empty text
    finally:
        workspace.close()


def test_charts_show_the_months_categories_and_outcomes(
    page: OverviewPage, sample_workspace: Workspace
) -> None:
    board = expected(sample_workspace)
    view = page.dashboard_view
    months = view.shifts_chart.bars()
    assert [bar.label for bar in months] == [
        f"T{m}" for m in (6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5)
    ]
    assert [bar.value for bar in months] == [item.count for item in board.shifts_by_month]
    assert [bar.caption for bar in months if bar.caption] == ["2023", "2024"]
    findings = {bar.label: bar.value for bar in view.findings_chart.bars()}
    assert findings == {"Trộm cắp": 2, "Phòng cháy chữa cháy": 1, "Gây rối trật tự": 1,
                        "Ma túy": 0, "Giao thông": 0, "Khác": 0}  # fmt: skip
    assert view.findings_chart.bars()[0].label == "Trộm cắp"  # the most found first
    outcomes = {bar.label: bar.value for bar in view.cases_chart.bars()}
    assert outcomes == {"Đang giúp đỡ": 1, "Tiến bộ": 1, "Tái phạm": 0,
                        "Chuyển đi nơi khác": 0, "Kết thúc": 0}  # fmt: skip
    assert view.shifts_span.text() == "12 tháng gần nhất: từ 01/06/2023 đến 15/05/2024"
    for chart in (view.shifts_chart, view.findings_chart, view.cases_chart):
        picture = chart.grab()
        assert not picture.isNull()
        assert min(picture.width(), picture.height()) > 100
    assert "Trộm cắp: 2" in view.findings_chart.accessibleDescription()


@pytest.mark.parametrize("chart_type", [ColumnChart, RowChart])
def test_charts_paint_at_any_size(qtbot: QtBot, chart_type: type[ColumnChart | RowChart]) -> None:
    chart = chart_type()
    qtbot.addWidget(chart)
    chart.set_empty_text("Chưa có số liệu")
    for bars in (
        [],
        [Bar("A", 0), Bar("B", 0)],
        [Bar("Chuyển đi nơi khác", 1_234_567), Bar("B", 3)],
    ):
        chart.set_bars(bars, highlight=0)
        for width, height in ((5, 5), (80, 60), (400, 240)):
            chart.resize(width, height)
            assert not chart.grab().isNull()
    chart.resize(400, 240)
    chart.grab()  # lays out the bars
    assert chart.bar_at(QPoint(10, 10)) == 0
    assert chart.bar_at(QPoint(-10, -10)) is None


def test_a_district_names_the_ward_of_each_item(
    qtbot: QtBot, page: OverviewPage, sample_workspace: Workspace
) -> None:
    combo = page.unit_combo
    combo.setCurrentIndex(combo.findData(DISTRICT_CODE))
    board = expected(sample_workspace, DISTRICT_CODE)
    rows = todo_rows(page.dashboard_view.todo_list)
    assert [record_id for _, _, record_id in rows] == [item.record_id for item in board.todo]
    assert rows[0][0].endswith(" — Phường 8")  # Bùi Văn Lực, 13 days overdue, in ward 27265
    assert any(text.endswith(" — Quận 4") for text, _, _ in rows)


def test_a_saved_change_recomputes_the_dashboard(
    page: OverviewPage, sample_workspace: Workspace, changes: Changes
) -> None:
    before = expected(sample_workspace)
    program = next(item for item in before.todo if item.record_kind == "Program")
    record_evaluation(sample_workspace, program.record_id, 2024, 2, Rating.EFFECTIVE)
    changes.changed.emit()
    ids = [record_id for _, _, record_id in todo_rows(page.dashboard_view.todo_list)]
    assert program.record_id not in ids
    assert len(ids) == len(before.todo) - 1
    assert page.dashboard_view.cards["programs.effective"].value_label.text() == "2"


def test_changing_only_the_period_leaves_the_dashboard_alone(
    qtbot: QtBot, page: OverviewPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counted(workspace: Workspace, code: str, today: date) -> Dashboard:
        calls.append(code)
        return dashboard(workspace, code, today)

    monkeypatch.setattr(overview_page, "dashboard", counted)
    qtbot.mouseClick(page.year_button, Qt.MouseButton.LeftButton)
    assert calls == []
    page.refresh()
    assert calls == [WARD_CODE]


def test_a_failed_dashboard_is_explained_on_the_page(
    qtbot: QtBot, page: OverviewPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("ổ đĩa hỏng")

    monkeypatch.setattr(overview_page, "dashboard", broken)
    page.refresh()
    view = page.dashboard_view
    assert view.error_label.isVisible()
    assert "Lỗi không mong đợi (RuntimeError): ổ đĩa hỏng" in view.error_label.text()
    assert view.cards["patrols.shifts"].value_label.text() == "—"
    assert view.todo_list.count() == 0
    assert page.findChild(QMessageBox) is None
    assert page.figure_labels["patrols.shifts"].text() == "12"  # the period figures still show


def test_a_hidden_page_waits_until_it_is_shown(
    page: OverviewPage, sample_workspace: Workspace, changes: Changes
) -> None:
    before = expected(sample_workspace)
    program = next(item for item in before.todo if item.record_kind == "Program")
    page.hide()
    record_evaluation(sample_workspace, program.record_id, 2024, 2, Rating.EFFECTIVE)
    changes.changed.emit()
    ids = [record_id for _, _, record_id in todo_rows(page.dashboard_view.todo_list)]
    assert program.record_id in ids  # not read again while nobody looks
    page.show()
    ids = [record_id for _, _, record_id in todo_rows(page.dashboard_view.todo_list)]
    assert program.record_id not in ids
