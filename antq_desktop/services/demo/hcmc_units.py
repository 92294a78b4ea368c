"""The units and the 42 programs of the hcmc-2023 scenario.

District codes are the national (GSO) codes of Hồ Chí Minh City's 22 district-level units before the
2025 reorganisation. Ward codes follow the GSO list as of 2023, after the 2020 mergers that left
District 4 with 13 wards (Phường 05 and Phường 12 no longer exist).
"""

from __future__ import annotations

from datetime import date

from antq_desktop.domain.enums import MaintainingBody, ProgramKind, Rating
from antq_desktop.services.demo.programs import ProgramSpec

CITY_CODE = "79"
CITY_NAME = "TP. Hồ Chí Minh"
CITY_PLACE = "Thành phố Hồ Chí Minh"
DISTRICT4_CODE = "773"

DISTRICTS: tuple[tuple[str, str], ...] = (
    ("760", "Quận 1"),
    ("761", "Quận 12"),
    ("764", "Quận Gò Vấp"),
    ("765", "Quận Bình Thạnh"),
    ("766", "Quận Tân Bình"),
    ("767", "Quận Tân Phú"),
    ("768", "Quận Phú Nhuận"),
    ("769", "Thành phố Thủ Đức"),
    ("770", "Quận 3"),
    ("771", "Quận 10"),
    ("772", "Quận 11"),
    ("773", "Quận 4"),
    ("774", "Quận 5"),
    ("775", "Quận 6"),
    ("776", "Quận 8"),
    ("777", "Quận Bình Tân"),
    ("778", "Quận 7"),
    ("783", "Huyện Củ Chi"),
    ("784", "Huyện Hóc Môn"),
    ("785", "Huyện Bình Chánh"),
    ("786", "Huyện Nhà Bè"),
    ("787", "Huyện Cần Giờ"),
)

# Ward codes follow the GSO list as of 2023 (District 4 after the 2020 mergers).
DISTRICT4_WARDS: tuple[tuple[str, str], ...] = (
    ("27259", "Phường 13"),
    ("27262", "Phường 09"),
    ("27265", "Phường 06"),
    ("27268", "Phường 08"),
    ("27271", "Phường 10"),
    ("27277", "Phường 18"),
    ("27280", "Phường 14"),
    ("27283", "Phường 04"),
    ("27286", "Phường 03"),
    ("27289", "Phường 16"),
    ("27292", "Phường 02"),
    ("27295", "Phường 15"),
    ("27298", "Phường 01"),
)


def ward_place(name: str) -> str:
    """ "Phường 09" is written "Phường 9" in addresses and date lines."""
    prefix, _, number = name.rpartition(" ")
    return f"{prefix} {int(number)}" if number.isdigit() else name


_CAMERA = ProgramKind.CAMERA_SURVEILLANCE
_DIGITAL = ProgramKind.DIGITAL_SERVICES_SUPPORT
_HOUSEHOLD = ProgramKind.HOUSEHOLD_GROUP
_BOARDING = ProgramKind.BOARDING_HOUSE
_POST = ProgramKind.CIVIL_DEFENCE_POST
_APARTMENT = ProgramKind.APARTMENT_BLOCK
_TAXI = ProgramKind.MOTORBIKE_TAXI
_CLUB = ProgramKind.LANDLORD_WOMEN_WORKER_CLUB
_REHAB = ProgramKind.REHABILITATION_5_PLUS_1
_POLICE = MaintainingBody.POLICE
_FRONT = MaintainingBody.FATHERLAND_FRONT
_UNIONS = MaintainingBody.UNIONS
_WARD = MaintainingBody.WARD_AUTHORITY
_E, _P, _I = Rating.EFFECTIVE, Rating.PARTLY_EFFECTIVE, Rating.INEFFECTIVE


def _spec(
    key: str,
    unit: str,
    name: str,
    kind: ProgramKind,
    body: MaintainingBody,
    started: tuple[int, int, int],
    budget_million: int,
    rating: Rating | None,
    description: str = "",
    last_quarter: tuple[int, int] = (2023, 4),
) -> ProgramSpec:
    started_on = date(*started)
    return ProgramSpec(
        key, unit, name, kind, body, started_on, budget_million, rating, last_quarter, description
    )


_CAMERAS_2023 = "4.258 đầu ghi hình, hơn 30.000 camera kết nối tại 22 quận, huyện và TP. Thủ Đức"
_CLUBS_2023 = "Khoảng 4.000 câu lạc bộ ở các khu nhà trọ, khu chế xuất, khu công nghiệp"
_FIVE_PLUS_ONE = "Mỗi người được năm thành viên các tổ chức ở khu phố và gia đình cùng giúp đỡ"

# 42 programs, 19 maintained by the police, 8 of those rated effective in their latest review.
# District 4's programs cost 6.27 billion đồng a year in all (a district spends 5-7 billion).
# fmt: off
PROGRAMS: tuple[ProgramSpec, ...] = (
    _spec("city_camera", "79", "Camera giám sát an ninh, trật tự Thành phố", _CAMERA, _POLICE,
          (2017, 3, 15), 24_000, _E, _CAMERAS_2023),
    _spec("city_digital", "79",
          "Công an hỗ trợ người dân thực hiện dịch vụ công trực tuyến và tố giác tội phạm",
          _DIGITAL, _POLICE, (2021, 7, 1), 3_500, _E),
    _spec("city_clubs", "79", "Câu lạc bộ chủ nhà trọ, nữ công nhân", _CLUB, _UNIONS,
          (2016, 3, 8), 6_000, _P, _CLUBS_2023),
    _spec("q4_apartment", "773", "Tổ tự quản an ninh trật tự chung cư Quận 4", _APARTMENT,
          _POLICE, (2020, 10, 1), 1_800, _E),
    _spec("q4_rehab", "773", 'Mô hình "5+1" giúp đỡ người lầm lỗi tái hòa nhập cộng đồng Quận 4',
          _REHAB, _POLICE, (2015, 1, 1), 900, _E, _FIVE_PLUS_ONE),
    _spec("q4_camera", "773", "Camera an ninh khu dân cư Quận 4", _CAMERA, _WARD, (2018, 5, 19),
          2_100, _P),
    _spec("q4_household", "773", "Tổ liên gia tự quản an ninh trật tự Quận 4", _HOUSEHOLD, _FRONT,
          (2016, 9, 1), 600, _P),
    _spec("q4_clubs", "773", "Câu lạc bộ chủ nhà trọ Quận 4", _CLUB, _UNIONS, (2019, 3, 8), 350,
          _I),
    _spec("p18_post", "27277", "Chốt dân phòng tự quản Phường 18", _POST, _WARD, (2017, 4, 1),
          250, _P),
    _spec("p1_digital", "27298",
          "Công an Phường 1 hướng dẫn người dân cài đặt VNeID, làm dịch vụ công trực tuyến",
          _DIGITAL, _POLICE, (2022, 3, 1), 120, _P),
    _spec("p16_boarding", "27289", "Khu nhà trọ tự quản Phường 16", _BOARDING, _WARD,
          (2020, 6, 1), 150, None),
    _spec("q1_taxi", "760", "Tổ xe ôm tự quản Quận 1", _TAXI, _POLICE, (2016, 5, 1), 450, _E),
    _spec("q1_posts", "760", "Chốt dân phòng tự quản Quận 1", _POST, _WARD, (2015, 6, 1), 1_900,
          _P),
    _spec("q1_camera", "760", "Camera an ninh các tuyến phố đi bộ Quận 1", _CAMERA, _POLICE,
          (2018, 1, 15), 3_200, _P),
    _spec("q7_taxi", "778", "Tổ xe ôm tự quản Quận 7", _TAXI, _POLICE, (2017, 8, 1), 380, _E),
    _spec("q7_posts", "778", "Chốt dân phòng tự quản Quận 7", _POST, _WARD, (2016, 3, 1), 1_600,
          _P),
    _spec("q7_apartment", "778", "Tổ tự quản an ninh trật tự chung cư Quận 7", _APARTMENT,
          _POLICE, (2019, 6, 1), 1_400, _P),
    _spec("bt_apartment", "765", "Tổ tự quản chung cư Quận Bình Thạnh", _APARTMENT, _FRONT,
          (2018, 4, 1), 1_200, _I),
    _spec("bt_rehab", "765", 'Mô hình "5+1" Quận Bình Thạnh', _REHAB, _POLICE, (2016, 2, 1), 800,
          _P, _FIVE_PLUS_ONE),
    _spec("gv_household", "764", "Tổ liên gia tự quản Quận Gò Vấp", _HOUSEHOLD, _FRONT,
          (2015, 9, 1), 900, _P),
    _spec("gv_boarding", "764", "Khu nhà trọ tự quản Quận Gò Vấp", _BOARDING, _POLICE,
          (2017, 2, 1), 700, _I),
    _spec("tb_camera", "766", "Camera an ninh khu dân cư Quận Tân Bình", _CAMERA, _POLICE,
          (2018, 9, 1), 2_600, _E),
    _spec("tb_clubs", "766", "Câu lạc bộ nữ công nhân Quận Tân Bình", _CLUB, _UNIONS,
          (2018, 3, 8), 300, _P),
    _spec("tp_boarding", "767", "Khu nhà trọ tự quản Quận Tân Phú", _BOARDING, _WARD,
          (2016, 7, 1), 500, _P, last_quarter=(2023, 3)),
    _spec("pn_household", "768", "Tổ liên gia tự quản Quận Phú Nhuận", _HOUSEHOLD, _FRONT,
          (2017, 1, 1), 400, None),
    _spec("td_boarding", "769", "Khu nhà trọ tự quản thành phố Thủ Đức", _BOARDING, _POLICE,
          (2021, 3, 1), 900, _P),
    _spec("td_clubs", "769", "Câu lạc bộ chủ nhà trọ, nữ công nhân thành phố Thủ Đức", _CLUB,
          _UNIONS, (2021, 3, 8), 650, _P),
    _spec("td_camera", "769", "Camera an ninh thành phố Thủ Đức", _CAMERA, _POLICE, (2021, 6, 1),
          4_100, _I),
    _spec("q3_digital", "770", "Công an Quận 3 hỗ trợ người dân làm dịch vụ công trực tuyến",
          _DIGITAL, _POLICE, (2022, 1, 1), 200, _P),
    _spec("q10_apartment", "771", "Tổ tự quản chung cư Quận 10", _APARTMENT, _POLICE,
          (2019, 9, 1), 700, _I),
    _spec("q11_household", "772", "Tổ liên gia tự quản Quận 11", _HOUSEHOLD, _WARD, (2018, 2, 1),
          450, _P, last_quarter=(2023, 3)),
    _spec("q5_posts", "774", "Chốt dân phòng tự quản Quận 5", _POST, _WARD, (2016, 1, 1), 800,
          None),
    _spec("q6_rehab", "775", 'Mô hình "5+1" Quận 6', _REHAB, _FRONT, (2017, 5, 1), 500, _P,
          _FIVE_PLUS_ONE),
    _spec("q8_boarding", "776", "Khu nhà trọ tự quản Quận 8", _BOARDING, _POLICE, (2016, 10, 1),
          600, _P),
    _spec("q8_taxi", "776", "Tổ xe ôm tự quản Quận 8", _TAXI, _WARD, (2019, 4, 1), 200, _I),
    _spec("btan_clubs", "777", "Câu lạc bộ chủ nhà trọ Quận Bình Tân", _CLUB, _UNIONS,
          (2015, 10, 1), 900, _P),
    _spec("btan_boarding", "777", "Khu nhà trọ tự quản Quận Bình Tân", _BOARDING, _POLICE,
          (2016, 4, 1), 1_100, _E),
    _spec("q12_clubs", "761", "Câu lạc bộ nữ công nhân Quận 12", _CLUB, _UNIONS, (2017, 3, 8),
          400, _P),
    _spec("cc_household", "783", "Tổ liên gia tự quản Huyện Củ Chi", _HOUSEHOLD, _WARD,
          (2019, 1, 1), 350, _I),
    _spec("hm_boarding", "784", "Khu nhà trọ tự quản Huyện Hóc Môn", _BOARDING, _POLICE,
          (2018, 8, 1), 500, None),
    _spec("bc_clubs", "785", "Câu lạc bộ chủ nhà trọ Huyện Bình Chánh", _CLUB, _UNIONS,
          (2020, 3, 8), 450, _P),
    _spec("nb_posts", "786", "Chốt dân phòng tự quản Huyện Nhà Bè", _POST, _WARD, (2020, 1, 1),
          300, _P),
)
# fmt: on
