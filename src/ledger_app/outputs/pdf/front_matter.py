"""A binder's archival front and back matter (案卷 practice, DA/T 22-2015 and GB/T 9705):
the 卷内目录 (序号, 责任者, 题名, 日期, 页号, 备注) and the 卷内备考表 (本卷共 X 件 X 页,
立卷人, 检查人, 日期).

Both are laid out before the binder is built — the contents' rows are known then, only
their page numbers are not — and drawn on their reserved pages once every page is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import PrintContext, page_frame_size
from ledger_app.outputs.pdf.cover import draw_text

# Column widths of the 卷内目录 on a portrait form page (178 mm wide).
COLUMNS = (("序号", 11 * mm), ("责任者", 32 * mm), ("题名", 77 * mm), ("日期", 24 * mm),
           ("页号", 18 * mm), ("备注", 16 * mm))
SIZE = 10.0
LEADING = 13.0
PAD_X, PAD_Y = 2.0, 3.2
HEADER_ROW = 9 * mm
TITLE_SPACE = 24 * mm


@dataclass
class Entry:
    """One line of the 卷内目录. A heading (a category) spans the row and has no 序号."""
    key: str                 # the section (bookmark) whose first page is the 页号
    title: str
    responsible: str = ""
    when: str = ""           # 20250103, 2025, 20250101—20251231
    note: str = ""
    heading: bool = False
    number: int | None = None
    lines: dict[int, list[str]] = field(default_factory=dict)   # column -> wrapped lines
    height: float = 0.0


def short_name(org: str) -> str:
    """The 责任者 as a 卷内目录 writes it: the organisation without the places above it
    (湘江市岳山区桂花街道幸福里社区党支部 → 幸福里社区党支部), so every row is not two lines of
    place names; the full name stands on the cover and at the top of the contents."""
    if len(org) <= 10:
        return org
    for mark in ("街道", "镇", "乡", "区", "县", "市", "省"):
        at = org.rfind(mark)
        if at >= 0 and len(org) - at - len(mark) >= 4:
            return org[at + len(mark):]
    return org


def archival_date(value: str) -> str:
    """A date as archives write it: eight digits (2025-01-03 → 20250103)."""
    return value.replace("-", "") if value else ""


def _wrap(ctx: PrintContext, text: str, role: str, width: float) -> list[str]:
    from ledger_app.outputs.pdf.linebreak import wrap

    return wrap(ctx.fs, text, role, SIZE, width - 2 * PAD_X) or [""]


def lay_out(ctx: PrintContext, entries: list[Entry]) -> list[list[Entry]]:
    """Number the entries, wrap their cells and cut them into pages (the first page has
    the title). Nothing here depends on the page numbers still to come."""
    number = 0
    for e in entries:
        if not e.heading:
            number += 1
            e.number = number
        e.lines = {}
        if e.heading:
            width = sum(w for _l, w in COLUMNS[:4])
            e.lines[2] = _wrap(ctx, e.title, "sans", width - COLUMNS[0][1] - COLUMNS[1][1])
        else:
            for col, text in ((1, e.responsible), (2, e.title), (3, e.when), (5, e.note)):
                e.lines[col] = _wrap(ctx, text, "serif", COLUMNS[col][1]) if text else []
        tallest = max((len(v) for v in e.lines.values()), default=1) or 1
        e.height = tallest * LEADING + 2 * PAD_Y
    frame_h = page_frame_size("form")[1] - 8 * mm   # room for the page number
    pages: list[list[Entry]] = [[]]
    space = frame_h - TITLE_SPACE - HEADER_ROW
    for i, e in enumerate(entries):
        # 禁则 for the contents: a heading never ends a page alone.
        need = e.height + (entries[i + 1].height if e.heading and i + 1 < len(entries)
                           else 0)
        if pages[-1] and need > space:
            pages.append([])
            space = frame_h - HEADER_ROW
        pages[-1].append(e)
        space -= e.height
    # No lone line on the last page: it takes rows from the page before (it has the room,
    # holding so few), and a heading goes with the row under it.
    while len(pages) > 1 and len(pages[-1]) < 3 and len(pages[-2]) > 4:
        moved = [pages[-2].pop()]
        if pages[-2] and pages[-2][-1].heading:
            moved.insert(0, pages[-2].pop())
        pages[-1][:0] = moved
    return pages


def page_text(found: dict[str, int], entries: list[Entry], index: int,
              last_page: int) -> str:
    """The 页号 of an entry: its first page; the last entry's runs to the end (起—止)."""
    page = found.get(entries[index].key)
    if page is None:
        return ""
    if index == len(entries) - 1 and last_page > page:
        return f"{page}—{last_page}"
    return str(page)


def draw_contents(ctx: PrintContext, c: Canvas, page: list[Entry], first: bool,
                  all_entries: list[Entry], found: dict[str, int], last_page: int,
                  heading: str) -> None:
    """One page of the 卷内目录, with links from each row to its section."""
    page_w, page_h = c._pagesize
    left = styles.FORM_MARGINS["left"]
    right = left + sum(w for _l, w in COLUMNS)
    y = page_h - styles.FORM_MARGINS["top"]
    c.saveState()
    c.setFillColor(styles.GRID)
    c.setStrokeColor(styles.GRID)
    if first:
        draw_text(ctx, c, page_w / 2, y - 10 * mm, "卷 内 目 录", "sans", 20)
        draw_text(ctx, c, left, y - 19 * mm, heading, "serif", 10, align="left")
        y -= TITLE_SPACE
    xs = [left]
    for _label, w in COLUMNS:
        xs.append(xs[-1] + w)
    # Header row.
    c.setFillColor(styles.HEADER_FILL)
    c.rect(left, y - HEADER_ROW, right - left, HEADER_ROW, stroke=0, fill=1)
    c.setFillColor(styles.GRID)
    for (label, w), x in zip(COLUMNS, xs):
        draw_text(ctx, c, x + w / 2, y - HEADER_ROW + 3.2 * mm, label, "sans", SIZE)
    top = y
    y -= HEADER_ROW
    c.setLineWidth(0.6)
    c.line(left, y, right, y)
    index_of = {id(e): i for i, e in enumerate(all_entries)}
    for e in page:
        bottom = y - e.height
        number = page_text(found, all_entries, index_of[id(e)], last_page)
        if e.heading:
            for n, line in enumerate(e.lines.get(2, [])):
                draw_text(ctx, c, xs[2] + PAD_X, y - PAD_Y - (n + 1) * LEADING + 3, line,
                          "sans", SIZE, align="left")
        else:
            draw_text(ctx, c, xs[0] + COLUMNS[0][1] / 2, y - PAD_Y - LEADING + 3,
                      str(e.number), "serif", SIZE)
            for col, lines in e.lines.items():
                for n, line in enumerate(lines):
                    x = xs[col] + PAD_X
                    align = "left"
                    if col == 3:
                        x, align = xs[col] + COLUMNS[col][1] / 2, "centre"
                    draw_text(ctx, c, x, y - PAD_Y - (n + 1) * LEADING + 3, line, "serif",
                              SIZE, align=align)
        draw_text(ctx, c, xs[4] + COLUMNS[4][1] / 2, y - PAD_Y - LEADING + 3, number,
                  "serif", SIZE)
        if e.key in found:
            c.linkRect("", e.key, (left, bottom, right, y), relative=0)
        c.setLineWidth(0.4)
        c.line(left, bottom, right, bottom)
        y = bottom
    # Column rules (a heading row spans 序号 to 日期) and the box.
    c.setLineWidth(0.4)
    row_top = top - HEADER_ROW
    c.line(xs[1], top, xs[1], top - HEADER_ROW)
    c.line(xs[2], top, xs[2], top - HEADER_ROW)
    c.line(xs[3], top, xs[3], top - HEADER_ROW)
    for e in page:
        bottom = row_top - e.height
        inner = (4, 5) if e.heading else (1, 2, 3, 4, 5)
        for col in inner:
            c.line(xs[col], row_top, xs[col], bottom)
        row_top = bottom
    c.line(xs[4], top, xs[4], top - HEADER_ROW)
    c.line(xs[5], top, xs[5], top - HEADER_ROW)
    c.setLineWidth(1.0)
    c.rect(left, y, right - left, top - y, stroke=1, fill=0)
    c.restoreState()


@dataclass
class Closing:
    """What the 卷内备考表 states. ``fingerprint``: the ledger's signing-key fingerprint,
    with which every inspection archive of the ledger is signed (a blank line without one)."""
    items: int = 0
    pages: int = 0
    photos: int = 0
    as_of: str = ""
    period: str = ""
    fingerprint: str | None = None


def draw_closing(ctx: PrintContext, c: Canvas, info: Closing) -> None:
    """The 卷内备考表: how many 件 and 页, what the volume is, who made and checked it."""
    page_w, page_h = c._pagesize
    left = styles.FORM_MARGINS["left"] + 4 * mm
    right = page_w - styles.FORM_MARGINS["right"] - 4 * mm
    top = page_h - styles.FORM_MARGINS["top"]
    c.saveState()
    c.setFillColor(styles.GRID)
    c.setStrokeColor(styles.GRID)
    draw_text(ctx, c, page_w / 2, top - 12 * mm, "卷 内 备 考 表", "sans", 20)
    box_top = top - 24 * mm
    box_bottom = styles.FORM_MARGINS["bottom"] + 12 * mm
    c.setLineWidth(1.0)
    c.rect(left, box_bottom, right - left, box_top - box_bottom, stroke=1, fill=0)
    y = box_top - 11 * mm
    draw_text(ctx, c, left + 6 * mm, y, "本卷情况说明", "sans", 13, align="left")
    lines = [f"本卷共有文件材料 {info.items} 件，共 {info.pages} 页"
             f"（含封面、卷内目录和本表）" + (f"，其中照片 {info.photos} 张。" if info.photos
                                             else "。"),
             f"本卷为{ctx.org_name}{info.period}台账，由“基层台账”程序按台账记录打印。"]
    if info.as_of:
        # Named by the pack: a 关工委's volume has a 人员名册, not a 党员名册.
        pack = ctx.ledger.pack
        lists = [rt.label for rt in (pack.type_for("people"), pack.type_for("committee"))
                 if rt is not None]
        lines.append(f"{'、'.join(lists)}按 {info.as_of} 的情况打印。")
    width = right - left - 16 * mm
    y -= 4 * mm
    for text in lines:
        for line in _wrap_plain(ctx, text, "fang", 13, width):
            y -= 9 * mm
            draw_text(ctx, c, left + 8 * mm, y, line, "fang", 13, align="left")
    # The inspection archive's fingerprint, when the binder is part of one (issue 13).
    y -= 12 * mm
    draw_text(ctx, c, left + 8 * mm, y, "电子检查档案签名密钥指纹（与移交单、ledger-app verify 核对）：",
              "fang", 12, align="left")
    y -= 8 * mm
    if info.fingerprint:
        c.setFont(ctx.fs.name("sans"), 12)
        c.drawString(left + 8 * mm, y, info.fingerprint)
    else:
        c.setLineWidth(0.5)
        c.line(left + 8 * mm, y - 1, right - 8 * mm, y - 1)
    # Signatures: who made the volume, who checked it, and when.
    y = box_bottom + 40 * mm
    for label in ("立卷人：", "检查人："):
        draw_text(ctx, c, right - 95 * mm, y, label, "fang", 14, align="left")
        c.setLineWidth(0.5)
        c.line(right - 72 * mm, y - 1.5, right - 12 * mm, y - 1.5)
        y -= 13 * mm
    draw_text(ctx, c, right - 95 * mm, y, "立卷时间：", "fang", 14, align="left")
    draw_text(ctx, c, right - 12 * mm, y, "年　　月　　日", "fang", 14, align="right")
    c.restoreState()


def _wrap_plain(ctx: PrintContext, text: str, role: str, size: float, width: float
                ) -> list[str]:
    from ledger_app.outputs.pdf.linebreak import wrap

    return wrap(ctx.fs, text, role, size, width) or [""]


__all__ = [
    "Closing",
    "Entry",
    "archival_date",
    "draw_closing",
    "draw_contents",
    "lay_out",
    "short_name",
]
