"""How fast the built program (the bundle of `build_installer.py`) opens its window.

    python benchmarks/bench_bundle_start.py [--bundle dist/antq-desktop] [--runs 5] [--db PATH]

Measured from outside, as an officer sees it: the program is started on an X display (a fresh
Xvfb when DISPLAY is not set; needs the Debian packages xvfb and xdotool) and the clock stops when
its first window is mapped on the screen (polled with `xdotool search --onlyvisible --pid`):

- new book: no record book yet, so the window asking for the unit opens (the first start);
- sign-in: a record book exists, so the sign-in window opens (every later start);
- main window: the password typed into the sign-in window (xdotool), Enter, until the main
  window is on screen (this includes the deliberately slow key derivation of the password).

Each run starts the program cold from the same files with a fresh home folder, so no settings or
caches of an earlier run help. `--db PATH` signs in to an existing book (a big demo book, say:
`ANTQ_PASSWORD=benchmark-password antq-desktop demo --db PATH --scale 100`) with the password in
ANTQ_PASSWORD (default benchmark-password); without it a small book is made with the bundled
program's `init`. Target: the first window within 2 s. This prints figures; it fails nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import build_installer  # noqa: E402  (the bundle's program and size, as the build sees them)

TARGET_SECONDS = 2.0
WAIT_SECONDS = 60
PASSWORD = os.environ.get("ANTQ_PASSWORD", "benchmark-password")


@contextmanager
def display() -> Iterator[dict[str, str]]:
    """An environment with an X display: the current one, or a new Xvfb."""
    if os.environ.get("DISPLAY"):
        yield dict(os.environ)
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.exit("no DISPLAY and no Xvfb: install the Debian package xvfb (and xdotool)")
    number = 90 + os.getpid() % 100
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        yield {**os.environ, "DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait()


def _visible_titles(pid: int, environment: dict[str, str]) -> list[str]:
    """The titles of the visible windows of `pid` (xdotool's own title match is unreliable on
    Vietnamese titles, so titles are compared here)."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--classname", "antq-desktop"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    titles = []
    for window in found.stdout.split():
        name = subprocess.run(
            ["xdotool", "getwindowname", window],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        titles.append(name.stdout.strip())
    return titles


def _wait_for_window(pid: int, environment: dict[str, str], title_part: str = "") -> float:
    """Seconds until a visible window of `pid` whose title contains `title_part` appears."""
    started = time.perf_counter()
    while time.perf_counter() - started < WAIT_SECONDS:
        if any(title_part in title for title in _visible_titles(pid, environment)):
            return time.perf_counter() - started
        time.sleep(0.05)
    raise TimeoutError(f"no window with {title_part!r} in its title after {WAIT_SECONDS} s")


def _start(program: Path, book: Path, environment: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(program), "--db", str(book)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.kill()
    process.wait()


def run_once(program: Path, book: Path, environment: dict[str, str]) -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="antq-bench-home-") as home:
        clean = {**environment, "HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        started = time.perf_counter()
        process = _start(program, Path(home) / "new.antqdb", clean)
        try:
            _wait_for_window(process.pid, clean)
            figures["new book"] = time.perf_counter() - started
        finally:
            _stop(process)
        started = time.perf_counter()
        process = _start(program, book, clean)
        try:
            _wait_for_window(process.pid, clean)
            figures["sign-in"] = time.perf_counter() - started
            time.sleep(0.3)  # the password box takes the focus once the window is shown
            subprocess.run(["xdotool", "type", "--delay", "0", PASSWORD], env=clean, check=True)
            typed = time.perf_counter()
            subprocess.run(["xdotool", "key", "Return"], env=clean, check=True)
            # The main window's title ends with the book's file name; the sign-in window's has none.
            _wait_for_window(process.pid, clean, book.name)
            figures["main window"] = time.perf_counter() - typed
        finally:
            _stop(process)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "antq-desktop")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="an existing record book to sign in to")
    args = parser.parse_args()
    program = build_installer.executable(args.bundle)
    if not program.is_file():
        sys.exit(f"{program} not found: run `python build_installer.py` first")
    if shutil.which("xdotool") is None:
        sys.exit("xdotool not found: install the Debian package xdotool")
    with tempfile.TemporaryDirectory(prefix="antq-bench-") as temporary, display() as environment:
        book = args.db
        if book is None:
            book = Path(temporary) / "book.antqdb"
            subprocess.run(
                [str(program), "init", "--db", str(book), "--unit", "Phường 1", "--code", "27001",
                 "--superior", "Quận 4", "--superior-code", "773", "--officer", "Nguyễn Văn An"],
                env={**environment, "ANTQ_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen"},
                check=True,
                stdout=subprocess.DEVNULL,
            )  # fmt: skip
        runs = [run_once(program, book, environment) for _ in range(args.runs)]
    size = build_installer.folder_size(args.bundle)
    print(f"bundle {args.bundle} ({size / 1024 / 1024:.1f} MB), book {book.name}, {args.runs} runs")
    for name in runs[0]:
        values = [run[name] for run in runs]
        target = f"  (target ≤ {TARGET_SECONDS:.0f} s)" if name != "main window" else ""
        print(
            f"{name:12} median {statistics.median(values):.2f} s, "
            f"min {min(values):.2f} s, max {max(values):.2f} s{target}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
