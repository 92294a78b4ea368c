"""Issuing a report: numbered per year, signed, written whole or not at all, and registered with
the SHA-256 of the file; drafts are neither numbered nor registered; who may do what.

Each test has its own copy of a small record book (a ward under the city, no records: the report's
layout does not matter here, and an empty one builds fast). One signing identity serves the
module.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from antq_desktop.domain.enums import AuditAction, UnitLevel, UserRole
from antq_desktop.domain.periods import Period
from antq_desktop.reports import issue
from antq_desktop.reports.identity import create_identity
from antq_desktop.reports.issue import issue_report, preview_report, save_draft
from antq_desktop.reports.signing import SigningError, SigningIdentity, open_pkcs12
from antq_desktop.reports.verification import verify_pdf
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.permissions import PermissionDenied
from antq_desktop.services.report_content import ReportContent, ReportRequest, gather_report
from antq_desktop.services.report_register import (
    file_sha256,
    find_by_sha256,
    list_reports,
    next_number,
    number_text,
)
from antq_desktop.services.workspace import NewUnit, Workspace, create_workspace, open_workspace
from antq_desktop.store.models import AuditEntry

TODAY = date(2024, 6, 15)
PASSPHRASE = "mật khẩu chữ ký 2024"
SIGNER = "Trần Văn Bình"
Q1_2024 = Period.quarter(2024, 1)


@pytest.fixture(scope="module")
def identity_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("identity") / "tran-van-binh.p12"
    create_identity(path, SIGNER, "Công an phường Bến Thành", PASSPHRASE)
    return path


@pytest.fixture
def identity(identity_file: Path) -> Iterator[SigningIdentity]:
    with open_pkcs12(identity_file, PASSPHRASE) as opened:
        yield opened


@pytest.fixture(scope="module")
def empty_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once (the migrations take a second); each test opens its own copy."""
    path = tmp_path_factory.mktemp("book") / "ben-thanh.antqdb"
    made = create_workspace(
        path,
        NewUnit("Phường Bến Thành", "26734", UnitLevel.WARD, "Phường Bến Thành"),
        superior_unit=NewUnit("Thành phố Hồ Chí Minh", "79", UnitLevel.PROVINCE),
        officer_name=SIGNER,
        today=lambda: TODAY,
    )
    made.close()
    return path


@pytest.fixture
def workspace(empty_book: Path, tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / empty_book.name
    shutil.copyfile(empty_book, path)
    ws = open_workspace(path, today=lambda: TODAY, verify=False)
    yield ws
    ws.close()


@pytest.fixture
def content(workspace: Workspace) -> ReportContent:
    return gather_report(workspace, ReportRequest("26734", Q1_2024))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    return folder


def page_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages).split())


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "suffix", "text"),
    [(1, "CAP", "01/BC-CAP"), (9, "CAQ", "09/BC-CAQ"), (12, "CAP-PV05", "12/BC-CAP-PV05")],
)
def test_number_text_pads_below_ten(number: int, suffix: str, text: str) -> None:
    assert number_text(number, suffix) == text


def test_number_text_without_a_suffix() -> None:
    assert number_text(3, "") == "03/BC"


def test_numbers_run_per_year(
    workspace: Workspace, content: ReportContent, identity: SigningIdentity, out: Path
) -> None:
    assert next_number(workspace, 2024) == 1
    first = issue_report(workspace, content, out / "a.pdf", identity, issued_on=date(2024, 4, 2))
    second = issue_report(workspace, content, out / "b.pdf", identity, issued_on=date(2024, 7, 1))
    next_year = issue_report(
        workspace, content, out / "c.pdf", identity, issued_on=date(2025, 1, 6)
    )
    assert [first.number_text, second.number_text, next_year.number_text] == [
        "01/BC-CAP",
        "02/BC-CAP",
        "01/BC-CAP",
    ]
    assert [(view.year, view.number) for view in list_reports(workspace)] == [
        (2025, 1),
        (2024, 2),
        (2024, 1),
    ]
    assert (next_number(workspace, 2024), next_number(workspace, 2025)) == (3, 2)
    assert "Số: 02/BC-CAP" in page_text((out / "b.pdf").read_bytes())
    assert "Phường Bến Thành, ngày 06 tháng 01 năm 2025" in page_text((out / "c.pdf").read_bytes())


def test_the_date_of_issue_defaults_to_today(
    workspace: Workspace, content: ReportContent, identity: SigningIdentity, out: Path
) -> None:
    view = issue_report(workspace, content, out / "r.pdf", identity)
    assert (view.issued_on, view.year, view.number_text) == (TODAY, 2024, "01/BC-CAP")


def test_reissuing_the_same_report_makes_a_new_number_and_a_new_file(
    workspace: Workspace, content: ReportContent, identity: SigningIdentity, out: Path
) -> None:
    first = issue_report(workspace, content, out / "first.pdf", identity)
    first_bytes = (out / "first.pdf").read_bytes()
    again = issue_report(workspace, content, out / "again.pdf", identity)
    assert (first.number_text, again.number_text) == ("01/BC-CAP", "02/BC-CAP")
    assert first.id != again.id
    assert (out / "first.pdf").read_bytes() == first_bytes  # the first file is left alone
    assert files_in(out) == ["again.pdf", "first.pdf"]
    assert first.sha256 != again.sha256
    assert first.data_fingerprint == again.data_fingerprint == content.fingerprint
    assert len(list_reports(workspace)) == 2


def test_the_register_line_describes_the_file(
    workspace: Workspace, content: ReportContent, identity: SigningIdentity, out: Path
) -> None:
    path = out / "bao-cao-quy-1.pdf"
    view = issue_report(workspace, content, path, identity, issued_on=date(2024, 4, 5))
    data = path.read_bytes()
    assert view.sha256 == hashlib.sha256(data).hexdigest() == file_sha256(data)
    assert view.size_bytes == len(data)
    assert view.pages == len(PdfReader(BytesIO(data)).pages)
    assert view.path == path.resolve()
    assert (view.date_from, view.date_to) == (date(2024, 1, 1), date(2024, 3, 31))
    assert view.period_label == "quý I năm 2024"
    assert (view.unit_code, view.unit_name) == ("26734", "Phường Bến Thành")
    assert view.subject.endswith("quý I năm 2024 của Phường Bến Thành")
    assert view.signer == SIGNER
    assert view.signature_level == "PAdES B-B"
    assert view.issued_by == workspace.user
    assert view.issued_at.tzinfo is not None
    [listed] = list_reports(workspace)
    assert listed == view
    assert find_by_sha256(workspace, view.sha256) == view
    assert find_by_sha256(workspace, "0" * 64) is None
    verdict = verify_pdf(data)
    assert verdict.ok
    assert verdict.signer == SIGNER


def test_issuing_is_in_the_audit_trail(
    workspace: Workspace, content: ReportContent, identity: SigningIdentity, out: Path
) -> None:
    view = issue_report(workspace, content, out / "r.pdf", identity)
    with workspace.database.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.REPORT)
        ).all()
        [entry] = entries
        details = json.loads(entry.details_json)
        assert (entry.record_kind, entry.record_id) == ("issued_report", view.id)
    assert details["number"] == "01/BC-CAP"
    assert details["sha256"] == view.sha256


# --- all or nothing ------------------------------------------------------------------------------


def test_an_existing_file_is_never_overwritten(
    workspace: Workspace, content: ReportContent, identity: SigningIdentity, out: Path
) -> None:
    path = out / "bao-cao.pdf"
    path.write_bytes(b"%PDF-1.4 an older report")
    with pytest.raises(ServiceError) as refused:
        issue_report(workspace, content, path, identity)
    assert refused.value.message.key == "report.file_exists"
    assert str(path) in refused.value.render("vi")
    assert path.read_bytes() == b"%PDF-1.4 an older report"
    assert list_reports(workspace) == []
    assert files_in(out) == ["bao-cao.pdf"]
    assert next_number(workspace, 2024) == 1  # the number was not used up


def test_a_missing_folder_is_refused(
    workspace: Workspace, content: ReportContent, identity: SigningIdentity, tmp_path: Path
) -> None:
    with pytest.raises(ServiceError) as refused:
        issue_report(workspace, content, tmp_path / "no-such" / "r.pdf", identity)
    assert refused.value.message.key == "report.folder_missing"
    assert list_reports(workspace) == []


def test_a_certificate_that_cannot_sign_leaves_nothing(
    workspace: Workspace, content: ReportContent, out: Path, tmp_path: Path
) -> None:
    expired_file = tmp_path / "expired.p12"
    create_identity(
        expired_file, SIGNER, "Công an phường Bến Thành", PASSPHRASE,
        valid_years=1, now=datetime.now(UTC) - timedelta(days=800),
    )  # fmt: skip
    with open_pkcs12(expired_file, PASSPHRASE) as expired, pytest.raises(SigningError):
        issue_report(workspace, content, out / "r.pdf", expired)
    assert files_in(out) == []  # neither the report nor a temporary file
    assert list_reports(workspace) == []


def test_a_certificate_of_another_person_is_refused(
    workspace: Workspace, content: ReportContent, out: Path, tmp_path: Path
) -> None:
    """The name printed under the signature is the settings' signer: a certificate of someone
    else would make the page contradict its own signature."""
    other_file = tmp_path / "other.p12"
    create_identity(other_file, "Lê Thị Hoa", "Công an phường Bến Thành", PASSPHRASE)
    with open_pkcs12(other_file, PASSPHRASE) as other, pytest.raises(ServiceError) as refused:
        issue_report(workspace, content, out / "r.pdf", other)
    assert refused.value.message.key == "report.signer_mismatch"
    assert "Lê Thị Hoa" in refused.value.render("vi")
    assert SIGNER in refused.value.render("en")
    assert files_in(out) == []
    assert list_reports(workspace) == []


def test_the_certificate_may_write_the_name_without_diacritics(
    workspace: Workspace, content: ReportContent, out: Path, tmp_path: Path
) -> None:
    """Certificates often carry "TRAN VAN BINH": the same person; the page keeps the diacritics."""
    plain_file = tmp_path / "plain.p12"
    create_identity(plain_file, "TRAN VAN BINH", "Công an phường Bến Thành", PASSPHRASE)
    with open_pkcs12(plain_file, PASSPHRASE) as plain:
        issued = issue_report(workspace, content, out / "r.pdf", plain)
    assert issued.signer == "TRAN VAN BINH"
    assert SIGNER in page_text(issued.path.read_bytes())


def test_a_failed_registration_removes_the_written_file(
    workspace: Workspace,
    content: ReportContent,
    identity: SigningIdentity,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise ServiceError(issue.FILE_EXISTS(path="x"))

    monkeypatch.setattr(issue, "register_report", refuse)
    with pytest.raises(ServiceError):
        issue_report(workspace, content, out / "r.pdf", identity)
    assert files_in(out) == []
    assert list_reports(workspace) == []


def test_a_number_taken_meanwhile_is_refused_and_the_file_removed(
    workspace: Workspace,
    content: ReportContent,
    identity: SigningIdentity,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two windows issuing at once: the second to register finds its number taken."""
    issue_report(workspace, content, out / "first.pdf", identity)
    monkeypatch.setattr(issue, "next_number", lambda _workspace, _year: 1)
    with pytest.raises(ServiceError) as refused:
        issue_report(workspace, content, out / "second.pdf", identity)
    assert refused.value.message.key == "report.number_taken"
    assert "01/BC-CAP" in refused.value.render("vi")
    assert files_in(out) == ["first.pdf"]
    assert len(list_reports(workspace)) == 1


# --- drafts and the preview ----------------------------------------------------------------------


def test_a_draft_is_unnumbered_unsigned_and_not_registered(
    workspace: Workspace, content: ReportContent, out: Path
) -> None:
    path = out / "du-thao.pdf"
    draft = save_draft(workspace, content, path)
    data = path.read_bytes()
    assert draft.path == path
    assert draft.pages == len(PdfReader(BytesIO(data)).pages)
    assert draft.fingerprint == content.fingerprint
    text = page_text(data)
    assert "DỰ THẢO" in text
    assert "Số: /BC-CAP" in text
    assert not verify_pdf(data).signed
    assert list_reports(workspace) == []
    assert next_number(workspace, TODAY.year) == 1


def test_a_draft_replaces_a_file_only_when_the_user_agreed(
    workspace: Workspace, content: ReportContent, out: Path
) -> None:
    path = out / "du-thao.pdf"
    path.write_bytes(b"older draft")
    with pytest.raises(ServiceError) as refused:
        save_draft(workspace, content, path)
    assert refused.value.message.key == "report.file_exists"
    assert path.read_bytes() == b"older draft"
    save_draft(workspace, content, path, overwrite=True)
    assert path.read_bytes().startswith(b"%PDF-")
    assert files_in(out) == ["du-thao.pdf"]


def test_the_preview_is_the_unnumbered_report(workspace: Workspace, content: ReportContent) -> None:
    built = preview_report(workspace, content, issued_on=date(2024, 4, 1))
    assert built.pdf.startswith(b"%PDF-")
    assert built.pages == len(PdfReader(BytesIO(built.pdf)).pages)
    assert built.fingerprint == content.fingerprint
    text = page_text(built.pdf)
    assert "Số: /BC-CAP" in text
    assert "ngày 01 tháng 04 năm 2024" in text
    assert list_reports(workspace) == []


# --- who may do what -----------------------------------------------------------------------------


def test_a_viewer_can_make_no_report(
    workspace: Workspace, content: ReportContent, identity: SigningIdentity, out: Path
) -> None:
    workspace.act_as("xem", UserRole.VIEWER)
    with pytest.raises(PermissionDenied):
        gather_report(workspace, ReportRequest("26734", Q1_2024))
    with pytest.raises(PermissionDenied):
        preview_report(workspace, content)
    with pytest.raises(PermissionDenied):
        save_draft(workspace, content, out / "d.pdf")
    with pytest.raises(PermissionDenied):
        issue_report(workspace, content, out / "r.pdf", identity)
    assert files_in(out) == []
    assert list_reports(workspace) == []


def test_an_officer_makes_drafts_but_cannot_sign(
    workspace: Workspace, identity: SigningIdentity, out: Path
) -> None:
    workspace.act_as("canbo", UserRole.OFFICER)
    content = gather_report(workspace, ReportRequest("26734", Q1_2024))
    save_draft(workspace, content, out / "d.pdf")
    with pytest.raises(PermissionDenied) as refused:
        issue_report(workspace, content, out / "r.pdf", identity)
    assert refused.value.render("vi") != refused.value.render("en")
    assert files_in(out) == ["d.pdf"]
    assert list_reports(workspace) == []


def test_a_leader_signs(workspace: Workspace, identity: SigningIdentity, out: Path) -> None:
    workspace.act_as("truongcap", UserRole.LEADER)
    content = gather_report(workspace, ReportRequest("26734", Q1_2024))
    view = issue_report(workspace, content, out / "r.pdf", identity)
    assert view.issued_by == "truongcap"
    assert [line.number_text for line in list_reports(workspace)] == ["01/BC-CAP"]
