"""The report's appendix tables: the patrol shifts and the people helped in the period."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from antq_desktop.domain.validation import format_date
from antq_desktop.reports.layout import TEXT_WIDTH, Styles, bordered_table, number, paragraph
from antq_desktop.services.report_content import ReportContent


def appendices(content: ReportContent, s: Styles) -> list[Flowable]:
    """Appendix 1, every counted patrol shift; appendix 2, every person helped (citizen IDs as
    the request allows); then the data fingerprint."""
    story: list[Flowable] = []

    def add(*flowables: Flowable) -> None:
        story.extend(flowables)

    add(
        PageBreak(),
        paragraph("PHỤ LỤC 1. DANH SÁCH CA TUẦN TRA TRONG KỲ", s.heading),
    )
    shift_rows = [
        [
            number(index),
            paragraph(
                f"{format_date(row.shift_date)}<br/>{escape(row.hours)}", s.small_cell, raw=True
            ),
            paragraph(f"{escape(row.group)} <i>({escape(row.unit)})</i>", s.small_cell, raw=True),
            paragraph(row.area, s.small_cell),
            number(row.participants),
            number(row.findings),
            number(row.reminders),
        ]
        for index, row in enumerate(content.shifts, start=1)
    ]
    fixed = 11 * mm + 23 * mm + 3 * 15 * mm
    wide = TEXT_WIDTH - fixed
    add(
        *bordered_table(
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
    add(
        PageBreak(),
        paragraph('PHỤ LỤC 2. DANH SÁCH NGƯỜI ĐƯỢC GIÚP ĐỠ (MÔ HÌNH "5+1")', s.heading),
    )
    masked = not content.request.full_citizen_ids
    if masked:
        add(paragraph("Số định danh cá nhân chỉ in 4 chữ số cuối.", s.note))
    case_rows = [
        [
            number(index),
            paragraph(
                f"{escape(row.full_name)}<br/>{row.birth_year}"
                if row.birth_year
                else escape(row.full_name),
                s.small_cell,
                raw=True,
            ),
            row.citizen_id,
            paragraph(row.unit, s.small_cell),
            paragraph(row.category, s.small_cell),
            format_date(row.opened_on),
            paragraph(
                f"{escape(row.status)}<br/>{format_date(row.status_since)}",
                s.small_cell,
                raw=True,
            ),
            number(row.follow_ups),
        ]
        for index, row in enumerate(content.cases, start=1)
    ]
    widths = [11 * mm, 32 * mm, 23 * mm, 20 * mm, 28 * mm, 18 * mm, 0.0, 12 * mm]
    widths[6] = TEXT_WIDTH - sum(widths)
    add(
        *bordered_table(
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
    add(
        Spacer(1, 8),
        paragraph(
            f"Mã dữ liệu (SHA-256): {content.fingerprint}. Hai báo cáo có cùng mã được lập "
            f"từ cùng một dữ liệu.",
            s.note,
        ),
    )
    return story
