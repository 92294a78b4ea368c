"""Patrol shifts: participants must be members on the day, children saved and replaced together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, time

import pytest
from service_testing import Records, error_keys

from antq_desktop.domain.enums import FindingAction, FindingCategory, ProgramKind
from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services import patrols
from antq_desktop.services.errors import NotFound
from antq_desktop.services.groups import (
    GroupInput,
    MembershipInput,
    add_member,
    create_group,
    end_membership,
)
from antq_desktop.services.patrols import FindingInput, ShiftInput
from antq_desktop.services.programs import ProgramInput, create_program
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Finding, PatrolParticipant, PatrolShift

THEFT_REMINDED = FindingInput(FindingCategory.THEFT, FindingAction.REMINDED, "Xe không khóa")
FIRE_RESOLVED = FindingInput(FindingCategory.FIRE_SAFETY, FindingAction.RESOLVED, "Bình hết hạn")


@dataclass(frozen=True)
class Team:
    group_id: str
    leader: str
    member: str
    third: str
    former: str
    """Left the group on 31/03/2024."""
    outsider: str
    """Never a member."""


@pytest.fixture
def team(workspace: Workspace, unit_id: str, make_person: Callable[[str], str]) -> Team:
    program = create_program(
        workspace, ProgramInput(unit_id, "Chung cư tự quản", ProgramKind.APARTMENT_BLOCK)
    )
    group = create_group(workspace, GroupInput(program.id, unit_id, "Tổ chung cư H3"))
    people = {name: make_person(name) for name in ("Lê Văn Tám", "Trần Thị Út", "Mai Văn Nở")}
    joined = date(2024, 1, 1)
    for person_id in people.values():
        add_member(workspace, group.id, MembershipInput(person_id, joined))
    former = add_member(workspace, group.id, MembershipInput(make_person("Cao Văn Cũ"), joined))
    end_membership(workspace, former.id, date(2024, 3, 31))
    return Team(
        group_id=group.id,
        leader=people["Lê Văn Tám"],
        member=people["Trần Thị Út"],
        third=people["Mai Văn Nở"],
        former=former.person_id,
        outsider=make_person("Đỗ Văn Ngoài"),
    )


def night_shift(team: Team, **changes: object) -> ShiftInput:
    data = ShiftInput(
        group_id=team.group_id,
        shift_date=date(2024, 6, 1),
        start_time=time(21, 0),
        end_time=time(23, 30),
        area=" Lô H3, đường Hoàng Diệu ",
        others_count=2,
        residents_reminded=5,
        participant_ids=(team.leader, team.member),
        findings=(THEFT_REMINDED,),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def test_create_saves_the_shift_with_its_people_and_findings(
    workspace: Workspace, team: Team, records: Records
) -> None:
    shift = patrols.create_shift(workspace, night_shift(team))

    assert shift.group_name == "Tổ chung cư H3"
    assert shift.area == "Lô H3, đường Hoàng Diệu"
    assert [p.full_name for p in shift.participants] == ["Lê Văn Tám", "Trần Thị Út"]
    assert [(f.category, f.description) for f in shift.findings] == [
        (FindingCategory.THEFT, "Xe không khóa")
    ]
    assert shift.participant_turns == 4
    assert not shift.ends_next_day
    assert patrols.get_shift(workspace, shift.id) == shift
    assert len(records.all(PatrolParticipant)) == 2
    assert len(records.all(Finding)) == 1


def test_a_shift_past_midnight_ends_the_next_day(workspace: Workspace, team: Team) -> None:
    shift = patrols.create_shift(
        workspace, night_shift(team, start_time=time(22, 0), end_time=time(2, 0))
    )
    assert shift.ends_next_day


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"shift_date": date(2024, 6, 16)}, [("shift_date", "date.future")]),
        ({"end_time": time(21, 0)}, [("end_time", "patrol.times_equal")]),
        ({"others_count": -1}, [("others_count", "number.negative")]),
        ({"residents_reminded": -3}, [("residents_reminded", "number.negative")]),
        ({"group_id": "missing"}, [("group_id", "reference.missing")]),
        ({"participant_ids": ("missing",)}, [("participant_ids", "reference.missing")]),
    ],
)
def test_shift_rules_refuse_and_write_nothing(
    workspace: Workspace,
    team: Team,
    records: Records,
    changes: dict[str, object],
    expected: list[tuple[str, str]],
) -> None:
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        patrols.create_shift(workspace, night_shift(team, **changes))
    assert error_keys(caught.value) == expected
    assert records.counts() == before


def test_a_participant_listed_twice_is_named(
    workspace: Workspace, team: Team, records: Records
) -> None:
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        patrols.create_shift(
            workspace, night_shift(team, participant_ids=(team.leader, team.member, team.leader))
        )
    assert error_keys(caught.value) == [("participant_ids", "patrol.participant_twice")]
    assert "Lê Văn Tám" in caught.value.render("vi")
    assert records.counts() == before


@pytest.mark.parametrize("who", ["outsider", "former"])
def test_participants_must_be_members_on_the_shift_date(
    workspace: Workspace, team: Team, records: Records, who: str
) -> None:
    person_id = getattr(team, who)
    before = records.counts()
    with pytest.raises(ValidationFailed) as caught:
        patrols.create_shift(workspace, night_shift(team, participant_ids=(team.leader, person_id)))
    assert error_keys(caught.value) == [("participant_ids", "patrol.participant_not_member")]
    text = caught.value.render("vi")
    name = "Đỗ Văn Ngoài" if who == "outsider" else "Cao Văn Cũ"
    assert name in text
    assert "01/06/2024" in text
    assert "Số người khác tham gia" in text  # points to where non-members are counted
    assert records.counts() == before


def test_a_former_member_counts_on_a_day_they_were_in_the_group(
    workspace: Workspace, team: Team
) -> None:
    shift = patrols.create_shift(
        workspace,
        night_shift(team, shift_date=date(2024, 3, 31), participant_ids=(team.former,)),
    )
    assert [p.full_name for p in shift.participants] == ["Cao Văn Cũ"]


def test_update_replaces_children_and_leaves_unchanged_rows_alone(
    workspace: Workspace, team: Team, records: Records
) -> None:
    shift = patrols.create_shift(workspace, night_shift(team))
    rows_before = {row.person_id: row for row in records.all(PatrolParticipant)}
    kept_finding = records.all(Finding)[0]
    shift_version = records.row(PatrolShift, shift.id).version

    updated = patrols.update_shift(
        workspace,
        shift.id,
        night_shift(
            team,
            residents_reminded=7,
            participant_ids=(team.third, team.leader),
            findings=(THEFT_REMINDED, FIRE_RESOLVED),
        ),
    )

    assert updated.residents_reminded == 7
    assert [p.full_name for p in updated.participants] == ["Mai Văn Nở", "Lê Văn Tám"]
    assert {f.description for f in updated.findings} == {"Xe không khóa", "Bình hết hạn"}
    assert records.row(PatrolShift, shift.id).version > shift_version
    leader_row = records.row(PatrolParticipant, rows_before[team.leader].id)
    assert leader_row.version == rows_before[team.leader].version  # untouched
    assert records.row(PatrolParticipant, rows_before[team.member].id).deleted_at is not None
    assert records.row(Finding, kept_finding.id).version == kept_finding.version  # untouched
    assert len(records.all(Finding)) == 2
    assert len(records.all(PatrolParticipant)) == 3  # the tombstone stays in the file


def test_an_edited_finding_is_a_tombstone_plus_a_new_row(
    workspace: Workspace, team: Team, records: Records
) -> None:
    shift = patrols.create_shift(workspace, night_shift(team))
    old = records.all(Finding)[0]
    edited = replace(THEFT_REMINDED, action=FindingAction.HANDED_TO_POLICE)

    updated = patrols.update_shift(workspace, shift.id, night_shift(team, findings=(edited,)))

    assert [f.action for f in updated.findings] == [FindingAction.HANDED_TO_POLICE]
    assert records.row(Finding, old.id).deleted_at is not None
    assert updated.findings[0].id != old.id


def test_refused_update_changes_nothing(workspace: Workspace, team: Team, records: Records) -> None:
    shift = patrols.create_shift(workspace, night_shift(team))
    before = records.counts()
    version = records.row(PatrolShift, shift.id).version

    with pytest.raises(ValidationFailed):
        patrols.update_shift(
            workspace, shift.id, night_shift(team, participant_ids=(team.outsider,))
        )

    assert records.counts() == before
    assert records.row(PatrolShift, shift.id).version == version
    assert patrols.get_shift(workspace, shift.id) == shift


def test_delete_tombstones_the_shift_and_its_children(
    workspace: Workspace, team: Team, records: Records
) -> None:
    shift = patrols.create_shift(workspace, night_shift(team))

    patrols.delete_shift(workspace, shift.id)

    with pytest.raises(NotFound):
        patrols.get_shift(workspace, shift.id)
    assert patrols.list_shifts(workspace) == []
    assert patrols.count_shifts(workspace) == 0
    assert records.row(PatrolShift, shift.id).deleted_at is not None
    children = [*records.all(PatrolParticipant), *records.all(Finding)]
    assert len(children) == 3
    assert all(child.deleted_at is not None for child in children)


def test_list_filters_newest_first_and_counts(
    workspace: Workspace, team: Team, district_id: str, records: Records
) -> None:
    program_id = create_program(
        workspace, ProgramInput(district_id, "Xe ôm", ProgramKind.MOTORBIKE_TAXI)
    ).id
    far_group = create_group(workspace, GroupInput(program_id, district_id, "Tổ xe ôm Bến Vân Đồn"))
    may = patrols.create_shift(workspace, night_shift(team, shift_date=date(2024, 5, 10)))
    june_early = patrols.create_shift(
        workspace, night_shift(team, start_time=time(19, 0), end_time=time(20, 0))
    )
    june_late = patrols.create_shift(workspace, night_shift(team, notes="Mưa lớn"))
    far = patrols.create_shift(
        workspace,
        ShiftInput(far_group.id, date(2024, 4, 2), area="Bến Vân Đồn"),
    )

    def ids(**filters: object) -> list[str]:
        return [view.id for view in patrols.list_shifts(workspace, **filters)]  # type: ignore[arg-type]

    assert ids() == [june_late.id, june_early.id, may.id, far.id]
    assert ids(unit_ids=[district_id]) == [far.id]
    assert ids(group_id=team.group_id, date_from=date(2024, 5, 1), date_to=date(2024, 5, 31)) == [
        may.id
    ]
    assert ids(query="BEN VAN DON") == [far.id]  # group name, without accents
    assert ids(query="Mưa") == [june_late.id]  # notes, as typed
    assert ids(limit=2, offset=1) == [june_early.id, may.id]
    assert patrols.count_shifts(workspace, group_id=team.group_id) == 3
    assert patrols.count_shifts(workspace, date_to=date(2024, 4, 30)) == 1
    listed = patrols.list_shifts(workspace, group_id=far_group.id)[0]
    assert (listed.participants, listed.findings) == ((), ())

    with pytest.raises(ValidationFailed) as caught:
        patrols.list_shifts(workspace, date_from=date(2024, 6, 1), date_to=date(2024, 5, 1))
    assert error_keys(caught.value) == [("date_to", "date.order")]
