"""`antq-desktop selftest`: every step runs for real in a temporary folder, and a broken part of
the installation makes it fail with a line that names the step and the cause."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from antq_desktop import resources
from antq_desktop.cli import main
from antq_desktop.cli_selftest import STEPS

pytestmark = pytest.mark.usefixtures("qapp")


def leftovers() -> set[str]:
    return {path.name for path in Path(tempfile.gettempdir()).glob("antq-selftest-*")}


@pytest.mark.slow
def test_every_step_passes_and_nothing_is_left_behind(
    capsys: pytest.CaptureFixture[str], qtbot: QtBot
) -> None:
    before = leftovers()
    assert main(["--lang", "en", "selftest"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("ANTQ Desktop ")
    assert "record book is kept in" in lines[1]
    passed = [line for line in lines if line.strip().startswith("OK ")]
    assert len(passed) == len(STEPS)
    assert "Build a report, sign it and check the signature" in out
    assert lines[-1] == f"All {len(STEPS)} steps passed: the program works on this PC."
    assert leftovers() == before


@pytest.mark.slow
def test_a_missing_translation_fails_the_window_step_in_vietnamese(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    # An installation that lost its translation file (the other resources are there).
    shipped = tmp_path / "resources"
    for folder in ("fonts", "icons"):
        shutil.copytree(resources.resource_path(folder), shipped / folder)
    monkeypatch.setattr(resources, "resource_roots", lambda: [shipped])
    before = leftovers()
    assert main(["selftest"]) == 1
    out = capsys.readouterr().out
    assert "  ĐẠT      Xuất tệp đồng bộ và nhập vào sổ của cấp trên" in out
    failed = next(line for line in out.splitlines() if line.strip().startswith("LỖI"))
    assert "Dựng cửa sổ chương trình" in failed
    assert "antq_en.qm" in failed
    assert "Có bước bị lỗi" in out
    assert leftovers() == before


def test_a_failed_step_stops_the_ones_that_build_on_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from antq_desktop.services import accounts

    def refuse(*_arguments: object, **_options: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(accounts, "create_protected", refuse)
    assert main(["--lang", "en", "selftest"]) == 1
    out = capsys.readouterr().out
    assert "FAILED   Create an encrypted record book and sign in" in out
    assert "No space left on device" in out
    assert "Traceback" in out  # an unexpected error: the details for technical support
    assert " OK " not in out
    assert "Record a group" not in out
