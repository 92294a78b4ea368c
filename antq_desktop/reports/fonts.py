"""The report's font: Liberation Serif (Times New Roman's widths, every Vietnamese letter), shipped
in `resources/fonts/` with its licence and embedded (subset) in every PDF.

reportlab falls back to base-14 Helvetica wherever a font is not named, and Helvetica has no
Vietnamese: every style in `reports.document` names `SERIF` or one of its styles explicitly.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from antq_desktop.resources import resource_path

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


def register_fonts() -> None:
    """Register the four styles as one family (so <b> and <i> in paragraphs pick them)."""
    if SERIF in pdfmetrics.getRegisteredFontNames():
        return
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
