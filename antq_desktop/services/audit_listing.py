"""The audit trail as the window lists it (administrator and leader only)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from antq_desktop.domain.enums import AuditAction
from antq_desktop.domain.messages import message
from antq_desktop.services.listing import ColumnKind, ListColumn, Listing, equals
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import AuditEntry

COLUMN_AT = message("audit.column.at", "Thời điểm", "When")
COLUMN_USER = message("audit.column.user", "Người thực hiện", "Who")
COLUMN_ACTION = message("audit.column.action", "Việc", "What")
COLUMN_KIND = message("audit.column.kind", "Loại bản ghi", "Record kind")
COLUMN_RECORD = message("audit.column.record", "Bản ghi", "Record")
COLUMN_DETAILS = message("audit.column.details", "Chi tiết", "Details")


def _audit_search(query: str) -> list[ColumnElement[bool]]:
    text = query.strip()
    if not text:
        return []
    return [
        or_(
            AuditEntry.username.contains(text.casefold(), autoescape=True),
            AuditEntry.record_id.contains(text, autoescape=True),
            AuditEntry.details_json.contains(text, autoescape=True),
        )
    ]


def _day_start(value: Any) -> ColumnElement[bool] | None:
    if value is None:
        return None
    return AuditEntry.at >= datetime.combine(value, time.min).astimezone(UTC)


def _day_end(value: Any) -> ColumnElement[bool] | None:
    if value is None:
        return None
    return AuditEntry.at <= datetime.combine(value, time.max).astimezone(UTC)


AUDIT_LIST = Listing(
    name="audit_entries",
    id_column=AuditEntry.seq,  # type: ignore[arg-type]
    columns=(
        ListColumn("at", COLUMN_AT, AuditEntry.at, ColumnKind.DATETIME),
        ListColumn("user", COLUMN_USER, AuditEntry.username),
        ListColumn(
            "action", COLUMN_ACTION, AuditEntry.action, ColumnKind.ENUM, enum_type=AuditAction
        ),
        ListColumn("kind", COLUMN_KIND, AuditEntry.record_kind),
        ListColumn("record", COLUMN_RECORD, AuditEntry.record_id, visible=False),
        ListColumn("details", COLUMN_DETAILS, AuditEntry.details_json, sortable=False),
    ),
    base=lambda statement: statement.select_from(AuditEntry),
    search=_audit_search,
    default_order=(AuditEntry.seq.desc(),),
    filters={
        "user": equals(AuditEntry.username),
        "action": equals(AuditEntry.action),
        "kind": equals(AuditEntry.record_kind),
        "record_id": equals(AuditEntry.record_id),
        "date_from": _day_start,
        "date_to": _day_end,
    },
    permission=Permission.READ_AUDIT,
)
"""The trail, newest first; searched by user name, record id or any text of the details."""


def entry_details(workspace: Workspace, seq: int) -> dict[str, Any]:
    """The details of one entry (the record's label, and fields from what to what)."""
    require(workspace, Permission.READ_AUDIT)
    with workspace.database.session() as session:
        text = session.scalar(select(AuditEntry.details_json).where(AuditEntry.seq == seq))
    value = json.loads(text) if text else {}
    return value if isinstance(value, dict) else {}


def audit_users(workspace: Workspace) -> list[str]:
    """Every user name in the trail (the page's filter)."""
    require(workspace, Permission.READ_AUDIT)
    with workspace.database.session() as session:
        names = session.scalars(
            select(AuditEntry.username).distinct().order_by(AuditEntry.username)
        )
        return list(names)
