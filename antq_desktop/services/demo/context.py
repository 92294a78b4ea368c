"""What every demo generator shares: the writer, the people factory, the random source, units."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.domain.ids import unit_id
from antq_desktop.services.demo.names import PeopleFactory, cached_fold
from antq_desktop.services.demo.writer import BulkWriter

RANGE_START = date(2015, 1, 1)
RANGE_END = date(2023, 12, 31)
"""The story of the demo runs from 2015 to the end of 2023; nothing is dated later."""


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    code: str
    name: str
    place: str
    """How the unit is written in addresses and the date line: "Phường 9", "Quận 4"."""
    district: str
    """The district part of an address ("Quận 4"); the unit's own place for a district."""


@dataclass
class DemoContext:
    writer: BulkWriter
    people: PeopleFactory
    rng: random.Random

    def add_unit(
        self,
        *,
        code: str,
        name: str,
        level: UnitLevel,
        parent: Unit | None,
        place: str,
        entered_on: date,
    ) -> Unit:
        new_id = self.writer.add(
            "org_units",
            entered_on,
            (code, name, cached_fold(name), level, parent.id if parent else None, place),
            row_id=unit_id(code),
        )
        district = place if level is not UnitLevel.WARD or parent is None else parent.place
        return Unit(new_id, code, name, place, district)
