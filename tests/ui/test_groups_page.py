"""Tổ/nhóm & thành viên: groups and their members, driven as the officer would.

The page is tested on its own (the main window wires it in); every action is checked against
what the services read back from the file.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sample_data import TODAY

from antq_desktop.domain.enums import Gender, GroupStatus, MemberRole
from antq_desktop.services.errors import NotFound
from antq_desktop.services.groups import (
    GroupView,
    get_group,
    group_listing,
    list_groups,
    list_members,
    members_with_contacts,
)
from antq_desktop.services.people import (
    PERSON_LIST,
    PersonInput,
    create_person,
    find_by_citizen_id,
    search_people,
)
from antq_desktop.services.workspace import Workspace
from antq_desktop.ui.changes import Changes
from antq_desktop.ui.group_dialog import GroupDialog
from antq_desktop.ui.groups_page import GroupsPage
from antq_desktop.ui.member_dialogs import EndMembershipDialog, NewMemberDialog
from antq_desktop.ui.members_model import MembersTableModel
from antq_desktop.ui.members_panel import MembersPanel
from antq_desktop.ui.paged_model import PagedTableModel
from antq_desktop.ui.person_picker import PersonPickerDialog

H3, H4, BOARDING = "Tổ tự quản chung cư H3", "Tổ tự quản chung cư H4", "Khu trọ đường Tôn Đản"


class Warnings:
    """QMessageBox.warning calls (Changes.failed): a real one would wait for a click."""

    def __init__(self) -> None:
        self.texts: list[str] = []


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> Warnings:
    shown = Warnings()

    def warning(_parent: object, _title: str, text: str, *_args: object) -> None:
        shown.texts.append(text)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture
def page(qtbot: QtBot, sample_workspace: Workspace, warnings: Warnings) -> GroupsPage:
    changes = Changes(sample_workspace)
    page = GroupsPage(sample_workspace, changes)
    qtbot.addWidget(page)
    page.show()
    page.load()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def group_named(workspace: Workspace, name: str) -> GroupView:
    [group] = [view for view in list_groups(workspace) if view.name == name]
    return group


def shown_column(page: GroupsPage, key: str) -> list[object]:
    column = [c.key for c in page.listing.columns].index(key)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def shown_names(page: GroupsPage) -> list[str]:
    return [str(name) for name in shown_column(page, "name")]


def open_group(page: GroupsPage, name: str) -> tuple[GroupDialog, MembersPanel]:
    page.search.setText(name)
    page._apply_search()
    page.select_first()
    page.edit_current()
    dialog = page.dialog
    assert isinstance(dialog, GroupDialog)
    assert dialog.isVisible()
    assert dialog.members is not None
    return dialog, dialog.members


def member_names(workspace: Workspace, group_id: str) -> set[str]:
    return {member.person_name for member in list_members(workspace, group_id)}


def select_member(panel: MembersPanel, name: str) -> None:
    for row in range(panel.model.rowCount()):
        line = panel.model.line(row)
        if line is not None and line.member.person_name == name:
            panel.table.selectRow(row)
            return
    raise AssertionError(f"{name} is not in the member table")


def undo(page: GroupsPage) -> None:
    page.changes.undo_stack.undo()


# --- the list -----------------------------------------------------------------------------------


def test_lists_groups_with_their_program_and_members_now(page: GroupsPage) -> None:
    rows = {
        name: (program, members, status)
        for name, program, members, status in zip(
            shown_names(page),
            shown_column(page, "program"),
            shown_column(page, "members_now"),
            shown_column(page, "status"),
            strict=True,
        )
    }
    assert rows == {
        BOARDING: ("Khu nhà trọ tự quản", "2", "Đang hoạt động"),
        H3: ("Tổ tự quản chung cư H3", "3", "Đang hoạt động"),
        H4: ("Tổ tự quản chung cư H3", "3", "Đang hoạt động"),
    }
    dissolved = [c.key for c in page.listing.columns].index("dissolved_on")
    assert page.table.isColumnHidden(dissolved)
    assert page.count_label.text() == "3 dòng"


def test_sort_by_clicking_a_header(page: GroupsPage) -> None:
    header = page.table.horizontalHeader()
    members = [c.key for c in page.listing.columns].index("members_now")
    header.setSortIndicator(members, Qt.SortOrder.AscendingOrder)
    assert shown_names(page)[0] == BOARDING  # 2 members, the others 3
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert shown_names(page) == [BOARDING, H3, H4]


def test_search_groups_with_or_without_marks(qtbot: QtBot, page: GroupsPage) -> None:
    qtbot.keyClicks(page.search, "chung cu h4")
    page._apply_search()
    assert shown_names(page) == [H4]
    page.search.setText("Tôn Đản")
    page._apply_search()
    assert shown_names(page) == [BOARDING]
    page.search.setText("TON DAN")
    page._apply_search()
    assert shown_names(page) == [BOARDING]
    page.search.setText("không có tổ nào như thế")
    page._apply_search()
    assert page.model.rowCount() == 0
    assert "Không có dòng nào khớp" in page.empty_label.text()


def test_filter_by_program_status_and_unit(page: GroupsPage) -> None:
    programs = page.program_filter
    programs.setCurrentIndex(programs.findText("Khu nhà trọ tự quản"))
    assert shown_names(page) == [BOARDING]
    programs.setCurrentIndex(programs.findText("Tổ tự quản chung cư H3"))
    assert sorted(shown_names(page)) == [H3, H4]
    programs.setCurrentIndex(0)  # every program
    page.status_filter.set_value(GroupStatus.DISSOLVED)
    assert shown_names(page) == []
    page.status_filter.setCurrentIndex(0)
    units = page.unit_filter
    units.setCurrentIndex(units.findText("Phường 8", Qt.MatchFlag.MatchContains))
    assert shown_names(page) == [BOARDING]
    units.setCurrentIndex(units.findText("Quận 4", Qt.MatchFlag.MatchContains))
    assert len(shown_names(page)) == 3  # the district and the wards below it


# --- the group itself ---------------------------------------------------------------------------


def test_create_a_group_then_undo_and_redo(
    qtbot: QtBot, page: GroupsPage, sample_workspace: Workspace
) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, GroupDialog)
    assert dialog.members is None  # members are added once the group is saved
    dialog.name.setText("Tổ tự quản chung cư H5")
    dialog.program.setCurrentIndex(dialog.program.findText("Tổ tự quản chung cư H3"))
    dialog.area.setText("Lô H5, Hoàng Diệu")
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    created = group_named(sample_workspace, "Tổ tự quản chung cư H5")
    assert created.program_name == "Tổ tự quản chung cư H3"
    assert (created.area, created.formed_on, created.status) == (
        "Lô H5, Hoàng Diệu",
        TODAY,
        GroupStatus.ACTIVE,
    )
    assert "Tổ tự quản chung cư H5" in shown_names(page)
    undo(page)
    assert "Tổ tự quản chung cư H5" not in {g.name for g in list_groups(sample_workspace)}
    assert "Tổ tự quản chung cư H5" not in shown_names(page)
    page.changes.undo_stack.redo()
    assert group_named(sample_workspace, "Tổ tự quản chung cư H5").id == created.id


def test_a_group_needs_a_name_and_a_program(page: GroupsPage, sample_workspace: Workspace) -> None:
    page.new_record()
    dialog = page.dialog
    assert isinstance(dialog, GroupDialog)
    dialog.save()
    assert dialog.isVisible()
    assert "bắt buộc" in dialog.error_label("name").text()
    assert len(list_groups(sample_workspace)) == 3


def test_edit_a_group_then_undo(page: GroupsPage, sample_workspace: Workspace) -> None:
    dialog, _panel = open_group(page, H4)
    dialog.status.set_value(GroupStatus.DISSOLVED)
    dialog.dissolved_on.set_date(date(2024, 5, 1))
    dialog.save()
    edited = group_named(sample_workspace, H4)
    assert (edited.status, edited.dissolved_on) == (GroupStatus.DISSOLVED, date(2024, 5, 1))
    undo(page)
    restored = group_named(sample_workspace, H4)
    assert (restored.status, restored.dissolved_on) == (GroupStatus.ACTIVE, None)


def test_delete_a_group_then_undo_brings_back_its_members(
    qtbot: QtBot, page: GroupsPage, sample_workspace: Workspace, answer_yes: None
) -> None:
    h4 = group_named(sample_workspace, H4)
    members = member_names(sample_workspace, h4.id)
    page.search.setText("chung cu h4")
    page._apply_search()
    page.select_first()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    with pytest.raises(NotFound):
        get_group(sample_workspace, h4.id)
    assert page.model.rowCount() == 0
    undo(page)
    assert get_group(sample_workspace, h4.id).name == H4
    assert member_names(sample_workspace, h4.id) == members
    assert shown_names(page) == [H4]


def test_a_group_with_patrol_shifts_is_not_deleted(
    qtbot: QtBot,
    page: GroupsPage,
    sample_workspace: Workspace,
    answer_yes: None,
    warnings: Warnings,
) -> None:
    page.search.setText("chung cu h3")
    page._apply_search()
    page.select_first()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert group_named(sample_workspace, H3)
    assert any("ca tuần tra" in text for text in warnings.texts)


# --- members ------------------------------------------------------------------------------------


def test_members_table_shows_roles_and_dates(page: GroupsPage) -> None:
    _dialog, panel = open_group(page, H3)
    model = panel.model
    assert model.rowCount() == 3
    first = [model.index(0, column).data() for column in range(model.columnCount())]
    assert first == ["Nguyễn Văn Đức", "Tổ trưởng", "01/01/2019", "", ""]
    assert "3 người đang là thành viên" in panel.summary.text()
    assert not panel.end_button.isEnabled()


def test_add_an_existing_person_found_by_typing_without_marks(
    qtbot: QtBot, page: GroupsPage, sample_workspace: Workspace
) -> None:
    dialog, panel = open_group(page, H3)
    group_id = panel.group_id
    panel.add_existing_button.click()
    picker = panel.dialog
    assert isinstance(picker, PersonPickerDialog)
    qtbot.waitUntil(picker.isActiveWindow)
    qtbot.keyClicks(picker.search, "bui van luc")
    picker.apply_search()
    assert picker.model.rowCount() == 1
    assert picker.model.index(0, 0).data() == "Bùi Văn Lực"
    picker.role.set_value(MemberRole.DEPUTY)
    qtbot.keyClick(picker.search, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not picker.isVisible()
    [added] = [
        m for m in list_members(sample_workspace, group_id) if m.person_name == "Bùi Văn Lực"
    ]
    assert (added.role, added.joined_on, added.left_on) == (MemberRole.DEPUTY, TODAY, None)
    assert panel.model.rowCount() == 4
    assert panel.current_line() is not None
    assert panel.current_line().member.id == added.id  # type: ignore[union-attr]
    assert dialog.isVisible()
    assert not dialog.dirty  # saved already: closing does not ask
    page.search.setText("")
    page._apply_search()
    assert shown_column(page, "members_now")[1] == "4"
    undo(page)
    assert "Bùi Văn Lực" not in member_names(sample_workspace, group_id)
    assert panel.model.rowCount() == 3
    page.changes.undo_stack.redo()
    assert "Bùi Văn Lực" in member_names(sample_workspace, group_id)


def test_pick_among_several_with_the_keyboard(
    qtbot: QtBot, page: GroupsPage, sample_workspace: Workspace
) -> None:
    _dialog, panel = open_group(page, BOARDING)
    panel.add_existing_button.click()
    picker = panel.dialog
    assert isinstance(picker, PersonPickerDialog)
    qtbot.waitUntil(picker.isActiveWindow)
    qtbot.keyClicks(picker.search, "thi")
    picker.apply_search()
    assert picker.model.rowCount() == 3  # Hằng, Thủy, Tuyết: nobody is chosen for the officer
    assert picker.chosen_person_id() is None
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)  # into the list, on its first row
    qtbot.keyClick(picker.table, Qt.Key.Key_Down)
    second = picker.model.index(1, 0).data()
    qtbot.keyClick(picker.table, Qt.Key.Key_Return)
    assert not picker.isVisible()
    assert second in member_names(sample_workspace, panel.group_id)


def test_a_citizen_id_finds_the_person_too(
    qtbot: QtBot, page: GroupsPage, sample_workspace: Workspace
) -> None:
    ward = page.unit_filter  # loaded: any unit will do for a person
    unit_id = ward.itemData(1)
    create_person(
        sample_workspace,
        PersonInput(unit_id, "Lý Văn Tâm", citizen_id="079085001234", birth_date=date(1985, 1, 1)),
    )
    _dialog, panel = open_group(page, H4)
    panel.add_existing_button.click()
    picker = panel.dialog
    assert isinstance(picker, PersonPickerDialog)
    qtbot.keyClicks(picker.search, "079085001234")
    picker.apply_search()
    assert picker.model.index(0, 0).data() == "Lý Văn Tâm"
    citizen_column = [c.key for c in PERSON_LIST.columns].index("citizen_id")
    assert picker.model.index(0, citizen_column).data() == "••••••••1234"
    picker.save()
    assert "Lý Văn Tâm" in member_names(sample_workspace, panel.group_id)


def test_refusals_are_shown_in_the_picker(
    qtbot: QtBot, page: GroupsPage, sample_workspace: Workspace
) -> None:
    _dialog, panel = open_group(page, H3)
    panel.add_existing_button.click()
    picker = panel.dialog
    assert isinstance(picker, PersonPickerDialog)
    picker.save()  # nobody picked yet
    assert picker.isVisible()
    assert "Chưa chọn người" in picker.error_label("person_id").text()
    qtbot.keyClicks(picker.search, "nguyen van duc")  # already the leader since 2019
    picker.apply_search()
    picker.save()
    assert picker.isVisible()
    assert "đã là thành viên" in picker.error_label("joined_on").text()
    picker.search.setText("bui van luc")
    picker.apply_search()
    picker.role.set_value(MemberRole.LEADER)  # the group has a leader already
    picker.save()
    assert "tổ trưởng" in picker.error_label("role").text()
    assert len(list_members(sample_workspace, panel.group_id)) == 3


def new_member_dialog(panel: MembersPanel) -> NewMemberDialog:
    panel.add_new_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, NewMemberDialog)
    assert dialog.isVisible()
    return dialog


def test_add_a_new_person_then_undo(page: GroupsPage, sample_workspace: Workspace) -> None:
    _dialog, panel = open_group(page, H4)
    editor = new_member_dialog(panel)
    editor.full_name.setText("Đinh Thị Mai")
    editor.gender.set_value(Gender.FEMALE)
    editor.birth_date.set_date(date(1990, 7, 14))
    editor.citizen_id.setText("079 190 004 321")
    editor.phone.setText("0903 111 222")
    editor.address.setText("7 Hoàng Diệu")
    editor.save()
    assert not editor.isVisible()
    [person] = search_people(sample_workspace, "dinh thi mai")
    assert (person.citizen_id, person.phone, person.unit_id) == (
        "079190004321",
        "0903111222",
        panel.unit_id,
    )
    [line] = [
        line
        for line in members_with_contacts(sample_workspace, panel.group_id)
        if line.member.person_id == person.id
    ]
    assert (line.member.role, line.member.joined_on, line.phone) == (
        MemberRole.MEMBER,
        TODAY,
        "0903111222",
    )
    assert panel.model.rowCount() == 4
    undo(page)  # the membership and the person recorded with it go together
    assert search_people(sample_workspace, "dinh thi mai") == []
    assert "Đinh Thị Mai" not in member_names(sample_workspace, panel.group_id)
    page.changes.undo_stack.redo()
    assert "Đinh Thị Mai" in member_names(sample_workspace, panel.group_id)


def test_a_wrong_new_person_is_marked_and_nothing_is_saved(
    page: GroupsPage, sample_workspace: Workspace
) -> None:
    _dialog, panel = open_group(page, H3)
    editor = new_member_dialog(panel)
    editor.full_name.setText("Đinh Thị Mai")
    editor.phone.setText("12345")
    editor.save()
    assert editor.isVisible()
    assert editor.error_label("phone").isVisible()
    editor.phone.setText("")
    editor.role.set_value(MemberRole.LEADER)  # H3 has its leader: the membership is refused
    editor.save()
    assert editor.isVisible()
    assert "tổ trưởng" in editor.error_label("role").text()
    assert search_people(sample_workspace, "dinh thi mai") == []  # no person left behind


def test_citizen_id_and_phone_are_checked_when_leaving_the_field(page: GroupsPage) -> None:
    _dialog, panel = open_group(page, H3)
    editor = new_member_dialog(panel)
    editor.citizen_id.setText("999123456789")
    editor.citizen_id.editingFinished.emit()
    assert editor.error_label("citizen_id").isVisible()
    assert "999" in editor.error_label("citizen_id").text()
    editor.citizen_id.setText("079190004321")
    editor.citizen_id.editingFinished.emit()
    assert not editor.error_label("citizen_id").isVisible()
    editor.phone.setText("12345")
    editor.phone.editingFinished.emit()
    assert editor.error_label("phone").isVisible()
    editor.phone.setText("")
    editor.phone.editingFinished.emit()
    assert not editor.error_label("phone").isVisible()  # blank: the service decides on save


@pytest.fixture
def recorded_tam(sample_workspace: Workspace, page: GroupsPage) -> str:
    """Someone already recorded with citizen ID 079085001234, not in any group."""
    unit_id = page.unit_filter.itemData(1)
    person = PersonInput(unit_id, "Lý Văn Tâm", citizen_id="079085001234", phone="0912000111")
    return create_person(sample_workspace, person).id


def test_the_same_citizen_id_offers_the_person_already_recorded(
    page: GroupsPage, sample_workspace: Workspace, recorded_tam: str
) -> None:
    _dialog, panel = open_group(page, H4)
    editor = new_member_dialog(panel)
    editor.full_name.setText("Lý Văn Tâm")
    editor.citizen_id.setText("079.085.001.234")
    editor.save()
    box = editor.duplicate_box
    assert box is not None
    assert box.isVisible()
    assert "Lý Văn Tâm" in box.text()
    assert "1234" in box.text()
    assert editor.use_existing_button is not None
    editor.use_existing_button.click()
    assert not editor.isVisible()
    assert [p.id for p in find_by_citizen_id(sample_workspace, "079085001234")] == [recorded_tam]
    [member] = [
        m for m in list_members(sample_workspace, panel.group_id) if m.person_id == recorded_tam
    ]
    assert member.joined_on == TODAY
    undo(page)  # removes the membership only: the person was there before
    assert recorded_tam not in {m.person_id for m in list_members(sample_workspace, panel.group_id)}
    assert search_people(sample_workspace, "079085001234")[0].id == recorded_tam


def test_the_officer_may_still_create_a_new_record_or_go_back(
    page: GroupsPage, sample_workspace: Workspace, recorded_tam: str
) -> None:
    _dialog, panel = open_group(page, H4)
    editor = new_member_dialog(panel)
    editor.full_name.setText("Lý Văn Tâm")
    editor.citizen_id.setText("079085001234")
    editor.save()
    box = editor.duplicate_box
    assert box is not None
    back = [
        b
        for b in box.buttons()
        if b not in (editor.use_existing_button, editor.create_anyway_button)
    ]
    back[0].click()
    assert editor.isVisible()
    assert len(find_by_citizen_id(sample_workspace, "079085001234")) == 1
    editor.save()  # asks again
    assert editor.create_anyway_button is not None
    editor.create_anyway_button.click()
    assert not editor.isVisible()
    same = find_by_citizen_id(sample_workspace, "079085001234")
    assert len(same) == 2  # recorded twice, flagged for a later merge
    assert {p.full_name for p in same} == {"Lý Văn Tâm"}


def test_end_a_membership_then_undo(
    qtbot: QtBot, page: GroupsPage, sample_workspace: Workspace
) -> None:
    _dialog, panel = open_group(page, H3)
    select_member(panel, "Trần Thị Hằng")
    assert panel.end_button.isEnabled()
    panel.end_button.click()
    ender = panel.dialog
    assert isinstance(ender, EndMembershipDialog)
    assert ender.left_on.date() == TODAY
    ender.left_on.set_date(date(2018, 12, 31))  # before she joined: refused
    ender.save()
    assert ender.isVisible()
    assert ender.error_label("left_on").isVisible()
    ender.left_on.set_date(date(2024, 5, 1))
    ender.save()
    assert not ender.isVisible()
    [hang] = [
        m
        for m in list_members(sample_workspace, panel.group_id)
        if m.person_name == "Trần Thị Hằng"
    ]
    assert hang.left_on == date(2024, 5, 1)
    row = panel.model.row_of(hang.id)
    assert panel.model.index(row, MembersTableModel.LEFT).data() == "01/05/2024"
    assert panel.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "1 người đã rời tổ" in panel.summary.text()
    page.search.setText("chung cu h3")
    page._apply_search()
    assert shown_column(page, "members_now") == ["2"]
    undo(page)
    [hang] = [
        m
        for m in list_members(sample_workspace, panel.group_id)
        if m.person_name == "Trần Thị Hằng"
    ]
    assert hang.left_on is None
    assert shown_column(page, "members_now") == ["3"]


def test_remove_a_membership_recorded_by_mistake(
    page: GroupsPage, sample_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _dialog, panel = open_group(page, H3)
    select_member(panel, "Lê Quốc Việt")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    panel.remove_button.click()
    assert "Lê Quốc Việt" in member_names(sample_workspace, panel.group_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove_button.click()
    assert "Lê Quốc Việt" not in member_names(sample_workspace, panel.group_id)
    assert panel.model.rowCount() == 2
    undo(page)
    assert "Lê Quốc Việt" in member_names(sample_workspace, panel.group_id)
    assert panel.model.rowCount() == 3


# --- the models ---------------------------------------------------------------------------------


def test_the_members_model_is_well_behaved(
    qtmodeltester: object, sample_workspace: Workspace
) -> None:
    model = MembersTableModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    h3 = group_named(sample_workspace, H3)
    model.set_lines(members_with_contacts(sample_workspace, h3.id), TODAY)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_the_list_models_are_well_behaved(
    qtmodeltester: object, sample_workspace: Workspace
) -> None:
    for listing in (group_listing(sample_workspace.today), PERSON_LIST):
        model = PagedTableModel(sample_workspace, listing)
        model.reload()
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        model.sort(len(listing.columns) - 1, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model)  # type: ignore[attr-defined]
