"""Reporting periods: a month, a quarter, a half-year, a year or a custom range.

A period knows its first and last day (both included) and how the official document names it in
its subject line ("quý IV năm 2023", "6 tháng đầu năm 2024", "từ ngày 01/01/2015 đến ngày
31/12/2023"). The document is always in Vietnamese; `label(language)` gives the English name for
the window and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from antq_desktop.domain.validation import format_date

ROMAN_QUARTERS = ("I", "II", "III", "IV")
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""Not `strftime("%B")`, which follows the machine's locale."""


class PeriodKind(Enum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    CUSTOM = "custom"


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    first_of_next = date(year + (month == 12), 1 if month == 12 else month + 1, 1)
    return first_of_next - timedelta(days=1)


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    date_from: date
    date_to: date

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(PeriodKind.MONTH, date(year, month, 1), month_end(year, month))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first_month = (quarter - 1) * 3 + 1
        return cls(PeriodKind.QUARTER, date(year, first_month, 1), month_end(year, first_month + 2))

    @classmethod
    def half_year(cls, year: int, half: int) -> Period:
        first_month = 1 if half == 1 else 7
        return cls(
            PeriodKind.HALF_YEAR, date(year, first_month, 1), month_end(year, first_month + 5)
        )

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def custom(cls, date_from: date, date_to: date) -> Period:
        """A range that is exactly a month, quarter, half-year or year is named as one."""
        for candidate in _named_periods_starting(date_from):
            if candidate.date_to == date_to:
                return candidate
        return cls(PeriodKind.CUSTOM, date_from, date_to)

    def label(self, language: str = "vi") -> str:
        start = self.date_from
        english = language == "en"
        if self.kind is PeriodKind.MONTH:
            if english:
                return f"{ENGLISH_MONTHS[start.month - 1]} {start.year}"
            return f"tháng {start.month} năm {start.year}"
        if self.kind is PeriodKind.QUARTER:
            number = (start.month - 1) // 3
            if english:
                return f"Q{number + 1} {start.year}"
            return f"quý {ROMAN_QUARTERS[number]} năm {start.year}"
        if self.kind is PeriodKind.HALF_YEAR:
            first = start.month == 1
            if english:
                return f"{'first' if first else 'second'} half of {start.year}"
            return f"6 tháng {'đầu' if first else 'cuối'} năm {start.year}"
        if self.kind is PeriodKind.YEAR:
            return str(start.year) if english else f"năm {start.year}"
        start_text, end_text = format_date(self.date_from), format_date(self.date_to)
        if english:
            return f"{start_text} to {end_text}"
        return f"từ ngày {start_text} đến ngày {end_text}"

    def quarters(self) -> list[tuple[int, int]]:
        """The (year, quarter) pairs that lie wholly or partly in the period, oldest first."""
        found: list[tuple[int, int]] = []
        year, quarter = self.date_from.year, (self.date_from.month - 1) // 3 + 1
        while (year, quarter) <= (self.date_to.year, (self.date_to.month - 1) // 3 + 1):
            found.append((year, quarter))
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        return found

    def months(self) -> list[tuple[int, int]]:
        """The (year, month) pairs that lie wholly or partly in the period, oldest first."""
        found: list[tuple[int, int]] = []
        year, month = self.date_from.year, self.date_from.month
        while (year, month) <= (self.date_to.year, self.date_to.month):
            found.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found


def _named_periods_starting(start: date) -> list[Period]:
    if start.day != 1:
        return []
    year, month = start.year, start.month
    found = [Period.month(year, month)]
    if month in (1, 4, 7, 10):
        found.append(Period.quarter(year, (month - 1) // 3 + 1))
    if month in (1, 7):
        found.append(Period.half_year(year, 1 if month == 1 else 2))
    if month == 1:
        found.append(Period.year(year))
    return found
