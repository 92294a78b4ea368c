"""The "5+1" work of a district: people helped, their helpers, follow-ups and supports.

`add_rehab_cases` meets exact targets (statuses, people with a job referral or vocational training,
overdue follow-ups), so a scenario can reproduce published figures under the definitions of
`services.statistics`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from antq_desktop.domain.enums import (
    FollowUpAssessment,
    FollowUpKind,
    Gender,
    HelperKind,
    RehabCategory,
    RehabStatus,
    SupportKind,
    SupportResult,
)
from antq_desktop.services.demo.context import RANGE_END, DemoContext, Unit
from antq_desktop.services.demo.names import PersonData, write_person
from antq_desktop.services.demo.patrols import quarter_of
from antq_desktop.services.demo.texts import FAMILY_RELATIONS, FOLLOW_UP_NOTES, SUPPORT_PROVIDERS
from antq_desktop.services.rehab import CLOSING_STATUSES

T = TypeVar("T")

_OUTCOMES = {
    RehabStatus.PROGRESSED: "Được tổ giúp đỡ đề nghị công nhận tiến bộ, có việc làm ổn định",
    RehabStatus.REOFFENDED: "Tái phạm, đã bàn giao hồ sơ cho Công an phường",
    RehabStatus.MOVED_AWAY: "Chuyển nơi cư trú, đã thông báo cho địa phương nơi đến",
    RehabStatus.CLOSED: "Hết thời hạn giúp đỡ, chấp hành tốt quy định của địa phương",
}
# Days from opening to the current status: (earliest, latest).
_STATUS_DELAY = {
    RehabStatus.PROGRESSED: (365, 900),
    RehabStatus.REOFFENDED: (60, 720),
    RehabStatus.MOVED_AWAY: (90, 1000),
    RehabStatus.CLOSED: (180, 1500),
}
_CATEGORIES = (
    (RehabCategory.AFTER_PRISON, 45),
    (RehabCategory.AFTER_DRUG_REHABILITATION, 30),
    (RehabCategory.COMMUNITY_EDUCATION, 20),
    (RehabCategory.OTHER, 5),
)
_ORGANISATIONS = {
    HelperKind.POLICE: "Công an {ward}",
    HelperKind.RESIDENTIAL_GROUP: "Ban điều hành khu phố {quarter}, {ward}",
    HelperKind.FATHERLAND_FRONT: "Ban Công tác Mặt trận khu phố {quarter}",
    HelperKind.WOMEN_UNION: "Chi hội Phụ nữ khu phố {quarter}",
    HelperKind.YOUTH_UNION: "Chi đoàn khu phố {quarter}",
    HelperKind.VETERANS_ASSOCIATION: "Chi hội Cựu chiến binh khu phố {quarter}",
}
_OPTIONAL_HELPERS = (
    HelperKind.FATHERLAND_FRONT,
    HelperKind.WOMEN_UNION,
    HelperKind.YOUTH_UNION,
    HelperKind.VETERANS_ASSOCIATION,
)


@dataclass(frozen=True)
class RehabTargets:
    opened_per_year: dict[int, int]
    progressed: int
    reoffended: int
    moved_away: int
    closed: int
    job_referrals: int
    vocational_training: int
    overdue: int
    """Active cases whose follow-up is overdue at the end of the story."""


@dataclass
class _Case:
    opened: date
    ward: Unit
    status: RehabStatus = RehabStatus.ACTIVE
    status_since: date | None = None
    overdue: bool = False
    supports: list[tuple[SupportKind, date]] = field(default_factory=list)

    @property
    def until(self) -> date:
        """The last day of help: the change of status, or the end of the story while active."""
        return self.status_since or RANGE_END


@dataclass
class RehabResult:
    people: int = 0
    by_quarter: dict[tuple[int, int], dict[str, float]] = field(default_factory=dict)


def _weighted_pick(
    ctx: DemoContext, items: Sequence[T], count: int, weight: Callable[[T], float]
) -> list[T]:
    """`count` distinct items, heavier ones more likely (Efraimidis–Spirakis keys)."""
    if count > len(items):
        raise ValueError(f"cannot pick {count} of {len(items)}")
    random = ctx.rng.random
    keyed = sorted(items, key=lambda item: random() ** (1.0 / max(weight(item), 1e-6)))
    return keyed[len(keyed) - count :]


def _plan_cases(ctx: DemoContext, wards: Sequence[Unit], targets: RehabTargets) -> list[_Case]:
    rng = ctx.rng
    cases: list[_Case] = []
    for year, count in sorted(targets.opened_per_year.items()):
        first = date(year, 1, 1)
        last = min(date(year, 12, 31), RANGE_END)
        for _ in range(count):
            opened = first + timedelta(days=rng.randint(0, (last - first).days))
            cases.append(_Case(opened, rng.choice(wards)))
    cases.sort(key=lambda case: case.opened)

    def age(case: _Case) -> float:
        return float((RANGE_END - case.opened).days)

    pending = list(cases)
    for status, count in (
        (RehabStatus.PROGRESSED, targets.progressed),
        (RehabStatus.REOFFENDED, targets.reoffended),
        (RehabStatus.MOVED_AWAY, targets.moved_away),
        (RehabStatus.CLOSED, targets.closed),
    ):
        earliest, latest = _STATUS_DELAY[status]
        eligible = [case for case in pending if age(case) >= earliest]
        chosen = _weighted_pick(ctx, eligible, count, lambda case: age(case) ** 1.5)
        for case in chosen:
            delay = rng.randint(earliest, min(latest, int(age(case))))
            case.status, case.status_since = status, case.opened + timedelta(days=delay)
        pending = [case for case in pending if case.status is RehabStatus.ACTIVE]
    old_active = [case for case in pending if age(case) >= 200]
    for case in _weighted_pick(ctx, old_active, targets.overdue, lambda case: 1.0):
        case.overdue = True
    return cases


def _plan_supports(ctx: DemoContext, cases: list[_Case], targets: RehabTargets) -> None:
    rng = ctx.rng
    preference = {RehabStatus.PROGRESSED: 3.0, RehabStatus.ACTIVE: 2.0}

    def weight(case: _Case) -> float:
        return preference.get(case.status, 1.0)

    def start(case: _Case) -> date:
        span = (case.until - case.opened).days
        return case.opened + timedelta(days=rng.randint(min(20, span), max(min(20, span), span)))

    eligible = [case for case in cases if (case.until - case.opened).days >= 20]
    for kind, count in (
        (SupportKind.JOB_REFERRAL, targets.job_referrals),
        (SupportKind.VOCATIONAL_TRAINING, targets.vocational_training),
    ):
        for case in _weighted_pick(ctx, eligible, count, weight):
            case.supports.append((kind, start(case)))
            if kind is SupportKind.JOB_REFERRAL and rng.random() < 0.2:
                case.supports.append((kind, start(case)))  # a second try after the first failed
    for case in eligible:
        if rng.random() < 0.08:
            case.supports.append((SupportKind.LOAN, start(case)))
        if rng.random() < 0.15:
            case.supports.append((SupportKind.OTHER, start(case)))


def _assessment(ctx: DemoContext, case: _Case, progress: float) -> FollowUpAssessment:
    roll = ctx.rng.random()
    good, stable, concern = (
        FollowUpAssessment.GOOD,
        FollowUpAssessment.STABLE,
        FollowUpAssessment.CONCERN,
    )
    if case.status is RehabStatus.PROGRESSED:
        return good if roll < progress else stable if roll < 0.9 else concern
    if case.status is RehabStatus.REOFFENDED:
        if progress > 0.7:
            return FollowUpAssessment.SERIOUS_CONCERN if roll < 0.6 else concern
        return stable if roll < 0.6 else concern
    return good if roll < 0.2 else stable if roll < 0.75 else concern


def add_rehab_cases(
    ctx: DemoContext,
    *,
    program_id: str,
    wards: Sequence[Unit],
    targets: RehabTargets,
    address: Callable[[Unit], str],
) -> RehabResult:
    """Write the cases, their people, helpers, follow-ups and supports; figures per quarter."""
    writer, rng = ctx.writer, ctx.rng
    cases = _plan_cases(ctx, wards, targets)
    _plan_supports(ctx, cases, targets)
    helper_pool: dict[tuple[str, HelperKind], list[tuple[str, str]]] = {}
    result = RehabResult(people=len(cases))
    for case in cases:
        gender = Gender.MALE if rng.random() < 0.88 else Gender.FEMALE
        person = ctx.people.person(
            born=(case.opened.year - 55, case.opened.year - 18), gender=gender, phone_share=0.8
        )
        person_id = write_person(writer, case.ward.id, case.opened, person, address(case.ward))
        category = rng.choices([c for c, _ in _CATEGORIES], [w for _, w in _CATEGORIES])[0]
        case_id = writer.add(
            "rehab_cases",
            case.opened,
            (
                person_id,
                case.ward.id,
                program_id,
                category,
                writer.day(case.opened),
                case.status,
                writer.day(case.status_since or case.opened),
                writer.day(case.status_since if case.status in CLOSING_STATUSES else None),
                _OUTCOMES.get(case.status, ""),
                "",
            ),
        )
        quarter = str(rng.randint(1, 6))
        kinds = [HelperKind.POLICE, HelperKind.RESIDENTIAL_GROUP]
        kinds += rng.sample(_OPTIONAL_HELPERS, rng.randint(1, 3))
        helper_ids: list[str] = []
        for kind in kinds:
            pool = helper_pool.setdefault((case.ward.id, kind), [])
            if len(pool) < 3:
                pool.append((ctx.people.full_name(_helper_gender(ctx, kind)), ctx.people.phone()))
            name, phone = rng.choice(pool)
            organisation = _ORGANISATIONS[kind].format(ward=case.ward.place, quarter=quarter)
            helper_ids.append(_add_helper(ctx, case_id, case, kind, name, organisation, phone))
        relative, relation = _family_member(ctx, person)
        helper_ids.append(
            _add_helper(
                ctx, case_id, case, HelperKind.FAMILY, relative, relation, ctx.people.phone()
            )
        )
        follow_ups = _add_follow_ups(ctx, case_id, case, helper_ids)
        for support_kind, started in sorted(case.supports, key=lambda support: support[1]):
            _add_support(ctx, case_id, case, support_kind, started)
        _count_quarters(result, case, follow_ups)
    return result


def _family_member(ctx: DemoContext, person: PersonData) -> tuple[str, str]:
    """The "+1": a parent, a brother or sister (same family name), or the spouse of an adult."""
    rng = ctx.rng
    if person.birth_date.year < 1995 and rng.random() < 0.35:
        relation, gender, same_family = (
            ("vợ", Gender.FEMALE, False)
            if person.gender is Gender.MALE
            else ("chồng", Gender.MALE, False)
        )
    else:
        relation, gender, same_family = rng.choice(FAMILY_RELATIONS)
    name = ctx.people.full_name(gender)
    if same_family:
        name = f"{person.full_name.split(' ')[0]} {name.split(' ', 1)[1]}"
    return name, f"Gia đình ({relation})"


def _helper_gender(ctx: DemoContext, kind: HelperKind) -> Gender:
    if kind is HelperKind.WOMEN_UNION:
        return Gender.FEMALE
    male_share = 0.85 if kind in (HelperKind.POLICE, HelperKind.VETERANS_ASSOCIATION) else 0.5
    return Gender.MALE if ctx.rng.random() < male_share else Gender.FEMALE


def _add_helper(
    ctx: DemoContext,
    case_id: str,
    case: _Case,
    kind: HelperKind,
    name: str,
    organisation: str,
    phone: str,
) -> str:
    writer = ctx.writer
    ended = case.status_since if case.status is not RehabStatus.ACTIVE else None
    return writer.add(
        "rehab_helpers",
        case.opened,
        (case_id, kind, name, organisation, phone, writer.day(case.opened), writer.day(ended)),
    )


def _add_follow_ups(
    ctx: DemoContext, case_id: str, case: _Case, helper_ids: list[str]
) -> list[date]:
    """Visits every one to three months; the last one sets the next due date.

    An active case's last due date falls after the end of the story, unless the case is one of the
    overdue ones: those stop being visited some months before the end.
    """
    rng, writer = ctx.rng, ctx.writer
    schedule: list[tuple[date, date]] = []
    held = case.opened + timedelta(days=rng.randint(3, 20))
    while held <= case.until:
        due = held + timedelta(days=rng.choice((30, 30, 45, 60, 90)))
        schedule.append((held, due))
        if due > case.until:
            break
        held = due - timedelta(days=rng.randint(0, 7))
    if case.overdue:
        cut_off = RANGE_END - timedelta(days=rng.randint(10, 60))
        while len(schedule) > 1 and schedule[-1][1] >= cut_off:
            schedule.pop()
    span = max((case.until - case.opened).days, 1)
    for index, (held, due) in enumerate(schedule):
        last = index == len(schedule) - 1
        assessment = _assessment(ctx, case, (held - case.opened).days / span)
        kind = rng.choices(
            (FollowUpKind.HOME_VISIT, FollowUpKind.TALK, FollowUpKind.PHONE_CALL),
            (45, 35, 20),
        )[0]
        notes = rng.choice(FOLLOW_UP_NOTES[assessment])
        next_due = None if last and case.status is not RehabStatus.ACTIVE else due
        writer.add(
            "follow_ups",
            held,
            (
                case_id,
                rng.choice(helper_ids),
                writer.day(held),
                kind,
                assessment,
                notes,
                writer.day(next_due),
            ),
        )
    return [held for held, _ in schedule]


def _add_support(
    ctx: DemoContext, case_id: str, case: _Case, kind: SupportKind, started: date
) -> None:
    rng, writer = ctx.rng, ctx.writer
    if (RANGE_END - started).days < 60 and case.status is RehabStatus.ACTIVE:
        result = SupportResult.PENDING
    else:
        success = 0.85 if case.status is RehabStatus.PROGRESSED else 0.6
        result = SupportResult.SUCCEEDED if rng.random() < success else SupportResult.FAILED
    provider = rng.choice(SUPPORT_PROVIDERS[kind]).format(district=case.ward.district)
    writer.add(
        "supports",
        started,
        (case_id, kind, provider, writer.day(started), result, ""),
    )


def _count_quarters(result: RehabResult, case: _Case, follow_ups: list[date]) -> None:
    first, last = quarter_of(case.opened), quarter_of(case.until)
    year, number = first
    while (year, number) <= last:
        figures = result.by_quarter.setdefault(
            (year, number), {"people_helped": 0, "progressed": 0, "follow_ups": 0}
        )
        figures["people_helped"] += 1
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    if case.status is RehabStatus.PROGRESSED and case.status_since is not None:
        result.by_quarter[quarter_of(case.status_since)]["progressed"] += 1
    for held in follow_ups:
        result.by_quarter[quarter_of(held)]["follow_ups"] += 1
