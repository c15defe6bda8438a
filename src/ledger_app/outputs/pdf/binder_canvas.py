"""The binder's canvas: every page held back until the end, then the cover's counts, the
contents, the closing sheet, bookmarks and page numbers written onto them once every page
is known."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.binder_pages import Section
from ledger_app.outputs.pdf.common import PrintContext, dash_page_number
from ledger_app.outputs.pdf.cover import draw_text
from ledger_app.outputs.pdf.front_matter import Closing, Entry, draw_closing, draw_contents


@dataclass
class Book:
    """What the binder's canvas fills in at the end."""
    cover: Any
    entries: list[Entry]
    contents: list[list[Entry]]
    closing: Closing
    heading: str
    duplex: bool = False
    blanks: set[int] = field(default_factory=set)


def binder_canvas(ctx: PrintContext, sections: list[Section], found: dict[str, int],
                  book: Book) -> type[Canvas]:
    fs = ctx.fs

    class BinderCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            by_page: dict[int, list[Section]] = {}
            for s in sections:
                if s.key in found:
                    by_page.setdefault(found[s.key], []).append(s)
            total = len(self._held)
            book.closing.pages = total
            contents_first = found.get("contents", 0)
            for number, state in enumerate(self._held, start=1):
                # Names of link annotations come from a running count that must keep
                # growing across the replayed pages.
                count = getattr(self, "_annotationCount", 0)
                self.__dict__.update(state)
                self._annotationCount = max(count, getattr(self, "_annotationCount", 0))
                if number == 1 and book.cover.counts_at:
                    x, y, size = book.cover.counts_at
                    draw_text(ctx, self, x, y, f"共 {book.closing.items} 件　{total} 页",
                              "fang", size, align="left")
                index = number - contents_first
                if contents_first and 0 <= index < len(book.contents):
                    draw_contents(ctx, self, book.contents[index], index == 0, book.entries,
                                  found, found.get("closing", total + 1) - 1, book.heading)
                if number == found.get("closing"):
                    draw_closing(ctx, self, book.closing)
                for s in by_page.get(number, []):
                    self.bookmarkPage(s.key)
                    self.addOutlineEntry(s.title, s.key, level=s.level, closed=s.level >= 1)
                if number > 1 and number not in book.blanks:
                    if book.duplex:
                        outer_page_number(fs, self, number)
                    else:
                        dash_page_number(fs, self, number)
                Canvas.showPage(self)
            self.showOutline()
            Canvas.save(self)

    return BinderCanvas


def outer_page_number(fs: Any, canvas: Canvas, number: int) -> None:
    """Duplex page numbers at the outer corner (GB/T 9704: 单页码居右，双页码居左)."""
    width, _height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(fs.name("serif"), styles.SIZE_4 - 2)
    text = f"— {number} —"
    if number % 2:
        canvas.drawRightString(width - 14 * mm, 6 * 2.8346, text)
    else:
        canvas.drawString(14 * mm, 6 * 2.8346, text)
    canvas.restoreState()
