"""Build what is shipped to ward offices, and prove that it starts.

    python build_installer.py            # bundle, smoke test, then the installer or archive
    python build_installer.py --wheel    # only the wheel (the package with its resources)

1. A one-folder bundle with PyInstaller (`packaging/antq-desktop.spec`): the program, Python and
   the libraries it uses, only the Qt modules it uses (QtCore, QtGui, QtWidgets and the plugins
   they need; no WebEngine, no QML), the fonts, translations, icon and migration scripts.
2. The smoke test of the built program, headless (and without a network where Linux allows it):
   `antq-desktop --version` must print the version of `pyproject.toml`, and `antq-desktop
   selftest` must pass. The build fails when it does not.
3. Its size, checked against the budget (200 MB unpacked) and printed.
4. On Windows the installer (`packaging/antq-desktop.nsi`, NSIS); where `makensis` is missing it
   says so and keeps the bundle. On Linux a `.tar.gz` of the bundle.

Everything lands in `dist/` (the bundle in `dist/antq-desktop/`); PyInstaller works in `build/`.
`pip install -e ".[build]"` installs what the build needs (PyInstaller).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "antq-desktop.spec"
NSIS_SCRIPT = PACKAGING / "antq-desktop.nsi"

BUNDLE_NAME = "antq-desktop"
CLI_NAME = "antq-desktop"
"""The command-line program (a console program on Windows)."""
WINDOW_NAME = "ANTQ Desktop"
"""On Windows, the same program built without a console, which the shortcuts open."""
SIZE_LIMIT = 200 * 1024 * 1024
SMOKE_TIMEOUT = 300  # seconds; the self-test takes a few on an office PC

REQUIRED_IN_WHEEL = (
    "antq_desktop/_resources/icons/antq.svg",
    "antq_desktop/store/migrations/env.py",
    "antq_desktop/store/migrations/script.py.mako",
    "antq_desktop/store/migrations/versions/0001_initial_schema.py",
)

# Modules the program never imports, left out although some library mentions them.
EXCLUDED_MODULES = (
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "hypothesis",
    "mypy",
    "IPython",
    "numpy",
    # Optional parts of pyHanko and reportlab the program does not use: remote signing
    # (pydantic), the EU trusted lists and XMP metadata (lxml).
    # (pyHanko imports its network fetchers, aiohttp, and reportlab imports Pillow: they stay.)
    "pydantic",
    "pydantic_core",
    "lxml",
    # Pillow's codecs for formats reportlab is never given, and its Tk and colour-profile parts.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtPrintSupport",
    "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtSvgWidgets",
    "PySide6.QtCharts",
)
# Files of the bundle (by their path inside it) that the program does not need: Qt's own
# translations (the program ships its own), the QML and Quick libraries that some plugins pull
# in, plugins for devices and formats an office PC never uses here.
DROPPED_PARTS = (
    "PySide6/Qt/translations/",
    "PySide6/translations/",
    "PySide6/Qt/qml/",
    "PySide6/qml/",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6Pdf",
    "Qt6VirtualKeyboard",
    "Qt6WebEngine",
    "Qt6Network",
    "Qt6OpenGL",
    "qtvirtualkeyboardplugin",
    "/imageformats/qpdf",
    "/imageformats/libqpdf",
    "/platforminputcontexts/",
    "/generic/",
    "/networkinformation/",
    "/tls/",
    "/sqldrivers/",
    "/multimedia/",
    "/platformthemes/libqgtk3",
    "opengl32sw",
    "d3dcompiler",
    "/egldeviceintegrations/",
    "Qt6EglFs",
    "Qt6EglFS",
    *(
        f"/{folder}/{prefix}{plugin}."
        for folder, plugin in (
            # Image formats nobody opens here (the icon is SVG; previews are drawn by PDFium)
            ("imageformats", "qtiff"),
            ("imageformats", "qwebp"),
            ("imageformats", "qtga"),
            ("imageformats", "qwbmp"),
            ("imageformats", "qicns"),
            # Screens without a window system (embedded boards, remote frame buffers)
            ("platforms", "qeglfs"),
            ("platforms", "qlinuxfb"),
            ("platforms", "qvnc"),
            ("platforms", "qvkkhrdisplay"),
            ("platforms", "qminimalegl"),
        )
        for prefix in ("lib", "")  # libqtiff.so on Linux, qtiff.dll on Windows
    ),
)


class BuildFailed(Exception):
    """A step of the build went wrong; the message says which and what to do."""


# --- what goes into the bundle (read by the spec, and by the frozen-layout test) ---------------


def project_version(root: Path = ROOT) -> str:
    with (root / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def bundle_data(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, folder inside the bundle) of every data file the program reads: the shipped
    resources (`resources.resource_path` looks in `<bundle>/resources`) and the migration
    scripts (`store.migrate` reads them beside its module). Qt Linguist sources (`.ts`) and
    Python caches stay behind."""
    data: list[tuple[str, str]] = []
    resources = root / "resources"
    for path in sorted(resources.rglob("*")):
        if path.is_file() and path.suffix != ".ts":
            folder = path.parent.relative_to(root).as_posix()
            data.append((str(path), folder))
    migrations = root / "antq_desktop" / "store" / "migrations"
    for path in sorted(migrations.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            data.append((str(path), path.parent.relative_to(root).as_posix()))
    return data


def keep_in_bundle(name: str) -> bool:
    """Whether a file PyInstaller collected (its path inside the bundle) is kept."""
    normal = "/" + name.replace("\\", "/")
    return not any(part in normal for part in DROPPED_PARTS)


# --- building --------------------------------------------------------------------------------


def make_icons(out_dir: Path, root: Path = ROOT) -> tuple[Path, Path]:
    """Render the SVG icon to a PNG (256 px) and a Windows icon (16 to 256 px)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    out_dir.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(root / "resources" / "icons" / "antq.svg"))
    if not renderer.isValid():
        raise BuildFailed("resources/icons/antq.svg is not a valid SVG file")
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = out_dir / "antq.png"
    if not image.save(str(png)):
        raise BuildFailed(f"could not write {png}")
    ico = out_dir / "antq.ico"
    sizes = [(size, size) for size in (16, 24, 32, 48, 64, 128, 256)]
    with Image.open(png) as picture:
        picture.save(ico, sizes=sizes)
    del _app
    return ico, png


def windows_version_info(version: str) -> str:
    """The version resource of the Windows executables (what Explorer shows in Properties)."""
    numbers = [int(part) for part in version.split("+")[0].split(".")[:3] if part.isdigit()]
    numbers = [*numbers, 0, 0, 0, 0][:4]
    tuple_text = ", ".join(str(number) for number in numbers)
    fields = {
        "CompanyName": "ANTQ",
        "FileDescription": "ANTQ Desktop",
        "FileVersion": version,
        "InternalName": CLI_NAME,
        "LegalCopyright": "ANTQ Desktop team",
        "OriginalFilename": f"{CLI_NAME}.exe",
        "ProductName": "ANTQ Desktop",
        "ProductVersion": version,
    }
    strings = ",\n".join(
        f"            StringStruct('{name}', '{value}')" for name, value in fields.items()
    )
    return f"""VSVersionInfo(
    ffi=FixedFileInfo(filevers=({tuple_text}), prodvers=({tuple_text}), mask=0x3f, flags=0x0,
                      OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
    kids=[
        StringFileInfo([StringTable('042A04B0', [
{strings}
        ])]),
        VarFileInfo([VarStruct('Translation', [0x042A, 1200])]),
    ],
)
"""


def run_pyinstaller(dist: Path, work: Path, icon: Path) -> Path:
    """Build the one-folder bundle into `dist/antq-desktop`; return its folder."""
    version_file = work / "version-info.txt"
    work.mkdir(parents=True, exist_ok=True)
    version_file.write_text(windows_version_info(project_version()), encoding="utf-8")
    environment = {
        **os.environ,
        "ANTQ_BUILD_ICON": str(icon),
        "ANTQ_BUILD_VERSION_FILE": str(version_file),
    }
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC),
    ]  # fmt: skip
    try:
        subprocess.run(command, check=True, env=environment)
    except FileNotFoundError as error:
        raise BuildFailed(f"cannot run PyInstaller: {error}") from error
    except subprocess.CalledProcessError as error:
        raise BuildFailed(f"PyInstaller failed (exit {error.returncode}); see above") from error
    return dist / BUNDLE_NAME


def executable(bundle: Path) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return bundle / f"{CLI_NAME}{suffix}"


def folder_size(folder: Path) -> int:
    """Bytes on disk of the files in `folder` (a symbolic link counts once, as the link)."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def _offline_prefix() -> list[str]:
    """A command prefix that runs a program without any network (Linux user namespaces), or []
    where the system does not allow it."""
    unshare = shutil.which("unshare")
    if not sys.platform.startswith("linux") or unshare is None:
        return []
    probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False)
    return [unshare, "-rn"] if probe.returncode == 0 else []


@dataclass(frozen=True)
class SmokeResult:
    version_line: str
    selftest_output: str
    offline: bool


def smoke_test(bundle: Path, version: str) -> SmokeResult:
    """Run the built program headless: `--version`, then `selftest`. Raises BuildFailed."""
    program = executable(bundle)
    if not program.is_file():
        raise BuildFailed(f"the bundle has no program {program}")
    prefix = _offline_prefix()
    with tempfile.TemporaryDirectory(prefix="antq-smoke-") as home:
        environment = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("PYTHON", "QT_", "ANTQ_"))
        }
        # A fresh home: the smoke test must not lean on anything of the builder's account.
        environment.update(
            {"QT_QPA_PLATFORM": "offscreen", "HOME": home, "USERPROFILE": home, "LANG": "C.UTF-8"}
        )
        for name in ("APPDATA", "LOCALAPPDATA", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
            environment.pop(name, None)

        def run(*arguments: str) -> str:
            command = [*prefix, str(program), *arguments]
            try:
                done = subprocess.run(
                    command,
                    capture_output=True,
                    text=True,
                    encoding="utf-8",
                    env=environment,
                    cwd=home,
                    timeout=SMOKE_TIMEOUT,
                    check=False,
                )
            except subprocess.TimeoutExpired as error:
                raise BuildFailed(f"{' '.join(arguments)} did not finish in time") from error
            if done.returncode != 0:
                raise BuildFailed(
                    f"the built program failed `{' '.join(arguments)}` (exit {done.returncode}):\n"
                    f"{done.stdout}{done.stderr}"
                )
            return done.stdout

        version_line = run("--version").strip()
        if version_line != f"{CLI_NAME} {version}":
            raise BuildFailed(
                f"the built program says {version_line!r}, pyproject.toml says {version}: "
                'reinstall the package (pip install -e ".[build]") so that its metadata is current'
            )
        selftest_output = run("--lang", "en", "selftest")
    return SmokeResult(version_line, selftest_output, bool(prefix))


# --- packaging ---------------------------------------------------------------------------------


def platform_tag() -> str:
    machine = platform.machine().lower() or "unknown"
    return f"{sys.platform.replace('win32', 'windows')}-{machine}"


def make_archive(bundle: Path, out_dir: Path, version: str) -> Path:
    """A `.tar.gz` whose one folder `antq-desktop-<version>` holds the bundle."""
    archive = out_dir / f"{BUNDLE_NAME}-{version}-{platform_tag()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(bundle, arcname=f"{BUNDLE_NAME}-{version}")
    return archive


def find_makensis() -> Path | None:
    found = shutil.which("makensis")
    if found:
        return Path(found)
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return Path(base) / "NSIS" / "makensis.exe"
    return None


def make_installer(
    makensis: Path,
    bundle: Path,
    out_dir: Path,
    version: str,
    icon: Path,
    *,
    window_program: str = f"{WINDOW_NAME}.exe",
    cli_program: str = f"{CLI_NAME}.exe",
) -> Path:
    """Compile the NSIS script around `bundle`; return the installer's path."""
    installer = out_dir / f"{BUNDLE_NAME}-{version}-setup.exe"
    size_kb = folder_size(bundle) // 1024
    defines = {
        "VERSION": version,
        "SOURCE_DIR": str(bundle),
        "OUT_FILE": str(installer),
        "ICON": str(icon),
        "WINDOW_EXE": window_program,
        "CLI_EXE": cli_program,
        "SIZE_KB": str(size_kb),
    }
    flag = "/" if sys.platform == "win32" else "-"
    command = [str(makensis), f"{flag}V2", f"{flag}WX", f"{flag}INPUTCHARSET", "UTF8"]
    command += [f"{flag}D{name}={value}" for name, value in defines.items()]
    command.append(str(NSIS_SCRIPT))
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not installer.is_file():
        raise BuildFailed(f"makensis failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    return installer


# --- the wheel ----------------------------------------------------------------------------------


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


# --- the whole build ---------------------------------------------------------------------------


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def build(out_dir: Path, work_dir: Path) -> int:
    version = project_version()
    print(f"ANTQ Desktop {version}: building for {platform_tag()}")
    icon, _png = make_icons(work_dir / "icons")
    bundle = run_pyinstaller(out_dir, work_dir, icon)
    size = folder_size(bundle)
    print(f"bundle: {bundle} ({megabytes(size)} unpacked, budget {megabytes(SIZE_LIMIT)})")
    if size > SIZE_LIMIT:
        raise BuildFailed(
            f"the bundle is {megabytes(size)}, over the {megabytes(SIZE_LIMIT)} budget; see "
            "EXCLUDED_MODULES and DROPPED_PARTS in build_installer.py"
        )
    smoke = smoke_test(bundle, version)
    network = "without a network" if smoke.offline else "network not cut off on this system"
    print(f"smoke test passed ({network}): {smoke.version_line}")
    print(smoke.selftest_output.rstrip())
    if sys.platform == "win32":
        makensis = find_makensis()
        if makensis is None:
            print(
                "NSIS (makensis) is not installed, so no installer was made; the bundle is kept "
                f"in {bundle}. Install NSIS 3 from https://nsis.sourceforge.io and build again."
            )
            return 0
        installer = make_installer(makensis, bundle, out_dir, version, icon)
        print(f"installer: {installer} ({megabytes(installer.stat().st_size)})")
    else:
        archive = make_archive(bundle, out_dir, version)
        print(f"archive: {archive} ({megabytes(archive.stat().st_size)})")
    print(f"bundle size: {megabytes(size)} unpacked")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder (build/)")
    parser.add_argument("--wheel", action="store_true", help="build only the wheel")
    args = parser.parse_args(argv)
    if args.wheel:
        wheel = build_wheel(args.out)
        missing = missing_from_wheel(wheel)
        if missing:
            print(f"{wheel.name} lacks: {', '.join(missing)}", file=sys.stderr)
            return 1
        print(f"built {wheel} ({wheel.stat().st_size / 1024:.0f} KiB)")
        return 0
    try:
        return build(args.out.resolve(), args.work.resolve())
    except BuildFailed as failure:
        print(f"build failed: {failure}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
