"""The installation's own settings: this unit, its superior unit and the officer in charge.

`read_installation` gives what the settings page shows; `save_installation` checks everything and
writes it in one transaction (the units in the tree and the settings that point at them). Field
names in the errors are those of the first-run dialog: `name`, `code`, `level`, `place_name`,
`superior_name`, `superior_code`, `officer_name`, `officer_title`.

The superior unit: blank name and code means none (the setting is cleared; the tree is left as
it is). A code that belongs to a unit already in the book links to that unit; an unknown code
corrects the current superior unit (or creates one when there is none yet, under which this unit
is placed if it has no parent).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.ids import unit_id
from antq_desktop.domain.messages import message
from antq_desktop.domain.text import clean, fold
from antq_desktop.domain.validation import ErrorCollector, FieldError, ValidationFailed
from antq_desktop.services import settings
from antq_desktop.services.common import optional_text
from antq_desktop.services.units import UNIT_CODE_TAKEN, UnitView, check_new_unit
from antq_desktop.services.workspace import NewUnit, Workspace
from antq_desktop.store.models import OrgUnit

PLACE_NAME = message("installation.place_name", "Địa danh", "Place name")
SUPERIOR_SAME_AS_OWN = message(
    "installation.superior_same_as_own",
    "Đơn vị cấp trên không thể là chính đơn vị này (mã {code}).",
    "The superior unit cannot be this unit itself (code {code}).",
)
SUPERIOR_IS_BELOW = message(
    "installation.superior_is_below",
    "{name} (mã {code}) là đơn vị cấp dưới của đơn vị này, không thể là đơn vị cấp trên.",
    "{name} (code {code}) is below this unit; it cannot be its superior unit.",
)

OFFICER_TEXT_LIMIT = 200


@dataclass(frozen=True)
class Installation:
    """What the settings page shows; units are None when not set."""

    own_unit: UnitView | None
    superior_unit: UnitView | None
    officer_name: str
    officer_title: str


@dataclass(frozen=True)
class InstallationInput:
    unit: NewUnit
    superior: NewUnit | None
    """None when the superior unit's name and code are both blank."""
    officer_name: str = ""
    officer_title: str = ""


def _view(unit: OrgUnit) -> UnitView:
    return UnitView(unit.id, unit.code, unit.name, unit.level, unit.parent_id, unit.place_name)


def _live_unit(session: Session, unit_id: str) -> OrgUnit | None:
    if not unit_id:
        return None
    unit = session.get(OrgUnit, unit_id)
    return unit if unit is not None and unit.deleted_at is None else None


def _unit_with_code(session: Session, code: str) -> OrgUnit | None:
    return session.scalar(select(OrgUnit).where(OrgUnit.code == code))


def _read(session: Session) -> Installation:
    own = _live_unit(session, settings.read_setting(session, settings.OWN_UNIT_ID))
    superior = _live_unit(session, settings.read_setting(session, settings.SUPERIOR_UNIT_ID))
    return Installation(
        own_unit=_view(own) if own is not None else None,
        superior_unit=_view(superior) if superior is not None else None,
        officer_name=settings.read_setting(session, settings.OFFICER_NAME),
        officer_title=settings.read_setting(session, settings.OFFICER_TITLE),
    )


def read_installation(workspace: Workspace) -> Installation:
    with workspace.database.session() as session:
        return _read(session)


def check_installation(data: InstallationInput) -> None:
    """Field checks that need no database: every mistake at once."""
    found: list[FieldError] = []
    for unit, prefix in ((data.unit, ""), (data.superior, "superior_")):
        if unit is None:
            continue
        try:
            check_new_unit(unit, field_prefix=prefix)
        except ValidationFailed as refused:
            found.extend(refused.errors)
    errors = ErrorCollector()
    optional_text(errors, "place_name", PLACE_NAME, data.unit.place_name, 200)
    optional_text(
        errors, "officer_name", settings.OFFICER_NAME.label, data.officer_name, OFFICER_TEXT_LIMIT
    )
    optional_text(
        errors,
        "officer_title",
        settings.OFFICER_TITLE.label,
        data.officer_title,
        OFFICER_TEXT_LIMIT,
    )
    found.extend(errors.errors)
    if data.superior is not None and clean(data.superior.code) == clean(data.unit.code):
        found.append(FieldError("superior_code", SUPERIOR_SAME_AS_OWN(code=clean(data.unit.code))))
    if found:
        raise ValidationFailed(found)


def _apply(record: OrgUnit, unit: NewUnit, *, place_name: str | None) -> None:
    name = clean(unit.name)
    record.code = clean(unit.code)
    record.name = name
    record.name_folded = fold(name)
    record.level = unit.level
    if place_name is not None:
        record.place_name = place_name or name


def _is_below(session: Session, candidate: OrgUnit, own: OrgUnit) -> bool:
    """True when `candidate` sits somewhere under `own` in the tree."""
    seen: set[str] = set()
    parent_id = candidate.parent_id
    while parent_id is not None and parent_id not in seen:
        if parent_id == own.id:
            return True
        seen.add(parent_id)
        parent = session.get(OrgUnit, parent_id)
        parent_id = parent.parent_id if parent is not None else None
    return False


def _check_codes(session: Session, data: InstallationInput) -> OrgUnit | None:
    """Refuse codes other units hold; the current own unit (None when the book has none)."""
    own = _live_unit(session, settings.read_setting(session, settings.OWN_UNIT_ID))
    found: list[FieldError] = []
    code = clean(data.unit.code)
    holder = _unit_with_code(session, code)
    if holder is not None and (own is None or holder.id != own.id):
        found.append(FieldError("code", UNIT_CODE_TAKEN(code=code, name=holder.name)))
    if data.superior is not None:
        code = clean(data.superior.code)
        holder = _unit_with_code(session, code)
        if holder is not None and holder.deleted_at is not None:
            found.append(FieldError("superior_code", UNIT_CODE_TAKEN(code=code, name=holder.name)))
        elif holder is not None and own is not None and _is_below(session, holder, own):
            found.append(
                FieldError("superior_code", SUPERIOR_IS_BELOW(code=code, name=holder.name))
            )
    if found:
        raise ValidationFailed(found)
    return own


def check_against_book(workspace: Workspace, data: InstallationInput) -> None:
    """Every check `save_installation` makes, without writing (to show errors before saving)."""
    check_installation(data)
    with workspace.database.session() as session:
        _check_codes(session, data)


def _save_own(session: Session, own: OrgUnit | None, unit: NewUnit) -> OrgUnit:
    if own is None:  # a book made without one (a test helper, an old file): create it now
        own = OrgUnit(id=unit_id(unit.code), code="", name="", name_folded="", level=unit.level)
        session.add(own)
    _apply(own, unit, place_name=clean(unit.place_name))
    session.flush()
    settings.write_setting(session, settings.OWN_UNIT_ID, own.id)
    return own


def _save_superior(session: Session, own: OrgUnit, unit: NewUnit | None) -> None:
    if unit is None:
        settings.write_setting(session, settings.SUPERIOR_UNIT_ID, "")
        return
    current = _live_unit(session, settings.read_setting(session, settings.SUPERIOR_UNIT_ID))
    superior = _unit_with_code(session, clean(unit.code)) or current
    if superior is None:
        superior = OrgUnit(
            id=unit_id(unit.code), code="", name="", name_folded="", level=unit.level
        )
        session.add(superior)
    keep_place = bool(superior.place_name) and superior.place_name != superior.name
    _apply(superior, unit, place_name=None if keep_place else "")
    session.flush()
    if own.parent_id is None:
        own.parent_id = superior.id
    settings.write_setting(session, settings.SUPERIOR_UNIT_ID, superior.id)


def save_installation(workspace: Workspace, data: InstallationInput) -> Installation:
    """Check and save the units and the officer; nothing is written when anything is refused."""
    check_installation(data)
    with workspace.database.transaction() as session:
        own = _save_own(session, _check_codes(session, data), data.unit)
        _save_superior(session, own, data.superior)
        settings.write_setting(session, settings.OFFICER_NAME, clean(data.officer_name))
        settings.write_setting(session, settings.OFFICER_TITLE, clean(data.officer_title))
        session.flush()
        return _read(session)
