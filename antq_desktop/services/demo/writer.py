"""Fast bulk writing of demo rows: driver-level executemany, one transaction, stamps filled here.

`store.stamping` fills the synced-record columns on ORM flush only; rows written here bypass it,
so the writer fills them itself: a time-ordered id, `created_at` (the day the record was entered
in the story of the demo), `updated_at`, `updated_by`, `origin_site` (this installation), a
version stamp of the workspace's clock, and an empty tombstone.

Values are handed over already in their stored form: dates through `day()`, times through `clock()`,
enums as themselves (they are `str`), JSON as text. That keeps the per-row work to a tuple and a
few dictionary look-ups, which is what lets `--scale 100` write millions of rows in well under a
minute on an old PC.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Connection, Date, DateTime, Time
from sqlalchemy.engine.interfaces import Dialect

from antq_desktop.domain.clock import MAX_COUNTER, Stamp
from antq_desktop.store.stamping import ChangeContext

SYNC_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "updated_by",
    "origin_site",
    "version",
    "deleted_at",
)
LEFT_TO_DEFAULTS = ("field_versions", "seen_versions", "sync_seq")
"""Synced-record columns the database fills: a new row's fields all have its version, it has seen
only its own site, and its change counter is 0 (every export not yet acknowledged takes it)."""

# The domain columns of each table, in the order `BulkWriter.add` takes them. Listed parents first:
# rows are flushed in this order, so a row's parents are always written before it.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "org_units": ("code", "name", "name_folded", "level", "parent_id", "place_name"),
    "programs": (
        "unit_id",
        "name",
        "name_folded",
        "kind",
        "maintaining_body",
        "status",
        "started_on",
        "recognised_on",
        "ended_on",
        "annual_budget_vnd",
        "description",
    ),
    "people": (
        "unit_id",
        "full_name",
        "gender",
        "birth_date",
        "citizen_id",
        "phone",
        "address",
        "notes",
        "sort_key",
        "search_text",
    ),
    "community_groups": (
        "program_id",
        "unit_id",
        "name",
        "name_folded",
        "area",
        "status",
        "formed_on",
        "dissolved_on",
        "notes",
    ),
    "memberships": ("group_id", "person_id", "role", "joined_on", "left_on"),
    "evaluations": (
        "program_id",
        "year",
        "quarter",
        "rating",
        "indicators",
        "comment",
        "evaluator",
    ),
    "patrol_shifts": (
        "group_id",
        "shift_date",
        "start_time",
        "end_time",
        "area",
        "others_count",
        "residents_reminded",
        "notes",
    ),
    "patrol_participants": ("shift_id", "person_id"),
    "findings": ("shift_id", "category", "action", "description"),
    "rehab_cases": (
        "person_id",
        "unit_id",
        "program_id",
        "category",
        "opened_on",
        "status",
        "status_since",
        "closed_on",
        "outcome",
        "notes",
    ),
    "rehab_helpers": (
        "case_id",
        "kind",
        "full_name",
        "organisation",
        "phone",
        "started_on",
        "ended_on",
    ),
    "follow_ups": (
        "case_id",
        "helper_id",
        "held_on",
        "kind",
        "assessment",
        "notes",
        "next_due_on",
    ),
    "supports": ("case_id", "kind", "provider", "started_on", "result", "notes"),
}

ENTRY_HOUR_UTC = 13
"""Records of the story are entered at 20:00 in Vietnam (UTC+7) on their day."""

_MASK_48 = (1 << 48) - 1
_MASK_62 = (1 << 62) - 1
_VARIANT = 0b10 << 62


def uuid7_text(unix_ms: int, rng: random.Random) -> str:
    """Exactly `domain.ids.new_id(unix_ms, rng)`: the same random draw gives the same text."""
    return _uuid7_with_head(_uuid7_head(unix_ms), rng.getrandbits(74))


def _uuid7_head(unix_ms: int) -> str:
    """The part of a uuid7 text fixed by the millisecond: "xxxxxxxx-xxxx-7"."""
    millis = f"{unix_ms & _MASK_48:012x}"
    return f"{millis[:8]}-{millis[8:]}-7"


def _uuid7_with_head(head: str, rand: int) -> str:
    """The rest from 74 random bits: 12 after the version digit, 62 after the variant bits."""
    tail = f"{rand & _MASK_62 | _VARIANT:016x}"
    return f"{head}{rand >> 62:03x}-{tail[:4]}-{tail[4:]}"


class StampBlocks:
    """Version stamps of the workspace clock, handed out in blocks.

    A block starts with `ChangeContext.next_stamp()` and continues the way the clock itself would
    within one millisecond (counter + 1, then the next millisecond when the counter is full). The
    clock then `receive`s the last stamp of the block, so every stamp it issues later, here or in
    an ORM flush, is greater. Stamps stay unique and increasing; unused ones are simply skipped.
    """

    BLOCK = 20_000

    def __init__(self, context: ChangeContext) -> None:
        self._context = context
        self.next: Callable[[], str] = self._stamps().__next__
        """The next stamp, as stored text."""

    def _stamps(self) -> Iterator[str]:
        while True:
            yield from self._reserve()

    def _reserve(self) -> list[str]:
        first = self._context.next_stamp()
        millis, counter, site = first.millis, first.counter, first.site
        texts: list[str] = []
        while len(texts) < self.BLOCK:
            take = min(self.BLOCK - len(texts), MAX_COUNTER + 1 - counter)
            head = f"{millis:016d}-"
            tail = f"-{site}"
            texts += [f"{head}{number:05d}{tail}" for number in range(counter, counter + take)]
            counter += take
            if counter > MAX_COUNTER:
                millis, counter = millis + 1, 0
        if texts[0] != first.encode():  # the text form of `Stamp.encode`, checked once a block
            raise AssertionError("version stamp text differs from Stamp.encode")
        self._context.clock.receive(Stamp.decode(texts[-1]), self._context.now_ms())
        return texts


class BulkWriter:
    """Buffers rows per table and writes them with executemany, parents first.

    Ids are uuid7 with the millisecond of the day the record was entered, drawn from their own
    seeded generator so that the data does not depend on how many ids were made.
    """

    def __init__(
        self,
        connection: Connection,
        context: ChangeContext,
        *,
        id_seed: str,
        flush_rows: int = 60_000,
    ) -> None:
        # The sqlite3 connection itself: SQLAlchemy adds nothing to an executemany of tuples.
        driver = connection.connection.driver_connection
        if driver is None:  # pragma: no cover - an open connection always has one
            raise RuntimeError("connection is closed")
        self._driver = driver
        self._ids = random.Random(id_seed)
        self._stamps = StampBlocks(context)
        dialect = connection.dialect
        self._date_bind = _processor(Date(), dialect)
        self._time_bind = _processor(Time(), dialect)
        self._datetime_bind = _processor(DateTime(), dialect)
        built_at = datetime.fromtimestamp(context.now_ms() / 1000, UTC).replace(tzinfo=None)
        # Columns with one value for every row of the build go into the statement as literals:
        # fewer parameters to bind per row (the rows are counted in millions).
        constant = {
            "updated_at": _literal(self._datetime_bind(built_at)),
            "updated_by": _literal(context.user),
            "origin_site": _literal(context.site_id),
            "deleted_at": "NULL",
        }
        self._sql = {
            table: (
                f"INSERT INTO {table} (id, created_at, version, {', '.join(columns)}, "
                f"{', '.join(constant)}) VALUES ({', '.join('?' * (3 + len(columns)))}, "
                f"{', '.join(constant.values())})"
            )
            for table, columns in TABLE_COLUMNS.items()
        }
        self._flush_rows = flush_rows
        self._buffered = 0
        self._buffers: dict[str, list[tuple[object, ...]]] = {table: [] for table in TABLE_COLUMNS}
        self._days: dict[date, str] = {}
        self._times: dict[time, str] = {}
        self._entered: dict[date, tuple[str, str]] = {}
        self.counts: Counter[str] = Counter()

    def day(self, value: date | None) -> str | None:
        """A date in its stored form (cached: the demo uses a few thousand distinct days)."""
        if value is None:
            return None
        text = self._days.get(value)
        if text is None:
            text = self._days[value] = self._date_bind(value)
        return text

    def clock(self, value: time | None) -> str | None:
        if value is None:
            return None
        text = self._times.get(value)
        if text is None:
            text = self._times[value] = self._time_bind(value)
        return text

    def _entry(self, entered_on: date) -> tuple[str, str]:
        moment = datetime(entered_on.year, entered_on.month, entered_on.day, ENTRY_HOUR_UTC)
        unix_ms = int((moment - _EPOCH) / timedelta(milliseconds=1))
        entry = self._entered[entered_on] = (_uuid7_head(unix_ms), self._datetime_bind(moment))
        return entry

    def add(
        self,
        table: str,
        entered_on: date,
        values: tuple[object, ...],
        *,
        row_id: str | None = None,
    ) -> str:
        """Queue one row of `table` (domain columns in `TABLE_COLUMNS` order); return its id.
        `row_id`: a fixed id (units); the random draw is made anyway, so other ids stay put."""
        head, created_at = self._entered.get(entered_on) or self._entry(entered_on)
        drawn = _uuid7_with_head(head, self._ids.getrandbits(74))
        row_id = row_id or drawn
        self._buffers[table].append((row_id, created_at, self._stamps.next(), *values))
        self._buffered += 1
        if self._buffered >= self._flush_rows:
            self.flush()
        return row_id

    def add_many(self, table: str, entered_on: date, rows: list[tuple[object, ...]]) -> None:
        """Queue several rows entered the same day whose ids nobody needs (participants…)."""
        head, created_at = self._entered.get(entered_on) or self._entry(entered_on)
        bits, stamp, buffer = self._ids.getrandbits, self._stamps.next, self._buffers[table]
        for values in rows:
            buffer.append((_uuid7_with_head(head, bits(74)), created_at, stamp(), *values))
        self._buffered += len(rows)
        if self._buffered >= self._flush_rows:
            self.flush()

    def flush(self) -> None:
        """Write every buffered row, parents first."""
        for table, rows in self._buffers.items():
            if rows:
                self._driver.executemany(self._sql[table], rows)
                self.counts[table] += len(rows)
                rows.clear()
        self._buffered = 0


_EPOCH = datetime(1970, 1, 1)


def _literal(text: str) -> str:
    """A text as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _processor(sql_type: Date | Time | DateTime, dialect: Dialect) -> Callable[[Any], str]:
    """The dialect's own formatting of a value, so stored text matches what the ORM writes."""
    processor = sql_type.dialect_impl(dialect).bind_processor(dialect)
    if processor is None:  # pragma: no cover - SQLite always formats dates itself
        raise RuntimeError(f"no bind processor for {sql_type!r}")
    return cast(Callable[[Any], str], processor)
