"""Errors a service raises for a person to read (besides `ValidationFailed` from the domain)."""

from __future__ import annotations

from antq_desktop.domain.messages import Message, message

RECORD_NOT_FOUND = message(
    "record.not_found",
    "Không tìm thấy {kind} có mã {record_id} (có thể đã bị xóa).",
    "No {kind} with id {record_id} was found (it may have been deleted).",
)
UNIT_NOT_FOUND = message(
    "unit.not_found",
    "Không có đơn vị mã {code} trong dữ liệu này. Hãy kiểm tra mã đơn vị (ví dụ 79, 773).",
    "There is no unit with code {code} in this database. Check the unit code (e.g. 79, 773).",
)


class ServiceError(Exception):
    """A request that cannot be carried out; nothing was changed."""

    def __init__(self, msg: Message) -> None:
        super().__init__(msg.render("en"))
        self.message = msg

    def render(self, language: str = "vi") -> str:
        return self.message.render(language)


class NotFound(ServiceError):
    """The record asked for does not exist or is deleted."""
