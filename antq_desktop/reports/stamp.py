"""The visible signature: a small framed block in dark red naming the signer, the unit and the time.

The stamp is drawn with reportlab in Liberation Serif (embedded, Vietnamese diacritics) and
imported as the appearance of the signature field: pyHanko's own text stamp would need fontTools
and HarfBuzz for an embedded font, and without them falls back to a base-14 font that has no
Vietnamese letters (REPORT-FORMAT.md, "Signing (PAdES)").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import Final

from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.layout import (
    AxisAlignment,
    BoxConstraints,
    Margins,
    SimpleBoxLayoutRule,
)
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.stamp import StaticStampStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from antq_desktop.domain.messages import message
from antq_desktop.reports.fonts import SERIF, SERIF_BOLD, register_fonts

STAMP_TIME_FORMAT: Final = "%d/%m/%Y %H:%M"

STAMP_SIGNED_BY = message("signing.stamp_signed_by", "Ký bởi: {signer}", "Signed by: {signer}")
STAMP_TIME = message("signing.stamp_time", "Thời gian ký: {time}", "Signing time: {time}")


@dataclass(frozen=True)
class StampText:
    """What the visible signature shows besides the signing time (Vietnamese)."""

    # e.g. "Nguyễn Văn An". The stamp's "Ký bởi" names the certificate's holder, as PDF readers and
    # `verify_pdf` do, so that the picture cannot claim another signer; this name shows only for a
    # certificate without a common name.
    signer: str
    unit: str  # e.g. "Công an phường Bến Thành"; "" leaves the line out


# The report's own font (reports.fonts): Liberation Serif, embedded as a subset.
STAMP_FONT: Final = SERIF
STAMP_FONT_BOLD: Final = SERIF_BOLD
_STAMP_INK: Final = (0.63, 0.05, 0.05)  # the dark red of signed Vietnamese e-documents
_STAMP_PADDING: Final = 4.0
_STAMP_MAX_FONT_SIZE: Final = 11.0
_STAMP_MIN_FONT_SIZE: Final = 4.0
_LINE_SPACING: Final = 1.22


def local_time_text(moment: datetime) -> str:
    """`moment` in local time as the stamp shows it (the certificate messages show it so too)."""
    return moment.astimezone().strftime(STAMP_TIME_FORMAT)


def single_line_nfc(text: str) -> str:
    """`text` in NFC, its runs of white space made one space, its ends trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def stamp_lines(stamp: StampText, holder: str, moment: datetime) -> list[tuple[str, str]]:
    """The stamp's lines as (font, text): the certificate's holder (or, for a certificate without
    a common name, `stamp.signer`), the unit when given, the signing time."""
    signer = single_line_nfc(holder) or single_line_nfc(stamp.signer)
    lines = [(STAMP_FONT_BOLD, STAMP_SIGNED_BY(signer=signer).render("vi"))]
    if single_line_nfc(stamp.unit):
        lines.append((STAMP_FONT, single_line_nfc(stamp.unit)))
    lines.append((STAMP_FONT, STAMP_TIME(time=local_time_text(moment)).render("vi")))
    return lines


def render_stamp(width: float, height: float, lines: list[tuple[str, str]]) -> bytes:
    """A one-page PDF of the stamp's size: a thin frame and the lines, wrapped and centred.

    The largest font size (up to 11 pt) at which the wrapped lines fit is used.
    """
    register_fonts()
    inner_width = max(width - 2 * _STAMP_PADDING, 1.0)
    inner_height = max(height - 2 * _STAMP_PADDING, 1.0)
    size = _STAMP_MAX_FONT_SIZE
    while True:
        wrapped = [
            (font, part)
            for font, text in lines
            for part in simpleSplit(text, font, size, inner_width) or [""]
        ]
        if len(wrapped) * size * _LINE_SPACING <= inner_height or size <= _STAMP_MIN_FONT_SIZE:
            break
        size = max(size - 0.25, _STAMP_MIN_FONT_SIZE)
    buffer = BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(width, height),
        initialFontName=STAMP_FONT,  # no base-14 font in the page resources, used or not
        initialFontSize=size,
        invariant=True,
    )
    canvas.setStrokeColorRGB(*_STAMP_INK)
    canvas.setFillColorRGB(*_STAMP_INK)
    canvas.setLineWidth(0.8)
    canvas.rect(0.4, 0.4, width - 0.8, height - 0.8)
    leading = size * _LINE_SPACING
    block_height = len(wrapped) * leading
    # the first baseline, so that the block of lines sits in the middle of the frame
    baseline = height / 2 + block_height / 2 - size * 0.9
    for font, text in wrapped:
        canvas.setFont(font, size)
        canvas.drawCentredString(width / 2, baseline, text)
        baseline -= leading
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def stamp_style(width: float, height: float, lines: list[tuple[str, str]]) -> StaticStampStyle:
    """The signature field's appearance: `render_stamp`'s page filling the whole field."""
    return StaticStampStyle(
        background=_ImportedPdfBytes(render_stamp(width, height, lines)),
        background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MIN,
            margins=Margins(),  # none: the stamp fills the field
        ),
        border_width=0,
    )


class _ImportedPdfBytes(PdfContent):
    """The first page of an in-memory PDF as a form XObject (pyHanko's own reads a file)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        reader = PdfFileReader(BytesIO(self._data))
        xobject = writer.import_page_as_xobject(reader, page_ix=0)
        self.resources.xobject["/AntqStamp"] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return b"/AntqStamp Do"
