"""A large synthetic district for measuring speed: `build_demo(path, scale=N)`.

The district is clearly not a real place: it is named "Quận mẫu quy mô N phường" with code 79999
and its wards "Phường mẫu 001"… with codes 7999900001…; real district codes have three digits and
real ward codes five, so these can never clash with them. It hangs under the city (79), so the
city's totals grow with it; District 4 (773) and its figures are not touched.

Each ward has the size of a real inner-city ward: about 75 groups (62 household groups, 4
civil-defence posts, 3 apartment blocks, a motorbike-taxi group, boarding houses and clubs), about
1,150 people, 5,100 patrol shifts from 2020 to 2023 with their participants and findings, and two
dozen "5+1" cases. At N=100 that is over 100,000 people and 500,000 shifts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from antq_desktop.domain.enums import MaintainingBody, ProgramKind, Rating, UnitLevel
from antq_desktop.services.demo import steps
from antq_desktop.services.demo.context import RANGE_END, DemoContext, Unit
from antq_desktop.services.demo.names import house_address
from antq_desktop.services.demo.patrols import (
    GroupRecord,
    GroupShape,
    PatrolStyle,
    ShiftPlan,
    add_group,
    patrol_indicators,
    plan_shifts,
    quarter_of,
    spread_dates,
    write_shifts,
)
from antq_desktop.services.demo.programs import (
    Indicators,
    ProgramSpec,
    Quarter,
    add_evaluations,
    add_program,
    quarters,
)
from antq_desktop.services.demo.rehab import RehabTargets, add_rehab_cases
from antq_desktop.services.demo.texts import APARTMENT_AREAS, APARTMENT_FINDINGS, STREET_FINDINGS

DISTRICT_CODE = "79999"
PATROLS_FROM = date(2020, 1, 1)
STREETS = tuple(f"Đường số {number}" for number in range(1, 41))

_EVENING = ((time(19, 30), time(21, 30)), (time(20, 0), time(22, 0)), (time(21, 0), time(23, 0)))
_NIGHT = ((time(22, 0), time(23, 45)), (time(4, 30), time(6, 0)), (time(21, 0), time(23, 0)))
HOUSEHOLD = PatrolStyle((1, 2), (1, 3), _EVENING, STREET_FINDINGS, 0.08, 0.3, (1, 10))
POST = PatrolStyle((2, 2), (0, 1), _NIGHT, STREET_FINDINGS, 0.1, 0.3, (1, 12))
APARTMENT = PatrolStyle((2, 4), (0, 2), _EVENING, APARTMENT_FINDINGS, 0.15, 0.5, (2, 25),
                        APARTMENT_AREAS)  # fmt: skip
TAXI = PatrolStyle((2, 3), (0, 1), _EVENING, STREET_FINDINGS, 0.1, 0.2, (1, 8))

# (program key, group name, how many per ward, shifts per group, style, staffing)
_HOUSEHOLD_SHAPE = GroupShape((12, 17), turnover=0.08)
_GROUPS: tuple[tuple[str, str, int, int, PatrolStyle | None, GroupShape], ...] = (
    ("household", "Tổ liên gia tự quản số {n}", 62, 44, HOUSEHOLD, _HOUSEHOLD_SHAPE),
    ("posts", "Chốt dân phòng tự quản số {n}", 4, 420, POST, GroupShape((6, 9), male_share=0.85)),
    ("apartment", "Tổ tự quản chung cư lô {letter}", 3, 208, APARTMENT, GroupShape((10, 14))),
    ("taxi", "Tổ xe ôm tự quản chợ {ward}", 1, 96, TAXI, GroupShape((10, 16), male_share=0.95)),
    ("boarding", "Khu nhà trọ tự quản số {n}", 4, 0, None, GroupShape((6, 10))),
    ("clubs", "Câu lạc bộ chủ nhà trọ, nữ công nhân số {n}", 2, 0, None,
     GroupShape((12, 20), male_share=0.3)),
)  # fmt: skip
GROUPS_PER_WARD = sum(count for _, _, count, _, _, _ in _GROUPS)

_P, _E, _I = Rating.PARTLY_EFFECTIVE, Rating.EFFECTIVE, Rating.INEFFECTIVE
_POLICE, _FRONT = MaintainingBody.POLICE, MaintainingBody.FATHERLAND_FRONT
_DISTRICT_PROGRAMS = (
    ("household", "Tổ liên gia tự quản", ProgramKind.HOUSEHOLD_GROUP, _FRONT, 1_200, _P),
    ("posts", "Chốt dân phòng tự quản", ProgramKind.CIVIL_DEFENCE_POST,
     MaintainingBody.WARD_AUTHORITY, 1_500, _E),
    ("apartment", "Tổ tự quản chung cư", ProgramKind.APARTMENT_BLOCK, _POLICE, 900, _P),
    ("taxi", "Tổ xe ôm tự quản", ProgramKind.MOTORBIKE_TAXI, _POLICE, 300, _I),
    ("boarding", "Khu nhà trọ tự quản", ProgramKind.BOARDING_HOUSE, _POLICE, 400, _P),
    ("clubs", "Câu lạc bộ chủ nhà trọ, nữ công nhân", ProgramKind.LANDLORD_WOMEN_WORKER_CLUB,
     MaintainingBody.UNIONS, 350, _P),
    ("rehab", 'Mô hình "5+1"', ProgramKind.REHABILITATION_5_PLUS_1, _POLICE, 700, _E),
    ("camera", "Camera an ninh khu dân cư", ProgramKind.CAMERA_SURVEILLANCE, _POLICE, 1_800, _P),
)  # fmt: skip
WARD_REHAB = RehabTargets(
    opened_per_year=dict.fromkeys(range(2016, 2024), 3),
    progressed=7,
    reoffended=1,
    moved_away=1,
    closed=3,
    job_referrals=6,
    vocational_training=3,
    overdue=1,
)


def district_name(wards: int) -> str:
    return f"Quận mẫu quy mô {wards} phường"


def ward_code(number: int) -> str:
    return f"{DISTRICT_CODE}{number:05d}"


@dataclass
class _Patrolling:
    """A group that patrols, its program and the days of its shifts, by quarter."""

    program: str
    group: GroupRecord
    style: PatrolStyle
    days: dict[Quarter, list[date]]


def build(ctx: DemoContext, city: Unit, wards: int, progress: steps.Progress) -> None:
    """Wards first (units, groups, people, "5+1"), then all shifts quarter by quarter.

    Writing the shifts of every ward one quarter at a time keeps the time-ordered ids of the two
    largest tables growing, so SQLite appends to their primary-key index instead of inserting
    all over it (the scale build is mostly those two tables).
    """
    rng = ctx.rng
    name = district_name(wards)
    district = ctx.add_unit(
        code=DISTRICT_CODE,
        name=name,
        level=UnitLevel.DISTRICT,
        parent=city,
        place=name,
        entered_on=date(2015, 1, 1),
    )
    specs = {
        key: ProgramSpec(
            key, DISTRICT_CODE, f"{title} ({name})", kind, body, date(2016, 1, 1), budget, rating
        )
        for key, title, kind, body, budget, rating in _DISTRICT_PROGRAMS
    }
    program_ids = {key: add_program(ctx, spec, district) for key, spec in specs.items()}
    indicators: dict[str, dict[Quarter, Indicators]] = {key: {} for key in specs}
    patrolling: list[_Patrolling] = []
    for number in range(1, wards + 1):
        if number == 1 or number % 10 == 0:
            progress(steps.SCALE_WARD(number=number, wards=wards))
        ward_name = f"Phường mẫu {number:03d}"
        ward = ctx.add_unit(
            code=ward_code(number),
            name=ward_name,
            level=UnitLevel.WARD,
            parent=district,
            place=ward_name,
            entered_on=date(2015, 1, 1),
        )
        patrolling += _ward(ctx, ward, program_ids, indicators)
        digital = ProgramSpec(
            f"digital-{number}",
            ward.code,
            f"Công an {ward_name} hỗ trợ người dân làm dịch vụ công trực tuyến",
            ProgramKind.DIGITAL_SERVICES_SUPPORT,
            _POLICE,
            date(2022, 1, 1) if number % 3 else date(2021, 7, 1),
            80,
            rng.choice((_E, _P, _P, _I)),
        )
        program_id = add_program(ctx, digital, ward)
        add_evaluations(ctx, program_id, digital, f"Ban Chỉ đạo phong trào {ward_name}")
    for year, number in quarters(quarter_of(PATROLS_FROM), quarter_of(RANGE_END)):
        if number == 1:
            progress(steps.SCALE_YEAR(year=year))
        by_program: dict[str, list[ShiftPlan]] = {}
        for item in patrolling:
            days = item.days.get((year, number), [])
            by_program.setdefault(item.program, []).extend(
                plan_shifts(ctx, item.group, days, item.style)
            )
        write_shifts(ctx, [plan for plans in by_program.values() for plan in plans])
        for key, plans in by_program.items():
            _add_up(indicators[key], patrol_indicators(plans))
    for key, spec in specs.items():
        evaluator = f"Ban Chỉ đạo phong trào toàn dân bảo vệ ANTQ {name}"
        add_evaluations(ctx, program_ids[key], spec, evaluator, indicators[key] or None)


def _add_up(
    total: dict[Quarter, Indicators], figures_by_quarter: dict[Quarter, Indicators]
) -> None:
    for quarter, figures in figures_by_quarter.items():
        sums = total.setdefault(quarter, dict.fromkeys(figures, 0.0))
        for key, value in figures.items():
            sums[key] += value


def _ward(
    ctx: DemoContext,
    ward: Unit,
    program_ids: dict[str, str],
    indicators: dict[str, dict[Quarter, Indicators]],
) -> list[_Patrolling]:
    """The ward's groups with their members, and its "5+1" cases; the shifts come later."""
    rng = ctx.rng

    def address() -> str:
        return house_address(rng, STREETS, ward.place, ward.district)

    patrolling: list[_Patrolling] = []
    for key, pattern, count, shifts, style, shape in _GROUPS:
        for n in range(1, count + 1):
            formed = date(rng.randint(2016, 2019), rng.randint(1, 12), rng.randint(1, 28))
            group_name = pattern.format(n=n, letter=chr(ord("A") + (n - 1) % 26), ward=ward.place)
            group = add_group(
                ctx,
                program_id=program_ids[key],
                unit=ward,
                name=group_name,
                area=group_name if style is not HOUSEHOLD else f"Khu phố {1 + n // 12}",
                formed_on=formed,
                shape=shape,
                address=address,
                until=RANGE_END,
            )
            if style is not None:
                days: dict[Quarter, list[date]] = {}
                for day in spread_dates(ctx, shifts, PATROLS_FROM, RANGE_END):
                    days.setdefault(quarter_of(day), []).append(day)
                patrolling.append(_Patrolling(key, group, style, days))
    result = add_rehab_cases(
        ctx,
        program_id=program_ids["rehab"],
        wards=[ward],
        targets=WARD_REHAB,
        address=lambda unit: house_address(rng, STREETS, unit.place, unit.district),
    )
    _add_up(indicators["rehab"], result.by_quarter)
    return patrolling
