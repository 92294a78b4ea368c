"""Hybrid logical clock (Kulkarni et al., 2014) for version stamps that order changes across sites.

A stamp is (wall-clock milliseconds, counter, site id), written as fixed-width text so that text
order is stamp order: `"0001700000000000-00000-<site>"`. Stamps stay close to wall time for people
to read, and causally related changes are ordered correctly even when a PC's clock is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_MS_WIDTH: Final = 16
_COUNTER_WIDTH: Final = 5
MAX_COUNTER: Final = 10**_COUNTER_WIDTH - 1
_STAMP_TEXT: Final = re.compile(rf"[0-9]{{{_MS_WIDTH}}}-[0-9]{{{_COUNTER_WIDTH}}}-.+", re.DOTALL)


def is_stamp(text: object) -> bool:
    """Whether `text` is a stamp in its canonical text form (what `Stamp.decode` accepts)."""
    return isinstance(text, str) and _STAMP_TEXT.fullmatch(text) is not None


@dataclass(frozen=True, order=True)
class Stamp:
    millis: int
    counter: int
    site: str

    def encode(self) -> str:
        return f"{self.millis:0{_MS_WIDTH}d}-{self.counter:0{_COUNTER_WIDTH}d}-{self.site}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        parts = text.split("-", 2)
        # Only the canonical form: int() would also take " 1", "+1", "1_0" or non-ASCII digits,
        # and such a stamp would sort wrongly as text in the database.
        if (
            len(parts) != 3
            or len(parts[0]) != _MS_WIDTH
            or len(parts[1]) != _COUNTER_WIDTH
            or not all(part.isascii() and part.isdigit() for part in parts[:2])
            or not parts[2]
        ):
            raise ValueError(f"not a version stamp: {text!r}")
        millis, counter, site = parts
        return cls(int(millis), int(counter), site)


class HybridLogicalClock:
    """The clock of one site. `now_ms` is passed in so the domain stays free of I/O."""

    def __init__(self, site: str, last: Stamp | None = None) -> None:
        self.site = site
        self.millis = last.millis if last else 0
        self.counter = last.counter if last else 0

    def tick(self, now_ms: int) -> Stamp:
        """A stamp for a local change, later than every stamp this clock has issued or seen."""
        if now_ms > self.millis:
            self.millis, self.counter = now_ms, 0
        else:
            self._advance_counter()
        return Stamp(self.millis, self.counter, self.site)

    def receive(self, remote: Stamp, now_ms: int) -> Stamp:
        """Take in a stamp from another site so later local stamps come after it."""
        top = max(now_ms, self.millis, remote.millis)
        if top == self.millis == remote.millis:
            self.counter = max(self.counter, remote.counter)
            self._advance_counter()
        elif top == self.millis:
            self._advance_counter()
        elif top == remote.millis:
            self.millis, self.counter = top, remote.counter
            self._advance_counter()
        else:
            self.millis, self.counter = top, 0
        return Stamp(self.millis, self.counter, self.site)

    def _advance_counter(self) -> None:
        if self.counter >= MAX_COUNTER:  # more than 100,000 changes in one millisecond
            self.millis += 1
            self.counter = 0
        else:
            self.counter += 1
