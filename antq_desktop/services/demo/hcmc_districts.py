"""The other districts of the hcmc-2023 scenario: their patrols and "5+1" cases.

They make the city's totals differ from District 4's. Their groups sit in the district units
themselves, since the scenario lists wards for District 4 only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from functools import partial

from antq_desktop.services.demo.context import RANGE_END, DemoContext, Unit
from antq_desktop.services.demo.names import OTHER_DISTRICT_STREETS, house_address
from antq_desktop.services.demo.patrols import (
    GroupShape,
    PatrolStyle,
    ShiftPlan,
    add_group,
    patrol_indicators,
    plan_shifts,
    spread_dates,
    write_shifts,
)
from antq_desktop.services.demo.programs import Indicators, Quarter
from antq_desktop.services.demo.rehab import RehabTargets, add_rehab_cases
from antq_desktop.services.demo.texts import APARTMENT_AREAS, APARTMENT_FINDINGS, STREET_FINDINGS

_EVENING = ((time(19, 0), time(21, 0)), (time(19, 30), time(22, 0)), (time(20, 0), time(22, 30)))
APARTMENT_STYLE = PatrolStyle(
    crew=(3, 6),
    others=(0, 3),
    hours=(*_EVENING, (time(21, 0), time(23, 0)), (time(5, 30), time(7, 0))),
    findings=APARTMENT_FINDINGS,
    finding_rate=0.45,
    reminded_rate=0.65,
    reminded=(2, 30),
    areas=APARTMENT_AREAS,
)
TAXI_STYLE = PatrolStyle(
    crew=(3, 6),
    others=(0, 2),
    hours=((time(17, 0), time(20, 0)), (time(20, 0), time(22, 30))),
    findings=STREET_FINDINGS,
    finding_rate=0.35,
    reminded_rate=0.4,
    reminded=(1, 15),
)
POST_STYLE = PatrolStyle(
    crew=(2, 4),
    others=(0, 2),
    hours=((time(21, 0), time(23, 0)), (time(22, 0), time(23, 45)), (time(4, 30), time(6, 0))),
    findings=STREET_FINDINGS,
    finding_rate=0.3,
    reminded_rate=0.5,
    reminded=(1, 20),
)


# (program, district, group name, area, formed on, shifts, first shift, style)
_OTHER_PATROL_GROUPS: tuple[tuple[str, str, str, str, date, int, date, PatrolStyle], ...] = (
    (
        "q1_taxi",
        "760",
        "Tổ xe ôm tự quản chợ Bến Thành",
        "Quanh chợ Bến Thành, đường Lê Lợi",
        date(2016, 6, 1),
        72,
        date(2021, 1, 1),
        TAXI_STYLE,
    ),
    (
        "q1_taxi",
        "760",
        "Tổ xe ôm tự quản Phạm Ngũ Lão",
        "Đường Phạm Ngũ Lão, Bùi Viện",
        date(2016, 8, 1),
        64,
        date(2021, 1, 1),
        TAXI_STYLE,
    ),
    (
        "q1_posts",
        "760",
        "Chốt dân phòng tự quản khu phố 2, phường Cầu Ông Lãnh",
        "Chốt và các hẻm quanh chợ Cầu Ông Lãnh",
        date(2015, 7, 1),
        96,
        date(2022, 1, 1),
        POST_STYLE,
    ),
    (
        "q1_posts",
        "760",
        "Chốt dân phòng tự quản khu phố 3, phường Cô Giang",
        "Chốt và các hẻm đường Cô Giang",
        date(2015, 7, 1),
        88,
        date(2022, 1, 1),
        POST_STYLE,
    ),
    (
        "q7_taxi",
        "778",
        "Tổ xe ôm tự quản cổng Khu chế xuất Tân Thuận",
        "Cổng Khu chế xuất Tân Thuận, đường Huỳnh Tấn Phát",
        date(2017, 9, 1),
        60,
        date(2021, 6, 1),
        TAXI_STYLE,
    ),
    (
        "q7_posts",
        "778",
        "Chốt dân phòng tự quản khu phố 1, phường Tân Hưng",
        "Chốt và các hẻm đường Trần Xuân Soạn",
        date(2016, 4, 1),
        80,
        date(2022, 1, 1),
        POST_STYLE,
    ),
    (
        "q7_apartment",
        "778",
        "Tổ tự quản an ninh trật tự chung cư Nguyễn Thị Thập",
        "Chung cư Nguyễn Thị Thập",
        date(2019, 7, 1),
        50,
        date(2021, 1, 1),
        APARTMENT_STYLE,
    ),
    (
        "bt_apartment",
        "765",
        "Tổ tự quản chung cư Thanh Đa",
        "Chung cư Thanh Đa",
        date(2018, 5, 1),
        12,
        date(2022, 1, 1),
        APARTMENT_STYLE,
    ),
)


def build_other_districts(
    ctx: DemoContext, units: dict[str, Unit], program_ids: dict[str, str]
) -> dict[str, dict[Quarter, Indicators]]:
    rng = ctx.rng
    plans_by_program: dict[str, list[ShiftPlan]] = {}
    for key, code, name, area, formed_on, shifts, first, style in _OTHER_PATROL_GROUPS:
        district = units[code]
        streets = OTHER_DISTRICT_STREETS[code]
        group = add_group(
            ctx,
            program_id=program_ids[key],
            unit=district,
            name=name,
            area=area,
            formed_on=formed_on,
            shape=GroupShape(members=(8, 16), male_share=0.85 if style is TAXI_STYLE else 0.6),
            address=partial(house_address, rng, streets, district.place, district.place),
            until=RANGE_END,
        )
        # Bình Thạnh's group stopped patrolling after 2022: the program is rated ineffective.
        last = date(2022, 9, 30) if key == "bt_apartment" else RANGE_END
        days = spread_dates(ctx, shifts, first, last)
        plans_by_program.setdefault(key, []).extend(plan_shifts(ctx, group, days, style))
    for plans in plans_by_program.values():
        write_shifts(ctx, plans)
    indicators = {key: patrol_indicators(plans) for key, plans in plans_by_program.items()}
    for key, code, per_year in (("bt_rehab", "765", 4), ("q6_rehab", "775", 3)):
        district = units[code]
        streets = OTHER_DISTRICT_STREETS[code]
        first_year = 2016 if key == "bt_rehab" else 2017
        targets = RehabTargets(
            opened_per_year=dict.fromkeys(range(first_year, 2024), per_year),
            progressed=per_year * 2,
            reoffended=2,
            moved_away=1,
            closed=per_year,
            job_referrals=per_year * 2,
            vocational_training=per_year,
            overdue=1,
        )
        result = add_rehab_cases(
            ctx,
            program_id=program_ids[key],
            wards=[district],
            targets=targets,
            address=_addresses_in(ctx, streets),
        )
        indicators[key] = result.by_quarter
    return indicators


def _addresses_in(ctx: DemoContext, streets: tuple[str, ...]) -> Callable[[Unit], str]:
    """Street addresses in a district that has no wards in the demo."""

    def address(unit: Unit) -> str:
        return house_address(ctx.rng, streets, unit.place, unit.place)

    return address
