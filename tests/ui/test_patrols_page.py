"""Ca tuần tra: record, edit, delete and undo shifts as a person would, and filter the list."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sample_data import TODAY

from antq_desktop.domain.enums import FindingAction, FindingCategory
from antq_desktop.services.errors import NotFound
from antq_desktop.services.groups import (
    MembershipInput,
    add_member,
    end_membership,
    list_groups,
)
from antq_desktop.services.patrol_listing import SHIFT_LIST
from antq_desktop.services.patrols import ShiftView, get_shift, list_shifts
from antq_desktop.services.people import PersonInput, create_person
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.choices import EnumCombo
from antq_desktop.ui.findings_model import FindingsModel
from antq_desktop.ui.paged_model import PagedTableModel
from antq_desktop.ui.patrols_page import PatrolsPage
from antq_desktop.ui.shift_dialog import ShiftDialog

H3, H4 = "Tổ tự quản chung cư H3", "Tổ tự quản chung cư H4"
# The completer's pop-up is a window of its own: the offscreen plugin cannot raise it or give it
# the keyboard, and says so.
POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)
H3_MEMBERS = ["Nguyễn Văn Đức", "Trần Thị Hằng", "Lê Quốc Việt"]


@pytest.fixture
def page(qtbot: QtBot, sample_workspace: Workspace) -> PatrolsPage:
    changes = Changes(sample_workspace)
    page = PatrolsPage(sample_workspace, changes)
    qtbot.addWidget(page)
    page.show()
    page.load()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def group_id(workspace: Workspace, name: str) -> str:
    return next(group.id for group in list_groups(workspace) if group.name == name)


def open_dialog(page: PatrolsPage) -> ShiftDialog:
    dialog = page.dialog
    assert isinstance(dialog, ShiftDialog)
    assert dialog.isVisible()
    return dialog


def shown_ids(page: PatrolsPage) -> list[str]:
    return [page.model.record_id(row) or "" for row in range(page.model.rowCount())]


def shifts_on(workspace: Workspace, day: date) -> list[ShiftView]:
    return list_shifts(workspace, date_from=day, date_to=day)


def fill_finding(
    qtbot: QtBot, dialog: ShiftDialog, category: str, action: str, description: str
) -> None:
    """Add a row with the button, choose in its lists and type the description; Tab moves on."""
    qtbot.waitUntil(dialog.isActiveWindow)  # keys go to the dialog, not to the page behind it
    dialog.add_finding_button.click()
    row = dialog.findings.rowCount() - 1
    table = dialog.findings_table
    for column, value in ((0, category), (1, action)):
        editor = table.indexWidget(dialog.findings.index(row, column))
        assert isinstance(editor, EnumCombo)
        editor.setCurrentIndex(editor.findData(value))
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    editor = table.indexWidget(dialog.findings.index(row, 2))
    assert isinstance(editor, QLineEdit)
    editor.setText(description)  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.findings.index(row, 2).data() == description)


def test_lists_shifts_newest_first(page: PatrolsPage, sample_workspace: Workspace) -> None:
    expected = list_shifts(sample_workspace)
    assert page.model.rowCount() == len(expected) == 12
    first = [page.model.index(0, column).data() for column in range(4)]
    assert first[0] == expected[0].shift_date.strftime("%d/%m/%Y")
    assert first[3] == H3
    assert page.count_label.text() == "12 dòng"


def test_record_a_shift_with_participants_and_findings_then_undo(
    qtbot: QtBot, page: PatrolsPage, sample_workspace: Workspace
) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(page)
    assert dialog.shift_date.date() == TODAY
    assert dialog.start_time.time().toString("HH:mm") == "19:30"
    assert dialog.end_time.time().toString("HH:mm") == "21:30"
    dialog.group.set_record_id(group_id(sample_workspace, H3))
    assert dialog.member_names() == H3_MEMBERS
    dialog.tick("Nguyễn Văn Đức", "Lê Quốc Việt")
    dialog.others.setValue(2)
    dialog.residents.setValue(6)
    dialog.area.setText("Lô H3 và bãi xe")
    fill_finding(qtbot, dialog, "theft", "reminded", "Xe máy không khóa cổ")
    fill_finding(qtbot, dialog, "fire_safety", "handed_to_police", "Bình chữa cháy hết hạn")
    assert dialog.dirty
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.others, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()

    [saved] = shifts_on(sample_workspace, TODAY)
    assert saved.group_name == H3
    assert (saved.start_time, saved.end_time) == (time(19, 30), time(21, 30))
    assert {p.full_name for p in saved.participants} == {"Nguyễn Văn Đức", "Lê Quốc Việt"}
    assert saved.others_count == 2
    assert saved.residents_reminded == 6
    assert saved.area == "Lô H3 và bãi xe"
    assert sorted((f.category, f.action, f.description) for f in saved.findings) == [
        (FindingCategory.FIRE_SAFETY, FindingAction.HANDED_TO_POLICE, "Bình chữa cháy hết hạn"),
        (FindingCategory.THEFT, FindingAction.REMINDED, "Xe máy không khóa cổ"),
    ]
    assert shown_ids(page)[0] == saved.id  # newest first
    assert page.model.index(0, 6).data() == "2"  # members present
    assert page.model.index(0, 8).data() == "2"  # findings

    page.changes.undo_stack.undo()
    assert shifts_on(sample_workspace, TODAY) == []
    assert saved.id not in shown_ids(page)
    page.changes.undo_stack.redo()
    assert get_shift(sample_workspace, saved.id) == saved


def test_members_follow_the_group_and_the_date(
    page: PatrolsPage, sample_workspace: Workspace
) -> None:
    h3 = group_id(sample_workspace, H3)
    newcomer = create_person(
        sample_workspace,
        PersonInput(unit_id=list_groups(sample_workspace)[0].unit_id, full_name="Ngô Thị Mới"),
    ).id
    joined = add_member(sample_workspace, h3, MembershipInput(newcomer, date(2024, 5, 1)))
    end_membership(sample_workspace, joined.id, date(2024, 5, 10))
    page.new_record()
    dialog = open_dialog(page)
    dialog.group.set_record_id(h3)
    assert dialog.member_names() == H3_MEMBERS  # on 15/05 the newcomer has left again
    dialog.shift_date.set_date(date(2024, 5, 5))
    dialog.shift_date.edited.emit()
    assert "Ngô Thị Mới" in dialog.member_names()
    dialog.tick("Ngô Thị Mới", "Trần Thị Hằng")
    dialog.group.set_record_id(group_id(sample_workspace, H4))
    assert dialog.member_names() == ["Phạm Thị Ánh Tuyết", "Võ Minh Khôi", "Đặng Thị Thủy"]
    assert dialog.participant_ids() == ()
    dialog.shift_date.set_date(date(2018, 6, 1))
    dialog.shift_date.edited.emit()
    assert dialog.member_names() == ["Tổ không có thành viên nào vào ngày này"]
    assert dialog.participant_ids() == ()


@POPUP_WARNINGS
def test_typing_part_of_a_group_name_without_accents_chooses_it(
    qtbot: QtBot, page: PatrolsPage, sample_workspace: Workspace
) -> None:
    page.new_record()
    dialog = open_dialog(page)
    qtbot.waitUntil(dialog.isActiveWindow)
    line_edit = dialog.group.lineEdit()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, "chung cu h4")
    popup = dialog.group.completer().popup()
    assert dialog.group.completer().completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.group.currentText() == H4
    assert dialog.group.record_id() == group_id(sample_workspace, H4)
    assert dialog.isVisible()
    # a half-typed name left behind shows the chosen group again
    line_edit.setText("khong co to nay")
    line_edit.editingFinished.emit()
    assert line_edit.text() == H4


def test_tab_order_runs_from_group_to_save(qtbot: QtBot, page: PatrolsPage) -> None:
    page.new_record()
    dialog = open_dialog(page)
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.group.setFocus()
    visited: list[QWidget] = []
    for _ in range(20):
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget is dialog.save_button:
            break
        visited.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    wanted = [
        dialog.group,
        dialog.shift_date.line_edit,
        dialog.start_time,
        dialog.end_time,
        dialog.members,
        dialog.others,
        dialog.findings_table,
    ]
    positions = [visited.index(widget) for widget in wanted]
    assert positions == sorted(positions)
    assert visited[-3:] == [
        dialog.findings_table,
        dialog.add_finding_button,
        dialog.remove_finding_button,
    ]
    assert len(visited) <= 12


@POPUP_WARNINGS
def test_an_ordinary_shift_takes_few_key_presses(
    qtbot: QtBot, page: PatrolsPage, sample_workspace: Workspace
) -> None:
    """Choose the group by typing, accept today and the usual times, tick two members, save."""
    presses = 0

    def key(
        widget: QWidget | None, name: Qt.Key, modifier: Qt.KeyboardModifier | None = None
    ) -> None:
        nonlocal presses
        assert widget is not None
        qtbot.keyClick(widget, name, modifier or Qt.KeyboardModifier.NoModifier)
        presses += 1

    page.table.setFocus()
    key(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(page)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.group.lineEdit() or dialog.group.hasFocus()
    qtbot.keyClicks(dialog.group.lineEdit(), "h3")
    presses += 2
    popup = dialog.group.completer().popup()
    key(popup, Qt.Key.Key_Down)
    key(popup, Qt.Key.Key_Return)
    for _ in range(4):  # date (today), start, end (as they are), then the members
        key(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.members
    key(dialog.members, Qt.Key.Key_Space)
    key(dialog.members, Qt.Key.Key_Down)
    key(dialog.members, Qt.Key.Key_Space)
    key(dialog.members, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    [saved] = shifts_on(sample_workspace, TODAY)
    assert saved.group_name == H3
    assert [p.full_name for p in saved.participants] == ["Nguyễn Văn Đức", "Trần Thị Hằng"]
    assert presses == 13
    # the next shift starts with the same group: three presses fewer
    page.new_record()
    assert open_dialog(page).group.currentText() == H3


def test_edit_a_shift_then_undo(
    qtbot: QtBot, page: PatrolsPage, sample_workspace: Workspace
) -> None:
    before = list_shifts(sample_workspace)[0]
    page.table.selectRow(0)
    page.edit_current()
    dialog = open_dialog(page)
    assert dialog.group.currentText() == H3
    assert dialog.shift_date.date() == before.shift_date
    assert dialog.participant_ids() == tuple(p.person_id for p in before.participants)
    assert dialog.findings.rowCount() == len(before.findings)
    assert before.start_time is None  # the sample's log has no times: they stay unknown
    assert dialog.no_times.isChecked()
    assert not dialog.start_time.isEnabled()
    assert not dialog.dirty
    dialog.members.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.others.setValue(7)
    fill_finding(qtbot, dialog, "drugs", "handed_to_police", "Tụ tập hút chất lạ")
    dialog.save()
    assert not dialog.isVisible()
    after = get_shift(sample_workspace, before.id)
    assert (after.start_time, after.end_time) == (None, None)
    assert after.others_count == 7
    assert len(after.participants) == len(before.participants) - 1
    assert (FindingCategory.DRUGS, "Tụ tập hút chất lạ") in {
        (f.category, f.description) for f in after.findings
    }
    page.changes.undo_stack.undo()
    restored = get_shift(sample_workspace, before.id)
    assert restored.others_count == before.others_count
    assert restored.participants == before.participants
    assert [(f.category, f.description) for f in restored.findings] == [
        (f.category, f.description) for f in before.findings
    ]


def test_refusals_are_shown_under_the_fields(
    page: PatrolsPage, sample_workspace: Workspace
) -> None:
    count = len(list_shifts(sample_workspace))
    page.new_record()
    dialog = open_dialog(page)
    dialog.shift_date.set_date(date(2024, 6, 1))  # after "today"
    dialog.end_time.setTime(dialog.start_time.time())
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error_label("shift_date").isVisible()
    assert "Giờ kết thúc trùng giờ bắt đầu" in dialog.error_label("end_time").text()
    dialog.shift_date.set_date(None)
    dialog.save()
    assert dialog.error_label("shift_date").isVisible()
    assert len(list_shifts(sample_workspace)) == count


def test_delete_asks_and_undo_brings_back_participants_and_findings(
    qtbot: QtBot, page: PatrolsPage, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    shift = next(view for view in list_shifts(sample_workspace) if view.findings)
    row = shown_ids(page).index(shift.id)
    page.table.selectRow(row)
    asked: list[str] = []

    def answer(*args: object, **_: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert H3 in asked[0]
    assert shift.shift_date.strftime("%d/%m/%Y") in asked[0]
    with pytest.raises(NotFound):
        get_shift(sample_workspace, shift.id)
    assert shift.id not in shown_ids(page)
    page.changes.undo_stack.undo()
    assert get_shift(sample_workspace, shift.id) == shift
    assert shift.id in shown_ids(page)


def test_filter_by_group_and_date_range(page: PatrolsPage, sample_workspace: Workspace) -> None:
    h4 = group_id(sample_workspace, H4)
    page.group_filter.set_record_id(h4)
    assert page.model.rowCount() == 0
    page.group_filter.set_record_id(group_id(sample_workspace, H3))
    assert page.model.rowCount() == 12
    page.date_from.set_date(date(2024, 4, 3))
    page.date_from.edited.emit()
    page.date_to.set_date(date(2024, 4, 6))
    page.date_to.edited.emit()
    expected = list_shifts(sample_workspace, date_from=date(2024, 4, 3), date_to=date(2024, 4, 6))
    assert shown_ids(page) == [view.id for view in expected]
    assert page.model.rowCount() == 4
    page.date_to.line_edit.setText("31/0")  # half a date: the list waits
    page.date_to.edited.emit()
    assert page.model.rowCount() == 4
    page.date_to.set_date(None)
    page.date_to.edited.emit()
    assert page.model.rowCount() == 10
    page.group_filter.setCurrentIndex(0)  # every group
    page.date_from.set_date(None)
    page.date_from.edited.emit()
    assert page.model.rowCount() == 12


def test_the_models_are_well_behaved(
    qtmodeltester: object, page: PatrolsPage, sample_workspace: Workspace
) -> None:
    model = PagedTableModel(sample_workspace, SHIFT_LIST)
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(6, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    findings = FindingsModel()
    qtmodeltester.check(findings)  # type: ignore[attr-defined]
    findings.add_row()
    findings.add_row()
    findings.setData(findings.index(1, 2), "Mô tả")
    assert not findings.setData(findings.index(0, 0), "no such category")
    qtmodeltester.check(findings)  # type: ignore[attr-defined]
    findings.remove_row(0)
    qtmodeltester.check(findings)  # type: ignore[attr-defined]
    page.new_record()
    dialog = open_dialog(page)
    qtmodeltester.check(dialog.members.model())  # type: ignore[attr-defined]
    qtmodeltester.check(dialog.findings)  # type: ignore[attr-defined]
