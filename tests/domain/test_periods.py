"""Reporting periods: their first and last days, how the document and the window name them, and
the months and quarters they touch (the chart and the evaluation table walk those)."""

from __future__ import annotations

import locale
from collections.abc import Iterator
from datetime import date

import pytest

from antq_desktop.domain.periods import Period, PeriodKind


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        (Period.month(2024, 2), date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        (Period.month(2023, 2), date(2023, 2, 1), date(2023, 2, 28)),
        (Period.month(2023, 12), date(2023, 12, 1), date(2023, 12, 31)),
        (Period.month(2023, 4), date(2023, 4, 1), date(2023, 4, 30)),
        (Period.quarter(2024, 1), date(2024, 1, 1), date(2024, 3, 31)),
        (Period.quarter(2023, 2), date(2023, 4, 1), date(2023, 6, 30)),
        (Period.quarter(2023, 3), date(2023, 7, 1), date(2023, 9, 30)),
        (Period.quarter(2023, 4), date(2023, 10, 1), date(2023, 12, 31)),
        (Period.half_year(2024, 1), date(2024, 1, 1), date(2024, 6, 30)),
        (Period.half_year(2024, 2), date(2024, 7, 1), date(2024, 12, 31)),
        (Period.year(2023), date(2023, 1, 1), date(2023, 12, 31)),
    ],
)
def test_each_kind_covers_its_whole_days(period: Period, first: date, last: date) -> None:
    assert (period.date_from, period.date_to) == (first, last)


@pytest.mark.parametrize(
    ("period", "kind", "vietnamese", "english"),
    [
        (Period.month(2023, 11), PeriodKind.MONTH, "tháng 11 năm 2023", "November 2023"),
        (Period.month(2024, 1), PeriodKind.MONTH, "tháng 1 năm 2024", "January 2024"),
        (Period.quarter(2023, 4), PeriodKind.QUARTER, "quý IV năm 2023", "Q4 2023"),
        (Period.quarter(2024, 1), PeriodKind.QUARTER, "quý I năm 2024", "Q1 2024"),
        (Period.quarter(2024, 2), PeriodKind.QUARTER, "quý II năm 2024", "Q2 2024"),
        (Period.quarter(2024, 3), PeriodKind.QUARTER, "quý III năm 2024", "Q3 2024"),
        (
            Period.half_year(2024, 1),
            PeriodKind.HALF_YEAR,
            "6 tháng đầu năm 2024",
            "first half of 2024",
        ),
        (
            Period.half_year(2024, 2),
            PeriodKind.HALF_YEAR,
            "6 tháng cuối năm 2024",
            "second half of 2024",
        ),
        (Period.year(2023), PeriodKind.YEAR, "năm 2023", "2023"),
        (
            Period.custom(date(2015, 1, 1), date(2023, 12, 31)),
            PeriodKind.CUSTOM,
            "từ ngày 01/01/2015 đến ngày 31/12/2023",
            "01/01/2015 to 31/12/2023",
        ),
        (
            Period.custom(date(2023, 10, 5), date(2023, 11, 20)),
            PeriodKind.CUSTOM,
            "từ ngày 05/10/2023 đến ngày 20/11/2023",
            "05/10/2023 to 20/11/2023",
        ),
    ],
)
def test_labels_in_both_languages(
    period: Period, kind: PeriodKind, vietnamese: str, english: str
) -> None:
    assert period.kind is kind
    assert period.label("vi") == vietnamese
    assert period.label("en") == english


def test_the_document_language_is_the_default_label() -> None:
    assert Period.quarter(2023, 4).label() == "quý IV năm 2023"


@pytest.fixture
def foreign_time_locale() -> Iterator[str]:
    """A non-English LC_TIME, as the window has after Qt calls setlocale(LC_ALL, "") on a
    Vietnamese desktop. Skipped where no such locale is installed."""
    saved = locale.setlocale(locale.LC_TIME)
    for name in ("vi_VN.UTF-8", "vi_VN.utf8", "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            yield name
        finally:
            locale.setlocale(locale.LC_TIME, saved)
        return
    pytest.skip("no non-English locale installed (locale -a)")


def test_the_english_month_name_does_not_follow_the_system_locale(
    foreign_time_locale: str,
) -> None:
    assert Period.month(2023, 11).label("en") == "November 2023", foreign_time_locale


@pytest.mark.parametrize(
    ("first", "last", "named"),
    [
        (date(2023, 10, 1), date(2023, 12, 31), Period.quarter(2023, 4)),
        (date(2023, 1, 1), date(2023, 3, 31), Period.quarter(2023, 1)),
        (date(2023, 1, 1), date(2023, 12, 31), Period.year(2023)),
        (date(2024, 1, 1), date(2024, 6, 30), Period.half_year(2024, 1)),
        (date(2023, 7, 1), date(2023, 12, 31), Period.half_year(2023, 2)),
        (date(2024, 2, 1), date(2024, 2, 29), Period.month(2024, 2)),
        (date(2023, 1, 1), date(2023, 1, 31), Period.month(2023, 1)),
        (date(2023, 12, 1), date(2023, 12, 31), Period.month(2023, 12)),
    ],
)
def test_a_custom_range_that_is_a_named_period_is_named_so(
    first: date, last: date, named: Period
) -> None:
    period = Period.custom(first, last)
    assert period == named
    assert period.kind is named.kind
    assert period.label("vi") == named.label("vi")


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2023, 10, 2), date(2023, 12, 31)),  # a day short at the start
        (date(2023, 10, 1), date(2023, 12, 30)),  # a day short at the end
        (date(2023, 2, 1), date(2023, 4, 30)),  # three months, not a quarter
        (date(2023, 4, 1), date(2023, 9, 30)),  # six months, not a half-year
        (date(2023, 7, 1), date(2024, 6, 30)),  # twelve months, not a calendar year
        (date(2024, 2, 1), date(2024, 2, 28)),  # February of a leap year, a day short
        (date(2015, 1, 1), date(2023, 12, 31)),
        (date(2023, 5, 17), date(2023, 5, 17)),
    ],
)
def test_other_ranges_stay_custom(first: date, last: date) -> None:
    period = Period.custom(first, last)
    assert period.kind is PeriodKind.CUSTOM
    assert (period.date_from, period.date_to) == (first, last)
    assert period.label("vi").startswith("từ ngày ")


@pytest.mark.parametrize(
    ("period", "quarters"),
    [
        (Period.month(2023, 5), [(2023, 2)]),
        (Period.quarter(2023, 4), [(2023, 4)]),
        (Period.half_year(2024, 2), [(2024, 3), (2024, 4)]),
        (Period.year(2023), [(2023, 1), (2023, 2), (2023, 3), (2023, 4)]),
        (Period.custom(date(2023, 11, 15), date(2024, 2, 10)), [(2023, 4), (2024, 1)]),
        (Period.custom(date(2023, 3, 31), date(2023, 4, 1)), [(2023, 1), (2023, 2)]),
    ],
)
def test_quarters_touched_oldest_first(period: Period, quarters: list[tuple[int, int]]) -> None:
    assert period.quarters() == quarters


def test_nine_years_have_thirty_six_quarters_and_108_months() -> None:
    period = Period.custom(date(2015, 1, 1), date(2023, 12, 31))
    quarters = period.quarters()
    assert len(quarters) == 36
    assert (quarters[0], quarters[-1]) == ((2015, 1), (2023, 4))
    assert quarters == sorted(set(quarters))
    months = period.months()
    assert len(months) == 108
    assert (months[0], months[-1]) == ((2015, 1), (2023, 12))
    assert months == sorted(set(months))


@pytest.mark.parametrize(
    ("period", "months"),
    [
        (Period.month(2023, 12), [(2023, 12)]),
        (Period.quarter(2023, 4), [(2023, 10), (2023, 11), (2023, 12)]),
        (
            Period.custom(date(2023, 11, 15), date(2024, 2, 10)),
            [(2023, 11), (2023, 12), (2024, 1), (2024, 2)],
        ),
        (Period.custom(date(2023, 5, 17), date(2023, 5, 17)), [(2023, 5)]),
        (Period.half_year(2024, 1), [(2024, month) for month in range(1, 7)]),
        (Period.year(2023), [(2023, month) for month in range(1, 13)]),
    ],
)
def test_months_touched_oldest_first(period: Period, months: list[tuple[int, int]]) -> None:
    assert period.months() == months


def test_periods_are_values() -> None:
    assert Period.quarter(2023, 4) == Period.quarter(2023, 4)
    assert Period.quarter(2023, 4) != Period.quarter(2024, 4)
    assert len({Period.year(2023), Period.custom(date(2023, 1, 1), date(2023, 12, 31))}) == 1
    with pytest.raises(AttributeError):
        Period.year(2023).date_to = date(2024, 1, 1)  # type: ignore[misc]
