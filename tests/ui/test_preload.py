"""The main window's modules load on a thread while the person signs in (`preload_main_window`).
Two threads importing the same modules at once could meet in CPython's per-module import locks;
this checks in a fresh interpreter that signing in and creating a book import nothing that the
main window's import also imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, sys
from pathlib import Path
import antq_desktop.cli, antq_desktop.ui.app
from antq_desktop.domain.enums import UnitLevel
from antq_desktop.services import accounts
from antq_desktop.services.workspace import NewUnit
folder = Path(sys.argv[1])
before = set(sys.modules)
book = accounts.create_protected(
    folder / "new.antqdb", NewUnit("Phường 1", "27001", UnitLevel.WARD),
    accounts.NewAccount("admin", "mat-khau-du-dai-1"),
)
book.close()
accounts.sign_in(folder / "new.antqdb", "admin", "mat-khau-du-dai-1", verify=False).close()
by_dialogs = set(sys.modules) - before
# What the main window's import needs that the dialogs had not imported before they ran.
for name in sorted(by_dialogs):
    del sys.modules[name]
before = set(sys.modules)
import antq_desktop.ui.main_window
by_window = set(sys.modules) - before
print(json.dumps({"dialogs": sorted(by_dialogs), "window": sorted(by_window)}))
"""


def test_signing_in_and_the_main_window_import_different_modules(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["dialogs"]  # the engine's dialect, the migrations: something is imported
    assert set(found["dialogs"]) & set(found["window"]) == set()
