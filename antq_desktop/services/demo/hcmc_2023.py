"""The hcmc-2023 scenario: Hồ Chí Minh City's community security models as reported for 2023.

Built to reproduce the published figures under the definitions of `services.statistics`, for the
city (79) from 2015 to 2023 and for Q4/2023, and for District 4 (773) from 2015 to 2023:

- 42 programs in the city, 19 maintained by the police, 8 rated effective in their latest review;
- District 4's apartment-block groups: 236 patrol shifts, 1,612 participant-turns, the only shifts
  in District 4;
- District 4's "5+1": 278 people helped, 84 progressed, 19 reoffended, 93 referred to jobs and 47
  to vocational training, a handful of follow-ups overdue at the end of 2023.

Other districts get patrols and "5+1" cases of their own, so the city's totals differ from District
4's.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.services.demo import steps
from antq_desktop.services.demo.context import RANGE_END, DemoContext, Unit
from antq_desktop.services.demo.hcmc_districts import APARTMENT_STYLE, build_other_districts
from antq_desktop.services.demo.hcmc_units import (
    DISTRICT4_CODE,
    DISTRICT4_WARDS,
    DISTRICTS,
    PROGRAMS,
    ward_place,
)
from antq_desktop.services.demo.names import (
    APARTMENT_BLOCKS,
    DISTRICT4_STREETS,
    flat_address,
    house_address,
)
from antq_desktop.services.demo.patrols import (
    GroupRecord,
    GroupShape,
    ShiftPlan,
    add_group,
    adjust_turns,
    patrol_indicators,
    plan_shifts,
    spread_dates,
    write_shifts,
)
from antq_desktop.services.demo.programs import (
    FIRST_EVALUATED,
    LAST_QUARTER,
    Indicators,
    Quarter,
    add_evaluations,
    add_program,
    quarters,
)
from antq_desktop.services.demo.rehab import RehabTargets, add_rehab_cases

DISTRICT4_SHIFTS = 236
DISTRICT4_PARTICIPANT_TURNS = 1_612
DISTRICT4_REHAB = RehabTargets(
    opened_per_year={
        2015: 28,
        2016: 30,
        2017: 32,
        2018: 34,
        2019: 33,
        2020: 28,
        2021: 27,
        2022: 33,
        2023: 33,
    },
    progressed=84,
    reoffended=19,
    moved_away=14,
    closed=38,
    job_referrals=93,
    vocational_training=47,
    overdue=7,
)

# (ward code, block, formed on): District 4's apartment-block groups.
DISTRICT4_BLOCKS: tuple[tuple[str, str, date], ...] = (
    ("27298", APARTMENT_BLOCKS[0], date(2020, 10, 15)),
    ("27298", APARTMENT_BLOCKS[1], date(2020, 11, 2)),
    ("27265", APARTMENT_BLOCKS[2], date(2020, 10, 20)),
    ("27265", APARTMENT_BLOCKS[3], date(2021, 3, 8)),
    ("27262", APARTMENT_BLOCKS[4], date(2020, 12, 1)),
    ("27289", APARTMENT_BLOCKS[5], date(2021, 1, 10)),
    ("27259", APARTMENT_BLOCKS[6], date(2021, 4, 1)),
    ("27292", APARTMENT_BLOCKS[7], date(2021, 6, 5)),
)


def build(ctx: DemoContext, city: Unit, progress: steps.Progress) -> None:
    progress(steps.UNITS(districts=len(DISTRICTS), wards=len(DISTRICT4_WARDS)))
    units = _add_units(ctx, city)
    progress(steps.PROGRAMS(count=len(PROGRAMS)))
    program_ids = {spec.key: add_program(ctx, spec, units[spec.unit_code]) for spec in PROGRAMS}
    indicators: dict[str, dict[Quarter, Indicators]] = {}
    progress(steps.DISTRICT4_PATROLS())
    indicators["q4_apartment"] = _district4_apartments(ctx, units, program_ids["q4_apartment"])
    _district4_other_groups(ctx, units, program_ids)
    progress(steps.DISTRICT4_REHAB())
    wards = [units[code] for code, _ in DISTRICT4_WARDS]
    rehab = add_rehab_cases(
        ctx,
        program_id=program_ids["q4_rehab"],
        wards=wards,
        targets=DISTRICT4_REHAB,
        address=lambda ward: house_address(ctx.rng, DISTRICT4_STREETS, ward.place, ward.district),
    )
    indicators["q4_rehab"] = rehab.by_quarter
    progress(steps.OTHER_DISTRICTS())
    indicators |= build_other_districts(ctx, units, program_ids)
    indicators["city_camera"] = _city_cameras()
    progress(steps.EVALUATIONS(first=2022, last=2023))
    for spec in PROGRAMS:
        unit = units[spec.unit_code]
        evaluator = f"Ban Chỉ đạo phong trào toàn dân bảo vệ ANTQ {unit.place}"
        add_evaluations(ctx, program_ids[spec.key], spec, evaluator, indicators.get(spec.key))


def _add_units(ctx: DemoContext, city: Unit) -> dict[str, Unit]:
    units = {city.code: city}
    created = date(2015, 1, 1)
    for code, name in DISTRICTS:
        units[code] = ctx.add_unit(
            code=code,
            name=name,
            level=UnitLevel.DISTRICT,
            parent=city,
            place=name,
            entered_on=created,
        )
    district4 = units[DISTRICT4_CODE]
    for code, name in DISTRICT4_WARDS:
        units[code] = ctx.add_unit(
            code=code,
            name=name,
            level=UnitLevel.WARD,
            parent=district4,
            place=ward_place(name),
            entered_on=created,
        )
    return units


def _allocate(total: int, weights: list[float]) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainders), summing exactly."""
    scale = total / sum(weights)
    shares = [weight * scale for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def _district4_apartments(
    ctx: DemoContext, units: dict[str, Unit], program_id: str
) -> dict[Quarter, Indicators]:
    rng = ctx.rng
    groups: list[GroupRecord] = []
    for ward_code, block, formed_on in DISTRICT4_BLOCKS:
        ward = units[ward_code]
        groups.append(
            add_group(
                ctx,
                program_id=program_id,
                unit=ward,
                name=f"Tổ tự quản an ninh trật tự {block}",
                area=block,
                formed_on=formed_on,
                shape=GroupShape(members=(10, 15), born=(1950, 1995), male_share=0.55),
                address=partial(flat_address, rng, block, ward.place, ward.district),
                until=RANGE_END,
            )
        )
    first_days = [group.formed_on + timedelta(days=21) for group in groups]
    weights = [(RANGE_END - first).days * rng.uniform(0.8, 1.2) for first in first_days]
    plans: list[ShiftPlan] = []
    for group, first, count in zip(
        groups, first_days, _allocate(DISTRICT4_SHIFTS, weights), strict=True
    ):
        days = spread_dates(ctx, count, first, RANGE_END)
        plans += plan_shifts(ctx, group, days, APARTMENT_STYLE)
    if len(plans) != DISTRICT4_SHIFTS:
        raise AssertionError(f"planned {len(plans)} shifts for District 4")
    adjust_turns(ctx, plans, DISTRICT4_PARTICIPANT_TURNS)
    write_shifts(ctx, plans)
    return patrol_indicators(plans)


def _district4_other_groups(
    ctx: DemoContext, units: dict[str, Unit], program_ids: dict[str, str]
) -> None:
    """Household groups, a landlord club and a boarding-house group: members, no patrols."""
    rng = ctx.rng
    groups = [
        ("q4_household", "27286", "Tổ liên gia tự quản số 1, khu phố 2", date(2016, 10, 1)),
        ("q4_household", "27286", "Tổ liên gia tự quản số 2, khu phố 2", date(2016, 10, 1)),
        ("q4_household", "27268", "Tổ liên gia tự quản số 5, khu phố 1", date(2017, 3, 15)),
        ("q4_household", "27268", "Tổ liên gia tự quản số 6, khu phố 1", date(2017, 3, 15)),
        ("q4_household", "27283", "Tổ liên gia tự quản số 3, khu phố 4", date(2018, 6, 1)),
        ("q4_clubs", "27289", "Câu lạc bộ chủ nhà trọ Phường 16", date(2019, 5, 10)),
        ("q4_clubs", "27277", "Câu lạc bộ chủ nhà trọ Phường 18", date(2019, 8, 20)),
        ("p16_boarding", "27289", "Khu nhà trọ tự quản số 1 Phường 16", date(2020, 7, 1)),
    ]
    for key, ward_code, name, formed_on in groups:
        ward = units[ward_code]
        club = key == "q4_clubs"
        add_group(
            ctx,
            program_id=program_ids[key],
            unit=ward,
            name=name,
            area=ward.place,
            formed_on=formed_on,
            shape=GroupShape(
                members=(12, 20) if club else (8, 14), male_share=0.4 if club else 0.6
            ),
            address=partial(house_address, rng, DISTRICT4_STREETS, ward.place, ward.district),
            until=RANGE_END,
        )


def _city_cameras() -> dict[Quarter, Indicators]:
    """The city's camera network growing to 4,258 recorders and over 30,000 cameras by 2023."""
    reviewed = quarters(FIRST_EVALUATED, LAST_QUARTER)
    figures: dict[Quarter, Indicators] = {}
    for index, quarter in enumerate(reviewed):
        share = (index + 1) / len(reviewed)
        figures[quarter] = {
            "recorders": round(3_610 + (4_258 - 3_610) * share),
            "cameras_online": round(25_400 + (30_350 - 25_400) * share),
            "clips_provided": 180 + 12 * index,
            "cases_supported": 40 + 3 * index,
        }
    return figures
