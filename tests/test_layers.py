"""Imports point down only (DESIGN.md, "Layers"; CONVENTIONS.md, rule 1).

Every module under `antq_desktop/` is read with `ast`, never imported, so a broken or slow module
cannot hide a violation. Imports inside functions and under `if TYPE_CHECKING:` count too: a layer
that needs a higher one's types has the dependency the wrong way round.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import antq_desktop

PACKAGE = "antq_desktop"
PACKAGE_DIR = Path(antq_desktop.__file__).resolve().parent

# The layer of each first-level name under the package. A new top-level module or subpackage must
# be given a layer here on purpose; the test fails until it is.
LAYER_OF: dict[str, str] = {
    "domain": "domain",
    "store": "store",  # including store/migrations
    "services": "services",
    "reports": "reports",
    "sync": "sync",
    "ui": "ui",
    "cli": "cli",
    "cli_texts": "cli",  # the command line's bilingual texts
    "cli_sync": "cli",  # the command line's sync commands
    "cli_selftest": "cli",  # `antq-desktop selftest` drives every layer
    "__main__": "cli",  # `python -m antq_desktop` is the command line
    "__init__": "root",  # the package itself: version only
    "resources": "root",  # imports nothing of the project, so every layer may use it
    "paths": "root",  # likewise (where the data folder is, portable or not)
}

ALL_PROJECT_LAYERS = frozenset(
    {"root", "domain", "store", "services", "reports", "sync", "ui", "cli"}
)

# The project layers each layer may import (its own included). `antq_desktop.resources` and the
# bare package `antq_desktop` ("root") are allowed everywhere.
ALLOWED: dict[str, frozenset[str]] = {
    "root": frozenset({"root"}),
    "domain": frozenset({"root", "domain"}),
    "store": frozenset({"root", "domain", "store"}),
    "services": frozenset({"root", "domain", "store", "services"}),
    "reports": frozenset({"root", "domain", "services", "reports"}),
    "sync": frozenset({"root", "domain", "store", "services", "sync"}),
    # The window offers what the command line offers: reports and sync sit below it (DESIGN.md's
    # diagram), so pointing at them is pointing down.
    "ui": frozenset({"root", "domain", "services", "reports", "sync", "ui"}),
    "cli": ALL_PROJECT_LAYERS,
}

_QT = frozenset({"PySide6", "shiboken6"})
_DATABASE = frozenset({"sqlalchemy", "alembic"})

# Third-party top-level packages a layer must not import.
FORBIDDEN_THIRD_PARTY: dict[str, frozenset[str]] = {
    "root": _QT | _DATABASE,
    "domain": _QT | _DATABASE,  # no I/O: plain Python only
    "store": _QT,
    "services": _QT,
    "reports": _QT,
    "sync": _QT,
    "ui": _DATABASE,  # widgets talk to services, never to the database
    "cli": frozenset(),
}


@dataclass(frozen=True)
class Violation:
    file: str
    line: int
    imported: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: imports {self.imported} ({self.reason})"


def module_name(path: Path, package_dir: Path = PACKAGE_DIR) -> str:
    """`antq_desktop/store/models/people.py` -> `antq_desktop.store.models.people`."""
    parts = list(path.relative_to(package_dir).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


def layer_of_module(name: str) -> str | None:
    """The layer of a project module name, or None for a name no layer claims."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        raise ValueError(f"not a project module: {name}")
    if len(parts) == 1 or parts[1] == "__init__":
        return "root"
    return LAYER_OF.get(parts[1])


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name of `from <level dots><target> import ...` written in `module`."""
    package_parts = module.split(".") if is_package else module.split(".")[:-1]
    if level > len(package_parts):
        raise ValueError(f"relative import beyond the top package in {module}")
    base = package_parts[: len(package_parts) - (level - 1)]
    return ".".join([*base, target] if target else base)


def _is_module_of_package(name: str, package_dir: Path = PACKAGE_DIR) -> bool:
    return (
        name in LAYER_OF or (package_dir / f"{name}.py").is_file() or (package_dir / name).is_dir()
    )


def imported_names(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every module name an import statement can load, with its line number.

    `from antq_desktop import services` loads `antq_desktop.services`, so for an import from the
    bare package each imported name that is a module counts as that module; any other name
    (`__version__`) is an attribute of the package itself.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                source = _resolve_relative(module, is_package, node.level, node.module)
            else:
                source = node.module or ""
            if source == PACKAGE:
                found.extend(
                    (node.lineno, f"{PACKAGE}.{alias.name}")
                    if _is_module_of_package(alias.name)
                    else (node.lineno, PACKAGE)
                    for alias in node.names
                )
            else:
                found.append((node.lineno, source))
    return sorted(found)


def check_source(
    source: str, module: str, file: str, *, is_package: bool = False
) -> list[Violation]:
    """The layering violations of one module's source text."""
    layer = layer_of_module(module)
    if layer is None:
        return [
            Violation(
                file,
                1,
                module,
                f"no layer for {module}: add it to LAYER_OF in tests/test_layers.py",
            )
        ]
    tree = ast.parse(source, filename=file)
    violations: list[Violation] = []
    for line, name in imported_names(tree, module, is_package):
        top = name.split(".")[0]
        if top == PACKAGE:
            target_layer = layer_of_module(name)
            if target_layer is None:
                violations.append(Violation(file, line, name, "a module no layer claims"))
            elif target_layer not in ALLOWED[layer]:
                violations.append(
                    Violation(file, line, name, f"{layer} must not import {target_layer}")
                )
        elif top in FORBIDDEN_THIRD_PARTY[layer]:
            violations.append(Violation(file, line, name, f"{layer} must not import {top}"))
    return violations


def project_modules() -> list[Path]:
    return sorted(path for path in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in path.parts)


def test_the_package_has_modules_in_every_core_layer() -> None:
    """Guards the walk itself: an empty walk would pass every check below."""
    layers = {layer_of_module(module_name(path)) for path in project_modules()}
    assert {"root", "domain", "store", "services"} <= layers


def test_imports_point_down_only() -> None:
    violations: list[Violation] = []
    for path in project_modules():
        name = module_name(path)
        relative = path.relative_to(PACKAGE_DIR.parent).as_posix()
        violations += check_source(
            path.read_text(encoding="utf-8"), name, relative, is_package=path.name == "__init__.py"
        )
    assert not violations, "layering violations:\n" + "\n".join(str(v) for v in violations)


# --- the checker checks itself -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("antq_desktop.domain.text", "from antq_desktop.store.base import Base\n", "store"),
        ("antq_desktop.domain.text", "import antq_desktop.services.people\n", "services"),
        ("antq_desktop.domain.text", "import sqlalchemy\n", "sqlalchemy"),
        ("antq_desktop.store.base", "from antq_desktop.services import people\n", "services"),
        ("antq_desktop.store.base", "from antq_desktop import ui\n", "antq_desktop.ui"),
        ("antq_desktop.services.people", "from PySide6.QtCore import QObject\n", "PySide6"),
        ("antq_desktop.services.people", "import shiboken6\n", "shiboken6"),
        ("antq_desktop.services.people", "from antq_desktop.sync import bundle\n", "sync"),
        ("antq_desktop.reports.pdf", "from antq_desktop.store.models import Person\n", "store"),
        ("antq_desktop.sync.bundle", "from antq_desktop.reports import pdf\n", "reports"),
        ("antq_desktop.ui.main_window", "from sqlalchemy.orm import Session\n", "sqlalchemy"),
        ("antq_desktop.ui.main_window", "from antq_desktop.store import database\n", "store"),
        ("antq_desktop.ui.main_window", "from antq_desktop.cli import main\n", "cli"),
        ("antq_desktop.store.migrations.env", "from antq_desktop.services import x\n", "services"),
        # relative imports are resolved against the module's package
        ("antq_desktop.store.models.people", "from ...ui import widgets\n", "antq_desktop.ui"),
        ("antq_desktop.domain.text", "from ..services.people import x\n", "services"),
        # an import inside a function or under TYPE_CHECKING counts as well
        (
            "antq_desktop.domain.text",
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from antq_desktop.store.base import Base\n",
            "store",
        ),
        ("antq_desktop.store.base", "def f():\n    import PySide6.QtWidgets\n", "PySide6"),
    ],
)
def test_checker_reports_a_violation(module: str, source: str, expected: str) -> None:
    violations = check_source(source, module, "synthetic.py")
    assert len(violations) == 1, violations
    violation = violations[0]
    assert expected in f"{violation.imported} {violation.reason}"
    assert str(violation).startswith("synthetic.py:")


def test_violation_message_names_file_line_and_import() -> None:
    source = "import os\n\nfrom antq_desktop.ui.pages import PeoplePage\n"
    [violation] = check_source(source, "antq_desktop.services.people", "antq_desktop/services/p.py")
    assert str(violation) == (
        "antq_desktop/services/p.py:3: imports antq_desktop.ui.pages (services must not import ui)"
    )


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("antq_desktop.domain.validation", "from antq_desktop.domain.enums import Gender\n"),
        ("antq_desktop.domain.text", "from . import enums\nimport unicodedata\n"),
        ("antq_desktop.domain.text", "from antq_desktop.resources import resource_path\n"),
        (
            "antq_desktop.store.base",
            "from antq_desktop.domain.ids import new_id\nimport sqlalchemy\n",
        ),
        ("antq_desktop.store.models.people", "from ..base import Base\n"),
        ("antq_desktop.services.people", "from antq_desktop.store.models import Person\n"),
        ("antq_desktop.reports.pdf", "from antq_desktop.services import statistics\n"),
        ("antq_desktop.sync.bundle", "from antq_desktop.store.models import Person\n"),
        ("antq_desktop.ui.main_window", "from PySide6.QtWidgets import QWidget\n"),
        ("antq_desktop.ui.main_window", "from antq_desktop import resources, services\n"),
        ("antq_desktop.cli", "from antq_desktop.store.database import StoreError\n"),
        ("antq_desktop.cli", "from PySide6.QtWidgets import QApplication\nimport sqlalchemy\n"),
        ("antq_desktop.__main__", "from antq_desktop.cli import main\n"),
    ],
)
def test_checker_accepts_allowed_imports(module: str, source: str) -> None:
    assert check_source(source, module, "synthetic.py") == []


def test_checker_resolves_imports_in_a_package_init() -> None:
    # In `antq_desktop/store/__init__.py`, `from . import x` means `antq_desktop.store.x`.
    assert check_source("from . import base\n", "antq_desktop.store", "s.py", is_package=True) == []
    [violation] = check_source("from .. import ui\n", "antq_desktop.store", "s.py", is_package=True)
    assert violation.imported == "antq_desktop.ui"


def test_checker_treats_package_attributes_as_the_package() -> None:
    source = "from antq_desktop import __version__\n"
    assert check_source(source, "antq_desktop.domain.text", "d.py") == []


def test_checker_refuses_a_module_without_a_layer() -> None:
    [violation] = check_source("import os\n", "antq_desktop.plugins", "antq_desktop/plugins.py")
    assert "LAYER_OF" in violation.reason


def test_module_names_and_layers_of_real_paths() -> None:
    assert module_name(PACKAGE_DIR / "store" / "models" / "__init__.py") == (
        "antq_desktop.store.models"
    )
    assert module_name(PACKAGE_DIR / "__init__.py") == "antq_desktop"
    assert layer_of_module("antq_desktop.store.migrations.versions.x") == "store"
    assert layer_of_module("antq_desktop") == "root"
