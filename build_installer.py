"""Build what is shipped to ward offices.

For now this builds the wheel (the package with its resources and migrations) into `dist/` and
checks that it carries them; the standalone PyInstaller bundle and the Windows installer come with
the installer issue.

    python build_installer.py
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
REQUIRED_IN_WHEEL = (
    "antq_desktop/_resources/icons/antq.svg",
    "antq_desktop/store/migrations/env.py",
    "antq_desktop/store/migrations/script.py.mako",
    "antq_desktop/store/migrations/versions/0001_initial_schema.py",
)


def build_wheel(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(out_dir), str(ROOT)],
        check=True,
    )  # fmt: skip
    wheels = sorted(out_dir.glob("antq_desktop-*.whl"), key=lambda path: path.stat().st_mtime)
    return wheels[-1]


def missing_from_wheel(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    return [name for name in REQUIRED_IN_WHEEL if name not in names]


def main() -> int:
    wheel = build_wheel(ROOT / "dist")
    missing = missing_from_wheel(wheel)
    if missing:
        print(f"{wheel.name} lacks: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"built {wheel} ({wheel.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
