"""Đồng bộ: what an import leaves for a person, decided through the page: a field edited in two
places (side by side, a choice, "Áp dụng") and people of two units with one citizen ID (merge)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from sync_books import (  # noqa: F401 - the fixtures books, page_for, dialogs
    CITIZEN_ID,
    Books,
    Dialogs,
    PageFor,
    books_fixture,
    dialogs_fixture,
    export_through,
    page_for_fixture,
    trust_card,
)

from antq_desktop.domain.enums import UnitLevel, UserRole
from antq_desktop.services import settings
from antq_desktop.services.people import PersonInput, count_people, create_person, get_person
from antq_desktop.services.people import update_person as update
from antq_desktop.services.units import create_unit
from antq_desktop.services.workspace import NewUnit
from antq_desktop.sync.conflicts import list_conflicts, list_duplicate_people
from antq_desktop.sync.peers import own_card
from antq_desktop.sync.tables import SYNC_TABLES
from antq_desktop.ui.sync_labels import record_field_label
from antq_desktop.ui.sync_page import SyncPage


def exchanged(books: Books, page_for: PageFor, dialogs: Dialogs) -> tuple[SyncPage, SyncPage]:
    """Both pages, each trusting the other, the district holding the ward's records."""
    ward, district = page_for(books.ward), page_for(books.district)
    trust_card(dialogs, ward, district, books.usb)
    trust_card(dialogs, district, ward, books.usb)
    district.import_panel.import_files(
        [export_through(ward, dialogs, books.usb, to=own_card(books.district).site_id)]
    )
    return ward, district


def renamed(books: Books, workspace_name: str, name: str) -> None:
    workspace = getattr(books, workspace_name)
    person = books.person
    update(workspace, person.id, PersonInput(person.unit_id, name, citizen_id=CITIZEN_ID))


def in_conflict(books: Books, page_for: PageFor, dialogs: Dialogs) -> SyncPage:
    """The ward's page after the district's bundle came in with the person's name edited in
    both books since the last exchange."""
    ward, district = exchanged(books, page_for, dialogs)
    renamed(books, "ward", "Nguyễn Văn Anh")
    renamed(books, "district", "Nguyễn Văn Ân")  # the later edit: applied provisionally
    ward.import_panel.import_files(
        [export_through(district, dialogs, books.usb, to=own_card(books.ward).site_id)]
    )
    return ward


def test_a_field_edited_in_both_places_is_shown_side_by_side_and_decided(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward = in_conflict(books, page_for, dialogs)
    result = ward.import_panel.result
    assert result.conflicts_button.isVisibleTo(result)
    assert "1 trường bị sửa ở cả hai nơi" in result.conflicts.text()
    result.conflicts_button.click()
    panel = ward.conflicts
    assert ward.tabs.currentWidget() is panel
    assert ward.tabs.tabText(ward.tabs.indexOf(panel)) == "Xung đột (1)"
    assert panel.model.rowCount() == 1
    conflict = panel.selected()
    assert conflict is not None
    assert panel.model.index(0, 0).data() == "Người"
    assert panel.model.index(0, 2).data() == "Họ và tên"
    assert panel.detail.title() == "Người “Nguyễn Văn Ân” — Họ và tên"
    assert panel.kept_value.text() == "Nguyễn Văn Ân"
    assert panel.other_value.text() == "Nguyễn Văn Anh"
    assert "Quận 4 (773)" in panel.kept_meta.text()
    assert "máy này" in panel.other_meta.text()
    assert panel.current.text() == "Giá trị hiện có trong sổ: Nguyễn Văn Ân"
    assert panel.keep_choice.isChecked()

    panel.other_choice.click()
    panel.apply_button.click()
    assert get_person(books.ward, books.person.id).full_name == "Nguyễn Văn Anh"
    assert list_conflicts(books.ward) == []
    assert panel.model.rowCount() == 0
    assert panel.empty.isVisibleTo(panel)
    assert ward.tabs.tabText(ward.tabs.indexOf(panel)) == "Xung đột"
    panel.show_decided.setChecked(True)
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 5).data() == "đã dùng giá trị kia"
    panel.table.selectRow(0)
    assert not panel.apply_button.isEnabled()
    assert "đã dùng giá trị kia" in panel.state.text()


def test_keeping_the_value_in_use_changes_no_record(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    ward = in_conflict(books, page_for, dialogs)
    panel = ward.conflicts
    panel.table.selectRow(0)
    panel.apply_button.click()
    assert get_person(books.ward, books.person.id).full_name == "Nguyễn Văn Ân"
    assert list_conflicts(books.ward) == []
    assert list_conflicts(books.ward, include_decided=True)[0].resolution == "kept"


def test_a_viewer_sees_conflicts_without_the_choice(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    in_conflict(books, page_for, dialogs)
    books.ward.act_as("xem", UserRole.VIEWER)
    viewer = page_for(books.ward)
    panel = viewer.conflicts
    assert panel.model.rowCount() == 1
    assert panel.kept_value.text() == "Nguyễn Văn Ân"
    assert not panel.apply_button.isVisibleTo(panel)
    assert panel.no_access.isVisibleTo(panel)


def test_people_of_two_units_with_one_citizen_id_are_merged(
    books: Books, page_for: PageFor, dialogs: Dialogs
) -> None:
    district_unit = settings.get_setting(books.district, settings.OWN_UNIT_ID)
    other_ward = create_unit(
        books.district, NewUnit("Phường 2", "27002", UnitLevel.WARD), parent_id=district_unit
    )
    twin = create_person(
        books.district,
        PersonInput(other_ward.id, "Nguyễn Văn An", citizen_id=CITIZEN_ID, phone="0901234567"),
    )
    _ward, district = exchanged(books, page_for, dialogs)
    result = district.import_panel.result
    assert result.duplicates_button.isVisibleTo(result)
    assert "CCCD ********6789: Nguyễn Văn An (Phường 2), Nguyễn Văn An (Phường 1)" in (
        result.duplicates.text()
    )
    result.duplicates_button.click()
    panel = district.duplicates
    assert district.tabs.currentWidget() is panel
    assert district.tabs.tabText(district.tabs.indexOf(panel)) == "Người trùng CCCD (1)"
    branch = panel.tree.topLevelItem(0)
    assert branch is not None
    assert branch.childCount() == 2
    assert CITIZEN_ID in branch.text(0)
    assert not panel.merge_button.isEnabled()
    units = {branch.child(row).text(2) for row in range(2)}  # type: ignore[union-attr]
    assert units == {"Phường 1", "Phường 2"}

    panel.select_person(books.person.id)
    assert panel.merge_button.isEnabled()
    dialogs.answer = QMessageBox.StandardButton.No
    panel.merge_button.click()
    assert len(list_duplicate_people(books.district)) == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    panel.merge_button.click()
    assert "Giữ Nguyễn Văn An (Phường 1)" in dialogs.questions[-1]
    assert list_duplicate_people(books.district) == []
    kept = get_person(books.district, books.person.id)
    assert kept.phone == "0901234567"  # filled from the record merged into it
    assert count_people(books.district) == 1
    assert twin.id != kept.id
    assert panel.empty.isVisibleTo(panel)
    assert district.tabs.tabText(district.tabs.indexOf(panel)) == "Người trùng CCCD"


def test_every_field_a_conflict_may_name_reads_as_a_person_calls_it() -> None:
    unnamed = sorted(
        (table.name, column)
        for table in SYNC_TABLES
        if table.name != "sync_conflicts"  # decided, never edited in two places by a person
        for column in table.columns
        if record_field_label(column) == column
    )
    assert unnamed == []
    assert record_field_label("full_name") == "Họ và tên"
    assert record_field_label("deleted_at") == "Đã xóa lúc"
