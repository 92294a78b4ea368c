"""A PDF shown page under page, the way a reader shows it, rendered with PDFium (pypdfium2).

Only the pages in view (and one screen around them) are rendered, when they come into view: a
district's report with its appendices runs to fifty pages and more, and rendering them all at once
would hold up the window and its memory. Pages far from the view drop their image again. The
document is opened from its bytes for each batch of pages and closed at once, so no PDFium object
outlives the call that needed it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2  # type: ignore[import-untyped]  # no py.typed in the wheel
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

FIT_WIDTH = 0
"""The zoom choice that fits the page to the width of the view (the others are percentages)."""
ZOOMS = (FIT_WIDTH, 50, 75, 100, 125, 150, 200)
PAGE_GAP = 14
SIDE_MARGIN = 18
POINTS_PER_INCH = 72
KEEP_AROUND = 3
"""Pages kept rendered on each side of the ones in view; farther ones give their image back."""
BACKDROP = "#525659"
"""The grey around the pages, as PDF readers have it."""
PAGE_STYLE = "background: white; color: #9e9e9e; border: 1px solid #5f6368;"


@dataclass(frozen=True)
class PageSize:
    width: float  # points
    height: float


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf: bytes = b""
        self._sizes: list[PageSize] = []
        self._labels: list[QLabel] = []
        self._rendered: dict[int, int] = {}  # page index -> pixel width it was rendered at

        self.zoom = QComboBox()
        self.zoom.setObjectName("preview.zoom")
        for zoom in ZOOMS:
            text = self.tr("Vừa chiều rộng") if zoom == FIT_WIDTH else f"{zoom}%"
            self.zoom.addItem(text, zoom)
        self.zoom.currentIndexChanged.connect(self._relayout)
        self.page_label = QLabel()
        self.page_label.setObjectName("preview.page")
        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.page_label)
        toolbar.addStretch(1)
        toolbar.addWidget(QLabel(self.tr("Thu phóng:")))
        toolbar.addWidget(self.zoom)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("preview.placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #e8eaed; font-size: 11pt; padding: 24px;")
        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("preview.pages")
        palette = self.pages_widget.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKDROP))
        self.pages_widget.setPalette(palette)
        self.pages_widget.setAutoFillBackground(True)
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setContentsMargins(SIDE_MARGIN, PAGE_GAP, SIDE_MARGIN, PAGE_GAP)
        self.pages_layout.addWidget(self.placeholder)
        self.pages_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("preview.scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.pages_widget)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._schedule)
        self.scroll_area.horizontalScrollBar().valueChanged.connect(self._schedule)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.scroll_area, 1)

        # Scrolling and resizing come in bursts: render once the burst is over.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.render_visible)
        self.show_message("")

    # --- what is shown -------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """No document: the text (what to do to get one) in the middle of the grey area."""
        self._clear_pages()
        self._pdf = b""
        self.placeholder.setText(text)
        self.placeholder.show()
        self.page_label.clear()

    def set_pdf(self, data: bytes) -> None:
        """Show the document `data`; the view stays at the same place when the pages allow."""
        position = self.scroll_area.verticalScrollBar().value()
        document = pypdfium2.PdfDocument(data)
        try:
            sizes = [PageSize(*document.get_page_size(index)) for index in range(len(document))]
        finally:
            document.close()
        self._clear_pages()
        self._pdf = data
        self._sizes = sizes
        self.placeholder.hide()
        for number in range(len(sizes)):
            label = QLabel(self.tr("Trang {number}").format(number=number + 1))
            label.setObjectName(f"preview.page{number + 1}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(PAGE_STYLE)
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.pages_layout.insertWidget(number, label, 0, Qt.AlignmentFlag.AlignHCenter)
            label.show()  # at once: the layout would show it later, and count it only then
            self._labels.append(label)
        self._relayout()
        self.scroll_area.verticalScrollBar().setValue(position)
        self._schedule()

    def page_count(self) -> int:
        return len(self._sizes)

    def rendered_pages(self) -> list[int]:
        """The pages (from 0) that hold an image now."""
        return sorted(self._rendered)

    def page_pixmap(self, index: int) -> QPixmap:
        return self._labels[index].pixmap()

    # --- layout and rendering ------------------------------------------------------------------

    def _clear_pages(self) -> None:
        for label in self._labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self._labels = []
        self._sizes = []
        self._rendered = {}

    def _page_width(self, size: PageSize) -> int:
        zoom = int(self.zoom.currentData())
        if zoom == FIT_WIDTH:
            scrollbar = self.scroll_area.verticalScrollBar().sizeHint().width()
            available = self.scroll_area.viewport().width() - 2 * SIDE_MARGIN - scrollbar
            return max(available, 120)
        return max(round(size.width * zoom / 100 * self.logicalDpiX() / POINTS_PER_INCH), 60)

    def _relayout(self) -> None:
        """Give every page its size at the chosen zoom (rendered images are made again)."""
        for size, label in zip(self._sizes, self._labels, strict=True):
            width = self._page_width(size)
            label.setFixedSize(QSize(width, round(width * size.height / size.width)))
        # The scroll area sizes the pages and its scroll bars when the layout asks for it, later
        # in the event loop; asked now, keeping the place and scrolling work at once.
        self.pages_layout.activate()
        QCoreApplication.sendEvent(self.scroll_area, QEvent(QEvent.Type.LayoutRequest))
        self._schedule()

    def _schedule(self) -> None:
        self._timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if int(self.zoom.currentData()) == FIT_WIDTH and self._labels:
            self._relayout()

    def _visible_pages(self) -> range:
        """The pages in view. Their places are worked out from their sizes (the layout puts them
        one under the other at fixed sizes), not read from the widgets: the layout may not have
        placed them yet right after a new document or zoom."""
        if not self._labels:
            return range(0)
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + self.scroll_area.viewport().height()
        first = last = -1
        y = PAGE_GAP
        for index, label in enumerate(self._labels):
            height = label.height()
            if y < bottom and y + height > top:
                first = index if first < 0 else first
                last = index
            elif y >= bottom:
                break
            y += height + PAGE_GAP
        if first < 0:
            return range(1)
        return range(first, last + 1)

    def render_visible(self) -> None:
        """Render the pages in view and one around them; forget those far away."""
        visible = self._visible_pages()
        if not visible:
            return
        self.page_label.setText(
            self.tr("Trang {first}/{count}").format(first=visible[0] + 1, count=len(self._labels))
        )
        wanted = range(max(visible.start - 1, 0), min(visible.stop + 1, len(self._labels)))
        missing = [
            index for index in wanted if self._rendered.get(index) != self._labels[index].width()
        ]
        if missing:
            self._render(missing)
        keep = range(visible.start - KEEP_AROUND, visible.stop + KEEP_AROUND)
        for index in [index for index in self._rendered if index not in keep]:
            label = self._labels[index]
            label.setPixmap(QPixmap())
            label.setText(self.tr("Trang {number}").format(number=index + 1))
            del self._rendered[index]

    def _render(self, indexes: list[int]) -> None:
        ratio = self.devicePixelRatioF()
        document = pypdfium2.PdfDocument(self._pdf)
        try:
            document.init_forms()  # a signed report's stamp is a form field: draw it too
            for index in indexes:
                label = self._labels[index]
                page = document[index]
                try:
                    scale = label.width() * ratio / self._sizes[index].width
                    bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
                    image = QImage(
                        bitmap.buffer,
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGBX8888,
                    ).copy()  # the bitmap's memory goes with it: keep a copy
                    bitmap.close()
                finally:
                    page.close()
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                label.setPixmap(pixmap)
                self._rendered[index] = label.width()
        finally:
            document.close()
