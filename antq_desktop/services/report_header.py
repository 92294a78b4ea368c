"""The strings of the report's header and signer block (REPORT-FORMAT.md): settings of this
installation, each built from the units' names and the officer's settings when left blank.

Since 2025 many wards report straight to the city, so nothing here says "district" by itself: the
parent body is the superior unit of the settings, whatever its level.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy.orm import Session

from antq_desktop.domain.enums import UnitLevel
from antq_desktop.services import settings
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import OrgUnit

_BODY_PREFIX = "CÔNG AN "
_NUMBER_SUFFIXES = {
    UnitLevel.WARD: "CAP",
    UnitLevel.DISTRICT: "CAQ",
    UnitLevel.PROVINCE: "CATP",
    UnitLevel.NATION: "BCA",
}
_LEVEL_WORDS = {
    UnitLevel.WARD: "PHƯỜNG",
    UnitLevel.DISTRICT: "QUẬN",
    UnitLevel.PROVINCE: "THÀNH PHỐ",
    UnitLevel.NATION: "",
}


def nfc(text: str) -> str:
    """Composed Unicode: decomposed marks render misplaced in the PDF (REPORT-FORMAT.md)."""
    return unicodedata.normalize("NFC", text)


def text_lines(text: str) -> tuple[str, ...]:
    """The non-blank lines of a multi-line setting, trimmed and composed (NFC)."""
    return tuple(nfc(line.strip()) for line in text.splitlines() if line.strip())


@dataclass(frozen=True)
class ReportHeader:
    """The strings of the document's header and signer block (REPORT-FORMAT.md)."""

    parent_body: str
    issuing_body: str
    number_suffix: str
    place_name: str
    signer_title: tuple[str, ...]
    signer_name: str
    recipients: tuple[str, ...]


def own_units(session: Session) -> tuple[OrgUnit | None, OrgUnit | None]:
    found = []
    for spec in (settings.OWN_UNIT_ID, settings.SUPERIOR_UNIT_ID):
        unit_id = settings.read_setting(session, spec)
        unit = session.get(OrgUnit, unit_id) if unit_id else None
        found.append(unit if unit is not None and unit.deleted_at is None else None)
    return found[0], found[1]


def default_header(session: Session) -> ReportHeader:
    """The header built from the units' names and the officer's settings."""
    own, superior = own_units(session)
    level = own.level if own is not None else UnitLevel.WARD
    officer_title = settings.read_setting(session, settings.OFFICER_TITLE)
    signer_title = (
        officer_title.upper() if officer_title else f"TRƯỞNG CÔNG AN {_LEVEL_WORDS[level]}"
    )
    recipients = [f"Công an {superior.name}"] if superior is not None else []
    return ReportHeader(
        parent_body=nfc(_BODY_PREFIX + superior.name.upper()) if superior is not None else "",
        issuing_body=nfc(_BODY_PREFIX + own.name.upper()) if own is not None else "",
        number_suffix=_NUMBER_SUFFIXES.get(level, "CA"),
        place_name=nfc((own.place_name or own.name) if own is not None else ""),
        signer_title=(nfc(signer_title.strip()),),
        signer_name=nfc(settings.read_setting(session, settings.OFFICER_NAME)),
        recipients=(*recipients, "Lưu: VT."),
    )


def read_report_header(workspace: Workspace) -> ReportHeader:
    """The header as printed: each setting, or its default when blank."""
    with workspace.database.session() as session:
        defaults = default_header(session)

        def text(spec: settings.SettingSpec[str], default: str) -> str:
            return nfc(settings.read_setting(session, spec).strip()) or default

        def lines(spec: settings.SettingSpec[str], default: tuple[str, ...]) -> tuple[str, ...]:
            return text_lines(settings.read_setting(session, spec)) or default

        return ReportHeader(
            parent_body=text(settings.REPORT_PARENT_BODY, defaults.parent_body),
            issuing_body=text(settings.REPORT_ISSUING_BODY, defaults.issuing_body),
            number_suffix=text(settings.REPORT_NUMBER_SUFFIX, defaults.number_suffix),
            place_name=defaults.place_name,
            signer_title=lines(settings.REPORT_SIGNER_TITLE, defaults.signer_title),
            signer_name=text(settings.REPORT_SIGNER_NAME, defaults.signer_name),
            recipients=lines(settings.REPORT_RECIPIENTS, defaults.recipients),
        )
