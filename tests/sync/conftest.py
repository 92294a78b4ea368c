"""Fixtures of the sync tests: sets of books made once per session, copied for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_testing import DISTRICT_AND_WARDS, WARD_TRIO, BookSpec, BookTemplates, Courier

from antq_desktop.services.workspace import Workspace


@pytest.fixture(scope="session")
def book_templates(tmp_path_factory: pytest.TempPathFactory) -> BookTemplates:
    return BookTemplates(tmp_path_factory.mktemp("sync-books"))


def _opened(
    templates: BookTemplates, tmp_path: Path, specs: tuple[BookSpec, ...]
) -> Iterator[dict[str, Workspace]]:
    books = templates.open_copies(templates.paths(specs), tmp_path / "books")
    yield books
    for book in books.values():
        book.close()


@pytest.fixture
def wards_and_district(
    book_templates: BookTemplates, tmp_path: Path
) -> Iterator[dict[str, Workspace]]:
    """Books of Phường 1 ("ward1"), Phường 2 ("ward2") and Quận 4 ("district"), every one a peer
    of the others, nothing exchanged yet."""
    yield from _opened(book_templates, tmp_path, DISTRICT_AND_WARDS)


@pytest.fixture
def ward_trio(book_templates: BookTemplates, tmp_path: Path) -> Iterator[dict[str, Workspace]]:
    """Phường 1's book on two PCs ("ward_pc1", "ward_pc2") and Quận 4's ("district")."""
    yield from _opened(book_templates, tmp_path, WARD_TRIO)


@pytest.fixture
def courier(tmp_path: Path) -> Courier:
    folder = tmp_path / "usb"
    folder.mkdir()
    return Courier(folder)
