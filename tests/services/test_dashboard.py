"""The dashboard pinned on a small hand-built record book seen on 15/06/2024 (quarter 2 of 2024)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from service_testing import TODAY

from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    FollowUpAssessment,
    FollowUpKind,
    GroupStatus,
    MaintainingBody,
    ProgramKind,
    ProgramStatus,
    Rating,
    RehabCategory,
    RehabStatus,
)
from antq_desktop.domain.text import fold
from antq_desktop.services.dashboard import (
    Dashboard,
    MonthCount,
    Quarter,
    TodoReason,
    dashboard,
    month_end,
    months_back,
)
from antq_desktop.services.errors import NotFound
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import (
    Evaluation,
    Finding,
    FollowUp,
    Group,
    PatrolShift,
    Person,
    Program,
    RehabCase,
)

DELETED = datetime(2024, 6, 1, tzinfo=UTC)


def program(unit_id: str, name: str, kind: ProgramKind, **more: object) -> Program:
    values: dict[str, object] = {
        "unit_id": unit_id,
        "name": name,
        "name_folded": fold(name),
        "kind": kind,
        "maintaining_body": MaintainingBody.POLICE,
        "status": ProgramStatus.ACTIVE,
        "started_on": date(2020, 1, 1),
    }
    return Program(**(values | more))


def group(owner: Program, unit_id: str, name: str, **more: object) -> Group:
    values: dict[str, object] = {
        "program_id": owner.id,
        "unit_id": unit_id,
        "name": name,
        "name_folded": fold(name),
        "status": GroupStatus.ACTIVE,
        "formed_on": date(2020, 1, 1),
    }
    return Group(**(values | more))


def finding(shift: PatrolShift, category: FindingCategory, **more: object) -> Finding:
    return Finding(shift_id=shift.id, category=category, action=FindingAction.REMINDED, **more)


@pytest.fixture
def ids(workspace: Workspace, unit_id: str, district_id: str) -> dict[str, str]:
    """The record book (see each comment for the part of the dashboard it pins); returns ids."""
    ward = unit_id
    with workspace.database.transaction() as session:
        apartment = program(ward, "Tổ tự quản chung cư", ProgramKind.APARTMENT_BLOCK)
        camera = program(ward, "Camera an ninh", ProgramKind.CAMERA_SURVEILLANCE)
        club = program(district_id, "Câu lạc bộ chủ nhà trọ",
                       ProgramKind.LANDLORD_WOMEN_WORKER_CLUB)  # fmt: skip
        household = program(ward, "Tổ liên gia tự quản", ProgramKind.HOUSEHOLD_GROUP,
                            started_on=date(2024, 5, 1))  # fmt: skip
        planned = program(ward, "Mô hình dự kiến", ProgramKind.OTHER,
                          status=ProgramStatus.PLANNED)  # fmt: skip
        removed = program(ward, "Mô hình đã xóa", ProgramKind.OTHER, deleted_at=DELETED)
        session.add_all([apartment, camera, club, household, planned, removed])
        session.flush()
        session.add_all(
            [
                Evaluation(program_id=apartment.id, year=2024, quarter=1, rating=Rating.EFFECTIVE),
                Evaluation(program_id=apartment.id, year=2024, quarter=2, rating=Rating.EFFECTIVE),
                Evaluation(program_id=club.id, year=2024, quarter=2,
                           rating=Rating.PARTLY_EFFECTIVE),
                # A deleted evaluation does not count: the camera program is still to evaluate.
                Evaluation(program_id=camera.id, year=2024, quarter=2, rating=Rating.EFFECTIVE,
                           deleted_at=DELETED),
            ]
        )  # fmt: skip
        h3 = group(apartment, ward, "Tổ H3")  # patrolled this month
        h4 = group(apartment, ward, "Tổ H4")  # last live shift in May
        street = group(household, ward, "Tổ liên gia số 1", formed_on=date(2024, 5, 1))
        club_group = group(club, district_id, "Câu lạc bộ Phường 9 cũ")  # patrolled once
        cameras = group(camera, ward, "Nhóm camera")  # a kind that does not patrol, never did
        dissolved = group(apartment, ward, "Tổ giải thể", status=GroupStatus.DISSOLVED,
                          dissolved_on=date(2023, 12, 31))  # fmt: skip
        gone = group(apartment, ward, "Tổ đã xóa", deleted_at=DELETED)
        session.add_all([h3, h4, street, club_group, cameras, dissolved, gone])
        session.flush()

        def shift(owner: Group, day: date, others: int, **more: object) -> PatrolShift:
            return PatrolShift(group_id=owner.id, shift_date=day, others_count=others, **more)

        april = shift(h3, date(2024, 4, 10), 2)
        may = shift(h4, date(2024, 5, 28), 4)
        june = shift(h3, date(2024, 6, 3), 1)
        february = shift(h3, date(2024, 2, 14), 5)
        july = shift(h3, date(2023, 7, 1), 0)
        too_old = shift(h3, date(2023, 6, 30), 0)  # the day before the twelve months
        shifts = [
            april, may, june, february, july, too_old,
            shift(h3, date(2024, 5, 20), 3),
            shift(club_group, date(2023, 9, 9), 0),
            shift(h4, date(2024, 6, 5), 9, deleted_at=DELETED),  # h4 still has none in June
            shift(gone, date(2024, 6, 2), 9),  # the group is deleted: its shift never counts
        ]  # fmt: skip
        session.add_all(shifts)
        session.flush()
        session.add_all(
            [
                finding(april, FindingCategory.THEFT),
                finding(april, FindingCategory.THEFT),
                finding(may, FindingCategory.FIRE_SAFETY),
                finding(june, FindingCategory.DRUGS, deleted_at=DELETED),
                finding(february, FindingCategory.DISORDER),
                finding(july, FindingCategory.TRAFFIC),
                finding(too_old, FindingCategory.DRUGS),
            ]
        )
        people = {
            name: Person(unit_id=ward, full_name=name, sort_key=name, search_text=name)
            for name in ("An", "Bình", "Chi", "Dũng", "Em", "Phúc")
        }
        session.add_all(people.values())
        session.flush()

        def case(
            name: str, opened: date, status: RehabStatus, since: date, **more: object
        ) -> RehabCase:
            return RehabCase(person_id=people[name].id, unit_id=ward, opened_on=opened,
                             category=RehabCategory.AFTER_PRISON, status=status,
                             status_since=since, **more)  # fmt: skip

        cases = {
            "An": case("An", date(2023, 1, 10), RehabStatus.ACTIVE, date(2023, 1, 10)),
            "Bình": case("Bình", date(2024, 4, 1), RehabStatus.ACTIVE, date(2024, 4, 1)),
            "Chi": case("Chi", date(2022, 5, 1), RehabStatus.PROGRESSED, date(2024, 5, 10)),
            "Dũng": case("Dũng", date(2023, 3, 1), RehabStatus.ACTIVE, date(2023, 3, 1)),
            "Em": case("Em", date(2023, 1, 1), RehabStatus.ACTIVE, date(2023, 1, 1),
                       deleted_at=DELETED),
            "Phúc": case("Phúc", date(2021, 1, 1), RehabStatus.REOFFENDED, date(2023, 11, 1)),
        }  # fmt: skip
        session.add_all(cases.values())
        session.flush()

        def follow_up(name: str, held: date, due: date) -> FollowUp:
            return FollowUp(case_id=cases[name].id, held_on=held, next_due_on=due,
                            kind=FollowUpKind.HOME_VISIT,
                            assessment=FollowUpAssessment.STABLE)  # fmt: skip

        session.add_all(
            [follow_up("An", date(2024, 5, 1), date(2024, 6, 1)),
             follow_up("Dũng", date(2024, 6, 10), date(2024, 7, 10))]
        )  # fmt: skip
        records = {"h4": h4, "street": street, "club_group": club_group, "camera": camera,
                   "household": household}  # fmt: skip
        found = {key: record.id for key, record in records.items()}
        return found | {f"case:{name}": record.id for name, record in cases.items()}


def figures(board: Dashboard) -> dict[str, tuple[int, int]]:
    return {figure.key: (figure.current, figure.previous) for figure in board.figures}


def test_this_quarter_against_the_previous_one(workspace: Workspace, ids: dict[str, str]) -> None:
    board = dashboard(workspace, "27262", TODAY)
    assert (board.unit_name, board.today) == ("Phường 9", TODAY)
    assert (board.quarter, board.previous_quarter) == (Quarter(2024, 2), Quarter(2024, 1))
    assert figures(board) == {
        "programs.total": (4, 3),  # the planned one counts; the household one started in May
        "programs.effective": (1, 1),
        "patrols.shifts": (4, 1),
        "patrols.participant_turns": (2 + 4 + 1 + 3, 5),
        "patrols.findings": (3, 1),
        "rehab.people": (5, 4),  # Bình's case opened in April; Em's case is deleted
        "rehab.progressed": (1, 0),
    }
    district = figures(dashboard(workspace, "773", TODAY))
    assert district["programs.total"] == (5, 4)
    assert [figure.change for figure in board.figures] == [1, 0, 3, 5, 2, 1, 1]


def test_shifts_per_month_and_findings_over_twelve_months(
    workspace: Workspace, ids: dict[str, str]
) -> None:
    board = dashboard(workspace, "27262", TODAY)
    assert board.trend_start == date(2023, 7, 1)
    assert board.shifts_by_month == [
        MonthCount(2023, 7, 1), MonthCount(2023, 8, 0), MonthCount(2023, 9, 0),
        MonthCount(2023, 10, 0), MonthCount(2023, 11, 0), MonthCount(2023, 12, 0),
        MonthCount(2024, 1, 0), MonthCount(2024, 2, 1), MonthCount(2024, 3, 0),
        MonthCount(2024, 4, 1), MonthCount(2024, 5, 2), MonthCount(2024, 6, 1),
    ]  # fmt: skip
    assert board.findings_by_category == {
        "theft": 2, "disorder": 1, "fire_safety": 1, "drugs": 0, "traffic": 1, "other": 0
    }  # fmt: skip
    district = dashboard(workspace, "773", TODAY)
    assert district.shifts_by_month[2] == MonthCount(2023, 9, 1)  # the club's only shift


def test_cases_by_status_leave_out_deleted_cases(workspace: Workspace, ids: dict[str, str]) -> None:
    board = dashboard(workspace, "27262", TODAY)
    assert board.cases_by_status == {
        "active": 3, "progressed": 1, "reoffended": 1, "moved_away": 0, "closed": 0
    }  # fmt: skip


def test_the_to_do_list(workspace: Workspace, ids: dict[str, str]) -> None:
    board = dashboard(workspace, "27262", TODAY)
    assert [
        (item.reason, item.record_kind, item.record_id, item.name, item.days_overdue,
         item.last_shift_on)
        for item in board.todo
    ] == [
        # Bình: no follow-up, opened 01/04 + 30 days = due 01/05; An: due 01/06.
        (TodoReason.OVERDUE_FOLLOW_UP, "RehabCase", ids["case:Bình"], "Bình", 45, None),
        (TodoReason.OVERDUE_FOLLOW_UP, "RehabCase", ids["case:An"], "An", 14, None),
        (TodoReason.NO_SHIFT_THIS_MONTH, "Group", ids["h4"], "Tổ H4", 0, date(2024, 5, 28)),
        (TodoReason.NO_SHIFT_THIS_MONTH, "Group", ids["street"], "Tổ liên gia số 1", 0, None),
        (TodoReason.NOT_EVALUATED, "Program", ids["camera"], "Camera an ninh", 0, None),
        (TodoReason.NOT_EVALUATED, "Program", ids["household"], "Tổ liên gia tự quản", 0, None),
    ]  # fmt: skip
    assert {item.unit_name for item in board.todo} == {"Phường 9"}


def test_the_district_sees_the_to_do_of_its_wards(
    workspace: Workspace, ids: dict[str, str]
) -> None:
    todo = dashboard(workspace, "773", TODAY).todo
    groups = [(item.record_id, item.unit_name) for item in todo if item.record_kind == "Group"]
    # A club that patrolled once is expected to patrol; it sorts first ("Câu lạc bộ").
    assert groups == [(ids["club_group"], "Quận 4"), (ids["h4"], "Phường 9"),
                      (ids["street"], "Phường 9")]  # fmt: skip
    assert len(todo) == 7


def test_an_empty_record_book(workspace: Workspace) -> None:
    board = dashboard(workspace, "27262", date(2024, 1, 5))
    assert board.previous_quarter == Quarter(2023, 4)
    assert board.todo == []
    assert {figure.current for figure in board.figures} == {0}
    assert [(m.year, m.month) for m in board.shifts_by_month][:2] == [(2023, 2), (2023, 3)]
    assert sum(board.findings_by_category.values()) == 0
    with pytest.raises(NotFound):
        dashboard(workspace, "99999", TODAY)


def test_calendar_helpers() -> None:
    assert months_back(date(2024, 1, 31), 3) == [(2023, 11), (2023, 12), (2024, 1)]
    assert month_end(date(2024, 2, 10)) == date(2024, 2, 29)
    assert month_end(date(2024, 12, 1)) == date(2024, 12, 31)
    assert (Quarter(2024, 4).start, Quarter(2024, 4).end) == (date(2024, 10, 1), date(2024, 12, 31))
    assert Quarter.of(date(2024, 3, 31)) == Quarter(2024, 1)
