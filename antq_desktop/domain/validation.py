"""Value checks shared by every entry path (window, command line, import, sync).

Each check returns the cleaned value or raises `InvalidValue` with a bilingual message that says
what is wrong and how to fix it. Services collect these per field into `ValidationFailed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from antq_desktop.domain.enums import Gender
from antq_desktop.domain.messages import Message, message
from antq_desktop.domain.provinces import CITIZEN_ID_PROVINCES


class InvalidValue(ValueError):
    """One value is wrong; `message` says why in the user's language."""

    def __init__(self, msg: Message) -> None:
        super().__init__(msg.render("en"))
        self.message = msg


@dataclass(frozen=True)
class FieldError:
    """An error attached to a named field of a form (`field` is the English attribute name)."""

    field: str
    message: Message

    def render(self, language: str = "vi") -> str:
        return self.message.render(language)


class ValidationFailed(ValueError):
    """A record was refused; nothing was saved. `errors` names each field and what is wrong."""

    def __init__(self, errors: list[FieldError] | tuple[FieldError, ...]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        super().__init__("; ".join(f"{e.field}: {e.render('en')}" for e in self.errors))

    def render(self, language: str = "vi") -> str:
        return "; ".join(error.render(language) for error in self.errors)

    def fields(self) -> set[str]:
        return {error.field for error in self.errors}


class ErrorCollector:
    """Gathers field errors while a service checks a whole record, then raises them together."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, msg: Message) -> None:
        self.errors.append(FieldError(field, msg))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)


REQUIRED = message(
    "required",
    "Chưa nhập “{field}”: ô này bắt buộc.",
    "“{field}” is required: please fill it in.",
)
TOO_LONG = message(
    "too_long",
    "“{field}” dài quá {limit} ký tự. Hãy rút gọn.",
    "“{field}” is longer than {limit} characters. Please shorten it.",
)
CITIZEN_ID_FORMAT = message(
    "citizen_id.format",
    "Số CCCD phải gồm đúng 12 chữ số (đang có {count}). Hãy kiểm tra lại trên thẻ.",
    "A citizen ID must be exactly 12 digits (this has {count}). Please check the card.",
)
CITIZEN_ID_PROVINCE = message(
    "citizen_id.province",
    "Ba chữ số đầu của CCCD ({code}) không phải mã tỉnh/thành hợp lệ. Hãy kiểm tra lại.",
    "The first three digits of the citizen ID ({code}) are not a valid province code. "
    "Please check it.",
)
CITIZEN_ID_CENTURY = message(
    "citizen_id.century",
    "Chữ số thứ tư của CCCD ({digit}) không khớp với năm sinh {year}. "
    "Hãy kiểm tra số CCCD hoặc ngày sinh.",
    "The fourth digit of the citizen ID ({digit}) does not match the birth year {year}. "
    "Please check the ID or the birth date.",
)
CITIZEN_ID_YEAR = message(
    "citizen_id.year",
    "Chữ số thứ năm và sáu của CCCD ({digits}) phải là hai số cuối của năm sinh {year}. "
    "Hãy kiểm tra số CCCD hoặc ngày sinh.",
    "Digits five and six of the citizen ID ({digits}) must be the last two digits of the birth "
    "year {year}. Please check the ID or the birth date.",
)
CITIZEN_ID_GENDER = message(
    "citizen_id.gender",
    "Chữ số thứ tư của CCCD ({digit}) chỉ giới tính {id_gender}, nhưng giới tính đã chọn là "
    "{gender}. Hãy kiểm tra lại.",
    "The fourth digit of the citizen ID ({digit}) means {id_gender}, but the gender chosen is "
    "{gender}. Please check.",
)
PHONE_FORMAT = message(
    "phone.format",
    "Số điện thoại {value} không hợp lệ: di động có 10 chữ số (ví dụ 0912 345 678), "
    "cố định có 11 chữ số bắt đầu bằng 02 (ví dụ 028 3825 1234).",
    "The phone number {value} is not valid: a mobile has 10 digits (e.g. 0912 345 678), a "
    "landline 11 digits starting with 02 (e.g. 028 3825 1234).",
)
PHONE_PREFIX = message(
    "phone.prefix",
    "Đầu số {prefix} không phải đầu số di động Việt Nam. Hãy kiểm tra lại số điện thoại.",
    "{prefix} is not a Vietnamese mobile prefix. Please check the phone number.",
)
DATE_IN_FUTURE = message(
    "date.future",
    "“{field}” ({value}) không thể sau ngày hôm nay ({today}). Hãy sửa lại ngày.",
    "“{field}” ({value}) cannot be after today ({today}). Please correct the date.",
)
NOT_A_DATE = message(
    "date.not_a_date",
    "“{field}”: “{value}” không phải là ngày. Hãy gõ theo dạng dd/mm/yyyy, ví dụ 31/12/2023.",
    "“{field}”: “{value}” is not a date. Type it as dd/mm/yyyy, e.g. 31/12/2023.",
)
DATE_ORDER = message(
    "date.order",
    "“{end_field}” ({end}) phải sau hoặc bằng “{start_field}” ({start}). Hãy sửa lại ngày.",
    "“{end_field}” ({end}) must be on or after “{start_field}” ({start}). Please correct it.",
)
TIME_ORDER = message(
    "time.order",
    "Giờ kết thúc ({end}) phải sau giờ bắt đầu ({start}).",
    "The end time ({end}) must be after the start time ({start}).",
)
NOT_NEGATIVE = message(
    "number.negative",
    "“{field}” không được là số âm. Hãy nhập 0 hoặc số dương.",
    "“{field}” cannot be negative. Enter 0 or a positive number.",
)
BIRTH_DATE_RANGE = message(
    "birth_date.range",
    "Ngày sinh {value} không hợp lý: phải sau năm 1900 và không sau hôm nay.",
    "The birth date {value} is not plausible: it must be after 1900 and not after today.",
)

_DIGITS_ONLY: Final = re.compile(r"\d+")
_PHONE_JUNK: Final = re.compile(r"[\s.\-()/]")
MOBILE_PREFIXES: Final = frozenset(
    [f"03{d}" for d in range(2, 10)]
    + ["052", "055", "056", "058", "059"]
    + ["070", "076", "077", "078", "079"]
    + [f"08{d}" for d in range(1, 10)]
    + ["090", "091", "092", "093", "094", "096", "097", "098", "099"]
)


def format_date(value: date) -> str:
    """dd/mm/yyyy, the way dates are written in Vietnam."""
    return value.strftime("%d/%m/%Y")


def _century_digit(year: int, gender: Gender) -> int:
    """The fourth digit of a CCCD: 0/1 for 1900s, 2/3 for 2000s, …, 8/9 for 2300s (male/female)."""
    century_index = {19: 0, 20: 1, 21: 2, 22: 3, 23: 4}[year // 100]
    return century_index * 2 + (1 if gender is Gender.FEMALE else 0)


def check_citizen_id(
    value: str, *, birth_date: date | None = None, gender: Gender | None = None
) -> str:
    """A 12-digit citizen ID (CCCD); spaces and dots typed between groups are ignored.

    Digits 1-3 are the province code of the place of birth registration, digit 4 encodes century
    and gender, digits 5-6 are the last two digits of the birth year.
    """
    digits = _PHONE_JUNK.sub("", value)
    if not (len(digits) == 12 and digits.isascii() and digits.isdigit()):
        raise InvalidValue(CITIZEN_ID_FORMAT(count=len(digits)))
    if digits[:3] not in CITIZEN_ID_PROVINCES:
        raise InvalidValue(CITIZEN_ID_PROVINCE(code=digits[:3]))
    fourth = int(digits[3])
    if gender is not None:
        id_gender = Gender.FEMALE if fourth % 2 else Gender.MALE
        if id_gender is not gender:
            raise InvalidValue(CITIZEN_ID_GENDER(digit=fourth, id_gender=id_gender, gender=gender))
    if birth_date is not None and 1900 <= birth_date.year < 2400:
        expected_century = _century_digit(birth_date.year, Gender.MALE) // 2
        if fourth // 2 != expected_century:
            raise InvalidValue(CITIZEN_ID_CENTURY(digit=fourth, year=birth_date.year))
        if digits[4:6] != f"{birth_date.year % 100:02d}":
            raise InvalidValue(CITIZEN_ID_YEAR(digits=digits[4:6], year=birth_date.year))
    return digits


def check_phone(value: str) -> str:
    """A Vietnamese phone number, returned as digits starting with 0 (+84 is accepted)."""
    digits = _PHONE_JUNK.sub("", value)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not (digits.isascii() and digits.isdigit() and digits.startswith("0")):
        raise InvalidValue(PHONE_FORMAT(value=value))
    if digits.startswith("02"):
        if len(digits) != 11:
            raise InvalidValue(PHONE_FORMAT(value=value))
        return digits
    if len(digits) != 10:
        raise InvalidValue(PHONE_FORMAT(value=value))
    if digits[:3] not in MOBILE_PREFIXES:
        raise InvalidValue(PHONE_PREFIX(prefix=digits[:3]))
    return digits


def check_not_future(value: date, *, today: date, field_label: Message) -> date:
    """`field_label` is the field's label message, so the text reads right in either language."""
    if value > today:
        raise InvalidValue(
            DATE_IN_FUTURE(field=field_label, value=format_date(value), today=format_date(today))
        )
    return value


def check_birth_date(value: date, *, today: date) -> date:
    if value.year < 1900 or value > today:
        raise InvalidValue(BIRTH_DATE_RANGE(value=format_date(value)))
    return value


def check_date_order(
    start: date | None, end: date | None, *, start_label: Message, end_label: Message
) -> None:
    """Refuse an end before its start; either may be empty (nothing to compare)."""
    if start is not None and end is not None and end < start:
        raise InvalidValue(
            DATE_ORDER(
                start_field=start_label,
                end_field=end_label,
                start=format_date(start),
                end=format_date(end),
            )
        )


def mask_citizen_id(value: str | None) -> str:
    """Show only the last four digits: `********1234`."""
    if not value:
        return ""
    return "*" * (len(value) - 4) + value[-4:]
