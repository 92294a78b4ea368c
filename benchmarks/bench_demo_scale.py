"""Time the demo build with a large synthetic district, and the statistics over it.

    python benchmarks/bench_demo_scale.py --scale 100 [--db PATH] [--plain]

Prints the rows written per table, the seconds taken, rows per second, the file size, and how long
`compute_statistics` takes for the synthetic district (79999) and for the whole city (79). Without
`--db` the file goes to a temporary folder that is removed afterwards. The file is encrypted
(SQLCipher) with an administrator `admin` whose password is ANTQ_PASSWORD (default
`benchmark-password`), as the command line makes it; `--plain` builds an unencrypted file to
measure what encryption costs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from antq_desktop.domain.messages import Message
from antq_desktop.services import accounts
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.demo import build_demo
from antq_desktop.services.demo.scale import DISTRICT_CODE
from antq_desktop.services.statistics import compute_statistics
from antq_desktop.services.workspace import open_workspace

PERIODS = {
    "2015-2023": (date(2015, 1, 1), date(2023, 12, 31)),
    "Q4/2023": (date(2023, 10, 1), date(2023, 12, 31)),
}


def run(path: Path, wards: int, plain: bool) -> None:
    started = time.perf_counter()

    def progress(step: Message) -> None:
        print(f"  {time.perf_counter() - started:6.1f} s  {step.render('en')}", flush=True)

    password = os.environ.get("ANTQ_PASSWORD", "benchmark-password")
    admin = None if plain else NewAccount("admin", password)
    summary = build_demo(path, scale=wards, progress=progress, admin=admin)
    print(f"\nRows written (scale {wards}):")
    for table, count in summary.counts.items():
        print(f"  {table:22s} {count:>12,}")
    print(f"  {'total':22s} {summary.total_rows:>12,}")
    print(f"\nBuild: {summary.seconds:.1f} s, {summary.total_rows / summary.seconds:,.0f} rows/s")
    kind = "plain" if plain else "encrypted"
    print(f"File: {path.stat().st_size / 1_000_000:,.0f} MB, {kind} ({path})")
    begun = time.perf_counter()
    workspace = open_workspace(path) if plain else accounts.sign_in(path, "admin", password)
    print(f"Open with the whole-file check: {time.perf_counter() - begun:.1f} s")
    try:
        print("\ncompute_statistics:")
        for code in (DISTRICT_CODE, "79"):
            for label, (date_from, date_to) in PERIODS.items():
                begun = time.perf_counter()
                figures = compute_statistics(workspace, code, date_from, date_to)
                seconds = time.perf_counter() - begun
                print(
                    f"  {code:>5} {label:10s} {seconds:6.2f} s  "
                    f"({figures.patrols.shifts:,} shifts, {figures.members:,} members, "
                    f"{figures.rehab.people:,} people helped)"
                )
    finally:
        workspace.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=int, default=100, help="wards of the synthetic district")
    parser.add_argument("--db", type=Path, help="where to build (default: a temporary file)")
    parser.add_argument("--plain", action="store_true", help="build an unencrypted file")
    args = parser.parse_args(argv)
    if args.db is not None:
        run(args.db, args.scale, args.plain)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="antq-bench-"))
    try:
        run(folder / "demo.antqdb", args.scale, args.plain)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
