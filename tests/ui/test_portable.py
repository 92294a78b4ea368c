"""A portable program keeps its record book and the window's settings in `data` beside it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from antq_desktop import paths
from antq_desktop.ui import app as app_module


@pytest.fixture
def portable_program(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    program = tmp_path / "USB" / "antq-desktop"
    program.mkdir(parents=True)
    (program / "antq-desktop").write_bytes(b"")
    (program / "portable").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "antq-desktop"))
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(app_module.ORGANISATION)
    QCoreApplication.setApplicationName(app_module.APP_NAME)
    yield program.resolve()
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path.home() / ".config")
    )


def test_the_book_and_the_settings_of_a_portable_program_stay_beside_it(
    portable_program: Path,
) -> None:
    assert app_module.default_database_path() == portable_program / "data" / "antq.antqdb"
    folder = paths.portable_folder()
    assert folder is not None
    app_module.keep_settings_in(folder)
    settings = QSettings()
    settings.setValue("window/test", "giữ bên cạnh")
    settings.sync()
    assert settings.status() == QSettings.Status.NoError
    written = Path(settings.fileName())
    assert written.is_file()
    assert written.is_relative_to(portable_program / "data")
    assert QSettings().value("window/test") == "giữ bên cạnh"
