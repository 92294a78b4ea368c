"""What sync leaves for a person: conflicts to decide, and people to merge.

A conflict is decided by choosing, field by field, the value applied or the other one. Choosing
the other value is an ordinary edit (stamped now, so it follows both and travels to every peer);
the conflict itself is marked decided, which travels too.

People recorded in two units with the same citizen ID are shown side by side; merging keeps one,
moves the other's memberships, patrol turns and rehabilitation files to it, fills its empty fields
from the other, and deletes the other (a tombstone, like every delete).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.clock import Stamp
from antq_desktop.domain.enums import LabelledEnum
from antq_desktop.domain.messages import message
from antq_desktop.services.audit import LABEL_COLUMNS
from antq_desktop.services.common import get_live
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.permissions import Permission, allowed, require, shown_citizen_id
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import (
    Membership,
    OrgUnit,
    PatrolParticipant,
    Person,
    RehabCase,
    SyncConflict,
)
from antq_desktop.store.stamping import site_of
from antq_desktop.sync.tables import BY_NAME

REHAB_TABLES = frozenset({"rehab_cases", "rehab_helpers", "follow_ups", "supports"})
Choice = Literal["kept", "other"]

CONFLICT_GONE = message(
    "sync.conflict_gone",
    "Không tìm thấy xung đột {conflict_id} (có thể đã được giải quyết ở nơi khác).",
    "The conflict {conflict_id} was not found (it may have been decided elsewhere).",
)
RECORD_GONE = message(
    "sync.conflict_record_gone",
    "Bản ghi của xung đột này không còn trong sổ; chỉ có thể giữ giá trị hiện có.",
    "The record of this conflict is no longer in the book; only the value applied can be kept.",
)
NOT_SAME_PERSON = message(
    "sync.merge_not_same_id",
    "Chỉ gộp được hai người có cùng số CCCD; {first} và {second} khác số CCCD.",
    "Only two people with the same citizen ID can be merged; {first} and {second} differ.",
)
MERGE_SELF = message(
    "sync.merge_self",
    "Hãy chọn hai người khác nhau để gộp.",
    "Choose two different people to merge.",
)


@dataclass(frozen=True)
class ConflictView:
    id: str
    table_name: str
    kind: str
    """The model's name ("Person"), as the audit trail names record kinds."""
    row_id: str
    record_label: str
    field: str
    kept_value: Any
    kept_at: datetime
    kept_site: str
    other_value: Any
    other_at: datetime
    other_site: str
    current_value: Any
    resolution: str
    resolved_by: str
    resolved_at: datetime | None

    @property
    def is_open(self) -> bool:
        return not self.resolution


def stamp_moment(stamp: str) -> datetime:
    return datetime.fromtimestamp(Stamp.decode(stamp).millis / 1000, UTC)


def display_value(value: Any, language: str = "vi") -> str:
    """A field's value as a person reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, LabelledEnum):
        return value.label(language)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.astimezone().strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    return str(value)


def _decode(table_name: str, field: str, text: str) -> Any:
    value = json.loads(text)
    if value is None:
        return None
    return BY_NAME[table_name].decoders[field](value)


def _label(record: Any) -> str:
    for name in LABEL_COLUMNS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            return value
    return ""


def _shown(workspace: Workspace, field: str, value: Any) -> Any:
    if field == "citizen_id" and isinstance(value, str):
        return shown_citizen_id(workspace, value)
    return value


def _view(workspace: Workspace, session: Session, conflict: SyncConflict) -> ConflictView:
    table = BY_NAME.get(conflict.table_name)
    record = session.get(table.model, conflict.row_id) if table is not None else None
    field = conflict.field
    current = getattr(record, field, None) if record is not None else None
    return ConflictView(
        id=conflict.id,
        table_name=conflict.table_name,
        kind=table.model.__name__ if table is not None else conflict.table_name,
        row_id=conflict.row_id,
        record_label=_label(record) if record is not None else "",
        field=field,
        kept_value=_shown(
            workspace, field, _decode(conflict.table_name, field, conflict.kept_value)
        ),
        kept_at=stamp_moment(conflict.kept_stamp),
        kept_site=site_of(conflict.kept_stamp),
        other_value=_shown(
            workspace, field, _decode(conflict.table_name, field, conflict.other_value)
        ),
        other_at=stamp_moment(conflict.other_stamp),
        other_site=site_of(conflict.other_stamp),
        current_value=_shown(workspace, field, current),
        resolution=conflict.resolution,
        resolved_by=conflict.resolved_by,
        resolved_at=conflict.resolved_at,
    )


def list_conflicts(workspace: Workspace, *, include_decided: bool = False) -> list[ConflictView]:
    """Conflicts, newest first; rehabilitation files only for roles that may read them."""
    statement = select(SyncConflict).where(SyncConflict.deleted_at.is_(None))
    if not include_decided:
        statement = statement.where(SyncConflict.resolution == "")
    if not allowed(workspace, Permission.READ_REHAB):
        statement = statement.where(SyncConflict.table_name.not_in(REHAB_TABLES))
    with workspace.database.session() as session:
        rows = session.scalars(statement.order_by(SyncConflict.created_at.desc())).all()
        return [_view(workspace, session, row) for row in rows]


def count_open_conflicts(workspace: Workspace) -> int:
    return len(list_conflicts(workspace))


def resolve_conflict(workspace: Workspace, conflict_id: str, choice: Choice) -> None:
    """Decide a conflict: keep the value applied, or apply the other one."""
    require(workspace, Permission.EDIT_RECORDS)
    if choice not in ("kept", "other"):
        raise ValueError(choice)
    with workspace.database.transaction() as session:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None or conflict.deleted_at is not None:
            raise ServiceError(CONFLICT_GONE(conflict_id=conflict_id))
        if conflict.table_name in REHAB_TABLES:
            require(workspace, Permission.READ_REHAB)
        table = BY_NAME[conflict.table_name]
        if choice == "other":
            record = session.get(table.model, conflict.row_id)
            if record is None:
                raise ServiceError(RECORD_GONE())
            setattr(
                record,
                conflict.field,
                _decode(conflict.table_name, conflict.field, conflict.other_value),
            )
            if table.derive is not None:
                values = {name: getattr(record, name) for name in table.columns}
                for name, value in table.derive(values).items():
                    setattr(record, name, value)
        conflict.resolution = choice
        conflict.resolved_by = workspace.user
        conflict.resolved_at = datetime.now(UTC)


@dataclass(frozen=True)
class DuplicatePerson:
    id: str
    full_name: str
    birth_date: date | None
    unit_name: str
    phone: str | None
    address: str


@dataclass(frozen=True)
class DuplicateGroup:
    citizen_id: str
    """As this role may see it (masked without the right to read citizen IDs)."""
    people: tuple[DuplicatePerson, ...]


def list_duplicate_people(workspace: Workspace) -> list[DuplicateGroup]:
    """Citizen IDs held by live people of more than one unit."""
    with workspace.database.session() as session:
        rows = session.execute(
            select(Person, OrgUnit.name)
            .join(OrgUnit, OrgUnit.id == Person.unit_id)
            .where(Person.citizen_id.is_not(None), Person.deleted_at.is_(None))
            .order_by(Person.citizen_id, Person.sort_key)
        ).all()
    by_id: dict[str, list[tuple[Person, str]]] = {}
    for person, unit_name in rows:
        by_id.setdefault(str(person.citizen_id), []).append((person, unit_name))
    groups = []
    for citizen_id, people in by_id.items():
        if len({person.unit_id for person, _ in people}) < 2:
            continue
        groups.append(
            DuplicateGroup(
                shown_citizen_id(workspace, citizen_id) or "",
                tuple(
                    DuplicatePerson(
                        person.id,
                        person.full_name,
                        person.birth_date,
                        unit_name,
                        person.phone,
                        person.address,
                    )
                    for person, unit_name in people
                ),
            )
        )
    return groups


_FILLED = ("gender", "birth_date", "phone", "address", "notes")


def merge_people(workspace: Workspace, keep_id: str, drop_id: str) -> None:
    """Keep `keep_id`; move everything of `drop_id` to it and delete `drop_id`."""
    require(workspace, Permission.EDIT_RECORDS)
    if keep_id == drop_id:
        raise ServiceError(MERGE_SELF())
    with workspace.database.transaction() as session:
        keep = get_live(session, Person, keep_id)
        drop = get_live(session, Person, drop_id)
        if keep.citizen_id is None or keep.citizen_id != drop.citizen_id:
            raise ServiceError(NOT_SAME_PERSON(first=keep.full_name, second=drop.full_name))
        for name in _FILLED:
            if getattr(keep, name) in (None, "") and getattr(drop, name) not in (None, ""):
                setattr(keep, name, getattr(drop, name))
        for model in (Membership, PatrolParticipant, RehabCase):
            for record in session.scalars(select(model).where(model.person_id == drop_id)):
                record.person_id = keep_id  # type: ignore[attr-defined]
        derive = BY_NAME["people"].derive
        assert derive is not None
        for name, value in derive(
            {"full_name": keep.full_name, "citizen_id": keep.citizen_id, "phone": keep.phone}
        ).items():
            setattr(keep, name, value)
        drop.deleted_at = datetime.now(UTC)
