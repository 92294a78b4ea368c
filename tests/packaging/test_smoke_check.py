"""The build's smoke test fails the build when the built program misbehaves (a stand-in program,
a shell script, plays the built one)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="stand-in programs are sh scripts")


def stand_in(bundle: Path, script: str) -> Path:
    bundle.mkdir(parents=True, exist_ok=True)
    program = bundle / "antq-desktop"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(0o755)
    return bundle


def test_a_passing_program_passes(build: ModuleType, tmp_path: Path) -> None:
    bundle = stand_in(
        tmp_path / "b",
        'case "$*" in\n'
        '  --version) echo "antq-desktop 9.8.7" ;;\n'
        '  *selftest*) echo "home=$HOME platform=$QT_QPA_PLATFORM"; echo "All 5 steps passed" ;;\n'
        "  *) exit 3 ;;\n"
        "esac\n",
    )
    result = build.smoke_test(bundle, "9.8.7")
    assert result.version_line == "antq-desktop 9.8.7"
    assert "All 5 steps passed" in result.selftest_output
    assert "platform=offscreen" in result.selftest_output
    assert f"home={Path.home()}" not in result.selftest_output  # a fresh home, not the builder's


def test_a_failing_selftest_fails_the_build(build: ModuleType, tmp_path: Path) -> None:
    bundle = stand_in(
        tmp_path / "b",
        'if [ "$1" = "--version" ]; then echo "antq-desktop 9.8.7"; exit 0; fi\n'
        'echo "  FAILED   Build the window: no Qt platform plugin"; exit 1\n',
    )
    with pytest.raises(build.BuildFailed, match="no Qt platform plugin"):
        build.smoke_test(bundle, "9.8.7")


def test_a_stale_version_fails_the_build_and_says_how_to_fix_it(
    build: ModuleType, tmp_path: Path
) -> None:
    bundle = stand_in(tmp_path / "b", 'echo "antq-desktop 0.0.1"\n')
    with pytest.raises(build.BuildFailed, match="reinstall the package"):
        build.smoke_test(bundle, "9.8.7")


def test_a_bundle_without_its_program_fails_the_build(build: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(build.BuildFailed, match="has no program"):
        build.smoke_test(tmp_path, "9.8.7")
