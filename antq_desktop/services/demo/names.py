"""Vietnamese people for the demo: names, addresses in District 4, valid CCCDs and phone numbers.

Everything is drawn from a seeded `random.Random`, so the same seed gives the same people. Names
follow the frequencies of southern Vietnam (Nguyễn, Trần, Lê, Phạm, Huỳnh…); citizen IDs agree
with the gender and birth year (`domain.validation.check_citizen_id`): mostly born in Hồ Chí Minh
City (079), some migrants from other provinces; phones use real mobile prefixes.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate

from antq_desktop.domain.enums import Gender
from antq_desktop.domain.text import fold, name_sort_key
from antq_desktop.domain.validation import MOBILE_PREFIXES
from antq_desktop.services.demo.writer import BulkWriter
from antq_desktop.services.people import search_text


def _words(text: str, separator: str = " ") -> tuple[str, ...]:
    return tuple(text.split(separator))


def _weighted(text: str) -> tuple[tuple[str, float], ...]:
    """ "Nguyễn 31.5, Trần 10.9" → (("Nguyễn", 31.5), ("Trần", 10.9))."""
    pairs = (item.rsplit(" ", 1) for item in _words(text, ", "))
    return tuple((name, float(weight)) for name, weight in pairs)


# Shares in per cent, as in southern Vietnam.
FAMILY_NAMES = _weighted(
    "Nguyễn 31.5, Trần 10.9, Lê 9.5, Phạm 7.0, Huỳnh 5.0, Phan 4.5, Võ 4.0, Hoàng 2.0, Đặng 2.0, "
    "Bùi 2.0, Đỗ 1.4, Hồ 1.3, Ngô 1.3, Trương 1.2, Dương 1.0, Vũ 1.0, Lý 0.8, Lâm 0.8, Đinh 0.6, "
    "Đoàn 0.6, Mai 0.5, Châu 0.5, Cao 0.5, Lương 0.5, Tô 0.4, Lưu 0.4, Tạ 0.3, Quách 0.3, "
    "Thái 0.3, La 0.3"
)
MALE_MIDDLE = _weighted(
    "Văn 35, Minh 8, Quốc 6, Thanh 6, Hữu 6, Tấn 6, Đức 5, Công 4, Hoàng 4, Ngọc 4, Thành 4, "
    "Trọng 3, Gia 3, Anh 3, Phước 2, Duy 2, Chí 2, Nhật 2"
)
FEMALE_MIDDLE = _weighted(
    "Thị 45, Ngọc 10, Thanh 6, Kim 6, Thu 5, Mỹ 4, Hồng 4, Bích 3, Phương 3, Thùy 3, Minh 2, "
    "Ánh 2, Diễm 2, Hoàng 2, Bảo 2"
)
MALE_GIVEN = _words(
    "An Bảo Bình Cường Danh Dũng Duy Đạt Định Đông Đức Hải Hào Hậu Hiếu Hòa Hoàng Hùng Hưng Huy "
    "Khang Khánh Khoa Kiên Lâm Lộc Lợi Long Luân Minh Nam Nghĩa Nhân Phát Phong Phúc Phước "
    "Quang Quân Sang Sơn Tài Tâm Tân Thắng Thành Thiện Thịnh Thông Tiến Tín Toàn Trí Trung Tú "
    "Tuấn Tùng Vinh Vũ"
)
FEMALE_GIVEN = _words(
    "An Anh Ánh Bích Cúc Châu Diễm Dung Duyên Đào Giang Hà Hạnh Hằng Hiền Hoa Hồng Huệ Hương "
    "Huyền Lan Liên Linh Loan Mai My Nga Ngân Ngọc Nguyệt Nhi Nhung Oanh Phương Phượng Quyên "
    "Sương Tâm Thảo Thanh Thu Thủy Thư Trang Trinh Tuyết Uyên Vân Vy Xuân Yến"
)
DISTRICT4_STREETS = _words(
    "Khánh Hội, Hoàng Diệu, Tôn Thất Thuyết, Nguyễn Tất Thành, Đoàn Văn Bơ, Bến Vân Đồn, "
    "Lê Văn Linh, Vĩnh Khánh, Xóm Chiếu, Tôn Đản, Nguyễn Hữu Hào, Lê Quốc Hưng, Đinh Lễ, "
    "Lê Thạch, Nguyễn Khoái, Trương Đình Hợi, Nguyễn Thần Hiến, Nguyễn Trường Tộ, Tân Vĩnh, "
    "Đoàn Như Hài",
    ", ",
)
APARTMENT_BLOCKS = _words(
    "Chung cư Khánh Hội 1, Chung cư Khánh Hội 2, Chung cư H3 Hoàng Diệu, Chung cư Vĩnh Hội, "
    "Chung cư H1 Hoàng Diệu, Chung cư Tôn Thất Thuyết, Chung cư Bến Vân Đồn, "
    "Chung cư Nguyễn Khoái",
    ", ",
)
OTHER_DISTRICT_STREETS: dict[str, tuple[str, ...]] = {
    "760": ("Lê Lợi", "Lê Thánh Tôn", "Hàm Nghi", "Phạm Ngũ Lão", "Bùi Viện", "Trần Hưng Đạo"),
    "778": ("Huỳnh Tấn Phát", "Nguyễn Thị Thập", "Lê Văn Lương", "Trần Xuân Soạn", "Tân Mỹ"),
    "765": ("Xô Viết Nghệ Tĩnh", "Bạch Đằng", "Nơ Trang Long", "Phan Văn Trị", "Đinh Bộ Lĩnh"),
    "775": ("Hậu Giang", "Minh Phụng", "Bình Tiên", "Kinh Dương Vương", "Văn Thân"),
}
MIGRANT_PROVINCES = _words(
    "040 038 042 051 052 049 080 082 083 087 089 091 096 094 086 084 036 034 001 031 066 064"
)
"""Province codes of migrants' birth registration (Nghệ An, Thanh Hóa, the Mekong delta…)."""

# Viettel (03x, 086, 096-098), MobiFone (07x, 089, 090, 093), VinaPhone (08x, 091, 094)…
_PREFIX_WEIGHT = {"09": 3.0, "03": 2.0, "08": 1.5, "07": 1.0, "05": 0.3}
PHONE_PREFIXES = tuple(sorted(MOBILE_PREFIXES))  # sorted: a set's order changes between runs
_PHONE_CUMULATIVE = tuple(accumulate(_PREFIX_WEIGHT[prefix[:2]] for prefix in PHONE_PREFIXES))


@dataclass(frozen=True, slots=True)
class PersonData:
    full_name: str
    gender: Gender
    birth_date: date
    citizen_id: str | None
    phone: str | None


def _cumulative(weighted: tuple[tuple[str, float], ...]) -> tuple[list[str], list[float]]:
    return [name for name, _ in weighted], list(accumulate(weight for _, weight in weighted))


def _draw(random: Callable[[], float], names: Sequence[str], cumulative: Sequence[float]) -> str:
    """A weighted choice from one `random()` draw (`Random.choices` costs several times more)."""
    return names[bisect(cumulative, random() * cumulative[-1])]


def _below(random: Callable[[], float], limit: int) -> int:
    """An integer in [0, limit) from one `random()` draw."""
    return int(random() * limit)


@lru_cache(maxsize=200_000)
def cached_sort_key(full_name: str) -> str:
    """`name_sort_key`, computed once per distinct name (names repeat a lot in a district)."""
    return name_sort_key(full_name)


@lru_cache(maxsize=100_000)
def cached_fold(text: str) -> str:
    return fold(text)


class PeopleFactory:
    """Draws people; citizen IDs and phones are unique across everyone it makes.

    At `--scale 100` it makes over 100,000 people, so it draws with `random()` and `bisect` rather
    than the slower `randint`/`choices` helpers.
    """

    def __init__(self, rng: random.Random, *, migrant_share: float = 0.15) -> None:
        self.rng = rng
        self.migrant_share = migrant_share
        self._families = _cumulative(FAMILY_NAMES)
        self._middles = {
            Gender.MALE: _cumulative(MALE_MIDDLE),
            Gender.FEMALE: _cumulative(FEMALE_MIDDLE),
        }
        self._given = {Gender.MALE: MALE_GIVEN, Gender.FEMALE: FEMALE_GIVEN}
        self._citizen_ids: set[str] = set()
        self._phones: set[str] = set()

    def full_name(self, gender: Gender) -> str:
        random = self.rng.random
        family = _draw(random, *self._families)
        middles, middle_weights = self._middles[gender]
        middle = _draw(random, middles, middle_weights)
        given_names = self._given[gender]
        given = given_names[_below(random, len(given_names))]
        if random() < 0.12:  # a second middle name: "Nguyễn Thị Ngọc Hân", "Lê Hoàng Minh Tú"
            second = _draw(random, middles, middle_weights)
            if second not in (middle, given, "Văn", "Thị"):
                middle = f"{middle} {second}"
        return f"{family} {middle} {given}"

    def birth_date(self, first_year: int, last_year: int) -> date:
        random = self.rng.random
        year = first_year + _below(random, last_year - first_year + 1)
        return date(year, 1, 1) + timedelta(days=_below(random, 365))

    def citizen_id(self, gender: Gender, birth_date: date, *, migrant: bool = False) -> str:
        """12 digits: province of birth registration, century and gender, year, then six digits."""
        random = self.rng.random
        province = MIGRANT_PROVINCES[_below(random, len(MIGRANT_PROVINCES))] if migrant else "079"
        century_gender = (birth_date.year // 100 - 19) * 2 + (gender is Gender.FEMALE)
        head = f"{province}{century_gender}{birth_date.year % 100:02d}"
        while True:
            citizen_id = f"{head}{_below(random, 1_000_000):06d}"
            if citizen_id not in self._citizen_ids:
                self._citizen_ids.add(citizen_id)
                return citizen_id

    def phone(self) -> str:
        random = self.rng.random
        while True:
            prefix = _draw(random, PHONE_PREFIXES, _PHONE_CUMULATIVE)
            phone = f"{prefix}{_below(random, 10_000_000):07d}"
            if phone not in self._phones:
                self._phones.add(phone)
                return phone

    def person(
        self,
        *,
        born: tuple[int, int],
        gender: Gender | None = None,
        male_share: float = 0.5,
        phone_share: float = 0.85,
        citizen_id_share: float = 1.0,
    ) -> PersonData:
        random = self.rng.random
        if gender is None:
            gender = Gender.MALE if random() < male_share else Gender.FEMALE
        birth_date = self.birth_date(*born)
        migrant = random() < self.migrant_share
        citizen_id = (
            self.citizen_id(gender, birth_date, migrant=migrant)
            if random() < citizen_id_share
            else None
        )
        phone = self.phone() if random() < phone_share else None
        return PersonData(self.full_name(gender), gender, birth_date, citizen_id, phone)


def house_address(rng: random.Random, streets: tuple[str, ...], ward: str, district: str) -> str:
    """A street address: "45 Đoàn Văn Bơ, Phường 9, Quận 4", "128/7 Xóm Chiếu, …", "37/12/4 …".

    For a district without wards in the demo, `ward` and `district` are the same place.
    """
    random = rng.random
    number = str(1 + _below(random, 420))
    depth = random()
    if depth < 0.45:
        number += f"/{1 + _below(random, 60)}"
        if depth < 0.12:
            number += f"/{1 + _below(random, 25)}"
    place = ward if ward == district else f"{ward}, {district}"
    return f"{number} {streets[_below(random, len(streets))]}, {place}"


def flat_address(rng: random.Random, block: str, ward: str, district: str) -> str:
    """A flat in an apartment block: "Căn hộ 5.12, Chung cư H3 Hoàng Diệu, Phường 6, Quận 4"."""
    return f"Căn hộ {rng.randint(1, 14)}.{rng.randint(1, 24):02d}, {block}, {ward}, {district}"


def write_person(
    writer: BulkWriter,
    unit_id: str,
    entered_on: date,
    person: PersonData,
    address: str,
    notes: str = "",
) -> str:
    """Queue a `people` row with its Vietnamese sort key and search text; return its id."""
    return writer.add(
        "people",
        entered_on,
        (
            unit_id,
            person.full_name,
            person.gender,
            writer.day(person.birth_date),
            person.citizen_id,
            person.phone,
            address,
            notes,
            cached_sort_key(person.full_name),
            # `services.people.search_text`, with the folded name from the cache
            search_text(cached_fold(person.full_name), person.citizen_id, person.phone),
        ),
    )
