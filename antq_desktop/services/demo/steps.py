"""What the demo build says while it works, in both languages (a large build takes a while)."""

from __future__ import annotations

from collections.abc import Callable

from antq_desktop.domain.messages import Message, message

Progress = Callable[[Message], None]

UNITS = message(
    "demo.progress.units",
    "Đang tạo {districts} quận, huyện và {wards} phường của Quận 4…",
    "Creating {districts} districts and the {wards} wards of District 4…",
)
PROGRAMS = message(
    "demo.progress.programs", "Đang tạo {count} mô hình…", "Creating {count} programs…"
)
DISTRICT4_PATROLS = message(
    "demo.progress.district4_patrols",
    "Đang tạo tổ tự quản chung cư và ca tuần tra của Quận 4…",
    "Creating District 4's apartment-block groups and their patrol shifts…",
)
DISTRICT4_REHAB = message(
    "demo.progress.district4_rehab",
    'Đang tạo hồ sơ giúp đỡ "5+1" của Quận 4…',
    'Creating District 4\'s "5+1" cases…',
)
OTHER_DISTRICTS = message(
    "demo.progress.other_districts",
    "Đang tạo tổ tự quản, ca tuần tra và hồ sơ 5+1 của các quận khác…",
    "Creating the groups, patrol shifts and 5+1 cases of the other districts…",
)
EVALUATIONS = message(
    "demo.progress.evaluations",
    "Đang tạo đánh giá quý {first}–{last}…",
    "Creating the quarterly evaluations {first}–{last}…",
)
SCALE_WARD = message(
    "demo.progress.scale_ward",
    "Quận mẫu: đang tạo phường {number}/{wards}…",
    "Synthetic district: creating ward {number}/{wards}…",
)
SCALE_YEAR = message(
    "demo.progress.scale_year",
    "Quận mẫu: đang tạo ca tuần tra năm {year}…",
    "Synthetic district: creating the patrol shifts of {year}…",
)
FINISHING = message(
    "demo.progress.finishing",
    "Đang tạo chỉ mục và kiểm tra dữ liệu…",
    "Building the indexes and checking the data…",
)
