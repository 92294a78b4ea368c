"""Who may do what. Every service that reads or changes something a role may not have checks here;
the window only hides what a role cannot use.

Record changes are checked once for all services, when the session flushes (`services.audit`):
no service can forget it. Reads are checked by the services that give them (rehabilitation files,
full citizen IDs, the audit trail).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from antq_desktop.domain.enums import UserRole
from antq_desktop.domain.messages import MessageTemplate, message
from antq_desktop.domain.validation import mask_citizen_id
from antq_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from antq_desktop.services.workspace import Workspace


class Permission(StrEnum):
    EDIT_RECORDS = "edit_records"
    READ_REHAB = "read_rehab"
    READ_CITIZEN_IDS = "read_citizen_ids"
    READ_AUDIT = "read_audit"
    MANAGE_USERS = "manage_users"
    CHANGE_SETTINGS = "change_settings"
    MAKE_BACKUP = "make_backup"
    RESTORE_BACKUP = "restore_backup"
    EXPORT = "export"
    MAKE_REPORT = "make_report"
    SIGN_REPORT = "sign_report"


_OFFICER = frozenset(
    {
        Permission.EDIT_RECORDS,
        Permission.READ_REHAB,
        Permission.READ_CITIZEN_IDS,
        Permission.MAKE_BACKUP,
        Permission.EXPORT,
        Permission.MAKE_REPORT,
    }
)
_LEADER = frozenset(
    {
        Permission.READ_REHAB,
        Permission.READ_CITIZEN_IDS,
        Permission.READ_AUDIT,
        Permission.MAKE_BACKUP,
        Permission.MAKE_REPORT,
        Permission.SIGN_REPORT,
    }
)

ROLE_PERMISSIONS: dict[UserRole, frozenset[Permission]] = {
    # A ward often has one officer at one PC: the administrator can do everything.
    UserRole.ADMIN: frozenset(Permission),
    UserRole.OFFICER: _OFFICER,
    UserRole.LEADER: _LEADER,
    UserRole.VIEWER: frozenset(),
}


def _action(permission: Permission, vi: str, en: str) -> None:
    ACTION_TEXTS[permission] = message(f"permission.{permission.value}", vi, en)


ACTION_TEXTS: dict[Permission, MessageTemplate] = {}
_action(Permission.EDIT_RECORDS, "thêm, sửa, xóa dữ liệu", "add, change or delete records")
_action(Permission.READ_REHAB, "xem hồ sơ giúp đỡ người lầm lỗi", "read rehabilitation files")
_action(Permission.READ_CITIZEN_IDS, "xem đầy đủ số CCCD", "see full citizen ID numbers")
_action(Permission.READ_AUDIT, "xem nhật ký thay đổi", "read the audit trail")
_action(Permission.MANAGE_USERS, "quản lý tài khoản", "manage accounts")
_action(Permission.CHANGE_SETTINGS, "thay đổi cài đặt", "change the settings")
_action(Permission.MAKE_BACKUP, "sao lưu dữ liệu", "back up the data")
_action(Permission.RESTORE_BACKUP, "khôi phục từ bản sao lưu", "restore a backup")
_action(Permission.EXPORT, "xuất gói dữ liệu", "export data bundles")
_action(Permission.MAKE_REPORT, "lập báo cáo", "make reports")
_action(Permission.SIGN_REPORT, "ký báo cáo", "sign reports")

PERMISSION_DENIED = message(
    "permission.denied",
    "Tài khoản {user} ({role}) không có quyền {action}. Hãy nhờ quản trị viên cấp quyền hoặc "
    "đăng nhập bằng tài khoản khác.",
    "The account {user} ({role}) may not {action}. Ask an administrator for the right, or sign "
    "in with another account.",
)


class PermissionDenied(ServiceError):
    """The signed-in account's role does not allow this; nothing was read or changed."""


def permissions_of(role: UserRole) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[role]


def allowed(workspace: Workspace, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[workspace.role]


def denial(user: str, role: UserRole, permission: Permission) -> PermissionDenied:
    return PermissionDenied(
        PERMISSION_DENIED(
            user=user,
            role=role,
            action=ACTION_TEXTS[permission](),
        )
    )


def require(workspace: Workspace, permission: Permission) -> None:
    """Refuse (`PermissionDenied`) unless the signed-in role has `permission`."""
    if not allowed(workspace, permission):
        raise denial(workspace.user, workspace.role, permission)


def shown_citizen_id(workspace: Workspace, value: str | None) -> str | None:
    """A citizen ID as this role may see it: whole, or masked to its last four digits."""
    if value is None or allowed(workspace, Permission.READ_CITIZEN_IDS):
        return value
    return mask_citizen_id(value)
