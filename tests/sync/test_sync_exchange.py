"""What a bundle carries (what changed since the acknowledgement, not the recipient's own rows,
only the recipient's part of the tree) and what an import refuses row by row."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sync_testing import (
    CITY_ID,
    DISTRICT_ID,
    WARD_1,
    WARD_1_ID,
    WARD_2,
    WARD_2_ID,
    Courier,
    edit_person,
    fill_ward,
    rejections,
    synced_rows,
)

from antq_desktop.domain.ids import unit_id
from antq_desktop.services import backups, people
from antq_desktop.services.people import PersonInput
from antq_desktop.services.workspace import Workspace
from antq_desktop.sync import importer, peers
from antq_desktop.sync.bundle import OpenedBundle, encode_line, new_manifest, write_bundle
from antq_desktop.sync.keys import site_keys
from antq_desktop.sync.peers import own_card


def _opened(recipient: Workspace, path: Path) -> OpenedBundle:
    return importer.read_bundle(recipient, path)


def _ids(opened: OpenedBundle, table: str) -> set[str]:
    return {row["id"] for row in opened.tables[table]}


def _peer(workspace: Workspace, other: Workspace) -> peers.PeerView:
    return next(peer for peer in peers.list_peers(workspace) if peer.site_id == other.site_id)


# --- Incremental, acknowledged ----------------------------------------------------------------


def test_an_incremental_bundle_carries_what_changed_since_the_acknowledgement(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    records = fill_ward(ward, WARD_1_ID)
    first = courier.export(ward, district)
    assert _opened(district, first).manifest.full
    importer.import_bundle(district, first)
    # Nothing acknowledged yet: the next bundle carries everything again.
    again = _opened(district, courier.export(ward, district))
    assert again.manifest.full
    assert _ids(again, "people") == set(records.people)

    # The district's next bundle carries its acknowledgement back.
    back = courier.export(district, ward)
    acks = _opened(ward, back).manifest.acks
    assert acks == {ward.site_id: _opened(district, first).manifest.seq_to}
    importer.import_bundle(ward, back)
    assert _peer(ward, district).acked_seq == acks[ward.site_id]

    edit_person(ward, records.people[0], phone="0909999999")
    changed = courier.export(ward, district)
    opened = _opened(district, changed)
    assert not opened.manifest.full
    assert opened.manifest.seq_from == acks[ward.site_id]
    assert _ids(opened, "people") == {records.people[0]}
    assert {name for name, rows in opened.tables.items() if rows} <= {"people", "org_units"}
    summary = importer.import_bundle(district, changed)
    assert summary.tables["people"].updated == 1
    assert summary.total("new") == 0
    assert people.get_person(district, records.people[0]).phone == "0909999999"


def test_a_deletion_travels_as_a_tombstone(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    person = people.create_person(ward, PersonInput(WARD_1_ID, "Võ Văn Tám"))
    courier.send(ward, district)
    people.delete_person(ward, person.id)
    assert courier.send(ward, district).tables["people"].updated == 1
    row = synced_rows(district)["people"][person.id]
    assert row["deleted_at"] == synced_rows(ward)["people"][person.id]["deleted_at"] is not None
    assert people.count_people(district) == 0


def test_rows_the_recipient_wrote_itself_are_not_sent_back(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    records = fill_ward(ward, WARD_1_ID)
    courier.send(ward, district)
    echo = _opened(ward, courier.export(district, ward))
    assert echo.records == 0
    # A row the district changed goes back, whole; a full bundle carries everything.
    edit_person(district, records.people[1], notes="quận đã xác minh")
    changed = _opened(ward, courier.export(district, ward))
    assert _ids(changed, "people") == {records.people[1]}
    assert changed.records == 1
    full = _opened(ward, courier.export(district, ward, full=True))
    assert _ids(full, "people") == set(records.people)
    assert _ids(full, "follow_ups")
    assert _ids(full, "evaluations")


def test_importing_the_same_bundle_again_changes_nothing(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    fill_ward(ward, WARD_1_ID)
    path = courier.export(ward, district)
    first = importer.import_bundle(district, path)
    assert first.total("new") == 14  # a record in every table, and the ward's unit
    before = synced_rows(district)
    again = importer.import_bundle(district, path)
    assert not again.changed_anything
    assert not again.total("rejected")
    assert again.total("unchanged") == _opened(district, path).records
    assert synced_rows(district) == before
    assert [entry.direction for entry in peers.list_history(district)].count("import") == 2


# --- Scope ------------------------------------------------------------------------------------


def test_a_district_sends_a_ward_its_own_part_of_the_tree(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward1, ward2, district = (wards_and_district[name] for name in ("ward1", "ward2", "district"))
    mine = fill_ward(ward1, WARD_1_ID)
    theirs = fill_ward(ward2, WARD_2_ID, tag=" 2")
    courier.send(ward1, district)
    courier.send(ward2, district)
    own_district = people.create_person(district, PersonInput(DISTRICT_ID, "Cán bộ quận"))
    units_before = synced_rows(ward1)["org_units"]

    opened = _opened(ward1, courier.export(district, ward1, full=True))
    assert opened.manifest.scope_unit == WARD_1.code
    assert _ids(opened, "people") == set(mine.people)
    assert _ids(opened, "rehab_cases") == {mine.case}
    sent_ids = {row["id"] for rows in opened.tables.values() for row in rows}
    assert not sent_ids & {*theirs.people, theirs.program, theirs.group, theirs.case}
    assert own_district.id not in sent_ids
    for rows in opened.tables.values():
        assert all(row["f"].get("unit_id") != WARD_2_ID for row in rows)
    # The units above the ward travel for reference only.
    units = {row["id"]: row.get("r") for row in opened.tables["org_units"]}
    assert units == {WARD_1_ID: None, DISTRICT_ID: 1, CITY_ID: 1}

    summary = importer.import_bundle(ward1, opened.path)
    assert not rejections(summary)
    assert not summary.total("conflicts")
    units_after = synced_rows(ward1)["org_units"]
    assert units_after[DISTRICT_ID] == units_before[DISTRICT_ID]  # the ward's own copy stands
    assert CITY_ID in units_after  # the unit it lacked is added


def test_a_ward_sends_the_district_its_subtree(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    fill_ward(ward, WARD_1_ID)
    opened = _opened(district, courier.export(ward, district))
    assert opened.manifest.scope_unit == WARD_1.code
    assert {row["id"]: row.get("r") for row in opened.tables["org_units"]} == {
        WARD_1_ID: None,
        DISTRICT_ID: 1,
    }
    district_unit = synced_rows(district)["org_units"][DISTRICT_ID]
    assert not rejections(importer.import_bundle(district, opened.path))
    assert synced_rows(district)["org_units"][DISTRICT_ID] == district_unit


def test_a_district_never_sends_a_ward_another_wards_records(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward1, ward2, district = (wards_and_district[name] for name in ("ward1", "ward2", "district"))
    records = fill_ward(ward1, WARD_1_ID)
    courier.send(ward1, district)
    # Ward 2's card is known, but nothing has come from ward 2 yet.
    opened = _opened(ward2, courier.export(district, ward2))
    assert not _ids(opened, "people") & set(records.people)
    assert WARD_1_ID not in _ids(opened, "org_units")


# --- Rows refused one by one ------------------------------------------------------------------


def _crafted(
    sender: Workspace,
    recipient: Workspace,
    tables: dict[str, list[dict[str, Any]]],
    folder: Path,
) -> Path:
    """A bundle signed with the sender's own keys, holding exactly `tables` (row objects)."""
    with sender.database.session() as session:
        keys = site_keys(session, sender.site_id)
    manifest = new_manifest(
        sender=own_card(sender),
        recipient=recipient.site_id,
        full=True,
        seq_from=None,
        seq_to=1,
        newest_stamp=max((row["v"] for rows in tables.values() for row in rows), default=""),
        acks={},
        counts={name: len(rows) for name, rows in tables.items()},
        scope_unit="",
    )
    data = write_bundle(
        manifest,
        {name: [encode_line(row) for row in rows] for name, rows in tables.items()},
        keys,
        own_card(recipient).box_public,
    )
    path = folder / f"crafted-{uuid.uuid4().hex[:8]}.antqsync"
    path.write_bytes(data)
    return path


def _rows(
    ward: Workspace, district: Workspace, courier: Courier
) -> dict[str, list[dict[str, Any]]]:
    """The rows of a genuine bundle from the ward, as row objects to edit."""
    opened = _opened(district, courier.export(ward, district))
    return {
        name: [dict(row, f=dict(row["f"])) for row in rows] for name, rows in opened.tables.items()
    }


def test_rows_that_cannot_be_placed_are_rejected_with_their_reason(
    wards_and_district: dict[str, Workspace], courier: Courier, tmp_path: Path
) -> None:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    records = fill_ward(ward, WARD_1_ID)
    tables = _rows(ward, district, courier)
    first, second = (
        next(row for row in tables["people"] if row["id"] == person_id)
        for person_id in records.people
    )
    first["f"]["unit_id"] = unit_id("27099")  # a ward neither book knows
    second["f"]["phone"] = 12345  # a number where text belongs
    tables["programs"].append(tables["programs"][0])  # the same row twice
    summary = importer.import_bundle(district, _crafted(ward, district, tables, tmp_path))
    assert sorted_rejections(summary) == {
        "programs": [(records.program, "sync.twice_in_bundle")],
        "people": sorted(
            [(first["id"], "sync.missing_parent"), (second["id"], "sync.invalid_row")]
        ),
        # What hangs from the rejected people is refused too: the first is a member and took
        # part in the shift; the second has the rehabilitation case, whose file hangs from it.
        "memberships": [(records.membership, "sync.missing_parent")],
        "patrol_participants": [(only_id(tables, "patrol_participants"), "sync.missing_parent")],
        "rehab_cases": [(records.case, "sync.missing_parent")],
        "rehab_helpers": [(only_id(tables, "rehab_helpers"), "sync.missing_parent")],
        "follow_ups": [(only_id(tables, "follow_ups"), "sync.missing_parent")],
        "supports": [(only_id(tables, "supports"), "sync.missing_parent")],
    }
    reason = dict(summary.tables["people"].reasons)[first["id"]]
    assert unit_id("27099") in reason.render("en")
    assert "org_units" in reason.render("en")
    assert summary.gap  # rows were left out: the sender should send them again later
    held = synced_rows(district)
    assert records.people[0] not in held["people"]
    assert records.people[1] not in held["people"]
    # Everything else went in: the program (once), its group, the shift and its finding.
    assert {records.program, records.group, records.shift} <= (
        set(held["programs"]) | set(held["community_groups"]) | set(held["patrol_shifts"])
    )
    assert len(held["findings"]) == 1
    assert len(held["evaluations"]) == 1


def sorted_rejections(summary: importer.ImportSummary) -> dict[str, list[tuple[str, str]]]:
    return {name: sorted(rows) for name, rows in rejections(summary).items()}


def only_id(tables: dict[str, list[dict[str, Any]]], table: str) -> str:
    (row,) = tables[table]
    return str(row["id"])


def test_a_unit_whose_code_another_unit_holds_is_rejected(
    wards_and_district: dict[str, Workspace], courier: Courier, tmp_path: Path
) -> None:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    records = fill_ward(ward, WARD_1_ID)
    tables = _rows(ward, district, courier)
    impostor = str(uuid.uuid4())
    (unit,) = (row for row in tables["org_units"] if row["id"] == WARD_1_ID)
    # Another unit with the district's code: the district's book holds that code already.
    clash = dict(unit, id=impostor, f=dict(unit["f"], code="773", name="Quận Bốn"))
    clash.pop("r", None)
    person = next(row for row in tables["people"] if row["id"] == records.people[0])
    moved = dict(person, f=dict(person["f"], unit_id=impostor, full_name="Nguyễn Văn Mới"))
    crafted = {"org_units": [clash], "people": [moved]}
    before = synced_rows(district)
    summary = importer.import_bundle(district, _crafted(ward, district, crafted, tmp_path))
    assert rejections(summary) == {
        "org_units": [(impostor, "sync.unit_code_held")],
        "people": [(records.people[0], "sync.missing_parent")],
    }
    assert synced_rows(district) == before


def test_a_new_sender_is_accepted_only_when_a_person_says_so(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward, district = wards_and_district["ward2"], wards_and_district["district"]
    peers.remove_peer(district, ward.site_id)
    fill_ward(ward, WARD_2_ID)
    path = courier.export(ward, district)
    before = synced_rows(district)
    with pytest.raises(importer.UnknownSender) as unknown:
        importer.import_bundle(district, path)
    assert unknown.value.card.unit_code == WARD_2.code
    assert synced_rows(district) == before
    assert ward.site_id not in {peer.site_id for peer in peers.list_peers(district)}
    summary = importer.import_bundle(district, path, accept_new_sender=True)
    assert summary.new_sender
    assert summary.total("new") == 14
    assert _peer(district, ward).fingerprint == unknown.value.card.fingerprint


def test_an_old_bundle_imported_late_does_not_undo_the_acknowledgement(
    wards_and_district: dict[str, Workspace], courier: Courier
) -> None:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    old = courier.export(district, ward)  # made before the district heard from the ward
    fill_ward(ward, WARD_1_ID)
    courier.send(ward, district)
    importer.import_bundle(ward, courier.export(district, ward))
    acked = _peer(ward, district).acked_seq
    assert acked is not None
    importer.import_bundle(ward, old)
    assert _peer(ward, district).acked_seq == acked
    assert not _opened(district, courier.export(ward, district)).manifest.full


def test_a_peer_that_restored_a_backup_is_sent_again_what_it_lost(
    wards_and_district: dict[str, Workspace], courier: Courier, tmp_path: Path
) -> None:
    """Through the application's backup and restore (which moves the change counter on, so
    the restored book's next word counts as its newest)."""
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    people.create_person(ward, PersonInput(WARD_1_ID, "Nguyễn Văn An"))
    courier.send(ward, district)
    courier.send(district, ward)  # acknowledged
    backup = backups.back_up(district, tmp_path, now=datetime.now(UTC))
    later = people.create_person(ward, PersonInput(WARD_1_ID, "Trần Thị Bình"))
    courier.send(ward, district)
    courier.send(district, ward)  # acknowledged too
    backups.restore_open(district, backup)
    assert later.id not in synced_rows(district)["people"]  # lost with the restore
    courier.send(district, ward)  # its word after the restore
    summary = courier.send(ward, district)
    assert not summary.gap
    assert later.id in synced_rows(district)["people"]
