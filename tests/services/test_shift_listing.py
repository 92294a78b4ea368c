"""The patrol shift list: columns and counts, order, search and filters, and its query plan."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from antq_desktop.domain.enums import FindingAction, FindingCategory, ProgramKind, UnitLevel
from antq_desktop.services.demo import build_demo
from antq_desktop.services.groups import (
    GroupInput,
    MembershipInput,
    add_member,
    create_group,
)
from antq_desktop.services.listing import ListRequest
from antq_desktop.services.patrol_listing import SHIFT_LIST
from antq_desktop.services.patrols import FindingInput, ShiftInput, create_shift, delete_shift
from antq_desktop.services.programs import ProgramInput, create_program
from antq_desktop.services.units import create_unit
from antq_desktop.services.workspace import NewUnit, Workspace, open_workspace

THEFT = FindingInput(FindingCategory.THEFT, FindingAction.REMINDED, "Xe không khóa")


@dataclass(frozen=True)
class Shifts:
    h3: str
    other_ward: str
    """A group of the other ward (below the same district)."""
    h3_june: str
    h3_may: str
    h3_late_may: str
    ward8_may: str


@pytest.fixture
def shifts(
    workspace: Workspace, unit_id: str, district_id: str, make_person: Callable[[str], str]
) -> Shifts:
    ward8 = create_unit(
        workspace, NewUnit("Phường 8", "27265", UnitLevel.WARD), parent_id=district_id
    ).id
    program = create_program(
        workspace, ProgramInput(unit_id, "Chung cư tự quản", ProgramKind.APARTMENT_BLOCK)
    )
    h3 = create_group(workspace, GroupInput(program.id, unit_id, "Tổ chung cư Hoàng Diệu")).id
    other = create_group(workspace, GroupInput(program.id, ward8, "Tổ khu trọ Tôn Đản")).id
    people = [make_person(name) for name in ("Lê Văn Tám", "Trần Thị Út")]
    for person_id in people:
        add_member(workspace, h3, MembershipInput(person_id, date(2024, 1, 1)))

    def shift(group_id: str, day: date, start: time, **more: Any) -> str:
        data = ShiftInput(group_id, day, start, time(23, 0), **more)
        return create_shift(workspace, data).id

    return Shifts(
        h3=h3,
        other_ward=other,
        h3_june=shift(
            h3,
            date(2024, 6, 1),
            time(20, 0),
            area="Lô H3",
            participant_ids=tuple(people),
            findings=(THEFT, THEFT),
            others_count=3,
            residents_reminded=4,
        ),
        h3_may=shift(h3, date(2024, 5, 1), time(19, 0), participant_ids=(people[0],)),
        h3_late_may=shift(h3, date(2024, 5, 1), time(21, 0)),
        ward8_may=shift(other, date(2024, 5, 20), time(20, 0), area="Đường Tôn Đản"),
    )


def ids(workspace: Workspace, **request: Any) -> list[str]:
    return [row.id for row in SHIFT_LIST.page(workspace, ListRequest(**request), 0)]


def test_newest_first_with_counts(workspace: Workspace, shifts: Shifts) -> None:
    rows = SHIFT_LIST.page(workspace, ListRequest(), 0)
    assert [row.id for row in rows] == [
        shifts.h3_june,
        shifts.ward8_may,
        shifts.h3_late_may,
        shifts.h3_may,
    ]
    keys = [column.key for column in SHIFT_LIST.columns]
    june = dict(zip(keys, rows[0].values, strict=True))
    assert june["shift_date"] == date(2024, 6, 1)
    assert june["start_time"] == time(20, 0)
    assert june["group"] == "Tổ chung cư Hoàng Diệu"
    assert june["unit"] == "Phường 9"
    assert june["area"] == "Lô H3"
    assert (june["participants"], june["others_count"], june["findings"]) == (2, 3, 2)
    assert june["residents_reminded"] == 4
    assert SHIFT_LIST.count(workspace, ListRequest()) == 4


def test_deleted_shifts_and_their_children_are_not_counted(
    workspace: Workspace, shifts: Shifts
) -> None:
    delete_shift(workspace, shifts.h3_may)
    assert shifts.h3_may not in ids(workspace)
    assert SHIFT_LIST.count(workspace, ListRequest()) == 3


def test_search_by_group_without_accents_or_by_area(workspace: Workspace, shifts: Shifts) -> None:
    assert set(ids(workspace, query="hoang dieu")) == {
        shifts.h3_june,
        shifts.h3_may,
        shifts.h3_late_may,
    }
    assert ids(workspace, query="TON DAN") == [shifts.ward8_may]
    assert ids(workspace, query="Lô H3") == [shifts.h3_june]


def test_filters(workspace: Workspace, shifts: Shifts, unit_id: str, district_id: str) -> None:
    assert ids(workspace, filters={"group": shifts.other_ward}) == [shifts.ward8_may]
    assert shifts.ward8_may not in ids(workspace, filters={"unit": unit_id})
    assert len(ids(workspace, filters={"unit": district_id})) == 4
    may = {"date_from": date(2024, 5, 1), "date_to": date(2024, 5, 31)}
    assert ids(workspace, filters=may) == [shifts.ward8_may, shifts.h3_late_may, shifts.h3_may]
    assert ids(workspace, filters={**may, "group": shifts.h3}) == [
        shifts.h3_late_may,
        shifts.h3_may,
    ]
    assert ids(workspace, filters={"date_from": None, "group": ""}) == ids(workspace)


def test_sort_by_a_count_column(workspace: Workspace, shifts: Shifts) -> None:
    rows = ids(workspace, sort="participants", descending=True)
    assert rows[0] == shifts.h3_june


# --- the query plan on the demo database ---------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.antqdb"
    build_demo(path)
    workspace = open_workspace(path)
    yield workspace
    workspace.close()


def plan_of_page(workspace: Workspace, request: ListRequest) -> list[str]:
    """EXPLAIN QUERY PLAN of the SELECT that `page()` runs."""
    seen: list[tuple[str, Any]] = []
    engine = workspace.database.engine

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        SHIFT_LIST.page(workspace, request, 0)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    statement, parameters = next(item for item in seen if "LIMIT" in item[0])
    with engine.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        rows = cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
    return [str(row[-1]) for row in rows]


def test_the_default_order_walks_the_date_index(demo: Workspace) -> None:
    plan = plan_of_page(demo, ListRequest())
    assert any(
        step.startswith("SCAN patrol_shifts USING INDEX ix_patrol_shifts_shift_date_start_time")
        for step in plan
    ), plan
    # only the shifts of one day are sorted by time, never the whole table
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
    assert not any(step.startswith("SCAN patrol_participants") for step in plan), plan


def test_a_date_range_searches_the_date_index(demo: Workspace) -> None:
    request = ListRequest(filters={"date_from": date(2023, 10, 1), "date_to": date(2023, 12, 31)})
    plan = plan_of_page(demo, request)
    assert any(
        "ix_patrol_shifts_shift_date_start_time (shift_date>? AND shift_date<?)" in s for s in plan
    )
    assert SHIFT_LIST.count(demo, request) > 0
    with demo.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM patrol_shifts")).scalar()
