"""The binder's page furniture: where a section starts, a category's divider page, a page
kept empty for what is written on it at the end, and the blank left page of duplex printing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import ActionFlowable

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import PrintContext
from ledger_app.outputs.pdf.cover import draw_text


@dataclass
class Section:
    key: str            # bookmark name
    title: str
    level: int          # 0 category, 1 record type, 2 record


class Marker(Flowable):
    """Zero-size: notes the page a section starts on."""

    def __init__(self, section: Section, found: dict[str, int]):
        super().__init__()
        self.section, self.found = section, found

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.found[self.section.key] = self.canv.getPageNumber()


class Divider(Flowable):
    """The page opening a category: its name, large, and what it holds."""

    def __init__(self, ctx: PrintContext, title: str, contents: list[str]):
        super().__init__()
        self.ctx, self.title, self.contents = ctx, title, contents

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height - 1
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(styles.PARTY_RED)
        y = self.height * 0.62
        c.rect(0, y - 14 * mm, self.width, 1.2 * mm, stroke=0, fill=1)
        draw_text(self.ctx, c, self.width / 2, y, self.title, "sans", 36)
        c.setFillColor(styles.GRID)
        y -= 30 * mm
        for line in self.contents:
            draw_text(self.ctx, c, self.width / 2, y, line, "kai", 16)
            y -= 10 * mm
        c.restoreState()


class Reserved(Flowable):
    """A reserved, empty page (the table of contents is written on it at the end)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, avail_height - 1

    def draw(self) -> None:
        return None


class OddPage(ActionFlowable):
    """Duplex printing: when the next part would start on a left-hand (even) page, leave
    that page blank so it starts on the right, as bound volumes do."""

    def __init__(self, blanks: set[int]):
        super().__init__()
        self.blanks = blanks

    def apply(self, doc: Any) -> None:
        if doc.page % 2 == 0:
            self.blanks.add(doc.page)
            doc.handle_pageBreak()

