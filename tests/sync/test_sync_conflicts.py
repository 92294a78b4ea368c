"""Concurrent edits become conflicts that every site ends up holding; a person's decision is an
edit that travels; people recorded twice are flagged and merged."""

from __future__ import annotations

from datetime import date

import pytest
from sync_testing import (
    WARD_1_ID,
    WARD_2_ID,
    Courier,
    edit_person,
    fill_ward,
    synced_rows,
)

from antq_desktop.domain.enums import ProgramKind
from antq_desktop.services import groups, memberships, patrols, people, programs
from antq_desktop.services.people import PersonInput
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Membership, Person
from antq_desktop.sync import conflicts, importer

CITIZEN_ID = "079123456789"


def _person(workspace: Workspace, person_id: str) -> people.PersonView:
    return people.get_person(workspace, person_id)


def _shared_person(books: dict[str, Workspace], courier: Courier) -> str:
    """A person made at the first ward PC and sent to the two other books."""
    person = people.create_person(books["ward_pc1"], PersonInput(WARD_1_ID, "Nguyễn Văn An"))
    courier.send(books["ward_pc1"], books["ward_pc2"])
    courier.send(books["ward_pc1"], books["district"])
    return person.id


def test_two_sites_editing_one_field_give_one_conflict_at_every_site(
    ward_trio: dict[str, Workspace], courier: Courier
) -> None:
    person_id = _shared_person(ward_trio, courier)
    edit_person(ward_trio["ward_pc1"], person_id, phone="0901111111")
    edit_person(ward_trio["ward_pc2"], person_id, phone="0902222222")  # the newer one
    courier.exchange_all(ward_trio.values())
    courier.exchange_all(ward_trio.values())
    found = {name: conflicts.list_conflicts(book) for name, book in ward_trio.items()}
    assert {name: len(views) for name, views in found.items()} == dict.fromkeys(ward_trio, 1)
    ids = {views[0].id for views in found.values()}
    assert len(ids) == 1
    for name, (view,) in found.items():
        assert (view.table_name, view.row_id, view.field) == ("people", person_id, "phone")
        assert (view.kept_value, view.other_value) == ("0902222222", "0901111111"), name
        assert view.kept_site == ward_trio["ward_pc2"].site_id
        assert view.other_site == ward_trio["ward_pc1"].site_id
        assert view.current_value == "0902222222"
        assert view.is_open
        assert _person(ward_trio[name], person_id).phone == "0902222222"


def test_edits_of_different_fields_merge_without_a_conflict(
    ward_trio: dict[str, Workspace], courier: Courier
) -> None:
    person_id = _shared_person(ward_trio, courier)
    edit_person(ward_trio["ward_pc1"], person_id, phone="0901111111")
    edit_person(ward_trio["ward_pc2"], person_id, address="12 Lê Lợi")
    edit_person(ward_trio["district"], person_id, notes="đã xác minh")
    courier.exchange_all(ward_trio.values())
    for book in ward_trio.values():
        person = _person(book, person_id)
        assert (person.phone, person.address, person.notes) == (
            "0901111111",
            "12 Lê Lợi",
            "đã xác minh",
        )
        assert conflicts.list_conflicts(book, include_decided=True) == []


def test_a_record_deleted_at_two_places_is_no_conflict(
    ward_trio: dict[str, Workspace], courier: Courier
) -> None:
    person_id = _shared_person(ward_trio, courier)
    people.delete_person(ward_trio["ward_pc1"], person_id)
    people.delete_person(ward_trio["district"], person_id)
    courier.exchange_all(ward_trio.values())
    courier.exchange_all(ward_trio.values())
    moments = {
        name: synced_rows(book)["people"][person_id]["deleted_at"]
        for name, book in ward_trio.items()
    }
    assert None not in moments.values()
    assert len(set(moments.values())) == 1
    for book in ward_trio.values():
        assert conflicts.list_conflicts(book, include_decided=True) == []


@pytest.mark.parametrize("choice", ["kept", "other"])
def test_a_decision_applies_and_travels_to_the_other_site(
    wards_and_district: dict[str, Workspace], courier: Courier, choice: str
) -> None:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    person = people.create_person(ward, PersonInput(WARD_1_ID, "Nguyễn Văn An"))
    courier.send(ward, district)
    edit_person(ward, person.id, full_name="Nguyễn Văn Anh")
    edit_person(district, person.id, full_name="Nguyễn Văn Ân")  # newer: applied
    summary = courier.send(district, ward)
    assert summary.tables["people"].conflicts == 1
    (view,) = conflicts.list_conflicts(ward)
    assert (view.kept_value, view.other_value) == ("Nguyễn Văn Ân", "Nguyễn Văn Anh")
    conflicts.resolve_conflict(ward, view.id, choice)  # type: ignore[arg-type]
    chosen = "Nguyễn Văn Ân" if choice == "kept" else "Nguyễn Văn Anh"
    assert _person(ward, person.id).full_name == chosen
    assert conflicts.list_conflicts(ward) == []
    summary = courier.send(ward, district)
    assert summary.total("conflicts") == 0
    for book in (ward, district):
        assert _person(book, person.id).full_name == chosen
        assert conflicts.list_conflicts(book) == []
        (decided,) = conflicts.list_conflicts(book, include_decided=True)
        assert (decided.id, decided.resolution) == (view.id, choice)
        # The derived columns follow the value chosen (the search finds the name).
        assert [found.id for found in people.search_people(book, chosen)] == [person.id]
    assert courier.send(district, ward).total("conflicts") == 0


def test_a_decision_stays_when_a_third_site_finds_the_same_conflict_later(
    ward_trio: dict[str, Workspace], courier: Courier
) -> None:
    pc1, pc2, district = ward_trio["ward_pc1"], ward_trio["ward_pc2"], ward_trio["district"]
    person_id = _shared_person(ward_trio, courier)
    edit_person(pc1, person_id, phone="0901111111")
    old_from_pc1 = courier.export(pc1, district)
    edit_person(pc2, person_id, phone="0902222222")
    courier.send(pc2, pc1)
    (view,) = conflicts.list_conflicts(pc1)
    conflicts.resolve_conflict(pc1, view.id, "kept")
    # The district meets both edits only now, in the order they come off the USB stick.
    importer.import_bundle(district, old_from_pc1)
    courier.send(pc2, district)
    courier.exchange_all(ward_trio.values())
    courier.exchange_all(ward_trio.values())
    for book in ward_trio.values():
        assert conflicts.list_conflicts(book) == []
        decided = conflicts.list_conflicts(book, include_decided=True)
        assert [(found.id, found.resolution) for found in decided] == [(view.id, "kept")]


def test_a_conflict_of_one_wards_patrol_shift_is_not_sent_to_another_ward(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward1, ward2, district = (wards_and_district[name] for name in ("ward1", "ward2", "district"))
    records = fill_ward(ward1, WARD_1_ID)
    courier.send(ward1, district)
    courier.send(ward2, district)  # the district knows ward 2's unit
    shift = patrols.get_shift(ward1, records.shift)

    def edit_notes(book: Workspace, notes: str) -> None:
        patrols.update_shift(
            book,
            shift.id,
            patrols.ShiftInput(
                shift.group_id,
                shift.shift_date,
                notes=notes,
                participant_ids=tuple(p.person_id for p in shift.participants),
                findings=tuple(
                    patrols.FindingInput(f.category, f.action, f.description)
                    for f in shift.findings
                ),
            ),
        )

    edit_notes(ward1, "phường ghi")
    edit_notes(district, "quận ghi")
    assert courier.send(ward1, district).total("conflicts") == 1
    path = courier.export(district, ward2)
    opened = importer.read_bundle(ward2, path)
    assert opened.tables["sync_conflicts"] == []
    (found,) = synced_rows(district)["sync_conflicts"].values()
    assert found["unit_id"] == WARD_1_ID


def test_a_value_shown_in_a_conflict_does_not_come_back_after_a_new_edit(
    ward_trio: dict[str, Workspace], courier: Courier
) -> None:
    pc1, pc2, district = ward_trio["ward_pc1"], ward_trio["ward_pc2"], ward_trio["district"]
    courier.send(pc1, district)  # the district holds the ward
    person = people.create_person(pc2, PersonInput(WARD_1_ID, "Nguyễn Văn An"))
    courier.send(pc2, district)
    edit_person(district, person.id, phone="0901111111")
    from_district = courier.export(district, pc1)
    edit_person(pc2, person.id, phone="0902222222")  # at the same time, and newer
    from_pc2 = courier.export(pc2, pc1)
    importer.import_bundle(pc1, from_district)
    assert importer.import_bundle(pc1, from_pc2).total("conflicts") == 1
    # The first PC tells the second: the conflict travels, the person (all the second PC's
    # own writing) does not.
    courier.send(pc1, pc2)
    (shown,) = conflicts.list_conflicts(pc2)
    assert shown.other_value == "0901111111"
    conflicts.resolve_conflict(pc2, shown.id, "kept")
    edit_person(pc2, person.id, phone="0903333333")
    # The district's own bundle arrives late at the second PC: nothing new to decide.
    summary = courier.send(district, pc2)
    assert summary.total("conflicts") == 0
    assert conflicts.list_conflicts(pc2) == []


def test_people_recorded_in_two_wards_are_flagged_and_merged(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward1, ward2, district = (wards_and_district[name] for name in ("ward1", "ward2", "district"))
    keep = people.create_person(ward1, PersonInput(WARD_1_ID, "Lê Thị Hoa", citizen_id=CITIZEN_ID))
    drop = people.create_person(
        ward2,
        PersonInput(WARD_2_ID, "Lê Thị Hoa", citizen_id=CITIZEN_ID, phone="0903333333"),
    )
    program = programs.create_program(
        ward2, programs.ProgramInput(WARD_2_ID, "Tổ tự quản", ProgramKind.HOUSEHOLD_GROUP)
    )
    group = groups.create_group(ward2, groups.GroupInput(program.id, WARD_2_ID, "Tổ 3"))
    member = memberships.add_member(
        ward2, group.id, memberships.MembershipInput(drop.id, date(2024, 1, 1))
    )
    assert courier.send(ward1, district).duplicates == []
    summary = courier.send(ward2, district)
    (duplicate,) = summary.duplicates
    assert CITIZEN_ID not in duplicate.citizen_id
    assert {(person_id, unit) for person_id, _, unit in duplicate.people} == {
        (keep.id, "Phường 1"),
        (drop.id, "Phường 2"),
    }
    (group_found,) = conflicts.list_duplicate_people(district)
    assert {person.id for person in group_found.people} == {keep.id, drop.id}

    conflicts.merge_people(district, keep.id, drop.id)
    assert conflicts.list_duplicate_people(district) == []
    merged = _person(district, keep.id)
    assert (merged.full_name, merged.phone, merged.unit_id) == (
        "Lê Thị Hoa",
        "0903333333",  # filled from the other record
        WARD_1_ID,
    )
    rows = synced_rows(district)
    assert rows["people"][drop.id]["deleted_at"] is not None
    assert rows["memberships"][member.id]["person_id"] == keep.id
    assert rows["memberships"][member.id]["deleted_at"] is None

    # The merge is an edit like any other: ward 2 gets the membership moved and its person
    # deleted.
    summary = courier.send(district, ward2)
    assert not summary.total("rejected")
    at_ward2 = synced_rows(ward2)
    assert at_ward2["people"][drop.id]["deleted_at"] is not None
    assert at_ward2["memberships"][member.id]["person_id"] == keep.id
    with ward2.database.session() as session:
        assert session.get(Person, keep.id) is not None
        assert session.get(Membership, member.id) is not None
