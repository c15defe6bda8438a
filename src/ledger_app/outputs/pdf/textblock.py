"""A paragraph of printed text: broken by ``linebreak`` and drawn line by line.

Used for every paragraph of a printout (record pages, documents, the 自查表, table cells
of the record header), in place of reportlab's ``Paragraph``. Two reasons:
- one line breaker for the whole program (names, 禁则 and units as in tables);
- linear time: reportlab re-wraps the rest of a paragraph on every page it splits, so a
  200,000-character meeting record took 19 s and a 1 MB one minutes. Here the lines are
  made once per width and a split is two index ranges over the same list.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from ledger_app.outputs.pdf.fonts import FontSet
from ledger_app.outputs.pdf.linebreak import PLAIN, Breaker

# A line is stretched to the full width (justified) only if that adds less than this
# much space between two characters; more would look gappy, so it stays ragged.
MAX_STRETCH = 0.2          # of the font size
MIN_LINES_AT_BREAK = 2     # a paragraph split across pages leaves at least 2 lines each side

Line = tuple[str, bool, bool]    # text, first line of its paragraph, last line of it


class TextBlock(Flowable):
    """``text`` in ``style`` (font size, leading, indents, alignment, space before and
    after); newlines start new paragraphs (each with the first-line indent)."""

    def __init__(self, fs: FontSet, text: str, style: ParagraphStyle, role: str,
                 breaker: Breaker = PLAIN, *, _shared: dict[float, list[Line]] | None = None,
                 _start: int = 0, _end: int | None = None, _first: bool = True,
                 _last: bool = True):
        super().__init__()
        self.fs, self.text, self.style, self.role, self.breaker = fs, text, style, role, \
            breaker
        self._shared = _shared if _shared is not None else {}
        self._start, self._end = _start, _end
        self._first, self._last = _first, _last
        self.spaceBefore = style.spaceBefore if _first else 0
        self.spaceAfter = style.spaceAfter if _last else 0
        self.keepWithNext = getattr(style, "keepWithNext", 0)
        self.width = self.height = 0.0

    # ---- layout --------------------------------------------------------------------

    def lines(self, width: float) -> list[Line]:
        """Every line of the whole text at this width (made once, shared by the parts)."""
        key = round(width, 3)
        made = self._shared.get(key)
        if made is None:
            st = self.style
            scale = 1000.0 / st.fontSize
            room = (width - st.leftIndent - st.rightIndent) * scale
            indent = st.firstLineIndent * scale
            widths = self.fs.char_widths(self.role)
            made = []
            for paragraph in self.text.split("\n"):
                got = self.breaker.paragraph(paragraph, room, widths, indent)
                last = len(got) - 1
                made += [(line, i == 0, i == last) for i, line in enumerate(got)]
            self._shared[key] = made
        return made

    def _range(self, width: float) -> tuple[int, int]:
        end = self._end if self._end is not None else len(self.lines(width))
        return self._start, end

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        start, end = self._range(avail_width)
        self.width = avail_width
        self.height = (end - start) * self.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        start, end = self._range(avail_width)
        count = end - start
        fit = int((avail_height + 1e-6) // self.style.leading)
        if fit >= count:
            return [self]
        if count - fit < MIN_LINES_AT_BREAK:       # no single line left for the next page
            fit = count - MIN_LINES_AT_BREAK
        if fit < MIN_LINES_AT_BREAK:               # nor a single line at a page's foot
            return []
        common = dict(_shared=self._shared)
        return [TextBlock(self.fs, self.text, self.style, self.role, self.breaker,
                          _start=start, _end=start + fit, _first=self._first, _last=False,
                          **common),
                TextBlock(self.fs, self.text, self.style, self.role, self.breaker,
                          _start=start + fit, _end=end, _first=False, _last=self._last,
                          **common)]

    def last_lines(self, width: float, count: int) -> tuple[TextBlock | None, TextBlock]:
        """This block cut before its last ``count`` lines at ``width``: (the rest or None,
        the last lines), so the last lines can be kept with what follows (a signature)."""
        start, end = self._range(width)
        if end - start <= count:
            return None, self
        common = dict(_shared=self._shared)
        return (TextBlock(self.fs, self.text, self.style, self.role, self.breaker,
                          _start=start, _end=end - count, _first=self._first, _last=False,
                          **common),
                TextBlock(self.fs, self.text, self.style, self.role, self.breaker,
                          _start=end - count, _end=end, _first=False, _last=self._last,
                          **common))

    def minWidth(self) -> float:
        widths = self.fs.char_widths(self.role)
        return max((widths[c] for c in self.text), default=0.0) * self.style.fontSize / 1000

    # ---- drawing -------------------------------------------------------------------

    def draw(self) -> None:
        st = self.style
        c = self.canv
        size, leading = st.fontSize, st.leading
        widths = self.fs.char_widths(self.role)
        per_unit = size / 1000.0
        room = self.width - st.leftIndent - st.rightIndent
        start, end = self._range(self.width)
        primary = self.fs.name(self.role)
        color = getattr(st, "textColor", None)
        text = c.beginText()
        text.setFont(primary, size)
        if color is not None:
            text.setFillColor(color)
        # First baseline: the glyphs' body centred in the first line's leading.
        y = self.height - (leading - size) / 2 - size * 0.88
        for line, first, last in self.lines(self.width)[start:end]:
            if line:
                indent = st.firstLineIndent if first else 0.0
                w = sum(map(widths.__getitem__, line)) * per_unit
                free = room - indent - w
                x = st.leftIndent + indent
                space = 0.0
                if st.alignment == TA_CENTER:
                    x += free / 2
                elif st.alignment == TA_RIGHT:
                    x += free
                elif st.alignment == TA_JUSTIFY and not last and len(line) > 1 and free > 0:
                    gap = free / (len(line) - 1)
                    if gap < MAX_STRETCH * size:
                        space = gap
                text.setTextOrigin(x, y)
                text.setCharSpace(space)
                runs = self.fs.runs(line, self.role)
                if len(runs) == 1:
                    text.textOut(line)
                else:
                    for font, run in runs:
                        text.setFont(font, size)
                        text.textOut(run)
                    text.setFont(primary, size)
            y -= leading
        text.setCharSpace(0)
        c.drawText(text)


__all__ = ["TextBlock"]
