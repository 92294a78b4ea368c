"""Window tests: offscreen (set in tests/conftest.py), jobs run synchronously, Vietnamese UI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from sample_data import make_sample

from antq_desktop.services.workspace import Workspace
from antq_desktop.ui import i18n, worker


@pytest.fixture(autouse=True)
def synchronous_jobs() -> Iterator[None]:
    """Every background job runs at once, so a test reads the window right after acting."""
    worker.set_synchronous(True)
    yield
    worker.set_synchronous(False)


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window state (QSettings) goes to a fresh folder per test, never to the user's own."""
    folder = tmp_path_factory.mktemp("qsettings")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(folder))
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))


@pytest.fixture(autouse=True)
def vietnamese_interface() -> Iterator[None]:
    """A test that switches to English leaves the next one in Vietnamese."""
    yield
    app = QCoreApplication.instance()
    if i18n.language() != "vi" and app is not None:
        i18n.install(app, "vi")


@pytest.fixture
def sample_workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A fresh record book (district 773 > wards 27262, 27265) with some work recorded."""
    workspace = make_sample(tmp_path / "sample.antqdb")
    yield workspace
    worker.wait_for_all()
    workspace.close()
