"""Administrative units: a tree of nation, provinces/cities, districts and wards."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.store.base import Base, EnumText, SyncedMixin


class OrgUnit(SyncedMixin, Base):
    """A node of the administrative tree, known by its national code (79, 773, 27262…)."""

    derived_columns = ("name_folded",)
    __tablename__ = "org_units"

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200))
    level: Mapped[UnitLevel] = mapped_column(EnumText(UnitLevel))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), default=None)
    place_name: Mapped[str] = mapped_column(String(200), default="")
    """The place written in the date line of documents, e.g. "Phường Bến Thành"."""

    __table_args__ = (
        Index("ix_org_units_code", "code", unique=True),
        Index("ix_org_units_parent_id", "parent_id"),
    )
