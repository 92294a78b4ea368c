"""`resource_path` finds shipped files in a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from antq_desktop import resources
from antq_desktop.resources import resource_path, resource_roots

CHECKOUT_RESOURCES = Path(resources.__file__).resolve().parent.parent / "resources"


@pytest.fixture(autouse=True)
def not_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start outside a frozen bundle, whatever runs them."""
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)


def put_file(path: Path, content: bytes = b"font") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_a_file_of_the_checkout_is_found() -> None:
    shipped = sorted(path for path in CHECKOUT_RESOURCES.rglob("*") if path.is_file())
    if not shipped:
        pytest.skip("resources/ holds no file yet")
    for path in shipped:
        parts = path.relative_to(CHECKOUT_RESOURCES).parts
        found = resource_path(*parts)
        assert found.resolve() == path.resolve()
        assert found.read_bytes() == path.read_bytes()


def test_a_file_in_a_simulated_checkout_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "checkout" / "antq_desktop")
    font = put_file(tmp_path / "checkout" / "resources" / "fonts" / "x.ttf")
    assert resource_path("fonts", "x.ttf") == font


def test_a_file_in_an_installed_wheel_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "antq_desktop"
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)
    font = put_file(package / "_resources" / "fonts" / "x.ttf")
    assert resource_path("fonts", "x.ttf") == font


def test_a_frozen_bundle_is_searched_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "bundle"
    font = put_file(bundle / "resources" / "fonts" / "x.ttf", b"frozen")
    # the same name in a checkout must not win over the bundle's own copy
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "checkout" / "antq_desktop")
    put_file(tmp_path / "checkout" / "resources" / "fonts" / "x.ttf", b"checkout")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)

    assert resource_roots()[0] == bundle / "resources"
    assert resource_path("fonts", "x.ttf") == font
    assert resource_path("fonts", "x.ttf").read_bytes() == b"frozen"


def test_roots_without_a_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "antq_desktop"
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)
    assert resource_roots() == [package / "_resources", tmp_path / "resources"]


def test_a_missing_file_names_every_place_looked_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "bundle"
    package = tmp_path / "site-packages" / "antq_desktop"
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)

    with pytest.raises(FileNotFoundError) as raised:
        resource_path("fonts", "missing.ttf")

    text = str(raised.value)
    assert "fonts/missing.ttf" in text
    for looked in (
        bundle / "resources" / "fonts" / "missing.ttf",
        package / "_resources" / "fonts" / "missing.ttf",
        tmp_path / "site-packages" / "resources" / "fonts" / "missing.ttf",
    ):
        assert str(looked) in text
