"""Self-managed groups with their members, and the patrol shifts they run.

Shifts are planned first (`ShiftPlan`), so a scenario can adjust them to exact totals, and written
afterwards. Participants of a shift are always members of its group active on the shift's day.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from itertools import accumulate
from operator import attrgetter

from antq_desktop.domain.enums import Gender, GroupStatus, MemberRole
from antq_desktop.services.demo.context import DemoContext, Unit
from antq_desktop.services.demo.names import cached_fold, write_person
from antq_desktop.services.demo.texts import SHIFT_NOTES, Finding

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Span:
    """One membership: a person in the group with a role from `joined` to `left` (both counted)."""

    person_id: str
    role: MemberRole
    joined: date
    left: date | None


class ActiveMembers:
    """Who is a member on a given day, precomputed for each stretch where nobody joins or leaves."""

    def __init__(self, spans: Sequence[Span]) -> None:
        changes = sorted(
            {span.joined for span in spans} | {s.left + ONE_DAY for s in spans if s.left}
        )
        self._starts = changes
        self._members = [
            tuple(
                span.person_id
                for span in spans
                if span.joined <= start and (span.left is None or span.left >= start)
            )
            for start in changes
        ]

    def on(self, day: date) -> tuple[str, ...]:
        index = bisect_right(self._starts, day) - 1
        return self._members[index] if index >= 0 else ()


@dataclass
class GroupRecord:
    id: str
    unit: Unit
    name: str
    area: str
    formed_on: date
    spans: list[Span]
    members: ActiveMembers = field(init=False)

    def __post_init__(self) -> None:
        self.members = ActiveMembers(self.spans)


@dataclass(frozen=True, slots=True)
class GroupShape:
    """How a group is staffed: size, who its members are, how many leave and are replaced."""

    members: tuple[int, int]
    born: tuple[int, int] = (1955, 1998)
    male_share: float = 0.6
    turnover: float = 0.12
    """Share of the first members who leave before the end; each is replaced by a newcomer."""


def add_group(
    ctx: DemoContext,
    *,
    program_id: str,
    unit: Unit,
    name: str,
    area: str,
    formed_on: date,
    shape: GroupShape,
    address: Callable[[], str],
    until: date,
) -> GroupRecord:
    """Write a group with a leader, a deputy and members (people and memberships)."""
    writer, rng = ctx.writer, ctx.rng
    group_id = writer.add(
        "community_groups",
        formed_on,
        (
            program_id,
            unit.id,
            name,
            cached_fold(name),
            area,
            GroupStatus.ACTIVE,
            writer.day(formed_on),
            None,
            "",
        ),
    )
    size = rng.randint(*shape.members)
    roles = [MemberRole.LEADER, MemberRole.DEPUTY] + [MemberRole.MEMBER] * max(size - 2, 1)
    spans: list[Span] = []

    def join(role: MemberRole, joined: date) -> None:
        leader_gender = Gender.MALE if role is MemberRole.LEADER and rng.random() < 0.8 else None
        person = ctx.people.person(
            born=shape.born, gender=leader_gender, male_share=shape.male_share, phone_share=0.95
        )
        left: date | None = None
        days_left = (until - joined).days
        if days_left > 400 and rng.random() < shape.turnover:
            left = joined + timedelta(days=rng.randint(180, days_left - 60))
        person_id = write_person(writer, unit.id, joined, person, address())
        writer.add(
            "memberships",
            joined,
            (group_id, person_id, role, writer.day(joined), writer.day(left)),
        )
        spans.append(Span(person_id, role, joined, left))
        if left is not None:  # a newcomer takes the place a few weeks later
            comes = left + timedelta(days=rng.randint(1, 45))
            if comes <= until:
                join(role, comes)

    for role in roles:
        join(role, formed_on if role is not MemberRole.MEMBER else formed_on + _days(ctx, 0, 20))
    return GroupRecord(group_id, unit, name, area, formed_on, spans)


def _days(ctx: DemoContext, low: int, high: int) -> timedelta:
    return timedelta(days=ctx.rng.randint(low, high))


@dataclass(slots=True)
class ShiftPlan:
    group: GroupRecord
    day: date
    start: time
    end: time
    area: str
    participants: list[str]
    others: int
    reminded: int
    findings: list[Finding]
    notes: str

    @property
    def turns(self) -> int:
        return len(self.participants) + self.others


@dataclass(frozen=True, slots=True)
class PatrolStyle:
    """How a kind of group patrols: crew size, outsiders joining, hours, what it tends to find."""

    crew: tuple[int, int]
    others: tuple[int, int]
    hours: tuple[tuple[time, time], ...]
    findings: tuple[tuple[Finding, int], ...]
    finding_rate: float
    reminded_rate: float
    reminded: tuple[int, int]
    areas: tuple[str, ...] = ()


def spread_dates(ctx: DemoContext, count: int, start: date, end: date) -> list[date]:
    """`count` distinct days from `start` to `end`, evenly spread with some jitter."""
    days = (end - start).days + 1
    count = min(count, days)
    if count <= 0:
        return []
    step = days / count
    random = ctx.rng.random
    return [start + timedelta(days=int((index + random()) * step)) for index in range(count)]


def plan_shifts(
    ctx: DemoContext, group: GroupRecord, days: Sequence[date], style: PatrolStyle
) -> list[ShiftPlan]:
    """One shift per day given, crewed by members active that day. Called for hundreds of
    thousands of shifts at `--scale`, so it draws plain `random()` numbers rather than calling the
    slower `randint`/`sample` helpers."""
    random = ctx.rng.random
    finding_pool = [finding for finding, _ in style.findings]
    finding_weights = list(accumulate(weight for _, weight in style.findings))
    crew_low, crew_span = style.crew[0], style.crew[1] - style.crew[0] + 1
    others_low, others_span = style.others[0], style.others[1] - style.others[0] + 1
    reminded_low, reminded_span = style.reminded[0], style.reminded[1] - style.reminded[0] + 1
    hours, areas = style.hours, style.areas
    plans: list[ShiftPlan] = []
    for day in days:
        active = group.members.on(day)
        if not active:
            continue
        crew = _pick(random, active, min(crew_low + int(random() * crew_span), len(active)))
        findings: list[Finding] = []
        if random() < style.finding_rate:
            count = 1 if random() < 0.8 else 2
            findings = ctx.rng.choices(finding_pool, cum_weights=finding_weights, k=count)
        start, end = hours[int(random() * len(hours))]
        notes = ""
        if (day.month == 1 and day.day >= 15) or (day.month == 2 and day.day <= 15):
            notes = "Tuần tra cao điểm dịp Tết Nguyên đán"
        elif random() < 0.08:
            notes = SHIFT_NOTES[int(random() * len(SHIFT_NOTES))]
        reminded = 0
        if random() < style.reminded_rate:
            reminded = reminded_low + int(random() * reminded_span)
        area = areas[int(random() * len(areas))] if areas else group.area
        others = others_low + int(random() * others_span)
        plans.append(
            ShiftPlan(group, day, start, end, area, crew, others, reminded, findings, notes)
        )
    return plans


def _pick(random: Callable[[], float], population: Sequence[str], count: int) -> list[str]:
    """`count` distinct members (a crew is small, so redrawing a repeat is cheaper than sample)."""
    size = len(population)
    chosen: list[str] = []
    while len(chosen) < count:
        member = population[int(random() * size)]
        if member not in chosen:
            chosen.append(member)
    return chosen


def adjust_turns(ctx: DemoContext, plans: Sequence[ShiftPlan], target: int) -> None:
    """Add or remove participants and outsiders, one at a time, until the turns total `target`."""
    rng = ctx.rng
    total = sum(plan.turns for plan in plans)
    while total != target:
        plan = rng.choice(plans)
        if total < target:
            spare = [p for p in plan.group.members.on(plan.day) if p not in plan.participants]
            if spare and len(plan.participants) < 8 and rng.random() < 0.5:
                plan.participants.append(rng.choice(spare))
            elif plan.others < 6:
                plan.others += 1
            else:
                continue
            total += 1
        else:
            if plan.others > 0:
                plan.others -= 1
            elif len(plan.participants) > 2:
                plan.participants.pop()
            else:
                continue
            total -= 1


def write_shifts(ctx: DemoContext, plans: Sequence[ShiftPlan]) -> None:
    """Write the shifts in date order, each with its participants and findings."""
    writer = ctx.writer
    add, add_many, day_text, clock_text = writer.add, writer.add_many, writer.day, writer.clock
    for plan in sorted(plans, key=attrgetter("day")):  # stable: same-day shifts keep their order
        day = plan.day
        shift_id = add(
            "patrol_shifts",
            day,
            (
                plan.group.id,
                day_text(day),
                clock_text(plan.start),
                clock_text(plan.end),
                plan.area,
                plan.others,
                plan.reminded,
                plan.notes,
            ),
        )
        add_many("patrol_participants", day, [(shift_id, person) for person in plan.participants])
        if plan.findings:
            add_many("findings", day, [(shift_id, *finding) for finding in plan.findings])


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def patrol_indicators(plans: Sequence[ShiftPlan]) -> dict[tuple[int, int], dict[str, float]]:
    """Per quarter: shifts, participant-turns, findings and residents reminded (for evaluations)."""
    totals: dict[tuple[int, int], dict[str, float]] = {}
    for plan in plans:
        key = quarter_of(plan.day)
        quarter = totals.get(key)
        if quarter is None:
            quarter = totals[key] = dict.fromkeys(
                ("patrol_shifts", "participant_turns", "findings", "residents_reminded"), 0.0
            )
        quarter["patrol_shifts"] += 1
        quarter["participant_turns"] += len(plan.participants) + plan.others
        quarter["findings"] += len(plan.findings)
        quarter["residents_reminded"] += plan.reminded
    return totals
