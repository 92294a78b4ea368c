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


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its production cost (64 MiB, 3 passes) would make every sign-in of every test
    take a third of a second; the tests check the logic, not the cost, so they use the cheapest
    setting. Keys wrapped with it are still real Argon2id + AES-GCM."""
    from antq_desktop.store import keyring

    monkeypatch.setattr(keyring, "DEFAULT_KDF", keyring.KdfParameters(1, 8, 1))


@pytest.fixture
def tmp_db_path(tmp_path: Path) -> Path:
    """A path for a new database file that does not exist yet, in this test's own folder."""
    path = tmp_path / "antq.sqlite3"
    assert not path.exists()
    return path
