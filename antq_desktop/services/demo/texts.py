"""The words of the demo: what patrols found, where they went, how follow-ups and reviews read."""

from __future__ import annotations

from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    FollowUpAssessment,
    Gender,
    Rating,
    SupportKind,
)

Finding = tuple[FindingCategory, FindingAction, str]

_THEFT, _DISORDER, _FIRE = (
    FindingCategory.THEFT,
    FindingCategory.DISORDER,
    FindingCategory.FIRE_SAFETY,
)
_DRUGS, _TRAFFIC, _OTHER = FindingCategory.DRUGS, FindingCategory.TRAFFIC, FindingCategory.OTHER
_REMIND, _POLICE = FindingAction.REMINDED, FindingAction.HANDED_TO_POLICE
_RESOLVED = FindingAction.RESOLVED

APARTMENT_FINDINGS: tuple[tuple[Finding, int], ...] = (
    (
        (
            _THEFT,
            _REMIND,
            "Xe máy để ở hành lang không khóa cổ, đã nhắc chủ xe khóa và đưa xuống hầm",
        ),
        9,
    ),
    ((_THEFT, _REMIND, "Cửa căn hộ mở, chủ nhà vắng, đã báo người thân về khóa cửa"), 5),
    (
        (
            _THEFT,
            _POLICE,
            "Người lạ đi lại nhiều lần ở tầng hầm để xe, đã mời về Công an phường làm rõ",
        ),
        4,
    ),
    (
        (
            _THEFT,
            _POLICE,
            "Cư dân báo mất xe đạp ở sân chung cư, đã ghi nhận và báo Công an phường",
        ),
        3,
    ),
    ((_THEFT, _POLICE, "Bắt quả tang đối tượng cạy cốp xe máy, đã giao Công an phường xử lý"), 2),
    ((_FIRE, _REMIND, "Bình gas đặt sát bếp ở hành lang, đã nhắc chuyển vào trong căn hộ"), 8),
    ((_FIRE, _REMIND, "Lối thoát hiểm bị chắn bởi đồ đạc, đã nhắc các hộ dọn trống"), 8),
    ((_FIRE, _REMIND, "Đốt vàng mã ở hành lang, đã nhắc và hướng dẫn nơi đốt an toàn"), 4),
    ((_FIRE, _RESOLVED, "Bình chữa cháy tầng 4 hết hạn, Ban quản trị đã thay bình mới"), 4),
    ((_FIRE, _RESOLVED, "Ổ điện quá tải ở khu sạc xe điện, đã ngắt bớt và báo thợ sửa"), 3),
    ((_FIRE, _RESOLVED, "Cửa thoát hiểm tầng trệt bị khóa, đã yêu cầu mở lại ngay"), 3),
    (
        (
            _DISORDER,
            _REMIND,
            "Nhóm thanh niên tụ tập uống rượu, gây ồn sau 22 giờ, đã nhắc giải tán",
        ),
        6,
    ),
    ((_DISORDER, _REMIND, "Hát karaoke gây ồn sau 22 giờ, đã nhắc tắt loa"), 5),
    ((_DISORDER, _RESOLVED, "Hai hộ cãi nhau về chỗ để xe, tổ đã hòa giải xong"), 3),
    ((_DISORDER, _POLICE, "Người say rượu gây rối ở sảnh, đã báo Công an phường đưa về"), 2),
    (
        (
            _DRUGS,
            _POLICE,
            "Nhóm người có biểu hiện sử dụng ma túy trên sân thượng, đã báo Công an phường",
        ),
        2,
    ),
    (
        (
            _DRUGS,
            _POLICE,
            "Phát hiện dụng cụ sử dụng ma túy ở cầu thang bộ, đã giao Công an phường",
        ),
        1,
    ),
    ((_TRAFFIC, _REMIND, "Xe máy đậu lấn lối đi trước cổng chung cư, đã nhắc dời xe"), 3),
    ((_OTHER, _RESOLVED, "Bóng đèn hành lang tầng 3 hỏng, Ban quản trị đã thay"), 3),
    ((_OTHER, _REMIND, "Chó thả rông không rọ mõm ở sân chung cư, đã nhắc chủ nuôi"), 2),
    ((_OTHER, _REMIND, "Người lạ dán tờ rơi cho vay nặng lãi, đã nhắc và gỡ bỏ"), 2),
)

STREET_FINDINGS: tuple[tuple[Finding, int], ...] = (
    ((_THEFT, _POLICE, "Khách bị giật điện thoại, tổ hỗ trợ truy đuổi, giao Công an phường"), 3),
    ((_THEFT, _REMIND, "Xe máy dựng trước nhà không khóa, đã nhắc chủ xe"), 8),
    (
        (
            _THEFT,
            _POLICE,
            "Đối tượng khả nghi lảng vảng trong hẻm lúc khuya, đã báo Công an phường",
        ),
        3,
    ),
    ((_FIRE, _REMIND, "Hộ kinh doanh để hàng hóa dễ cháy sát đường dây điện, đã nhắc"), 5),
    ((_FIRE, _RESOLVED, "Chập điện gây cháy nhỏ ở đầu hẻm, tổ đã dập tắt bằng bình chữa cháy"), 2),
    ((_FIRE, _REMIND, "Nhà vắng chủ còn để bếp nấu, đã báo hàng xóm và người thân"), 2),
    ((_DISORDER, _REMIND, "Nhóm thanh niên tụ tập gây ồn trong hẻm, đã nhắc giải tán"), 6),
    ((_DISORDER, _REMIND, "Xe ôm tranh giành, chèo kéo khách, đã nhắc nhở"), 3),
    ((_DISORDER, _POLICE, "Đánh nhau sau khi uống rượu, đã can ngăn và báo Công an phường"), 2),
    (
        (
            _DRUGS,
            _POLICE,
            "Phát hiện người có biểu hiện sử dụng ma túy ở khu đất trống, báo Công an",
        ),
        1,
    ),
    ((_TRAFFIC, _REMIND, "Buôn bán lấn chiếm lòng đường, đã nhắc thu dọn"), 6),
    ((_TRAFFIC, _RESOLVED, "Va chạm giao thông nhẹ, tổ đã hỗ trợ hai bên tự thỏa thuận"), 3),
    ((_OTHER, _RESOLVED, "Hướng dẫn khách lạc đường, đưa về nơi lưu trú"), 3),
    ((_OTHER, _RESOLVED, "Đèn chiếu sáng trong hẻm hỏng, đã báo khu phố sửa"), 2),
)

APARTMENT_AREAS = (
    "Tầng hầm để xe và sảnh chính",
    "Hành lang các tầng, cầu thang bộ",
    "Sân chung cư, khu vui chơi trẻ em",
    "Sân thượng, phòng kỹ thuật điện nước",
    "Cổng ra vào và bãi xe",
)
SHIFT_NOTES = (
    "Phối hợp Công an phường cùng tuần tra",
    "Trời mưa, rút ngắn thời gian tuần tra",
    "Kiểm tra phòng cháy chữa cháy định kỳ",
    "Có dân quân tự vệ phường tham gia",
)

FOLLOW_UP_NOTES: dict[FollowUpAssessment, tuple[str, ...]] = {
    FollowUpAssessment.GOOD: (
        "Có việc làm ổn định, chấp hành tốt quy định của địa phương",
        "Tích cực tham gia sinh hoạt khu phố",
        "Gia đình cho biết có nhiều tiến bộ",
    ),
    FollowUpAssessment.STABLE: (
        "Sinh hoạt bình thường, chưa có việc làm ổn định",
        "Chấp hành trình báo đúng hẹn",
        "Đang làm phụ hồ theo ngày",
    ),
    FollowUpAssessment.CONCERN: (
        "Hay tụ tập với bạn bè cũ, cần nhắc nhở thêm",
        "Thất nghiệp, hoàn cảnh gia đình khó khăn",
        "Có lúc vắng mặt ở địa phương không báo",
    ),
    FollowUpAssessment.SERIOUS_CONCERN: (
        "Có biểu hiện sử dụng lại ma túy, đã báo Công an phường",
        "Quan hệ với đối tượng có tiền án, nguy cơ tái phạm cao",
    ),
}

EVALUATION_COMMENTS: dict[Rating, tuple[str, ...]] = {
    Rating.EFFECTIVE: (
        "Duy trì đều, phát hiện và xử lý kịp thời nhiều vụ việc; đề nghị nhân rộng",
        "Hoạt động hiệu quả, người dân đồng tình hưởng ứng",
    ),
    Rating.PARTLY_EFFECTIVE: (
        "Hoạt động chưa đều, cần củng cố lực lượng nòng cốt",
        "Có kết quả bước đầu, một số tổ sinh hoạt còn thưa",
    ),
    Rating.INEFFECTIVE: (
        "Hoạt động hình thức, đề nghị củng cố hoặc giải thể",
        "Không duy trì sinh hoạt trong quý, cần kiện toàn lại",
    ),
}

SUPPORT_PROVIDERS: dict[SupportKind, tuple[str, ...]] = {
    SupportKind.JOB_REFERRAL: (
        "Trung tâm Dịch vụ việc làm Thành phố Hồ Chí Minh",
        "Công ty may mặc trong Khu chế xuất Tân Thuận",
        "Cơ sở sửa chữa xe máy trong khu phố",
        "Đội bốc xếp Cảng Sài Gòn",
        "Công ty dịch vụ bảo vệ",
        "Quán ăn trên đường Vĩnh Khánh",
    ),
    SupportKind.VOCATIONAL_TRAINING: (
        "Trung tâm Giáo dục nghề nghiệp {district}",
        "Lớp nghề sửa chữa xe máy tại khu phố",
        "Lớp nghề nấu ăn của Hội Liên hiệp Phụ nữ {district}",
        "Lớp nghề điện dân dụng",
    ),
    SupportKind.LOAN: (
        "Ngân hàng Chính sách xã hội {district}",
        "Quỹ hỗ trợ vốn của Hội Liên hiệp Phụ nữ phường",
    ),
    SupportKind.OTHER: (
        "Hỗ trợ làm lại căn cước công dân",
        "Hỗ trợ thẻ bảo hiểm y tế",
        "Quà Tết của Ủy ban Mặt trận Tổ quốc phường",
    ),
}

FAMILY_RELATIONS: tuple[tuple[str, Gender, bool], ...] = (
    ("mẹ", Gender.FEMALE, False),
    ("cha", Gender.MALE, True),
    ("anh trai", Gender.MALE, True),
    ("chị gái", Gender.FEMALE, True),
)
"""The "+1" of a case besides a spouse: relation, gender, and whether they share the family name."""
