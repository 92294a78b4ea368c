"""An import that fails or is cancelled half-way leaves the book exactly as it was."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sync_testing import (
    WARD_1_ID,
    Courier,
    all_rows,
    fill_ward,
)

from antq_desktop.services.workspace import Workspace
from antq_desktop.sync import importer
from antq_desktop.sync.tables import SYNC_TABLES


@dataclass
class Pending:
    """A bundle from ward 1 (a record in every table) waiting at the district."""

    district: Workspace
    path: Path
    records: int
    before: dict[str, list[tuple[Any, ...]]]

    def unchanged(self) -> bool:
        return all_rows(self.district) == self.before


@pytest.fixture
def pending(wards_and_district: dict[str, Workspace], courier: Courier) -> Pending:
    ward, district = wards_and_district["ward1"], wards_and_district["district"]
    fill_ward(ward, WARD_1_ID)
    # The district already holds part of it, so the import both inserts and updates.
    courier.send(ward, district)
    fill_ward(ward, WARD_1_ID, tag=" 2")
    path = courier.export(ward, district)
    opened = importer.read_bundle(district, path)
    return Pending(district, path, opened.records, all_rows(district))


class Boom(RuntimeError):
    pass


def test_an_error_in_the_fifth_table_rolls_back_the_four_before(
    pending: Pending, monkeypatch: pytest.MonkeyPatch
) -> None:
    merged: list[str] = []
    merge_table = importer._Merger.merge_table

    def failing(self: Any, table: Any, rows: list[dict[str, Any]]) -> Any:
        if len(merged) == 4:
            raise Boom(table.name)
        merged.append(table.name)
        summary = merge_table(self, table, rows)
        assert summary.new or summary.updated or summary.unchanged
        return summary

    monkeypatch.setattr(importer._Merger, "merge_table", failing)
    with pytest.raises(Boom):
        importer.import_bundle(pending.district, pending.path)
    assert merged == [table.name for table in SYNC_TABLES[:4]]
    assert pending.unchanged()


@pytest.mark.parametrize("fail_at", [1, 7, 13])
def test_an_error_while_reading_a_row_rolls_everything_back(
    pending: Pending, monkeypatch: pytest.MonkeyPatch, fail_at: int
) -> None:
    """The 13 new rows of the bundle are read in order; reading the first, the seventh (a
    patrol participant) or the last (an evaluation) fails."""
    read: list[str] = []
    parse_row = importer.parse_row

    def failing(table: Any, raw: dict[str, Any]) -> Any:
        read.append(table.name)
        if len(read) == fail_at:
            raise Boom(raw.get("id"))
        return parse_row(table, raw)

    monkeypatch.setattr(importer, "parse_row", failing)
    with pytest.raises(Boom):
        importer.import_bundle(pending.district, pending.path)
    assert len(read) == fail_at
    assert read[-1] == {1: "programs", 7: "patrol_participants", 13: "evaluations"}[fail_at]
    assert pending.unchanged()


def _raise_boom(*args: Any, **kwargs: Any) -> None:
    raise Boom("history")


def test_an_error_in_the_audit_entry_at_the_end_rolls_everything_back(
    pending: Pending, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "record_event_in", _raise_boom)
    with pytest.raises(Boom):
        importer.import_bundle(pending.district, pending.path)
    assert pending.unchanged()


def test_a_progress_report_that_fails_half_way_rolls_back(
    pending: Pending, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "_PROGRESS_EVERY", 3)
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        reports.append((done, total))
        if len(reports) == 3:
            raise Boom("progress")

    with pytest.raises(Boom):
        importer.import_bundle(pending.district, pending.path, progress=progress)
    assert len(reports) == 3
    assert reports[-1][0] < reports[-1][1]
    assert pending.unchanged()


def test_cancel_half_way_rolls_back_with_import_cancelled(
    pending: Pending, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "_PROGRESS_EVERY", 3)
    asked: list[int] = []
    reports: list[tuple[int, int]] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(importer.ImportCancelled) as stopped:
        importer.import_bundle(
            pending.district,
            pending.path,
            progress=lambda done, total: reports.append((done, total)),
            cancelled=cancelled,
        )
    assert stopped.value.message.key == "sync.cancelled"
    assert len(reports) == 2
    assert reports[-1][0] < reports[-1][1]
    assert pending.unchanged()


def test_cancel_asked_before_anything_is_merged_rolls_back(pending: Pending) -> None:
    with pytest.raises(importer.ImportCancelled):
        importer.import_bundle(pending.district, pending.path, cancelled=lambda: True)
    assert pending.unchanged()


def test_without_an_error_the_same_import_goes_in(pending: Pending) -> None:
    """The bundle of the tests above is a good one: what rolled back was the error."""
    reports: list[tuple[int, int]] = []
    summary = importer.import_bundle(
        pending.district, pending.path, progress=lambda done, total: reports.append((done, total))
    )
    assert summary.total("new") >= 13
    assert not summary.total("rejected")
    assert reports
    assert reports[-1][0] == reports[-1][1]
    assert not pending.unchanged()
