"""People: create, edit, delete (tombstone), search and duplicate citizen IDs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import Gender
from antq_desktop.domain.messages import message
from antq_desktop.domain.text import clean, clean_optional, fold, name_sort_key
from antq_desktop.domain.validation import (
    ErrorCollector,
    check_birth_date,
    check_citizen_id,
    check_phone,
)
from antq_desktop.services import fields
from antq_desktop.services.common import (
    checked,
    count_live,
    get_live,
    mark_deleted,
    optional_text,
    required_text,
)
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.listing import ColumnKind, ListColumn, Listing, in_subtree
from antq_desktop.services.permissions import shown_citizen_id
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import Membership, OrgUnit, PatrolParticipant, Person, RehabCase


@dataclass(frozen=True)
class PersonInput:
    unit_id: str
    full_name: str
    gender: Gender | None = None
    birth_date: date | None = None
    citizen_id: str | None = None
    phone: str | None = None
    address: str = ""
    notes: str = ""


@dataclass(frozen=True)
class PersonView:
    id: str
    unit_id: str
    full_name: str
    gender: Gender | None
    birth_date: date | None
    citizen_id: str | None
    phone: str | None
    address: str
    notes: str
    shares_citizen_id_with: tuple[str, ...] = ()
    """Ids of other people recorded with the same citizen ID: a flag for a person to merge."""


def _view(workspace: Workspace, person: Person, shares: tuple[str, ...] = ()) -> PersonView:
    """The person as the signed-in role may see them (citizen ID masked for a viewer)."""
    return PersonView(
        id=person.id,
        unit_id=person.unit_id,
        full_name=person.full_name,
        gender=person.gender,
        birth_date=person.birth_date,
        citizen_id=shown_citizen_id(workspace, person.citizen_id),
        phone=person.phone,
        address=person.address,
        notes=person.notes,
        shares_citizen_id_with=shares,
    )


def search_text(full_name: str, citizen_id: str | None, phone: str | None) -> str:
    """What the search box matches: the folded name, the citizen ID and the phone digits."""
    return " ".join(part for part in (fold(full_name), citizen_id, phone) if part)


def _checked_input(session: Session, data: PersonInput, today: date) -> PersonInput:
    errors = ErrorCollector()
    full_name = required_text(errors, "full_name", fields.FULL_NAME, data.full_name, 200)
    get_live(session, OrgUnit, data.unit_id)
    birth_date = data.birth_date
    if birth_date is not None:
        birth_date = checked(
            errors, "birth_date", lambda: check_birth_date(birth_date, today=today)
        )
    citizen_id = clean_optional(data.citizen_id)
    if citizen_id is not None:
        typed = citizen_id
        citizen_id = checked(
            errors,
            "citizen_id",
            lambda: check_citizen_id(typed, birth_date=birth_date, gender=data.gender),
        )
    phone = clean_optional(data.phone)
    if phone is not None:
        typed_phone = phone
        phone = checked(errors, "phone", lambda: check_phone(typed_phone))
    address = optional_text(errors, "address", fields.ADDRESS, data.address, 300)
    errors.raise_if_any()
    return PersonInput(
        unit_id=data.unit_id,
        full_name=full_name,
        gender=data.gender,
        birth_date=birth_date,
        citizen_id=citizen_id,
        phone=phone,
        address=address,
        notes=clean(data.notes),
    )


def _apply(person: Person, data: PersonInput) -> None:
    person.unit_id = data.unit_id
    person.full_name = data.full_name
    person.gender = data.gender
    person.birth_date = data.birth_date
    person.citizen_id = data.citizen_id
    person.phone = data.phone
    person.address = data.address
    person.notes = data.notes
    person.sort_key = name_sort_key(data.full_name)
    person.search_text = search_text(data.full_name, data.citizen_id, data.phone)


def _others_with_citizen_id(
    session: Session, citizen_id: str | None, exclude: str
) -> tuple[str, ...]:
    if not citizen_id:
        return ()
    return tuple(
        session.scalars(
            select(Person.id).where(
                Person.citizen_id == citizen_id,
                Person.id != exclude,
                Person.deleted_at.is_(None),
            )
        )
    )


def create_person(workspace: Workspace, data: PersonInput) -> PersonView:
    """Record a person. A citizen ID already on someone else is saved and flagged, not refused."""
    with workspace.database.transaction() as session:
        valid = _checked_input(session, data, workspace.today())
        person = Person()
        _apply(person, valid)
        session.add(person)
        session.flush()
        return _view(
            workspace, person, _others_with_citizen_id(session, valid.citizen_id, person.id)
        )


def update_person(workspace: Workspace, person_id: str, data: PersonInput) -> PersonView:
    with workspace.database.transaction() as session:
        person = get_live(session, Person, person_id)
        valid = _checked_input(session, data, workspace.today())
        _apply(person, valid)
        session.flush()
        return _view(
            workspace, person, _others_with_citizen_id(session, valid.citizen_id, person.id)
        )


PERSON_IN_USE = message(
    "person.in_use",
    "Không xóa được {name}: người này còn {memberships} lần là thành viên tổ/nhóm, {cases} hồ sơ "
    "giúp đỡ và {shifts} lần tham gia tuần tra. Hãy xóa hoặc chuyển các hồ sơ đó trước.",
    "{name} cannot be deleted: the person still has {memberships} group membership(s), {cases} "
    "rehabilitation case(s) and {shifts} patrol participation(s). Delete or move those first.",
)


def delete_person(workspace: Workspace, person_id: str) -> None:
    """Tombstone a person. Refused (`ServiceError`, nothing changed) while records point to them,
    so no membership, case or patrol is left naming a deleted person."""
    with workspace.database.transaction() as session:
        person = get_live(session, Person, person_id)
        uses = {
            "memberships": count_live(session, Membership, Membership.person_id == person_id),
            "cases": count_live(session, RehabCase, RehabCase.person_id == person_id),
            "shifts": count_live(
                session, PatrolParticipant, PatrolParticipant.person_id == person_id
            ),
        }
        if any(uses.values()):
            raise ServiceError(PERSON_IN_USE(name=person.full_name, **uses))
        mark_deleted(person)


def get_person(workspace: Workspace, person_id: str) -> PersonView:
    with workspace.database.session() as session:
        person = get_live(session, Person, person_id)
        return _view(
            workspace, person, _others_with_citizen_id(session, person.citizen_id, person.id)
        )


def find_by_citizen_id(workspace: Workspace, citizen_id: str) -> list[PersonView]:
    """People already recorded with this citizen ID (offered instead of creating a duplicate)."""
    digits = "".join(ch for ch in citizen_id if ch.isdigit())
    with workspace.database.session() as session:
        rows = session.scalars(
            select(Person).where(Person.citizen_id == digits, Person.deleted_at.is_(None))
        )
        return [_view(workspace, row) for row in rows]


def _search_filter(query: str) -> list[ColumnElement[bool]]:
    folded = fold(query)
    if not folded:
        return []
    digits = "".join(ch for ch in folded if ch.isdigit())
    terms = [Person.search_text.contains(folded, autoescape=True)]
    if digits and digits != folded:
        terms.append(Person.search_text.contains(digits, autoescape=True))
    return [or_(*terms)]


def search_people(
    workspace: Workspace,
    query: str = "",
    *,
    unit_ids: list[str] | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[PersonView]:
    """People matching `query` (accent-insensitive name, citizen ID or phone), Vietnamese order."""
    statement = select(Person).where(Person.deleted_at.is_(None), *_search_filter(query))
    if unit_ids is not None:
        statement = statement.where(Person.unit_id.in_(unit_ids))
    statement = statement.order_by(Person.sort_key, Person.id).limit(limit).offset(offset)
    with workspace.database.session() as session:
        return [_view(workspace, row) for row in session.scalars(statement)]


def count_people(
    workspace: Workspace, query: str = "", *, unit_ids: list[str] | None = None
) -> int:
    statement = (
        select(func.count())
        .select_from(Person)
        .where(Person.deleted_at.is_(None), *_search_filter(query))
    )
    if unit_ids is not None:
        statement = statement.where(Person.unit_id.in_(unit_ids))
    with workspace.database.session() as session:
        return int(session.scalar(statement) or 0)


def duplicate_citizen_ids(workspace: Workspace) -> dict[str, list[str]]:
    """Citizen IDs recorded on more than one person, with the ids of those people."""
    with workspace.database.session() as session:
        shared = (
            select(Person.citizen_id)
            .where(Person.citizen_id.is_not(None), Person.deleted_at.is_(None))
            .group_by(Person.citizen_id)
            .having(func.count() > 1)
        )
        rows = session.execute(
            select(Person.citizen_id, Person.id)
            .where(Person.citizen_id.in_(shared), Person.deleted_at.is_(None))
            .order_by(Person.citizen_id, Person.id)
        )
        result: dict[str, list[str]] = {}
        for citizen_id, person_id in rows:
            if citizen_id is not None:
                result.setdefault(citizen_id, []).append(person_id)
        return result


PERSON_LIST = Listing(
    name="people",
    id_column=Person.id,
    columns=(
        ListColumn("full_name", fields.FULL_NAME, Person.full_name, sort_by=Person.sort_key),
        ListColumn("gender", fields.GENDER, Person.gender, ColumnKind.ENUM, enum_type=Gender),
        ListColumn("birth_date", fields.BIRTH_DATE, Person.birth_date, ColumnKind.DATE),
        ListColumn("citizen_id", fields.CITIZEN_ID, Person.citizen_id, ColumnKind.CITIZEN_ID),
        ListColumn("phone", fields.PHONE, Person.phone),
        ListColumn("address", fields.ADDRESS, Person.address),
        ListColumn("unit", fields.UNIT, OrgUnit.name, sort_by=OrgUnit.name_folded),
    ),
    base=lambda statement: (
        statement.select_from(Person)
        .join(OrgUnit, OrgUnit.id == Person.unit_id)
        .where(Person.deleted_at.is_(None))
    ),
    search=_search_filter,
    default_order=(Person.sort_key,),
    filters={"unit": in_subtree(Person.unit_id)},
)
"""People for the window's lists and pickers: names in Vietnamese order (by given name), the
search matches the name without accents, the citizen ID or the phone; citizen IDs are shown
masked."""
