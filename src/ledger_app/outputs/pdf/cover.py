"""The cover of a binder: a red title block with white text under the emblem, then the
organisation, category, 起止日期, 保管期限, 卷号 and 件数/页数 on ruled lines (RULES.md §8,
DA/T 22-2015); a long organisation name wraps onto a second line."""

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
    """A whole A4 page (used with the full-page 'cover' template).

    The facts follow archival practice (案卷封面, DA/T 22-2015): 单位名称, 类别, 起止日期,
    保管期限, 卷号 and 件数/页数 — the binder fills the last one in once every page is made
    (``counts_at``); a cover printed alone leaves it to be written by hand."""

    def __init__(self, ctx: PrintContext, title: str, category: str, year: int | None,
                 retention: str, volume: str, period: tuple[str, str] | None = None):
        super().__init__()
        self.ctx, self.title, self.category = ctx, title, category
        self.year, self.retention, self.volume = year, retention, volume
        self.period = period or ((f"{year}-01-01", f"{year}-12-31") if year else None)
        self.counts_at: tuple[float, float, float] | None = None   # x, y, size on the page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return styles.PORTRAIT[0], styles.PORTRAIT[1] - 1   # just under the frame height

    def period_line(self) -> str:
        if self.year and self.period == (f"{self.year}-01-01", f"{self.year}-12-31"):
            return f"（{self.year}年度）"
        if self.period:
            return f"（{self.period[0] or '…'} 至 {self.period[1] or '…'}）"
        return ""

    def draw(self) -> None:
        ctx, c = self.ctx, self.canv
        page_w, page_h = styles.PORTRAIT
        c.saveState()
        # The red title block across the top of the page.
        block_bottom = page_h - 160 * mm
        c.setFillColor(colors.HexColor(RED))
        c.rect(0, block_bottom, page_w, page_h - block_bottom, stroke=0, fill=1)
        emblem = ctx.emblem_size(44 * mm)
        # Nothing is drawn on the emblem's square; the text starts below it.
        if emblem:
            draw_emblem(c, (page_w - emblem) / 2, page_h - 26 * mm - emblem, emblem,
                        artwork=ctx.emblem_path)
        else:
            emblem = 24 * mm      # no emblem: the title sits a little higher in the block
        c.setFillColor(WHITE)
        y = page_h - 26 * mm - emblem - 22 * mm
        size = fit_font_size(ctx, self.title, "sans", 34, page_w - 40 * mm)
        draw_text(ctx, c, page_w / 2, y, self.title, "sans", size)
        if self.category:
            y -= 19 * mm
            size = fit_font_size(ctx, self.category, "sans", 30, page_w - 40 * mm)
            draw_text(ctx, c, page_w / 2, y, self.category, "sans", size)
        line = self.period_line()
        if line:
            y -= 15 * mm
            draw_text(ctx, c, page_w / 2, y, line, "serif",
                      fit_font_size(ctx, line, "serif", 20, page_w - 40 * mm))
        # The facts, on ruled lines below the block.
        c.setFillColor(styles.GRID)
        c.setStrokeColor(styles.GRID)
        span = "—".join(d.replace("-", "") for d in self.period) if self.period and all(
            self.period) else ""
        rows = [("单位名称", ctx.org_name), ("类　　别", self.category or "全部类别"),
                ("起止日期", span), ("保管期限", self.retention),
                ("卷　　号", f"第 {self.volume} 卷"), ("件数页数", "")]
        left = 36 * mm
        right = page_w - 32 * mm
        y = block_bottom - 18 * mm
        start = left + 33 * mm
        for label, value in rows:
            draw_text(ctx, c, left, y, f"{label}：", "sans", 15, align="left")
            size, lines = wrapped(ctx, value, "fang", 16, right - start - 3 * mm)
            for n, text in enumerate(lines):
                if n:             # each line of a wrapped name on its own rule
                    c.setLineWidth(0.6)
                    c.line(start, y - 3 * mm, right, y - 3 * mm)
                    y -= 10 * mm
                draw_text(ctx, c, start + 2 * mm, y, text, "fang", size, align="left")
            if label == "件数页数":
                self.counts_at = (start + 2 * mm, y + 1, 16)   # +1: the frame's offset
            c.setLineWidth(0.6)
            c.line(start, y - 3 * mm, right, y - 3 * mm)
            y -= 13.5 * mm
        c.restoreState()


def wrapped(ctx: PrintContext, text: str, role: str, size: float, width: float,
            max_lines: int = 2, smallest: float = 11.0) -> tuple[float, list[str]]:
    """``text`` broken into at most ``max_lines`` lines of ``width``, at ``size`` or the
    largest size down to ``smallest`` that does it: a long organisation name wraps onto a
    second line at a readable size instead of shrinking to fit one."""
    from ledger_app.outputs.pdf.linebreak import wrap

    while True:
        lines = (wrap(ctx.fs, text, role, size, width) or [""]) if text else [""]
        if len(lines) <= max_lines or size <= smallest:
            return size, balanced(ctx, text, role, size, width, lines)
        size -= 0.5


def balanced(ctx: PrintContext, text: str, role: str, size: float, width: float,
             lines: list[str]) -> list[str]:
    """Lines of about equal length, so a name wrapped onto two lines does not leave two
    characters alone on the second ("…第三党支部委/员会")."""
    if len(lines) < 2:
        return lines
    from ledger_app.outputs.pdf.linebreak import wrap

    total = ctx.fs.width(text, role, size)
    narrow = total / len(lines)
    while narrow < width:
        again = wrap(ctx.fs, text, role, size, narrow)
        if len(again) <= len(lines):
            return again
        narrow += size / 2
    return lines


def cover_template(template_id: str = "cover") -> PageTemplate:
    w, h = styles.PORTRAIT
    frame = Frame(0, 0, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                  id=f"f_{template_id}")
    return PageTemplate(id=template_id, frames=[frame], pagesize=styles.PORTRAIT)


def cover_title(ledger: Ledger) -> str:
    org_type = str(ledger.setting("org_type", "") or "党支部")
    return f"{org_type}工作台账"


def cover_flowable(ctx: PrintContext, category: str | None, year: int | None,
                   retention: str = "永久", volume: str = "1",
                   period: tuple[str, str] | None = None) -> CoverPage:
    label = ctx.ledger.pack.category(find_category(ctx.ledger, category)).label \
        if category else ""
    return CoverPage(ctx, cover_title(ctx.ledger), label, year, check_retention(retention),
                     str(volume), period)


def render_cover(ledger: Ledger, out_path: str | os.PathLike[str], category: str | None = None,
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


__all__ = [
    "CoverPage",
    "check_retention",
    "cover_flowable",
    "cover_template",
    "cover_title",
    "draw_text",
    "fit_font_size",
    "render_cover",
    "wrapped",
]
