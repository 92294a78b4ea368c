"""The report's settings as the settings page edits them: the header strings (blank means the
default built from the units' names, `report_header.default_header`) and how reports are signed.

Passwords and PINs are never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from antq_desktop.domain.messages import message
from antq_desktop.domain.validation import ErrorCollector
from antq_desktop.services import settings
from antq_desktop.services.report_header import ReportHeader, default_header, text_lines
from antq_desktop.services.workspace import Workspace

METHOD_P12 = "p12"
METHOD_PKCS11 = "pkcs11"

SUFFIX_FORMAT = message(
    "report_settings.suffix_format",
    "Ký hiệu chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch ngang (ví dụ CAP, CAQ-PV05), "
    "đang là {value}.",
    "The abbreviation may hold only capital letters without accents, digits and hyphens "
    "(e.g. CAP, CAQ-PV05); got {value}.",
)
TEXT_TOO_LONG = message(
    "report_settings.too_long",
    "{field} dài quá {limit} ký tự. Hãy viết gọn lại.",
    "{field} is longer than {limit} characters. Shorten it.",
)
UNKNOWN_METHOD = message(
    "report_settings.unknown_method",
    "Cách ký phải là tệp chứng thư (.p12) hoặc USB token (PKCS#11).",
    "The signing method must be a certificate file (.p12) or a USB token (PKCS#11).",
)

_SUFFIX = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)*$")


@dataclass(frozen=True)
class ReportSettings:
    """Each value as stored ("" = default). Multi-line values keep one item per line."""

    parent_body: str = ""
    issuing_body: str = ""
    number_suffix: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: str = ""
    signing_method: str = METHOD_P12
    p12_path: str = ""
    pkcs11_library: str = ""
    pkcs11_token: str = ""
    pkcs11_key: str = ""
    trusted_certificates: str = ""


_SPECS: dict[str, settings.SettingSpec[str]] = {
    "parent_body": settings.REPORT_PARENT_BODY,
    "issuing_body": settings.REPORT_ISSUING_BODY,
    "number_suffix": settings.REPORT_NUMBER_SUFFIX,
    "signer_title": settings.REPORT_SIGNER_TITLE,
    "signer_name": settings.REPORT_SIGNER_NAME,
    "recipients": settings.REPORT_RECIPIENTS,
    "signing_method": settings.SIGNING_METHOD,
    "p12_path": settings.SIGNING_P12_PATH,
    "pkcs11_library": settings.SIGNING_PKCS11_LIBRARY,
    "pkcs11_token": settings.SIGNING_PKCS11_TOKEN,
    "pkcs11_key": settings.SIGNING_PKCS11_KEY,
    "trusted_certificates": settings.TRUSTED_CERTIFICATES,
}
_LIMITS = {"recipients": 2000, "signer_title": 400, "trusted_certificates": 4000}


def read_report_settings(workspace: Workspace) -> ReportSettings:
    with workspace.database.session() as session:
        values = {name: settings.read_setting(session, spec) for name, spec in _SPECS.items()}
    return ReportSettings(**values)


def header_defaults(workspace: Workspace) -> ReportHeader:
    """What a blank header setting prints (shown as the field's placeholder)."""
    with workspace.database.session() as session:
        return default_header(session)


def _cleaned(values: ReportSettings) -> dict[str, str]:
    cleaned = {
        item.name: "\n".join(text_lines(str(getattr(values, item.name))))
        for item in fields(ReportSettings)
    }
    cleaned["number_suffix"] = cleaned["number_suffix"].upper()
    return cleaned


def save_report_settings(workspace: Workspace, values: ReportSettings) -> ReportSettings:
    """Check and store every value in one transaction; return them as stored."""
    cleaned = _cleaned(values)
    errors = ErrorCollector()
    for name, text in cleaned.items():
        limit = _LIMITS.get(name, 300)
        if len(text) > limit:
            errors.add(name, TEXT_TOO_LONG(field=_SPECS[name].label(), limit=limit))
    suffix = cleaned["number_suffix"]
    if suffix and not _SUFFIX.match(suffix):
        errors.add("number_suffix", SUFFIX_FORMAT(value=suffix))
    if cleaned["signing_method"] not in (METHOD_P12, METHOD_PKCS11):
        errors.add("signing_method", UNKNOWN_METHOD())
    errors.raise_if_any()
    with workspace.database.transaction() as session:
        for name, spec in _SPECS.items():
            settings.write_setting(session, spec, cleaned[name])
    return ReportSettings(**cleaned)
