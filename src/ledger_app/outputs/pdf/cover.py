"""The cover of a binder: a red title block with white text under the emblem, then the
organisation, category, year, 保管期限 and 卷号 on ruled lines (RULES.md §8)."""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import (
    RETENTIONS,
    PrintContext,
    Progress,
    atomic_output,
    check_year,
    find_category,
    no_progress,
)
from ledger_app.outputs.pdf.doc import LedgerDoc
from ledger_app.outputs.pdf.emblem import RED, check_artwork, draw_emblem
from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

WHITE = colors.white


def check_retention(retention: str) -> str:
    if retention not in RETENTIONS:
        raise LedgerError(f"保管期限只能是 {'、'.join(RETENTIONS)}，不能是 {retention!r}。")
    return retention


def fit_font_size(ctx: PrintContext, text: str, role: str, size: float, width: float) -> float:
    """The size (at most ``size``) at which ``text`` fits ``width``."""
    w = ctx.fs.width(text, role, size)
    return size if w <= width else max(6.0, size * width / w)


def draw_text(ctx: PrintContext, c: Canvas, x: float, y: float, text: str, role: str,
              size: float, align: str = "centre") -> None:
    """Draw with per-character font fallback, so no character prints as an empty box."""
    width = ctx.fs.width(text, role, size)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    t = c.beginText(x, y)
    for font, run in ctx.fs.runs(text, role):
        t.setFont(font, size)
        t.textOut(run)
    c.drawText(t)


class CoverPage(Flowable):
    """A whole A4 page (used with the full-page 'cover' template)."""

    def __init__(self, ctx: PrintContext, title: str, category: str, year: int | None,
                 retention: str, volume: str):
        super().__init__()
        self.ctx, self.title, self.category = ctx, title, category
        self.year, self.retention, self.volume = year, retention, volume

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return styles.PORTRAIT[0], styles.PORTRAIT[1] - 1   # just under the frame height

    def draw(self) -> None:
        ctx, c = self.ctx, self.canv
        page_w, page_h = styles.PORTRAIT
        c.saveState()
        # The red title block across the top of the page.
        block_bottom = page_h - 168 * mm
        c.setFillColor(colors.HexColor(RED))
        c.rect(0, block_bottom, page_w, page_h - block_bottom, stroke=0, fill=1)
        emblem = ctx.emblem_size(46 * mm)
        # Nothing is drawn on the emblem's square; the text starts below it.
        if emblem:
            draw_emblem(c, (page_w - emblem) / 2, page_h - 28 * mm - emblem, emblem,
                        artwork=ctx.emblem_path)
        else:
            emblem = 24 * mm      # no emblem: the title sits a little higher in the block
        c.setFillColor(WHITE)
        y = page_h - 28 * mm - emblem - 22 * mm
        size = fit_font_size(ctx, self.title, "sans", 34, page_w - 40 * mm)
        draw_text(ctx, c, page_w / 2, y, self.title, "sans", size)
        if self.category:
            y -= 20 * mm
            size = fit_font_size(ctx, self.category, "sans", 30, page_w - 40 * mm)
            draw_text(ctx, c, page_w / 2, y, self.category, "sans", size)
        if self.year:
            y -= 16 * mm
            draw_text(ctx, c, page_w / 2, y, f"（{self.year}年度）", "serif", 20)
        # The facts, on ruled lines below the block.
        c.setFillColor(styles.GRID)
        c.setStrokeColor(styles.GRID)
        rows = [("单位名称", ctx.org_name), ("类　　别", self.category or "全部类别"),
                ("年　　度", f"{self.year}年" if self.year else ""),
                ("保管期限", self.retention), ("卷　　号", f"第 {self.volume} 卷")]
        left = 40 * mm
        right = page_w - 36 * mm
        y = block_bottom - 22 * mm
        for label, value in rows:
            draw_text(ctx, c, left, y, f"{label}：", "sans", 15, align="left")
            start = left + 33 * mm
            size = fit_font_size(ctx, value, "fang", 16, right - start - 2 * mm)
            draw_text(ctx, c, start + 2 * mm, y, value, "fang", size, align="left")
            c.setLineWidth(0.6)
            c.line(start, y - 3 * mm, right, y - 3 * mm)
            y -= 15 * mm
        c.restoreState()


def cover_template(template_id: str = "cover") -> PageTemplate:
    w, h = styles.PORTRAIT
    frame = Frame(0, 0, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                  id=f"f_{template_id}")
    return PageTemplate(id=template_id, frames=[frame], pagesize=styles.PORTRAIT)


def cover_title(ledger: "Ledger") -> str:
    org_type = str(ledger.setting("org_type", "") or "党支部")
    return f"{org_type}工作台账"


def cover_flowable(ctx: PrintContext, category: str | None, year: int | None,
                   retention: str = "永久", volume: str = "1") -> CoverPage:
    label = ctx.ledger.pack.category(find_category(ctx.ledger, category)).label \
        if category else ""
    return CoverPage(ctx, cover_title(ctx.ledger), label, year, check_retention(retention),
                     str(volume))


def render_cover(ledger: "Ledger", out_path: str | os.PathLike[str], category: str | None = None,
                 year: int | None = None, retention: str = "永久", volume: str | int = 1,
                 emblem_path: str | None = None, progress: Progress | None = None) -> int:
    """Print the cover of a category's binder for a year (category None: the whole ledger)."""
    check_year(year)
    progress = progress or no_progress
    ctx = PrintContext(ledger, emblem_path=emblem_path, progress=progress)
    if ctx.emblem_path:
        check_artwork(ctx.emblem_path)
    year = year if year is not None else date.today().year
    page = cover_flowable(ctx, category, year, retention, str(volume))
    progress(0, 1, "正在生成封面……")
    with atomic_output(out_path) as tmp:
        doc = LedgerDoc(str(tmp), ctx, f"{page.title} {page.category} {year}",
                        [cover_template()])
        doc.build([page])
    progress(1, 1, "完成")
    return 1


__all__ = ["render_cover", "cover_flowable", "cover_template", "draw_text", "fit_font_size",
           "check_retention", "cover_title"]
