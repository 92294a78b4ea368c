"""The report's appendix tables: the patrol shifts and the people helped in the period."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from antq_desktop.domain.validation import format_date
from antq_desktop.reports.layout import TEXT_WIDTH, Styles, bordered_table, number, paragraph
from antq_desktop.services import report_content
from antq_desktop.services.report_content import ReportContent


def appendices(content: ReportContent, s: Styles) -> list[Flowable]:
    """Appendix 1, every counted patrol shift (or their sums per unit and month when there are
    more than `MAX_LISTED_SHIFTS`); appendix 2, every person helped (citizen IDs as
    the request allows); then the data fingerprint."""
    story: list[Flowable] = []

    def add(*flowables: Flowable) -> None:
        story.extend(flowables)

    if content.shift_summary:
        add(*_shift_summary(content, s))
    else:
        add(*_shift_list(content, s))
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


def _shift_list(content: ReportContent, s: Styles) -> list[Flowable]:
    """Every counted shift, oldest first."""
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
    return [
        PageBreak(),
        paragraph("PHỤ LỤC 1. DANH SÁCH CA TUẦN TRA TRONG KỲ", s.heading),
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
        ),
    ]


def _shift_summary(content: ReportContent, s: Styles) -> list[Flowable]:
    """The shifts per unit and month, when they are too many to list one by one."""
    figures = content.statistics.patrols
    limit = number(report_content.MAX_LISTED_SHIFTS)
    rows = [
        [
            paragraph(row.unit, s.small_cell),
            f"{row.month:02d}/{row.year}",
            number(row.shifts),
            number(row.participants),
            number(row.findings),
            number(row.reminders),
        ]
        for row in content.shift_summary
    ]
    return [
        PageBreak(),
        paragraph("PHỤ LỤC 1. TỔNG HỢP CA TUẦN TRA THEO ĐƠN VỊ VÀ THÁNG", s.heading),
        paragraph(
            f"Trong kỳ có {number(figures.shifts)} ca tuần tra, nhiều hơn {limit} ca: phụ lục "
            f"tổng hợp theo đơn vị và tháng; danh sách từng ca có trong báo cáo của từng đơn vị.",
            s.note,
        ),
        *bordered_table(
            ["Đơn vị", "Tháng", "Số ca", "Lượt người", "Vụ việc", "Nhắc nhở"],
            rows,
            [TEXT_WIDTH - 22 * mm - 4 * 24 * mm, 22 * mm] + [24 * mm] * 4,
            numeric=[2, 3, 4, 5],
            total=[
                "Tổng cộng",
                "",
                number(figures.shifts),
                number(figures.participant_turns),
                number(figures.findings),
                number(figures.reminders),
            ],
            font_size=9,
        ),
    ]
