"""Demo data: a new database filled with a realistic, reproducible story.

`build_demo(path)` creates the database for Hồ Chí Minh City (code 79) and fills it with the
hcmc-2023 scenario (`hcmc_2023`); `scale=N` adds a large synthetic district of N wards (`scale`)
for measuring speed. The same call always gives the same data (seeded random numbers; only the
sync stamps, which record when the file was written, differ).

All or nothing: on any failure the file and its -wal/-shm/-journal companions are removed.

The rows are written with driver-level executemany in one transaction, not through the ORM, so
the writer fills the synced-record columns itself (see `writer`). While the file is being built it
runs without its secondary indexes, foreign-key enforcement and write-ahead log; the indexes are
recreated before the transaction commits, and the references are verified with
`PRAGMA foreign_key_check` (for the scenario alone: at `scale=100` the check would cost four
seconds, so the tests run it on a `scale=2` build instead).
"""

from __future__ import annotations

import gc
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection

from antq_desktop.domain.enums import AuditAction, UnitLevel
from antq_desktop.domain.messages import Message, message
from antq_desktop.domain.validation import FieldError, ValidationFailed
from antq_desktop.services import accounts, audit
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.demo import hcmc_2023, steps
from antq_desktop.services.demo import scale as scale_district
from antq_desktop.services.demo.context import DemoContext, Unit
from antq_desktop.services.demo.hcmc_units import CITY_CODE, CITY_NAME, CITY_PLACE
from antq_desktop.services.demo.names import PeopleFactory
from antq_desktop.services.demo.writer import TABLE_COLUMNS, BulkWriter
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace
from antq_desktop.store import files

__all__ = ["MAX_SCALE", "SCENARIOS", "DemoBuildError", "DemoSummary", "build_demo"]

SCENARIOS = ("hcmc-2023",)
MAX_SCALE = 1_000

DEMO_UNKNOWN_SCENARIO = message(
    "demo.build.unknown_scenario",
    "Không có kịch bản dữ liệu mẫu {scenario}. Các kịch bản có sẵn: {known}.",
    "There is no demo scenario {scenario}. Available scenarios: {known}.",
)
DEMO_SCALE_RANGE = message(
    "demo.build.scale_range",
    "Quy mô dữ liệu mẫu phải từ 0 đến {limit} phường (đang là {value}).",
    "The demo scale must be from 0 to {limit} wards (got {value}).",
)
DEMO_INCOMPLETE = message(
    "demo.build.broken_references",
    "Dữ liệu mẫu vừa tạo có {count} tham chiếu không hợp lệ (bảng {table}); tệp đã được xóa.",
    "The demo data just built has {count} broken references (table {table}); the file was removed.",
)


@dataclass(frozen=True)
class DemoSummary:
    path: Path
    scenario: str
    scale: int
    counts: dict[str, int] = field(default_factory=dict)
    """Rows per table, counted in the finished file (the city unit made by `create_workspace`
    included)."""
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


class DemoBuildError(RuntimeError):
    """The finished file failed its own consistency check (a bug in the demo generator)."""

    def __init__(self, msg: Message) -> None:
        super().__init__(msg.render("en"))
        self.message = msg


def _check_arguments(scenario: str, scale: int) -> None:
    errors = []
    if scenario not in SCENARIOS:
        errors.append(
            FieldError(
                "scenario",
                DEMO_UNKNOWN_SCENARIO(scenario=scenario, known=", ".join(SCENARIOS)),
            )
        )
    if not 0 <= scale <= MAX_SCALE:
        errors.append(FieldError("scale", DEMO_SCALE_RANGE(limit=MAX_SCALE, value=scale)))
    if errors:
        raise ValidationFailed(errors)


def build_demo(
    path: Path,
    *,
    scenario: str = "hcmc-2023",
    scale: int = 0,
    progress: steps.Progress | None = None,
    user: str = "demo",
    admin: NewAccount | None = None,
) -> DemoSummary:
    """Create a database at `path` (which must not exist) and fill it with demo data.

    With `admin` the file is encrypted and has that administrator (`accounts.create_protected`);
    without, it is a plain file (tests, benchmarks that compare)."""
    _check_arguments(scenario, scale)
    report = progress or (lambda _text: None)
    started = time.perf_counter()
    city = NewUnit(CITY_NAME, CITY_CODE, UnitLevel.PROVINCE, CITY_PLACE)
    officer_name = "Nguyễn Thành Trung"
    officer_title = "Cán bộ Công an Thành phố Hồ Chí Minh"
    if admin is not None:
        workspace = accounts.create_protected(
            path, city, admin, officer_name=officer_name, officer_title=officer_title
        )
    else:
        workspace = create_workspace(
            path, city, user=user, officer_name=officer_name, officer_title=officer_title
        )
    # Millions of small tuples and no reference cycles worth collecting: the cyclic garbage
    # collector would walk the whole heap again and again (a fifth of the time at scale 100).
    collecting = gc.isenabled()
    gc.disable()
    try:
        rows = _fill(workspace, scenario, scale, report)
        audit.record_event(
            workspace,
            AuditAction.IMPORT,
            {"source": "demo", "scenario": scenario, "scale": scale, "rows": sum(rows.values())},
        )
    except BaseException:
        workspace.close()
        files.remove_database(path)
        raise
    finally:
        if collecting:
            gc.enable()
    workspace.close()
    return DemoSummary(path, scenario, scale, rows, time.perf_counter() - started)


def _fill(
    workspace: Workspace, scenario: str, scale: int, report: steps.Progress
) -> dict[str, int]:
    context = workspace.database.change_context
    if context is None:  # pragma: no cover - create_workspace always attaches one
        raise RuntimeError("workspace without change context")
    engine = workspace.database.engine
    engine.dispose()  # no other connection may be open while the journal mode changes
    with engine.connect() as connection:
        indexes = _prepare(connection)
        city = _city(connection)
        writer = BulkWriter(connection, context, id_seed=f"{scenario}/ids")
        people = PeopleFactory(random.Random(f"{scenario}/people"))
        ctx = DemoContext(writer, people, random.Random(scenario))
        hcmc_2023.build(ctx, city, report)
        if scale:
            scale_district.build(ctx, city, scale, report)
        writer.flush()
        report(steps.FINISHING())
        for statement in indexes:
            connection.exec_driver_sql(statement)
        if not scale:  # 0.1 s here; 4 s at scale 100, where the tests run it at scale 2 instead
            _check_references(connection)
        connection.commit()
        _finish(connection)
        return _count_rows(connection)


def _prepare(connection: Connection) -> list[str]:
    """Bulk-load settings; drop the secondary indexes and return the statements that recreate
    them. Runs before the transaction that writes rows begins."""
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    # A rollback journal in memory: nothing to write twice; on failure the file is deleted anyway.
    connection.exec_driver_sql("PRAGMA journal_mode=MEMORY")
    connection.exec_driver_sql("PRAGMA cache_size=-131072")  # 128 MB while building
    connection.exec_driver_sql("PRAGMA temp_store=MEMORY")  # index sorts stay in memory
    tables = ", ".join(f"'{table}'" for table in TABLE_COLUMNS)
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({tables}) ORDER BY name"
    ).all()
    for name, _ in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    connection.commit()
    return [str(sql) for _, sql in indexes]


def _city(connection: Connection) -> Unit:
    row = connection.exec_driver_sql(
        "SELECT id, name, place_name FROM org_units WHERE code = ?", (CITY_CODE,)
    ).one()
    return Unit(str(row.id), CITY_CODE, str(row.name), str(row.place_name), str(row.place_name))


def _check_references(connection: Connection) -> None:
    for table in TABLE_COLUMNS:
        broken = connection.exec_driver_sql(f"PRAGMA foreign_key_check({table})").all()
        if broken:
            raise DemoBuildError(DEMO_INCOMPLETE(count=len(broken), table=table))


def _finish(connection: Connection) -> None:
    """Back to the settings every connection of the application uses."""
    connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    connection.commit()


def _count_rows(connection: Connection) -> dict[str, int]:
    return {
        table: int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
        for table in TABLE_COLUMNS
    }
