"""sync: per-field stamps, sites seen, the change counter, keys, peers, history, conflicts

Also gives every administrative unit the id derived from its code (`domain.ids.unit_id`), and
every evaluation the id derived from its program and quarter (`domain.ids.evaluation_id`), so that
the same unit or quarter's verdict has the same id at every installation.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SYNCED_TABLES = (
    "org_units",
    "programs",
    "community_groups",
    "people",
    "memberships",
    "patrol_shifts",
    "patrol_participants",
    "findings",
    "rehab_cases",
    "rehab_helpers",
    "follow_ups",
    "supports",
    "evaluations",
)
UNIT_REFERENCES = (
    ("org_units", "parent_id"),
    ("programs", "unit_id"),
    ("community_groups", "unit_id"),
    ("people", "unit_id"),
    ("rehab_cases", "unit_id"),
)
# A copy of domain.ids.UNIT_NAMESPACE: a migration never changes with the code.
UNIT_NAMESPACE = uuid.UUID("6f1d3c2a-8e4b-5a7c-9d10-2b3c4d5e6f70")


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("field_versions", sa.JSON(), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("seen_versions", sa.JSON(), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("sync_seq", sa.Integer(), server_default=sa.text("0"), nullable=False),
    ]


def _derive_unit_ids() -> None:
    bind = op.get_bind()
    units = bind.execute(sa.text("SELECT id, code FROM org_units")).all()
    moves = {
        old: str(uuid.uuid5(UNIT_NAMESPACE, f"org-unit:{code.strip()}")) for old, code in units
    }
    moves = {old: new for old, new in moves.items() if old != new}
    if not moves:
        return
    bind.execute(sa.text("PRAGMA defer_foreign_keys = ON"))
    bind.execute(sa.text("CREATE TEMP TABLE unit_id_moves (old TEXT PRIMARY KEY, new TEXT)"))
    bind.execute(
        sa.text("INSERT INTO unit_id_moves (old, new) VALUES (:old, :new)"),
        [{"old": old, "new": new} for old, new in moves.items()],
    )
    moved = "(SELECT new FROM unit_id_moves WHERE old = {column})"
    for table, column in (*UNIT_REFERENCES, ("org_units", "id")):
        bind.execute(
            sa.text(
                f"UPDATE {table} SET {column} = {moved.format(column=column)} "
                f"WHERE {column} IN (SELECT old FROM unit_id_moves)"
            )
        )
    bind.execute(
        sa.text(
            "UPDATE settings SET value_json = json_quote((SELECT new FROM unit_id_moves "
            "WHERE old = json_extract(settings.value_json, '$'))) "
            "WHERE key IN ('unit.own_id', 'unit.superior_id') "
            "AND json_extract(value_json, '$') IN (SELECT old FROM unit_id_moves)"
        )
    )
    bind.execute(sa.text("DROP TABLE unit_id_moves"))


def _derive_evaluation_ids() -> None:
    """One record per program and quarter (`domain.ids.evaluation_id`): the newest keeps it."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, program_id, year, quarter FROM evaluations "
            "ORDER BY deleted_at IS NULL DESC, version DESC"
        )
    ).all()
    taken: set[str] = set()
    moves = []
    for old, program_id, year, quarter in rows:
        new = str(uuid.uuid5(UNIT_NAMESPACE, f"evaluation:{program_id}:{year}:{quarter}"))
        if new in taken:
            continue
        taken.add(new)
        if new != old:
            moves.append({"old": old, "new": new})
    if moves:
        bind.execute(sa.text("UPDATE evaluations SET id = :new WHERE id = :old"), moves)


def upgrade() -> None:
    for table in SYNCED_TABLES:
        for column in _sync_columns():
            op.add_column(table, column)
        op.create_index(f"ix_{table}_sync_seq", table, ["sync_seq"], unique=False)
    op.create_table(
        "sync_conflicts",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=True),
        sa.Column("kept_value", sa.Text(), nullable=False),
        sa.Column("kept_stamp", sa.String(length=80), nullable=False),
        sa.Column("other_value", sa.Text(), nullable=False),
        sa.Column("other_stamp", sa.String(length=80), nullable=False),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.Column("resolved_by", sa.String(length=100), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index("ix_sync_conflicts_row_id", "sync_conflicts", ["row_id"], unique=False)
    op.create_index("ix_sync_conflicts_unit_id", "sync_conflicts", ["unit_id"], unique=False)
    op.create_index("ix_sync_conflicts_version", "sync_conflicts", ["version"], unique=False)
    op.create_index("ix_sync_conflicts_sync_seq", "sync_conflicts", ["sync_seq"], unique=False)
    op.create_table(
        "site_keys",
        sa.Column("site_id", sa.String(length=40), nullable=False),
        sa.Column("sign_private", sa.String(length=100), nullable=False),
        sa.Column("box_private", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_site_keys")),
    )
    op.create_table(
        "sync_peers",
        sa.Column("site_id", sa.String(length=40), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("unit_name", sa.String(length=200), nullable=False),
        sa.Column("sign_public", sa.String(length=100), nullable=False),
        sa.Column("box_public", sa.String(length=100), nullable=False),
        sa.Column("fingerprint", sa.String(length=60), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("received_seq", sa.Integer(), nullable=True),
        sa.Column("acked_seq", sa.Integer(), nullable=True),
        sa.Column("newest_bundle_seq", sa.Integer(), nullable=True),
        sa.Column("last_import_at", sa.DateTime(), nullable=True),
        sa.Column("last_export_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_sync_peers")),
    )
    op.create_table(
        "sync_history",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("peer_site", sa.String(length=40), nullable=False),
        sa.Column("peer_label", sa.String(length=300), nullable=False),
        sa.Column("full", sa.Integer(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("summary_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_history")),
    )
    op.create_index("ix_sync_history_at", "sync_history", ["at"], unique=False)
    op.create_table(
        "sync_counter",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_counter")),
    )
    op.execute("INSERT INTO sync_counter (name, value) VALUES ('changes', 0)")
    _derive_unit_ids()
    _derive_evaluation_ids()


def downgrade() -> None:
    op.drop_table("sync_counter")
    op.drop_index("ix_sync_history_at", table_name="sync_history")
    op.drop_table("sync_history")
    op.drop_table("sync_peers")
    op.drop_table("site_keys")
    op.drop_table("sync_conflicts")
    for table in reversed(SYNCED_TABLES):
        op.drop_index(f"ix_{table}_sync_seq", table_name=table)
        with op.batch_alter_table(table) as batch_op:
            for name in ("sync_seq", "seen_versions", "field_versions"):
                batch_op.drop_column(name)
