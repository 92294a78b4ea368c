"""Patrol shifts for the window's list: newest first, counted and paged in SQL.

The default order (date, then start time, newest first) walks the index on `shift_date`; the
counts of participants and findings are correlated subqueries, so only the rows on screen are
counted.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, ScalarSelect, Select, func, or_, select

from antq_desktop.domain.messages import message
from antq_desktop.domain.text import clean, fold
from antq_desktop.services import fields
from antq_desktop.services.listing import (
    ColumnKind,
    ListColumn,
    Listing,
    equals,
    in_subtree,
    on_or_after,
    on_or_before,
)
from antq_desktop.store.models import Finding, Group, OrgUnit, PatrolParticipant, PatrolShift

# Short headers for the count columns of the list (the editor uses the full field labels).
MEMBERS_PRESENT = message("patrol_list.members_present", "Thành viên", "Members")
OTHERS_PRESENT = message("patrol_list.others_present", "Người khác", "Others")
FINDINGS_COUNT = message("patrol_list.findings_count", "Vụ việc", "Findings")
REMINDERS = message("patrol_list.reminders", "Nhắc nhở", "Reminders")
FINDING_ACTION = message("patrol_list.finding_action", "Cách xử lý", "Action taken")


def _participant_count() -> ScalarSelect[int]:
    return (
        select(func.count())
        .select_from(PatrolParticipant)
        .where(
            PatrolParticipant.shift_id == PatrolShift.id,
            PatrolParticipant.deleted_at.is_(None),
        )
        .correlate(PatrolShift)
        .scalar_subquery()
    )


def _finding_count() -> ScalarSelect[int]:
    return (
        select(func.count())
        .select_from(Finding)
        .where(Finding.shift_id == PatrolShift.id, Finding.deleted_at.is_(None))
        .correlate(PatrolShift)
        .scalar_subquery()
    )


def _base(statement: Select[tuple[object, ...]]) -> Select[tuple[object, ...]]:
    return (
        statement.select_from(PatrolShift)
        .join(Group, Group.id == PatrolShift.group_id)
        .join(OrgUnit, OrgUnit.id == Group.unit_id)
        .where(PatrolShift.deleted_at.is_(None), Group.deleted_at.is_(None))
    )


def _shift_search(query: str) -> list[ColumnElement[bool]]:
    """The group name matches without accents; the area (no folded column) as typed."""
    folded, typed = fold(query), clean(query)
    if not folded:
        return []
    return [
        or_(
            Group.name_folded.contains(folded, autoescape=True),
            PatrolShift.area.contains(typed, autoescape=True),
        )
    ]


SHIFT_LIST = Listing(
    name="patrol_shifts",
    id_column=PatrolShift.id,
    columns=(
        ListColumn("shift_date", fields.SHIFT_DATE, PatrolShift.shift_date, ColumnKind.DATE),
        ListColumn("start_time", fields.START_TIME, PatrolShift.start_time, ColumnKind.TIME),
        ListColumn("end_time", fields.END_TIME, PatrolShift.end_time, ColumnKind.TIME),
        ListColumn("group", fields.GROUP, Group.name, sort_by=Group.name_folded),
        ListColumn("unit", fields.UNIT, OrgUnit.name, sort_by=OrgUnit.name_folded, visible=False),
        ListColumn("area", fields.AREA, PatrolShift.area),
        ListColumn("participants", MEMBERS_PRESENT, _participant_count(), ColumnKind.NUMBER),
        ListColumn("others_count", OTHERS_PRESENT, PatrolShift.others_count, ColumnKind.NUMBER),
        ListColumn("findings", FINDINGS_COUNT, _finding_count(), ColumnKind.NUMBER),
        ListColumn(
            "residents_reminded",
            REMINDERS,
            PatrolShift.residents_reminded,
            ColumnKind.NUMBER,
        ),
    ),
    base=_base,
    search=_shift_search,
    # Newest first: SQLite walks ix_patrol_shifts_shift_date_start_time backwards and never sorts
    # the table (checked with EXPLAIN QUERY PLAN in tests/services/test_shift_listing.py).
    default_order=(PatrolShift.shift_date.desc(), PatrolShift.start_time.desc()),
    filters={
        "unit": in_subtree(Group.unit_id),
        "group": equals(PatrolShift.group_id),
        "date_from": on_or_after(PatrolShift.shift_date),
        "date_to": on_or_before(PatrolShift.shift_date),
    },
)
"""Patrol shifts for the window's list (Ca tuần tra)."""
