"""Application settings kept in the database, declared once with type, default and label.

Window geometry and other UI state live in `QSettings`, not here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.messages import MessageTemplate, message
from antq_desktop.store.models import Setting

if TYPE_CHECKING:  # workspace imports this module to read the site id
    from antq_desktop.services.workspace import Workspace

T = TypeVar("T")


@dataclass(frozen=True)
class SettingSpec(Generic[T]):
    key: str
    type: type[T]
    default: T
    label: MessageTemplate


def _spec(key: str, kind: type[T], default: T, vi: str, en: str) -> SettingSpec[T]:
    spec = SettingSpec(key, kind, default, message(f"setting.{key}", vi, en))
    SETTINGS[key] = spec
    return spec


SETTINGS: dict[str, SettingSpec[Any]] = {}

SITE_ID = _spec("site.id", str, "", "Mã cài đặt (trạm)", "Installation (site) id")
OWN_UNIT_ID = _spec("unit.own_id", str, "", "Đơn vị của cài đặt này", "This installation's unit")
SUPERIOR_UNIT_ID = _spec("unit.superior_id", str, "", "Đơn vị cấp trên", "Superior unit")
OFFICER_NAME = _spec("officer.name", str, "", "Họ tên cán bộ", "Officer's name")
OFFICER_TITLE = _spec("officer.title", str, "", "Chức vụ cán bộ", "Officer's title")
LANGUAGE = _spec("ui.language", str, "vi", "Ngôn ngữ giao diện", "Interface language")
IDLE_LOCK_MINUTES = _spec(
    "security.idle_lock_minutes",
    int,
    10,
    "Khóa màn hình sau số phút không dùng (0: không khóa)",
    "Lock the window after this many idle minutes (0: never)",
)
BACKUP_FOLDER = _spec(
    "backup.folder",
    str,
    "",  # "" means the folder "backups" beside the database file (services.backups)
    "Thư mục sao lưu (để trống: thư mục backups cạnh tệp dữ liệu)",
    "Backup folder (empty: the folder backups beside the database file)",
)


# The report's header strings (REPORT-FORMAT.md): settings of this installation's unit, since many
# wards now report straight to the city. Blank means the default built from the units' names
# (`services.report_header`).
REPORT_PARENT_BODY = _spec(
    "report.parent_body", str, "", "Cơ quan chủ quản (dòng trên)", "Parent body (upper line)"
)
REPORT_ISSUING_BODY = _spec("report.issuing_body", str, "", "Cơ quan ban hành", "Issuing body")
REPORT_NUMBER_SUFFIX = _spec(
    "report.number_suffix",
    str,
    "",
    "Ký hiệu sau số báo cáo (BC-…)",
    "Abbreviation after the report number (BC-…)",
)
REPORT_SIGNER_TITLE = _spec(
    "report.signer_title",
    str,
    "",
    "Thẩm quyền, chức vụ người ký (mỗi dòng một dòng in)",
    "Signing authority and position (one printed line per line)",
)
REPORT_SIGNER_NAME = _spec("report.signer_name", str, "", "Họ tên người ký", "Signer's full name")
REPORT_RECIPIENTS = _spec(
    "report.recipients",
    str,
    "",
    "Nơi nhận (mỗi dòng một nơi)",
    "Recipients (one per line)",
)
# How reports are signed: a PKCS#12 file, or a key on a USB token reached through its vendor's
# PKCS#11 library. Passwords and PINs are never stored.
SIGNING_METHOD = _spec(
    "signing.method", str, "p12", "Cách ký (tệp chứng thư hoặc USB token)", "Signing method"
)
SIGNING_P12_PATH = _spec(
    "signing.p12_path", str, "", "Tệp chứng thư số (.p12/.pfx)", "Certificate file (.p12/.pfx)"
)
SIGNING_PKCS11_LIBRARY = _spec(
    "signing.pkcs11_library",
    str,
    "",
    "Thư viện PKCS#11 của USB token",
    "The USB token's PKCS#11 library",
)
SIGNING_PKCS11_TOKEN = _spec("signing.pkcs11_token", str, "", "Nhãn USB token", "Token label")
SIGNING_PKCS11_KEY = _spec("signing.pkcs11_key", str, "", "Nhãn khóa ký", "Signing key label")
TRUSTED_CERTIFICATES = _spec(
    "signing.trusted_certificates",
    str,
    "",
    "Chứng thư gốc tin cậy (mỗi dòng một tệp)",
    "Trusted root certificates (one file per line)",
)


def read_setting(session: Session, spec: SettingSpec[T]) -> T:
    row = session.get(Setting, spec.key)
    if row is None:
        return spec.default
    value = json.loads(row.value_json)
    return value if isinstance(value, spec.type) else spec.default


def write_setting(session: Session, spec: SettingSpec[T], value: T) -> None:
    if not isinstance(value, spec.type):
        raise TypeError(f"setting {spec.key} takes {spec.type.__name__}")
    text = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, spec.key)
    if row is None:
        session.add(Setting(key=spec.key, value_json=text))
    else:
        row.value_json = text


def read_all(session: Session) -> dict[str, Any]:
    """Every declared setting with its current value (defaults filled in)."""
    stored = {row.key: json.loads(row.value_json) for row in session.scalars(select(Setting))}
    return {key: stored.get(key, spec.default) for key, spec in SETTINGS.items()}


def get_setting(workspace: Workspace, spec: SettingSpec[T]) -> T:
    """The current value of one setting (its default when never set)."""
    with workspace.database.session() as session:
        return read_setting(session, spec)


def set_setting(workspace: Workspace, spec: SettingSpec[T], value: T) -> None:
    with workspace.database.transaction() as session:
        write_setting(session, spec, value)
