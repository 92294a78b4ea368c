"""Find the files shipped in `resources/` (fonts, icons, translations).

One function serves the three ways the program runs:
- a frozen bundle (PyInstaller): `sys._MEIPASS/resources`;
- an installed wheel: the wheel carries `resources/` as `antq_desktop/_resources`;
- a checkout (or an editable install): `resources/` beside the package folder.

This module imports nothing from the project, so every layer may use it.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_roots() -> list[Path]:
    """The folders searched for resources, in order."""
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root) / "resources")
    roots.append(_PACKAGE_DIR / "_resources")
    roots.append(_PACKAGE_DIR.parent / "resources")
    return roots


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. `resource_path("fonts", "x.ttf")`.

    Raises FileNotFoundError naming every place looked at, so a broken bundle is easy to diagnose.
    """
    for root in resource_roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    looked = ", ".join(str(root.joinpath(*parts)) for root in resource_roots())
    raise FileNotFoundError(f"resource {'/'.join(parts)!r} not found; looked in: {looked}")
