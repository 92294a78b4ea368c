"""Making a report file: a numbered, signed and registered report, or an unnumbered draft.

`issue_report` is all-or-nothing: the PDF is built with the next number of the year, signed,
written beside its final name and renamed into place, then registered. If signing fails nothing is
written; if registering fails the file is removed again. An issued report never overwrites a file.
A draft carries no number and a "DỰ THẢO" mark, is not signed and not registered; it replaces a
file only when the user agreed to.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from antq_desktop.domain.messages import Message, message
from antq_desktop.domain.text import fold
from antq_desktop.domain.validation import FieldError, ValidationFailed, format_date
from antq_desktop.reports.document import BuiltReport, IssueDetails, build_pdf, subject_of
from antq_desktop.reports.signing import SIGNATURE_LEVEL, SigningIdentity, StampText, sign_pdf
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.report_content import ReportContent
from antq_desktop.services.report_register import (
    IssuedReportView,
    NewIssuedReport,
    file_sha256,
    next_number,
    number_text,
    register_report,
)
from antq_desktop.services.workspace import Workspace

STEP_SIGNING = message("report.step.signing", "Đang ký số…", "Signing…")
STEP_SAVING = message("report.step.saving", "Đang lưu tệp báo cáo…", "Saving the report file…")
FILE_EXISTS = message(
    "report.file_exists",
    "Tệp {path} đã có. Báo cáo không ghi đè tệp đã có: hãy chọn tên tệp khác.",
    "The file {path} already exists. A report never overwrites a file: choose another file name.",
)
SIGNER_MISMATCH = message(
    "report.signer_mismatch",
    "Chứng thư số là của {holder}, nhưng báo cáo ghi người ký là {name}. Hãy sửa “Họ tên người "
    "ký” trong Cài đặt › Báo cáo và chữ ký số, hoặc ký bằng chứng thư số của {name}.",
    "The certificate belongs to {holder}, but the report names {name} as the signer. Correct "
    "“Signer's full name” in Settings › Reports and digital signatures, or sign with {name}'s "
    "certificate.",
)
ISSUED_BEFORE_PERIOD = message(
    "report.issued_before_period",
    "Ngày ban hành {issued} trước ngày đầu kỳ báo cáo ({start}). Hãy chọn ngày ban hành từ "
    "{start} trở đi.",
    "The date of issue {issued} is before the period starts ({start}). Choose a date of issue on "
    "or after {start}.",
)
FOLDER_MISSING = message(
    "report.folder_missing",
    "Không có thư mục {folder}. Hãy chọn một thư mục có sẵn để lưu báo cáo.",
    "The folder {folder} does not exist. Choose an existing folder for the report.",
)

Progress = Callable[[Message], None]


@dataclass(frozen=True)
class DraftReport:
    path: Path
    pages: int
    fingerprint: str


def _day_of_issue(workspace: Workspace, content: ReportContent, issued_on: date | None) -> date:
    """The date printed on the report (today unless given); a report of a period that has not
    begun is refused (one issued before its period ends is common: reports fall due early)."""
    day = issued_on or workspace.today()
    start = content.request.period.date_from
    if day < start:
        refusal = ISSUED_BEFORE_PERIOD(issued=format_date(day), start=format_date(start))
        raise ValidationFailed([FieldError("issued_on", refusal)])
    return day


def check_target(path: Path, *, overwrite: bool) -> None:
    if not path.parent.is_dir():
        raise ServiceError(FOLDER_MISSING(folder=str(path.parent)))
    if path.exists() and not overwrite:
        raise ServiceError(FILE_EXISTS(path=str(path)))


def write_file(path: Path, data: bytes) -> None:
    """Write beside the final name, flush to disk, then rename: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def preview_report(
    workspace: Workspace,
    content: ReportContent,
    *,
    issued_on: date | None = None,
    progress: Progress | None = None,
) -> BuiltReport:
    """The report as it would be issued today (number left blank), for the preview."""
    require(workspace, Permission.MAKE_REPORT)
    details = IssueDetails("", issued_on or workspace.today(), SIGNATURE_LEVEL)
    return build_pdf(content, details, progress)


def save_draft(
    workspace: Workspace,
    content: ReportContent,
    path: Path,
    *,
    issued_on: date | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> DraftReport:
    """An unnumbered, unsigned draft (marked "DỰ THẢO"). It replaces an existing file only when
    `overwrite` says the user agreed (the window's save dialog asks)."""
    require(workspace, Permission.MAKE_REPORT)
    check_target(path, overwrite=overwrite)
    day = _day_of_issue(workspace, content, issued_on)
    built = build_pdf(content, IssueDetails("", day), progress)
    if progress is not None:
        progress(STEP_SAVING())
    write_file(path, built.pdf)
    return DraftReport(path, built.pages, built.fingerprint)


def issue_report(
    workspace: Workspace,
    content: ReportContent,
    path: Path,
    identity: SigningIdentity,
    *,
    issued_on: date | None = None,
    signing_time: datetime | None = None,
    progress: Progress | None = None,
) -> IssuedReportView:
    """Number, sign, save and register the report; see the module's note on all-or-nothing."""
    require(workspace, Permission.SIGN_REPORT)
    check_target(path, overwrite=False)
    header = content.header
    holder = identity.subject_name
    if header.signer_name and fold(header.signer_name) != fold(holder):
        # The name printed under the signature must be the certificate holder's (written with
        # its diacritics: certificates often carry "NGUYEN VAN AN").
        raise ServiceError(SIGNER_MISMATCH(holder=holder, name=header.signer_name))
    if not header.signer_name:
        header = replace(header, signer_name=holder)
        content = replace(content, header=header)
    say = progress or (lambda _step: None)
    day = _day_of_issue(workspace, content, issued_on)
    number = next_number(workspace, day.year)
    printed_number = number_text(number, header.number_suffix)
    built = build_pdf(content, IssueDetails(printed_number, day, SIGNATURE_LEVEL), progress)
    say(STEP_SIGNING())
    signed = sign_pdf(
        built.pdf,
        identity,
        built.signature_box,
        StampText(signer=header.signer_name, unit=_title_case(header.issuing_body)),
        reason=f"Báo cáo số {printed_number}",
        location=header.place_name,
        signing_time=signing_time,
    )
    say(STEP_SAVING())
    check_target(path, overwrite=False)
    write_file(path, signed)
    period = content.request.period
    try:
        return register_report(
            workspace,
            NewIssuedReport(
                year=day.year,
                number=number,
                number_text=printed_number,
                issued_on=day,
                date_from=period.date_from,
                date_to=period.date_to,
                period_label=period.label("vi"),
                unit_code=content.statistics.unit_code,
                unit_name=content.statistics.unit_name,
                subject=subject_of(content),
                signer=identity.subject_name,
                signature_level=SIGNATURE_LEVEL,
                sha256=file_sha256(signed),
                data_fingerprint=built.fingerprint,
                file_path=str(path.resolve()),
                size_bytes=len(signed),
                pages=built.pages,
            ),
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _title_case(body: str) -> str:
    """The issuing body for the stamp's small print: "CÔNG AN PHƯỜNG BẾN THÀNH" becomes
    "Công An Phường Bến Thành" (which words a person would keep lower-case is not knowable)."""
    return " ".join(word[:1] + word[1:].lower() for word in body.split())
