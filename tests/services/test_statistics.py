"""Each definition in `services.statistics` pinned on hand-built records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    FollowUpAssessment,
    FollowUpKind,
    GroupStatus,
    MaintainingBody,
    MemberRole,
    ProgramKind,
    ProgramStatus,
    Rating,
    RehabCategory,
    RehabStatus,
    SupportKind,
    SupportResult,
    UnitLevel,
)
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services.errors import NotFound
from antq_desktop.services.evaluations import quarter_end
from antq_desktop.services.statistics import compute_statistics
from antq_desktop.services.units import get_unit_by_code
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace
from antq_desktop.store.models import (
    Evaluation,
    Finding,
    FollowUp,
    Group,
    Membership,
    OrgUnit,
    PatrolParticipant,
    PatrolShift,
    Person,
    Program,
    RehabCase,
    Support,
)

DELETED = datetime(2024, 1, 1, tzinfo=UTC)
Y2023 = (date(2023, 1, 1), date(2023, 12, 31))


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = create_workspace(
        tmp_path / "stats.antqdb",
        NewUnit("Phường 9", "27262", UnitLevel.WARD),
        superior_unit=NewUnit("Quận 4", "773", UnitLevel.DISTRICT),
        today=lambda: date(2024, 6, 30),
    )
    yield ws
    ws.close()


def ward_id(ws: Workspace) -> str:
    return get_unit_by_code(ws, "27262").id


def district_id(ws: Workspace) -> str:
    return get_unit_by_code(ws, "773").id


def person(unit_id: str, name: str) -> Person:
    return Person(unit_id=unit_id, full_name=name, sort_key=name, search_text=name)


def program(unit_id: str, **overrides: object) -> Program:
    values: dict[str, object] = {
        "unit_id": unit_id,
        "name": "Tổ tự quản chung cư",
        "name_folded": "to tu quan chung cu",
        "kind": ProgramKind.APARTMENT_BLOCK,
        "maintaining_body": MaintainingBody.POLICE,
        "status": ProgramStatus.ACTIVE,
        "started_on": date(2020, 1, 1),
    }
    values.update(overrides)
    return Program(**values)


def test_programs_in_period_by_body_and_latest_rating(workspace: Workspace) -> None:
    ward, district = ward_id(workspace), district_id(workspace)
    with workspace.database.transaction() as session:
        police = program(ward)
        front = program(district, maintaining_body=MaintainingBody.FATHERLAND_FRONT,
                        kind=ProgramKind.CAMERA_SURVEILLANCE)  # fmt: skip
        later = program(ward, started_on=date(2024, 2, 1))
        ended_early = program(ward, ended_on=date(2022, 12, 31), status=ProgramStatus.ENDED)
        deleted = program(ward, deleted_at=DELETED)
        session.add_all([police, front, later, ended_early, deleted])
        session.flush()
        session.add_all(
            [
                Evaluation(program_id=police.id, year=2023, quarter=3, rating=Rating.INEFFECTIVE),
                Evaluation(program_id=police.id, year=2023, quarter=4, rating=Rating.EFFECTIVE),
                Evaluation(program_id=front.id, year=2023, quarter=2, rating=Rating.EFFECTIVE),
                Evaluation(
                    program_id=front.id,
                    year=2023,
                    quarter=4,
                    rating=Rating.EFFECTIVE,
                    deleted_at=DELETED,
                ),
            ]
        )
    whole_year = compute_statistics(workspace, "773", *Y2023).programs
    assert (whole_year.total, whole_year.police_maintained, whole_year.effective) == (2, 1, 2)
    assert whole_year.by_kind[ProgramKind.CAMERA_SURVEILLANCE] == 1
    assert whole_year.by_maintaining_body[MaintainingBody.FATHERLAND_FRONT] == 1
    # Up to 30/11/2023 the fourth quarter has not ended: the police program's latest is Q3.
    autumn = compute_statistics(workspace, "773", date(2023, 1, 1), date(2023, 11, 30)).programs
    assert autumn.effective == 1
    assert autumn.by_rating == {"effective": 1, "partly_effective": 0, "ineffective": 1,
                                "unrated": 0}  # fmt: skip
    ward_only = compute_statistics(workspace, "27262", *Y2023).programs
    assert (ward_only.total, ward_only.effective) == (1, 1)


def test_groups_members_and_patrols(workspace: Workspace) -> None:
    ward = ward_id(workspace)
    with workspace.database.transaction() as session:
        prog = program(ward)
        session.add(prog)
        session.flush()
        group = Group(program_id=prog.id, unit_id=ward, name="Tổ H3", name_folded="to h3",
                      status=GroupStatus.ACTIVE, formed_on=date(2020, 1, 1))  # fmt: skip
        dissolved = Group(program_id=prog.id, unit_id=ward, name="Tổ cũ", name_folded="to cu",
                          status=GroupStatus.DISSOLVED, formed_on=date(2019, 1, 1),
                          dissolved_on=date(2022, 6, 30))  # fmt: skip
        people = [person(ward, f"Người {n}") for n in range(4)]
        session.add_all([group, dissolved, *people])
        session.flush()
        session.add_all(
            [
                Membership(group_id=group.id, person_id=people[0].id, role=MemberRole.LEADER,
                           joined_on=date(2020, 1, 1)),
                Membership(group_id=group.id, person_id=people[1].id, role=MemberRole.MEMBER,
                           joined_on=date(2020, 1, 1), left_on=date(2022, 12, 31)),
                Membership(group_id=group.id, person_id=people[2].id, role=MemberRole.MEMBER,
                           joined_on=date(2023, 12, 31)),
                Membership(group_id=dissolved.id, person_id=people[3].id, role=MemberRole.MEMBER,
                           joined_on=date(2019, 1, 1)),
            ]
        )  # fmt: skip
        first = PatrolShift(group_id=group.id, shift_date=date(2023, 1, 1), others_count=3,
                            residents_reminded=5)  # fmt: skip
        last = PatrolShift(group_id=group.id, shift_date=date(2023, 12, 31), others_count=1)
        outside = PatrolShift(group_id=group.id, shift_date=date(2024, 1, 1), others_count=9)
        removed = PatrolShift(group_id=group.id, shift_date=date(2023, 5, 5), others_count=9,
                              deleted_at=DELETED)  # fmt: skip
        session.add_all([first, last, outside, removed])
        session.flush()
        session.add_all(
            [
                PatrolParticipant(shift_id=first.id, person_id=people[0].id),
                PatrolParticipant(shift_id=first.id, person_id=people[2].id, deleted_at=DELETED),
                PatrolParticipant(shift_id=last.id, person_id=people[0].id),
                PatrolParticipant(shift_id=last.id, person_id=people[2].id),
                PatrolParticipant(shift_id=outside.id, person_id=people[0].id),
                Finding(shift_id=first.id, category=FindingCategory.THEFT,
                        action=FindingAction.HANDED_TO_POLICE),
                Finding(shift_id=last.id, category=FindingCategory.FIRE_SAFETY,
                        action=FindingAction.REMINDED),
                Finding(shift_id=last.id, category=FindingCategory.THEFT,
                        action=FindingAction.REMINDED, deleted_at=DELETED),
                Finding(shift_id=outside.id, category=FindingCategory.DRUGS,
                        action=FindingAction.REMINDED),
            ]
        )  # fmt: skip
    figures = compute_statistics(workspace, "773", *Y2023)
    assert (figures.groups, figures.members) == (1, 2)  # the dissolved group and its member end
    patrols = figures.patrols
    assert (patrols.shifts, patrols.participant_turns) == (2, 3 + 4)
    assert (patrols.findings, patrols.reminders) == (2, 5)
    assert patrols.findings_by_category["theft"] == 1
    assert patrols.findings_by_category["fire_safety"] == 1
    assert patrols.findings_by_action == {"reminded": 1, "handed_to_police": 1, "resolved": 0}
    assert compute_statistics(workspace, "773", date(2022, 1, 1), date(2022, 12, 31)).groups == 2


def test_rehabilitation_figures(workspace: Workspace) -> None:
    ward = ward_id(workspace)

    def case(
        who: Person, opened: date, status: RehabStatus, since: date, **more: object
    ) -> RehabCase:
        return RehabCase(person_id=who.id, unit_id=ward, category=RehabCategory.AFTER_PRISON,
                         opened_on=opened, status=status, status_since=since, **more)  # fmt: skip

    with workspace.database.transaction() as session:
        people = [person(ward, f"Người {n}") for n in range(6)]
        session.add_all(people)
        session.flush()
        progressed = case(people[0], date(2021, 3, 1), RehabStatus.PROGRESSED, date(2023, 6, 1))
        old_progress = case(people[1], date(2019, 3, 1), RehabStatus.PROGRESSED, date(2020, 6, 1))
        reoffended = case(people[2], date(2023, 2, 1), RehabStatus.REOFFENDED, date(2023, 9, 1))
        closed_before = case(people[3], date(2018, 1, 1), RehabStatus.CLOSED, date(2022, 1, 1),
                             closed_on=date(2022, 1, 1))  # fmt: skip
        active_overdue = case(people[4], date(2023, 1, 10), RehabStatus.ACTIVE, date(2023, 1, 10))
        new_no_follow_up = case(people[5], date(2023, 12, 15), RehabStatus.ACTIVE,
                                date(2023, 12, 15))  # fmt: skip
        session.add_all([progressed, old_progress, reoffended, closed_before, active_overdue,
                         new_no_follow_up])  # fmt: skip
        session.flush()

        def follow_up(of: RehabCase, held: date, due: date | None) -> FollowUp:
            return FollowUp(case_id=of.id, held_on=held, kind=FollowUpKind.HOME_VISIT,
                            assessment=FollowUpAssessment.STABLE, next_due_on=due)  # fmt: skip

        def support(of: RehabCase, kind: SupportKind, started: date) -> Support:
            return Support(case_id=of.id, kind=kind, started_on=started,
                           result=SupportResult.SUCCEEDED)  # fmt: skip

        session.add_all(
            [
                follow_up(active_overdue, date(2023, 10, 1), date(2023, 11, 1)),
                follow_up(active_overdue, date(2023, 10, 1), date(2023, 10, 15)),
                follow_up(progressed, date(2023, 5, 1), date(2023, 6, 1)),
                follow_up(progressed, date(2022, 5, 1), date(2022, 6, 1)),
                support(progressed, SupportKind.JOB_REFERRAL, date(2023, 7, 1)),
                support(progressed, SupportKind.JOB_REFERRAL, date(2023, 8, 1)),
                support(old_progress, SupportKind.JOB_REFERRAL, date(2020, 7, 1)),
                support(reoffended, SupportKind.VOCATIONAL_TRAINING, date(2023, 3, 1)),
            ]
        )
    rehab = compute_statistics(workspace, "773", *Y2023).rehab
    assert rehab.people == 5  # every case but the one closed in 2022
    assert rehab.people_cumulative == 6
    assert (rehab.progressed, rehab.reoffended) == (1, 1)  # old progress was in 2020
    assert (rehab.job_referrals, rehab.vocational_training) == (1, 1)
    assert rehab.follow_ups == 3
    # As of 31/12/2023 the latest follow-up of the active case set 01/11/2023: overdue. The new
    # case is still within its 30 days.
    assert rehab.follow_ups_overdue == 1
    later = compute_statistics(workspace, "773", date(2024, 1, 1), date(2024, 12, 31)).rehab
    assert later.follow_ups_overdue == 2  # counted as of today (30/06/2024), not 31/12/2024


def test_bad_ranges_and_units(workspace: Workspace) -> None:
    with pytest.raises(ValidationFailed) as refused:
        compute_statistics(workspace, "773", date(2024, 1, 1), date(2023, 1, 1))
    assert refused.value.fields() == {"date_to"}
    with pytest.raises(NotFound):
        compute_statistics(workspace, "79", *Y2023)


def test_a_deleted_unit_is_unknown(workspace: Workspace) -> None:
    with workspace.database.transaction() as session:
        unit = session.get(OrgUnit, ward_id(workspace))
        assert unit is not None
        unit.deleted_at = DELETED
    with pytest.raises(NotFound):
        compute_statistics(workspace, "27262", *Y2023)


@pytest.mark.parametrize(
    ("year", "quarter", "end"),
    [(2023, 1, date(2023, 3, 31)), (2023, 2, date(2023, 6, 30)), (2024, 3, date(2024, 9, 30)),
     (2023, 4, date(2023, 12, 31))],
)  # fmt: skip
def test_quarter_end(year: int, quarter: int, end: date) -> None:
    assert quarter_end(year, quarter) == end
