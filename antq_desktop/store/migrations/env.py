"""Alembic environment: always run in-process on the connection handed over by `store.migrate`."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from antq_desktop.store.base import EnumText, UtcDateTime
from antq_desktop.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running the alembic CLI by hand
    raise RuntimeError("run migrations through antq_desktop.store.migrate, not the alembic CLI")


def render_item(kind: str, item: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write the project's column types as plain SQLAlchemy types, so scripts never import them."""
    if kind == "type" and isinstance(item, UtcDateTime):
        return "sa.DateTime()"
    if kind == "type" and isinstance(item, EnumText):
        return "sa.String(length=40)"
    return False


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
