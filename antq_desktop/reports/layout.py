"""The building blocks of the report's layout: page geometry, paragraph styles, tables in the
serif font, the small flowables (rules, the room for the signature, the information dictionary)
and chart set-up. `reports.document` puts them together."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.platypus import Flowable, Paragraph, Table

from antq_desktop.domain.text import format_number
from antq_desktop.reports.fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC
from antq_desktop.reports.signing import SignatureBox
from antq_desktop.services.report_header import nfc

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
APPENDIX_CHUNK = 200
"""Rows per table chunk: one giant table slows reportlab down as it grows."""


def number(value: float, decimals: int = 0) -> str:
    """1.612 and 25,0: numbers in the document are written the Vietnamese way."""
    return format_number(value, "vi", decimals)


def percent(part: int, whole: int) -> str:
    return f"{number(100 * part / whole, 1)}%" if whole else "0%"


def paragraph(text: str, style: ParagraphStyle, *, raw: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped, NFC), or of reportlab markup when `raw`."""
    return Paragraph(nfc(text) if raw else escape(nfc(text)), style)


# --- styles ------------------------------------------------------------------------------------


def style(name: str, font: str = SERIF, size: float = 13, **extra: Any) -> ParagraphStyle:
    settings: dict[str, Any] = {"leading": size * 1.2} | extra
    return ParagraphStyle(name, fontName=font, fontSize=size, **settings)


class Styles:
    def __init__(self) -> None:
        self.authority = style("authority", size=12.5, alignment=TA_CENTER)
        self.authority_bold = style("authority_bold", SERIF_BOLD, 12.5, alignment=TA_CENTER)
        self.motto_nation = style("motto_nation", SERIF_BOLD, 12, alignment=TA_CENTER)
        self.motto = style("motto", SERIF_BOLD, 13, alignment=TA_CENTER)
        self.number = style("number", size=13, alignment=TA_CENTER)
        self.place_date = style("place_date", SERIF_ITALIC, 13, alignment=TA_CENTER)
        self.title = style("title", SERIF_BOLD, 14, alignment=TA_CENTER, spaceBefore=12)
        self.subject = style("subject", SERIF_BOLD, 14, alignment=TA_CENTER)
        self.heading = style(
            "heading", SERIF_BOLD, 14, alignment=TA_JUSTIFY, spaceBefore=8, spaceAfter=6
        )
        self.sub_heading = style(
            "sub_heading", SERIF_BOLD, 14, alignment=TA_JUSTIFY, firstLineIndent=1.27 * cm
        )
        self.body = style(
            "body",
            size=14,
            alignment=TA_JUSTIFY,
            firstLineIndent=1.27 * cm,
            spaceAfter=6,
            leading=14 * 1.3,
        )
        self.caption = style(
            "caption", SERIF_ITALIC, 12, alignment=TA_CENTER, spaceAfter=6, keepWithNext=1
        )
        self.chart_caption = style(
            "chart_caption", SERIF_ITALIC, 12, alignment=TA_CENTER, spaceAfter=6
        )
        self.cell = style("cell", size=11, alignment=TA_LEFT)
        self.small_cell = style("small_cell", size=10, alignment=TA_LEFT)
        self.recipients_title = style("recipients_title", SERIF_BOLD_ITALIC, 12)
        self.recipients = style("recipients", size=11, leading=13)
        self.signer = style("signer", SERIF_BOLD, 13, alignment=TA_CENTER)
        self.note = style("note", SERIF_ITALIC, 10, alignment=TA_LEFT)


# --- small flowables ---------------------------------------------------------------------------


class Rule(Flowable):  # type: ignore[misc]
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


class SignatureSpace(Flowable):  # type: ignore[misc]
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


class DocumentInfo(PDFInfo):  # type: ignore[misc]
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


def layout_table(rows: list[list[Any]], widths: Sequence[float], *extra: tuple[Any, ...]) -> Table:
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


def chart_drawing(height: float) -> Drawing:
    """A chart's drawing, starting in the serif font (reportlab's default is Helvetica)."""
    drawing = Drawing(TEXT_WIDTH, height)
    drawing.initialFontName = SERIF
    return drawing


def count_step(highest: int, ticks: int = 6) -> int:
    """A whole, round step (1, 2, 5, 10, 20, 50…) giving at most about `ticks` ticks: counts have
    no fractions, and fractional ticks printed as whole numbers repeat ("0 0 1 1 2")."""
    step = 1
    while highest / step > ticks:
        for factor in (2, 5, 10):
            if highest / (step * factor) <= ticks or factor == 10:
                step *= factor
                break
    return step


def set_axes(chart: Any, labels: Sequence[str], values: Sequence[int]) -> None:
    """Axes in the serif font, numbers written the Vietnamese way, zero at the base."""
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = count_step(max(values, default=0))
    if max(values, default=0) == 0:
        chart.valueAxis.valueMax = 1
    chart.valueAxis.labels.fontName = SERIF
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = lambda value: number(value)
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = SERIF


def bordered_table(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    total: Sequence[Any] | None = None,
    font_size: float = 11,
) -> list[Flowable]:
    """A bordered table whose header repeats on every page, set in the serif font only."""
    header_style = style("table_head", SERIF_BOLD, font_size, alignment=TA_CENTER)
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
        tables.append(Table([head, *chunk], colWidths=list(widths), repeatRows=1, style=commands))
    return tables
