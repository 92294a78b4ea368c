"""How fast the window opens, lists open and a search answers, on a large demo record book.

    python benchmarks/bench_ui.py [--scale N] [--db PATH] [--query "nguyen van"]

Without `--db` a demo record book is built with `build_demo(path, scale=N)` (default 100 wards;
about a minute) in a temporary folder removed afterwards; `--db PATH` reuses one (built if the
file does not exist yet, and then kept). The figures are taken in a fresh process
(QT_QPA_PLATFORM=offscreen) with the database worker running as in the program:

- window shown: from the start of that process (and from before the app modules are imported) to
  `MainWindow(workspace).start()` having shown the window (the file opened as the program does,
  without the whole-file check, which then runs in the background); the overview's first figures
  are timed separately;
- each list page (every `ListPage` subclass found in `antq_desktop/ui/*_page.py`, each page
  alone): from `page.load()` to the first rows shown (the count of a long list follows; timed too);
- a search typed without diacritics on the biggest list of people or names: from Enter in the
  search box to the first results shown (the 150 ms typing pause comes on top when typing);
- the peak memory of that process (`ru_maxrss`, Linux).

This prints figures next to the targets; it is not a test and fails nothing.
"""

# ruff: noqa: E402 (the clock starts before anything else is imported)
from __future__ import annotations

import time

STARTED = time.perf_counter()  # before any module of the program is imported

import argparse
import importlib
import inspect
import json
import os
import pkgutil
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

TARGETS_MS = {"window": 1500.0, "list": 200.0, "search": 100.0}
TARGET_MEMORY_MB = 400.0
PEOPLE_LISTS = ("people", "members", "memberships", "rehab_cases")
"""Lists of people, searched by name; without any of them, the biggest list is searched."""
TIMEOUT_MS = 60_000


def seconds_since_process_start() -> float | None:
    """How long this process has existed (Linux /proc; None elsewhere), at clock-tick precision."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, IndexError, ValueError):
        return None
    start_ticks = int(fields[19])  # field 22 of stat; the first two were split off above
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def peak_memory_mb() -> float:
    """ru_maxrss is in kilobytes on Linux (bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


# --- the measuring process ------------------------------------------------------------------


def measure(db_path: Path, query: str) -> dict[str, Any]:
    """Runs in the fresh process: open the window, each list, one search; return the figures."""
    imports_begun = time.perf_counter()
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from antq_desktop.services import accounts
    from antq_desktop.services.workspace import open_workspace
    from antq_desktop.ui import i18n, worker
    from antq_desktop.ui.app import APP_NAME, ORGANISATION, apply_vietnamese_font
    from antq_desktop.ui.list_page import ListPage
    from antq_desktop.ui.main_window import MainWindow

    figures: dict[str, Any] = {"imports_ms": (time.perf_counter() - imports_begun) * 1000}
    app = QApplication(sys.argv[:1])
    app.setApplicationName(f"{APP_NAME} benchmark")  # keep the user's column choices out of it
    app.setOrganizationName(ORGANISATION)
    i18n.install(app, "vi")
    apply_vietnamese_font(app)

    def wait_until(condition: Callable[[], bool], what: str) -> None:
        """Run the event loop until `condition()`; a heartbeat re-checks it every 5 ms."""
        deadline = time.perf_counter() + TIMEOUT_MS / 1000
        loop = QEventLoop()
        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(loop.quit)
        heartbeat.start()
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{what}: no answer in {TIMEOUT_MS / 1000:.0f} s")
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        heartbeat.stop()

    steps: dict[str, float] = {"Qt application": time.perf_counter()}
    if accounts.file_state(db_path) is accounts.FileState.PROTECTED:  # signed in as ui.app does
        password = os.environ.get("ANTQ_PASSWORD", "benchmark-password")
        workspace = accounts.sign_in(db_path, "admin", password, verify=False)
    else:
        workspace = open_workspace(db_path, verify=False)
    steps["open_workspace"] = time.perf_counter()
    window = MainWindow(workspace)
    steps["MainWindow()"] = time.perf_counter()
    done: list[bool] = []
    window.overview.computed.connect(lambda: done.append(True))
    window.overview.failed.connect(lambda: done.append(False))
    window.start()
    steps["start() (shown)"] = time.perf_counter()
    figures["window_ms"] = (time.perf_counter() - STARTED) * 1000
    since_start = seconds_since_process_start()
    figures["window_since_process_ms"] = since_start * 1000 if since_start is not None else None
    wait_until(lambda: bool(done), "the overview's figures")
    steps["first figures"] = time.perf_counter()
    marks = [imports_begun + figures["imports_ms"] / 1000, *steps.values()]
    figures["window_steps_ms"] = {
        name: (marks[n + 1] - marks[n]) * 1000 for n, name in enumerate(steps)
    }
    figures["figures_ms"] = (time.perf_counter() - STARTED) * 1000
    figures["figures_ok"] = done[0]
    figures["memory_after_window_mb"] = peak_memory_mb()

    pages = list_page_classes(ListPage)
    figures["skipped"] = pages.skipped
    lists: dict[str, dict[str, Any]] = {}
    opened: dict[str, Any] = {}
    for cls in pages.found:
        try:
            page = cls(workspace, window.changes)
        except Exception as error:  # a page still being written
            pages.skipped.append(f"{cls.__name__}: {type(error).__name__}: {error}")
            continue
        page.resize(1100, 700)
        page.show()
        counts: list[int] = []
        page.model.loaded.connect(counts.append)
        page.model.first_rows.connect(counts.append)
        page.model.failed.connect(partial(mark_failed, counts))
        begun = time.perf_counter()
        page.load()
        wait_until(partial(first_rows_shown, page, counts), f"{cls.__name__} list")
        seconds = time.perf_counter() - begun
        wait_until(partial(getattr, page.model, "counted"), f"{cls.__name__} count")
        counted = time.perf_counter() - begun
        counts.append(page.model.rowCount())
        lists[cls.__name__] = {
            "ms": seconds * 1000,
            "count_ms": counted * 1000,
            "rows": counts[-1],
            "name": page.listing.name,
        }
        opened[cls.__name__] = (page, counts)
        QCoreApplication.processEvents()
    figures["lists"] = lists

    candidates = [
        name for name, data in lists.items() if data["name"] in PEOPLE_LISTS and data["rows"] > 0
    ] or [name for name, data in lists.items() if data["rows"] > 0]
    if candidates:
        target = max(
            candidates,
            key=lambda n: (lists[n]["rows"], -PEOPLE_LISTS.index(lists[n]["name"])
                           if lists[n]["name"] in PEOPLE_LISTS else -99),
        )  # fmt: skip
        page, counts = opened[target]
        before = len(counts)
        begun = time.perf_counter()
        page.search.setText(query)
        page.search.returnPressed.emit()  # Enter: search now, without the typing pause
        wait_until(lambda: len(counts) > before and first_rows_shown(page, counts), "the search")
        figures["search"] = {
            "ms": (time.perf_counter() - begun) * 1000,
            "page": target,
            "rows": counts[-1],
            "query": query,
        }
    worker.wait_for_all()
    figures["memory_mb"] = peak_memory_mb()
    window.close()
    workspace.close()
    return figures


def mark_failed(counts: list[int], _text: str) -> None:
    counts.append(-1)


def first_rows_shown(page: Any, counts: list[int]) -> bool:
    """The count has arrived and, when there are rows, the first page of them."""
    if not counts:
        return False
    if counts[-1] <= 0:
        return True
    return page.model.row(0) is not None  # asks for the page if the view has not yet


class FoundPages:
    def __init__(self) -> None:
        self.found: list[type[Any]] = []
        self.skipped: list[str] = []


def list_page_classes(base: type[Any]) -> FoundPages:
    """Every `ListPage` subclass defined in antq_desktop/ui/*_page.py (pages being written by
    others may not exist or may not import yet: they are skipped and named)."""
    import antq_desktop.ui as ui_package

    pages = FoundPages()
    for module_info in sorted(pkgutil.iter_modules(ui_package.__path__), key=lambda m: m.name):
        if not module_info.name.endswith("_page") or module_info.name == "list_page":
            continue
        try:
            module = importlib.import_module(f"antq_desktop.ui.{module_info.name}")
        except Exception as error:  # a page still being written must not stop the benchmark
            pages.skipped.append(f"{module_info.name}: {type(error).__name__}: {error}")
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls is not base and issubclass(cls, base) and cls.__module__ == module.__name__:
                pages.found.append(cls)
    return pages


# --- the parent: build the data, start the measuring process, print the table -----------------


def build(path: Path, scale: int) -> None:
    from antq_desktop.services.demo import build_demo

    print(f"Building the demo record book at scale {scale} in {path} …", flush=True)
    summary = build_demo(path, scale=scale)
    print(f"  {summary.total_rows:,} rows in {summary.seconds:.0f} s", flush=True)


def run_child(path: Path, query: str) -> dict[str, Any]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", str(path)]
    command += ["--query", query]
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        sys.stderr.write(finished.stderr)
        raise SystemExit(f"the measuring process failed (exit {finished.returncode})")
    result: dict[str, Any] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


def verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER"


def combine(runs: list[Any]) -> Any:
    """The median of each figure over the runs (other values from the first run)."""
    first = runs[0]
    if isinstance(first, dict):
        return {key: combine([run[key] for run in runs if key in run]) for key in first}
    if isinstance(first, int | float) and not isinstance(first, bool):
        return statistics.median(float(value) for value in runs)
    return first


def print_table(figures: dict[str, Any], path: Path, runs: list[dict[str, Any]]) -> None:
    size = path.stat().st_size / 1_000_000
    print(f"\nDatabase: {path} ({size:,.0f} MB)")
    windows = sorted(float(run["window_ms"]) for run in runs)
    print(
        f"Medians of {len(runs)} fresh processes (window shown: "
        f"{windows[0]:,.0f}–{windows[-1]:,.0f} ms over the runs)"
    )
    rows: list[tuple[str, str, str, str]] = []
    window_ms = float(figures["window_ms"])
    rows.append(
        ("window shown (from before imports)", f"{window_ms:,.0f} ms",
         "≤ 1,500 ms", verdict(window_ms, TARGETS_MS["window"]))
    )  # fmt: skip
    since_process = figures.get("window_since_process_ms")
    if since_process is not None:
        rows.append(
            ("window shown (from process start)", f"{since_process:,.0f} ms",
             "≤ 1,500 ms", verdict(since_process, TARGETS_MS["window"]))
        )  # fmt: skip
    for name, data in figures["lists"].items():
        rows.append(
            (f"open {name} ({int(data['rows']):,} rows; count {data['count_ms']:,.0f} ms)",
             f"{data['ms']:,.0f} ms", "≤ 200 ms", verdict(data["ms"], TARGETS_MS["list"]))
        )  # fmt: skip
    search = figures.get("search")
    if search is not None:
        rows.append(
            (f"search “{search['query']}” in {search['page']} ({int(search['rows']):,} rows)",
             f"{search['ms']:,.0f} ms", "≤ 100 ms", verdict(search["ms"], TARGETS_MS["search"]))
        )  # fmt: skip
    rows.append(
        ("overview's first figures (from before imports)", f"{figures['figures_ms']:,.0f} ms",
         "—", "")
    )  # fmt: skip
    memory = float(figures["memory_mb"])
    rows.append(
        ("peak memory (ru_maxrss)", f"{memory:,.0f} MB", "≤ 400 MB",
         verdict(memory, TARGET_MEMORY_MB))
    )  # fmt: skip
    width = max(len(row[0]) for row in rows)
    print(f"\n{'measure':{width}s}  {'figure':>10s}  {'target':>11s}")
    for label, value, target, mark in rows:
        print(f"{label:{width}s}  {value:>10s}  {target:>11s}  {mark}")
    print(
        f"\n(imports took {figures['imports_ms']:,.0f} ms; peak memory once the window was shown: "
        f"{figures['memory_after_window_mb']:,.0f} MB; figures computed: {figures['figures_ok']})"
    )
    steps = ", ".join(f"{name} {ms:,.0f} ms" for name, ms in figures["window_steps_ms"].items())
    print(f"window steps after the imports: {steps}")
    for skipped in figures["skipped"]:
        print(f"skipped page module {skipped}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=int, default=100, help="wards in the demo (default 100)")
    parser.add_argument("--db", type=Path, help="reuse this record book (built if missing)")
    parser.add_argument("--query", default="nguyen van", help="the search typed")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes (medians shown)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure is not None:  # the fresh process
        print(json.dumps(measure(args.measure, args.query)), flush=True)
        # Skip the interpreter's clean-up: tearing down dozens of top-level Qt widgets after the
        # application object has crashed PySide once ("none_dealloc") and is not what we measure.
        os._exit(0)
    with tempfile.TemporaryDirectory() as folder:
        path: Path = args.db or Path(folder) / "bench_ui.antqdb"
        if not path.exists():
            build(path, args.scale)
        runs = [run_child(path, args.query) for _ in range(max(args.runs, 1))]
        print_table(combine(runs), path, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
