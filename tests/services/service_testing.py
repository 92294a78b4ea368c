"""Helpers shared by the service tests (imported by name, like `tests/ui/sample_data.py`)."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from sqlalchemy import func, select

from antq_desktop.domain.validation import ValidationFailed
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import SYNCED_MODELS, SyncedMixin

TODAY = date(2024, 6, 15)
"""The day every service-test workspace believes it is."""
CASE_OPENED = date(2024, 1, 10)
"""The day the `open_case` fixture opens a rehabilitation case unless told otherwise."""

M = TypeVar("M", bound=SyncedMixin)


def error_keys(error: ValidationFailed) -> list[tuple[str, str]]:
    """(field, message key) of each error, in order: what a test pins, not the wording."""
    return [(item.field, item.message.key) for item in error.errors]


class Records:
    """Reads rows straight from the file, tombstones included (what the services hide)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def row(self, model: type[M], record_id: str) -> M:
        with self.workspace.database.session() as session:
            record = session.get(model, record_id)
            assert record is not None, f"no {model.__name__} row {record_id}"
            return record

    def all(self, model: type[M]) -> list[M]:
        with self.workspace.database.session() as session:
            return list(session.scalars(select(model)))

    def counts(self) -> dict[str, int]:
        """Rows of every synced table, live or not: equal before and after means nothing written."""
        with self.workspace.database.session() as session:
            return {
                model.__name__: int(session.scalar(select(func.count()).select_from(model)) or 0)
                for model in SYNCED_MODELS
            }
