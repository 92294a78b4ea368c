"""The report's two charts, drawn as vector graphics in the serif font: patrol shifts per month
(per quarter when the period is longer than three years) and the outcomes of the "5+1" work."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm

from antq_desktop.reports.fonts import SERIF
from antq_desktop.reports.layout import TEXT_WIDTH, chart_drawing, number, set_axes
from antq_desktop.services.statistics import RehabFigures

MONTHLY_LIMIT = 36
"""More months than this are shown per quarter: thinner bars could not be labelled."""


def shift_points(
    monthly: tuple[tuple[int, int, int], ...],
) -> tuple[list[str], list[int], bool]:
    """Labels and counts for the shifts chart, and whether they are per quarter."""
    if len(monthly) <= MONTHLY_LIMIT:
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


def shifts_caption(monthly: tuple[tuple[int, int, int], ...]) -> str:
    quarterly = shift_points(monthly)[2]
    return f"Biểu đồ 1. Số ca tuần tra theo {'quý' if quarterly else 'tháng'}"


def shifts_chart(monthly: tuple[tuple[int, int, int], ...]) -> Drawing:
    labels, values, _ = shift_points(monthly)
    drawing = chart_drawing(62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 14 * mm
    chart.width, chart.height = TEXT_WIDTH - 20 * mm, 44 * mm
    chart.data = [values]
    chart.bars[0].fillColor = colors.HexColor("#2F5D8A")
    chart.bars[0].strokeColor = None
    set_axes(chart, labels, values)
    chart.categoryAxis.labels.fontSize = 7 if len(labels) <= 18 else 6
    chart.categoryAxis.labels.angle = 0 if len(labels) <= 12 else 60
    chart.categoryAxis.labels.boxAnchor = "n" if len(labels) <= 12 else "ne"
    drawing.add(chart)
    return drawing


def rehab_chart(rehab: RehabFigures) -> Drawing:
    items = [
        ("Được giúp đỡ", rehab.people),
        ("Tiến bộ", rehab.progressed),
        ("Tái phạm", rehab.reoffended),
        ("Giới thiệu việc làm", rehab.job_referrals),
        ("Học nghề", rehab.vocational_training),
        ("Quá hạn theo dõi", rehab.follow_ups_overdue),
    ]
    drawing = chart_drawing(58 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y = 38 * mm, 6 * mm
    chart.width, chart.height = TEXT_WIDTH - 52 * mm, 48 * mm
    values = [value for _, value in reversed(items)]
    chart.data = [values]
    chart.bars[0].fillColor = colors.HexColor("#8A4B2F")
    chart.bars[0].strokeColor = None
    set_axes(chart, [label for label, _ in reversed(items)], values)
    chart.categoryAxis.labels.fontSize = 10
    chart.barLabelFormat = lambda value: number(value)
    chart.barLabels.fontName = SERIF
    chart.barLabels.fontSize = 9
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
