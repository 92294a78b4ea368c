"""The closed lists of the domain. Values are stored in the database as the English code.

Each member has a Vietnamese and an English label for people (`member.label("vi")`).
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Vietnamese and an English label."""

    def label(self, language: str = "vi") -> str:
        vi, en = type(self)._labels_of()[self.value]
        return en if language == "en" else vi

    @classmethod
    def _labels_of(cls) -> dict[str, tuple[str, str]]:
        return LABELS[cls.__name__]

    @classmethod
    def parse(cls, text: str) -> LabelledEnum:
        """Accept the code or either label, ignoring case (for the command line and imports)."""
        wanted = text.strip().casefold()
        for member in cls:
            vi, en = cls._labels_of()[member.value]
            if wanted in (member.value.casefold(), vi.casefold(), en.casefold()):
                return member
        raise ValueError(text)


class UnitLevel(LabelledEnum):
    NATION = "nation"
    PROVINCE = "province"
    DISTRICT = "district"
    WARD = "ward"


class ProgramKind(LabelledEnum):
    CAMERA_SURVEILLANCE = "camera_surveillance"
    DIGITAL_SERVICES_SUPPORT = "digital_services_support"
    HOUSEHOLD_GROUP = "household_group"
    BOARDING_HOUSE = "boarding_house"
    CIVIL_DEFENCE_POST = "civil_defence_post"
    APARTMENT_BLOCK = "apartment_block"
    MOTORBIKE_TAXI = "motorbike_taxi"
    LANDLORD_WOMEN_WORKER_CLUB = "landlord_women_worker_club"
    REHABILITATION_5_PLUS_1 = "rehabilitation_5_plus_1"
    OTHER = "other"


class MaintainingBody(LabelledEnum):
    POLICE = "police"
    FATHERLAND_FRONT = "fatherland_front"
    UNIONS = "unions"
    WARD_AUTHORITY = "ward_authority"
    OTHER = "other"


class ProgramStatus(LabelledEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    ENDED = "ended"


class GroupStatus(LabelledEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    DISSOLVED = "dissolved"


class Gender(LabelledEnum):
    MALE = "male"
    FEMALE = "female"


class MemberRole(LabelledEnum):
    LEADER = "leader"
    DEPUTY = "deputy"
    MEMBER = "member"


class FindingCategory(LabelledEnum):
    THEFT = "theft"
    DISORDER = "disorder"
    FIRE_SAFETY = "fire_safety"
    DRUGS = "drugs"
    TRAFFIC = "traffic"
    OTHER = "other"


class FindingAction(LabelledEnum):
    REMINDED = "reminded"
    HANDED_TO_POLICE = "handed_to_police"
    RESOLVED = "resolved"


class RehabCategory(LabelledEnum):
    AFTER_PRISON = "after_prison"
    AFTER_DRUG_REHABILITATION = "after_drug_rehabilitation"
    COMMUNITY_EDUCATION = "community_education"
    OTHER = "other"


class RehabStatus(LabelledEnum):
    ACTIVE = "active"
    PROGRESSED = "progressed"
    REOFFENDED = "reoffended"
    MOVED_AWAY = "moved_away"
    CLOSED = "closed"


class HelperKind(LabelledEnum):
    """Where a helper of a 5+1 team comes from; FAMILY is the "+1"."""

    POLICE = "police"
    FATHERLAND_FRONT = "fatherland_front"
    WOMEN_UNION = "women_union"
    YOUTH_UNION = "youth_union"
    VETERANS_ASSOCIATION = "veterans_association"
    RESIDENTIAL_GROUP = "residential_group"
    OTHER_ORGANISATION = "other_organisation"
    FAMILY = "family"


class FollowUpKind(LabelledEnum):
    HOME_VISIT = "home_visit"
    TALK = "talk"
    PHONE_CALL = "phone_call"
    MEETING = "meeting"
    OTHER = "other"


class FollowUpAssessment(LabelledEnum):
    GOOD = "good"
    STABLE = "stable"
    CONCERN = "concern"
    SERIOUS_CONCERN = "serious_concern"


class SupportKind(LabelledEnum):
    JOB_REFERRAL = "job_referral"
    VOCATIONAL_TRAINING = "vocational_training"
    LOAN = "loan"
    OTHER = "other"


class SupportResult(LabelledEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class Rating(LabelledEnum):
    EFFECTIVE = "effective"
    PARTLY_EFFECTIVE = "partly_effective"
    INEFFECTIVE = "ineffective"


class UserRole(LabelledEnum):
    """What an account may do (`services.permissions` lists the permissions of each)."""

    ADMIN = "admin"
    OFFICER = "officer"
    LEADER = "leader"
    VIEWER = "viewer"


class AuditAction(LabelledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    UNDELETE = "undelete"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    ACCOUNT = "account"
    SETTINGS = "settings"
    BACKUP = "backup"
    RESTORE = "restore"
    IMPORT = "import"
    EXPORT = "export"
    REPORT = "report"
    ENCRYPT = "encrypt"


LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "UnitLevel": {
        "nation": ("Trung ương", "National"),
        "province": ("Tỉnh/thành phố", "Province/city"),
        "district": ("Quận/huyện", "District"),
        "ward": ("Phường/xã", "Ward/commune"),
    },
    "ProgramKind": {
        "camera_surveillance": ("Camera giám sát an ninh", "Security cameras"),
        "digital_services_support": (
            "Công an hỗ trợ người dân dịch vụ công, tố giác tội phạm",
            "Police helping residents with digital services and crime reports",
        ),
        "household_group": ("Tổ liên gia tự quản", "Self-managed household group"),
        "boarding_house": ("Khu nhà trọ tự quản", "Self-managed boarding houses"),
        "civil_defence_post": ("Chốt dân phòng tự quản", "Self-managed civil-defence post"),
        "apartment_block": ("Tổ tự quản chung cư", "Self-managed apartment block"),
        "motorbike_taxi": ("Tổ xe ôm tự quản", "Self-managed motorbike-taxi group"),
        "landlord_women_worker_club": (
            "Câu lạc bộ chủ nhà trọ, nữ công nhân",
            "Landlord / women-worker club",
        ),
        "rehabilitation_5_plus_1": (
            "Mô hình 5+1 giúp đỡ người lầm lỗi",
            '"5+1" help for people who have offended',
        ),
        "other": ("Mô hình khác", "Other model"),
    },
    "MaintainingBody": {
        "police": ("Công an", "Police"),
        "fatherland_front": ("Mặt trận Tổ quốc", "Fatherland Front"),
        "unions": ("Các đoàn thể", "Mass organisations"),
        "ward_authority": ("Chính quyền phường/xã", "Ward authority"),
        "other": ("Khác", "Other"),
    },
    "ProgramStatus": {
        "planned": ("Đang xây dựng", "Planned"),
        "active": ("Đang hoạt động", "Active"),
        "suspended": ("Tạm ngừng", "Suspended"),
        "ended": ("Đã kết thúc", "Ended"),
    },
    "GroupStatus": {
        "active": ("Đang hoạt động", "Active"),
        "inactive": ("Ngừng hoạt động", "Inactive"),
        "dissolved": ("Đã giải thể", "Dissolved"),
    },
    "Gender": {"male": ("Nam", "Male"), "female": ("Nữ", "Female")},
    "MemberRole": {
        "leader": ("Tổ trưởng", "Leader"),
        "deputy": ("Tổ phó", "Deputy"),
        "member": ("Thành viên", "Member"),
    },
    "FindingCategory": {
        "theft": ("Trộm cắp", "Theft"),
        "disorder": ("Gây rối trật tự", "Disorder"),
        "fire_safety": ("Phòng cháy chữa cháy", "Fire safety"),
        "drugs": ("Ma túy", "Drugs"),
        "traffic": ("Giao thông", "Traffic"),
        "other": ("Khác", "Other"),
    },
    "FindingAction": {
        "reminded": ("Nhắc nhở", "Reminded"),
        "handed_to_police": ("Chuyển Công an xử lý", "Handed to police"),
        "resolved": ("Đã giải quyết", "Resolved"),
    },
    "RehabCategory": {
        "after_prison": ("Chấp hành xong án phạt tù", "After prison"),
        "after_drug_rehabilitation": ("Sau cai nghiện ma túy", "After drug rehabilitation"),
        "community_education": ("Giáo dục tại xã, phường", "Under community education"),
        "other": ("Khác", "Other"),
    },
    "RehabStatus": {
        "active": ("Đang giúp đỡ", "Being helped"),
        "progressed": ("Tiến bộ", "Progressed"),
        "reoffended": ("Tái phạm", "Reoffended"),
        "moved_away": ("Chuyển đi nơi khác", "Moved away"),
        "closed": ("Kết thúc", "Closed"),
    },
    "HelperKind": {
        "police": ("Công an", "Police"),
        "fatherland_front": ("Mặt trận Tổ quốc", "Fatherland Front"),
        "women_union": ("Hội Liên hiệp Phụ nữ", "Women's Union"),
        "youth_union": ("Đoàn Thanh niên", "Youth Union"),
        "veterans_association": ("Hội Cựu chiến binh", "Veterans' Association"),
        "residential_group": ("Khu phố, tổ dân phố", "Residential group"),
        "other_organisation": ("Tổ chức khác", "Other organisation"),
        "family": ("Gia đình", "Family"),
    },
    "FollowUpKind": {
        "home_visit": ("Thăm gia đình", "Home visit"),
        "talk": ("Gặp gỡ, trò chuyện", "Talk"),
        "phone_call": ("Gọi điện", "Phone call"),
        "meeting": ("Họp tổ giúp đỡ", "Team meeting"),
        "other": ("Khác", "Other"),
    },
    "FollowUpAssessment": {
        "good": ("Tốt, có chuyển biến", "Good, improving"),
        "stable": ("Ổn định", "Stable"),
        "concern": ("Cần quan tâm", "Needs attention"),
        "serious_concern": ("Có nguy cơ tái phạm", "Risk of reoffending"),
    },
    "SupportKind": {
        "job_referral": ("Giới thiệu việc làm", "Job referral"),
        "vocational_training": ("Học nghề", "Vocational training"),
        "loan": ("Vay vốn", "Loan"),
        "other": ("Hỗ trợ khác", "Other support"),
    },
    "SupportResult": {
        "pending": ("Đang thực hiện", "Pending"),
        "succeeded": ("Thành công", "Succeeded"),
        "failed": ("Không thành", "Did not succeed"),
    },
    "Rating": {
        "effective": ("Hiệu quả", "Effective"),
        "partly_effective": ("Hiệu quả một phần", "Partly effective"),
        "ineffective": ("Không hiệu quả (hình thức)", "Ineffective (only on paper)"),
    },
    "UserRole": {
        "admin": ("Quản trị viên", "Administrator"),
        "officer": ("Cán bộ nhập liệu", "Officer"),
        "leader": ("Lãnh đạo", "Leader"),
        "viewer": ("Người xem", "Viewer"),
    },
    "AuditAction": {
        "create": ("Thêm", "Created"),
        "update": ("Sửa", "Changed"),
        "delete": ("Xóa", "Deleted"),
        "undelete": ("Hoàn tác xóa", "Brought back"),
        "login": ("Đăng nhập", "Signed in"),
        "login_failed": ("Sai mật khẩu", "Wrong password"),
        "account": ("Tài khoản", "Account"),
        "settings": ("Cài đặt", "Settings"),
        "backup": ("Sao lưu", "Backup"),
        "restore": ("Khôi phục", "Restore"),
        "import": ("Nhập dữ liệu", "Import"),
        "export": ("Xuất dữ liệu", "Export"),
        "report": ("Báo cáo", "Report"),
        "encrypt": ("Mã hóa tệp", "File encrypted"),
    },
}
