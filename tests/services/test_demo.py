"""The demo data: the published hcmc-2023 figures, consistency of every record, reproducibility."""

from __future__ import annotations

import random
import sqlite3
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from antq_desktop.domain.clock import Stamp
from antq_desktop.domain.enums import Gender, HelperKind, ProgramKind, UnitLevel
from antq_desktop.domain.ids import new_id
from antq_desktop.domain.messages import Message
from antq_desktop.domain.text import name_sort_key
from antq_desktop.domain.validation import ValidationFailed, check_citizen_id, check_phone
from antq_desktop.services import units
from antq_desktop.services.demo import DemoSummary, build_demo, hcmc_2023, scale
from antq_desktop.services.demo.hcmc_units import DISTRICT4_WARDS, DISTRICTS, PROGRAMS
from antq_desktop.services.demo.writer import (
    LEFT_TO_DEFAULTS,
    SYNC_COLUMNS,
    TABLE_COLUMNS,
    uuid7_text,
)
from antq_desktop.services.people import search_text
from antq_desktop.services.statistics import Statistics, compute_statistics
from antq_desktop.services.workspace import NewUnit, StoreError, Workspace, open_workspace
from antq_desktop.store.models import Base, OrgUnit

WHOLE = (date(2015, 1, 1), date(2023, 12, 31))
Q4_2023 = (date(2023, 10, 1), date(2023, 12, 31))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary, list[Message]]:
    path = tmp_path_factory.mktemp("demo") / "hcmc.antqdb"
    messages: list[Message] = []
    summary = build_demo(path, progress=messages.append)
    return path, summary, messages


@pytest.fixture(scope="module")
def workspace(built: tuple[Path, DemoSummary, list[Message]]) -> Iterator[Workspace]:
    ws = open_workspace(built[0], today=lambda: date(2024, 1, 15))
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def db(built: tuple[Path, DemoSummary, list[Message]]) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{built[0]}?mode=ro", uri=True)
    yield connection
    connection.close()


def stats(workspace: Workspace, code: str, period: tuple[date, date]) -> Statistics:
    return compute_statistics(workspace, code, *period)


def subtree_codes(db: sqlite3.Connection, code: str) -> list[str]:
    return [
        row[0]
        for row in db.execute(
            "WITH RECURSIVE tree(id, code) AS (SELECT id, code FROM org_units WHERE code = ? "
            "UNION ALL SELECT o.id, o.code FROM org_units o JOIN tree ON o.parent_id = tree.id) "
            "SELECT code FROM tree",
            (code,),
        )
    ]


# --- The published figures ------------------------------------------------------------------


def test_district4_patrols_are_236_shifts_with_1612_participant_turns(
    workspace: Workspace,
) -> None:
    patrols = stats(workspace, "773", WHOLE).patrols
    assert (patrols.shifts, patrols.participant_turns) == (236, 1_612)
    assert patrols.findings > 50
    assert patrols.reminders > 0


def test_district4_five_plus_one_figures(workspace: Workspace) -> None:
    rehab = stats(workspace, "773", WHOLE).rehab
    assert rehab.people == rehab.people_cumulative == 278
    assert rehab.progressed == 84
    assert rehab.reoffended == 19
    assert rehab.job_referrals == 93
    assert rehab.vocational_training == 47
    assert rehab.follow_ups_overdue == hcmc_2023.DISTRICT4_REHAB.overdue == 7


@pytest.mark.parametrize("period", [WHOLE, Q4_2023])
def test_city_has_42_programs_19_by_police_8_effective(
    workspace: Workspace, period: tuple[date, date]
) -> None:
    programs = stats(workspace, "79", period).programs
    assert (programs.total, programs.police_maintained, programs.effective) == (42, 19, 8)
    assert all(count > 0 for kind, count in programs.by_kind.items() if kind != "other")
    assert programs.by_rating["unrated"] > 0


def test_city_totals_include_other_districts(workspace: Workspace) -> None:
    city, district4 = stats(workspace, "79", WHOLE), stats(workspace, "773", WHOLE)
    assert city.patrols.shifts > district4.patrols.shifts
    assert city.patrols.participant_turns > district4.patrols.participant_turns
    assert city.rehab.people > district4.rehab.people


def test_effective_programs_are_all_maintained_by_police() -> None:
    effective = [
        spec for spec in PROGRAMS if spec.rating is not None and spec.rating == "effective"
    ]
    assert len(effective) == 8
    assert all(spec.body == "police" for spec in effective)


def test_district4_budget_is_five_to_seven_billion_a_year(db: sqlite3.Connection) -> None:
    codes = subtree_codes(db, "773")
    marks = ",".join("?" * len(codes))
    total = db.execute(
        "SELECT sum(annual_budget_vnd) FROM programs JOIN org_units ON org_units.id = unit_id "
        f"WHERE org_units.code IN ({marks})",
        codes,
    ).fetchone()[0]
    assert 5_000_000_000 <= total <= 7_000_000_000


# --- Units -------------------------------------------------------------------------------------


def test_units_tree(workspace: Workspace) -> None:
    listed = units.list_units(workspace)
    by_code = {unit.code: unit for unit in listed}
    city = by_code["79"]
    assert (city.level, city.parent_id, city.place_name) == (
        UnitLevel.PROVINCE,
        None,
        "Thành phố Hồ Chí Minh",
    )
    assert len(listed) == 1 + len(DISTRICTS) + len(DISTRICT4_WARDS) == 36
    assert all(by_code[code].parent_id == city.id for code, _ in DISTRICTS)
    district4 = by_code["773"]
    assert (district4.name, district4.place_name) == ("Quận 4", "Quận 4")
    assert all(by_code[code].parent_id == district4.id for code, _ in DISTRICT4_WARDS)
    assert by_code["27262"].name == "Phường 09"
    assert by_code["27262"].place_name == "Phường 9"
    assert by_code["769"].name == "Thành phố Thủ Đức"


# --- Consistency of the records ----------------------------------------------------------------


def test_district4_shifts_come_only_from_its_apartment_block_groups(
    db: sqlite3.Connection,
) -> None:
    codes = subtree_codes(db, "773")
    marks = ",".join("?" * len(codes))
    rows = db.execute(
        "SELECT programs.kind, programs.name, count(*) FROM patrol_shifts "
        "JOIN community_groups g ON g.id = patrol_shifts.group_id "
        "JOIN programs ON programs.id = g.program_id "
        "JOIN org_units u ON u.id = g.unit_id "
        f"WHERE u.code IN ({marks}) GROUP BY programs.id",
        codes,
    ).fetchall()
    assert rows == [
        (ProgramKind.APARTMENT_BLOCK.value, "Tổ tự quản an ninh trật tự chung cư Quận 4", 236)
    ]


def test_participants_were_members_of_the_group_on_the_shift_date(db: sqlite3.Connection) -> None:
    outsiders = db.execute(
        "SELECT count(*) FROM patrol_participants p "
        "JOIN patrol_shifts s ON s.id = p.shift_id "
        "WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = s.group_id "
        "AND m.person_id = p.person_id AND m.joined_on <= s.shift_date "
        "AND (m.left_on IS NULL OR m.left_on >= s.shift_date))"
    ).fetchone()[0]
    assert outsiders == 0
    twice = db.execute(
        "SELECT count(*) FROM (SELECT shift_id, person_id FROM patrol_participants "
        "GROUP BY shift_id, person_id HAVING count(*) > 1)"
    ).fetchone()[0]
    assert twice == 0


def test_groups_have_one_leader_at_a_time_and_no_overlapping_spans(db: sqlite3.Connection) -> None:
    overlaps = db.execute(
        "SELECT count(*) FROM memberships a JOIN memberships b ON a.group_id = b.group_id "
        "AND a.id < b.id AND (a.person_id = b.person_id OR (a.role = 'leader' AND b.role = "
        "'leader')) AND a.joined_on <= coalesce(b.left_on, '9999-12-31') "
        "AND b.joined_on <= coalesce(a.left_on, '9999-12-31')"
    ).fetchone()[0]
    assert overlaps == 0
    assert db.execute("SELECT count(*) FROM memberships WHERE left_on < joined_on").fetchone() == (
        0,
    )


def test_every_person_passes_the_domain_checks(db: sqlite3.Connection) -> None:
    people = db.execute(
        "SELECT full_name, gender, birth_date, citizen_id, phone, sort_key, search_text FROM people"
    ).fetchall()
    assert len(people) > 500
    provinces = set()
    for full_name, gender, birth, citizen_id, phone, sort_key, searched in people:
        assert unicodedata.is_normalized("NFC", full_name)
        assert len(full_name.split()) >= 3
        born = date.fromisoformat(birth)
        assert citizen_id is not None
        assert check_citizen_id(citizen_id, birth_date=born, gender=Gender(gender)) == citizen_id
        provinces.add(citizen_id[:3])
        if phone is not None:
            assert check_phone(phone) == phone
        assert sort_key == name_sort_key(full_name)
        assert searched == search_text(full_name, citizen_id, phone)
    assert "079" in provinces  # mostly born in the city…
    assert len(provinces) > 5  # …and some migrants
    unique = db.execute("SELECT count(DISTINCT citizen_id) FROM people").fetchone()[0]
    assert unique == len(people)


def test_rehab_cases_are_consistent(db: sqlite3.Connection) -> None:
    assert db.execute(
        "SELECT count(*) FROM rehab_cases WHERE opened_on < '2015-01-01' OR opened_on > "
        "'2023-12-31' OR status_since < opened_on OR status_since > '2023-12-31' "
        "OR (closed_on IS NOT NULL) != (status IN ('closed', 'moved_away')) "
        "OR (closed_on IS NOT NULL AND closed_on != status_since)"
    ).fetchone() == (0,)
    assert db.execute(
        "SELECT count(*) FROM follow_ups f JOIN rehab_cases c ON c.id = f.case_id "
        "WHERE f.held_on < c.opened_on OR f.held_on > '2023-12-31' OR f.next_due_on <= f.held_on "
        "OR f.helper_id NOT IN (SELECT id FROM rehab_helpers h WHERE h.case_id = c.id)"
    ).fetchone() == (0,)
    assert db.execute(
        "SELECT count(*) FROM supports s JOIN rehab_cases c ON c.id = s.case_id "
        "WHERE s.started_on < c.opened_on OR s.started_on > '2023-12-31'"
    ).fetchone() == (0,)
    teams = db.execute(
        "SELECT sum(kind != ?), sum(kind = ?) FROM rehab_helpers GROUP BY case_id",
        (HelperKind.FAMILY.value, HelperKind.FAMILY.value),
    ).fetchall()
    assert teams
    assert all(1 <= organisations <= 5 and family == 1 for organisations, family in teams)
    assert db.execute(
        "SELECT count(*) FROM (SELECT person_id FROM rehab_cases GROUP BY person_id "
        "HAVING count(*) > 1)"
    ).fetchone() == (0,)


def test_district4_cases_all_belong_to_its_five_plus_one_program(db: sqlite3.Connection) -> None:
    codes = subtree_codes(db, "773")
    marks = ",".join("?" * len(codes))
    programs = db.execute(
        "SELECT DISTINCT programs.name FROM rehab_cases c JOIN org_units u ON u.id = c.unit_id "
        f"JOIN programs ON programs.id = c.program_id WHERE u.code IN ({marks})",
        codes,
    ).fetchall()
    assert programs == [('Mô hình "5+1" giúp đỡ người lầm lỗi tái hòa nhập cộng đồng Quận 4',)]


def test_evaluations_cover_2022_and_2023(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT min(year * 10 + quarter), max(year * 10 + quarter), count(DISTINCT program_id) "
        "FROM evaluations"
    ).fetchone()
    assert rows == (20221, 20234, 38)
    assert db.execute(
        "SELECT count(*) FROM evaluations WHERE indicators NOT LIKE '{%}'"
    ).fetchone() == (0,)


def test_file_is_whole_indexed_and_in_wal_mode(db: sqlite3.Connection, tmp_path: Path) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    expected = {index.name for table in Base.metadata.tables.values() for index in table.indexes}
    assert expected <= indexes


def test_version_stamps_are_unique_and_later_edits_come_after_them(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    stamps = [
        row[0] for table in TABLE_COLUMNS for row in db.execute(f"SELECT version FROM {table}")
    ]
    assert len(set(stamps)) == len(stamps)
    newest = max(Stamp.decode(stamp) for stamp in stamps)
    copy = tmp_path / "copy.antqdb"
    target = sqlite3.connect(copy)
    db.backup(target)
    target.close()
    workspace = open_workspace(copy)
    try:
        unit = units.create_unit(workspace, NewUnit("Phường thử", "99999999", UnitLevel.WARD))
        with workspace.database.session() as session:
            record = session.get(OrgUnit, unit.id)
            assert record is not None
            assert Stamp.decode(record.version) > newest
    finally:
        workspace.close()


def test_writer_columns_match_the_tables() -> None:
    for table, columns in TABLE_COLUMNS.items():
        model_columns = set(Base.metadata.tables[table].columns.keys())
        assert set(SYNC_COLUMNS + LEFT_TO_DEFAULTS + columns) == model_columns, table


def test_fast_ids_are_the_ids_of_new_id() -> None:
    first, second = random.Random(7), random.Random(7)
    for unix_ms in (0, 1, 1_700_000_000_000, (1 << 48) - 1, 1_420_070_400_000):
        for _ in range(50):
            assert uuid7_text(unix_ms, first) == new_id(unix_ms, second)


# --- The build itself --------------------------------------------------------------------------


def test_summary_counts_the_rows_and_reports_progress(
    built: tuple[Path, DemoSummary, list[Message]], db: sqlite3.Connection
) -> None:
    _, summary, messages = built
    for table, count in summary.counts.items():
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone() == (count,)
    assert summary.counts["programs"] == 42
    assert summary.seconds > 0
    assert messages
    assert all(step.render("vi") != step.render("en") for step in messages)


def test_same_call_gives_the_same_data(
    built: tuple[Path, DemoSummary, list[Message]], db: sqlite3.Connection, tmp_path: Path
) -> None:
    again = build_demo(tmp_path / "again.antqdb")
    assert again.counts == built[1].counts
    other = sqlite3.connect(tmp_path / "again.antqdb")
    try:
        query = "SELECT id, full_name, citizen_id, phone, address FROM people ORDER BY id"
        assert other.execute(query).fetchall() == db.execute(query).fetchall()
        query = "SELECT id, shift_date, others_count FROM patrol_shifts ORDER BY id"
        assert other.execute(query).fetchall() == db.execute(query).fetchall()
    finally:
        other.close()


def test_existing_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "taken.antqdb"
    path.write_bytes(b"not a database, but someone's file")
    with pytest.raises(StoreError):
        build_demo(path)
    assert path.read_bytes() == b"not a database, but someone's file"


def test_a_failure_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("generator failed")

    monkeypatch.setattr(scale, "build", broken)
    path = tmp_path / "broken.antqdb"
    with pytest.raises(RuntimeError, match="generator failed"):
        build_demo(path, scale=1)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("scenario", "wards", "field"), [("hanoi", 0, "scenario"), (None, -1, "scale")]
)
def test_bad_arguments_are_refused_before_anything_is_written(
    tmp_path: Path, scenario: str | None, wards: int, field: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        build_demo(tmp_path / "x.antqdb", scenario=scenario or "hcmc-2023", scale=wards)
    assert refused.value.fields() == {field}
    assert list(tmp_path.iterdir()) == []


def test_small_scale_adds_a_synthetic_district_and_keeps_district4(
    tmp_path: Path, built: tuple[Path, DemoSummary, list[Message]]
) -> None:
    path = tmp_path / "scale.antqdb"
    summary = build_demo(path, scale=2)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        wards = connection.execute(
            "SELECT w.code, w.name FROM org_units w JOIN org_units d ON d.id = w.parent_id "
            "WHERE d.code = ? ORDER BY w.code",
            (scale.DISTRICT_CODE,),
        ).fetchall()
    finally:
        connection.close()
    assert wards == [("7999900001", "Phường mẫu 001"), ("7999900002", "Phường mẫu 002")]
    base = built[1].counts
    assert summary.counts["people"] - base["people"] > 2 * 1_000
    assert summary.counts["patrol_shifts"] - base["patrol_shifts"] > 2 * 5_000
    workspace = open_workspace(path)
    try:
        big = stats(workspace, scale.DISTRICT_CODE, WHOLE)
        assert big.unit_name == "Quận mẫu quy mô 2 phường"
        assert big.groups == 2 * scale.GROUPS_PER_WARD
        assert big.patrols.shifts > 2 * 5_000
        assert 2 < big.patrols.participant_turns / big.patrols.shifts < 5
        assert big.rehab.people == 2 * sum(scale.WARD_REHAB.opened_per_year.values())
        district4 = stats(workspace, "773", WHOLE)
        assert (district4.patrols.shifts, district4.patrols.participant_turns) == (236, 1_612)
        assert (district4.rehab.people, district4.rehab.progressed) == (278, 84)
        assert (district4.rehab.job_referrals, district4.rehab.vocational_training) == (93, 47)
    finally:
        workspace.close()
