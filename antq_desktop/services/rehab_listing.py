"""The list of "5+1" cases for the window, and the look-ups its case editor needs.

`CASE_LIST` is a `Listing` (count and pages in SQL): the person helped (sorted the Vietnamese way),
citizen ID (masked by the window), category, status, dates, the next follow-up due (set by the
latest live follow-up) and the unit. Besides the unit, status, category and opening-date filters,
`"overdue"` (a day) keeps the cases `rehab_followups.find_overdue` counts as overdue on that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, or_, select

from antq_desktop.domain.enums import ProgramKind, RehabCategory, RehabStatus
from antq_desktop.domain.messages import message
from antq_desktop.domain.text import fold
from antq_desktop.services import fields
from antq_desktop.services.listing import (
    ColumnKind,
    ListColumn,
    Listing,
    equals,
    in_subtree,
    on_or_after,
    on_or_before,
)
from antq_desktop.services.people import PersonView, search_people
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.programs import list_programs
from antq_desktop.services.rehab_followups import NO_FOLLOW_UP_GRACE_DAYS, OverdueCase, find_overdue
from antq_desktop.services.units import subtree_ids
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import FollowUp, OrgUnit, Person, RehabCase

NEXT_DUE = message("rehab_list.next_due", "Hạn theo dõi tiếp", "Next follow-up due")
PERSON_HELPED = message("rehab_list.person", "Người được giúp đỡ", "Person helped")
CASE_CATEGORY = message("rehab_list.category", "Diện giúp đỡ", "Category")

_live_follow_up = and_(FollowUp.case_id == RehabCase.id, FollowUp.deleted_at.is_(None))

LATEST_NEXT_DUE = (
    select(FollowUp.next_due_on)
    .where(_live_follow_up)
    .order_by(FollowUp.held_on.desc(), FollowUp.id.desc())
    .limit(1)
    .correlate(RehabCase)
    .scalar_subquery()
)
"""The next due date set by the case's latest live follow-up (None: none, or none set)."""


def _person_search(query: str) -> list[ColumnElement[bool]]:
    """The person's folded name, citizen ID or phone (as `people.search_people` matches them)."""
    folded = fold(query)
    if not folded:
        return []
    digits = "".join(ch for ch in folded if ch.isdigit())
    terms = [Person.search_text.contains(folded, autoescape=True)]
    if digits and digits != folded:
        terms.append(Person.search_text.contains(digits, autoescape=True))
    return [or_(*terms)]


def _overdue_on(value: Any) -> ColumnElement[bool] | None:
    """Active cases needing a follow-up on day `value` (the rule of `find_overdue`)."""
    if value is None:
        return None
    as_of: date = value
    latest_held = (
        select(FollowUp.held_on)
        .where(_live_follow_up, FollowUp.held_on <= as_of)
        .order_by(FollowUp.held_on.desc(), FollowUp.id.desc())
        .limit(1)
        .correlate(RehabCase)
        .scalar_subquery()
    )
    latest_due = (
        select(FollowUp.next_due_on)
        .where(_live_follow_up, FollowUp.held_on <= as_of)
        .order_by(FollowUp.held_on.desc(), FollowUp.id.desc())
        .limit(1)
        .correlate(RehabCase)
        .scalar_subquery()
    )
    followed = exists().where(_live_follow_up, FollowUp.held_on <= as_of)
    grace = timedelta(days=NO_FOLLOW_UP_GRACE_DAYS)
    return and_(
        RehabCase.status == RehabStatus.ACTIVE,
        RehabCase.opened_on <= as_of,
        or_(
            and_(latest_held.is_not(None), latest_due < as_of),
            and_(~followed, RehabCase.opened_on < as_of - grace),
        ),
    )


CASE_LIST = Listing(
    name="rehab_cases",
    permission=Permission.READ_REHAB,
    id_column=RehabCase.id,
    columns=(
        ListColumn("person", PERSON_HELPED, Person.full_name, sort_by=Person.sort_key),
        ListColumn("citizen_id", fields.CITIZEN_ID, Person.citizen_id, ColumnKind.CITIZEN_ID),
        ListColumn(
            "category",
            CASE_CATEGORY,
            RehabCase.category,
            ColumnKind.ENUM,
            enum_type=RehabCategory,
        ),
        ListColumn(
            "status", fields.STATUS, RehabCase.status, ColumnKind.ENUM, enum_type=RehabStatus
        ),
        ListColumn("opened_on", fields.OPENED_ON, RehabCase.opened_on, ColumnKind.DATE),
        ListColumn("status_since", fields.STATUS_SINCE, RehabCase.status_since, ColumnKind.DATE),
        ListColumn("next_due_on", NEXT_DUE, LATEST_NEXT_DUE, ColumnKind.DATE),
        ListColumn("unit", fields.UNIT, OrgUnit.name, sort_by=OrgUnit.name_folded),
        ListColumn(
            "closed_on", fields.CLOSED_ON, RehabCase.closed_on, ColumnKind.DATE, visible=False
        ),
    ),
    base=lambda statement: (
        statement.select_from(RehabCase)
        .join(Person, Person.id == RehabCase.person_id)
        .join(OrgUnit, OrgUnit.id == RehabCase.unit_id)
        .where(RehabCase.deleted_at.is_(None))
    ),
    search=_person_search,
    default_order=(Person.sort_key, RehabCase.opened_on),
    filters={
        "unit": in_subtree(RehabCase.unit_id),
        "status": equals(RehabCase.status),
        "category": equals(RehabCase.category),
        "date_from": on_or_after(RehabCase.opened_on),
        "date_to": on_or_before(RehabCase.opened_on),
        "overdue": _overdue_on,
    },
)
"""Cases for the window's list, in Vietnamese name order of the person helped."""


# --- Look-ups for the case editor ------------------------------------------------------------


@dataclass(frozen=True)
class PersonChoice:
    """A person offered by the case editor's search, with what tells two namesakes apart."""

    id: str
    full_name: str
    citizen_id: str | None
    birth_date: date | None
    address: str
    unit_id: str


def choice_of(person: PersonView) -> PersonChoice:
    return PersonChoice(
        id=person.id,
        full_name=person.full_name,
        citizen_id=person.citizen_id,
        birth_date=person.birth_date,
        address=person.address,
        unit_id=person.unit_id,
    )


def find_people(workspace: Workspace, query: str, limit: int = 30) -> list[PersonChoice]:
    """People whose name (typed with or without marks), citizen ID or phone matches `query`."""
    require(workspace, Permission.READ_REHAB)
    if not fold(query):
        return []
    return [choice_of(person) for person in search_people(workspace, query, limit=limit)]


def rehab_programs(workspace: Workspace, unit_id: str | None) -> list[tuple[str, str]]:
    """(id, name) of the "5+1" programs a case of the unit can belong to: the unit's own and
    those of the units above it (a ward's cases often belong to the district's program)."""
    if not unit_id:
        return []
    with workspace.database.session() as session:
        chain = [unit_id]
        while parent := session.scalar(select(OrgUnit.parent_id).where(OrgUnit.id == chain[-1])):
            if parent in chain:  # a loop in the tree must not hang the editor
                break
            chain.append(parent)
    programs = list_programs(workspace, unit_ids=chain, kind=ProgramKind.REHABILITATION_5_PLUS_1)
    return [(program.id, program.name) for program in programs]


def overdue_in_unit(workspace: Workspace, unit_id: str | None, as_of: date) -> list[OverdueCase]:
    """`find_overdue` for a unit and the units below it (None: every unit)."""
    require(workspace, Permission.READ_REHAB)
    with workspace.database.session() as session:
        unit_ids = subtree_ids(session, unit_id) if unit_id else None
        return find_overdue(session, unit_ids, as_of)
