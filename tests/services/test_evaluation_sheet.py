"""The quarter's evaluation sheet: exact figures per program on hand-built records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import event

from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    GroupStatus,
    MaintainingBody,
    ProgramKind,
    ProgramStatus,
    Rating,
    RehabCategory,
    RehabStatus,
    UnitLevel,
)
from antq_desktop.domain.text import fold
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import evaluation_sheet, evaluations
from antq_desktop.services.errors import NotFound
from antq_desktop.services.evaluation_sheet import SheetRow, evaluate_program, quarter_sheet
from antq_desktop.services.units import create_unit
from antq_desktop.services.workspace import NewUnit, Workspace
from antq_desktop.store.models import (
    Evaluation,
    Finding,
    Group,
    PatrolParticipant,
    PatrolShift,
    Person,
    Program,
    RehabCase,
)

DELETED = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Book:
    apartment: str
    boarding: str
    rehab: str
    later: str
    other_ward: str


def person(unit_id: str, name: str) -> Person:
    return Person(unit_id=unit_id, full_name=name, sort_key=name, search_text=fold(name))


def program(unit_id: str, name: str, **overrides: object) -> Program:
    values: dict[str, object] = {
        "unit_id": unit_id,
        "name": name,
        "name_folded": fold(name),
        "kind": ProgramKind.APARTMENT_BLOCK,
        "maintaining_body": MaintainingBody.POLICE,
        "status": ProgramStatus.ACTIVE,
        "started_on": date(2020, 1, 1),
    }
    values.update(overrides)
    return Program(**values)


def group(program_id: str, unit_id: str, **overrides: object) -> Group:
    values: dict[str, object] = {
        "program_id": program_id,
        "unit_id": unit_id,
        "name": "Tổ",
        "name_folded": "to",
        "status": GroupStatus.ACTIVE,
    }
    values.update(overrides)
    return Group(**values)


def finding(shift: PatrolShift, **overrides: object) -> Finding:
    values: dict[str, object] = {
        "shift_id": shift.id,
        "category": FindingCategory.THEFT,
        "action": FindingAction.REMINDED,
    }
    values.update(overrides)
    return Finding(**values)


@pytest.fixture
def book(workspace: Workspace, unit_id: str, district_id: str) -> Book:
    """District 773 > ward 27262 (the own unit) and ward 27265, with work around 2024 Q1."""
    ward = unit_id
    other_ward = create_unit(
        workspace, NewUnit("Phường 8", "27265", UnitLevel.WARD), parent_id=district_id
    ).id
    with workspace.database.transaction() as session:
        apartment = program(ward, "Chung cư H3", annual_budget_vnd=50_000_000)
        boarding = program(other_ward, "Nhà trọ tự quản", kind=ProgramKind.BOARDING_HOUSE)
        rehab = program(district_id, "5+1 Quận 4", kind=ProgramKind.REHABILITATION_5_PLUS_1,
                        annual_budget_vnd=120_000_000)  # fmt: skip
        later = program(ward, "Bắt đầu quý 2", started_on=date(2024, 4, 1))
        ended = program(ward, "Đã kết thúc", ended_on=date(2023, 12, 31))
        deleted = program(ward, "Đã xóa", deleted_at=DELETED)
        session.add_all([apartment, boarding, rehab, later, ended, deleted])
        session.flush()
        block = group(apartment.id, ward)
        removed_group = group(apartment.id, ward, deleted_at=DELETED)
        lodgings = group(boarding.id, other_ward)
        people = [person(ward, f"Người {n}") for n in range(8)]
        session.add_all([block, removed_group, lodgings, *people])
        session.flush()

        def shift(of: Group, day: date, others: int, **more: object) -> PatrolShift:
            return PatrolShift(group_id=of.id, shift_date=day, others_count=others, **more)

        first_day = shift(block, date(2024, 1, 1), 2)
        last_day = shift(block, date(2024, 3, 31), 0)
        day_before = shift(block, date(2023, 12, 31), 5)
        day_after = shift(block, date(2024, 4, 1), 5)
        removed_shift = shift(block, date(2024, 2, 10), 9, deleted_at=DELETED)
        of_removed_group = shift(removed_group, date(2024, 2, 11), 7)
        at_lodgings = shift(lodgings, date(2024, 2, 1), 3)
        session.add_all([first_day, last_day, day_before, day_after, removed_shift,
                         of_removed_group, at_lodgings])  # fmt: skip
        session.flush()
        session.add_all(
            [
                PatrolParticipant(shift_id=first_day.id, person_id=people[0].id),
                PatrolParticipant(shift_id=first_day.id, person_id=people[1].id),
                PatrolParticipant(shift_id=first_day.id, person_id=people[2].id,
                                  deleted_at=DELETED),
                PatrolParticipant(shift_id=last_day.id, person_id=people[0].id),
                PatrolParticipant(shift_id=day_before.id, person_id=people[0].id),
                PatrolParticipant(shift_id=removed_shift.id, person_id=people[0].id),
                PatrolParticipant(shift_id=of_removed_group.id, person_id=people[0].id),
                PatrolParticipant(shift_id=at_lodgings.id, person_id=people[3].id),
                finding(first_day),
                finding(first_day, deleted_at=DELETED),
                finding(day_before, category=FindingCategory.DRUGS),
                finding(removed_shift),
                finding(of_removed_group),
                finding(at_lodgings),
                finding(at_lodgings, category=FindingCategory.FIRE_SAFETY),
            ]
        )  # fmt: skip

        def case(who: Person, opened: date, status: RehabStatus, since: date,
                 **more: object) -> RehabCase:  # fmt: skip
            values: dict[str, object] = {"program_id": rehab.id} | more
            return RehabCase(person_id=who.id, unit_id=ward, category=RehabCategory.AFTER_PRISON,
                             opened_on=opened, status=status, status_since=since,
                             **values)  # fmt: skip

        session.add_all(
            [
                case(people[0], date(2023, 6, 1), RehabStatus.ACTIVE, date(2023, 6, 1)),
                # the same person again in a second case: one person helped
                case(people[0], date(2024, 1, 5), RehabStatus.ACTIVE, date(2024, 1, 5)),
                case(people[1], date(2023, 1, 1), RehabStatus.PROGRESSED, date(2024, 2, 15)),
                case(people[2], date(2023, 1, 1), RehabStatus.REOFFENDED, date(2024, 3, 31),
                     closed_on=date(2024, 3, 31)),
                case(people[3], date(2024, 4, 1), RehabStatus.ACTIVE, date(2024, 4, 1)),
                case(people[4], date(2022, 1, 1), RehabStatus.PROGRESSED, date(2023, 12, 31),
                     closed_on=date(2023, 12, 31)),
                case(people[5], date(2023, 1, 1), RehabStatus.PROGRESSED, date(2024, 1, 2),
                     deleted_at=DELETED),
                case(people[6], date(2023, 1, 1), RehabStatus.ACTIVE, date(2023, 1, 1),
                     program_id=None),
                # progressed before the quarter: helped in it, but not progressed in it
                case(people[7], date(2022, 1, 1), RehabStatus.PROGRESSED, date(2023, 11, 1)),
            ]
        )  # fmt: skip
        session.add_all(
            [
                Evaluation(program_id=boarding.id, year=2024, quarter=1,
                           rating=Rating.EFFECTIVE, deleted_at=DELETED),
                Evaluation(program_id=rehab.id, year=2023, quarter=4,
                           rating=Rating.INEFFECTIVE),
            ]
        )  # fmt: skip
    return Book(apartment.id, boarding.id, rehab.id, later.id, other_ward)


def by_name(rows: list[SheetRow]) -> dict[str, SheetRow]:
    return {row.program_name: row for row in rows}


def test_the_figures_of_each_program_for_the_quarter(
    workspace: Workspace, district_id: str, book: Book
) -> None:
    rows = quarter_sheet(workspace, district_id, 2024, 1)

    assert [row.program_name for row in rows] == ["5+1 Quận 4", "Chung cư H3", "Nhà trọ tự quản"]
    sheet = by_name(rows)
    apartment = sheet["Chung cư H3"]
    # the first and the last day of the quarter count; the removed shift, group, participant and
    # finding do not
    assert (apartment.patrol_shifts, apartment.participant_turns, apartment.findings) == (2, 5, 1)
    assert (apartment.people_helped, apartment.progressed, apartment.reoffended) == (None,) * 3
    assert apartment.annual_budget_vnd == 50_000_000
    assert (apartment.unit_name, apartment.kind) == ("Phường 9", ProgramKind.APARTMENT_BLOCK)
    boarding = sheet["Nhà trọ tự quản"]
    assert (boarding.patrol_shifts, boarding.participant_turns, boarding.findings) == (1, 4, 2)
    assert boarding.unit_id == book.other_ward
    rehab = sheet["5+1 Quận 4"]
    assert (rehab.people_helped, rehab.progressed, rehab.reoffended) == (4, 1, 1)
    assert (rehab.patrol_shifts, rehab.annual_budget_vnd) == (0, 120_000_000)
    # not evaluated for this quarter (the boarding house's evaluation is tombstoned; the 5+1
    # program's belongs to another quarter)
    assert all(row.evaluation_id is None and row.rating is None for row in rows)
    assert rehab.indicators() == {
        "patrol_shifts": 0.0,
        "participant_turns": 0.0,
        "findings": 0.0,
        "people_helped": 4.0,
        "progressed": 1.0,
        "reoffended": 1.0,
        "annual_budget_vnd": 120_000_000.0,
    }
    assert set(apartment.indicators()) == {
        "patrol_shifts", "participant_turns", "findings", "annual_budget_vnd"
    }  # fmt: skip
    assert set(evaluation_sheet.INDICATOR_LABELS) >= set(rehab.indicators())


def test_the_neighbouring_quarters(workspace: Workspace, district_id: str, book: Book) -> None:
    before = by_name(quarter_sheet(workspace, district_id, 2023, 4))
    assert set(before) == {"5+1 Quận 4", "Chung cư H3", "Nhà trọ tự quản", "Đã kết thúc"}
    apartment = before["Chung cư H3"]
    assert (apartment.patrol_shifts, apartment.participant_turns, apartment.findings) == (1, 6, 1)
    rehab = before["5+1 Quận 4"]
    assert (rehab.people_helped, rehab.progressed, rehab.reoffended) == (5, 2, 0)
    assert rehab.rating is Rating.INEFFECTIVE
    after = by_name(quarter_sheet(workspace, district_id, 2024, 2))
    assert set(after) == {"5+1 Quận 4", "Chung cư H3", "Nhà trọ tự quản", "Bắt đầu quý 2"}
    apartment = after["Chung cư H3"]
    assert (apartment.patrol_shifts, apartment.participant_turns, apartment.findings) == (1, 5, 0)
    assert after["5+1 Quận 4"].people_helped == 4  # the case closed on 31/03 no longer counts


def test_a_ward_sees_only_its_own_programs(workspace: Workspace, unit_id: str, book: Book) -> None:
    assert [row.program_name for row in quarter_sheet(workspace, unit_id, 2024, 1)] == [
        "Chung cư H3"
    ]
    assert [row.program_name for row in quarter_sheet(workspace, book.other_ward, 2024, 1)] == [
        "Nhà trọ tự quản"
    ]
    with pytest.raises(NotFound):
        quarter_sheet(workspace, "no-such-unit", 2024, 1)


def test_evaluating_saves_the_figures_and_the_sheet_shows_it(
    workspace: Workspace, district_id: str, book: Book
) -> None:
    view = evaluate_program(
        workspace, book.apartment, 2024, 1, Rating.EFFECTIVE, " Duy trì tốt ", "Nguyễn Văn An"
    )

    assert view.indicators == {
        "patrol_shifts": 2.0,
        "participant_turns": 5.0,
        "findings": 1.0,
        "annual_budget_vnd": 50_000_000.0,
    }
    row = by_name(quarter_sheet(workspace, district_id, 2024, 1))["Chung cư H3"]
    assert (row.evaluation_id, row.rating) == (view.id, Rating.EFFECTIVE)
    assert (row.comment, row.evaluator) == ("Duy trì tốt", "Nguyễn Văn An")
    # other quarters are not touched
    assert by_name(quarter_sheet(workspace, district_id, 2024, 2))["Chung cư H3"].rating is None
    evaluations.delete_evaluation(workspace, view.id)
    assert by_name(quarter_sheet(workspace, district_id, 2024, 1))["Chung cư H3"].rating is None


def test_evaluating_is_refused_as_record_evaluation_refuses(
    workspace: Workspace, book: Book
) -> None:
    with pytest.raises(ValidationFailed) as early:
        evaluate_program(workspace, book.later, 2024, 1, Rating.EFFECTIVE)
    assert early.value.fields() == {"quarter"}
    with pytest.raises(ValidationFailed) as future:
        evaluate_program(workspace, book.apartment, 2024, 3, Rating.EFFECTIVE)
    assert future.value.fields() == {"quarter"}
    with pytest.raises(ValidationFailed) as bad_quarter:
        evaluate_program(workspace, book.apartment, 2024, 5, Rating.EFFECTIVE)
    assert bad_quarter.value.fields() == {"quarter"}


@pytest.fixture
def statements(workspace: Workspace) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(workspace.database.engine, "before_cursor_execute", count)
    yield seen
    event.remove(workspace.database.engine, "before_cursor_execute", count)


def test_the_queries_do_not_grow_with_the_programs(
    workspace: Workspace, district_id: str, book: Book, statements: list[str]
) -> None:
    quarter_sheet(workspace, district_id, 2024, 1)
    few = len(statements)
    with workspace.database.transaction() as session:
        session.add_all(program(district_id, f"Thêm {n}") for n in range(20))
    statements.clear()
    assert len(quarter_sheet(workspace, district_id, 2024, 1)) == 23
    assert len(statements) == few <= 8
