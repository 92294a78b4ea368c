"""The report as an official Vietnamese administrative document (Decree 30/2020, REPORT-FORMAT.md).

`build_pdf` lays out a `ReportContent` with reportlab: A4, margins 20/20/30/15 mm, Liberation
Serif everywhere (embedded), the authority block and the national motto, "Số: NN/BC-…", the place
and date line, the title and subject, the body in numbered sections with tables and two vector
charts, the signer block and "Nơi nhận", then the appendix tables. Page numbers are centred in the
top margin from page 2. The PDF's metadata carries the data fingerprint and the audit trail's head.

It returns the bytes and where the signer block left room for the visible signature, so that
`reports.signing` can put the signature exactly there.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
)

from antq_desktop import __version__
from antq_desktop.domain.enums import (
    FindingAction,
    FindingCategory,
    MaintainingBody,
    ProgramKind,
    Rating,
)
from antq_desktop.domain.messages import Message, message
from antq_desktop.domain.periods import ROMAN_QUARTERS
from antq_desktop.domain.validation import format_date
from antq_desktop.reports.appendix import appendices
from antq_desktop.reports.charts import rehab_chart, shifts_caption, shifts_chart
from antq_desktop.reports.fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    register_fonts,
)
from antq_desktop.reports.layout import (
    BOTTOM,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    TEXT_WIDTH,
    TOP,
    DocumentInfo,
    Rule,
    SignatureSpace,
    Styles,
    bordered_table,
    layout_table,
    number,
    paragraph,
    percent,
)
from antq_desktop.reports.signing import SignatureBox
from antq_desktop.services.report_content import ReportContent
from antq_desktop.services.report_header import nfc
from antq_desktop.services.statistics import UNRATED, Statistics

SIGNATURE_HEIGHT = 28 * mm

STEP_LAYOUT = message("report.step.layout", "Đang dàn trang báo cáo…", "Laying out the report…")
METADATA_FINGERPRINT = "/ANTQDataFingerprint"
METADATA_AUDIT_HEAD = "/ANTQAuditHead"
METADATA_PERIOD = "/ANTQPeriod"
METADATA_UNIT = "/ANTQUnit"

MOTTO_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TITLE = "BÁO CÁO"
DRAFT_MARK = "DỰ THẢO"


@dataclass(frozen=True)
class IssueDetails:
    """What the register decides: the number (blank for a draft) and the date of issue."""

    number_text: str
    issued_on: date
    signature_level: str = ""
    """The signature the file will carry ("PAdES B-B"), said in the document; blank if none."""

    @property
    def draft(self) -> bool:
        return not self.number_text


@dataclass(frozen=True)
class BuiltReport:
    pdf: bytes
    pages: int
    signature_box: SignatureBox
    fingerprint: str


def subject_of(content: ReportContent) -> str:
    """The subject line under "BÁO CÁO"."""
    period = content.request.period.label("vi")
    unit = content.statistics.unit_name
    return nfc(
        f"Kết quả thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc và các mô hình "
        f"tự quản {period} của {unit}"
    )


def date_line(place: str, day: date) -> str:
    """ "Phường Bến Thành, ngày 05 tháng 01 năm 2026": days and months below 10 zero-padded."""
    prefix = f"{place}, " if place else ""
    return nfc(f"{prefix}ngày {day.day:02d} tháng {day.month:02d} năm {day.year}")


# --- the document ------------------------------------------------------------------------------


class _Builder:
    def __init__(self, content: ReportContent, issue: IssueDetails) -> None:
        self.content = content
        self.issue = issue
        self.styles = Styles()
        self.signature: list[SignatureBox] = []
        self.story: list[Flowable] = []

    # paragraphs and tables

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return paragraph(text, style or self.styles.body)

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    # the parts, in order

    def header_block(self) -> None:
        s = self.styles
        header = self.content.header
        # The right column fits the motto and the date line on one line each when it can; the
        # authority block takes the rest (a long unit name wraps, as on paper).
        place_date = date_line(header.place_name, self.issue.issued_on)
        needed = max(
            stringWidth(MOTTO_NATION, SERIF_BOLD, 12), stringWidth(place_date, SERIF_ITALIC, 13)
        )
        right_width = min(needed + 4 * mm, TEXT_WIDTH - 58 * mm)
        left_width = TEXT_WIDTH - right_width
        issuing = nfc(header.issuing_body.upper())
        issuing_width = stringWidth(issuing, SERIF_BOLD, 12.5)
        authority: list[Flowable] = []
        if header.parent_body:
            authority.append(self.para(header.parent_body.upper(), s.authority))
        authority += [
            self.para(issuing, s.authority_bold),
            Rule(min(issuing_width, left_width) * 0.4, left_width),
        ]
        motto: list[Flowable] = [
            self.para(MOTTO_NATION, s.motto_nation),
            self.para(MOTTO, s.motto),
            Rule(stringWidth(MOTTO, SERIF_BOLD, 13), right_width),
        ]
        number = self.issue.number_text or f"      /BC-{header.number_suffix}"
        table = layout_table(
            [
                [authority, motto],
                [self.para(f"Số: {number}", s.number), self.para(place_date, s.place_date)],
            ],
            [left_width, right_width],
            ("TOPPADDING", (0, 1), (-1, 1), 6),
        )
        subject = subject_of(self.content)
        self.add(
            table,
            self.para(TITLE, s.title),
            self.para(subject, s.subject),
            Rule(TEXT_WIDTH * 0.33, TEXT_WIDTH, below=5),
            Spacer(1, 8),
        )

    def programs_section(self) -> None:
        s = self.styles
        figures = self.content.statistics
        programs = figures.programs
        period_end = format_date(figures.date_to)
        self.add(self.para("I. TÌNH HÌNH CHUNG CÁC MÔ HÌNH", s.heading))
        self.add(
            self.para(
                f"Tính đến ngày {period_end}, trên địa bàn {figures.unit_name} có "
                f"{number(programs.total)} mô hình, phong trào tự quản về an ninh, trật tự; "
                f"trong đó {number(programs.police_maintained)} mô hình do lực lượng Công an "
                f"duy trì. Theo kết quả đánh giá gần nhất, {number(programs.effective)} mô hình "
                f"được đánh giá hoạt động hiệu quả "
                f"({percent(programs.effective, programs.total)} tổng số mô hình)."
            )
        )
        kind_rows = [
            [str(i), self.para(ProgramKind(key).label("vi"), s.cell), number(count)]
            for i, (key, count) in enumerate(programs.by_kind.items(), start=1)
        ]
        self.add(
            self.para("Bảng 1. Số mô hình theo loại", s.caption),
            *bordered_table(
                ["STT", "Loại mô hình", "Số lượng"],
                kind_rows,
                [12 * mm, TEXT_WIDTH - 42 * mm, 30 * mm],
                numeric=[2],
                total=["", "Tổng cộng", number(programs.total)],
            ),
            Spacer(1, 8),
        )
        body_rows = [
            [MaintainingBody(key).label("vi"), number(count)]
            for key, count in programs.by_maintaining_body.items()
        ]
        rating_rows = [
            [
                "Chưa đánh giá" if key == UNRATED else Rating(key).label("vi"),
                number(count),
            ]
            for key, count in programs.by_rating.items()
        ]
        half = (TEXT_WIDTH - 6 * mm) / 2
        left = bordered_table(
            ["Đơn vị duy trì", "Số mô hình"], body_rows, [half - 24 * mm, 24 * mm], numeric=[1]
        )
        right = bordered_table(
            ["Kết quả đánh giá gần nhất", "Số mô hình"],
            rating_rows,
            [half - 24 * mm, 24 * mm],
            numeric=[1],
        )
        pair = layout_table([[left, "", right]], [half, 6 * mm, half])
        self.add(
            KeepTogether(
                [
                    self.para(
                        "Bảng 2. Số mô hình theo đơn vị duy trì và kết quả đánh giá", s.caption
                    ),
                    pair,
                ]
            ),
            Spacer(1, 8),
        )
        if self.content.sub_units:
            self.sub_units_table()

    def sub_units_table(self) -> None:
        s = self.styles

        def key_figures(figures: Statistics) -> list[str]:
            return [
                number(value)
                for value in (
                    figures.programs.total,
                    figures.programs.effective,
                    figures.groups,
                    figures.members,
                    figures.patrols.shifts,
                    figures.patrols.participant_turns,
                    figures.rehab.people,
                )
            ]

        rows = [
            [self.para(figures.unit_name, s.small_cell), *key_figures(figures)]
            for figures in self.content.sub_units
        ]
        total = ["Toàn địa bàn", *key_figures(self.content.statistics)]
        number_width = (TEXT_WIDTH - 40 * mm) / 7
        self.add(
            self.para("Bảng 3. Kết quả theo đơn vị trực thuộc", s.caption),
            *bordered_table(
                [
                    "Đơn vị",
                    "Mô hình",
                    "Hiệu quả",
                    "Tổ, nhóm",
                    "Thành viên",
                    "Ca tuần tra",
                    "Lượt người",
                    "Người được giúp đỡ",
                ],
                rows,
                [40 * mm] + [number_width] * 7,
                numeric=range(1, 8),
                total=total,
                font_size=10,
            ),
            Spacer(1, 8),
        )

    def groups_section(self) -> None:
        s = self.styles
        figures = self.content.statistics
        patrols = figures.patrols
        self.add(
            CondPageBreak(40 * mm),
            self.para("II. KẾT QUẢ HOẠT ĐỘNG CỦA CÁC TỔ, NHÓM TỰ QUẢN", s.heading),
            self.para(
                f"Trong kỳ, trên địa bàn có {number(figures.groups)} tổ, nhóm tự quản với "
                f"{number(figures.members)} thành viên tham gia. Các tổ, nhóm đã tổ chức "
                f"{number(patrols.shifts)} ca tuần tra, canh gác với "
                f"{number(patrols.participant_turns)} lượt người tham gia; phát hiện "
                f"{number(patrols.findings)} vụ việc về an ninh, trật tự; nhắc nhở "
                f"{number(patrols.reminders)} lượt người dân chấp hành quy định về an ninh, "
                f"trật tự."
            ),
        )
        monthly = self.content.shifts_per_month
        caption = self.para(shifts_caption(monthly), s.chart_caption)
        self.add(KeepTogether([shifts_chart(monthly), caption]))
        categories = list(patrols.findings_by_category.items())
        actions = list(patrols.findings_by_action.items())
        rows = []
        for index in range(max(len(categories), len(actions))):
            category = categories[index] if index < len(categories) else None
            action = actions[index] if index < len(actions) else None
            rows.append(
                [
                    FindingCategory(category[0]).label("vi") if category else "",
                    number(category[1]) if category else "",
                    FindingAction(action[0]).label("vi") if action else "",
                    number(action[1]) if action else "",
                ]
            )
        self.add(
            KeepTogether(
                [
                    self.para("Bảng 4. Vụ việc phát hiện theo loại và cách xử lý", s.caption),
                    *bordered_table(
                        ["Loại vụ việc", "Số vụ", "Cách xử lý", "Số vụ"],
                        rows,
                        [55 * mm, 22 * mm, TEXT_WIDTH - 99 * mm, 22 * mm],
                        numeric=[1, 3],
                        total=[
                            "Tổng cộng",
                            number(patrols.findings),
                            "Tổng cộng",
                            number(patrols.findings),
                        ],
                    ),
                ]
            ),
            Spacer(1, 8),
        )

    def rehab_section(self) -> None:
        s = self.styles
        rehab = self.content.statistics.rehab
        self.add(
            CondPageBreak(40 * mm),
            self.para(
                'III. CÔNG TÁC GIÚP ĐỠ NGƯỜI LẦM LỖI TẠI CỘNG ĐỒNG (MÔ HÌNH "5+1")', s.heading
            ),
            self.para(
                f"Trong kỳ, các tổ giúp đỡ đã quản lý, giúp đỡ {number(rehab.people)} người "
                f"(lũy kế từ khi triển khai: {number(rehab.people_cumulative)} người). Kết quả: "
                f"{number(rehab.progressed)} người tiến bộ, {number(rehab.reoffended)} người "
                f"tái phạm; giới thiệu việc làm cho {number(rehab.job_referrals)} người, hỗ trợ "
                f"học nghề cho {number(rehab.vocational_training)} người. Đã tổ chức "
                f"{number(rehab.follow_ups)} lượt gặp gỡ, theo dõi; hiện còn "
                f"{number(rehab.follow_ups_overdue)} trường hợp quá hạn theo dõi."
            ),
        )
        self.add(
            KeepTogether(
                [
                    rehab_chart(self.content.statistics.rehab),
                    self.para("Biểu đồ 2. Kết quả giúp đỡ người lầm lỗi", s.chart_caption),
                ]
            )
        )

    def evaluation_section(self) -> None:
        s = self.styles
        quarters = self.content.evaluation_quarters
        all_quarters = self.content.request.period.quarters()
        note = (
            f" ({len(quarters)} quý gần nhất của kỳ báo cáo)"
            if len(all_quarters) > len(quarters)
            else ""
        )
        self.add(
            CondPageBreak(40 * mm),
            self.para("IV. KẾT QUẢ ĐÁNH GIÁ HẰNG QUÝ CÁC MÔ HÌNH", s.heading),
            self.para(
                f"Kết quả đánh giá hằng quý của {number(len(self.content.evaluations))} mô hình "
                f"trên địa bàn{note} như sau:"
            ),
        )
        quarter_width = 22 * mm
        name_width = TEXT_WIDTH - 12 * mm - 28 * mm - quarter_width * len(quarters)
        rows = [
            [
                str(index),
                self.para(row.program, s.small_cell),
                self.para(row.unit, s.small_cell),
                *[self.para(rating or "-", s.small_cell) for rating in row.ratings],
            ]
            for index, row in enumerate(self.content.evaluations, start=1)
        ]
        header = [
            "STT",
            "Mô hình",
            "Đơn vị",
            *[f"Quý {ROMAN_QUARTERS[quarter - 1]}/{year}" for year, quarter in quarters],
        ]
        self.add(
            self.para("Bảng 5. Kết quả đánh giá hằng quý", s.caption),
            *bordered_table(
                header,
                rows,
                [12 * mm, name_width, 28 * mm] + [quarter_width] * len(quarters),
                font_size=10,
            ),
            Spacer(1, 8),
        )

    def proposals_section(self) -> None:
        s = self.styles
        self.add(CondPageBreak(30 * mm), self.para("V. ĐỀ XUẤT, KIẾN NGHỊ", s.heading))
        paragraphs = [line.strip() for line in self.content.request.proposals.splitlines()]
        paragraphs = [line for line in paragraphs if line]
        for line in paragraphs or ["Không có đề xuất, kiến nghị."]:
            self.add(self.para(line))
        if self.issue.signature_level:
            self.add(
                self.para(
                    f"Báo cáo này được ký số theo chuẩn {self.issue.signature_level}; mọi thay đổi "
                    f"sau khi ký đều bị phát hiện khi kiểm tra chữ ký.",
                    s.note,
                )
            )

    def signer_block(self) -> None:
        s = self.styles
        header = self.content.header
        half = TEXT_WIDTH / 2
        recipients: list[Flowable] = [self.para("Nơi nhận:", s.recipients_title)]
        lines = list(header.recipients)
        for index, line in enumerate(lines):
            text = line.rstrip(";.")
            end = "." if index == len(lines) - 1 else ";"
            recipients.append(self.para(f"- {text}{end}", s.recipients))
        signer: list[Flowable] = [self.para(line.upper(), s.signer) for line in header.signer_title]
        signer.append(SignatureSpace(half, SIGNATURE_HEIGHT, self.signature))
        signer.append(self.para(header.signer_name, s.signer))
        block = layout_table([[recipients, signer]], [half, half])
        self.add(Spacer(1, 10), KeepTogether([block]))

    def appendices(self) -> None:
        if self.content.request.include_appendices:
            self.add(*appendices(self.content, self.styles))

    def build(self) -> list[Flowable]:
        self.header_block()
        self.programs_section()
        self.groups_section()
        self.rehab_section()
        self.evaluation_section()
        self.proposals_section()
        self.signer_block()
        self.appendices()
        return self.story


def build_pdf(
    content: ReportContent,
    issue: IssueDetails,
    progress: Callable[[Message], None] | None = None,
) -> BuiltReport:
    """Lay the report out; nothing is written to disk."""
    register_fonts()
    if progress is not None:
        progress(STEP_LAYOUT())
    builder = _Builder(content, issue)
    story = builder.build()
    output = io.BytesIO()
    fingerprint = content.fingerprint
    header = content.header
    period = content.request.period

    def first_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        _mark_draft(canvas)

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        # The document template sets title, author… on the canvas's information dictionary and
        # keeps that very object through the build: ours must be in place from the start.
        canvas = Canvas(*args, **kwargs)
        info = DocumentInfo()
        info.extra = {
            METADATA_FINGERPRINT: fingerprint,
            METADATA_AUDIT_HEAD: content.audit_head,
            METADATA_PERIOD: f"{period.date_from.isoformat()}/{period.date_to.isoformat()}",
            METADATA_UNIT: content.statistics.unit_code,
        }
        canvas._doc.info = info
        return canvas

    def later_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(SERIF, 13)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - TOP / 2 - 4, str(doc.page))
        canvas.restoreState()
        _mark_draft(canvas)

    def _mark_draft(canvas: Canvas) -> None:
        if not issue.draft:
            return
        canvas.saveState()
        canvas.setFont(SERIF_BOLD, 90)
        canvas.setFillColor(colors.Color(0.85, 0.85, 0.85))
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -30, DRAFT_MARK)
        canvas.restoreState()

    document = BaseDocTemplate(
        output,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=nfc(f"{TITLE} {issue.number_text}".strip() + " - " + subject_of(content)),
        author=header.issuing_body,
        subject=subject_of(content),
        keywords=f"ANTQ; báo cáo; {period.label('vi')}; dữ liệu {fingerprint}",
        creator=f"ANTQ Desktop {__version__}",
        # Otherwise every page names Helvetica (base-14, no Vietnamese) in its resources.
        initialFontName=SERIF,
    )
    frame = Frame(LEFT, BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - TOP - BOTTOM, id="body")
    document.addPageTemplates(
        [
            PageTemplate("first", [frame], onPage=first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=later_page),
        ]
    )
    document.build(story, canvasmaker=make_canvas)
    if not builder.signature:
        raise RuntimeError("the signer block was not laid out")
    return BuiltReport(output.getvalue(), document.page, builder.signature[0], fingerprint)
