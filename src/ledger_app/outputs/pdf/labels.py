"""Archive box labels: front labels and spine labels, red with white text and the emblem,
tiled on A4 with cut marks (RULES.md §8, DA/T 22-2015).

Spine labels are the spine width minus 3 mm wide, their text set vertically (one
character under the other, brackets and punctuation in their vertical forms) and sized to
the spine: a wide spine sets the year and box number across and the organisation in two
columns; the common spines are 20/30/40/50 mm (DA/T 22) and
35/55/75 mm (commercial A4 boxes), and any width from 10 to 120 mm is accepted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import (
    PrintContext,
    Progress,
    atomic_output,
    check_year,
    find_category,
    no_progress,
)
from ledger_app.outputs.pdf.cover import (
    check_retention,
    cover_template,
    cover_title,
    draw_text,
    fit_font_size,
    wrapped,
)
from ledger_app.outputs.pdf.doc import LedgerDoc
from ledger_app.outputs.pdf.emblem import RED, check_artwork, draw_emblem
from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

SPINE_WIDTHS = (20, 30, 35, 40, 50, 55, 60, 75)
SPINE_HEIGHT = 265 * mm
SPINE_GAP = 4 * mm
FRONT_SIZE = (170 * mm, 122 * mm)
FRONT_GAP = 12 * mm
MARK = 4 * mm          # length of a cut mark
MARK_OFFSET = 1.5 * mm  # marks stop short of the label edge


@dataclass
class BoxLabel:
    title: str          # 党支部工作台账
    category: str       # 基本队伍
    year: int
    retention: str      # 永久 / 30年 / 10年
    box: int            # 盒号
    org: str


def check_spine(spine_mm: float) -> float:
    try:
        value = float(spine_mm)
    except (TypeError, ValueError):
        value = -1
    if not 10 <= value <= 120:
        common = "、".join(str(w) for w in SPINE_WIDTHS)
        raise LedgerError(f"盒脊宽度 {spine_mm} 毫米不合适：常用的有 {common} 毫米，"
                          "也可以填 10 到 120 之间的其他宽度。")
    return value


# Vertical text uses the vertical presentation forms of brackets and punctuation
# (GB/T 15834 竖排: 括号、书名号、引号 turn with the line), as printed spines do.
VERTICAL_FORMS = str.maketrans({
    "（": "︵", "）": "︶", "(": "︵", ")": "︶", "《": "︽", "》": "︾", "〈": "︿", "〉": "﹀",
    "「": "﹁", "」": "﹂", "『": "﹃", "』": "﹄", "“": "﹁", "”": "﹂", "‘": "﹃", "’": "﹄",
    "【": "︻", "】": "︼", "〔": "︹", "〕": "︺", "｛": "︷", "｝": "︸", "，": "︐",
    "、": "︑", "。": "︒", "：": "︓", "；": "︔", "！": "︕", "？": "︖", "—": "︱",
    "…": "︙", "－": "︲",
})


def vertical_text(text: str) -> str:
    """``text`` as it is set in a vertical line (brackets and punctuation turned)."""
    return text.translate(VERTICAL_FORMS)


def _vertical(ctx: PrintContext, c: Canvas, x_centre: float, top: float, text: str,
              role: str, size: float, spacing: float = 1.12) -> float:
    """Stack ``text`` one character under another from ``top``; returns the new top."""
    y = top
    for ch in vertical_text(text):
        y -= size * spacing
        draw_text(ctx, c, x_centre, y + size * 0.14, ch, role, size)
    return y


def _vertical_height(text: str, size: float, spacing: float = 1.12) -> float:
    return len(text) * size * spacing


@dataclass
class _Block:
    """One item on a spine: set across the label when it fits at a readable size (the
    year, the box number on a wide spine), else down it; long text in columns."""
    text: str
    role: str
    size: float
    across: bool = False
    columns: int = 1
    fixed: bool = False      # keeps its size when the others shrink to fit

    def height(self, scale: float) -> float:
        if self.across:
            return self.size * 1.3
        per = -(-len(self.text) // self.columns)
        return _vertical_height(self.text[:per], self.size * (1.0 if self.fixed else scale))

    def draw(self, ctx: PrintContext, c: Canvas, centre: float, top: float,
             scale: float) -> float:
        if self.across:
            draw_text(ctx, c, centre, top - self.size, self.text, self.role, self.size)
            return top - self.size * 1.3
        size = self.size * (1.0 if self.fixed else scale)
        per = -(-len(self.text) // self.columns)
        parts = [self.text[i:i + per] for i in range(0, len(self.text), per)]
        pitch = size * 1.25
        # Columns read right to left, as vertical Chinese does.
        first = centre + pitch * (len(parts) - 1) / 2
        bottom = top
        for n, part in enumerate(parts):
            bottom = min(bottom, _vertical(ctx, c, first - n * pitch, top, part, self.role,
                                           size))
        return bottom


def spine_blocks(ctx: PrintContext, label: BoxLabel, inner: float,
                 room: float = SPINE_HEIGHT) -> list[_Block]:
    """The spine's items sized to its width: a 75 mm spine gets large type and uses its
    width (year and box number across, the organisation in two columns), a 20 mm one a
    single column."""
    readable = 13.0

    def across_size(text: str, role: str, cap: float) -> float:
        return min(cap, inner * 0.9 / max(ctx.fs.width(text, role, 1.0), 0.1))

    blocks = []
    for text, role, cap in ((f"{label.year}年度", "sans", 40.0),):
        size = across_size(text, role, cap)
        blocks.append(_Block(text, role, size, across=True) if size >= readable
                      else _Block(text, role, min(inner * 0.62, cap)))
    blocks.append(_Block(label.category, "sans", min(inner * 0.78, 110.0)))
    retention = f"保管期限{label.retention}"
    size = across_size(retention, "serif", 26.0)
    blocks.append(_Block(retention, "serif", size, across=True) if size >= readable
                  else _Block(retention, "serif", min(inner * 0.5, 34.0)))
    box = f"第{label.box}盒"
    size = across_size(box, "sans", 40.0)
    blocks.append(_Block(box, "sans", size, across=True) if size >= readable
                  else _Block(box, "sans", min(inner * 0.62, 40.0)))
    # On a wide spine the organisation takes less height (it has columns to spread into),
    # leaving the category its large type.
    blocks.append(org_block(label.org, inner, room * (0.36 if inner < 40 * mm else 0.24)))
    return blocks


def org_block(org: str, inner: float, room: float) -> _Block:
    """The organisation at the spine's foot, within ``room`` points of height: in as many
    columns as the width allows before its type gets smaller than a column's share."""
    best = _Block(org, "serif", 6.0, fixed=True)
    for columns in range(1, 5):
        per = -(-len(org) // columns)
        size = min(inner / (columns * 1.3), 26.0, room / (per * 1.12))
        if size > best.size:
            best = _Block(org, "serif", size, columns=columns, fixed=True)
    return best


def draw_spine(ctx: PrintContext, c: Canvas, x: float, y: float, w: float, h: float,
               label: BoxLabel) -> None:
    c.saveState()
    c.setFillColor(colors.HexColor(RED))
    c.rect(x, y, w, h, stroke=0, fill=1)
    margin = min(3 * mm, w * 0.12)
    inner = w - 2 * margin
    emblem = ctx.emblem_size(min(inner, 30 * mm if w < 45 * mm else 44 * mm))
    if emblem:
        draw_emblem(c, x + (w - emblem) / 2, y + h - margin - emblem, emblem,
                    artwork=ctx.emblem_path)
    c.setFillColor(colors.white)
    gap = 6 * mm
    space = h - 2 * margin - emblem - 6 * mm - gap * 4
    blocks = spine_blocks(ctx, label, inner, space)
    fixed = sum(b.height(1.0) for b in blocks if b.across or b.fixed)
    flexible = sum(b.height(1.0) for b in blocks if not (b.across or b.fixed))
    scale = min(1.0, (space - fixed) / flexible) if flexible else 1.0
    # Spare room spreads the items down the spine, the organisation at the foot.
    spare = max(0.0, space - fixed - flexible * scale) / (len(blocks) - 1)
    top = y + h - margin - emblem - 6 * mm
    centre = x + w / 2
    for block in blocks:
        top = block.draw(ctx, c, centre, top, scale) - gap - spare
    c.restoreState()


def draw_front(ctx: PrintContext, c: Canvas, x: float, y: float, w: float, h: float,
               label: BoxLabel) -> None:
    c.saveState()
    c.setFillColor(colors.HexColor(RED))
    c.rect(x, y, w, h, stroke=0, fill=1)
    emblem = ctx.emblem_size(30 * mm)
    if emblem:
        draw_emblem(c, x + (w - emblem) / 2, y + h - 8 * mm - emblem, emblem,
                    artwork=ctx.emblem_path)
    else:
        emblem = 12 * mm
    c.setFillColor(colors.white)
    cx = x + w / 2
    yy = y + h - 8 * mm - emblem - 13 * mm
    draw_text(ctx, c, cx, yy, label.title, "sans", fit_font_size(ctx, label.title, "sans", 24,
                                                                 w - 20 * mm))
    yy -= 16 * mm
    draw_text(ctx, c, cx, yy, label.category, "sans",
              fit_font_size(ctx, label.category, "sans", 30, w - 20 * mm))
    yy -= 13 * mm
    line = f"{label.year}年度　　保管期限：{label.retention}　　第 {label.box} 盒"
    draw_text(ctx, c, cx, yy, line, "serif", fit_font_size(ctx, line, "serif", 14, w - 16 * mm))
    yy -= 11 * mm
    size, lines = wrapped(ctx, label.org, "serif", 13, w - 16 * mm)
    for n, line in enumerate(lines):    # a long name wraps rather than shrinks
        draw_text(ctx, c, cx, yy - n * size * 1.3, line, "serif", size)
    c.restoreState()


def cut_marks(c: Canvas, rects: list[tuple[float, float, float, float]]) -> None:
    """Short marks in the sheet margins in line with every label edge."""
    xs = sorted({r[0] for r in rects} | {r[0] + r[2] for r in rects})
    ys = sorted({r[1] for r in rects} | {r[1] + r[3] for r in rects})
    left, right = min(xs), max(xs)
    bottom, top = min(ys), max(ys)
    c.saveState()
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.3)
    lines = []
    for x in xs:
        lines.append((x, top + MARK_OFFSET, x, top + MARK_OFFSET + MARK))
        lines.append((x, bottom - MARK_OFFSET, x, bottom - MARK_OFFSET - MARK))
    for y in ys:
        lines.append((left - MARK_OFFSET, y, left - MARK_OFFSET - MARK, y))
        lines.append((right + MARK_OFFSET, y, right + MARK_OFFSET + MARK, y))
    c.lines(lines)
    c.restoreState()


class LabelSheet(Flowable):
    """One A4 sheet of labels (full-page template)."""

    def __init__(self, ctx: PrintContext, labels: list[BoxLabel], kind: str, spine_mm: float):
        super().__init__()
        self.ctx, self.labels, self.kind, self.spine_mm = ctx, labels, kind, spine_mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return styles.PORTRAIT[0], styles.PORTRAIT[1] - 1

    def draw(self) -> None:
        c = self.canv
        page_w, page_h = styles.PORTRAIT
        rects = []
        if self.kind == "spine":
            w = (self.spine_mm - 3) * mm
            n = len(self.labels)
            total = n * w + (n - 1) * SPINE_GAP
            x = (page_w - total) / 2
            y = (page_h - SPINE_HEIGHT) / 2 - 3 * mm
            for label in self.labels:
                draw_spine(self.ctx, c, x, y, w, SPINE_HEIGHT, label)
                rects.append((x, y, w, SPINE_HEIGHT))
                x += w + SPINE_GAP
        else:
            w, h = FRONT_SIZE
            x = (page_w - w) / 2
            y = page_h - 18 * mm - h
            for label in self.labels:
                draw_front(self.ctx, c, x, y, w, h, label)
                rects.append((x, y, w, h))
                y -= h + FRONT_GAP
        cut_marks(c, rects)
        c.saveState()
        c.setFont(self.ctx.fs.name("serif"), 8)
        c.setFillColor(styles.MUTED)
        note = (f"盒脊标签　盒脊宽 {self.spine_mm:g} 毫米，标签宽 {self.spine_mm - 3:g} 毫米；"
                "沿裁切线剪下" if self.kind == "spine" else "盒面标签　沿裁切线剪下")
        c.drawCentredString(page_w / 2, 5 * mm, note)
        c.restoreState()


def spines_per_sheet(spine_mm: float) -> int:
    usable = styles.PORTRAIT[0] - 2 * 9 * mm
    w = (spine_mm - 3) * mm
    return max(1, int((usable + SPINE_GAP) // (w + SPINE_GAP)))


def box_labels(ctx: PrintContext, year: int, category: str | None, retention: str,
               first_box: int = 1) -> list[BoxLabel]:
    ledger = ctx.ledger
    keys = [find_category(ledger, category)] if category else \
        [c.key for c in ledger.pack.categories]
    title = cover_title(ledger)
    return [BoxLabel(title, ledger.pack.category(k).label, year, retention, first_box + i,
                     ctx.org_name) for i, k in enumerate(keys)]


def label_flowables(ctx: PrintContext, labels: list[BoxLabel], spine_mm: float
                    ) -> list[Flowable]:
    flow: list[Flowable] = []
    for i in range(0, len(labels), 2):
        flow.append(LabelSheet(ctx, labels[i:i + 2], "front", spine_mm))
    per = spines_per_sheet(spine_mm)
    for i in range(0, len(labels), per):
        flow.append(LabelSheet(ctx, labels[i:i + per], "spine", spine_mm))
    out: list[Flowable] = []
    for i, f in enumerate(flow):
        if i:
            out.append(PageBreak())
        out.append(f)
    return out


def render_labels(ledger: Ledger, out_path: str | os.PathLike[str], year: int | None = None,
                  category: str | None = None, spine_mm: float = 40, retention: str = "永久",
                  first_box: int = 1, emblem_path: str | None = None,
                  progress: Progress | None = None) -> int:
    """Front and spine labels for one category's box or every category's (one box each).

    Returns the number of sheets."""
    check_year(year)
    spine_mm = check_spine(spine_mm)
    check_retention(retention)
    progress = progress or no_progress
    ctx = PrintContext(ledger, emblem_path=emblem_path, progress=progress)
    if ctx.emblem_path:
        check_artwork(ctx.emblem_path)
    year = year if year is not None else date.today().year
    labels = box_labels(ctx, year, category, retention, first_box)
    flow = label_flowables(ctx, labels, spine_mm)
    sheets = sum(1 for f in flow if isinstance(f, LabelSheet))
    progress(0, 1, "正在生成标签……")
    with atomic_output(out_path) as tmp:
        doc = LedgerDoc(str(tmp), ctx, f"档案盒标签 {year}", [cover_template("sheet")])
        doc.build(flow)
    progress(1, 1, "完成")
    return sheets


__all__ = [
    "SPINE_WIDTHS",
    "box_labels",
    "check_spine",
    "label_flowables",
    "render_labels",
    "spine_blocks",
    "spines_per_sheet",
    "vertical_text",
]
