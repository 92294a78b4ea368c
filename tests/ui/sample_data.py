"""A small record book for window tests and screenshots: a district with two wards and some work.

People go through `services.people`; programs, groups, patrols and 5+1 cases are written as rows
(the way tests/services/test_statistics.py does) until their services are settled. The window only
shows what `compute_statistics` says, so the tests compare against that, not against these counts.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    FollowUpAssessment,
    FollowUpKind,
    Gender,
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
from antq_desktop.domain.text import fold
from antq_desktop.services.people import PersonInput, create_person
from antq_desktop.services.units import create_unit, get_unit_by_code
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace
from antq_desktop.store.models import (
    Evaluation,
    Finding,
    FollowUp,
    Group,
    Membership,
    PatrolParticipant,
    PatrolShift,
    Program,
    RehabCase,
    Support,
)

TODAY = date(2024, 5, 15)
"""The sample's 'today': the current quarter is 01/04/2024 – 30/06/2024."""
QUARTER_START = date(2024, 4, 1)
WARD_CODE, OTHER_WARD_CODE, DISTRICT_CODE = "27262", "27265", "773"
NAMES = ("Nguyễn Văn Đức", "Trần Thị Hằng", "Lê Quốc Việt", "Phạm Thị Ánh Tuyết", "Võ Minh Khôi",
         "Đặng Thị Thủy", "Huỳnh Bảo Ngọc", "Bùi Văn Lực")  # fmt: skip


def make_sample(path: Path, *, shifts: int = 12, others_per_shift: int = 3) -> Workspace:
    """Create the record book at `path` and fill it; the caller closes the workspace."""
    workspace = create_workspace(
        path,
        NewUnit("Phường 9", WARD_CODE, UnitLevel.WARD, "Phường 9, Quận 4"),
        superior_unit=NewUnit("Quận 4", DISTRICT_CODE, UnitLevel.DISTRICT),
        officer_name="Nguyễn Văn An",
        officer_title="Phó Trưởng Công an phường",
        today=lambda: TODAY,
    )
    district = get_unit_by_code(workspace, DISTRICT_CODE).id
    ward = get_unit_by_code(workspace, WARD_CODE).id
    other_ward = create_unit(
        workspace, NewUnit("Phường 8", OTHER_WARD_CODE, UnitLevel.WARD), parent_id=district
    ).id
    people = [
        create_person(
            workspace,
            PersonInput(
                unit_id=ward if index < 6 else other_ward,
                full_name=name,
                gender=Gender.FEMALE if "Thị" in name else Gender.MALE,
                address=f"{10 + index} Đoàn Văn Bơ",
            ),
        ).id
        for index, name in enumerate(NAMES)
    ]

    def program(unit_id: str, name: str, kind: ProgramKind, body: MaintainingBody) -> Program:
        return Program(unit_id=unit_id, name=name, name_folded=fold(name), kind=kind,
                       maintaining_body=body, status=ProgramStatus.ACTIVE,
                       started_on=date(2016, 3, 1))  # fmt: skip

    def group(program_id: str, unit_id: str, name: str) -> Group:
        return Group(program_id=program_id, unit_id=unit_id, name=name, name_folded=fold(name),
                     status=GroupStatus.ACTIVE, formed_on=date(2018, 1, 1))  # fmt: skip

    with workspace.database.transaction() as session:
        apartment = program(ward, "Tổ tự quản chung cư H3", ProgramKind.APARTMENT_BLOCK,
                            MaintainingBody.POLICE)  # fmt: skip
        programs = [
            apartment,
            program(ward, "Camera an ninh khu phố 2", ProgramKind.CAMERA_SURVEILLANCE,
                    MaintainingBody.POLICE),
            program(ward, "Tổ liên gia tự quản khu phố 1", ProgramKind.HOUSEHOLD_GROUP,
                    MaintainingBody.FATHERLAND_FRONT),
            program(ward, "5+1 phường 9", ProgramKind.REHABILITATION_5_PLUS_1,
                    MaintainingBody.POLICE),
            program(other_ward, "Khu nhà trọ tự quản", ProgramKind.BOARDING_HOUSE,
                    MaintainingBody.WARD_AUTHORITY),
            program(district, "Tổ xe ôm tự quản Quận 4", ProgramKind.MOTORBIKE_TAXI,
                    MaintainingBody.POLICE),
        ]  # fmt: skip
        session.add_all(programs)
        session.flush()
        session.add_all(
            [
                Evaluation(program_id=apartment.id, year=2024, quarter=1, rating=Rating.EFFECTIVE),
                Evaluation(program_id=programs[2].id, year=2024, quarter=1,
                           rating=Rating.INEFFECTIVE),
            ]
        )  # fmt: skip
        block_h3 = group(apartment.id, ward, "Tổ tự quản chung cư H3")
        block_h4 = group(apartment.id, ward, "Tổ tự quản chung cư H4")
        boarding = group(programs[4].id, other_ward, "Khu trọ đường Tôn Đản")
        session.add_all([block_h3, block_h4, boarding])
        session.flush()
        session.add_all(
            Membership(group_id=(block_h3 if index < 3 else block_h4 if index < 6 else boarding).id,
                       person_id=person_id, role=MemberRole.LEADER if index % 3 == 0
                       else MemberRole.MEMBER, joined_on=date(2019, 1, 1))
            for index, person_id in enumerate(people)
        )  # fmt: skip
        patrols = [
            PatrolShift(group_id=block_h3.id, shift_date=QUARTER_START + timedelta(days=n % 91),
                        area="Chung cư H3", others_count=others_per_shift,
                        residents_reminded=n % 4)
            for n in range(shifts)
        ]  # fmt: skip
        session.add_all(patrols)
        session.flush()
        categories = [FindingCategory.THEFT, FindingCategory.FIRE_SAFETY, FindingCategory.DISORDER]
        for n, shift in enumerate(patrols):
            session.add_all(PatrolParticipant(shift_id=shift.id, person_id=person_id)
                            for person_id in people[:2])  # fmt: skip
            if n % 3 == 0:
                session.add(Finding(shift_id=shift.id, category=categories[n % 9 // 3],
                                    action=FindingAction.REMINDED))  # fmt: skip
        cases = [
            RehabCase(person_id=people[4], unit_id=ward, program_id=programs[3].id,
                      category=RehabCategory.AFTER_PRISON, opened_on=date(2017, 6, 1),
                      status=RehabStatus.PROGRESSED, status_since=date(2024, 4, 20)),
            RehabCase(person_id=people[5], unit_id=ward, program_id=programs[3].id,
                      category=RehabCategory.AFTER_DRUG_REHABILITATION,
                      opened_on=date(2023, 9, 1), status=RehabStatus.ACTIVE,
                      status_since=date(2023, 9, 1)),
            RehabCase(person_id=people[7], unit_id=other_ward, category=RehabCategory.OTHER,
                      opened_on=date(2024, 4, 2), status=RehabStatus.ACTIVE,
                      status_since=date(2024, 4, 2)),
        ]  # fmt: skip
        session.add_all(cases)
        session.flush()
        session.add_all(
            [
                FollowUp(case_id=cases[1].id, held_on=date(2024, 4, 10),
                         kind=FollowUpKind.HOME_VISIT, assessment=FollowUpAssessment.STABLE,
                         next_due_on=date(2024, 5, 10)),
                FollowUp(case_id=cases[0].id, held_on=date(2024, 4, 18), kind=FollowUpKind.TALK,
                         assessment=FollowUpAssessment.GOOD),
                Support(case_id=cases[0].id, kind=SupportKind.JOB_REFERRAL,
                        started_on=date(2024, 4, 25), result=SupportResult.SUCCEEDED,
                        provider="Công ty may Việt Tiến"),
                Support(case_id=cases[1].id, kind=SupportKind.VOCATIONAL_TRAINING,
                        started_on=date(2024, 5, 2), result=SupportResult.PENDING,
                        provider="Trường trung cấp nghề Quận 4"),
            ]
        )  # fmt: skip
    return workspace
