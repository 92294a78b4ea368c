"""The register of issued reports (sổ đăng ký văn bản đi): numbers run per year and are never
reused; re-issuing a report gives it a new number and a new line, never overwrites an old one.

Every issued report is recorded with the SHA-256 of its file, so a PDF handed back later can be
recognised (`find_by_sha256`), and with the fingerprint of the data it was built from.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from antq_desktop.domain.enums import AuditAction
from antq_desktop.domain.messages import message
from antq_desktop.domain.periods import Period
from antq_desktop.services.audit import record_event
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.models import IssuedReport

NUMBER_TAKEN = message(
    "report.number_taken",
    "Số báo cáo {number} vừa được dùng cho một báo cáo khác (có thể từ cửa sổ khác). "
    "Hãy lập lại báo cáo để nhận số mới.",
    "Report number {number} was just used by another report (perhaps from another window). "
    "Make the report again to get a new number.",
)


def number_text(number: int, suffix: str) -> str:
    """ "05/BC-CAP": numbers below 10 are zero-padded (REPORT-FORMAT.md)."""
    return f"{number:02d}/BC-{suffix}" if suffix else f"{number:02d}/BC"


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class NewIssuedReport:
    """What the register keeps of a report about to be handed over (the number is given)."""

    year: int
    number: int
    number_text: str
    issued_on: date
    date_from: date
    date_to: date
    period_label: str
    unit_code: str
    unit_name: str
    subject: str
    signer: str
    signature_level: str
    sha256: str
    data_fingerprint: str
    file_path: str
    size_bytes: int
    pages: int


@dataclass(frozen=True)
class IssuedReportView(NewIssuedReport):
    """A line of the register."""

    id: str
    issued_at: datetime
    issued_by: str

    @property
    def path(self) -> Path:
        return Path(self.file_path)

    @property
    def period(self) -> Period:
        """The period reported on (`period_label` is its Vietnamese name as printed)."""
        return Period.custom(self.date_from, self.date_to)


_VIEW_FIELDS = tuple(field.name for field in fields(IssuedReportView))


def _view(row: IssuedReport) -> IssuedReportView:
    return IssuedReportView(**{name: getattr(row, name) for name in _VIEW_FIELDS})


def next_number(workspace: Workspace, year: int) -> int:
    """The number the next report issued in `year` gets."""
    with workspace.database.session() as session:
        highest = session.scalar(
            select(func.max(IssuedReport.number)).where(IssuedReport.year == year)
        )
    return int(highest or 0) + 1


def register_report(workspace: Workspace, entry: NewIssuedReport) -> IssuedReportView:
    """Add the report to the register and the audit trail. Refused (nothing written) when its
    number was taken in the meantime."""
    require(workspace, Permission.SIGN_REPORT)
    row = IssuedReport(
        id=str(uuid.uuid4()),
        issued_at=datetime.now(UTC),
        issued_by=workspace.user,
        **{field.name: getattr(entry, field.name) for field in fields(NewIssuedReport)},
    )
    try:
        with workspace.database.transaction() as session:
            session.add(row)
            session.flush()
            view = _view(row)
    except IntegrityError as taken:
        raise ServiceError(NUMBER_TAKEN(number=entry.number_text)) from taken
    record_event(
        workspace,
        AuditAction.REPORT,
        {
            "number": view.number_text,
            "period": view.period_label,
            "unit": view.unit_code,
            "file": view.file_path,
            "sha256": view.sha256,
        },
        record_kind="issued_report",
        record_id=view.id,
    )
    return view


def list_reports(workspace: Workspace) -> list[IssuedReportView]:
    """Newest first."""
    with workspace.database.session() as session:
        rows = session.scalars(
            select(IssuedReport).order_by(IssuedReport.year.desc(), IssuedReport.number.desc())
        ).all()
        return [_view(row) for row in rows]


def find_by_sha256(workspace: Workspace, sha256: str) -> IssuedReportView | None:
    with workspace.database.session() as session:
        row = session.scalar(select(IssuedReport).where(IssuedReport.sha256 == sha256))
        return _view(row) if row is not None else None
