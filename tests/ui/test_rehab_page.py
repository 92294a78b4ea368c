"""Giúp đỡ người lầm lỗi (5+1): open a case, its helpers, follow-ups and supports, status,
delete and undo, search and filters; every check of what was saved goes through the services."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QMessageBox, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from sample_data import TODAY

from antq_desktop.domain.enums import (
    FollowUpAssessment,
    FollowUpKind,
    HelperKind,
    RehabCategory,
    RehabStatus,
    SupportKind,
    SupportResult,
)
from antq_desktop.services.people import PersonInput, create_person, search_people
from antq_desktop.services.programs import list_programs
from antq_desktop.services.rehab import (
    CaseView,
    HelperInput,
    add_helper,
    get_case,
    list_cases,
    list_follow_ups,
    list_helpers,
    list_supports,
)
from antq_desktop.services.rehab_listing import CASE_LIST
from antq_desktop.services.units import get_unit_by_code
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n
from antq_desktop.ui.case_dialog import CaseDialog
from antq_desktop.ui.case_record_dialogs import FollowUpDialog, HelperDialog, SupportDialog
from antq_desktop.ui.case_sub_table import OVERDUE_COLOR, CaseSubTable
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.paged_model import PagedTableModel
from antq_desktop.ui.rehab_page import RehabPage


@pytest.fixture
def changes(sample_workspace: Workspace) -> Changes:
    return Changes(sample_workspace)


@pytest.fixture
def page(qtbot: QtBot, sample_workspace: Workspace, changes: Changes) -> Iterator[RehabPage]:
    page = RehabPage(sample_workspace, changes)
    qtbot.addWidget(page)
    page.show()
    page.load()
    yield page
    if page.dialog is not None:
        page.dialog.mark_clean()
        page.dialog.close()


def shown(page: RehabPage, column: int = 0) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def search(page: RehabPage, text: str) -> None:
    page.search.setText(text)
    page._apply_search()


def case_of(workspace: Workspace, folded_name: str) -> CaseView:
    cases = list_cases(workspace, query=folded_name)
    assert len(cases) == 1, cases
    return cases[0]


def open_case_dialog(page: RehabPage, folded_name: str) -> CaseDialog:
    search(page, folded_name)
    page.select_first()
    page.edit_current()
    dialog = page.dialog
    assert isinstance(dialog, CaseDialog)
    assert dialog.isVisible()
    assert dialog.case is not None
    return dialog


def sub_dialog(tab: CaseSubTable) -> object:
    tab.open_editor(None)
    assert tab.dialog is not None
    assert tab.dialog.isVisible()
    return tab.dialog


def add_helper_from_ui(tab: CaseSubTable, kind: HelperKind, name: str, organisation: str) -> None:
    dialog = sub_dialog(tab)
    assert isinstance(dialog, HelperDialog)
    dialog.kind.set_value(kind)
    dialog.full_name.setText(name)
    dialog.organisation.setText(organisation)
    dialog.save()
    assert not dialog.isVisible(), dialog.general_error.text()


def test_open_a_case_and_follow_it_up(
    qtbot: QtBot,
    page: RehabPage,
    changes: Changes,
    sample_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace = sample_workspace
    assert page.model.rowCount() == 3
    page.new_record()
    dialog = page.dialog
    assert isinstance(dialog, CaseDialog)
    assert dialog.tabs is None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.person.search, "le quoc viet")  # typed without marks
    qtbot.keyClick(dialog.person.search, Qt.Key.Key_Return)  # searches, does not save
    assert dialog.isVisible()
    qtbot.keyClick(dialog.person.search, Qt.Key.Key_Down)
    assert dialog.person.results.hasFocus()
    assert dialog.person.results.count() == 1
    assert "Lê Quốc Việt" in dialog.person.chosen_label.text()
    ward = get_unit_by_code(workspace, "27262").id
    assert dialog.unit.unit_id() == ward
    program = next(p for p in list_programs(workspace) if p.name == "5+1 phường 9")
    assert dialog.program.record_id() == program.id  # the ward's only 5+1 program
    dialog.category.set_value(RehabCategory.COMMUNITY_EDUCATION)
    dialog.opened_on.set_date(date(2024, 4, 1))
    qtbot.keyClick(dialog.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.general_error.text()
    case = case_of(workspace, "le quoc viet")
    assert (case.program_id, case.category) == (program.id, RehabCategory.COMMUNITY_EDUCATION)
    assert (case.status, case.opened_on, case.unit_id) == (
        RehabStatus.ACTIVE,
        date(2024, 4, 1),
        ward,
    )
    assert page.model.rowCount() == 4
    changes.undo_stack.undo()
    assert list_cases(workspace, query="le quoc viet") == []
    changes.undo_stack.redo()
    assert case_of(workspace, "le quoc viet").id == case.id

    dialog = open_case_dialog(page, "le quoc viet")
    assert dialog.tabs is not None
    assert dialog.tabs.count() == 3
    add_helper_from_ui(dialog.helpers, HelperKind.POLICE, "Nguyễn Văn Bảo", "Công an phường 9")
    add_helper_from_ui(dialog.helpers, HelperKind.WOMEN_UNION, "Trần Thị Mai", "Hội Phụ nữ")
    add_helper_from_ui(dialog.helpers, HelperKind.FAMILY, "Lê Thị Hoa", "mẹ")
    helpers = list_helpers(workspace, case.id)
    assert [(h.full_name, h.kind) for h in helpers] == [
        ("Nguyễn Văn Bảo", HelperKind.POLICE),
        ("Trần Thị Mai", HelperKind.WOMEN_UNION),
        ("Lê Thị Hoa", HelperKind.FAMILY),
    ]
    assert dialog.helpers.model.rowCount() == 3
    assert "2/5 người từ tổ chức, 1 người nhà" in dialog.helpers.summary.text()

    # follow-ups: the next due date is required for a new one; the newest shows first
    follow_up = sub_dialog(dialog.follow_ups)
    assert isinstance(follow_up, FollowUpDialog)
    assert follow_up.next_due_on.date() == date(2024, 6, 14)  # proposed: a month on
    follow_up.held_on.set_date(date(2024, 4, 20))
    follow_up.next_due_on.set_date(None)
    follow_up.save()
    assert follow_up.isVisible()
    assert "Hạn theo dõi tiếp" in follow_up.error_label("next_due_on").text()
    follow_up.next_due_on.set_date(date(2024, 5, 5))
    follow_up.helper.setCurrentIndex(follow_up.helper.findText("Nguyễn Văn Bảo"))
    follow_up.kind.set_value(FollowUpKind.HOME_VISIT)
    follow_up.assessment.set_value(FollowUpAssessment.STABLE)
    follow_up.save()
    assert not follow_up.isVisible(), follow_up.general_error.text()
    assert case.id in page.overdue_delegate.overdue_ids  # 05/05 has passed on 15/05
    follow_up = sub_dialog(dialog.follow_ups)
    assert isinstance(follow_up, FollowUpDialog)
    follow_up.held_on.set_date(date(2024, 5, 10))
    follow_up.next_due_on.set_date(date(2024, 6, 10))
    follow_up.notes.setPlainText("Đã có việc làm tạm thời")
    follow_up.save()
    assert not follow_up.isVisible(), follow_up.general_error.text()
    saved = list_follow_ups(workspace, case.id)
    assert [(f.held_on, f.next_due_on) for f in saved] == [
        (date(2024, 5, 10), date(2024, 6, 10)),
        (date(2024, 4, 20), date(2024, 5, 5)),
    ]
    assert saved[1].helper_name == "Nguyễn Văn Bảo"
    model = dialog.follow_ups.model
    assert [model.index(row, 0).data() for row in range(2)] == ["10/05/2024", "20/04/2024"]
    assert model.index(0, 5).data(Qt.ItemDataRole.ForegroundRole) is None
    assert case.id not in page.overdue_delegate.overdue_ids

    support = sub_dialog(dialog.supports)
    assert isinstance(support, SupportDialog)
    support.kind.set_value(SupportKind.JOB_REFERRAL)
    support.started_on.set_date(date(2024, 5, 12))
    support.provider.setText("Công ty may Việt Tiến")
    support.result_combo.set_value(SupportResult.SUCCEEDED)
    support.save()
    assert not support.isVisible(), support.general_error.text()
    assert [(s.kind, s.provider, s.result) for s in list_supports(workspace, case.id)] == [
        (SupportKind.JOB_REFERRAL, "Công ty may Việt Tiến", SupportResult.SUCCEEDED)
    ]

    # the status: progressed from today, with the outcome
    dialog.status.set_value(RehabStatus.PROGRESSED)
    assert dialog.status_since.date() == TODAY
    dialog.outcome.setPlainText("Có việc làm ổn định")
    dialog.save()
    assert not dialog.isVisible(), dialog.general_error.text()
    changed = get_case(workspace, case.id)
    assert (changed.status, changed.status_since, changed.outcome) == (
        RehabStatus.PROGRESSED, TODAY, "Có việc làm ổn định"
    )  # fmt: skip
    assert changed.closed_on is None
    changes.undo_stack.undo()
    assert get_case(workspace, case.id).status is RehabStatus.ACTIVE
    changes.undo_stack.redo()
    assert get_case(workspace, case.id).status is RehabStatus.PROGRESSED

    # delete with its helpers, follow-ups and supports; undo brings them all back
    search(page, "le quoc viet")
    page.select_first()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert list_cases(workspace, query="le quoc viet") == []
    assert page.model.rowCount() == 0
    changes.undo_stack.undo()
    assert case_of(workspace, "le quoc viet").status is RehabStatus.PROGRESSED
    assert len(list_helpers(workspace, case.id)) == 3
    assert len(list_follow_ups(workspace, case.id)) == 2
    assert len(list_supports(workspace, case.id)) == 1
    assert page.model.rowCount() == 1


def test_a_sixth_helper_from_organisations_is_refused(
    page: RehabPage,
    sample_workspace: Workspace,
    changes: Changes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = case_of(sample_workspace, "dang thi thuy")
    for number in range(5):
        add_helper(
            sample_workspace,
            case.id,
            HelperInput(HelperKind.RESIDENTIAL_GROUP, f"Tổ viên {number + 1}"),
        )
    dialog = open_case_dialog(page, "dang thi thuy")
    assert "5/5 người từ tổ chức" in dialog.helpers.summary.text()
    helper = sub_dialog(dialog.helpers)
    assert isinstance(helper, HelperDialog)
    helper.kind.set_value(HelperKind.YOUTH_UNION)
    helper.full_name.setText("Người thứ sáu")
    helper.save()
    assert helper.isVisible()
    assert "tối đa 5" in helper.error_label("kind").text()
    helper.kind.set_value(HelperKind.FAMILY)  # the "+1" is not counted
    helper.save()
    assert not helper.isVisible()
    assert len(list_helpers(sample_workspace, case.id)) == 6
    # removing a helper asks, and Ctrl+Z brings it back
    dialog.helpers.table.selectRow(0)
    removed = dialog.helpers.current()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.helpers.remove_current()
    assert removed.id not in {h.id for h in list_helpers(sample_workspace, case.id)}
    changes.undo_stack.undo()
    assert removed.id in {h.id for h in list_helpers(sample_workspace, case.id)}


def test_closing_a_case_records_the_closing_date(
    page: RehabPage, sample_workspace: Workspace, changes: Changes
) -> None:
    dialog = open_case_dialog(page, "vo minh khoi")
    case = dialog.case
    assert case is not None
    assert dialog.closed_on.text() == "—"
    dialog.status.set_value(RehabStatus.CLOSED)
    assert dialog.status_since.date() == TODAY
    assert dialog.closed_on.text() == "15/05/2024"
    dialog.status.set_value(case.status)  # back to the old status: back to its day
    assert dialog.status_since.date() == case.status_since
    dialog.status.set_value(RehabStatus.CLOSED)
    dialog.status_since.set_date(date(2024, 5, 1))
    dialog.save()
    assert not dialog.isVisible(), dialog.general_error.text()
    closed = get_case(sample_workspace, case.id)
    assert (closed.status, closed.closed_on) == (RehabStatus.CLOSED, date(2024, 5, 1))
    search(page, "vo minh khoi")
    assert shown(page, 3) == ["Kết thúc"]
    changes.undo_stack.undo()
    reopened = get_case(sample_workspace, case.id)
    assert (reopened.status, reopened.closed_on) == (RehabStatus.PROGRESSED, None)
    assert reopened.status_since == case.status_since
    # a date before the case was opened is refused under the field
    dialog = open_case_dialog(page, "vo minh khoi")
    dialog.status.set_value(RehabStatus.CLOSED)
    dialog.status_since.set_date(date(2017, 1, 1))
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error_label("status_since").text()


def test_a_person_with_an_open_case_cannot_get_a_second_one(page: RehabPage) -> None:
    page.new_record()
    dialog = page.dialog
    assert dialog is not None
    dialog.person.search.setText("Đặng Thị Thủy")
    dialog.person.look_up()
    dialog.save()
    assert dialog.isVisible()
    assert "đang có một hồ sơ giúp đỡ khác" in dialog.error_label("person_id").text()


def test_new_person_and_an_existing_citizen_id(
    qtbot: QtBot, page: RehabPage, sample_workspace: Workspace
) -> None:
    ward = get_unit_by_code(sample_workspace, "27262").id
    known = create_person(
        sample_workspace, PersonInput(ward, "Hồ Văn Tư", citizen_id="079085001234")
    )
    page.new_record()
    dialog = page.dialog
    assert dialog is not None
    dialog.save()
    assert "Người" in dialog.error_label("person_id").text()
    dialog.person.new_person.setChecked(True)
    assert dialog.person.new_box.isVisible()
    assert not dialog.person.results.isVisible()
    qtbot.keyClicks(dialog.person.citizen_id, "079085001234")
    dialog.person.check_citizen_id()
    assert dialog.person.existing.isVisible()
    assert "Hồ Văn Tư" in dialog.person.existing.text()
    dialog.person.use_existing.click()
    assert not dialog.person.is_new()
    assert dialog.person.person_id() == known.id
    assert "CCCD 079085001234" in dialog.person.chosen_label.text()  # in full in the editor
    dialog.save()
    assert not dialog.isVisible(), dialog.general_error.text()
    search(page, "079085001234")
    assert shown(page) == ["Hồ Văn Tư"]
    assert shown(page, 1) == ["••••••••1234"]  # masked in the list

    # a new person with a wrong citizen ID: nothing is saved
    page.new_record()
    dialog = page.dialog
    assert dialog is not None
    dialog.person.new_person.setChecked(True)
    dialog.person.full_name.setText("Phan Văn Hải")
    dialog.person.citizen_id.setText("12345")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error_label("citizen_id").text()
    assert search_people(sample_workspace, "phan van hai") == []
    dialog.person.citizen_id.setText("")
    dialog.save()
    assert not dialog.isVisible(), dialog.general_error.text()
    assert case_of(sample_workspace, "phan van hai").person_name == "Phan Văn Hải"


def test_search_filters_and_overdue(
    qtbot: QtBot, page: RehabPage, sample_workspace: Workspace
) -> None:
    assert shown(page) == ["Võ Minh Khôi", "Bùi Văn Lực", "Đặng Thị Thủy"]
    search(page, "DANG THI thuy")
    assert shown(page) == ["Đặng Thị Thủy"]
    search(page, "không có ai như thế")
    empty = page.findChild(QLabel, "empty")
    assert empty.isVisible()
    assert "Không có dòng nào khớp" in empty.text()
    search(page, "")
    page.status_filter.set_value(RehabStatus.PROGRESSED)
    assert shown(page) == ["Võ Minh Khôi"]
    page.status_filter.setCurrentIndex(0)
    page.category_filter.set_value(RehabCategory.AFTER_DRUG_REHABILITATION)
    assert shown(page) == ["Đặng Thị Thủy"]
    page.category_filter.setCurrentIndex(0)
    other_ward = get_unit_by_code(sample_workspace, "27265").id
    page.unit_filter.set_unit_id(other_ward)
    assert shown(page) == ["Bùi Văn Lực"]
    assert page.overdue_only.text() == "Chỉ hồ sơ quá hạn theo dõi (1)"
    page.unit_filter.set_unit_id(get_unit_by_code(sample_workspace, "773").id)
    assert len(shown(page)) == 3  # the district and the wards below it
    assert page.overdue_only.text() == "Chỉ hồ sơ quá hạn theo dõi (2)"
    page.overdue_only.setChecked(True)
    assert shown(page) == ["Bùi Văn Lực", "Đặng Thị Thủy"]
    assert shown(page, 6) == ["", "10/05/2024"]
    index = page.model.index(1, 6)
    assert page.overdue_delegate.is_overdue(index)
    assert page.overdue_delegate.tooltip(index) == "Quá hạn theo dõi 5 ngày (hạn 10/05/2024)"
    assert (
        page.overdue_delegate.tooltip(page.model.index(0, 0))
        == "Quá hạn theo dõi 13 ngày (hạn 02/05/2024)"
    )
    option = QStyleOptionViewItem()
    page.overdue_delegate.initStyleOption(option, index)
    assert option.palette.color(QPalette.ColorRole.Text) == OVERDUE_COLOR  # type: ignore[attr-defined]
    page.overdue_only.setChecked(False)
    assert not page.overdue_delegate.is_overdue(page.model.index(0, 0))  # Võ Minh Khôi


def test_every_model_is_well_behaved(
    qtmodeltester: object, page: RehabPage, sample_workspace: Workspace
) -> None:
    model = PagedTableModel(sample_workspace, CASE_LIST)
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(6, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    dialog = open_case_dialog(page, "vo minh khoi")
    add_helper_from_ui(dialog.helpers, HelperKind.POLICE, "Nguyễn Văn Bảo", "Công an")
    for tab in (dialog.helpers, dialog.follow_ups, dialog.supports):
        assert tab.model.rowCount() == 1
        qtmodeltester.check(tab.model)  # type: ignore[attr-defined]


def test_the_list_speaks_english_too(qtbot: QtBot, sample_workspace: Workspace) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install(app, "en")
    page = RehabPage(sample_workspace, Changes(sample_workspace))
    qtbot.addWidget(page)
    page.load()
    headers = [
        page.model.headerData(number, Qt.Orientation.Horizontal)
        for number in range(page.model.columnCount())
    ]
    assert "Next follow-up due" in headers
    assert "Progressed" in shown(page, 3)
