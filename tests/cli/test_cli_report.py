"""`antq-desktop report` and `antq-desktop verify` as a script runs them: drafts and signed
reports, numbers per year, refusals that write nothing, and verification that fails on any
tampering.

The hcmc-2023 demo book is built once for the module; each test works on its own copy (the
register is part of the book). Reports are of Phường 01 (27298), quarter IV 2023: a few pages.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pdf_tools import with_pyhanko_annotation, with_pypdf_metadata
from pypdf import PdfReader

from antq_desktop.cli import main
from antq_desktop.domain.enums import UserRole
from antq_desktop.domain.periods import Period
from antq_desktop.reports.identity import create_identity
from antq_desktop.services import accounts
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.report_content import ReportRequest, gather_report
from antq_desktop.services.report_register import IssuedReportView, list_reports
from antq_desktop.store import keyring

BOOK_PASSWORD = "mat-khau-cua-kich-ban"  # tests/cli/conftest.py puts it in ANTQ_PASSWORD
PASSPHRASE = "mật khẩu chữ ký 2024"
SIGNER = "Nguyễn Thành Trung"  # the demo book names its officer so
WARD = ["--unit", "27298", "--from", "2023-10-01", "--to", "2023-12-31"]


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def master_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-report") / "hcmc.antqdb"
    with pytest.MonkeyPatch.context() as patch:  # the module's fixture runs before the autouse one
        patch.setenv("ANTQ_PASSWORD", BOOK_PASSWORD)
        patch.setattr(keyring, "DEFAULT_KDF", keyring.KdfParameters(1, 8, 1))
        assert main(["demo", "--db", str(path), "--scenario", "hcmc-2023"]) == 0
    return path


@pytest.fixture
def book(master_book: Path, tmp_path: Path) -> Path:
    path = tmp_path / "book" / master_book.name
    path.parent.mkdir()
    shutil.copyfile(master_book, path)
    shutil.copyfile(keyring.keyring_path(master_book), keyring.keyring_path(path))
    return path


@pytest.fixture(scope="module")
def signing(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The signer's identity file, its password file, its certificate, and another one's."""
    folder = tmp_path_factory.mktemp("signer")
    p12 = folder / "nguyen-van-an.p12"
    certificate = folder / "nguyen-van-an.pem"
    certificate.write_bytes(create_identity(p12, SIGNER, "Công an Phường 01", PASSPHRASE))
    other = folder / "other.pem"
    other.write_bytes(create_identity(folder / "other.p12", "Lê Thị Khác", "Công an", PASSPHRASE))
    password = folder / "password.txt"
    password.write_text(PASSPHRASE + "\n", encoding="utf-8")
    wrong = folder / "wrong.txt"
    wrong.write_text("mật khẩu sai 2024\n", encoding="utf-8")
    return {"p12": p12, "password": password, "wrong": wrong, "cert": certificate, "other": other}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Run:
    capsys.readouterr()
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def report(capsys: pytest.CaptureFixture[str], book: Path, target: Path, *extra: str | Path) -> Run:
    return run(capsys, "report", "--db", book, *WARD, "--out", target, *extra)


def sign_args(signing: dict[str, Path], password: str = "password") -> list[str | Path]:
    return ["--sign", signing["p12"], "--password-file", signing[password]]


def register(book: Path, password: str = BOOK_PASSWORD) -> list[IssuedReportView]:
    workspace = accounts.sign_in(book, "admin", password, record=False)
    try:
        return list_reports(workspace)
    finally:
        workspace.close()


def text_of(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def assert_one_line_refusal(result: Run) -> str:
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("antq-desktop: ")
    assert "Traceback" not in result.err
    assert result.out == ""
    return lines[0]


# --- drafts --------------------------------------------------------------------------------------


def test_without_sign_a_draft_is_written_and_not_registered(
    book: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "du-thao.pdf"
    result = report(capsys, book, target)
    assert result.code == 0, result.err
    assert result.out.startswith("Đã ghi bản dự thảo báo cáo (")
    assert str(target) in result.out
    text = text_of(target)
    assert "DỰ THẢO" in text
    assert "Số: /BC-CATP" in text
    assert not re.search(r"Số: ?\d+/BC", text)
    assert register(book) == []
    verified = run(capsys, "verify", target, "--lang", "en")
    assert verified.code == 1  # a draft carries no signature
    assert "Verdict: FAILED" in verified.out


def test_proposals_and_no_appendix(
    book: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proposals = tmp_path / "de-xuat.txt"
    proposals.write_text("Đề nghị Công an Quận 4 hỗ trợ 02 camera.\n\nTăng cường tuần tra đêm.\n")
    target = out / "r.pdf"
    result = report(capsys, book, target, "--proposals-file", proposals, "--no-appendix")
    assert result.code == 0, result.err
    text = text_of(target)
    assert "Đề nghị Công an Quận 4 hỗ trợ 02 camera." in text
    assert "Tăng cường tuần tra đêm." in text
    assert "PHỤ LỤC" not in text


def test_an_unreadable_proposals_file_is_refused(
    book: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = report(capsys, book, out / "r.pdf", "--proposals-file", tmp_path / "missing.txt")
    assert "missing.txt" in assert_one_line_refusal(result)
    assert list(out.iterdir()) == []


# --- signed reports and verify -----------------------------------------------------------------


@pytest.fixture(scope="module")
def signed_book(master_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the book that has issued one report, `signed`; tests only read them."""
    path = tmp_path_factory.mktemp("signed-book") / master_book.name
    shutil.copyfile(master_book, path)
    shutil.copyfile(keyring.keyring_path(master_book), keyring.keyring_path(path))
    return path


@pytest.fixture(scope="module")
def signed(signed_book: Path, signing: dict[str, Path]) -> Path:
    target = signed_book.parent / "BC-01-2024-Quy-IV.pdf"
    argv = ["report", "--db", str(signed_book), *WARD, "--out", str(target)]
    argv += [str(arg) for arg in sign_args(signing)] + ["--issued-on", "2024-01-10"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ANTQ_PASSWORD", BOOK_PASSWORD)
        assert main(argv) == 0
    return target


def test_a_signed_report_is_numbered_registered_and_verifies(
    signed_book: Path, signed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = signed.read_bytes()
    [line] = register(signed_book)
    assert line.number_text == "01/BC-CATP"
    assert line.sha256 == hashlib.sha256(data).hexdigest()
    assert line.path == signed.resolve()
    text = text_of(signed)
    assert "Số: 01/BC-CATP" in text
    assert "DỰ THẢO" not in text
    result = run(capsys, "verify", signed, "--lang", "en")
    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    for expected in (
        f"Signer: {SIGNER}",
        "Signature level: PAdES B-B",
        "Intact: yes",
        "Valid: yes",
        "Trusted: no",
        "Covers the whole file: yes",
        "Updated after signing: no",
        "Verdict: the report is intact and the signature is valid.",
    ):
        assert expected in lines, expected
    assert any(line.startswith("Signing time: ") for line in lines)


def test_the_report_command_says_what_it_issued(
    book: Path, out: Path, signing: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "r.pdf"
    result = report(capsys, book, target, *sign_args(signing), "--lang", "en")
    assert result.code == 0, result.err
    assert "01/BC-CATP" in result.out
    assert SIGNER in result.out
    assert hashlib.sha256(target.read_bytes()).hexdigest() in result.out


def test_verify_in_vietnamese(signed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "verify", signed)
    assert result.code == 0
    assert "Nguyên vẹn: có" in result.out
    assert "Kết luận: báo cáo nguyên vẹn, chữ ký hợp lệ." in result.out


def test_trusting_the_signers_certificate(
    signed: Path, signing: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    trusted = run(capsys, "verify", signed, "--trust", signing["cert"], "--lang", "en")
    assert trusted.code == 0
    assert "Trusted: yes" in trusted.out.splitlines()
    other = run(capsys, "verify", signed, "--trust", signing["other"], "--lang", "en")
    assert other.code == 0  # still intact and valid, only not trusted
    assert "Trusted: no" in other.out.splitlines()


def _flip(data: bytes, position: int) -> bytes:
    changed = bytearray(data)
    changed[position] ^= 0x01
    return bytes(changed)


def _signed_range(data: bytes) -> tuple[int, int]:
    """Where the signature value (/Contents <hex>) starts and ends: the gap of /ByteRange."""
    found = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", data)
    assert found is not None
    _, first_length, second_start, _ = (int(value) for value in found.groups())
    return first_length, second_start


@pytest.mark.parametrize(
    "where", ["middle of the file", "document information (signed)", "signature value"]
)
def test_one_changed_byte_makes_verify_fail(
    signed: Path, tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = signed.read_bytes()
    gap_start, gap_end = _signed_range(data)
    position = {
        "middle of the file": len(data) // 2,
        "document information (signed)": data.index(b"ANTQ Desktop"),
        "signature value": gap_start + (gap_end - gap_start) // 4,
    }[where]
    assert position < gap_start or where == "signature value"
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(_flip(data, position))
    result = run(capsys, "verify", changed, "--lang", "en")
    assert result.code == 1, result.out
    assert "Verdict: FAILED — do not rely on this report." in result.out
    assert "Verdict: the report is intact" not in result.out
    if where != "signature value":
        assert "Intact: no" in result.out.splitlines()


@pytest.mark.parametrize(
    "update", [with_pypdf_metadata, with_pyhanko_annotation], ids=["pypdf", "pyhanko"]
)
def test_an_update_appended_after_signing_makes_verify_fail(
    signed: Path, tmp_path: Path, update: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert callable(update)
    data = signed.read_bytes()
    updated: bytes = update(data)
    assert updated.startswith(data)
    changed = tmp_path / "updated.pdf"
    changed.write_bytes(updated)
    result = run(capsys, "verify", changed, "--lang", "en")
    assert result.code == 1, result.out
    lines = result.out.splitlines()
    assert "Intact: yes" in lines  # the signed revision itself is untouched
    assert "Covers the whole file: no" in lines
    assert "Updated after signing: yes" in lines
    assert "Verdict: FAILED — do not rely on this report." in lines


def test_verify_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "verify", tmp_path / "khong-co.pdf")
    assert "khong-co.pdf" in assert_one_line_refusal(result)


# --- refusals write nothing --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "needle"),
    [("wrong password", "nguyen-van-an.p12"), ("missing certificate", "khong-co.p12")],
)
def test_a_signing_identity_that_cannot_be_opened_writes_nothing(
    book: Path,
    out: Path,
    signing: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    case: str,
    needle: str,
) -> None:
    if case == "wrong password":
        extra = sign_args(signing, "wrong")
    else:
        extra = ["--sign", out.parent / "khong-co.p12", "--password-file", signing["password"]]
    result = report(capsys, book, out / "r.pdf", *extra)
    message = assert_one_line_refusal(result)
    assert needle in message
    assert list(out.iterdir()) == []
    assert register(book) == []


def test_a_missing_password_file_writes_nothing(
    book: Path, out: Path, signing: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["--sign", signing["p12"], "--password-file", out.parent / "khong-co.txt"]
    result = report(capsys, book, out / "r.pdf", *extra)
    assert "khong-co.txt" in assert_one_line_refusal(result)
    assert list(out.iterdir()) == []


def test_the_wrong_password_in_english(
    book: Path, out: Path, signing: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    result = report(capsys, book, out / "r.pdf", *sign_args(signing, "wrong"), "--lang", "en")
    message = assert_one_line_refusal(result)
    assert "password" in message.lower()


@pytest.mark.parametrize("signed_report", [True, False], ids=["signed", "draft"])
def test_an_existing_file_is_refused_and_left_unchanged(
    book: Path,
    out: Path,
    signing: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    signed_report: bool,
) -> None:
    """A report is never written over an existing file (perhaps an issued, signed report): the
    command line has no dialog to ask before replacing one."""
    target = out / "BC-01-2024.pdf"
    target.write_bytes(b"%PDF-1.7 the report issued last week")
    extra = sign_args(signing) if signed_report else []
    result = report(capsys, book, target, *extra)
    assert str(target) in assert_one_line_refusal(result)
    assert target.read_bytes() == b"%PDF-1.7 the report issued last week"
    assert [path.name for path in out.iterdir()] == [target.name]
    assert register(book) == []


def test_a_missing_output_folder_is_refused(
    book: Path, out: Path, signing: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    result = report(capsys, book, out / "no-such" / "r.pdf", *sign_args(signing))
    assert "no-such" in assert_one_line_refusal(result)
    assert register(book) == []


# --- the register ------------------------------------------------------------------------------


def test_numbers_run_per_year_and_reissuing_makes_a_new_number(
    book: Path, out: Path, signing: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    issued: list[tuple[str, str]] = [
        ("2024-01-10", "a.pdf"),
        ("2024-01-10", "b.pdf"),  # the same report again: a new number, a new file
        ("2025-01-06", "c.pdf"),
    ]
    for day, name in issued:
        result = report(capsys, book, out / name, *sign_args(signing), "--issued-on", day)
        assert result.code == 0, result.err
    lines = {line.path.name: line for line in register(book)}
    assert {name: line.number_text for name, line in lines.items()} == {
        "a.pdf": "01/BC-CATP",
        "b.pdf": "02/BC-CATP",
        "c.pdf": "01/BC-CATP",
    }
    assert {name: line.issued_on for name, line in lines.items()} == {
        "a.pdf": date(2024, 1, 10),
        "b.pdf": date(2024, 1, 10),
        "c.pdf": date(2025, 1, 6),
    }
    for name, line in lines.items():
        data = (out / name).read_bytes()
        assert line.sha256 == hashlib.sha256(data).hexdigest()
        assert line.data_fingerprint == lines["a.pdf"].data_fingerprint
        assert f"Số: {line.number_text}" in text_of(out / name)
    assert len({line.sha256 for line in lines.values()}) == 3
    assert "Thành phố Hồ Chí Minh, ngày 06 tháng 01 năm 2025" in text_of(out / "c.pdf")


# --- roles and citizen IDs ---------------------------------------------------------------------


@pytest.fixture
def accounts_of(book: Path) -> dict[str, str]:
    """An officer and a viewer in the copied book: username -> password."""
    made = {"canbo": "mat-khau-can-bo", "xem": "mat-khau-nguoi-xem"}
    workspace = accounts.sign_in(book, "admin", BOOK_PASSWORD, record=False)
    try:
        accounts.add_account(workspace, NewAccount("canbo", made["canbo"], "", UserRole.OFFICER))
        accounts.add_account(workspace, NewAccount("xem", made["xem"], "", UserRole.VIEWER))
    finally:
        workspace.close()
    return made


def test_an_officer_makes_a_draft_but_cannot_sign(
    book: Path,
    out: Path,
    signing: dict[str, Path],
    accounts_of: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ANTQ_PASSWORD", accounts_of["canbo"])
    draft = report(capsys, book, out / "du-thao.pdf", "--user", "canbo")
    assert draft.code == 0, draft.err
    refused = report(capsys, book, out / "r.pdf", "--user", "canbo", *sign_args(signing))
    assert_one_line_refusal(refused)
    assert [path.name for path in out.iterdir()] == ["du-thao.pdf"]
    assert register(book) == []


def test_a_viewer_cannot_make_a_report(
    book: Path,
    out: Path,
    accounts_of: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ANTQ_PASSWORD", accounts_of["xem"])
    assert_one_line_refusal(report(capsys, book, out / "r.pdf", "--user", "xem"))
    assert list(out.iterdir()) == []


def test_citizen_ids_are_masked_unless_full_ids_is_given(
    book: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = accounts.sign_in(book, "admin", BOOK_PASSWORD, record=False)
    try:
        period = Period.quarter(2023, 4)
        request = ReportRequest("27298", period, full_citizen_ids=True)
        citizen_ids = [row.citizen_id for row in gather_report(workspace, request).cases]
    finally:
        workspace.close()
    assert citizen_ids
    assert report(capsys, book, out / "masked.pdf").code == 0
    assert report(capsys, book, out / "full.pdf", "--full-ids").code == 0
    masked, full = text_of(out / "masked.pdf"), text_of(out / "full.pdf")
    for citizen_id in citizen_ids:
        assert citizen_id not in masked.replace(" ", "")
        assert "*" * 8 + citizen_id[-4:] in masked
        assert citizen_id in full


def test_a_date_of_issue_before_the_period_is_refused(
    book: Path, out: Path, signing: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "r.pdf"
    result = report(capsys, book, target, *sign_args(signing), "--issued-on", "2023-09-30")
    message = assert_one_line_refusal(result)
    assert "30/09/2023" in message
    assert "01/10/2023" in message
    assert not target.exists()
    assert register(book) == []
