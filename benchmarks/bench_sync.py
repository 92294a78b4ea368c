"""How long a sync bundle of many changed records takes to export and import, and how big it is.

    python benchmarks/bench_sync.py [--records 100000] [--keep DIR] [--plain]
                                    [--profile export|check|import|reimport]

Two installations are made, as the command line makes them (encrypted, SQLCipher, administrator
`admin` with the password of ANTQ_PASSWORD, default `benchmark-password`; `--plain` for
unencrypted files): a ward, Phường 1 (27001) under Quận 4 (773), and that district (773, under
79). The ward's book is filled with exactly `--records` records in its scope (its own unit row
included) the way a busy ward's look: programs and their quarterly evaluations, "5+1" cases with
their people, helpers, follow-ups and supports, community groups with their members (Vietnamese
names, addresses, citizen IDs, phones), and patrol shifts with their participants and findings.
They are written with the demo generators (`services.demo`), whose bulk writer stamps them with
the ward's clock, so all of them are changes the district has never acknowledged: the first
export to it takes every one. The ward knows the district's identity card, so the bundle is
encrypted to it; the district has never heard of the ward and accepts it as a new sender.

Then, each step in a fresh process of its own (so its peak memory is its own):

- export: `export_bundle(ward, out, to="773")` (read, encode, compress, encrypt, sign, write);
- check: `read_bundle(district, out)`, every check of the file with nothing written (this is also
  the first part of an import);
- import: `import_bundle(district, out, accept_new_sender=True)`, all of it, into the fresh book;
- re-import: the same bundle again, which changes nothing.

Each step is timed by the wall clock (the targets apply to it) and by the CPU time of its
process, which varies less when other programs share the machine. Peak memory is the resident
high-water mark of the step's process (VmHWM in /proc/self/status,
Linux; `ru_maxrss` elsewhere), shown with the figure just before the step (interpreter, modules
and the opened book). `--profile STEP` runs that step
under cProfile and prints where the time goes. `--keep DIR` leaves the two books and the bundle in
DIR (which must not exist yet) instead of a temporary folder removed afterwards.

This prints figures next to the targets; it is not a test and fails nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing
import os
import pstats
import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from antq_desktop.domain.enums import MaintainingBody, ProgramKind, Rating, UnitLevel
from antq_desktop.services import accounts, settings
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.demo.context import RANGE_END, DemoContext, Unit
from antq_desktop.services.demo.names import PeopleFactory, house_address
from antq_desktop.services.demo.patrols import (
    GroupRecord,
    GroupShape,
    PatrolStyle,
    ShiftPlan,
    add_group,
    plan_shifts,
    spread_dates,
    write_shifts,
)
from antq_desktop.services.demo.programs import ProgramSpec, add_evaluations, add_program
from antq_desktop.services.demo.rehab import add_rehab_cases
from antq_desktop.services.demo.scale import (
    APARTMENT,
    HOUSEHOLD,
    PATROLS_FROM,
    POST,
    STREETS,
    TAXI,
    WARD_REHAB,
)
from antq_desktop.services.demo.writer import BulkWriter
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace, open_workspace
from antq_desktop.store.models import OrgUnit
from antq_desktop.sync.exporter import export_bundle
from antq_desktop.sync.importer import import_bundle, read_bundle
from antq_desktop.sync.peers import add_peer, own_card

EXPORT_TARGET_SECONDS = 10.0
IMPORT_TARGET_SECONDS = 10.0
SIZE_TARGET_MB = 15.0
WARD = NewUnit("Phường 1", "27001", UnitLevel.WARD, "Phường 1")
DISTRICT = NewUnit("Quận 4", "773", UnitLevel.DISTRICT, "Quận 4")
CITY = NewUnit("Thành phố Hồ Chí Minh", "79", UnitLevel.PROVINCE, "Thành phố Hồ Chí Minh")
ADMIN = "admin"
STEPS = ("export", "check", "import", "reimport")

_P, _E = Rating.PARTLY_EFFECTIVE, Rating.EFFECTIVE
_POLICE = MaintainingBody.POLICE
# (program key, title, kind, maintaining body, budget in millions, rating)
_PROGRAMS = (
    ("household", "Tổ liên gia tự quản", ProgramKind.HOUSEHOLD_GROUP,
     MaintainingBody.FATHERLAND_FRONT, 120, _P),
    ("posts", "Chốt dân phòng tự quản", ProgramKind.CIVIL_DEFENCE_POST,
     MaintainingBody.WARD_AUTHORITY, 150, _E),
    ("apartment", "Tổ tự quản chung cư", ProgramKind.APARTMENT_BLOCK, _POLICE, 90, _P),
    ("taxi", "Tổ xe ôm tự quản", ProgramKind.MOTORBIKE_TAXI, _POLICE, 30, _P),
    ("boarding", "Khu nhà trọ tự quản", ProgramKind.BOARDING_HOUSE, _POLICE, 40, _P),
    ("rehab", 'Mô hình "5+1"', ProgramKind.REHABILITATION_5_PLUS_1, _POLICE, 70, _E),
)  # fmt: skip
# One ward's worth of groups (as `services.demo.scale`): (program key, name, how many, shifts
# in four years, patrol style or None, staffing); repeated until the groups hold their share.
_GROUPS: tuple[tuple[str, str, int, int, PatrolStyle | None, GroupShape], ...] = (
    ("household", "Tổ liên gia tự quản số {n}", 62, 44, HOUSEHOLD,
     GroupShape((12, 17), turnover=0.08)),
    ("posts", "Chốt dân phòng tự quản số {n}", 4, 420, POST, GroupShape((6, 9), male_share=0.85)),
    ("apartment", "Tổ tự quản chung cư lô {n}", 3, 208, APARTMENT, GroupShape((10, 14))),
    ("taxi", "Tổ xe ôm tự quản chợ Xóm Chiếu {n}", 1, 96, TAXI,
     GroupShape((10, 16), male_share=0.95)),
    ("boarding", "Khu nhà trọ tự quản số {n}", 4, 0, None, GroupShape((6, 10))),
)  # fmt: skip
GROUP_SHARE = 0.12
"""The share of the records that are groups, people and memberships (as in a demo ward)."""


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB: VmHWM of /proc/self/status (Linux).

    Not `ru_maxrss`: Linux keeps that across `execve`, so a fresh process started by a big one
    would report its parent's peak. VmHWM belongs to the process image and starts anew."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@dataclass(frozen=True)
class Books:
    ward: Path
    district: Path
    bundle: Path
    plain: bool


def password() -> str:
    return os.environ.get("ANTQ_PASSWORD", "benchmark-password")


def open_book(path: Path, plain: bool) -> Workspace:
    if plain:
        return open_workspace(path, verify=False)
    return accounts.sign_in(path, ADMIN, password(), verify=False, record=False)


def create_book(path: Path, unit: NewUnit, superior: NewUnit, plain: bool) -> Workspace:
    if plain:
        return create_workspace(path, unit, superior_unit=superior)
    return accounts.create_protected(
        path, unit, NewAccount(ADMIN, password()), superior_unit=superior
    )


# --- the ward's records ------------------------------------------------------------------------


def _written(writer: BulkWriter) -> int:
    """Rows written so far (the writer counts what it flushed)."""
    writer.flush()
    return sum(writer.counts.values())


def _ward_unit(workspace: Workspace) -> Unit:
    with workspace.database.session() as session:
        own = session.get(OrgUnit, settings.read_setting(session, settings.OWN_UNIT_ID) or "")
        assert own is not None
        return Unit(own.id, own.code, own.name, own.place_name, DISTRICT.place_name)


def fill_ward(workspace: Workspace, records: int) -> dict[str, int]:
    """Write records so that the ward's scope holds exactly `records` rows; rows per table."""
    context = workspace.database.change_context
    assert context is not None
    ward = _ward_unit(workspace)
    target = records - 1  # the ward's own unit row is in the bundle too
    rng = random.Random("bench-sync")
    with workspace.database.engine.begin() as connection:  # commits at the end
        writer = BulkWriter(connection, context, id_seed="bench-sync/ids")
        ctx = DemoContext(writer, PeopleFactory(random.Random("bench-sync/people")), rng)

        def address(unit: Unit = ward) -> str:
            return house_address(rng, STREETS, unit.place, unit.district)

        program_ids: dict[str, str] = {}
        for key, title, kind, body, budget, rating in _PROGRAMS:
            spec = ProgramSpec(
                key, ward.code, f"{title} {ward.name}", kind, body, date(2016, 1, 1), budget, rating
            )
            program_ids[key] = add_program(ctx, spec, ward)
            add_evaluations(ctx, program_ids[key], spec, f"Ban Chỉ đạo phong trào {ward.name}")
        add_rehab_cases(
            ctx,
            program_id=program_ids["rehab"],
            wards=[ward],
            targets=WARD_REHAB,
            address=address,
        )
        patrolling: list[tuple[GroupRecord, PatrolStyle, int]] = []
        numbers: dict[str, int] = {}
        kinds = [
            (key, pattern, shifts, style, shape)
            for key, pattern, count, shifts, style, shape in _GROUPS
            for _ in range(count)
        ]
        while not patrolling or _written(writer) < GROUP_SHARE * target:
            for key, pattern, shifts, style, shape in kinds:
                number = numbers[key] = numbers.get(key, 0) + 1
                name = pattern.format(n=number)
                group = add_group(
                    ctx,
                    program_id=program_ids[key],
                    unit=ward,
                    name=name,
                    area=f"Khu phố {1 + number // 12}" if style is HOUSEHOLD else name,
                    formed_on=date(rng.randint(2016, 2019), rng.randint(1, 12), 1),
                    shape=shape,
                    address=address,
                    until=RANGE_END,
                )
                if style is not None:
                    patrolling.append((group, style, shifts))
                if patrolling and _written(writer) >= GROUP_SHARE * target:
                    break
        remaining = target - _written(writer)
        if remaining < 0:
            raise SystemExit(f"--records {records} is too few for one ward's programs and groups")
        write_shifts(ctx, _shift_plans(ctx, patrolling, remaining, rng))
        written = _written(writer)
    if written != target:  # the generator's own check
        raise RuntimeError(f"wrote {written} records instead of {target}")
    return dict(writer.counts)


def _rows(plan: ShiftPlan) -> int:
    return 1 + len(plan.participants) + len(plan.findings)


def _shift_plans(
    ctx: DemoContext,
    patrolling: list[tuple[GroupRecord, PatrolStyle, int]],
    rows: int,
    rng: random.Random,
) -> list[ShiftPlan]:
    """Shifts (with participants and findings) making exactly `rows` rows: whole passes of each
    group's patrols from 2020 to 2023, the last pass cut at random, its last shift trimmed."""
    plans: list[ShiftPlan] = []
    total = 0
    while total < rows:
        if not patrolling:
            raise SystemExit("no patrolling group to write shifts for")
        batch = [
            plan
            for group, style, shifts in patrolling
            for plan in plan_shifts(
                ctx, group, spread_dates(ctx, shifts, PATROLS_FROM, RANGE_END), style
            )
        ]
        rng.shuffle(batch)
        for plan in batch:
            if total >= rows:
                break
            room = rows - total
            if _rows(plan) > room:  # the very last shift: fewer findings, then fewer people
                del plan.findings[max(0, room - 1 - len(plan.participants)) :]
                del plan.participants[max(0, room - 1) :]
            plans.append(plan)
            total += _rows(plan)
    return plans


def prepare(books: Books, records: int) -> None:
    began = time.perf_counter()
    district = create_book(books.district, DISTRICT, CITY, books.plain)
    ward = create_book(books.ward, WARD, DISTRICT, books.plain)
    try:
        add_peer(ward, own_card(district))  # the ward knows the district: the bundle is sealed
        counts = fill_ward(ward, records)
    finally:
        ward.close()
        district.close()
    kind = "plain" if books.plain else "encrypted (SQLCipher)"
    print(
        f"Ward book ({kind}) filled in {time.perf_counter() - began:.1f} s with "
        f"{sum(counts.values()):,} records, {records:,} with the ward's own unit:"
    )
    for table, count in counts.items():
        if count:
            print(f"  {table:22s} {count:>9,}")


# --- the steps, each in a process of its own ---------------------------------------------------


def _profiled(function: Callable[[], Any], profile: bool) -> tuple[Any, float, float]:
    """The result, the wall-clock seconds and the CPU seconds of this process."""
    profiler = cProfile.Profile() if profile else None
    began, cpu_began = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    result = function()
    if profiler is not None:
        profiler.disable()
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    if profiler is not None:
        for order in ("tottime", "cumulative"):
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(30)
            print(f"\n--- cProfile, sorted by {order} ---\n{text.getvalue()}", flush=True)
    return result, seconds, cpu


def run_step(step: str, books: Books, profile: bool) -> dict[str, Any]:
    """One step in this (fresh) process: its figures."""
    workspace = open_book(books.ward if step == "export" else books.district, books.plain)
    try:
        before = peak_rss_mb()
        figures: dict[str, Any] = {"rss_before": before}
        if step == "export":
            result, seconds, cpu = _profiled(
                lambda: export_bundle(workspace, books.bundle, to=DISTRICT.code), profile
            )
            figures.update(records=result.records, size=result.size_bytes)
        elif step == "check":
            opened, seconds, cpu = _profiled(lambda: read_bundle(workspace, books.bundle), profile)
            figures.update(records=opened.records)
        else:
            summary, seconds, cpu = _profiled(
                lambda: import_bundle(workspace, books.bundle, accept_new_sender=True), profile
            )
            figures.update(records=summary.total("new") + summary.total("unchanged"))
            figures.update(summary.totals())
        figures.update(seconds=seconds, cpu=cpu, rss_peak=peak_rss_mb())
        return figures
    finally:
        workspace.close()


def in_fresh_process(step: str, books: Books, profile: bool) -> dict[str, Any]:
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        return pool.submit(run_step, step, books, profile).result()


# --- the table ---------------------------------------------------------------------------------


def report(
    records: int, results: dict[str, dict[str, Any]], kept: Path | None, profile: str | None
) -> None:
    size_mb = results["export"]["size"] / 1_000_000
    print(f"\nSync of {records:,} changed records, Phường 1 (27001) → Quận 4 (773):")
    print(
        f"  {'step':10s} {'seconds':>8s} {'cpu s':>6s} {'records/s':>10s} {'target':>8s} {'':4s} "
        f"{'peak MB':>8s} {'(before)':>9s}  result"
    )
    targets = {"export": EXPORT_TARGET_SECONDS, "import": IMPORT_TARGET_SECONDS}
    for step in STEPS:
        figures = results[step]
        seconds = figures["seconds"]
        target = targets.get(step)
        verdict = ("ok" if seconds <= target else "MISS") if target is not None else ""
        target_text = f"≤ {target:.0f} s" if target is not None else ""
        if step == "export":
            result = f"{figures['records']:,} records, {size_mb:.2f} MB"
        elif step == "check":
            result = f"{figures['records']:,} records checked, nothing written"
        else:
            result = ", ".join(
                f"{name} {figures[name]:,}"
                for name in ("new", "updated", "unchanged", "conflicts", "rejected")
            )
        print(
            f"  {step:10s} {seconds:8.2f} {figures['cpu']:6.2f} "
            f"{figures['records'] / seconds:10,.0f} "
            f"{target_text:>8s} {verdict:4s} {figures['rss_peak']:8.0f} "
            f"{figures['rss_before']:9.0f}  {result}"
        )
    size_verdict = "ok" if size_mb <= SIZE_TARGET_MB else "MISS"
    print(
        f"  bundle size {size_mb:.2f} MB ({results['export']['size'] / records:.0f} bytes a "
        f"record; target ≤ {SIZE_TARGET_MB:.0f} MB: {size_verdict})"
    )
    print(
        "  seconds: wall clock (the targets); cpu s: CPU time of the step's process, steadier "
        "when other programs share the machine"
    )
    print(
        "  peak MB: resident high-water mark (VmHWM) of the step's own process; (before): the "
        "same just before the step, with the modules loaded and the book open"
    )
    reimport = results["reimport"]
    if reimport["new"] or reimport["updated"] or reimport["conflicts"]:
        print("  NOTE: the re-import changed something; it should change nothing")
    if results["import"]["new"] != records:
        print(f"  NOTE: the import made {results['import']['new']:,} new records, not {records:,}")
    if profile is not None:
        print(f"  NOTE: {profile} ran under cProfile, which makes it several times slower")
    if kept is not None:
        print(f"  the books and the bundle are in {kept}")


def run(folder: Path, records: int, plain: bool, profile: str | None, kept: bool) -> None:
    books = Books(
        folder / "ward-27001.antqdb", folder / "district-773.antqdb", folder / "w.antqsync", plain
    )
    prepare(books, records)
    results: dict[str, dict[str, Any]] = {}
    for step in STEPS:
        print(f"{step}…", flush=True)
        results[step] = in_fresh_process(step, books, profile == step)
    report(records, results, folder if kept else None, profile)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--records", type=int, default=100_000, help="changed records to sync")
    parser.add_argument("--keep", type=Path, help="a new folder to leave the books and bundle in")
    parser.add_argument("--plain", action="store_true", help="unencrypted record books")
    parser.add_argument("--profile", choices=STEPS, help="run this step under cProfile")
    args = parser.parse_args(argv)
    if args.keep is not None:
        args.keep.mkdir(parents=True)
        run(args.keep, args.records, args.plain, args.profile, kept=True)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="antq-bench-sync-"))
    try:
        run(folder, args.records, args.plain, args.profile, kept=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
