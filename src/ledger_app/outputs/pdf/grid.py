"""A ruled table drawn straight onto the canvas, one page at a time.

reportlab's ``Table`` splits a long table by re-measuring what is left on every page,
which grows quadratically with the rows. Here every cell is wrapped once, rows are cut
into pages up front (so "共 y 页" is known without a second pass), and each page draws
its header, rows and footer with a handful of canvas calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.fonts import FontSet
from ledger_app.outputs.pdf.linebreak import HEADER, PLAIN, Breaker, wrap

PAD_X = 3.0            # points either side of a cell's text (about 1 mm)
PAD_Y = 2.6
MIN_LAST_ROWS = 3      # a table's last page never holds fewer rows than this (widows)
REPEATED_COLUMNS = 2   # 序号 and the name/title: repeated when a row continues


@dataclass
class Column:
    label: str
    width: float                 # points
    align: str = "left"          # left, centre, right


@dataclass
class GridStyle:
    size: float = styles.TABLE_SIZE
    leading: float = styles.TABLE_SIZE * 1.25
    header_size: float = styles.TABLE_SIZE
    body_role: str = "serif"
    header_role: str = "sans"
    min_row_height: float = 0.0


def wrap_text(fs: FontSet, text: str, role: str, size: float, width: float,
              breaker: Breaker = PLAIN) -> list[str]:
    """Every line of ``text`` within ``width`` (nothing is ever cut off)."""
    if not text:
        return [""]
    if "\n" not in text and pdfmetrics.stringWidth(text, fs.name(role), size) <= width:
        return [text]
    return wrap(fs, text, role, size, width, breaker)


def header_lines(fs: FontSet, label: str, role: str, size: float, width: float
                 ) -> list[str]:
    """A column header's lines: a label written with spaces ("10月 实交") breaks at its
    spaces when each part fits; otherwise only where the rules allow ("计算基数 / （元）")."""
    if pdfmetrics.stringWidth(label, fs.name(role), size) <= width:
        return [label]
    parts = label.split()
    if len(parts) > 1 and all(fs.width(p, role, size) <= width for p in parts):
        lines = [parts[0]]
        for part in parts[1:]:
            joined = f"{lines[-1]} {part}"
            if fs.width(joined, role, size) <= width:
                lines[-1] = joined
            else:
                lines.append(part)
        return lines
    return wrap_text(fs, label, role, size, width, HEADER)


def _cell_lines(cell: tuple) -> tuple[str, ...]:
    """A cell is (text, width) on one line, or (line, ..., None)."""
    if len(cell) == 2 and cell[1] is not None:
        return (cell[0],) if cell[0] else ()
    return tuple(cell[:-1])


@dataclass
class GridLayout:
    """Every row wrapped and measured once, then cut into pages.

    Rows grow to hold their whole text. A row too tall for the room left continues on
    the next page (its 序号 and name repeated), and the last page keeps at least
    ``MIN_LAST_ROWS`` rows, taken from the page before it."""

    fs: FontSet
    columns: list[Column]
    style: GridStyle = field(default_factory=GridStyle)
    breaker: Breaker = PLAIN
    repeated_columns: int = REPEATED_COLUMNS
    header_lines: list[list[str]] = field(default_factory=list)
    header_height: float = 0.0
    rows: list[list[tuple]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    styles_of_rows: list[str] = field(default_factory=list)   # "", "total"
    _measured: dict[str, float] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        st = self.style
        self.header_lines = [header_lines(self.fs, c.label, st.header_role, st.header_size,
                                          c.width - 2 * PAD_X) for c in self.columns]
        n = max(len(lines) for lines in self.header_lines)
        self.header_height = n * st.leading + 2 * PAD_Y

    def add_rows(self, texts: Sequence[Sequence[str]], kind: str = "") -> None:
        fs, st, cols = self.fs, self.style, self.columns
        role, size = st.body_role, st.size
        base = st.leading + 2 * PAD_Y
        font = fs.name(role)
        string_width = pdfmetrics.stringWidth
        measured = self._measured
        breaker = self.breaker
        for row in texts:
            # (text, width) for a line that fits, else (line, ..., None)
            cells: list[tuple[Any, ...]] = []
            tallest = 1
            for text, col in zip(row, cols):
                # Fast path: one line that fits (most cells of most tables).
                if not text:
                    cells.append(("", 0.0))
                    continue
                if "\n" not in text:
                    w = measured.get(text)
                    if w is None:     # values repeat (男, 汉族, 在册): measure each once
                        w = measured[text] = string_width(text, font, size)
                    if w <= col.width - 2 * PAD_X:
                        cells.append((text, w))   # one line, its width kept for aligning
                        continue
                lines = wrap(fs, text, role, size, col.width - 2 * PAD_X, breaker)
                tallest = max(tallest, len(lines))
                cells.append(tuple(lines) + (None,))
            self.rows.append(cells)
            self.heights.append(max(base + (tallest - 1) * st.leading, st.min_row_height))
            self.styles_of_rows.append(kind)

    def _height(self, cells: list[tuple]) -> float:
        tallest = max((len(_cell_lines(c)) for c in cells), default=1)
        return max(2 * PAD_Y + max(tallest, 1) * self.style.leading, self.style.min_row_height)

    def _split_row(self, cells: list[tuple], n: int) -> tuple[list[tuple], list[tuple]]:
        """The first ``n`` lines of every cell, and the rest with the row's 序号 and name
        repeated so the continued part is still recognisable."""
        head: list[tuple] = []
        rest: list[tuple] = []
        for k, cell in enumerate(cells):
            lines = _cell_lines(cell)
            if len(lines) <= n:
                head.append(cell)
                rest.append(cell if k < self.repeated_columns else ("", 0.0))
            else:
                head.append(tuple(lines[:n]) + (None,))
                rest.append(tuple(lines[n:]) + (None,))
        return head, rest

    def paginate(self, first_space: float, later_space: float) -> list[tuple[int, int]]:
        """(start, end) row ranges per page: ``first_space`` points for rows on page one
        (under the title), ``later_space`` on every later page (headers excluded).

        A row is moved whole to the next page when it fits there; one taller than a page,
        or a tall one that would leave much of a page empty, is split line by line."""
        leading = self.style.leading
        fresh = later_space - self.header_height
        rows: list[Any] = []
        heights: list[float] = []
        kinds: list[Any] = []
        pages: list[tuple[int, int]] = []
        start = 0
        space = first_space - self.header_height
        used = 0.0
        queue = list(zip(self.rows, self.heights, self.styles_of_rows))
        queue.reverse()          # popped from the end: linear
        while queue:
            cells, h, kind = queue.pop()
            if used + h > space and len(rows) > start:
                room_lines = int((space - used - 2 * PAD_Y) // leading)
                tall = h > fresh or (h > 0.4 * fresh and room_lines >= 4)
                if tall and room_lines >= 2 and kind != "total":
                    head, rest = self._split_row(cells, room_lines)
                    rows.append(head)
                    heights.append(self._height(head))
                    kinds.append(kind)
                    queue.append((rest, self._height(rest), kind))
                else:
                    queue.append((cells, h, kind))    # the whole row opens the next page
                pages.append((start, len(rows)))
                start, used = len(rows), 0.0
                space = fresh
                continue
            if h > space and len(rows) == start:     # taller than a whole page
                lines = max(int((space - 2 * PAD_Y) // leading), 1)
                if max(len(_cell_lines(c)) for c in cells) > lines:
                    head, rest = self._split_row(cells, lines)
                    queue.append((rest, self._height(rest), kind))
                    cells, h = head, self._height(head)
            rows.append(cells)
            heights.append(h)
            kinds.append(kind)
            used += h
        pages.append((start, len(rows)))
        self.rows, self.heights, self.styles_of_rows = rows, heights, kinds
        return self._no_widow(pages, fresh)

    def _no_widow(self, pages: list[tuple[int, int]], last_space: float) -> list[tuple[int, int]]:
        """Move rows from the second-last page so the last holds ``MIN_LAST_ROWS``."""
        if len(pages) < 2:
            return pages
        (a, b), (_c, d) = pages[-2], pages[-1]
        used = sum(self.heights[b:d])
        while d - b < MIN_LAST_ROWS and b - a > MIN_LAST_ROWS:
            if used + self.heights[b - 1] > last_space:
                break
            b -= 1
            used += self.heights[b]
        return pages[:-2] + [(a, b), (b, d)]


class GridPage:
    """One page of a ruled table: optional title block, header row, rows, footer line.

    Plain drawing, no platypus: a standalone table draws its pages straight onto a canvas;
    the binder wraps each page in a flowable (``doc.GridFlowable``)."""

    def __init__(self, layout: GridLayout, start: int, end: int, height: float,
                 page_index: int, page_total: int,
                 title: Callable[[Canvas, float, float], float] | None = None,
                 footer: Callable[[Canvas, float, int, int], None] | None = None,
                 footer_height: float = 0.0,
                 on_drawn: Callable[[], None] | None = None):
        self.layout = layout
        self.start, self.end = start, end
        self.box_height = height
        self.page_index, self.page_total = page_index, page_total
        self.title = title
        self.footer = footer
        self.footer_height = footer_height
        self.on_drawn = on_drawn

    def draw_on(self, c: Canvas, avail_width: float) -> None:
        """Draw with the frame's lower left corner at the origin."""
        self.avail_width = avail_width
        lay = self.layout
        fs, st = lay.fs, lay.style
        width = sum(col.width for col in lay.columns)
        top = self.box_height
        if self.title is not None:
            top -= self.title(c, self.avail_width, top)
        x0 = (self.avail_width - width) / 2
        xs = [x0]
        for col in lay.columns:
            xs.append(xs[-1] + col.width)
        # Header row, shaded.
        header_bottom = top - lay.header_height
        c.setFillColor(styles.HEADER_FILL)
        c.rect(x0, header_bottom, width, lay.header_height, stroke=0, fill=1)
        c.setFillColor(styles.GRID)
        text = c.beginText()
        header_font = fs.name(st.header_role)
        text.setFont(header_font, st.header_size)
        for col, header, x in zip(lay.columns, lay.header_lines, xs):
            block = len(header) * st.leading
            y = header_bottom + (lay.header_height - block) / 2 + block - st.size
            for line in header:
                w = pdfmetrics.stringWidth(line, header_font, st.header_size)
                text.setTextOrigin(x + (col.width - w) / 2, y)
                self._text_out(text, line, st.header_role, header_font, st.header_size)
                y -= st.leading
        # Body rows.
        body_font = fs.name(st.body_role)
        text.setFont(body_font, st.size)
        writer = FastText(c, text, fs, st.body_role, body_font, st.size)
        y_lines = [top, header_bottom]
        y = header_bottom
        string_width = pdfmetrics.stringWidth
        total_rows = []
        left_x = [f"{x + PAD_X:.2f}" for x in xs]
        aligns = [col.align for col in lay.columns]
        widths = [col.width for col in lay.columns]
        size, leading = st.size, st.leading
        put_at = writer.put_at
        for i in range(self.start, self.end):
            h = lay.heights[i]
            cells = lay.rows[i]
            if lay.styles_of_rows[i] == "total":
                total_rows.append((y - h, h))
            first_y = y - PAD_Y - size * 0.88
            y_text = f"{first_y:.2f}"
            for k, cell in enumerate(cells):
                # A cell is (line, ..., width of a single line or None).
                if len(cell) == 2:
                    line, known = cell
                    if not line:
                        continue
                    lines = [line]
                else:
                    *lines, known = cell
                align = aligns[k]
                yy = first_y
                for line in lines:
                    if line:
                        ys = y_text if yy == first_y else f"{yy:.2f}"
                        if align == "left":
                            put_at(f"{left_x[k]} {ys}", line)
                        else:
                            w = known if known is not None else string_width(
                                line, body_font, size)
                            tx = xs[k] + (widths[k] - w) / 2 if align == "centre" \
                                else xs[k] + widths[k] - PAD_X - w
                            put_at(f"{tx:.2f} {ys}", line)
                    yy -= leading
            y -= h
            y_lines.append(y)
        for bottom, h in total_rows:   # a 合计 row stands out
            c.setFillColor(styles.HEADER_FILL)
            c.rect(x0, bottom, width, h, stroke=0, fill=1)
            c.setFillColor(styles.GRID)
        c.drawText(text)
        # Rules: one horizontal line per row boundary, one vertical line per column edge.
        c.setStrokeColor(styles.GRID)
        c.setLineWidth(0.5)
        c.lines([(x0, yl, x0 + width, yl) for yl in y_lines] +
                [(x, y, x, top) for x in xs])
        c.setLineWidth(1.0)
        c.rect(x0, y, width, top - y, stroke=1, fill=0)
        if self.footer is not None:
            self.footer(c, self.avail_width, self.page_index, self.page_total)
        if self.on_drawn:
            self.on_drawn()

    def _text_out(self, text, line: str, role: str, font: str, size: float) -> None:
        runs = self.layout.fs.runs(line, role)
        if len(runs) == 1 and runs[0][0] == font:
            text.textOut(line)
            return
        for run_font, run in runs:
            text.setFont(run_font, size)
            text.textOut(run)
        text.setFont(font, size)


class FastText:
    """Writes many short strings into one text object, fast.

    reportlab re-encodes every string into its font subsets on each call. Two shortcuts,
    both exact: printable ASCII (dates, ID and phone numbers, amounts) sits at its own
    code in subset 0 of every TrueType font (reportlab's ``asciiReadable`` layout), so it
    needs no encoding at all; and other strings repeat a lot (性别, 民族, 状态), so their
    encoded operators are kept per document and subset state (subset numbering only grows
    during a document, so a kept encoding stays valid on the canvas it was made for)."""

    def __init__(self, canvas: Canvas, text, fs: FontSet, role: str, font: str, size: float):
        self.text = text
        self.fs = fs
        self.role = role
        self.font = font
        self.size = size
        self.escape = canvas._escape
        cache = getattr(canvas, "_ledger_text_cache", None)
        if cache is None:
            cache = {}
            canvas._ledger_text_cache = cache
        self.cache = cache
        ttf = pdfmetrics.getFont(font)
        readable = getattr(ttf, "_asciiReadable", None)
        if readable is None:
            from reportlab import rl_config

            readable = rl_config.ttfAsciiReadable
        # The shortcut holds only for reportlab's ASCII-readable subset layout.
        self.ascii_ok = bool(readable) and getattr(ttf, "_dynamicFont", False) and all(
            c in ttf.face.charToGlyph for c in range(32, 127))
        self.subset0 = (f"{pdfmetrics.getFont(font).getSubsetInternalName(0, canvas._doc)} "
                        f"{fp_str(size)} Tf {fp_str(text._leading)} TL ")

    def put(self, x: float, y: float, line: str) -> None:
        self.put_at(f"{x:.2f} {y:.2f}", line)

    def put_at(self, position: str, line: str) -> None:
        """``position`` is "x y" already formatted (rows and columns repeat it)."""
        t = self.text
        if self.ascii_ok and line.isascii() and line.isprintable():
            if t._curSubset == 0:
                t._code.append(f"1 0 0 1 {position} Tm ({self.escape(line)}) Tj")
            else:
                t._curSubset = 0
                t._code.append(f"1 0 0 1 {position} Tm {self.subset0}({self.escape(line)}) Tj")
            return
        key = (t._curSubset, line)
        hit = self.cache.get(key)
        if hit is None:
            before = len(t._code)
            runs = self.fs.runs(line, self.role)
            if len(runs) == 1 and runs[0][0] == self.font:
                t._code.append(t._formatText(line))
            else:
                for run_font, run in runs:
                    t.setFont(run_font, self.size)
                    t._code.append(t._formatText(run))
                t.setFont(self.font, self.size)
            code = " ".join(t._code[before:])
            del t._code[before:]
            hit = (code, t._curSubset)
            self.cache[key] = hit
        code, t._curSubset = hit
        t._code.append(f"1 0 0 1 {position} Tm {code}")
