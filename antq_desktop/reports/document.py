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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
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
from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import format_date
from antq_desktop.reports.fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    register_fonts,
)
from antq_desktop.reports.signing import SignatureBox
from antq_desktop.services.report_content import ReportContent, nfc
from antq_desktop.services.statistics import UNRATED

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
SIGNATURE_HEIGHT = 28 * mm
APPENDIX_CHUNK = 200
"""Rows per table in the appendix: one giant table slows reportlab down as it grows."""

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


def _number(value: float, decimals: int = 0) -> str:
    return format_number(value, "vi", decimals)


def _percent(part: int, whole: int) -> str:
    return f"{_number(100 * part / whole, 1)}%" if whole else "0%"


# --- styles ------------------------------------------------------------------------------------


def _style(name: str, font: str = SERIF, size: float = 13, **extra: Any) -> ParagraphStyle:
    settings: dict[str, Any] = {"leading": size * 1.2} | extra
    return ParagraphStyle(name, fontName=font, fontSize=size, **settings)


class _Styles:
    def __init__(self) -> None:
        self.authority = _style("authority", size=12.5, alignment=TA_CENTER)
        self.authority_bold = _style("authority_bold", SERIF_BOLD, 12.5, alignment=TA_CENTER)
        self.motto_nation = _style("motto_nation", SERIF_BOLD, 12, alignment=TA_CENTER)
        self.motto = _style("motto", SERIF_BOLD, 13, alignment=TA_CENTER)
        self.number = _style("number", size=13, alignment=TA_CENTER)
        self.place_date = _style("place_date", SERIF_ITALIC, 13, alignment=TA_CENTER)
        self.title = _style("title", SERIF_BOLD, 14, alignment=TA_CENTER, spaceBefore=12)
        self.subject = _style("subject", SERIF_BOLD, 14, alignment=TA_CENTER)
        self.heading = _style(
            "heading", SERIF_BOLD, 14, alignment=TA_JUSTIFY, spaceBefore=8, spaceAfter=6
        )
        self.sub_heading = _style(
            "sub_heading", SERIF_BOLD, 14, alignment=TA_JUSTIFY, firstLineIndent=1.27 * cm
        )
        self.body = _style(
            "body",
            size=14,
            alignment=TA_JUSTIFY,
            firstLineIndent=1.27 * cm,
            spaceAfter=6,
            leading=14 * 1.3,
        )
        self.caption = _style(
            "caption", SERIF_ITALIC, 12, alignment=TA_CENTER, spaceAfter=6, keepWithNext=1
        )
        self.chart_caption = _style(
            "chart_caption", SERIF_ITALIC, 12, alignment=TA_CENTER, spaceAfter=6
        )
        self.cell = _style("cell", size=11, alignment=TA_LEFT)
        self.small_cell = _style("small_cell", size=10, alignment=TA_LEFT)
        self.recipients_title = _style("recipients_title", SERIF_BOLD_ITALIC, 12)
        self.recipients = _style("recipients", size=11, leading=13)
        self.signer = _style("signer", SERIF_BOLD, 13, alignment=TA_CENTER)
        self.note = _style("note", SERIF_ITALIC, 10, alignment=TA_LEFT)


# --- small flowables ---------------------------------------------------------------------------


class _Rule(Flowable):  # type: ignore[misc]
    """A centred horizontal line of a given width (under the issuing body, motto and subject)."""

    def __init__(self, width: float, available: float, below: float = 4) -> None:
        super().__init__()
        self.rule_width = width
        self.width = available
        self.height = below + 2
        """reportlab sets a paragraph's last baseline near its bottom edge, so descenders reach
        below it: the line is drawn `below` points under that edge."""

    def draw(self) -> None:
        x = (self.width - self.rule_width) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 1, x + self.rule_width, 1)


class _SignatureSpace(Flowable):  # type: ignore[misc]
    """Blank room in the signer block; remembers where it landed for the visible signature."""

    def __init__(self, width: float, height: float, found: list[SignatureBox]) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.found = found

    def draw(self) -> None:
        x1, y1 = self.canv.absolutePosition(0, 0)
        x2, y2 = self.canv.absolutePosition(self.width, self.height)
        page = self.canv.getPageNumber() - 1
        self.found[:] = [SignatureBox(page, (float(x1), float(y1), float(x2), float(y2)))]


class _Info(PDFInfo):  # type: ignore[misc]
    """The document information dictionary with the report's own keys added."""

    extra: dict[str, str] = {}  # noqa: RUF012 (set per instance before use)

    def format(self, document: Any) -> bytes:
        formatted: bytes = super().format(document)
        if not self.extra:
            return formatted
        entries = {key.lstrip("/"): PDFString(value) for key, value in self.extra.items()}
        extra_text: bytes = PDFDictionary(entries).format(document)
        # Both are "<< ... >>": merge the inner parts.
        return formatted.rstrip()[:-2] + extra_text.strip()[2:]


def _layout_table(rows: list[list[Any]], widths: Sequence[float], *extra: tuple[Any, ...]) -> Table:
    """A borderless table that places blocks side by side (header, signer block). Its font is
    named although every cell holds paragraphs: reportlab otherwise selects Helvetica."""
    return Table(
        rows,
        colWidths=list(widths),
        style=[
            ("FONT", (0, 0), (-1, -1), SERIF, 10),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            *extra,
        ],
    )


def _drawing(height: float) -> Drawing:
    """A chart's drawing, starting in the serif font (reportlab's default is Helvetica)."""
    drawing = Drawing(TEXT_WIDTH, height)
    drawing.initialFontName = SERIF
    return drawing


def _set_axes(chart: Any, labels: Sequence[str], values: Sequence[int]) -> None:
    """Axes in the serif font, numbers written the Vietnamese way, zero at the base."""
    chart.valueAxis.valueMin = 0
    if max(values, default=0) == 0:
        chart.valueAxis.valueMax = 1
    chart.valueAxis.labels.fontName = SERIF
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = lambda value: _number(value)
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = SERIF


# --- the document ------------------------------------------------------------------------------


class _Builder:
    def __init__(self, content: ReportContent, issue: IssueDetails) -> None:
        self.content = content
        self.issue = issue
        self.styles = _Styles()
        self.signature: list[SignatureBox] = []
        self.story: list[Flowable] = []

    # paragraphs and tables

    def para(
        self, text: str, style: ParagraphStyle | None = None, *, raw: bool = False
    ) -> Paragraph:
        """A paragraph of plain text (escaped), or of reportlab markup when `raw`."""
        return Paragraph(nfc(text) if raw else escape(nfc(text)), style or self.styles.body)

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        widths: Sequence[float],
        *,
        numeric: Sequence[int] = (),
        total: Sequence[Any] | None = None,
        font_size: float = 11,
    ) -> list[Flowable]:
        """A bordered table whose header repeats on every page, set in the serif font only."""
        header_style = _style("table_head", SERIF_BOLD, font_size, alignment=TA_CENTER)
        head = [Paragraph(escape(nfc(text)), header_style) for text in header]
        body = [list(row) for row in rows]
        if total is not None:
            body.append(list(total))
        chunks = [body[i : i + APPENDIX_CHUNK] for i in range(0, len(body), APPENDIX_CHUNK)] or [[]]
        tables: list[Flowable] = []
        for index, chunk in enumerate(chunks):
            commands: list[tuple[Any, ...]] = [
                ("FONT", (0, 0), (-1, -1), SERIF, font_size, font_size * 1.2),
                ("FONT", (0, 0), (-1, 0), SERIF_BOLD, font_size, font_size * 1.2),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
            for column in numeric:
                commands.append(("ALIGN", (column, 1), (column, -1), "RIGHT"))
            if total is not None and index == len(chunks) - 1:
                commands.append(("FONT", (0, -1), (-1, -1), SERIF_BOLD, font_size, font_size * 1.2))
            tables.append(
                Table([head, *chunk], colWidths=list(widths), repeatRows=1, style=commands)
            )
        return tables

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
            _Rule(min(issuing_width, left_width) * 0.4, left_width),
        ]
        motto: list[Flowable] = [
            self.para(MOTTO_NATION, s.motto_nation),
            self.para(MOTTO, s.motto),
            _Rule(stringWidth(MOTTO, SERIF_BOLD, 13), right_width),
        ]
        number = self.issue.number_text or f"      /BC-{header.number_suffix}"
        table = _layout_table(
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
            _Rule(TEXT_WIDTH * 0.33, TEXT_WIDTH, below=5),
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
                f"{_number(programs.total)} mô hình, phong trào tự quản về an ninh, trật tự; "
                f"trong đó {_number(programs.police_maintained)} mô hình do lực lượng Công an "
                f"duy trì. Theo kết quả đánh giá gần nhất, {_number(programs.effective)} mô hình "
                f"được đánh giá hoạt động hiệu quả "
                f"({_percent(programs.effective, programs.total)} tổng số mô hình)."
            )
        )
        kind_rows = [
            [str(i), self.para(ProgramKind(key).label("vi"), s.cell), _number(count)]
            for i, (key, count) in enumerate(programs.by_kind.items(), start=1)
        ]
        self.add(
            self.para("Bảng 1. Số mô hình theo loại", s.caption),
            *self.table(
                ["STT", "Loại mô hình", "Số lượng"],
                kind_rows,
                [12 * mm, TEXT_WIDTH - 42 * mm, 30 * mm],
                numeric=[2],
                total=["", "Tổng cộng", _number(programs.total)],
            ),
            Spacer(1, 8),
        )
        body_rows = [
            [MaintainingBody(key).label("vi"), _number(count)]
            for key, count in programs.by_maintaining_body.items()
        ]
        rating_rows = [
            [
                "Chưa đánh giá" if key == UNRATED else Rating(key).label("vi"),
                _number(count),
            ]
            for key, count in programs.by_rating.items()
        ]
        half = (TEXT_WIDTH - 6 * mm) / 2
        left = self.table(
            ["Đơn vị duy trì", "Số mô hình"], body_rows, [half - 24 * mm, 24 * mm], numeric=[1]
        )
        right = self.table(
            ["Kết quả đánh giá gần nhất", "Số mô hình"],
            rating_rows,
            [half - 24 * mm, 24 * mm],
            numeric=[1],
        )
        pair = _layout_table([[left, "", right]], [half, 6 * mm, half])
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
        rows = []
        for figures in self.content.sub_units:
            rows.append(
                [
                    self.para(figures.unit_name, s.small_cell),
                    _number(figures.programs.total),
                    _number(figures.programs.effective),
                    _number(figures.groups),
                    _number(figures.members),
                    _number(figures.patrols.shifts),
                    _number(figures.patrols.participant_turns),
                    _number(figures.rehab.people),
                ]
            )
        whole = self.content.statistics
        total = [
            "Toàn địa bàn",
            _number(whole.programs.total),
            _number(whole.programs.effective),
            _number(whole.groups),
            _number(whole.members),
            _number(whole.patrols.shifts),
            _number(whole.patrols.participant_turns),
            _number(whole.rehab.people),
        ]
        number_width = (TEXT_WIDTH - 40 * mm) / 7
        self.add(
            self.para("Bảng 3. Kết quả theo đơn vị trực thuộc", s.caption),
            *self.table(
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
                f"Trong kỳ, trên địa bàn có {_number(figures.groups)} tổ, nhóm tự quản với "
                f"{_number(figures.members)} thành viên tham gia. Các tổ, nhóm đã tổ chức "
                f"{_number(patrols.shifts)} ca tuần tra, canh gác với "
                f"{_number(patrols.participant_turns)} lượt người tham gia; phát hiện "
                f"{_number(patrols.findings)} vụ việc về an ninh, trật tự; nhắc nhở "
                f"{_number(patrols.reminders)} lượt người dân chấp hành quy định về an ninh, "
                f"trật tự."
            ),
        )
        self.add(
            KeepTogether([self.shifts_chart(), self.para(self._chart_caption(), s.chart_caption)])
        )
        categories = list(patrols.findings_by_category.items())
        actions = list(patrols.findings_by_action.items())
        rows = []
        for index in range(max(len(categories), len(actions))):
            category = categories[index] if index < len(categories) else None
            action = actions[index] if index < len(actions) else None
            rows.append(
                [
                    FindingCategory(category[0]).label("vi") if category else "",
                    _number(category[1]) if category else "",
                    FindingAction(action[0]).label("vi") if action else "",
                    _number(action[1]) if action else "",
                ]
            )
        self.add(
            KeepTogether(
                [
                    self.para("Bảng 4. Vụ việc phát hiện theo loại và cách xử lý", s.caption),
                    *self.table(
                        ["Loại vụ việc", "Số vụ", "Cách xử lý", "Số vụ"],
                        rows,
                        [55 * mm, 22 * mm, TEXT_WIDTH - 99 * mm, 22 * mm],
                        numeric=[1, 3],
                        total=[
                            "Tổng cộng",
                            _number(patrols.findings),
                            "Tổng cộng",
                            _number(patrols.findings),
                        ],
                    ),
                ]
            ),
            Spacer(1, 8),
        )

    def _chart_points(self) -> tuple[list[str], list[int], bool]:
        monthly = self.content.shifts_per_month
        if len(monthly) <= 36:
            return (
                [f"{month:02d}/{year % 100:02d}" for year, month, _ in monthly],
                [count for *_, count in monthly],
                False,
            )
        by_quarter: dict[tuple[int, int], int] = {}
        for year, month, count in monthly:
            key = (year, (month - 1) // 3 + 1)
            by_quarter[key] = by_quarter.get(key, 0) + count
        labels = [f"Q{quarter}/{year % 100:02d}" for year, quarter in by_quarter]
        return labels, list(by_quarter.values()), True

    def _chart_caption(self) -> str:
        _, _, quarterly = self._chart_points()
        return f"Biểu đồ 1. Số ca tuần tra theo {'quý' if quarterly else 'tháng'}"

    def shifts_chart(self) -> Drawing:
        labels, values, _ = self._chart_points()
        drawing = _drawing(62 * mm)
        chart = VerticalBarChart()
        chart.x, chart.y = 14 * mm, 14 * mm
        chart.width, chart.height = TEXT_WIDTH - 20 * mm, 44 * mm
        chart.data = [values]
        chart.bars[0].fillColor = colors.HexColor("#2F5D8A")
        chart.bars[0].strokeColor = None
        _set_axes(chart, labels, values)
        chart.categoryAxis.labels.fontSize = 7 if len(labels) <= 18 else 6
        chart.categoryAxis.labels.angle = 0 if len(labels) <= 12 else 60
        chart.categoryAxis.labels.boxAnchor = "n" if len(labels) <= 12 else "ne"
        drawing.add(chart)
        return drawing

    def rehab_section(self) -> None:
        s = self.styles
        rehab = self.content.statistics.rehab
        self.add(
            CondPageBreak(40 * mm),
            self.para(
                'III. CÔNG TÁC GIÚP ĐỠ NGƯỜI LẦM LỖI TẠI CỘNG ĐỒNG (MÔ HÌNH "5+1")', s.heading
            ),
            self.para(
                f"Trong kỳ, các tổ giúp đỡ đã quản lý, giúp đỡ {_number(rehab.people)} người "
                f"(lũy kế từ khi triển khai: {_number(rehab.people_cumulative)} người). Kết quả: "
                f"{_number(rehab.progressed)} người tiến bộ, {_number(rehab.reoffended)} người "
                f"tái phạm; giới thiệu việc làm cho {_number(rehab.job_referrals)} người, hỗ trợ "
                f"học nghề cho {_number(rehab.vocational_training)} người. Đã tổ chức "
                f"{_number(rehab.follow_ups)} lượt gặp gỡ, theo dõi; hiện còn "
                f"{_number(rehab.follow_ups_overdue)} trường hợp quá hạn theo dõi."
            ),
        )
        self.add(
            KeepTogether(
                [
                    self.rehab_chart(),
                    self.para("Biểu đồ 2. Kết quả giúp đỡ người lầm lỗi", s.chart_caption),
                ]
            )
        )

    def rehab_chart(self) -> Drawing:
        rehab = self.content.statistics.rehab
        items = [
            ("Được giúp đỡ", rehab.people),
            ("Tiến bộ", rehab.progressed),
            ("Tái phạm", rehab.reoffended),
            ("Giới thiệu việc làm", rehab.job_referrals),
            ("Học nghề", rehab.vocational_training),
            ("Quá hạn theo dõi", rehab.follow_ups_overdue),
        ]
        drawing = _drawing(58 * mm)
        chart = HorizontalBarChart()
        chart.x, chart.y = 38 * mm, 6 * mm
        chart.width, chart.height = TEXT_WIDTH - 52 * mm, 48 * mm
        chart.data = [[value for _, value in reversed(items)]]
        chart.bars[0].fillColor = colors.HexColor("#8A4B2F")
        chart.bars[0].strokeColor = None
        _set_axes(chart, [label for label, _ in reversed(items)], chart.data[0])
        chart.categoryAxis.labels.fontSize = 10
        chart.barLabelFormat = lambda value: _number(value)
        chart.barLabels.fontName = SERIF
        chart.barLabels.fontSize = 9
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        drawing.add(chart)
        return drawing

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
                f"Kết quả đánh giá hằng quý của {_number(len(self.content.evaluations))} mô hình "
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
            *self.table(
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
        signer.append(_SignatureSpace(half, SIGNATURE_HEIGHT, self.signature))
        signer.append(self.para(header.signer_name, s.signer))
        block = _layout_table([[recipients, signer]], [half, half])
        self.add(Spacer(1, 10), KeepTogether([block]))

    def appendices(self) -> None:
        s = self.styles
        content = self.content
        if not content.request.include_appendices:
            return
        self.add(
            PageBreak(),
            self.para("PHỤ LỤC 1. DANH SÁCH CA TUẦN TRA TRONG KỲ", s.heading),
        )
        shift_rows = [
            [
                _number(index),
                self.para(
                    f"{format_date(row.shift_date)}<br/>{escape(row.hours)}", s.small_cell, raw=True
                ),
                self.para(
                    f"{escape(row.group)} <i>({escape(row.unit)})</i>", s.small_cell, raw=True
                ),
                self.para(row.area, s.small_cell),
                _number(row.participants),
                _number(row.findings),
                _number(row.reminders),
            ]
            for index, row in enumerate(content.shifts, start=1)
        ]
        fixed = 11 * mm + 23 * mm + 3 * 15 * mm
        wide = TEXT_WIDTH - fixed
        self.add(
            *self.table(
                [
                    "STT",
                    "Ngày, giờ",
                    "Tổ, nhóm (đơn vị)",
                    "Khu vực",
                    "Lượt người",
                    "Vụ việc",
                    "Nhắc nhở",
                ],
                shift_rows,
                [11 * mm, 23 * mm, wide * 0.56, wide * 0.44, 15 * mm, 15 * mm, 15 * mm],
                numeric=[0, 4, 5, 6],
                font_size=9,
            )
        )
        self.add(
            PageBreak(),
            self.para('PHỤ LỤC 2. DANH SÁCH NGƯỜI ĐƯỢC GIÚP ĐỠ (MÔ HÌNH "5+1")', s.heading),
        )
        masked = not content.request.full_citizen_ids
        if masked:
            self.add(self.para("Số định danh cá nhân chỉ in 4 chữ số cuối.", s.note))
        case_rows = [
            [
                _number(index),
                self.para(
                    f"{escape(row.full_name)}<br/>{row.birth_year}"
                    if row.birth_year
                    else escape(row.full_name),
                    s.small_cell,
                    raw=True,
                ),
                row.citizen_id,
                self.para(row.unit, s.small_cell),
                self.para(row.category, s.small_cell),
                format_date(row.opened_on),
                self.para(
                    f"{escape(row.status)}<br/>{format_date(row.status_since)}",
                    s.small_cell,
                    raw=True,
                ),
                _number(row.follow_ups),
            ]
            for index, row in enumerate(content.cases, start=1)
        ]
        widths = [11 * mm, 32 * mm, 23 * mm, 20 * mm, 28 * mm, 18 * mm, 0.0, 12 * mm]
        widths[6] = TEXT_WIDTH - sum(widths)
        self.add(
            *self.table(
                [
                    "STT",
                    "Họ và tên, năm sinh",
                    "Số định danh",
                    "Đơn vị",
                    "Diện",
                    "Ngày bắt đầu",
                    "Tình trạng, từ ngày",
                    "Lần gặp",
                ],
                case_rows,
                widths,
                numeric=[0, 7],
                font_size=9,
            )
        )
        self.add(
            Spacer(1, 8),
            self.para(
                f"Mã dữ liệu (SHA-256): {content.fingerprint}. Hai báo cáo có cùng mã được lập "
                f"từ cùng một dữ liệu.",
                s.note,
            ),
        )

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
        info = _Info()
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
