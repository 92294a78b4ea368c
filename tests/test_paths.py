"""Where the data lives: the user data folder, or a `data` folder beside a portable program."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from antq_desktop import paths


def frozen_program(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Pretend to be the frozen program whose executable is in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    executable = folder / "antq-desktop"
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    return folder


def test_run_from_python_the_data_is_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.program_folder() is None
    assert paths.portable_folder() is None
    assert paths.data_folder() == platformdirs.user_data_path("ANTQ Desktop", "ANTQ")


def test_an_installed_program_keeps_its_data_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    program = frozen_program(monkeypatch, tmp_path / "Programs" / "ANTQ Desktop")
    assert paths.program_folder() == program.resolve()
    assert paths.portable_folder() is None
    assert paths.data_folder() == platformdirs.user_data_path("ANTQ Desktop", "ANTQ")


def test_a_portable_file_beside_the_program_keeps_the_data_beside_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    program = frozen_program(monkeypatch, tmp_path / "USB" / "antq-desktop")
    (program / "portable").write_bytes(b"")
    assert paths.portable_folder() == program.resolve() / "data"
    assert paths.data_folder() == program.resolve() / "data"
    assert not (program / "data").exists()  # made when the first book is created


def test_a_folder_named_portable_does_not_count(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    program = frozen_program(monkeypatch, tmp_path / "program")
    (program / "portable").mkdir()
    assert paths.portable_folder() is None
