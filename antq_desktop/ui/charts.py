"""Small bar charts drawn with QPainter (PySide6-Essentials has no QtCharts).

A chart is given `Bar`s whose labels are already in the interface language; values are written the
Vietnamese way (1.600) through `format_number`. `ColumnChart` draws vertical bars with the labels
under them (wrapped when long), `RowChart` horizontal bars with the labels on the left (elided
when long, the whole text in the tooltip). Both show `empty_text` across the chart when every value
is 0, describe their bars for screen readers, and show a bar's label and value as its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from antq_desktop.domain.text import format_number
from antq_desktop.ui import i18n

BAR_COLOUR = QColor("#5b8fd0")
HIGHLIGHT_COLOUR = QColor("#1f5aa6")
MARGIN = 6
GAP = 6
MAX_LABEL_LINES = 3


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    caption: str = ""
    """A second line under the label of a column (the year under January, …); may be empty."""


class Chart(QWidget):
    """What both charts share: the bars, the empty text, tooltips and the accessible text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._highlight: int | None = None
        self._empty_text = ""
        self._bar_rects: list[QRectF] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_bars(self, bars: list[Bar], *, highlight: int | None = None) -> None:
        """Show these bars; `highlight` is the index of a bar drawn darker (the current month)."""
        self._bars = list(bars)
        self._highlight = highlight
        self._bar_rects = []
        self.setAccessibleDescription(
            "; ".join(
                f"{bar.label} {bar.caption}".strip() + f": {self.value_text(bar.value)}"
                for bar in self._bars
            )
        )
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    @staticmethod
    def value_text(value: float) -> str:
        return format_number(value, i18n.language())

    def largest(self) -> float:
        return max((bar.value for bar in self._bars), default=0.0)

    def colour_of(self, index: int) -> QColor:
        return HIGHLIGHT_COLOUR if index == self._highlight else BAR_COLOUR

    def bar_at(self, point: QPoint) -> int | None:
        """The bar under `point` (its whole column or row, label included), if any."""
        for index, rect in enumerate(self._bar_rects):
            if rect.contains(point.toPointF()):
                return index
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(event.pos())
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                bar = self._bars[index]
                label = f"{bar.label} {bar.caption}".strip()
                QToolTip.showText(event.globalPos(), f"{label}: {self.value_text(bar.value)}", self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            area = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
            self._bar_rects = []
            empty = self.largest() <= 0
            if (
                self._bars
                and not (empty and self._empty_text)
                and min(area.width(), area.height()) > 20
            ):
                self.paint_bars(painter, area)
            elif self._empty_text and empty:
                painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(area, int(flags), self._empty_text)
        finally:
            painter.end()

    def paint_bars(self, painter: QPainter, area: QRect) -> None:
        raise NotImplementedError

    def text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def axis_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Mid)


class ColumnChart(Chart):
    """Vertical bars, the value above each bar and the label under it.

    A bar's caption (the year under a month) is written on a line of its own below the labels,
    from the bar's left edge rightwards, so it may run under the next bars: give captions only to
    bars a few columns apart.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(360, 210)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        line = self.fontMetrics().height()
        return QSize(max(160, 24 * len(self._bars)), line * (2 + MAX_LABEL_LINES) + 60)

    def _label_height(self, metrics: QFontMetrics, width: int) -> int:
        limit = metrics.height() * MAX_LABEL_LINES
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        tallest = max(
            metrics.boundingRect(QRect(0, 0, width, limit * 4), flags, bar.label).height()
            for bar in self._bars
        )
        return min(tallest, limit)

    def _fitting_font(self, texts: list[str], width: float) -> QFont:
        """The widget's font, made smaller (down to 6.5 pt) until the widest text fits `width`."""
        font = QFont(self.font())
        while font.pointSizeF() > 6.5:
            metrics = QFontMetrics(font)
            if max(metrics.horizontalAdvance(text) for text in texts) <= width:
                break
            font.setPointSizeF(font.pointSizeF() - 0.5)
        return font

    def paint_bars(self, painter: QPainter, area: QRect) -> None:
        column = area.width() / len(self._bars)
        words = [word for bar in self._bars for word in bar.label.split()] or [""]
        label_font = self._fitting_font(words, column - 4)  # wrap between words, never inside
        value_font = self._fitting_font([self.value_text(bar.value) for bar in self._bars], column)
        painter.setFont(label_font)
        metrics = painter.fontMetrics()
        label_height = self._label_height(metrics, max(int(column) - 2, 10))
        caption_height = metrics.height() if any(bar.caption for bar in self._bars) else 0
        top = area.top() + metrics.height() + 2
        baseline = area.bottom() - label_height - caption_height - 4
        height = max(baseline - top, 1)
        largest = max(self.largest(), 1.0)
        bar_width = max(min(column * 0.62, 56.0), 3.0)
        label_flags = int(
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        centred = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextDontClip)
        for index, bar in enumerate(self._bars):
            left = area.left() + index * column
            bar_height = height * max(bar.value, 0.0) / largest
            shape = QRectF(
                left + (column - bar_width) / 2, baseline - bar_height, bar_width, bar_height
            )
            painter.fillRect(shape, self.colour_of(index))
            painter.setPen(self.text_colour())
            painter.setFont(value_font)
            value_box = QRectF(left, shape.top() - metrics.height() - 1, column, metrics.height())
            painter.drawText(value_box, centred, self.value_text(bar.value))
            painter.setFont(label_font)
            label_box = QRectF(left + 1, baseline + 4, column - 2, label_height)
            painter.drawText(label_box, label_flags, bar.label)
            if bar.caption:
                caption_box = QRectF(
                    left + 1, baseline + 4 + label_height, area.right() - left, caption_height
                )
                painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(caption_box, int(Qt.AlignmentFlag.AlignLeft), bar.caption)
            self._bar_rects.append(QRectF(left, area.top(), column, area.height()))
        painter.setPen(self.axis_colour())
        painter.drawLine(area.left(), baseline, area.right(), baseline)


class RowChart(Chart):
    """Horizontal bars: the label on the left, the bar, then the value."""

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(360, max(210, len(self._bars) * self._row_height() + 2 * MARGIN))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(200, max(120, len(self._bars) * self._row_height() + 2 * MARGIN))

    def paint_bars(self, painter: QPainter, area: QRect) -> None:
        metrics = self.fontMetrics()
        row = min(area.height() / len(self._bars), self._row_height() * 1.6)
        label_width = min(
            max(metrics.horizontalAdvance(bar.label) for bar in self._bars) + 2,
            int(area.width() * 0.5),
        )
        value_width = max(
            metrics.horizontalAdvance(self.value_text(bar.value)) for bar in self._bars
        )
        bar_left = area.left() + label_width + GAP
        room = max(area.right() - value_width - GAP - bar_left, 1)
        largest = max(self.largest(), 1.0)
        bar_height = max(min(row * 0.6, metrics.height() * 1.1), 3.0)
        left_middle = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for index, bar in enumerate(self._bars):
            top = area.top() + index * row
            painter.setPen(self.text_colour())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
            painter.drawText(QRectF(area.left(), top, label_width, row), left_middle, label)
            length = room * max(bar.value, 0.0) / largest
            shape = QRectF(bar_left, top + (row - bar_height) / 2, length, bar_height)
            painter.fillRect(shape, self.colour_of(index))
            value_box = QRectF(shape.right() + GAP, top, value_width + GAP, row)
            painter.drawText(value_box, left_middle, self.value_text(bar.value))
            self._bar_rects.append(QRectF(area.left(), top, area.width(), row))
        painter.setPen(self.axis_colour())
        painter.drawLine(bar_left, area.top(), bar_left, int(area.top() + row * len(self._bars)))
