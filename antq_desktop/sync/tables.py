"""The synced tables as sync sees them: columns, how values travel as JSON, parents and scope.

Tables are listed parents first (`SYNCED_MODELS`): importing in this order means a row's parents
are always in the book before it. Values travel as JSON: dates and times in ISO form, moments in
UTC with their offset, enumerations as their codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any, cast

from sqlalchemy import JSON, BigInteger, Date, Integer, String, Table, Time, inspect
from sqlalchemy.sql.type_api import TypeEngine

from antq_desktop.domain.text import fold, name_sort_key
from antq_desktop.services.people import search_text
from antq_desktop.store.base import EnumText, SyncedMixin, UtcDateTime
from antq_desktop.store.models import (
    SYNCED_MODELS,
    Evaluation,
    Finding,
    FollowUp,
    Group,
    Membership,
    OrgUnit,
    PatrolParticipant,
    PatrolShift,
    Person,
    Program,
    RehabCase,
    RehabHelper,
    Support,
    SyncConflict,
)
from antq_desktop.store.stamping import data_columns

Decoder = Callable[[Any], Any]


def encode_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _text(limit: int | None) -> Decoder:
    def decode(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("text expected")
        if limit is not None and len(value) > limit:
            raise ValueError(f"longer than {limit} characters")
        return value

    return decode


def _integer(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("whole number expected")
    return value


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(_text(40)(value))
    if moment.tzinfo is None:
        raise ValueError("moment without time zone")
    return moment


def _json_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("object expected")
    return value


def _decoder(sql_type: TypeEngine[Any]) -> Decoder:
    if isinstance(sql_type, EnumText):
        enum_type = sql_type.enum_type
        return lambda value: enum_type(_text(40)(value))
    if isinstance(sql_type, UtcDateTime):
        return _moment
    if isinstance(sql_type, Date):
        return lambda value: date.fromisoformat(_text(10)(value))
    if isinstance(sql_type, Time):
        return lambda value: time.fromisoformat(_text(15)(value))
    if isinstance(sql_type, Integer | BigInteger):
        return _integer
    if isinstance(sql_type, JSON):
        return _json_object
    if isinstance(sql_type, String):  # Text is a String without a length
        return _text(sql_type.length)
    raise TypeError(f"no sync decoder for {sql_type!r}")  # pragma: no cover - a new column type


def _folded_name(row: dict[str, Any]) -> dict[str, Any]:
    return {"name_folded": fold(row["name"])}


def _person_keys(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "sort_key": name_sort_key(row["full_name"]),
        "search_text": search_text(row["full_name"], row["citizen_id"], row["phone"]),
    }


@dataclass(frozen=True)
class SyncTable:
    model: type[SyncedMixin]
    table: Table
    columns: tuple[str, ...]
    """The data columns, merged field by field."""
    decoders: dict[str, Decoder]
    nullable: frozenset[str]
    parents: dict[str, str]
    """Foreign-key column → the table it points into."""
    unit_path: tuple[tuple[str, str], ...]
    """How to reach the row's unit: (column, table) hops ending at a `unit_id` column; empty for
    units (the row is the unit) and conflicts (which carry `unit_id` themselves)."""
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None

    @property
    def name(self) -> str:
        return self.table.name


_DERIVE: dict[type[SyncedMixin], Callable[[dict[str, Any]], dict[str, Any]]] = {
    OrgUnit: _folded_name,
    Program: _folded_name,
    Group: _folded_name,
    Person: _person_keys,
}
_UNIT_PATHS: dict[type[SyncedMixin], tuple[tuple[str, str], ...]] = {
    OrgUnit: (),
    Program: (("unit_id", ""),),
    Group: (("unit_id", ""),),
    Person: (("unit_id", ""),),
    RehabCase: (("unit_id", ""),),
    Membership: (("group_id", "community_groups"), ("unit_id", "")),
    PatrolShift: (("group_id", "community_groups"), ("unit_id", "")),
    PatrolParticipant: (
        ("shift_id", "patrol_shifts"),
        ("group_id", "community_groups"),
        ("unit_id", ""),
    ),
    Finding: (("shift_id", "patrol_shifts"), ("group_id", "community_groups"), ("unit_id", "")),
    RehabHelper: (("case_id", "rehab_cases"), ("unit_id", "")),
    FollowUp: (("case_id", "rehab_cases"), ("unit_id", "")),
    Support: (("case_id", "rehab_cases"), ("unit_id", "")),
    Evaluation: (("program_id", "programs"), ("unit_id", "")),
    SyncConflict: (("unit_id", ""),),
}


def _describe(model: type[SyncedMixin]) -> SyncTable:
    table = cast(Table, inspect(model).local_table)
    columns = data_columns(model)
    parents = {}
    for column_name in columns:
        for foreign_key in table.columns[column_name].foreign_keys:
            parents[column_name] = foreign_key.column.table.name
    return SyncTable(
        model=model,
        table=table,
        columns=columns,
        decoders={name: _decoder(table.columns[name].type) for name in columns},
        nullable=frozenset(name for name in columns if table.columns[name].nullable),
        parents=parents,
        unit_path=_UNIT_PATHS[model],
        derive=_DERIVE.get(model),
    )


SYNC_TABLES: tuple[SyncTable, ...] = tuple(_describe(model) for model in SYNCED_MODELS)
BY_NAME: dict[str, SyncTable] = {table.name: table for table in SYNC_TABLES}
