"""Value checks: citizen ID (CCCD), phone numbers, dates, masking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from antq_desktop.domain.enums import Gender
from antq_desktop.domain.provinces import CITIZEN_ID_PROVINCES
from antq_desktop.domain.validation import (
    MOBILE_PREFIXES,
    ErrorCollector,
    InvalidValue,
    ValidationFailed,
    check_birth_date,
    check_citizen_id,
    check_date_order,
    check_not_future,
    check_phone,
    format_date,
    mask_citizen_id,
)
from antq_desktop.services.fields import DATE_FROM, DATE_TO, SHIFT_DATE

PROVINCE_CODES = sorted(CITIZEN_ID_PROVINCES)
NOT_PROVINCE_CODES = sorted({f"{n:03d}" for n in range(1000)} - set(CITIZEN_ID_PROVINCES))
CENTURY_INDEX = {19: 0, 20: 1, 21: 2, 22: 3, 23: 4}  # 1900s -> 0/1, 2000s -> 2/3, ...


@dataclass(frozen=True)
class Holder:
    """A citizen ID and the facts it encodes."""

    citizen_id: str
    birth_date: date
    gender: Gender


def fourth_digit(year: int, gender: Gender) -> int:
    return CENTURY_INDEX[year // 100] * 2 + (1 if gender is Gender.FEMALE else 0)


@st.composite
def holders(draw: st.DrawFn) -> Holder:
    province = draw(st.sampled_from(PROVINCE_CODES))
    birth_date = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2399, 12, 31)))
    gender = draw(st.sampled_from(Gender))
    serial = draw(st.integers(0, 999_999))
    year = birth_date.year
    citizen_id = f"{province}{fourth_digit(year, gender)}{year % 100:02d}{serial:06d}"
    return Holder(citizen_id, birth_date, gender)


def attempt(check: Callable[[], str]) -> tuple[str | None, InvalidValue | None]:
    """The checked value, or the `InvalidValue` raised; any other exception escapes."""
    try:
        return check(), None
    except InvalidValue as invalid:
        return None, invalid


def error_key(check: object, *args: object, **kwargs: object) -> str:
    assert callable(check)
    with pytest.raises(InvalidValue) as raised:
        check(*args, **kwargs)
    return raised.value.message.key


# --- citizen ID ---------------------------------------------------------------------------------


def test_a_known_citizen_id() -> None:
    # Hồ Chí Minh (079), a woman born in 2003 (fourth digit 3, then "03").
    assert (
        check_citizen_id("079303001234", birth_date=date(2003, 5, 1), gender=Gender.FEMALE)
        == "079303001234"
    )
    # A man born in 1985 in Hà Nội (001).
    assert check_citizen_id("001085012345", birth_date=date(1985, 1, 2), gender=Gender.MALE)


def test_spaces_and_dots_between_groups_are_ignored() -> None:
    assert check_citizen_id(" 079 303 001 234 ") == "079303001234"
    assert check_citizen_id("079.303.001.234") == "079303001234"


@given(holders())
def test_valid_citizen_ids_are_accepted(holder: Holder) -> None:
    assert (
        check_citizen_id(holder.citizen_id, birth_date=holder.birth_date, gender=holder.gender)
        == holder.citizen_id
    )
    assert check_citizen_id(holder.citizen_id) == holder.citizen_id


@given(st.text(alphabet="0123456789", max_size=30))
def test_every_wrong_length_is_refused(digits: str) -> None:
    assume(len(digits) != 12)
    with pytest.raises(InvalidValue) as raised:
        check_citizen_id(digits)
    assert raised.value.message.key == "citizen_id.format"
    assert dict(raised.value.message.params)["count"] == len(digits)


@given(holders(), st.sampled_from(NOT_PROVINCE_CODES))
def test_an_unknown_province_is_refused(holder: Holder, code: str) -> None:
    citizen_id = code + holder.citizen_id[3:]
    assert error_key(check_citizen_id, citizen_id) == "citizen_id.province"


@given(holders(), st.integers(0, 9))
def test_a_century_that_does_not_match_the_birth_year_is_refused(
    holder: Holder, digit: int
) -> None:
    expected = fourth_digit(holder.birth_date.year, holder.gender)
    assume(digit // 2 != expected // 2)
    citizen_id = holder.citizen_id[:3] + str(digit) + holder.citizen_id[4:]
    key = error_key(check_citizen_id, citizen_id, birth_date=holder.birth_date)
    assert key == "citizen_id.century"


@given(holders(), st.integers(0, 99))
def test_a_year_that_does_not_match_the_birth_year_is_refused(holder: Holder, year: int) -> None:
    assume(year != holder.birth_date.year % 100)
    citizen_id = holder.citizen_id[:4] + f"{year:02d}" + holder.citizen_id[6:]
    key = error_key(
        check_citizen_id, citizen_id, birth_date=holder.birth_date, gender=holder.gender
    )
    assert key == "citizen_id.year"


@given(holders())
def test_a_gender_that_does_not_match_the_fourth_digit_is_refused(holder: Holder) -> None:
    other = Gender.MALE if holder.gender is Gender.FEMALE else Gender.FEMALE
    assert error_key(check_citizen_id, holder.citizen_id, gender=other) == "citizen_id.gender"
    key = error_key(check_citizen_id, holder.citizen_id, birth_date=holder.birth_date, gender=other)
    assert key == "citizen_id.gender"


def test_non_ascii_digits_are_refused() -> None:
    # Arabic-Indic and full-width digits pass str.isdigit() but are not what a card shows.
    assert error_key(check_citizen_id, "٠٧٩٣٠٣٠٠١٢٣٤") == "citizen_id.format"
    assert error_key(check_citizen_id, "０７９３０３００１２３４") == "citizen_id.format"


def test_the_error_message_speaks_both_languages() -> None:
    with pytest.raises(InvalidValue) as raised:
        check_citizen_id("079303001234", gender=Gender.MALE)
    vi = raised.value.message.render("vi")
    en = raised.value.message.render("en")
    assert "Nữ" in vi
    assert "Nam" in vi
    assert "Female" in en
    assert "Male" in en
    assert str(raised.value) == en


@given(
    st.text(),
    st.one_of(st.none(), st.dates()),
    st.one_of(st.none(), st.sampled_from(Gender)),
)
def test_check_citizen_id_only_ever_raises_invalid_value(
    text: str, birth_date: date | None, gender: Gender | None
) -> None:
    result, invalid = attempt(lambda: check_citizen_id(text, birth_date=birth_date, gender=gender))
    if invalid is not None:
        assert invalid.message.render("vi")
        assert invalid.message.render("en")
    else:
        assert result is not None
        assert len(result) == 12
        assert result.isascii()
        assert result.isdigit()


@given(st.text(alphabet="0123456789 .-", min_size=10, max_size=16))
def test_check_citizen_id_on_digit_like_text(text: str) -> None:
    result, invalid = attempt(lambda: check_citizen_id(text))
    if invalid is not None:
        assert invalid.message.key in {"citizen_id.format", "citizen_id.province"}
    else:
        assert result == "".join(ch for ch in text if ch.isdigit())


# --- phone --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84 912 345 678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("(091) 234-5678", "0912345678"),
        ("0386 123 456", "0386123456"),
        ("028 3825 1234", "02838251234"),
        ("+84 28 3825 1234", "02838251234"),
        ("84 28 3825 1234", "02838251234"),
    ],
)
def test_phone_numbers_are_normalised(typed: str, stored: str) -> None:
    assert check_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("091234567", "phone.format"),  # 9 digits
        ("09123456789", "phone.format"),  # 11 digits, not a landline
        ("0283825123", "phone.format"),  # a landline with 10 digits
        ("028382512345", "phone.format"),  # a landline with 12 digits
        ("912345678", "phone.format"),  # no leading 0
        ("0912abc678", "phone.format"),
        ("", "phone.format"),
        ("0112345678", "phone.prefix"),
        ("0502345678", "phone.prefix"),
    ],
)
def test_bad_phone_numbers_are_refused(typed: str, key: str) -> None:
    assert error_key(check_phone, typed) == key


@given(st.sampled_from(sorted(MOBILE_PREFIXES)), st.integers(0, 9_999_999))
def test_every_mobile_prefix_is_accepted(prefix: str, rest: int) -> None:
    number = f"{prefix}{rest:07d}"
    assert check_phone(number) == number
    assert check_phone(f"+84 {number[1:]}") == number


@given(st.one_of(st.text(), st.text(alphabet="+0123456789 .-()/", max_size=20)))
def test_check_phone_only_ever_raises_invalid_value(text: str) -> None:
    result, invalid = attempt(lambda: check_phone(text))
    if invalid is not None:
        assert invalid.message.key in {"phone.format", "phone.prefix"}
        assert invalid.message.render("vi")
        assert invalid.message.render("en")
    else:
        assert result is not None
        assert result.isascii()
        assert result.isdigit()
        assert result.startswith("0")
        assert len(result) == (11 if result.startswith("02") else 10)


# --- dates, masking, collecting errors ----------------------------------------------------------


def test_format_date_is_day_month_year() -> None:
    assert format_date(date(2023, 3, 9)) == "09/03/2023"


def test_dates_in_the_future_are_refused() -> None:
    today = date(2024, 6, 1)
    assert check_not_future(today, today=today, field_label=SHIFT_DATE()) == today
    with pytest.raises(InvalidValue) as raised:
        check_not_future(date(2024, 6, 2), today=today, field_label=SHIFT_DATE())
    assert "02/06/2024" in raised.value.message.render("vi")
    assert "“Ngày tuần tra”" in raised.value.message.render("vi")
    assert "“Patrol date”" in raised.value.message.render("en")


def test_birth_dates_must_be_plausible() -> None:
    today = date(2024, 6, 1)
    assert check_birth_date(date(1900, 1, 1), today=today) == date(1900, 1, 1)
    assert error_key(check_birth_date, date(1899, 12, 31), today=today) == "birth_date.range"
    assert error_key(check_birth_date, date(2024, 6, 2), today=today) == "birth_date.range"


def test_date_order() -> None:
    labels = {"start_label": DATE_FROM(), "end_label": DATE_TO()}
    check_date_order(date(2024, 1, 1), date(2024, 1, 1), **labels)
    check_date_order(None, date(2024, 1, 1), **labels)
    with pytest.raises(InvalidValue) as raised:
        check_date_order(date(2024, 1, 2), date(2024, 1, 1), **labels)
    assert raised.value.message.key == "date.order"
    assert raised.value.message.render("en") == (
        "“To date” (01/01/2024) must be on or after “From date” (02/01/2024). Please correct it."
    )


@pytest.mark.parametrize(
    ("value", "masked"),
    [("079303001234", "********1234"), ("", ""), (None, ""), ("1234", "1234")],
)
def test_mask_citizen_id(value: str | None, masked: str) -> None:
    assert mask_citizen_id(value) == masked


def test_error_collector_raises_every_field_together() -> None:
    errors = ErrorCollector()
    errors.raise_if_any()  # nothing collected, nothing raised
    for field, check in [
        ("citizen_id", lambda: check_citizen_id("123")),
        ("phone", lambda: check_phone("0112345678")),
    ]:
        _, invalid = attempt(check)
        assert invalid is not None
        errors.add(field, invalid.message)
    with pytest.raises(ValidationFailed) as raised:
        errors.raise_if_any()
    assert raised.value.fields() == {"citizen_id", "phone"}
    assert "12" in raised.value.render("vi")
    assert "citizen_id:" in str(raised.value)
