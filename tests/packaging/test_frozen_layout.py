"""The bundle's layout, checked without building it: every resource and migration script is found
inside a frozen layout made from the same list the PyInstaller spec reads; the Qt files the
program needs are kept and the ones it does not are left out; the NSIS script compiles."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from test_wheel import ROOT

from antq_desktop import resources
from antq_desktop.store import migrate


def make_frozen_layout(build: ModuleType, internal: Path) -> None:
    """Copy what `bundle_data` lists where PyInstaller puts it (`_internal/<folder>/<name>`)."""
    for source, folder in build.bundle_data(ROOT):
        target = internal / folder
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def shipped_resources() -> list[Path]:
    return sorted(
        path.relative_to(ROOT / "resources")
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and path.suffix != ".ts"
    )


def test_resource_path_finds_every_resource_in_a_frozen_layout(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    internal = tmp_path / "antq-desktop" / "_internal"
    make_frozen_layout(build, internal)
    # As in the frozen program: `sys._MEIPASS` is `_internal`, the package lives inside it, and
    # neither the checkout nor an installed wheel is anywhere to be found.
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(resources, "_PACKAGE_DIR", internal / "antq_desktop")
    expected = shipped_resources()
    assert len(expected) >= 7  # fonts (4 + licence), the icon, the translation
    for relative in expected:
        found = resources.resource_path(*relative.parts)
        assert found == internal / "resources" / relative
        assert found.read_bytes() == (ROOT / "resources" / relative).read_bytes()
    assert not list(internal.rglob("*.ts"))  # the translators' sources stay behind
    with pytest.raises(FileNotFoundError, match="looked in"):
        resources.resource_path("fonts", "missing.ttf")


def test_the_shipped_migrations_build_a_database(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    internal = tmp_path / "_internal"
    make_frozen_layout(build, internal)
    shipped = internal / "antq_desktop" / "store" / "migrations"
    assert {path.name for path in (shipped / "versions").glob("*.py")} == {
        path.name for path in (migrate.MIGRATIONS_DIR / "versions").glob("*.py")
    }
    assert not list(shipped.rglob("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", shipped)
    from antq_desktop.store.database import make_engine

    engine = make_engine(tmp_path / "book.antqdb")
    try:
        migrate.upgrade_to_head(engine, tmp_path / "book.antqdb", None)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6\\Qt6Gui.dll",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\imageformats\\qsvg.dll",
        "PySide6\\plugins\\iconengines\\qsvgicon.dll",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "resources/fonts/LiberationSerif-Regular.ttf",
        "sqlcipher3/_sqlite3.abi3.so",
    ],
)
def test_what_the_program_needs_is_kept(build: ModuleType, name: str) -> None:
    assert build.keep_in_bundle(name)


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\translations\\qtbase_de.qm",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6\\Qt6Pdf.dll",
        "PySide6\\Qt6Network.dll",
        "PySide6\\opengl32sw.dll",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6\\plugins\\imageformats\\qtiff.dll",
        "PySide6\\plugins\\imageformats\\qpdf.dll",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    ],
)
def test_what_the_program_does_not_need_is_left_out(build: ModuleType, name: str) -> None:
    assert not build.keep_in_bundle(name)


def test_the_windows_version_resource_carries_the_version(build: ModuleType) -> None:
    text = build.windows_version_info("1.2.3")
    assert "filevers=(1, 2, 3, 0)" in text
    assert "StringStruct('ProductVersion', '1.2.3')" in text
    assert build.project_version() in build.windows_version_info(build.project_version())


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (makensis) is not installed")
def test_the_installer_script_compiles(build: ModuleType, tmp_path: Path) -> None:
    """The NSIS script compiles, warnings counted as errors, around a small stand-in bundle (a
    real one is built on Windows; makensis itself runs anywhere)."""
    bundle = tmp_path / "antq-desktop"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "ANTQ Desktop.exe").write_bytes(b"MZ window")
    (bundle / "antq-desktop.exe").write_bytes(b"MZ console")
    (bundle / "_internal" / "resources" / "a.txt").write_text("x", encoding="utf-8")
    icon, _png = build.make_icons(tmp_path / "icons")
    makensis = Path(shutil.which("makensis") or "makensis")
    installer = build.make_installer(makensis, bundle, tmp_path, "1.2.3", icon)
    assert installer == tmp_path / "antq-desktop-1.2.3-setup.exe"
    assert installer.read_bytes()[:2] == b"MZ"
