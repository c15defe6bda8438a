"""The platypus side of printing: documents of portrait and landscape pages, and ruled
table pages as flowables. Kept apart so that a plain table never loads platypus."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import PrintContext, margins
from ledger_app.outputs.pdf.grid import GridPage


def make_template(kind: str, on_page: Callable[[Canvas, Any], None] | None = None,
                  template_id: str | None = None) -> PageTemplate:
    size = styles.LANDSCAPE if kind == "landscape" else styles.PORTRAIT
    m = margins(kind)
    frame = Frame(m["left"], m["bottom"], size[0] - m["left"] - m["right"],
                  size[1] - m["top"] - m["bottom"], leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id=f"f_{kind}")
    return PageTemplate(id=template_id or kind, frames=[frame], pagesize=size,
                        onPage=on_page or (lambda c, d: None))


class LedgerDoc(BaseDocTemplate):
    """A document of form/landscape/doc pages; ``after_flowable`` hooks (bookmarks, TOC)."""

    def __init__(self, filename: Any, ctx: PrintContext, title: str,
                 templates: list[PageTemplate], **kw: Any):
        super().__init__(filename, pagesize=templates[0].pagesize, title=title,
                         author=ctx.org_name, creator="基层台账", subject=title,
                         initialFontName=ctx.fs.name("serif"), initialFontSize=10,
                         pageCompression=1, **kw)
        self.ctx = ctx
        self.addPageTemplates(templates)
        self.hooks: list[Callable[[Any, Any], None]] = []

    def afterFlowable(self, flowable: Any) -> None:
        for hook in self.hooks:
            hook(self, flowable)


class GridFlowable(Flowable):
    """A ruled table page inside a document (the binder, the dues register)."""

    def __init__(self, page: GridPage):
        super().__init__()
        self.page = page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail_width = avail_width
        return avail_width, self.page.box_height

    def draw(self) -> None:
        self.page.draw_on(self.canv, self.avail_width)


def grid_flowables(pages: list[GridPage]) -> list[Flowable]:
    flow: list[Flowable] = []
    for i, page in enumerate(pages):
        if i:
            flow.append(PageBreak())
        flow.append(GridFlowable(page))
    return flow


