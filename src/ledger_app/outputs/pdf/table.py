"""A printed table of any record type (花名册 style, RULES.md §8).

A4, landscape when the declaration says so or its columns need the width; the title,
a "填报单位（盖章）… 填报日期 …" line, the header repeated on every page, and a
"制表人 / 审核人 … 第 x 页 共 y 页" footer. Columns and widths come from the
declaration's ``table_fields``; member ids print as names, money in 元, and sensitive
fields are masked unless the caller asks for them in full.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ledger_app.forms.model import Field, RecordType
from ledger_app.outputs.pdf import cash_totals, styles
from ledger_app.outputs.pdf.common import (
    PrintContext,
    Progress,
    atomic_output,
    check_year,
    margins,
    no_progress,
    page_frame_size,
    record_type,
)
from ledger_app.outputs.pdf.fonts import FontSet
from ledger_app.outputs.pdf.grid import PAD_X, Column, GridLayout, GridPage
from ledger_app.outputs.pdf.linebreak import HEADER
from ledger_app.outputs.pdf.styles import TABLE_SIZE

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

SEQ_WIDTH = 10 * mm
TITLE_HEIGHT = 19 * mm
FOOTER_HEIGHT = 8 * mm
CENTRED_TYPES = ("date", "month", "integer", "bool", "choice")
SHORT_TEXT = 7000.0     # values up to about seven characters wide never wrap (1/1000 em)


def page_kind(rt: RecordType) -> str:
    """'landscape' or 'form' (portrait): as declared, or by the width the columns need."""
    need = sum(f.print_width for f in rt.table_fields) * mm
    if not _has_seq(rt):
        need += SEQ_WIDTH
    portrait_width = page_frame_size("form")[0]
    if rt.orientation == "landscape":
        return "landscape"
    if rt.orientation == "portrait" and need <= portrait_width * 1.15:
        return "form"
    return "landscape" if need > portrait_width else "form"


def _has_seq(rt: RecordType) -> bool:
    fields = rt.table_fields
    return bool(fields) and fields[0].role == "seq"


def columns(rt: RecordType, frame_width: float,
            texts: list[list[str]] | None = None,
            fs: FontSet | None = None) -> tuple[list[Column], list[Field | None]]:
    """Printed columns (序号 first) fitted to the page width; None marks the running 序号.

    Widths start from the declaration. When the rows are given, widths follow the
    content: short values (dates, names, choices) get what keeps them on one line, free
    text shares the rest by how much it holds, and an empty column keeps only the width
    of its header, so 备注 with nothing in it does not take a quarter of the page."""
    fields: list[Field | None] = list(rt.table_fields)
    if not _has_seq(rt):
        fields.insert(0, None)
    declared = [SEQ_WIDTH if f is None else f.print_width * mm for f in fields]
    scale = frame_width / sum(declared)
    widths = [w * scale for w in declared]
    labels = [column_label(f) for f in fields]
    if texts and fs is not None:
        widths = _fit_widths(fs, fields, labels, widths, texts, frame_width)
    cols = []
    for f, label, w in zip(fields, labels, widths):
        if f is None:
            cols.append(Column(label, w, "centre"))
        elif f.type == "money":
            cols.append(Column(label, w, "right"))
        elif (f.type in CENTRED_TYPES and f.print_width <= 22) or f.role == "seq":
            cols.append(Column(label, w, "centre"))
        else:
            cols.append(Column(label, w, "left"))
    return cols, fields


def column_label(f: Field | None) -> str:
    """The header of a column; money says its unit once ("金额（元）", never twice)."""
    if f is None:
        return "序号"
    if f.type == "money" and "元" not in f.label:
        return f"{f.label}（元）"
    return f.label


def _fit_widths(fs: FontSet, fields: list[Field | None], labels: list[str],
                widths: list[float], texts: list[list[str]],
                frame_width: float) -> list[float]:
    body = fs.char_widths("serif")
    head = fs.char_widths("sans")
    per_point = TABLE_SIZE / 1000.0
    pad = 2 * PAD_X + 1
    sample = texts[:3000] + texts[-200:]
    # Free text (工作单位, 备注, 个人自评) may wrap; values with a format or a role (ID
    # numbers, names, dates, choices) stay on one line.
    flexible = [f is not None and (f.type == "longtext" or (
        f.type in ("text", "members", "multichoice") and not f.format and not f.role))
        for f in fields]
    least: list[float] = []     # the header on at most two lines (three if long)
    need: list[float] = []      # what the values ask for
    for i, label in enumerate(labels):
        # 序号, 性别, 经办人 never break (a lone last character reads badly); longer labels
        # at a sensible point only.
        lines = 1 if len(label) <= 3 else 2 if len(label) <= 8 else 3
        least.append(HEADER.narrowest(label, lines, head) * per_point + pad)
        sizes = sorted(sum(map(body.__getitem__, row[i])) for row in sample)
        longest = sizes[-1] if sizes else 0.0
        if flexible[i] and longest > SHORT_TEXT:
            # Free text asks for what 90 % of its values need: one long 备注 may wrap,
            # but a rare long note still gets six characters a line, not a sliver.
            want = max(sizes[int(len(sizes) * 0.9)], min(longest, 6000.0))
        else:
            flexible[i] = False        # short values (籍贯 湖南长沙) stay on one line
            want = longest
        want *= per_point
        need.append(max(want + pad if want else 0.0, least[i]))
    fixed = sum(n for n, flex in zip(need, flexible) if not flex)
    left = frame_width - fixed
    flex_least = sum(m for m, flex in zip(least, flexible) if flex)
    if left < flex_least:
        return widths        # too dense to fit: keep the declaration's proportions
    flex_need = sum(n for n, flex in zip(need, flexible) if flex)
    if left >= flex_need:
        # Everything fits on one line: the spare room goes to the columns with text.
        spare = frame_width - sum(need)
        weights = [n - m for n, m in zip(need, least)]
        if not sum(weights):
            weights = need
        total = sum(weights)
        return [n + spare * w / total for n, w in zip(need, weights)]
    # Free text shares what is left: a column needing less than an equal share (a short
    # 备注) gets all it needs; the rest share by how much they hold, never below their
    # header.
    out = list(need)
    open_ = sorted((i for i, flex in enumerate(flexible) if flex), key=lambda i: need[i])
    room = left
    while open_ and need[open_[0]] <= room / len(open_):
        out[open_[0]] = need[open_[0]]
        room -= need[open_.pop(0)]
    while open_:
        weight = sum(need[i] for i in open_)
        low = [i for i in open_ if room * need[i] / weight < least[i]]
        if not low:
            for i in open_:
                out[i] = room * need[i] / weight
            break
        for i in low:
            out[i] = least[i]
            room -= least[i]
            open_.remove(i)
    return out


def table_title(rt: RecordType, year: int | None) -> str:
    return f"{rt.label}（{year}年度）" if year and rt.date_field else rt.label


def print_order(ledger: Ledger, rt: RecordType, year: int | None) -> list[int]:
    """Ids as a paper ledger lists them: oldest first by date, else in roster order."""
    if rt.date_field:
        return ledger.records.ids(rt.key, year, sort_field=rt.date_field, descending=False)
    return ledger.records.ids(rt.key, year)


def read_rows(ctx: PrintContext, rt: RecordType, fields: list[Field | None],
              year: int | None, chunk: int = 500,
              ids: list[int] | None = None) -> list[list[str]]:
    """Printed texts of every record (of the year, or the given ids), in table order."""
    from ledger_app.outputs.pdf.snapshot import ids_as_of, row_adjuster
    from ledger_app.store.columns import from_column

    ledger = ctx.ledger
    if ids is None:
        ids = print_order(ledger, rt, year)
    ids = ids_as_of(ctx, rt, ids)        # the roster, the committee as the period ended
    keys = [f.key for f in fields if f is not None]
    as_then = row_adjuster(ctx, rt, keys)
    # One converter per column: stored value -> printed text.
    convert: list[Callable[[Any], Any]] = []
    for f in fields:
        if f is None:
            continue
        fmt = ctx.formatter(f)
        if f.type in ("multichoice", "members", "bool"):
            # mypy cannot infer a lambda with defaults (they bind this field, not the last).
            convert.append(lambda v, f=f, fmt=fmt: fmt(from_column(f, v)))  # type: ignore[misc]
        else:
            convert.append(fmt)
    seq_first = fields[0] is None
    texts: list[list[str]] = []
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        found = ledger.records.stored_values(rt.key, part, keys)
        for entry_id in part:
            row = found[entry_id]
            stored = as_then(entry_id, list(row)) if as_then else row
            out = [fn(v) for fn, v in zip(convert, stored)]
            if seq_first:
                out.insert(0, str(len(texts) + 1))
            texts.append(out)
        ctx.progress(int(20 * len(texts) / max(len(ids), 1)), 100,
                     f"正在读取{rt.label}：{len(texts)} 条")
    return texts


def title_block(ctx: PrintContext, title: str, filled_on: str) -> Callable[
        [Canvas, float, float], float]:
    fs = ctx.fs

    def draw(c: Canvas, width: float, top: float) -> float:
        c.saveState()
        c.setFillColor(styles.GRID)
        c.setFont(fs.name("sans"), 16)
        c.drawCentredString(width / 2, top - 7 * mm, title)
        c.setFont(fs.name("serif"), 10)
        org = ctx.org_name
        if not fs.by_role["serif"].covers(org):
            org = "".join(t for _f, t in fs.runs(org))
        _draw_runs(c, fs, 0, top - 15 * mm, f"填报单位（盖章）：{org}", "serif", 10)
        right = f"填报日期：{filled_on}"
        c.drawRightString(width, top - 15 * mm, right)
        c.restoreState()
        return TITLE_HEIGHT

    return draw


def _draw_runs(c: Canvas, fs, x: float, y: float, text: str, role: str, size: float) -> None:
    t = c.beginText(x, y)
    for font, run in fs.runs(text, role):
        t.setFont(font, size)
        t.textOut(run)
    c.drawText(t)


def table_footer(ctx: PrintContext) -> Callable[[Canvas, float, int, int], None]:
    fs = ctx.fs

    def draw(c: Canvas, width: float, index: int, total: int) -> None:
        c.saveState()
        c.setFillColor(styles.GRID)
        c.setFont(fs.name("serif"), 10)
        y = 1.5 * mm
        c.drawString(0, y, "制表人：")
        c.drawString(width * 0.28, y, "审核人：")
        c.setLineWidth(0.5)
        c.line(14 * mm, y - 1, width * 0.24, y - 1)
        c.line(width * 0.28 + 14 * mm, y - 1, width * 0.52, y - 1)
        c.drawRightString(width, y, f"第 {index} 页　共 {total} 页")
        c.restoreState()

    return draw


def table_pages(ctx: PrintContext, type_key: str, year: int | None,
                on_page: Callable[[], None] | None = None,
                rows_done: Callable[[int], None] | None = None,
                ids: list[int] | None = None,
                title: str | None = None,
                period_start: str | None = None) -> tuple[str, list[GridPage]]:
    """(page kind, pages): every printed page of the table, laid out and numbered."""
    rt = record_type(ctx.ledger, type_key)
    kind = page_kind(rt)
    frame_w, _frame_h = page_frame_size(kind)
    _cols, fields = columns(rt, frame_w)
    texts = read_rows(ctx, rt, fields, year, ids=ids)
    cols, fields = columns(rt, frame_w, texts, ctx.fs)
    layout = GridLayout(ctx.fs, cols, breaker=ctx.breaker)
    for start in range(0, len(texts), 1000):
        layout.add_rows(texts[start:start + 1000])
        if rows_done:
            rows_done(min(start + 1000, len(texts)))
    if texts and cash_totals.applies(rt):      # 经费收支: 合计 and 结余 close the table
        printed = ids if ids is not None else print_order(ctx.ledger, rt, year)
        layout.add_rows(cash_totals.closing_rows(
            ctx, rt, fields, printed, period_start or (f"{year}-01-01" if year else None)),
            kind="total")
    if not layout.rows:
        layout.add_rows([["" for _ in cols]])
        layout.rows[0][min(1, len(cols) - 1)] = ("（本年度没有记录）", None)
    return kind, grid_pages(ctx, layout, kind, title or table_title(rt, year), on_page)


def grid_pages(ctx: PrintContext, layout: GridLayout, kind: str, title: str,
               on_page: Callable[[], None] | None = None) -> list[GridPage]:
    """Cut a laid-out grid into pages: the title on the first, the footer on every one."""
    _frame_w, frame_h = page_frame_size(kind)
    body = frame_h - FOOTER_HEIGHT
    ranges = layout.paginate(body - TITLE_HEIGHT, body)
    first = title_block(ctx, title, ctx.filled_on_text)
    footer = table_footer(ctx)
    return [GridPage(layout, start, end, frame_h, index, len(ranges),
                     title=first if index == 1 else None, footer=footer,
                     footer_height=FOOTER_HEIGHT, on_drawn=on_page)
            for index, (start, end) in enumerate(ranges, start=1)]


def table_flowables(ctx: PrintContext, type_key: str, year: int | None,
                    on_page: Callable[[], None] | None = None,
                    rows_done: Callable[[int], None] | None = None,
                    ids: list[int] | None = None,
                    period_start: str | None = None) -> tuple[str, list[Any]]:
    """(page kind, flowables) for a document (the binder); the caller switches to the
    page kind's template before the first flowable."""
    from ledger_app.outputs.pdf.doc import grid_flowables

    kind, pages = table_pages(ctx, type_key, year, on_page, rows_done, ids,
                              period_start=period_start)
    return kind, grid_flowables(pages)


def write_grid_pdf(path: str | os.PathLike[str], ctx: PrintContext, title: str, kind: str,
                   pages: list[GridPage]) -> None:
    """Draw ruled pages straight onto a canvas (no platypus: a 10,000-row table is
    345 pages of drawing and nothing else)."""
    size = styles.LANDSCAPE if kind == "landscape" else styles.PORTRAIT
    m = margins(kind)
    frame_w, _frame_h = page_frame_size(kind)
    c = Canvas(str(path), pagesize=size, pageCompression=1, initialFontName=ctx.fs.name("serif"),
               initialFontSize=10)
    c.setTitle(title)
    c.setAuthor(ctx.org_name)
    c.setSubject(title)
    c.setCreator("基层台账")
    for page in pages:
        c.saveState()
        c.translate(m["left"], m["bottom"])
        page.draw_on(c, frame_w)
        c.restoreState()
        c.showPage()
    c.save()


def render_table(ledger: Ledger, type_key: str, out_path: str | os.PathLike[str],
                 year: int | None = None, masked: bool = True,
                 progress: Progress | None = None, emblem_path: str | None = None,
                 date_from: str | None = None, date_to: str | None = None,
                 filled_on: str | None = None) -> int:
    """Print the table of one record type (for a year, or all years, or the period
    ``date_from``..``date_to`` within them) to ``out_path``.

    Returns the number of pages. ``progress(done, total, message)`` may raise to cancel;
    then no file is left behind."""
    check_year(year)
    progress = progress or no_progress
    ctx = PrintContext(ledger, masked=masked, emblem_path=emblem_path, progress=progress)
    ctx.for_period(year, date_to, filled_on)
    rt = record_type(ledger, type_key)
    ids = title = None
    if (date_from or date_to) and rt.date_field:
        ids = ledger.records.ids(rt.key, year, sort_field=rt.date_field,
                                 date_from=date_from, date_to=date_to)
        title = f"{rt.label}（{date_from or ''}至{date_to or ''}）"
    total_rows = len(ids) if ids is not None else ledger.records.count(type_key, year)
    progress(0, 100, f"正在读取{rt.label}……")
    state = {"pages": 0, "total": 1}

    def rows_done(n: int) -> None:
        progress(20 + int(10 * n / max(total_rows, 1)), 100, f"正在排版{rt.label}：{n} 条")

    def page_drawn() -> None:
        state["pages"] += 1
        progress(30 + int(70 * state["pages"] / state["total"]), 100,
                 f"正在生成第 {state['pages']} 页，共 {state['total']} 页")

    kind, pages = table_pages(ctx, type_key, year, page_drawn, rows_done, ids=ids, title=title,
                              period_start=date_from)
    state["total"] = len(pages)
    with atomic_output(out_path) as tmp:
        write_grid_pdf(tmp, ctx, table_title(rt, year), kind, pages)
    progress(100, 100, "完成")
    return len(pages)


__all__ = [
    "columns",
    "page_kind",
    "print_order",
    "render_table",
    "table_flowables",
    "table_pages",
    "table_title",
    "write_grid_pdf",
]
