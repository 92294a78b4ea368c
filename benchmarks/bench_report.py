"""How long a signed report takes to make, and how much memory a big one needs.

    python benchmarks/bench_report.py [--ward 27298] [--quarter 2023-4] [--repeat 3]
    python benchmarks/bench_report.py --db PATH --unit CODE --year YEAR [--user U] [--no-appendix]

Without `--db`: the hcmc-2023 demo record book is built (encrypted, as the command line makes it)
in a temporary folder removed afterwards, and a ward's quarterly report is made `--repeat` times
(target: 2 s).

With `--db`: the report of one unit for one calendar year is made from that record book (signed
in as `--user` with the password of ANTQ_PASSWORD, default `benchmark-password`; e.g. the
`demo --scale 100` book, whose district 79999 has 100 wards; target: 30 s and 500 MB). Run it in a
process of its own: the peak memory (`ru_maxrss`, Linux) is the process's since it started.

Each run times the three steps of `reports.issue.issue_report`: reading everything
(`gather_report`), laying the PDF out (`build_pdf`) and signing it (PAdES B-B with a signing
identity made for the run), then writes the file to a temporary folder. Nothing is written to the
record book: no number is taken and nothing is registered (the sign-in is not recorded either).

This prints figures next to the targets; it is not a test and fails nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from antq_desktop.domain.periods import Period
from antq_desktop.reports.document import IssueDetails, build_pdf
from antq_desktop.reports.identity import create_identity
from antq_desktop.reports.signing import SIGNATURE_LEVEL, StampText, open_pkcs12, sign_pdf
from antq_desktop.services import accounts
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.demo import build_demo
from antq_desktop.services.report_content import ReportRequest, gather_report
from antq_desktop.services.workspace import Workspace

PASSPHRASE = "benchmark-passphrase"
WARD_TARGET_SECONDS = 2.0
YEAR_TARGET_SECONDS = 30.0
YEAR_TARGET_MB = 500.0


@dataclass(frozen=True)
class Timing:
    gather: float
    build: float
    sign: float
    write: float
    pages: int
    size: int
    shifts: int
    cases: int

    @property
    def total(self) -> float:
        return self.gather + self.build + self.sign + self.write


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_report(
    workspace: Workspace, request: ReportRequest, identity_file: Path, folder: Path
) -> Timing:
    started = time.perf_counter()
    content = gather_report(workspace, request)
    gathered = time.perf_counter()
    details = IssueDetails(f"01/BC-{content.header.number_suffix}", date.today(), SIGNATURE_LEVEL)
    built = build_pdf(content, details)
    laid_out = time.perf_counter()
    with open_pkcs12(identity_file, PASSPHRASE) as identity:
        signed = sign_pdf(
            built.pdf,
            identity,
            built.signature_box,
            StampText(signer=identity.subject_name, unit=content.header.issuing_body),
            reason=f"Báo cáo số {details.number_text}",
            location=content.header.place_name,
        )
    signed_at = time.perf_counter()
    target = folder / f"report-{time.time_ns()}.pdf"
    target.write_bytes(signed)
    written = time.perf_counter()
    target.unlink()
    return Timing(
        gather=gathered - started,
        build=laid_out - gathered,
        sign=signed_at - laid_out,
        write=written - signed_at,
        pages=built.pages,
        size=len(signed),
        shifts=content.statistics.patrols.shifts,
        cases=len(content.cases),
    )


def describe(label: str, timing: Timing) -> str:
    return (
        f"  {label:8s} total {timing.total:6.2f} s = gather {timing.gather:5.2f} + build "
        f"{timing.build:5.2f} + sign {timing.sign:4.2f} + write {timing.write:4.2f}; "
        f"{timing.pages} pages ({timing.pages / timing.build:.0f} pages/s), "
        f"{timing.size / 1_000_000:.2f} MB; {timing.shifts:,} shifts, {timing.cases:,} cases"
    )


def run_ward(ward: str, year: int, quarter: int, repeat: int, folder: Path) -> None:
    password = os.environ.get("ANTQ_PASSWORD", "benchmark-password")
    book = folder / "hcmc.antqdb"
    began = time.perf_counter()
    build_demo(book, admin=NewAccount("admin", password))
    print(f"hcmc-2023 demo built in {time.perf_counter() - began:.1f} s ({book})")
    identity_file = folder / "signer.p12"
    create_identity(identity_file, "Người Ký Thử", "Công an phường", PASSPHRASE)
    workspace = accounts.sign_in(book, "admin", password, record=False)
    try:
        request = ReportRequest(ward, Period.quarter(year, quarter))
        print(f"\nWard {ward}, {request.period.label('en')} (target {WARD_TARGET_SECONDS:.0f} s):")
        timings = []
        for index in range(1, repeat + 1):
            timing = make_report(workspace, request, identity_file, folder)
            timings.append(timing)
            print(describe(f"run {index}", timing))
        totals = [timing.total for timing in timings]
        print(f"  best {min(totals):.2f} s, median {statistics.median(totals):.2f} s")
    finally:
        workspace.close()


def run_year(book: Path, user: str, unit: str, year: int, appendices: bool, folder: Path) -> None:
    password = os.environ.get("ANTQ_PASSWORD", "benchmark-password")
    identity_file = folder / "signer.p12"
    create_identity(identity_file, "Người Ký Thử", "Công an quận", PASSPHRASE)
    began = time.perf_counter()
    workspace = accounts.sign_in(book, user, password, verify=False, record=False)
    print(f"Signed in to {book} as {user} in {time.perf_counter() - began:.1f} s")
    before = peak_rss_mb()
    try:
        request = ReportRequest(unit, Period.year(year), include_appendices=appendices)
        print(
            f"\nUnit {unit}{'' if appendices else ' without appendices'}, "
            f"{request.period.label('en')} "
            f"(targets {YEAR_TARGET_SECONDS:.0f} s, {YEAR_TARGET_MB:.0f} MB):"
        )
        timing = make_report(workspace, request, identity_file, folder)
        print(describe("report", timing))
    finally:
        workspace.close()
    print(
        f"  peak memory of the process: {peak_rss_mb():.0f} MB (before the report {before:.0f} MB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, help="an existing record book for the year's report")
    parser.add_argument("--user", default="admin", help="who signs in to --db")
    parser.add_argument("--unit", default="79999", help="the unit of the year's report")
    parser.add_argument("--year", type=int, default=2023, help="the year of the year's report")
    parser.add_argument("--ward", default="27298", help="the ward of the quarterly report")
    parser.add_argument("--quarter", default="2023-4", help="YEAR-QUARTER of the ward's report")
    parser.add_argument("--repeat", type=int, default=3, help="quarterly reports to time")
    parser.add_argument(
        "--no-appendix", action="store_true", help="leave the appendix tables out (as the CLI)"
    )
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="antq-bench-report-"))
    try:
        if args.db is not None:
            run_year(args.db, args.user, args.unit, args.year, not args.no_appendix, folder)
        else:
            year, quarter = (int(part) for part in args.quarter.split("-"))
            run_ward(args.ward, year, quarter, args.repeat, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
