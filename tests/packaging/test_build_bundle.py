"""`python build_installer.py` on Linux: the bundle is built, smoke-tested and archived, within
its size budget; the built program answers on the command line and can be made portable."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from test_wheel import ROOT, load_build_script

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the Linux build; Windows builds an installer"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(the output folder, what the build printed)."""
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("build")
    done = subprocess.run(
        [sys.executable, str(ROOT / "build_installer.py"), "--out", str(out), "--work", str(work)],
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    printed = done.stdout + done.stderr
    assert done.returncode == 0, printed[-4000:]
    return out, done.stdout


def run_built(program: Path, *arguments: str, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith(("PYTHON", "ANTQ"))
    }
    environment.update({"QT_QPA_PLATFORM": "offscreen", "HOME": str(home)})
    environment.pop("XDG_DATA_HOME", None)
    return subprocess.run(
        [str(program), *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_the_build_makes_a_smoke_tested_bundle_and_archive(built: tuple[Path, str]) -> None:
    out, printed = built
    build = load_build_script()
    version = build.project_version()  # type: ignore[attr-defined]
    bundle = out / "antq-desktop"
    assert "smoke test passed" in printed
    assert f"antq-desktop {version}" in printed
    assert "All 5 steps passed" in printed
    size = build.folder_size(bundle)  # type: ignore[attr-defined]
    assert size <= build.SIZE_LIMIT  # type: ignore[attr-defined]
    assert f"bundle size: {size / 1024 / 1024:.1f} MB unpacked" in printed
    archive = out / f"antq-desktop-{version}-{build.platform_tag()}.tar.gz"  # type: ignore[attr-defined]
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        program = tar.getmember(f"antq-desktop-{version}/antq-desktop")
    assert program.mode & 0o111
    top = f"antq-desktop-{version}/_internal"
    for needed in (
        "resources/fonts/LiberationSerif-Regular.ttf",
        "resources/translations/antq_en.qm",
        "resources/translations/qt_vi.qm",
        "resources/icons/antq.svg",
        "antq_desktop/store/migrations/versions/0001_initial_schema.py",
    ):
        assert f"{top}/{needed}" in names
    assert not [name for name in names if "Qt6Qml" in name or "WebEngine" in name]
    assert not [name for name in names if name.endswith(".ts")]


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_the_built_program_refuses_bad_arguments_in_vietnamese(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    program = built[0] / "antq-desktop" / "antq-desktop"
    done = run_built(program, "sync", "export", home=tmp_path)
    assert done.returncode == 2
    assert "--db" in done.stderr
    assert "bắt buộc" in done.stderr or "cần" in done.stderr, done.stderr


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_a_portable_file_keeps_the_data_beside_the_built_program(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    bundle = built[0] / "antq-desktop"
    marker = bundle / "portable"
    marker.write_bytes(b"")
    try:
        done = run_built(bundle / "antq-desktop", "--lang", "en", "selftest", home=tmp_path)
    finally:
        marker.unlink()
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"record book is kept in: {bundle.resolve() / 'data'} (portable copy" in done.stdout
