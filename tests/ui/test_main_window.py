"""The main window as a person uses it: the figures shown are those `compute_statistics` gives."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from operator import attrgetter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sample_data import DISTRICT_CODE, OTHER_WARD_CODE, TODAY, WARD_CODE, make_sample

from antq_desktop.domain.enums import ProgramKind
from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services.statistics import compute_statistics
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n, overview_page
from antq_desktop.ui.date_field import DateField
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.program_kind_model import ProgramsByKindModel

Q2_2024 = (date(2024, 4, 1), date(2024, 6, 30))


@pytest.fixture
def window(qtbot: QtBot, sample_workspace: Workspace) -> Iterator[MainWindow]:
    main_window = MainWindow(sample_workspace)
    qtbot.addWidget(main_window)
    main_window.start()
    qtbot.waitExposed(main_window)
    yield main_window
    main_window.close()


def shown_figures(window: MainWindow) -> dict[str, str]:
    return {key: label.text() for key, label in window.overview.figure_labels.items()}


def expected_figures(workspace: Workspace, code: str, start: date, end: date) -> dict[str, str]:
    statistics = compute_statistics(workspace, code, start, end)
    keys = shown_figures_keys()
    return {key: format_number(attrgetter(key)(statistics)) for key in keys}


def shown_figures_keys() -> list[str]:
    return [
        "programs.total", "programs.police_maintained", "programs.effective", "groups", "members",
        "patrols.shifts", "patrols.participant_turns", "patrols.findings", "patrols.reminders",
        "rehab.people", "rehab.people_cumulative", "rehab.progressed", "rehab.reoffended",
        "rehab.job_referrals", "rehab.vocational_training", "rehab.follow_ups",
        "rehab.follow_ups_overdue",
    ]  # fmt: skip


def kind_rows(window: MainWindow) -> dict[str, str]:
    model = window.overview.kind_model
    return {
        model.index(row, ProgramsByKindModel.KIND_COLUMN).data(): model.index(
            row, ProgramsByKindModel.COUNT_COLUMN
        ).data()
        for row in range(model.rowCount())
    }


def type_date(qtbot: QtBot, field: DateField, digits: str, *, enter: bool = True) -> None:
    """Type over a date the way a person does: select it, type the digits, press Enter."""
    field.line_edit.selectAll()
    qtbot.keyClicks(field.line_edit, digits)
    if enter:
        qtbot.keyClick(field.line_edit, Qt.Key.Key_Return)


def test_opens_on_the_own_unit_and_the_current_quarter(
    window: MainWindow, sample_workspace: Workspace
) -> None:
    overview = window.overview
    assert window.windowTitle() == "ANTQ Desktop — Phường 9 — sample.antqdb"
    assert overview.unit_combo.currentData() == WARD_CODE
    assert (overview.date_from.text(), overview.date_to.text()) == ("01/04/2024", "30/06/2024")
    assert shown_figures(window) == expected_figures(sample_workspace, WARD_CODE, *Q2_2024)
    assert overview.heading.text() == "Phường 9: số liệu từ 01/04/2024 đến 30/06/2024"
    by_kind = compute_statistics(sample_workspace, WARD_CODE, *Q2_2024).programs.by_kind
    assert kind_rows(window) == {
        kind.label("vi"): format_number(by_kind[kind.value]) for kind in ProgramKind
    }
    assert str(sample_workspace.path) in window.path_label.text()
    assert window.computed_label.text().startswith("Đã tính lúc ")


def test_large_counts_use_vietnamese_thousands(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = make_sample(tmp_path / "big.antqdb", shifts=300, others_per_shift=4)
    try:
        big = MainWindow(workspace)
        qtbot.addWidget(big)
        big.start()
        # 300 shifts × (2 members + 4 others)
        assert big.overview.figure_labels["patrols.participant_turns"].text() == "1.800"
    finally:
        workspace.close()


def test_the_unit_combo_shows_the_tree_and_recomputes(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    combo = window.overview.unit_combo
    texts = [combo.itemText(index) for index in range(combo.count())]
    assert texts == ["Quận 4 (773)", "\u2003Phường 9 (27262)", "\u2003Phường 8 (27265)"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentData() == DISTRICT_CODE
    assert shown_figures(window) == expected_figures(sample_workspace, DISTRICT_CODE, *Q2_2024)
    assert window.overview.heading.text().startswith("Quận 4 và các đơn vị trực thuộc:")
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert combo.currentData() == OTHER_WARD_CODE
    assert shown_figures(window) == expected_figures(sample_workspace, OTHER_WARD_CODE, *Q2_2024)


def test_quick_period_buttons(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    overview = window.overview
    cases = [
        (overview.year_button, "Năm nay", date(2024, 1, 1), date(2024, 12, 31)),
        (overview.since_button, "Từ 2015", date(2015, 1, 1), TODAY),
        (overview.quarter_button, "Quý này", *Q2_2024),
    ]
    for button, caption, start, end in cases:
        assert button.text() == caption
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert overview.period() == (start, end)
        assert shown_figures(window) == expected_figures(sample_workspace, WARD_CODE, start, end)


def test_typing_a_date_recomputes(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    overview = window.overview
    type_date(qtbot, overview.date_from, "01012017")
    assert overview.date_from.text() == "01/01/2017"
    expected = expected_figures(sample_workspace, WARD_CODE, date(2017, 1, 1), Q2_2024[1])
    assert shown_figures(window) == expected
    assert overview.heading.text().endswith("từ 01/01/2017 đến 30/06/2024")


def test_typing_without_enter_recomputes_after_a_pause(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    overview = window.overview
    type_date(qtbot, overview.date_to, "15042024", enter=False)
    assert overview.date_to.text() == "15/04/2024"
    expected = expected_figures(sample_workspace, WARD_CODE, Q2_2024[0], date(2024, 4, 15))
    qtbot.waitUntil(lambda: shown_figures(window) == expected, timeout=3000)


def test_end_before_start_is_explained_under_the_period(qtbot: QtBot, window: MainWindow) -> None:
    overview = window.overview
    type_date(qtbot, overview.date_to, "31122023")
    assert overview.date_to.text() == "31/12/2023"  # as typed: a QDateEdit would make it 30/12
    assert overview.period_error.isVisible()
    with pytest.raises(ValidationFailed) as refused:
        compute_statistics(window.workspace, WARD_CODE, date(2024, 4, 1), date(2023, 12, 31))
    assert overview.period_error.text() == refused.value.render("vi")
    assert set(shown_figures(window).values()) == {"—"}
    assert window.findChild(QMessageBox) is None
    qtbot.mouseClick(overview.quarter_button, Qt.MouseButton.LeftButton)
    assert not overview.period_error.isVisible()
    assert shown_figures(window)["patrols.shifts"] != "—"


def test_a_date_that_does_not_exist_is_explained(qtbot: QtBot, window: MainWindow) -> None:
    overview = window.overview
    type_date(qtbot, overview.date_from, "31022024")
    assert overview.period_error.text() == (
        "Từ ngày: “31/02/2024” không phải là một ngày. Hãy nhập ngày theo dạng dd/mm/yyyy, "
        "ví dụ 31/12/2024."
    )
    assert set(shown_figures(window).values()) == {"—"}
    type_date(qtbot, overview.date_from, "29022024")
    assert not overview.period_error.isVisible()
    assert overview.heading.text().endswith("từ 29/02/2024 đến 30/06/2024")


def test_an_unexpected_error_is_shown_in_a_message_box(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("ổ đĩa hỏng")

    monkeypatch.setattr(overview_page, "compute_statistics", broken)
    qtbot.mouseClick(window.overview.year_button, Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox, "error_box")
    assert box is not None
    assert box.isVisible()
    assert box.windowTitle() == "Không tính được số liệu"
    assert "Lỗi không mong đợi (RuntimeError): ổ đĩa hỏng" in box.text()
    assert set(shown_figures(window).values()) == {"—"}
    assert window.computed_label.text() == ""
    box.close()


def test_every_section_opens_its_page(qtbot: QtBot, window: MainWindow) -> None:
    navigation = window.navigation
    titles = [navigation.item(row).text() for row in range(navigation.count())]
    assert titles == [
        "Tổng quan", "Mô hình", "Tổ/nhóm & thành viên", "Ca tuần tra",
        "Giúp đỡ người lầm lỗi 5+1", "Đánh giá quý", "Báo cáo", "Đồng bộ", "Cài đặt",
    ]  # fmt: skip
    for row in range(1, navigation.count()):
        item = navigation.item(row)
        rect = navigation.visualItemRect(item)
        qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.pages.currentIndex() == row
    sync_row = titles.index("Đồng bộ")
    assert window.pages.widget(sync_row) is window.sync
    assert window.sync.findChild(QLabel, "heading").text() == "Đồng bộ"
    qtbot.mouseClick(
        navigation.viewport(),
        Qt.MouseButton.LeftButton,
        pos=navigation.visualItemRect(navigation.item(0)).center(),
    )
    assert window.pages.currentWidget() is window.overview


def test_programs_by_kind_model_is_a_well_behaved_model(qtmodeltester: object) -> None:
    model = ProgramsByKindModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_counts({"apartment_block": 1612})
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    row = list(ProgramKind).index(ProgramKind.APARTMENT_BLOCK)
    assert model.index(row, ProgramsByKindModel.COUNT_COLUMN).data() == "1.612"


def test_english_interface(qtbot: QtBot, sample_workspace: Workspace) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install(app, "en")
    english = MainWindow(sample_workspace)
    qtbot.addWidget(english)
    english.start()
    assert english.navigation.item(0).text() == "Overview"
    assert english.overview.year_button.text() == "This year"
    assert english.overview.heading.text() == "Phường 9: figures from 01/04/2024 to 30/06/2024"
    assert english.computed_label.text().startswith("Computed at ")
    first_kind = english.overview.kind_model.index(0, ProgramsByKindModel.KIND_COLUMN).data()
    assert first_kind == ProgramKind.CAMERA_SURVEILLANCE.label("en")
