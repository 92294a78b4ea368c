"""The report PDF as a reader sees it: the official layout (Decree 30/2020), every figure of
`antq-desktop stats --json` in Vietnamese format, embedded fonts only, page numbers from page 2,
masked citizen IDs, the data fingerprint in the metadata, and a signature that validates.

The hcmc-2023 demo book (encrypted, administrator `admin`) is built once for the module and the
reports from it are built once each; tests only read them. The one test that changes a record
works on a copy of the book.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time
from functools import cached_property
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pdf_tools import fonts_of
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)
from sqlalchemy import select

from antq_desktop.cli import main
from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    MaintainingBody,
    ProgramKind,
    Rating,
)
from antq_desktop.domain.periods import Period
from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import format_date, mask_citizen_id
from antq_desktop.reports.document import IssueDetails, build_pdf
from antq_desktop.reports.identity import create_identity
from antq_desktop.reports.issue import issue_report, preview_report, save_draft
from antq_desktop.reports.signing import open_pkcs12
from antq_desktop.reports.verification import verify_pdf
from antq_desktop.services import accounts, report_content
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.demo import build_demo
from antq_desktop.services.patrols import ShiftInput, create_shift
from antq_desktop.services.report_content import ReportContent, ReportRequest, gather_report
from antq_desktop.services.report_register import IssuedReportView, file_sha256
from antq_desktop.services.statistics import UNRATED
from antq_desktop.services.workspace import Workspace
from antq_desktop.store import keyring
from antq_desktop.store.models import Group, OrgUnit, PatrolShift

BOOK_PASSWORD = "mat-khau-so-bao-cao"
PASSPHRASE = "mật khẩu chữ ký 2024"
SIGNER = "NGUYEN THANH TRUNG"  # as CAs write it; the book names its officer Nguyễn Thành Trung
TODAY = date(2024, 1, 15)
ISSUED_ON = date(2024, 1, 10)
NINE_YEARS = Period.custom(date(2015, 1, 1), date(2023, 12, 31))
Q4_2023 = Period.quarter(2023, 4)
DISTRICT4, WARD1 = "773", "27298"
PAGE_HEIGHT = 841.89
TOP_MARGIN = 20 * 72 / 25.4
BASE14 = {
    "Courier",
    "Courier-Bold",
    "Courier-BoldOblique",
    "Courier-Oblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-BoldOblique",
    "Helvetica-Oblique",
    "Symbol",
    "Times-Bold",
    "Times-BoldItalic",
    "Times-Italic",
    "Times-Roman",
    "ZapfDingbats",
}


@dataclass
class Pdf:
    """A built report: its content, its bytes, and each page's text as pypdf extracts it."""

    content: ReportContent
    data: bytes

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(BytesIO(self.data))

    @cached_property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    @cached_property
    def text(self) -> str:
        """All pages, every run of white space one space (lines wrap anywhere)."""
        return squeeze("\n".join(self.pages))

    @property
    def metadata(self) -> dict[str, Any]:
        metadata = self.reader.metadata
        assert metadata is not None
        return dict(metadata)


def squeeze(text: str) -> str:
    return " ".join(text.split())


# --- the book and the reports, once per module -------------------------------------------------


@pytest.fixture(scope="module")
def book_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report-document") / "hcmc.antqdb"
    with pytest.MonkeyPatch.context() as patch:  # cheap key wrapping, as tests/conftest.py does
        patch.setattr(keyring, "DEFAULT_KDF", keyring.KdfParameters(1, 8, 1))
        build_demo(path, admin=NewAccount("admin", BOOK_PASSWORD))
    return path


@pytest.fixture(scope="module")
def book(book_path: Path) -> Iterator[Workspace]:
    workspace = accounts.sign_in(book_path, "admin", BOOK_PASSWORD, today=lambda: TODAY)
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def identity_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("identity") / "nguyen-van-an.p12"
    create_identity(path, SIGNER, "Công an Phường 01, Quận 4", PASSPHRASE)
    return path


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def district_draft(book: Workspace, out_dir: Path) -> Pdf:
    """Quận 4, 2015-2023, masked IDs: 47 pages."""
    content = gather_report(book, ReportRequest(DISTRICT4, NINE_YEARS))
    draft = save_draft(book, content, out_dir / "quan4-draft.pdf", issued_on=ISSUED_ON)
    return Pdf(content, draft.path.read_bytes())


@dataclass
class Issued(Pdf):
    view: IssuedReportView | None = None


@pytest.fixture(scope="module")
def ward_issued(book: Workspace, out_dir: Path, identity_file: Path) -> Issued:
    """Phường 01, quarter IV 2023: the first report the book issues (number 01)."""
    content = gather_report(book, ReportRequest(WARD1, Q4_2023))
    path = out_dir / "phuong1-q4.pdf"
    with open_pkcs12(identity_file, PASSPHRASE) as identity:
        view = issue_report(book, content, path, identity, issued_on=ISSUED_ON)
    return Issued(content, path.read_bytes(), view)


@pytest.fixture(scope="module")
def ward_draft(book: Workspace, out_dir: Path) -> Pdf:
    """The same ward and quarter as `ward_issued`, with proposals typed in."""
    request = ReportRequest(
        WARD1, Q4_2023, proposals="Đề nghị bổ sung 02 camera tại hẻm 168 Khánh Hội."
    )
    content = gather_report(book, request)
    draft = save_draft(book, content, out_dir / "phuong1-q4-draft.pdf", issued_on=ISSUED_ON)
    return Pdf(content, draft.path.read_bytes())


@pytest.fixture(scope="module")
def ward_full_ids(book: Workspace) -> Pdf:
    content = gather_report(book, ReportRequest(WARD1, Q4_2023, full_citizen_ids=True))
    return Pdf(content, preview_report(book, content, issued_on=ISSUED_ON).pdf)


@pytest.fixture(params=["district_draft", "ward_issued"])
def any_report(request: pytest.FixtureRequest) -> Pdf:
    report: Pdf = request.getfixturevalue(request.param)
    return report


def stats_json(
    book_path: Path, code: str, period: Period, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> dict[str, Any]:
    monkeypatch.setenv("ANTQ_PASSWORD", BOOK_PASSWORD)
    monkeypatch.delenv("ANTQ_USER", raising=False)
    capsys.readouterr()
    start, end = period.date_from.isoformat(), period.date_to.isoformat()
    argv = ["stats", "--db", str(book_path), "--unit", code, "--from", start, "--to", end]
    assert main([*argv, "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


# --- what the document says --------------------------------------------------------------------


def test_the_official_header_title_and_signer_block(ward_issued: Issued) -> None:
    text = ward_issued.text
    first_page = squeeze(ward_issued.pages[0])
    for line in (
        "CÔNG AN TP. HỒ CHÍ MINH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/BC-CATP",
        "Thành phố Hồ Chí Minh, ngày 10 tháng 01 năm 2024",
        "BÁO CÁO",
        "Kết quả thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc và các mô hình tự quản "
        "quý IV năm 2023 của Phường 01",
    ):
        assert line in first_page, line
    for line in (
        "Nơi nhận:",
        "- Lưu: VT.",
        "CÁN BỘ CÔNG AN THÀNH PHỐ HỒ CHÍ MINH",
        "Nguyễn Thành Trung",
        "PAdES B-B",
    ):
        assert line in text, line
    assert "DỰ THẢO" not in text
    assert ward_issued.view is not None
    assert ward_issued.view.number_text == "01/BC-CATP"


def test_the_sections_in_order(district_draft: Pdf) -> None:
    text = district_draft.text
    headings = [
        "I. TÌNH HÌNH CHUNG CÁC MÔ HÌNH",
        "II. KẾT QUẢ HOẠT ĐỘNG CỦA CÁC TỔ, NHÓM TỰ QUẢN",
        'III. CÔNG TÁC GIÚP ĐỠ NGƯỜI LẦM LỖI TẠI CỘNG ĐỒNG (MÔ HÌNH "5+1")',
        "IV. KẾT QUẢ ĐÁNH GIÁ HẰNG QUÝ CÁC MÔ HÌNH",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
        "PHỤ LỤC 1. DANH SÁCH CA TUẦN TRA TRONG KỲ",
        'PHỤ LỤC 2. DANH SÁCH NGƯỜI ĐƯỢC GIÚP ĐỠ (MÔ HÌNH "5+1")',
    ]
    positions = [text.find(heading) for heading in headings]
    assert -1 not in positions, [h for h, p in zip(headings, positions, strict=True) if p < 0]
    assert positions == sorted(positions)


def test_the_proposals_typed_are_printed(ward_draft: Pdf, ward_issued: Issued) -> None:
    assert "Đề nghị bổ sung 02 camera tại hẻm 168 Khánh Hội." in ward_draft.text
    assert "Không có đề xuất, kiến nghị." in ward_issued.text


def test_the_district_figures_of_the_scenario(district_draft: Pdf) -> None:
    text = district_draft.text
    for phrase in (
        "236 ca tuần tra",
        "1.612 lượt người",
        "giúp đỡ 278 người",
        "84 người tiến bộ",
        "giới thiệu việc làm cho 93 người",
        "học nghề cho 47 người",
    ):
        assert phrase in text, phrase
    assert "Toàn địa bàn 8 2 16 206 236 1.612 278" in text  # the sub-units table's total


def printed_phrases(stats: dict[str, Any]) -> dict[str, str]:
    """Where the document prints each figure of `stats --json`, in Vietnamese number format."""

    def n(value: int) -> str:
        return format_number(value, "vi")

    programs, patrols, rehab = stats["programs"], stats["patrols"], stats["rehab"]
    period = Period.custom(
        date.fromisoformat(stats["period"]["from"]), date.fromisoformat(stats["period"]["to"])
    )
    phrases = {
        "unit.name": f"{period.label('vi')} của {stats['unit']['name']}",
        "period.from": f"{period.label('vi')} của",
        "period.to": f"Tính đến ngày {format_date(period.date_to)}",
        "programs.total": f"có {n(programs['total'])} mô hình, phong trào",
        "programs.police_maintained": (
            f"trong đó {n(programs['police_maintained'])} mô hình do lực lượng Công an duy trì"
        ),
        "programs.effective": (
            f"{n(programs['effective'])} mô hình được đánh giá hoạt động hiệu quả"
        ),
        "groups": f"có {n(stats['groups'])} tổ, nhóm tự quản",
        "members": f"với {n(stats['members'])} thành viên tham gia",
        "patrols.shifts": f"tổ chức {n(patrols['shifts'])} ca tuần tra",
        "patrols.participant_turns": f"với {n(patrols['participant_turns'])} lượt người tham gia",
        "patrols.findings": f"phát hiện {n(patrols['findings'])} vụ việc",
        "patrols.reminders": f"nhắc nhở {n(patrols['reminders'])} lượt người dân",
        "rehab.people": f"giúp đỡ {n(rehab['people'])} người",
        "rehab.people_cumulative": f"lũy kế từ khi triển khai: {n(rehab['people_cumulative'])}",
        "rehab.progressed": f"{n(rehab['progressed'])} người tiến bộ",
        "rehab.reoffended": f"{n(rehab['reoffended'])} người tái phạm",
        "rehab.job_referrals": f"giới thiệu việc làm cho {n(rehab['job_referrals'])} người",
        "rehab.vocational_training": f"học nghề cho {n(rehab['vocational_training'])} người",
        "rehab.follow_ups": f"{n(rehab['follow_ups'])} lượt gặp gỡ",
        "rehab.follow_ups_overdue": f"còn {n(rehab['follow_ups_overdue'])} trường hợp quá hạn",
    }
    labels: dict[str, Any] = {
        "programs.by_kind": lambda key: ProgramKind(key).label("vi"),
        "programs.by_maintaining_body": lambda key: MaintainingBody(key).label("vi"),
        "programs.by_rating": lambda key: (
            "Chưa đánh giá" if key == UNRATED else Rating(key).label("vi")
        ),
        "patrols.findings_by_category": lambda key: FindingCategory(key).label("vi"),
        "patrols.findings_by_action": lambda key: FindingAction(key).label("vi"),
    }
    for section, label in labels.items():
        group, name = section.split(".")
        for key, value in stats[group][name].items():
            phrases[f"{section}.{key}"] = f"{label(key)} {n(value)}"  # a table row
    return phrases


def leaves(data: dict[str, Any], prefix: str = "") -> list[str]:
    found = []
    for key, value in data.items():
        if isinstance(value, dict):
            found += leaves(value, f"{prefix}{key}.")
        else:
            found.append(f"{prefix}{key}")
    return found


NOT_PRINTED = {"unit.code"}  # the document names the unit, not its code


@pytest.mark.parametrize(
    ("report", "code", "period"),
    [("district_draft", DISTRICT4, NINE_YEARS), ("ward_issued", WARD1, Q4_2023)],
)
def test_every_figure_of_stats_json_is_printed(
    request: pytest.FixtureRequest,
    book_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    report: str,
    code: str,
    period: Period,
) -> None:
    pdf: Pdf = request.getfixturevalue(report)
    stats = stats_json(book_path, code, period, monkeypatch, capsys)
    assert stats == json.loads(json.dumps(pdf.content.statistics.as_dict()))
    phrases = printed_phrases(stats)
    unmapped = set(leaves(stats)) - set(phrases) - NOT_PRINTED
    assert not unmapped, f"figures of stats --json this test does not look for: {unmapped}"
    missing = {key: phrase for key, phrase in phrases.items() if phrase not in pdf.text}
    assert not missing


def test_a_draft_is_marked_and_has_no_number(district_draft: Pdf) -> None:
    assert "DỰ THẢO" in district_draft.pages[0]
    assert all("DỰ THẢO" in page for page in district_draft.pages)
    first_page = squeeze(district_draft.pages[0])
    assert "Số: /BC-CATP" in first_page
    assert not re.search(r"Số: ?\d+/BC", first_page)


def test_a_report_without_appendices_has_none(book: Workspace) -> None:
    content = gather_report(book, ReportRequest(WARD1, Q4_2023, include_appendices=False))
    pdf = Pdf(content, preview_report(book, content).pdf)
    assert "PHỤ LỤC" not in pdf.text
    assert "Mã dữ liệu" not in pdf.text
    assert "236 ca tuần tra" not in pdf.text


# --- layout ------------------------------------------------------------------------------------


def top_margin_text(page: PageObject) -> list[str]:
    """The text drawn in the top margin (where the page number goes)."""
    found: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > PAGE_HEIGHT - TOP_MARGIN:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return found


def test_page_numbers_from_page_two(any_report: Pdf) -> None:
    pages = any_report.reader.pages
    assert len(pages) > 3
    assert top_margin_text(pages[0]) == []
    for number, page in enumerate(pages[1:], start=2):
        assert top_margin_text(page) == [str(number)], number


def test_every_font_is_embedded_and_none_is_base14(any_report: Pdf) -> None:
    fonts = fonts_of(any_report.reader)
    assert fonts
    names = set()
    for font in fonts:
        name = str(font.get("/BaseFont", "")).lstrip("/")
        names.add(name)
        assert name.split("+")[-1] not in BASE14, f"base-14 font {name} in the report"
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        assert descriptor is not None, f"{name} has no font descriptor (not embedded)"
        descriptor = descriptor.get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, name
    assert {name.split("+")[-1] for name in names} <= {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


def test_charts_are_vector_graphics(any_report: Pdf) -> None:
    text = any_report.text
    assert "Biểu đồ 1. Số ca tuần tra theo" in text
    assert "Biểu đồ 2. Kết quả giúp đỡ người lầm lỗi" in text
    for index, page in enumerate(any_report.reader.pages):
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        for xobject in (xobjects or {}).values():
            assert xobject.get_object().get("/Subtype") != "/Image", f"an image on page {index}"


def test_appendix_tables_repeat_their_header_on_every_page(district_draft: Pdf) -> None:
    pages = [squeeze(page) for page in district_draft.pages]
    first = next(i for i, page in enumerate(pages) if "PHỤ LỤC 1." in page)
    second = next(i for i, page in enumerate(pages) if "PHỤ LỤC 2." in page)
    assert second - first >= 3  # 236 shifts take several pages
    for page in pages[first:second]:
        for title in ("STT", "Ngày, giờ", "Tổ, nhóm (đơn vị)", "Khu vực", "Lượt người"):
            assert title in page, title
    assert len(pages) - second >= 3  # 278 people too
    for page in pages[second:]:
        for title in ("STT", "Họ và tên", "Số định danh", "Diện", "Lần gặp"):
            assert title in page, title
    # the last rows are there: nothing was lost where the tables split
    assert re.search(r"(?<![\d.])236 \d\d/\d\d/\d{4}", " ".join(pages[first:second]))
    assert re.search(r"(?<![\d.])278 \S", " ".join(pages[second:]))


def test_case_dates_fit_their_column(ward_issued: Issued) -> None:
    """The status column of the case appendix must be wide enough for a dd/mm/yyyy date: a date
    broken over three lines ("(20/04" "/2020" ")") is unreadable."""
    raw = "\n".join(ward_issued.pages)
    assert ward_issued.content.cases
    broken = [
        format_date(row.status_since)
        for row in ward_issued.content.cases
        if format_date(row.status_since) not in raw
    ]
    assert not broken


# --- citizen IDs --------------------------------------------------------------------------------


def test_citizen_ids_are_masked_by_default(book: Workspace, district_draft: Pdf) -> None:
    full = gather_report(book, ReportRequest(DISTRICT4, NINE_YEARS, full_citizen_ids=True))
    assert len(full.cases) == 278
    text = district_draft.text
    joined = text.replace(" ", "")
    assert "Số định danh cá nhân chỉ in 4 chữ số cuối." in text
    for row in full.cases:
        assert len(row.citizen_id) == 12
        assert row.citizen_id not in joined
        assert mask_citizen_id(row.citizen_id) in text
    assert not re.search(r"(?<!\d)\d{12}(?!\d)", text)


def test_whole_citizen_ids_when_chosen(ward_full_ids: Pdf) -> None:
    assert ward_full_ids.content.cases
    for row in ward_full_ids.content.cases:
        assert re.fullmatch(r"\d{12}", row.citizen_id)
        assert row.citizen_id in ward_full_ids.text
    assert "chỉ in 4 chữ số cuối" not in ward_full_ids.text


# --- metadata and fingerprint ------------------------------------------------------------------


def test_the_fingerprint_is_printed_in_the_appendix(district_draft: Pdf) -> None:
    assert f"Mã dữ liệu (SHA-256): {district_draft.content.fingerprint}." in district_draft.text


def test_the_metadata_carries_the_data_fingerprint(ward_draft: Pdf, ward_issued: Issued) -> None:
    """A draft with proposals and the signed report of the same data share the fingerprint."""
    draft, signed = ward_draft.metadata, ward_issued.metadata
    assert draft.get("/ANTQDataFingerprint") == ward_draft.content.fingerprint
    assert signed.get("/ANTQDataFingerprint") == ward_issued.content.fingerprint
    assert draft["/ANTQDataFingerprint"] == signed["/ANTQDataFingerprint"]
    assert signed.get("/ANTQUnit") == WARD1
    assert signed.get("/ANTQPeriod") == "2023-10-01/2023-12-31"
    assert str(signed.get("/Title", "")).startswith("BÁO CÁO 01/BC-CATP")


def test_a_changed_record_changes_the_fingerprint(
    book_path: Path, tmp_path: Path, ward_issued: Issued
) -> None:
    copy = tmp_path / "copy.antqdb"
    shutil.copyfile(book_path, copy)
    shutil.copyfile(keyring.keyring_path(book_path), keyring.keyring_path(copy))
    workspace = accounts.sign_in(copy, "admin", BOOK_PASSWORD, today=lambda: TODAY)
    try:
        with workspace.database.session() as session:
            group_id = session.scalar(
                select(Group.id)
                .join(OrgUnit, OrgUnit.id == Group.unit_id)
                .join(PatrolShift, PatrolShift.group_id == Group.id)
                .where(OrgUnit.code == WARD1, PatrolShift.shift_date >= Q4_2023.date_from)
                .limit(1)
            )
        assert group_id is not None
        content = gather_report(workspace, ReportRequest(WARD1, Q4_2023))
        same = Pdf(content, preview_report(workspace, content).pdf)
        create_shift(
            workspace,
            ShiftInput(group_id, date(2023, 12, 2), time(19, 0), time(22, 0), others_count=3),
        )
        content = gather_report(workspace, ReportRequest(WARD1, Q4_2023))
        changed = Pdf(content, preview_report(workspace, content).pdf)
    finally:
        workspace.close()
    assert same.content.fingerprint == ward_issued.content.fingerprint
    assert changed.content.fingerprint != same.content.fingerprint
    assert same.metadata.get("/ANTQDataFingerprint") == ward_issued.content.fingerprint
    assert changed.metadata.get("/ANTQDataFingerprint") == changed.content.fingerprint


# --- the signature ------------------------------------------------------------------------------


def test_the_issued_report_validates(ward_issued: Issued, identity_file: Path) -> None:
    with open_pkcs12(identity_file, PASSPHRASE) as identity:
        certificate = identity.certificate_pem
    verdict = verify_pdf(ward_issued.data, [certificate])
    assert verdict.ok
    assert (verdict.intact, verdict.valid, verdict.trusted) == (True, True, True)
    assert verdict.covers_whole_file
    assert not verdict.later_updates
    assert verdict.signer == SIGNER
    assert verdict.level == "PAdES B-B"


def appearance_text(pdf: Pdf) -> str:
    """The text of the visible signature (the signature widget's appearance stream), laid on a
    blank page so that pypdf extracts it."""
    form = pdf.reader.trailer["/Root"]["/AcroForm"]
    [widget] = [
        field.get_object() for field in form["/Fields"] if field.get_object()["/FT"] == "/Sig"
    ]
    writer = PdfWriter()
    page = writer.add_blank_page(600, 400)
    stamp = widget["/AP"]["/N"].get_object().clone(writer)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Stamp"): stamp.indirect_reference})}
    )
    content = DecodedStreamObject()
    content.set_data(b"q /Stamp Do Q")
    page[NameObject("/Contents")] = content
    return squeeze(page.extract_text())


def test_the_visible_signature_sits_in_the_signer_block(ward_issued: Issued) -> None:
    form = ward_issued.reader.trailer["/Root"]["/AcroForm"]
    [widget] = [f.get_object() for f in form["/Fields"] if f.get_object()["/FT"] == "/Sig"]
    page_index = next(
        index
        for index, page in enumerate(ward_issued.reader.pages)
        if any(a.get_object() == widget for a in page.get("/Annots", []))
    )
    assert "Nguyễn Thành Trung" in ward_issued.pages[page_index]  # the signer block's name
    assert "Nơi nhận:" in ward_issued.pages[page_index]
    stamp = appearance_text(ward_issued)
    assert "Ký bởi:" in stamp
    assert "Thời gian ký:" in stamp


def test_the_visible_signature_names_the_certificate_holder(ward_issued: Issued) -> None:
    """The stamp's "Ký bởi" must name who signed (the certificate's holder, as every PDF reader
    and `verify` show), not the name typed in the settings."""
    assert f"Ký bởi: {SIGNER}" in appearance_text(ward_issued)


# --- pictures of the pages ---------------------------------------------------------------------


def test_the_first_two_pages_render_to_png(ward_issued: Issued, tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    source = tmp_path / "report.pdf"
    source.write_bytes(ward_issued.data)
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", "-f", "1", "-l", "2", str(source), str(tmp_path / "page")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 2
    for image in images:
        data = image.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(data) > 5_000  # a page with text, not an empty image
    from PIL import Image

    with Image.open(images[0]) as picture:
        width, height = picture.size
        assert abs(height / width - 297 / 210) < 0.02  # A4 portrait
        darkest, _ = picture.convert("L").getextrema()
        assert darkest < 64  # black text was drawn


# --- the register's line ---------------------------------------------------------------------


def test_issue_writes_the_file_it_registers(ward_issued: Issued, out_dir: Path) -> None:
    assert ward_issued.view is not None
    assert ward_issued.view.path == (out_dir / "phuong1-q4.pdf").resolve()
    assert ward_issued.view.pages == len(ward_issued.reader.pages)
    assert ward_issued.view.data_fingerprint == ward_issued.content.fingerprint
    assert file_sha256(ward_issued.data) == ward_issued.view.sha256


def test_many_shifts_are_summed_per_unit_and_month_in_the_appendix(
    book: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the limit the appendix is a table per unit and month whose total row repeats the
    figures; no shift is listed one by one."""
    monkeypatch.setattr(report_content, "MAX_LISTED_SHIFTS", 100)
    content = gather_report(book, ReportRequest(DISTRICT4, NINE_YEARS))
    built = build_pdf(content, IssueDetails("", ISSUED_ON))
    pdf = Pdf(content, built.pdf)
    assert "PHỤ LỤC 1. TỔNG HỢP CA TUẦN TRA THEO ĐƠN VỊ VÀ THÁNG" in pdf.text
    assert "Trong kỳ có 236 ca tuần tra, nhiều hơn 100 ca" in pdf.text
    assert "Tổng cộng 236 1.612" in pdf.text
    assert "DANH SÁCH CA TUẦN TRA" not in pdf.text
    first = content.shift_summary[0]
    assert f"{first.unit} {first.month:02d}/{first.year} {first.shifts}" in pdf.text
