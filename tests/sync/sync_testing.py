"""Helpers shared by the sync tests (imported by name, like `tests/services/service_testing.py`).

Books are made once per test session (`BookTemplates`, migrations take a while) and copied for
each test: a copy keeps the template's site id and keys, so copies of one template set are the
same installations, and two tests never share a file.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    FollowUpAssessment,
    FollowUpKind,
    HelperKind,
    ProgramKind,
    Rating,
    RehabCategory,
    SupportKind,
    UnitLevel,
)
from antq_desktop.domain.ids import unit_id
from antq_desktop.services import (
    evaluations,
    groups,
    memberships,
    patrols,
    people,
    programs,
    rehab,
    rehab_followups,
    rehab_helpers,
)
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace, open_workspace
from antq_desktop.store.base import Base
from antq_desktop.store.stamping import expand_fields
from antq_desktop.sync import exporter, importer, peers
from antq_desktop.sync.importer import ImportSummary
from antq_desktop.sync.keys import CARD_SUFFIX
from antq_desktop.sync.merge import json_text
from antq_desktop.sync.tables import SYNC_TABLES

CITY = NewUnit("Thành phố Hồ Chí Minh", "79", UnitLevel.PROVINCE)
DISTRICT = NewUnit("Quận 4", "773", UnitLevel.DISTRICT)
WARD_1 = NewUnit("Phường 1", "27001", UnitLevel.WARD)
WARD_2 = NewUnit("Phường 2", "27002", UnitLevel.WARD)

WARD_1_ID = unit_id(WARD_1.code)
WARD_2_ID = unit_id(WARD_2.code)
DISTRICT_ID = unit_id(DISTRICT.code)
CITY_ID = unit_id(CITY.code)

BookSpec = tuple[str, NewUnit, NewUnit | None]
"""(name, own unit, superior unit) of one installation."""

WARD_TRIO: tuple[BookSpec, ...] = (
    ("ward_pc1", WARD_1, DISTRICT),
    ("ward_pc2", WARD_1, DISTRICT),
    ("district", DISTRICT, CITY),
)
"""One ward's book on two PCs and the district's book."""
DISTRICT_AND_WARDS: tuple[BookSpec, ...] = (
    ("ward1", WARD_1, DISTRICT),
    ("ward2", WARD_2, DISTRICT),
    ("district", DISTRICT, CITY),
)


def _database_files(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))]


class BookTemplates:
    """Sets of books made once: every book of a set knows every other as a peer."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._made: dict[tuple[tuple[BookSpec, ...], str], dict[str, Path]] = {}

    def paths(
        self,
        specs: tuple[BookSpec, ...],
        prepare: Callable[[dict[str, Workspace], Path], None] | None = None,
        tag: str = "",
    ) -> dict[str, Path]:
        """The files of the set `specs` (made with `prepare` run on the open books, once per
        `tag`)."""
        key = (specs, tag)
        if key in self._made:
            return self._made[key]
        folder = self.folder / f"set{len(self._made)}"
        folder.mkdir()
        books = {
            name: create_workspace(folder / f"{name}.antqdb", own, superior_unit=superior)
            for name, own, superior in specs
        }
        trust_each_other(list(books.values()), folder)
        if prepare is not None:
            prepare(books, folder)
        paths = {name: book.path for name, book in books.items()}
        for book in books.values():
            book.close()
        self._made[key] = paths
        return paths

    @staticmethod
    def open_copies(paths: dict[str, Path], folder: Path) -> dict[str, Workspace]:
        folder.mkdir(parents=True, exist_ok=True)
        books = {}
        for name, source in paths.items():
            target = folder / source.name
            for part in _database_files(source):
                if part.exists():
                    shutil.copy(part, target.with_name(part.name))
            books[name] = open_workspace(target, verify=False)
        return books


def trust_each_other(books: list[Workspace], folder: Path) -> None:
    """Every book exports its identity card; every other book imports it."""
    cards = []
    for book in books:
        card = folder / f"{book.site_id}{CARD_SUFFIX}"
        peers.export_identity(book, card)
        cards.append(card)
    for book in books:
        for card in cards:
            if card.stem != book.site_id:
                peers.import_identity(book, card)


@dataclass
class Courier:
    """Carries bundles between books, naming each file once."""

    folder: Path
    made: list[tuple[Path, Workspace, Workspace]] = field(default_factory=list)
    """Every bundle made: (file, sender, recipient)."""

    def export(self, sender: Workspace, recipient: Workspace, *, full: bool = False) -> Path:
        path = self.folder / f"bundle-{len(self.made):04d}.antqsync"
        exporter.export_bundle(sender, path, to=recipient.site_id, full=full)
        self.made.append((path, sender, recipient))
        return path

    def send(self, sender: Workspace, recipient: Workspace, *, full: bool = False) -> ImportSummary:
        return importer.import_bundle(recipient, self.export(sender, recipient, full=full))

    def exchange_all(self, books: Iterable[Workspace]) -> list[ImportSummary]:
        """Every book exports to every other, then every bundle is imported."""
        listed = list(books)
        made = [
            (self.export(sender, recipient), recipient)
            for sender in listed
            for recipient in listed
            if recipient is not sender
        ]
        return [importer.import_bundle(recipient, path) for path, recipient in made]


def all_rows(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the application, sorted: equal before and after means the
    database's content did not change."""
    snapshot: dict[str, list[tuple[Any, ...]]] = {}
    with workspace.database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            rows = [tuple(row) for row in connection.execute(select(table))]
            snapshot[table.name] = sorted(rows, key=repr)
    return snapshot


SyncedRows = dict[str, dict[str, dict[str, Any]]]


def synced_rows(workspace: Workspace) -> SyncedRows:
    """Every column of every synced row, by table and id."""
    result: SyncedRows = {}
    with workspace.database.engine.connect() as connection:
        for table in SYNC_TABLES:
            result[table.name] = {
                row.id: dict(row._mapping) for row in connection.execute(select(table.table))
            }
    return result


FieldState = tuple[str, str]
"""(stamp, value as JSON text) of one field."""


def field_states(workspace: Workspace) -> dict[tuple[str, str], dict[str, FieldState]]:
    """(table, row id) → field → (stamp, JSON value): what merging compares."""
    states: dict[tuple[str, str], dict[str, FieldState]] = {}
    for table_name, rows in synced_rows(workspace).items():
        columns = next(table.columns for table in SYNC_TABLES if table.name == table_name)
        for row_id, row in rows.items():
            stamps = expand_fields(columns, row["version"], _json_map(row["field_versions"]))
            states[(table_name, row_id)] = {
                name: (stamps[name], json_text(row[name])) for name in columns
            }
    return states


def _json_map(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        loaded: dict[str, str] = json.loads(value or "{}")
        return loaded
    return dict(value or {})


def changed_tables(summary: ImportSummary) -> dict[str, dict[str, int]]:
    """The tables an import changed something in (new, updated or conflicts), with the counts."""
    return {
        name: {"new": table.new, "updated": table.updated, "conflicts": table.conflicts}
        for name, table in summary.tables.items()
        if table.new or table.updated or table.conflicts
    }


def rejections(summary: ImportSummary) -> dict[str, list[tuple[str, str]]]:
    """Rejected rows per table: (id, message key)."""
    return {
        name: [(row_id, why.key) for row_id, why in table.reasons]
        for name, table in summary.tables.items()
        if table.rejected
    }


def unique(items: Iterable[Any]) -> Any:
    values = list(items)
    assert len(values) == 1, values
    return values[0]


def edit_person(workspace: Workspace, person_id: str, **changes: Any) -> None:
    """Change some fields of a person through the service, the others as they are."""
    current = people.get_person(workspace, person_id)
    data = {name: getattr(current, name) for name in people.PersonInput.__dataclass_fields__}
    people.update_person(workspace, person_id, people.PersonInput(**{**data, **changes}))


@dataclass(frozen=True)
class WardRecords:
    """Ids of the records `fill_ward` made."""

    people: tuple[str, ...]
    program: str
    group: str
    membership: str
    shift: str
    case: str


def fill_ward(
    workspace: Workspace, unit: str, *, citizen_id: str | None = None, tag: str = ""
) -> WardRecords:
    """A record in every synced table but conflicts, made through the services (so stamped)."""
    first = people.create_person(
        workspace, people.PersonInput(unit, f"Nguyễn Văn An{tag}", citizen_id=citizen_id)
    )
    second = people.create_person(workspace, people.PersonInput(unit, f"Trần Thị Bình{tag}"))
    program = programs.create_program(
        workspace, programs.ProgramInput(unit, f"Tổ tự quản{tag}", ProgramKind.HOUSEHOLD_GROUP)
    )
    group = groups.create_group(workspace, groups.GroupInput(program.id, unit, f"Tổ 1{tag}"))
    member = memberships.add_member(
        workspace, group.id, memberships.MembershipInput(first.id, date(2024, 1, 1))
    )
    shift = patrols.create_shift(
        workspace,
        patrols.ShiftInput(
            group.id,
            date(2024, 2, 3),
            notes="yên tĩnh",
            participant_ids=(first.id,),
            findings=(patrols.FindingInput(FindingCategory.THEFT, FindingAction.REMINDED),),
        ),
    )
    case = rehab.create_case(
        workspace, rehab.CaseInput(second.id, unit, RehabCategory.AFTER_PRISON, date(2024, 1, 10))
    )
    helper = rehab_helpers.add_helper(
        workspace, case.id, rehab_helpers.HelperInput(HelperKind.FAMILY, "Trần Văn Cha")
    )
    rehab_followups.add_follow_up(
        workspace,
        case.id,
        rehab_followups.FollowUpInput(
            date(2024, 2, 1),
            FollowUpKind.HOME_VISIT,
            FollowUpAssessment.STABLE,
            helper_id=helper.id,
        ),
    )
    rehab_followups.add_support(
        workspace, case.id, rehab_followups.SupportInput(SupportKind.LOAN, date(2024, 2, 15))
    )
    evaluations.record_evaluation(workspace, program.id, 2024, 1, Rating.EFFECTIVE)
    return WardRecords((first.id, second.id), program.id, group.id, member.id, shift.id, case.id)
