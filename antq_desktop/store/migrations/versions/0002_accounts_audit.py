"""accounts and audit trail; the shift list's sort index covers the start time

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "user_accounts",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_user_accounts")),
    )
    op.create_table(
        "audit_entries",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("record_kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("details_json", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entries_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_entries_record", ["record_kind", "record_id"], unique=False)
    # SQLCipher's newer SQLite sorted the whole shift table for the newest-first list when the
    # index covered the date alone.
    with op.batch_alter_table("patrol_shifts", schema=None) as batch_op:
        batch_op.drop_index("ix_patrol_shifts_shift_date")
        batch_op.create_index(
            "ix_patrol_shifts_shift_date_start_time", ["shift_date", "start_time"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("patrol_shifts", schema=None) as batch_op:
        batch_op.drop_index("ix_patrol_shifts_shift_date_start_time")
        batch_op.create_index("ix_patrol_shifts_shift_date", ["shift_date"], unique=False)
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entries_record")
        batch_op.drop_index("ix_audit_entries_at")
    op.drop_table("audit_entries")
    op.drop_table("user_accounts")
