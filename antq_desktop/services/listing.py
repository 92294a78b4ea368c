"""Lists of records for the window: count and fetch one page at a time, sorted and filtered in SQL.

A `Listing` describes one kind of list: its columns (what is selected, how it sorts, how the window
shows it), the search it answers and the filters it understands. The window's table models ask
for `count()` once and then for pages as the user scrolls, so a list of a million rows opens at
once and only the rows on screen are ever read.

Rows come back as `ListRow` (the record id and the column values in column order), already in
plain Python types: the window formats them by `ColumnKind` in the user's language.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute

from antq_desktop.domain.messages import MessageTemplate
from antq_desktop.services.permissions import Permission, allowed, require, shown_citizen_id
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import OrgUnit

PAGE_SIZE = 200


class ColumnKind(enum.Enum):
    TEXT = "text"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    TIME = "time"
    DATETIME = "datetime"
    """A moment in UTC, shown in the PC's local time."""
    ENUM = "enum"
    """A `LabelledEnum` value; the window shows its label in the user's language."""
    CITIZEN_ID = "citizen_id"
    """Shown masked to the last four digits in lists: the full number is sensitive."""


@dataclass(frozen=True)
class ListColumn:
    key: str
    label: MessageTemplate
    expression: ColumnElement[Any] | InstrumentedAttribute[Any]
    kind: ColumnKind = ColumnKind.TEXT
    sortable: bool = True
    visible: bool = True
    """Shown until the user hides it (the choice is remembered by the window)."""
    enum_type: type[enum.Enum] | None = None
    sort_by: ColumnElement[Any] | InstrumentedAttribute[Any] | None = None
    """What the column sorts by, when not its value (names sort by their folded form)."""

    @property
    def order_key(self) -> ColumnElement[Any] | InstrumentedAttribute[Any]:
        return self.expression if self.sort_by is None else self.sort_by


@dataclass(frozen=True)
class ListRequest:
    """What the user asked the list to show: a search text, filters by key, and the sort column."""

    query: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort: str | None = None
    descending: bool = False


@dataclass(frozen=True, slots=True)
class ListRow:
    id: str
    values: tuple[Any, ...]


Filter = Callable[[Any], ColumnElement[bool] | None]


@dataclass(frozen=True)
class Listing:
    """One list: columns, the base SELECT (joins and the live-record condition), search, filters.

    `base` returns a SELECT of the FROM clause and WHERE conditions only; the listing adds the id
    and the column expressions. `search` turns the typed text into conditions (empty for blank
    text); each filter turns a value into a condition (None: the filter is not applied).
    `default_order` is the order when the user has not clicked a header; the id is always added
    last so pages never overlap or skip a row.
    """

    name: str
    id_column: InstrumentedAttribute[str]
    columns: tuple[ListColumn, ...]
    base: Callable[[Select[Any]], Select[Any]]
    search: Callable[[str], Sequence[ColumnElement[bool]]]
    default_order: tuple[ColumnElement[Any] | InstrumentedAttribute[Any], ...]
    filters: Mapping[str, Filter] = field(default_factory=dict)
    permission: Permission | None = None
    """What the signed-in role needs to read this list at all (rehabilitation files)."""

    def column(self, key: str) -> ListColumn:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def _conditions(self, request: ListRequest) -> list[ColumnElement[bool]]:
        conditions = list(self.search(request.query))
        for key, value in request.filters.items():
            if key not in self.filters:
                raise KeyError(f"list {self.name} has no filter {key}")
            condition = self.filters[key](value)
            if condition is not None:
                conditions.append(condition)
        return conditions

    def _ordered(self, statement: Select[Any], request: ListRequest) -> Select[Any]:
        if request.sort is not None and self.column(request.sort).sortable:
            key = self.column(request.sort).order_key
            statement = statement.order_by(key.desc() if request.descending else key.asc())
        return statement.order_by(*self.default_order, self.id_column)

    def _allow(self, workspace: Workspace) -> None:
        if self.permission is not None:
            require(workspace, self.permission)

    def _shown(self, workspace: Workspace, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """Citizen IDs masked for a role that may not see them whole (the window masks them in
        every list anyway; a viewer's copy never holds the full number)."""
        if allowed(workspace, Permission.READ_CITIZEN_IDS):
            return values
        return tuple(
            shown_citizen_id(workspace, value) if column.kind is ColumnKind.CITIZEN_ID else value
            for column, value in zip(self.columns, values, strict=True)
        )

    def count(self, workspace: Workspace, request: ListRequest) -> int:
        self._allow(workspace)
        statement = self.base(select(func.count())).where(*self._conditions(request))
        with workspace.database.session() as session:
            return int(session.scalar(statement) or 0)

    def page(
        self, workspace: Workspace, request: ListRequest, offset: int, limit: int = PAGE_SIZE
    ) -> list[ListRow]:
        expressions = [column.expression for column in self.columns]
        statement = self.base(select(self.id_column, *expressions)).where(
            *self._conditions(request)
        )
        statement = self._ordered(statement, request).limit(limit).offset(offset)
        self._allow(workspace)
        with workspace.database.session() as session:
            return [
                ListRow(str(row[0]), self._shown(workspace, tuple(row[1:])))
                for row in session.execute(statement)
            ]

    def ids(self, workspace: Workspace, request: ListRequest) -> list[str]:
        """Every record id of the list, in order (what the window keeps of a long list: then any
        page, however deep, is read by id at once instead of skipping rows with OFFSET)."""
        statement = self.base(select(self.id_column)).where(*self._conditions(request))
        statement = self._ordered(statement, request)
        self._allow(workspace)
        with workspace.database.session() as session:
            return [str(record_id) for record_id in session.scalars(statement)]

    def rows(self, workspace: Workspace, record_ids: Sequence[str]) -> list[ListRow]:
        """The rows of these records, in the order given. A record gone since the ids were read
        (deleted meanwhile) comes back as a row of empty values, so positions stay put."""
        expressions = [column.expression for column in self.columns]
        statement = self.base(select(self.id_column, *expressions)).where(
            self.id_column.in_(list(record_ids))
        )
        self._allow(workspace)
        with workspace.database.session() as session:
            found = {
                str(row[0]): self._shown(workspace, tuple(row[1:]))
                for row in session.execute(statement)
            }
        blank = (None,) * len(self.columns)
        return [ListRow(record_id, found.get(record_id, blank)) for record_id in record_ids]

    def position(self, workspace: Workspace, request: ListRequest, record_id: str) -> int | None:
        """The row number of a record in the list as requested (to select it after a save), or
        None when it does not match. Reads the ids only."""
        try:
            return self.ids(workspace, request).index(record_id)
        except ValueError:
            return None


def equals(column: InstrumentedAttribute[Any]) -> Filter:
    """A filter that keeps rows whose column equals the value (None or "": no filter)."""

    def condition(value: Any) -> ColumnElement[bool] | None:
        return None if value in (None, "") else column == value

    return condition


def one_of(column: InstrumentedAttribute[Any]) -> Filter:
    """A filter that keeps rows whose column is one of the values (None: no filter)."""

    def condition(value: Any) -> ColumnElement[bool] | None:
        return None if value is None else column.in_(list(value))

    return condition


def on_or_after(column: InstrumentedAttribute[Any]) -> Filter:
    def condition(value: Any) -> ColumnElement[bool] | None:
        return None if value is None else column >= value

    return condition


def on_or_before(column: InstrumentedAttribute[Any]) -> Filter:
    def condition(value: Any) -> ColumnElement[bool] | None:
        return None if value is None else column <= value

    return condition


def in_subtree(column: InstrumentedAttribute[Any]) -> Filter:
    """A filter that keeps rows of a unit and every unit below it (value: the unit's id)."""

    def condition(value: Any) -> ColumnElement[bool] | None:
        if value in (None, ""):
            return None
        tree = select(OrgUnit.id).where(OrgUnit.id == value).cte("unit_tree", recursive=True)
        tree = tree.union_all(select(OrgUnit.id).where(OrgUnit.parent_id == tree.c.id))
        return column.in_(select(tree.c.id))

    return condition
