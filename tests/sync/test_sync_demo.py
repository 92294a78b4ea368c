"""The hcmc-2023 demo (the city's book, 79) exported in full and imported into an empty book of
Quận 4 (773) gives the same statistics there as at the source, for 773 and for 79."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sync_testing import rejections, synced_rows

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.domain.ids import unit_id
from antq_desktop.services.demo import build_demo
from antq_desktop.services.statistics import compute_statistics
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace, open_workspace
from antq_desktop.sync import exporter, importer, peers
from antq_desktop.sync.tables import SYNC_TABLES

TODAY = date(2024, 1, 15)
PERIODS = {
    "whole": (date(2000, 1, 1), date(2023, 12, 31)),
    "2023 Q4": (date(2023, 10, 1), date(2023, 12, 31)),
    "2023": (date(2023, 1, 1), date(2023, 12, 31)),
}


def _unit(db: Path, code: str) -> NewUnit:
    """The demo's own record of a unit, so the district's book names it alike."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        name, level, place = connection.execute(
            "SELECT name, level, place_name FROM org_units WHERE code = ?", (code,)
        ).fetchone()
    return NewUnit(name, code, UnitLevel(level), place)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    path = tmp_path_factory.mktemp("demo") / "hcmc.antqdb"
    build_demo(path)
    workspace = open_workspace(path, today=lambda: TODAY)
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def district(demo: Workspace, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """Quận 4's new book, after importing the demo's full bundle (made for anyone)."""
    folder = tmp_path_factory.mktemp("district")
    workspace = create_workspace(
        folder / "q4.antqdb",
        _unit(demo.path, "773"),
        superior_unit=_unit(demo.path, "79"),
        today=lambda: TODAY,
    )
    bundle = folder / "hcmc-full.antqsync"
    result = exporter.export_bundle(demo, bundle, full=True)
    assert result.full
    assert result.recipient is None
    summary = importer.import_bundle(workspace, bundle, accept_new_sender=True)
    assert summary.new_sender
    assert not rejections(summary)
    assert summary.total("conflicts") == 0
    assert [peer.unit_code for peer in peers.list_peers(workspace)] == ["79"]
    yield workspace
    workspace.close()


def _figures(workspace: Workspace, code: str, period: str) -> dict[str, Any]:
    return compute_statistics(workspace, code, *PERIODS[period]).as_dict()


@pytest.mark.parametrize("period", sorted(PERIODS))
@pytest.mark.parametrize("code", ["773", "79"])
def test_the_imported_demo_gives_the_same_statistics(
    demo: Workspace, district: Workspace, code: str, period: str
) -> None:
    source = _figures(demo, code, period)
    assert source["patrols"]["shifts"] > 0  # figures worth comparing
    assert _figures(district, code, period) == source


def test_every_record_of_the_demo_arrived_as_it_is(demo: Workspace, district: Workspace) -> None:
    """Every column of every row but the local change counter; the two units both books made
    themselves keep their newer stamps, with the same data."""
    source, copy = synced_rows(demo), synced_rows(district)
    own_units = {unit_id("79"), unit_id("773")}
    for table in SYNC_TABLES:
        rows = source[table.name]
        assert set(rows) <= set(copy[table.name]), table.name
        for row_id, row in rows.items():
            if table.name == "org_units" and row_id in own_units:
                columns: tuple[str, ...] = table.columns
            else:
                columns = tuple(name for name in row if name != "sync_seq")
            assert {name: copy[table.name][row_id][name] for name in columns} == {
                name: row[name] for name in columns
            }, (table.name, row_id)


def test_a_bundle_made_for_the_district_carries_its_records_only(
    demo: Workspace, tmp_path: Path
) -> None:
    """Sent to Quận 4 by name, the city's bundle holds Quận 4's subtree (and the units above it
    for reference): the district's figures match, the rest of the city is not there."""
    book = create_workspace(
        tmp_path / "q4.antqdb",
        _unit(demo.path, "773"),
        superior_unit=_unit(demo.path, "79"),
        today=lambda: TODAY,
    )
    try:
        card = tmp_path / "q4.antqid"
        peers.export_identity(book, card)
        peers.import_identity(demo, card)
        bundle = tmp_path / "for-q4.antqsync"
        exporter.export_bundle(demo, bundle, to="773", full=True)
        summary = importer.import_bundle(book, bundle, accept_new_sender=True)
        assert not rejections(summary)
        assert not summary.total("conflicts")
        for period in PERIODS:
            assert _figures(book, "773", period) == _figures(demo, "773", period)
        whole = _figures(book, "79", "whole")
        assert whole == {**_figures(demo, "773", "whole"), "unit": whole["unit"]}
        assert whole != _figures(demo, "79", "whole")
    finally:
        peers.remove_peer(demo, book.site_id)
        book.close()
