"""A one-line label that gives way in a crowded status bar: it shows as much of its text as
fits, with "…" for the rest, instead of being squeezed to a character or pushing others out."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    """Asks for room for its whole text (or the longer ``reserve`` text, so that changing
    messages do not make the bar jump; at most ``max_chars`` characters, 0: no limit) but
    settles for ``min_chars`` characters; the whole text is in the tooltip while it is cut.
    ``text()`` is always the whole text."""

    def __init__(self, elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
                 min_chars: int = 8, max_chars: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self._reserved = ""
        self._elide_mode = elide
        self._min_chars = min_chars
        self._max_chars = max_chars

    def setText(self, text: str) -> None:
        self._full = text
        self._show()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def reserve(self, text: str) -> None:
        """Ask for room for ``text`` even while a shorter text is shown."""
        self._reserved = text
        self.updateGeometry()

    def _width_of(self, text: str) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() \
            + 2 * self.margin() + 2

    def sizeHint(self) -> QSize:
        wanted = max(self._width_of(self._full), self._width_of(self._reserved))
        if self._max_chars:
            wanted = min(wanted, self._width_of("中" * self._max_chars))  # i18n: data
        return QSize(wanted, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        least = self._width_of("中" * self._min_chars)  # i18n: data — a wide character's width
        return QSize(min(least, self._width_of(self._full)), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show()

    def _show(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, self._elide_mode,
                                              self.contentsRect().width() - 2 * self.margin())
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
