"""Programs (models) and their quarterly evaluations."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from antq_desktop.domain.enums import MaintainingBody, ProgramKind, ProgramStatus, Rating
from antq_desktop.domain.ids import evaluation_id
from antq_desktop.services.demo.context import RANGE_END, DemoContext, Unit
from antq_desktop.services.demo.names import cached_fold
from antq_desktop.services.demo.texts import EVALUATION_COMMENTS
from antq_desktop.services.evaluations import quarter_end

Quarter = tuple[int, int]
Indicators = dict[str, float]

FIRST_EVALUATED: Quarter = (2022, 1)
"""Quarterly reviews in the demo cover 2022 and 2023."""
LAST_QUARTER: Quarter = (2023, 4)

_LEVELS = (Rating.INEFFECTIVE, Rating.PARTLY_EFFECTIVE, Rating.EFFECTIVE)


@dataclass(frozen=True)
class ProgramSpec:
    key: str
    unit_code: str
    name: str
    kind: ProgramKind
    body: MaintainingBody
    started_on: date
    budget_million: int
    """Annual budget in millions of đồng."""
    rating: Rating | None
    """The rating of the latest quarterly review; None for a program never reviewed."""
    last_quarter: Quarter = LAST_QUARTER
    description: str = ""


def add_program(ctx: DemoContext, spec: ProgramSpec, unit: Unit) -> str:
    writer = ctx.writer
    recognised = spec.started_on + timedelta(days=ctx.rng.randint(150, 330))
    return writer.add(
        "programs",
        spec.started_on,
        (
            unit.id,
            spec.name,
            cached_fold(spec.name),
            spec.kind,
            spec.body,
            ProgramStatus.ACTIVE,
            writer.day(spec.started_on),
            writer.day(recognised if recognised <= RANGE_END else None),
            None,
            spec.budget_million * 1_000_000,
            spec.description,
        ),
    )


def quarters(first: Quarter, last: Quarter) -> list[Quarter]:
    found: list[Quarter] = []
    year, number = first
    while (year, number) <= last:
        found.append((year, number))
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    return found


def first_full_quarter(started_on: date) -> Quarter:
    year, number = started_on.year, (started_on.month - 1) // 3 + 1
    if started_on.month % 3 == 1 and started_on.day == 1:
        return year, number
    return (year + 1, 1) if number == 4 else (year, number + 1)


def _ratings(ctx: DemoContext, final: Rating, count: int) -> list[Rating]:
    """A plausible history ending in `final`: programs improve, slip, or hold steady."""
    level = _LEVELS.index(final)
    history = [level]
    for _ in range(count - 1):
        roll = ctx.rng.random()
        if roll < 0.25 and level != 1:
            level = 1
        elif roll < 0.35:
            level = max(0, min(2, level + ctx.rng.choice((-1, 1))))
        history.append(level)
    return [_LEVELS[index] for index in reversed(history)]


def add_evaluations(
    ctx: DemoContext,
    program_id: str,
    spec: ProgramSpec,
    evaluator: str,
    indicators: dict[Quarter, Indicators] | None = None,
) -> int:
    """Quarterly reviews from 2022 (or the first full quarter) to `spec.last_quarter`."""
    if spec.rating is None:
        return 0
    first = max(FIRST_EVALUATED, first_full_quarter(spec.started_on))
    reviewed = quarters(first, spec.last_quarter)
    writer, rng = ctx.writer, ctx.rng
    for (year, number), rating in zip(
        reviewed, _ratings(ctx, spec.rating, len(reviewed)), strict=True
    ):
        figures = (indicators or {}).get((year, number)) or synthetic_indicators(ctx, spec.kind)
        held = quarter_end(year, number) - timedelta(days=rng.randint(0, 6))
        writer.add(
            "evaluations",
            held,
            (
                program_id,
                year,
                number,
                rating,
                _json(figures),
                rng.choice(EVALUATION_COMMENTS[rating]),
                evaluator,
            ),
            row_id=evaluation_id(program_id, year, number),
        )
    return len(reviewed)


def _json(figures: Indicators) -> str:
    return json.dumps(figures, ensure_ascii=False, sort_keys=True)


def synthetic_indicators(ctx: DemoContext, kind: ProgramKind) -> Indicators:
    """Plausible figures for programs whose day-to-day work the demo does not record."""
    r = ctx.rng.randint
    if kind is ProgramKind.CAMERA_SURVEILLANCE:
        return {
            "cameras_online": r(300, 2_500),
            "clips_provided": r(5, 60),
            "cases_supported": r(1, 20),
        }
    if kind is ProgramKind.DIGITAL_SERVICES_SUPPORT:
        return {"people_helped": r(200, 3_000), "crime_reports": r(2, 40)}
    if kind in (ProgramKind.LANDLORD_WOMEN_WORKER_CLUB, ProgramKind.BOARDING_HOUSE):
        return {"meetings": r(3, 30), "participant_turns": r(60, 900), "findings": r(0, 12)}
    if kind is ProgramKind.REHABILITATION_5_PLUS_1:
        return {"people_helped": r(10, 60), "progressed": r(0, 6), "follow_ups": r(20, 150)}
    return {"patrol_shifts": r(10, 120), "participant_turns": r(40, 600), "findings": r(0, 25)}
