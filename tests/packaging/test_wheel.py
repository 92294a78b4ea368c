"""The wheel carries resources and migrations, so an installed copy works like a checkout."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_build_script() -> object:
    spec = importlib.util.spec_from_file_location("build_installer", ROOT / "build_installer.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_installer"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_wheel_ships_resources_and_migrations(tmp_path: Path) -> None:
    build = load_build_script()
    wheel = build.build_wheel(tmp_path)  # type: ignore[attr-defined]
    assert build.missing_from_wheel(wheel) == []  # type: ignore[attr-defined]
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = archive.read(
            next(name for name in names if name.endswith("entry_points.txt"))
        ).decode()
    assert "antq-desktop = antq_desktop.cli:main" in entry_points
    every_resource = {
        "antq_desktop/_resources/" + path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file()
    }
    assert every_resource <= set(names)
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
