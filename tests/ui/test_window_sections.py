"""The sections of the window: which work, and opening a record from the dashboard's to-do list."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from antq_desktop.services.groups import list_groups
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.evaluations_page import EvaluationsPage
from antq_desktop.ui.group_dialog import GroupDialog
from antq_desktop.ui.groups_page import GroupsPage
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.overview_page import OverviewPage
from antq_desktop.ui.patrols_page import PatrolsPage
from antq_desktop.ui.programs_page import ProgramsPage
from antq_desktop.ui.rehab_page import RehabPage
from antq_desktop.ui.reports_page import ReportsPage
from antq_desktop.ui.settings_page import SettingsPage
from antq_desktop.ui.sync_page import SyncPage


def test_every_section_is_a_working_page(qtbot: QtBot, sample_workspace: Workspace) -> None:
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    kinds = [type(window.pages.widget(n)) for n in range(window.pages.count())]
    assert kinds == [
        OverviewPage, ProgramsPage, GroupsPage, PatrolsPage, RehabPage, EvaluationsPage,
        ReportsPage, SyncPage, SettingsPage,
    ]  # fmt: skip
    assert window.navigation.item(kinds.index(SyncPage)).text() == "Đồng bộ"


def test_every_working_section_loads_its_rows(qtbot: QtBot, sample_workspace: Workspace) -> None:
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    for number in (1, 2, 3, 4):
        window.navigation.setCurrentRow(number)
        page = window.pages.currentWidget()
        assert page.model.rowCount() > 0, type(page).__name__  # type: ignore[attr-defined]
        assert window.rows_label.text().endswith("dòng")


def test_a_to_do_item_opens_the_record(qtbot: QtBot, sample_workspace: Workspace) -> None:
    window = MainWindow(sample_workspace)
    qtbot.addWidget(window)
    window.start()
    group = list_groups(sample_workspace)[0]
    window.overview.open_record.emit("Group", group.id)
    assert window.pages.currentWidget() is window.groups
    dialog = window.groups.dialog
    assert isinstance(dialog, GroupDialog)
    assert dialog.isVisible()
    assert dialog.name.text() == group.name
