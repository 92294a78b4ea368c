"""Administrative units: create, find by national code, list, and walk the tree."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.domain.ids import unit_id
from antq_desktop.domain.messages import message
from antq_desktop.domain.text import clean, fold
from antq_desktop.domain.validation import ErrorCollector, FieldError, ValidationFailed
from antq_desktop.services import fields
from antq_desktop.services.common import get_live, required_text
from antq_desktop.services.errors import UNIT_NOT_FOUND, NotFound
from antq_desktop.services.workspace import NewUnit, Workspace
from antq_desktop.store.models import OrgUnit

UNIT_CODE_FORMAT = message(
    "unit.code_format",
    "Mã đơn vị phải là chữ số (mã hành chính, ví dụ 79, 773, 27262), đang là {value}.",
    "A unit code must be digits (the administrative code, e.g. 79, 773, 27262); got {value}.",
)
UNIT_CODE_TAKEN = message(
    "unit.code_taken",
    "Mã đơn vị {code} đã dùng cho {name}. Mỗi đơn vị có một mã riêng.",
    "The unit code {code} is already used by {name}. Each unit has its own code.",
)


@dataclass(frozen=True)
class UnitView:
    id: str
    code: str
    name: str
    level: UnitLevel
    parent_id: str | None
    place_name: str


def _view(unit: OrgUnit) -> UnitView:
    return UnitView(unit.id, unit.code, unit.name, unit.level, unit.parent_id, unit.place_name)


def check_new_unit(unit: NewUnit, *, field_prefix: str = "") -> None:
    errors = ErrorCollector()
    required_text(errors, f"{field_prefix}name", fields.UNIT_NAME, unit.name, 200)
    code = clean(unit.code)
    if not code:
        required_text(errors, f"{field_prefix}code", fields.UNIT_CODE, code, 20)
    elif not (code.isascii() and code.isdigit() and len(code) <= 20):
        errors.add(f"{field_prefix}code", UNIT_CODE_FORMAT(value=code))
    errors.raise_if_any()


def create_unit(workspace: Workspace, unit: NewUnit, *, parent_id: str | None = None) -> UnitView:
    check_new_unit(unit)
    code = clean(unit.code)
    with workspace.database.transaction() as session:
        existing = session.scalar(select(OrgUnit).where(OrgUnit.code == code))
        if existing is not None:
            raise ValidationFailed(
                [FieldError("code", UNIT_CODE_TAKEN(code=code, name=existing.name))]
            )
        if parent_id is not None:
            get_live(session, OrgUnit, parent_id)
        name = clean(unit.name)
        record = OrgUnit(
            id=unit_id(code),
            code=code,
            name=name,
            name_folded=fold(name),
            level=unit.level,
            parent_id=parent_id,
            place_name=clean(unit.place_name) or name,
        )
        session.add(record)
        session.flush()
        return _view(record)


def unit_by_code(session: Session, code: str) -> OrgUnit:
    unit = session.scalar(
        select(OrgUnit).where(OrgUnit.code == code.strip(), OrgUnit.deleted_at.is_(None))
    )
    if unit is None:
        raise NotFound(UNIT_NOT_FOUND(code=code.strip()))
    return unit


def get_unit_by_code(workspace: Workspace, code: str) -> UnitView:
    with workspace.database.session() as session:
        return _view(unit_by_code(session, code))


def list_units(workspace: Workspace) -> list[UnitView]:
    """Every unit, parents before children and in code order within a parent."""
    with workspace.database.session() as session:
        rows = session.scalars(
            select(OrgUnit).where(OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code)
        ).all()
    by_parent: dict[str | None, list[OrgUnit]] = {}
    for row in rows:
        by_parent.setdefault(row.parent_id, []).append(row)
    known = {row.id for row in rows}
    ordered: list[UnitView] = []

    def walk(parent: str | None) -> None:
        for child in by_parent.get(parent, []):
            ordered.append(_view(child))
            walk(child.id)

    for root_parent in [None, *sorted(p for p in by_parent if p is not None and p not in known)]:
        walk(root_parent)
    return ordered


def subtree_ids(session: Session, unit_id: str) -> list[str]:
    """The unit and every unit below it (a recursive query: the tree is a few thousand nodes)."""
    tree = (
        select(OrgUnit.id)
        .where(OrgUnit.id == unit_id, OrgUnit.deleted_at.is_(None))
        .cte("tree", recursive=True)
    )
    tree = tree.union_all(
        select(OrgUnit.id).where(OrgUnit.parent_id == tree.c.id, OrgUnit.deleted_at.is_(None))
    )
    return list(session.scalars(select(tree.c.id)))
