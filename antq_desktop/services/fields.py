"""Labels of the fields that error messages name, in both languages."""

from __future__ import annotations

from antq_desktop.domain.messages import MessageTemplate, message


def _field(key: str, vi: str, en: str) -> MessageTemplate:
    return message(f"field.{key}", vi, en)


FULL_NAME = _field("full_name", "Họ và tên", "Full name")
CITIZEN_ID = _field("citizen_id", "Số CCCD", "Citizen ID")
PHONE = _field("phone", "Số điện thoại", "Phone")
BIRTH_DATE = _field("birth_date", "Ngày sinh", "Birth date")
ADDRESS = _field("address", "Địa chỉ", "Address")
UNIT = _field("unit", "Đơn vị", "Unit")
UNIT_NAME = _field("unit_name", "Tên đơn vị", "Unit name")
UNIT_CODE = _field("unit_code", "Mã đơn vị", "Unit code")
NAME = _field("name", "Tên", "Name")
STARTED_ON = _field("started_on", "Ngày bắt đầu", "Start date")
RECOGNISED_ON = _field("recognised_on", "Ngày công nhận", "Date recognised")
ENDED_ON = _field("ended_on", "Ngày kết thúc", "End date")
BUDGET = _field("annual_budget_vnd", "Kinh phí hằng năm", "Annual budget")
FORMED_ON = _field("formed_on", "Ngày thành lập", "Date formed")
DISSOLVED_ON = _field("dissolved_on", "Ngày giải thể", "Date dissolved")
JOINED_ON = _field("joined_on", "Ngày tham gia", "Date joined")
LEFT_ON = _field("left_on", "Ngày rời tổ", "Date left")
SHIFT_DATE = _field("shift_date", "Ngày tuần tra", "Patrol date")
OTHERS_COUNT = _field("others_count", "Số người khác tham gia", "Other participants")
RESIDENTS_REMINDED = _field(
    "residents_reminded", "Số lượt nhắc nhở người dân", "Residents reminded"
)
OPENED_ON = _field("opened_on", "Ngày bắt đầu giúp đỡ", "Date opened")
STATUS_SINCE = _field("status_since", "Ngày chuyển trạng thái", "Status date")
CLOSED_ON = _field("closed_on", "Ngày kết thúc hồ sơ", "Date closed")
HELD_ON = _field("held_on", "Ngày theo dõi", "Follow-up date")
NEXT_DUE_ON = _field("next_due_on", "Hạn theo dõi tiếp", "Next follow-up due")
SUPPORT_STARTED_ON = _field("support_started_on", "Ngày hỗ trợ", "Support date")
EVALUATION_YEAR = _field("year", "Năm", "Year")
EVALUATION_QUARTER = _field("quarter", "Quý", "Quarter")
DATE_FROM = _field("date_from", "Từ ngày", "From date")
DATE_TO = _field("date_to", "Đến ngày", "To date")
OFFICER_NAME = _field("officer_name", "Họ tên cán bộ", "Officer's name")
PROGRAM = _field("program", "Mô hình", "Model")
GROUP = _field("group", "Tổ/nhóm", "Group")
PERSON = _field("person", "Người", "Person")
AREA = _field("area", "Địa bàn", "Area")
START_TIME = _field("start_time", "Giờ bắt đầu", "Start time")
END_TIME = _field("end_time", "Giờ kết thúc", "End time")
PARTICIPANTS = _field("participants", "Người tham gia", "Participants")
HELPER = _field("helper", "Người giúp đỡ", "Helper")
ORGANISATION = _field("organisation", "Tổ chức", "Organisation")
PROVIDER = _field("provider", "Nơi hỗ trợ", "Provider")
INDICATORS = _field("indicators", "Chỉ tiêu đánh giá", "Indicators")
EVALUATOR = _field("evaluator", "Người đánh giá", "Evaluator")
