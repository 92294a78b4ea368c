"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "org_units",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_folded", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=40), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("place_name", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["org_units.id"], name=op.f("fk_org_units_parent_id_org_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_units")),
    )
    with op.batch_alter_table("org_units", schema=None) as batch_op:
        batch_op.create_index("ix_org_units_code", ["code"], unique=True)
        batch_op.create_index("ix_org_units_parent_id", ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_org_units_version"), ["version"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "people",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("gender", sa.String(length=40), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("citizen_id", sa.String(length=12), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("search_text", sa.String(length=500), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_units.id"], name=op.f("fk_people_unit_id_org_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index("ix_people_citizen_id", ["citizen_id"], unique=False)
        batch_op.create_index("ix_people_search_text", ["search_text"], unique=False)
        batch_op.create_index("ix_people_sort_key", ["sort_key"], unique=False)
        batch_op.create_index("ix_people_unit_id", ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_version"), ["version"], unique=False)

    op.create_table(
        "programs",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_folded", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("maintaining_body", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("recognised_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("annual_budget_vnd", sa.BigInteger(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_units.id"], name=op.f("fk_programs_unit_id_org_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
    )
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.create_index("ix_programs_name_folded", ["name_folded"], unique=False)
        batch_op.create_index("ix_programs_unit_id", ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_programs_version"), ["version"], unique=False)

    op.create_table(
        "community_groups",
        sa.Column("program_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_folded", sa.String(length=300), nullable=False),
        sa.Column("area", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("formed_on", sa.Date(), nullable=True),
        sa.Column("dissolved_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["program_id"], ["programs.id"], name=op.f("fk_community_groups_program_id_programs")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_units.id"], name=op.f("fk_community_groups_unit_id_org_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_groups")),
    )
    with op.batch_alter_table("community_groups", schema=None) as batch_op:
        batch_op.create_index("ix_community_groups_name_folded", ["name_folded"], unique=False)
        batch_op.create_index("ix_community_groups_program_id", ["program_id"], unique=False)
        batch_op.create_index("ix_community_groups_unit_id", ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_community_groups_version"), ["version"], unique=False)

    op.create_table(
        "evaluations",
        sa.Column("program_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(length=40), nullable=False),
        sa.Column("indicators", sa.JSON(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("evaluator", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["program_id"], ["programs.id"], name=op.f("fk_evaluations_program_id_programs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluations")),
    )
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_evaluations_program_id_year_quarter",
            ["program_id", "year", "quarter"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_evaluations_version"), ["version"], unique=False)

    op.create_table(
        "rehab_cases",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("program_id", sa.String(length=36), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("status_since", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_rehab_cases_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["program_id"], ["programs.id"], name=op.f("fk_rehab_cases_program_id_programs")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_units.id"], name=op.f("fk_rehab_cases_unit_id_org_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rehab_cases")),
    )
    with op.batch_alter_table("rehab_cases", schema=None) as batch_op:
        batch_op.create_index("ix_rehab_cases_person_id", ["person_id"], unique=False)
        batch_op.create_index("ix_rehab_cases_program_id", ["program_id"], unique=False)
        batch_op.create_index("ix_rehab_cases_unit_id", ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rehab_cases_version"), ["version"], unique=False)

    op.create_table(
        "memberships",
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_groups.id"],
            name=op.f("fk_memberships_group_id_community_groups"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_memberships_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index("ix_memberships_group_id", ["group_id"], unique=False)
        batch_op.create_index("ix_memberships_person_id", ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_memberships_version"), ["version"], unique=False)

    op.create_table(
        "patrol_shifts",
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("shift_date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("area", sa.String(length=300), nullable=False),
        sa.Column("others_count", sa.Integer(), nullable=False),
        sa.Column("residents_reminded", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_groups.id"],
            name=op.f("fk_patrol_shifts_group_id_community_groups"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_shifts")),
    )
    with op.batch_alter_table("patrol_shifts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_patrol_shifts_group_id_shift_date", ["group_id", "shift_date"], unique=False
        )
        batch_op.create_index("ix_patrol_shifts_shift_date", ["shift_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_patrol_shifts_version"), ["version"], unique=False)

    op.create_table(
        "rehab_helpers",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["rehab_cases.id"], name=op.f("fk_rehab_helpers_case_id_rehab_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rehab_helpers")),
    )
    with op.batch_alter_table("rehab_helpers", schema=None) as batch_op:
        batch_op.create_index("ix_rehab_helpers_case_id", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rehab_helpers_version"), ["version"], unique=False)

    op.create_table(
        "supports",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("provider", sa.String(length=300), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("result", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["rehab_cases.id"], name=op.f("fk_supports_case_id_rehab_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supports")),
    )
    with op.batch_alter_table("supports", schema=None) as batch_op:
        batch_op.create_index("ix_supports_case_id", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_supports_version"), ["version"], unique=False)

    op.create_table(
        "findings",
        sa.Column("shift_id", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["patrol_shifts.id"], name=op.f("fk_findings_shift_id_patrol_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index("ix_findings_shift_id", ["shift_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_version"), ["version"], unique=False)

    op.create_table(
        "follow_ups",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("helper_id", sa.String(length=36), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("assessment", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_due_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["rehab_cases.id"], name=op.f("fk_follow_ups_case_id_rehab_cases")
        ),
        sa.ForeignKeyConstraint(
            ["helper_id"], ["rehab_helpers.id"], name=op.f("fk_follow_ups_helper_id_rehab_helpers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index("ix_follow_ups_case_id_held_on", ["case_id", "held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_ups_version"), ["version"], unique=False)

    op.create_table(
        "patrol_participants",
        sa.Column("shift_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_patrol_participants_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["patrol_shifts.id"],
            name=op.f("fk_patrol_participants_shift_id_patrol_shifts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_participants")),
    )
    with op.batch_alter_table("patrol_participants", schema=None) as batch_op:
        batch_op.create_index("ix_patrol_participants_person_id", ["person_id"], unique=False)
        batch_op.create_index("ix_patrol_participants_shift_id", ["shift_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_patrol_participants_version"), ["version"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("patrol_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patrol_participants_version"))
        batch_op.drop_index("ix_patrol_participants_shift_id")
        batch_op.drop_index("ix_patrol_participants_person_id")

    op.drop_table("patrol_participants")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_ups_version"))
        batch_op.drop_index("ix_follow_ups_case_id_held_on")

    op.drop_table("follow_ups")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_version"))
        batch_op.drop_index("ix_findings_shift_id")

    op.drop_table("findings")
    with op.batch_alter_table("supports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supports_version"))
        batch_op.drop_index("ix_supports_case_id")

    op.drop_table("supports")
    with op.batch_alter_table("rehab_helpers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rehab_helpers_version"))
        batch_op.drop_index("ix_rehab_helpers_case_id")

    op.drop_table("rehab_helpers")
    with op.batch_alter_table("patrol_shifts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patrol_shifts_version"))
        batch_op.drop_index("ix_patrol_shifts_shift_date")
        batch_op.drop_index("ix_patrol_shifts_group_id_shift_date")

    op.drop_table("patrol_shifts")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memberships_version"))
        batch_op.drop_index("ix_memberships_person_id")
        batch_op.drop_index("ix_memberships_group_id")

    op.drop_table("memberships")
    with op.batch_alter_table("rehab_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rehab_cases_version"))
        batch_op.drop_index("ix_rehab_cases_unit_id")
        batch_op.drop_index("ix_rehab_cases_program_id")
        batch_op.drop_index("ix_rehab_cases_person_id")

    op.drop_table("rehab_cases")
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluations_version"))
        batch_op.drop_index("ix_evaluations_program_id_year_quarter")

    op.drop_table("evaluations")
    with op.batch_alter_table("community_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_community_groups_version"))
        batch_op.drop_index("ix_community_groups_unit_id")
        batch_op.drop_index("ix_community_groups_program_id")
        batch_op.drop_index("ix_community_groups_name_folded")

    op.drop_table("community_groups")
    with op.batch_alter_table("programs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programs_version"))
        batch_op.drop_index("ix_programs_unit_id")
        batch_op.drop_index("ix_programs_name_folded")

    op.drop_table("programs")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_version"))
        batch_op.drop_index("ix_people_unit_id")
        batch_op.drop_index("ix_people_sort_key")
        batch_op.drop_index("ix_people_search_text")
        batch_op.drop_index("ix_people_citizen_id")

    op.drop_table("people")
    op.drop_table("settings")
    with op.batch_alter_table("org_units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_org_units_version"))
        batch_op.drop_index("ix_org_units_parent_id")
        batch_op.drop_index("ix_org_units_code")

    op.drop_table("org_units")
