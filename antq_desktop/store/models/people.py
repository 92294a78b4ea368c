"""People: residents, group members, helpers and people being helped."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from antq_desktop.domain.enums import Gender
from antq_desktop.store.base import Base, EnumText, SyncedMixin


class Person(SyncedMixin, Base):
    """A person; the citizen ID is the natural key when known (duplicates flagged, not refused)."""

    derived_columns = ("sort_key", "search_text")
    __tablename__ = "people"

    unit_id: Mapped[str] = mapped_column(ForeignKey("org_units.id"))
    full_name: Mapped[str] = mapped_column(String(200))
    gender: Mapped[Gender | None] = mapped_column(EnumText(Gender), default=None)
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    citizen_id: Mapped[str | None] = mapped_column(String(12), default=None)
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    address: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(String(400))
    """Vietnamese name order (`domain.text.name_sort_key`)."""
    search_text: Mapped[str] = mapped_column(String(500))
    """Folded name, citizen ID and phone, for accent-insensitive search."""

    __table_args__ = (
        Index("ix_people_unit_id", "unit_id"),
        Index("ix_people_citizen_id", "citizen_id"),
        Index("ix_people_sort_key", "sort_key"),
        Index("ix_people_search_text", "search_text"),
    )
