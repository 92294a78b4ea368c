"""Fixtures shared by every test package.

Qt must never open a real window under test: the platform is set to "offscreen" here, at import
time, before any test module imports PySide6 (pytest loads this file before collecting tests, and
Qt reads the variable only when the application object is created).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def tmp_db_path(tmp_path: Path) -> Path:
    """A path for a new database file that does not exist yet, in this test's own folder."""
    path = tmp_path / "antq.sqlite3"
    assert not path.exists()
    return path
