"""The work behind the Báo cáo page, as plain functions the page runs on the worker thread.

Nothing here touches a widget. The report modules (reportlab, pyHanko) take a second or more to
import, so they are imported inside the jobs: the window opens without them, and the first
preview pays for them on the worker instead of the person waiting for the window.

Issuing signs exactly what the person looked at: `issue` reads the data again and, when it is no
longer what the preview showed (someone saved a change meanwhile, or the header settings
changed), it signs nothing and hands back the new preview instead (`DataChanged`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from antq_desktop.domain.messages import Message
from antq_desktop.services.report_content import (
    ReportContent,
    ReportRequest,
    gather_report,
)
from antq_desktop.services.report_register import (
    IssuedReportView,
    file_sha256,
    find_by_sha256,
    next_number,
    number_text,
)
from antq_desktop.services.report_settings import (
    METHOD_PKCS11,
    ReportSettings,
    read_report_settings,
)
from antq_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from antq_desktop.reports.issue import DraftReport
    from antq_desktop.reports.signing import SigningIdentity
    from antq_desktop.reports.verification import Verdict

Progress = Callable[[Message], None]


@dataclass(frozen=True)
class Preview:
    """A report as it would be issued today, not numbered (marked "DỰ THẢO")."""

    request: ReportRequest
    content: ReportContent
    pdf: bytes
    pages: int
    issued_on: date
    next_number: str
    """The number the next report issued today gets ("05/BC-CAP"), unless another comes first."""


@dataclass(frozen=True)
class DataChanged:
    """The data changed after the preview: nothing was signed; here is the new preview."""

    preview: Preview


@dataclass(frozen=True)
class FileCheck:
    """What a check of a PDF file found: the signature's verdict and the register's line."""

    path: Path
    verdict: Verdict
    registered: IssuedReportView | None
    """The register's report with exactly these bytes (issued from this record book)."""
    expected: IssuedReportView | None
    """The register's report the file was checked as (from the register's list), if any."""
    trust_problems: tuple[Message, ...]
    """Trusted-certificate files from the settings that could not be read."""


def make_preview(workspace: Workspace, request: ReportRequest, progress: Progress) -> Preview:
    from antq_desktop.reports.issue import preview_report

    content = gather_report(workspace, request, progress)
    today = workspace.today()
    built = preview_report(workspace, content, issued_on=today, progress=progress)
    number = number_text(next_number(workspace, today.year), content.header.number_suffix)
    return Preview(request, content, built.pdf, built.pages, today, number)


def write_draft(
    workspace: Workspace, request: ReportRequest, path: Path, progress: Progress
) -> DraftReport:
    from antq_desktop.reports.issue import save_draft

    content = gather_report(workspace, request, progress)
    # The save dialog has asked before replacing a file.
    return save_draft(workspace, content, path, overwrite=True, progress=progress)


def signing_configured(values: ReportSettings) -> bool:
    """Whether the settings say how to sign (a .p12 file, or a token's library, token and key)."""
    if values.signing_method == METHOD_PKCS11:
        return bool(values.pkcs11_library and values.pkcs11_token and values.pkcs11_key)
    return bool(values.p12_path)


@contextmanager
def _identity(values: ReportSettings, secret: str) -> Iterator[SigningIdentity]:
    from antq_desktop.reports.signing import open_pkcs11, open_pkcs12

    if values.signing_method == METHOD_PKCS11:
        opened = open_pkcs11(
            Path(values.pkcs11_library), values.pkcs11_token, values.pkcs11_key, secret
        )
    else:
        opened = open_pkcs12(Path(values.p12_path), secret)
    with opened as identity:
        yield identity


def issue(
    workspace: Workspace,
    preview: Preview,
    path: Path,
    values: ReportSettings,
    secret: str,
    progress: Progress,
) -> IssuedReportView | DataChanged:
    """Read the data again; if it is what the preview showed, number, sign, save and register
    the report (`reports.issue.issue_report`); otherwise sign nothing and return the new preview.

    The signing identity is opened first, so a wrong password or PIN is said before any work.
    """
    from antq_desktop.reports.issue import issue_report

    with _identity(values, secret) as identity:
        content = gather_report(workspace, preview.request, progress)
        seen = preview.content
        if content.fingerprint == seen.fingerprint and content.header == seen.header:
            return issue_report(workspace, content, path, identity, progress=progress)
    return DataChanged(make_preview(workspace, preview.request, progress))


def trusted_roots(values: ReportSettings) -> tuple[list[bytes], tuple[Message, ...]]:
    """The certificates of the trusted-certificate files in the settings, and what failed."""
    from antq_desktop.reports.signing import SigningError
    from antq_desktop.reports.verification import load_certificates

    roots: list[bytes] = []
    problems: list[Message] = []
    for line in values.trusted_certificates.splitlines():
        if not line.strip():
            continue
        try:
            roots.extend(load_certificates(Path(line.strip())))
        except SigningError as error:
            problems.append(error.message)
    return roots, tuple(problems)


def check_file(
    workspace: Workspace, path: Path, expected: IssuedReportView | None = None
) -> FileCheck:
    """Verify the signature of the PDF at `path` against the trusted certificates of the settings
    and look its bytes up in the register. An unreadable file raises `OSError`."""
    from antq_desktop.reports.verification import verify_pdf

    data = path.read_bytes()
    roots, problems = trusted_roots(read_report_settings(workspace))
    verdict = verify_pdf(data, roots)
    registered = find_by_sha256(workspace, file_sha256(data))
    return FileCheck(path, verdict, registered, expected, problems)
