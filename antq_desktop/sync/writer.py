"""Writing merged rows: plain `executemany` on the driver, in chunks, in the import's transaction.

SQLAlchemy's Core would build a parameter dictionary and run every value through its type for
each of 100,000 rows; here each column's bind processor (the same conversion the ORM uses, so the
stored text is identical) is looked up once, and rows go to SQLite as tuples.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Connection, Date, Dialect, Time
from sqlalchemy.sql.type_api import TypeEngine

from antq_desktop.store.base import EnumText, UtcDateTime
from antq_desktop.store.stamping import compact_fields, compact_seen
from antq_desktop.sync.merge import RowState
from antq_desktop.sync.tables import SyncTable

CHUNK = 2000


def _moment_text(value: datetime) -> str:
    """`UtcDateTime` as SQLite's DATETIME stores it ("2024-05-01 10:00:00.000000", UTC)."""
    moment = value if value.tzinfo is UTC else value.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


def _json_text(value: Any) -> str:
    return "{}" if value == {} else json.dumps(value)


def _day_text(value: date) -> str:
    return value.isoformat()


def _time_text(value: time) -> str:
    return value.isoformat("microseconds")


def _code_text(value: Any) -> str:
    return str(value.value) if isinstance(value, Enum) else str(value)


def _processor(sql_type: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """The conversion of a value to what SQLite stores: moments, days, times, codes and JSON done
    directly (the same text as SQLAlchemy's; tests/sync compares them), the rest by SQLAlchemy."""
    if isinstance(sql_type, UtcDateTime):
        return _moment_text
    if isinstance(sql_type, JSON):
        return _json_text
    if isinstance(sql_type, EnumText):
        return _code_text
    if isinstance(sql_type, Date):
        return _day_text
    if isinstance(sql_type, Time):
        return _time_text
    return sql_type.dialect_impl(dialect).bind_processor(dialect)


class RowWriter:
    """Inserts and updates of one table's rows."""

    def __init__(self, table: SyncTable, connection: Connection) -> None:
        driver = connection.connection.driver_connection
        if driver is None:  # pragma: no cover - an open connection always has one
            raise RuntimeError("connection is closed")
        self._driver = driver
        self._table = table
        dialect = connection.dialect
        self._names = [column.name for column in table.table.columns]
        processors = [_processor(column.type, dialect) for column in table.table.columns]
        self._converted = [
            (index, process) for index, process in enumerate(processors) if process is not None
        ]
        names = ", ".join(self._names)
        marks = ", ".join("?" * len(self._names))
        self._insert = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"
        settable = ", ".join(f"{name} = ?" for name in self._names if name != "id")
        self._update = f"UPDATE {table.name} SET {settable} WHERE id = ?"
        self._id_index = self._names.index("id")

    def _values(self, state: RowState, seq: int) -> list[Any]:
        row: dict[str, Any] = {
            **state.values,
            "id": state.id,
            "created_at": state.created_at,
            "updated_at": state.updated_at,
            "updated_by": state.updated_by,
            "origin_site": state.origin_site,
            "version": state.version,
            "field_versions": compact_fields(state.stamps, state.version),
            "seen_versions": compact_seen(state.seen, state.version),
            "sync_seq": seq,
        }
        if self._table.derive is not None:
            row.update(self._table.derive(state.values))
        values = [row[name] for name in self._names]
        for index, process in self._converted:
            if values[index] is not None:
                values[index] = process(values[index])
        return values

    def write(
        self,
        inserts: list[RowState],
        updates: list[RowState],
        seq: int,
        advance: Callable[[int], None] | None,
    ) -> None:
        for sql, states, is_update in (
            (self._insert, inserts, False),
            (self._update, updates, True),
        ):
            for start in range(0, len(states), CHUNK):
                chunk = states[start : start + CHUNK]
                rows = []
                for state in chunk:
                    values = self._values(state, seq)
                    if is_update:
                        row_id = values.pop(self._id_index)
                        values.append(row_id)
                    rows.append(tuple(values))
                self._driver.executemany(sql, rows)
                if advance is not None:
                    advance(len(chunk))
