"""The real PDF, shown inside the program (Qt's PDF module) and sent to a printer.

QtPdf comes in the ``PySide6-Pdf`` wheel (in ``PySide6-Addons`` before Qt 6.12). Without
it the preview says so and printing is unavailable; saving the PDF still works.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ledger_app.ui.i18n import tr, tr_noop

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - the wheel is a dependency; this is for odd installs
    HAVE_QTPDF = False

PRINT_DPI_LIMIT = 300   # enough for text and photos; keeps spooled jobs a sane size
# The preview's zoom choices: fit the width, the whole page, or a fixed percentage.
ZOOMS = ((tr_noop("适合宽度"), "width"), (tr_noop("整页"), "page"), ("50%", 0.5), ("75%", 0.75),
         ("100%", 1.0), ("125%", 1.25), ("150%", 1.5), ("200%", 2.0))


class PdfPreview(QWidget):
    """A scrollable, page-by-page view of one PDF file."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stack = QStackedWidget(self)
        self._message = QLabel(tr("选择要打印的内容，然后点“生成预览”。"), self)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._stack.addWidget(self._message)
        self.document = None
        self.view = None
        if HAVE_QTPDF:
            self.document = QPdfDocument(self)
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setPageSpacing(12)
            self._stack.addWidget(self.view)
        else:
            self._message.setText(tr("本机缺少 Qt 的 PDF 组件（PySide6-Pdf），无法在程序内预览和打印；"
                                     "仍可保存 PDF 后用其他软件打开。"))
        self.zoom_box = QComboBox(self)
        for label, value in ZOOMS:
            self.zoom_box.addItem(tr(label), value)
        self.zoom_box.setEnabled(HAVE_QTPDF)
        self.zoom_box.currentIndexChanged.connect(self._zoom_changed)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(QLabel(tr("缩放"), self))
        bar.addWidget(self.zoom_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._stack)

    def set_zoom(self, value: str | float) -> None:
        """Fit the width ("width"), the whole page ("page"), or a factor (1.0 = 100%)."""
        index = self.zoom_box.findData(value)
        if index >= 0:
            self.zoom_box.setCurrentIndex(index)

    def _zoom_changed(self) -> None:
        if self.view is None:
            return
        value = self.zoom_box.currentData()
        if value == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(value))

    def show_message(self, text: str) -> None:
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)

    def load(self, path: str | Path) -> int:
        """Show the PDF; returns its page count (0 when it could not be read)."""
        if self.document is None or self.view is None:
            return 0
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.show_message(tr("无法显示生成的 PDF（{error}）。").format(error=error.name))
            return 0
        self._stack.setCurrentWidget(self.view)
        return self.document.pageCount()

    def clear(self) -> None:
        if self.document is not None:
            self.document.close()
        self.show_message(tr("选择要打印的内容，然后点“生成预览”。"))

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def render_page(self, index: int, dpi: float) -> QImage:
        """One page as an image at ``dpi`` (used for printing and for tests); an empty
        image without Qt's PDF module."""
        if self.document is None:
            return QImage()
        size = self.document.pagePointSize(index)
        pixels = QSize(max(1, int(size.width() * dpi / 72)), max(1, int(size.height() * dpi / 72)))
        return self.document.render(index, pixels)


def print_document(preview: PdfPreview, printer, first: int = 1, last: int = 0) -> int:
    """Send pages first..last (1-based; 0 = to the end) to ``printer``; returns pages sent.

    Each page is rendered at the printer's resolution (at most 300 dpi) and fitted to the
    printable area without distortion; a landscape page on portrait paper is turned."""
    count = preview.page_count
    if not count:
        return 0
    last = count if last <= 0 else min(last, count)
    first = max(1, first)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(tr("打印机无法开始打印。"))

    sent = 0
    try:
        dpi = min(float(printer.resolution()), PRINT_DPI_LIMIT)
        for number in range(first, last + 1):
            if sent:
                printer.newPage()
            image = preview.render_page(number - 1, dpi)
            area = painter.viewport()
            page_landscape = image.width() > image.height()
            paper_landscape = area.width() > area.height()
            painter.save()
            if page_landscape != paper_landscape:
                painter.translate(area.width(), 0)
                painter.rotate(90)
                box_w, box_h = area.height(), area.width()
            else:
                box_w, box_h = area.width(), area.height()
            scale = min(box_w / image.width(), box_h / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF((box_w - w) / 2, (box_h - h) / 2, w, h), image)
            painter.restore()
            sent += 1
    finally:
        painter.end()
    return sent
