"""Chinese line breaking: the one place that decides where printed text wraps.

Every printed table cell, header and paragraph is broken here, so a name, a number with
its unit or a bracketed unit never splits in one printout and stays whole in another.

The rules (《标点符号用法》GB/T 15834-2011 §5 on placing marks; W3C "Requirements for
Chinese Text Layout" clreq §3.1.7, 2020, on 禁则 / line-breaking prohibitions):
- a line never starts with a closing mark (，。、；：？！）》」…) and never ends with an
  opening one (（《「“): the mark goes with the character it belongs to;
- a short bracketed unit such as "（元）" or "（%）" stays whole;
- a number keeps its unit ("10月", "10/月", "80 平方米", "32学时");
- a Latin word, a number, a date such as 2025-03-15 or an ID number is never split;
- a person's name (the roster's names, and any run of 2-4 Chinese characters standing
  between marks, which is how names are listed: "黄晓彤、唐飞") moves to the next line
  whole rather than splitting, unless it alone is wider than the line;
- otherwise Chinese breaks between any two characters, and a line is filled as far as
  it goes: an ASCII space is not a preferred break ("面积约 80 平方米" is not cut early).

Linear time: the widths of a paragraph are summed once (``accumulate``), the places that
must not break are found by one regular-expression scan, and each line end is found by
binary search, so a 1 MB text takes about as long as reading it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from itertools import accumulate
from typing import Protocol

# Marks that never start a line (they stay with the character before them).
NO_START = "，。、；：？！）》」』】〕〉｝］”’…—～·%％‰℃,.;:?!)]}"
# Marks that never end a line (they go with the character after them).
NO_END = "（《「『【〔〈｛［“‘([{"

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Units that stay with the number before them, longest first.
UNITS = ("平方公里", "平方米", "立方米", "公里", "千米", "厘米", "毫米", "学时", "课时",
         "小时", "分钟", "万元", "千元", "亿元", "周岁", "余人", "多人", "人次", "个月",
         "元", "角", "分", "人", "名", "位", "次", "个", "岁", "年", "月", "日", "号", "天",
         "周", "时", "米", "页", "件", "户", "期", "项", "条", "本", "册", "份", "篇", "届",
         "批", "组", "处", "所", "家", "级", "倍", "点", "章", "节", "册", "台", "辆", "元整")
_UNIT = "|".join(re.escape(u) for u in sorted(set(UNITS), key=len, reverse=True))
_NUMBER = r"[0-9０-９]+(?:[.．:：,/\-－][0-9０-９]+)*"
_CLOSE = "[" + re.escape(NO_START) + "]"
_OPEN = "[" + re.escape(NO_END) + "]"

# Spans inside which no line may break (adjacent spans may break between them). A
# character matched by none of these is a break opportunity on either side.
def _glue_pattern(short_runs: bool) -> re.Pattern[str]:
    run = rf"|(?<![{CJK}])[{CJK}]{{2,4}}(?![{CJK}])" if short_runs else ""
    return re.compile(
        rf"{_OPEN}*(?:"
        # a number with its unit, also "10/月", "50元/月", "80 平方米", "3.5%"
        rf"{_NUMBER}(?:[%％‰℃])?(?: ?[/／]?(?:{_UNIT})(?:[/／](?:{_UNIT}))?)?"
        # a Latin word, a date or code such as 2025-03-15, A4, GB/T
        rf"|[A-Za-z0-9][A-Za-z0-9_@#&'’./\-]*[A-Za-z0-9%]"
        # a short bracketed unit: （元）, （%）, 《党章》 (a longer quotation may break)
        rf"|{_OPEN}[^{re.escape(NO_START + NO_END)}\s]{{1,3}}{_CLOSE}"
        # a short run of Chinese characters between marks: how names are listed
        rf"{run}"
        rf"){_CLOSE}*"
        rf"|{_OPEN}+[^\s]{_CLOSE}*"        # opening marks with what follows
        rf"|[^\s]{_CLOSE}+"                 # a character with the closing marks after it
    )


_GLUED = {True: _glue_pattern(True), False: _glue_pattern(False)}


class Breaker:
    """Breaks text into lines; ``keep`` are words (members' names) never split."""

    def __init__(self, keep: Iterable[str] = (), short_runs: bool = True):
        self.glued = _GLUED[short_runs]
        words = {w for w in keep if w and 2 <= len(w) <= 12 and not w.isspace()}
        self.keep = frozenset(words)
        self.keep_lengths = sorted({len(w) for w in words}, reverse=True)

    def lines(self, text: str, width: float, widths: Mapping[str, float],
              first_indent: float = 0.0) -> list[str]:
        """Lines of ``text`` no wider than ``width``; ``widths`` gives each character's
        advance in the same unit; newlines always break. ``first_indent`` narrows the
        first line of each paragraph."""
        out: list[str] = []
        for paragraph in text.split("\n"):
            out += self.paragraph(paragraph, width, widths, first_indent)
        return out

    def paragraph(self, text: str, width: float, widths: Mapping[str, float],
                  first_indent: float = 0.0) -> list[str]:
        n = len(text)
        if n == 0:
            return [""]
        get = widths.__getitem__
        cw = [0.0, *accumulate(map(get, text))]
        if cw[n] <= width - first_indent:
            return [text]
        starts, ends = self._spans(text)
        lines: list[str] = []
        pos = 0
        limit = width - first_indent
        while pos < n:
            if lines:
                while pos < n and text[pos] == " ":     # no line starts with a space
                    pos += 1
                if pos >= n:
                    break
            q = bisect_right(cw, cw[pos] + limit + 1e-6) - 1
            if q >= n:
                lines.append(text[pos:])
                break
            q = max(q, pos + 1)        # a character wider than the line still goes
            b = self._break_at(text, pos, q, starts, ends)
            lines.append(text[pos:b].rstrip(" "))
            pos = b
            limit = width
        return lines

    def _spans(self, text: str) -> tuple[list[int], list[int]]:
        starts: list[int] = []
        ends: list[int] = []
        for m in self.glued.finditer(text):
            s, e = m.span()
            if e - s > 1:
                starts.append(s)
                ends.append(e)
        return starts, ends

    def _break_at(self, text: str, pos: int, q: int, starts: list[int],
                  ends: list[int]) -> int:
        """The last allowed break in (pos, q]; q itself (a forced break) if none."""
        b = q
        for _ in range(8):            # a span moved back may meet a name, and so on
            moved = False
            k = bisect_right(starts, b - 1) - 1
            if k >= 0 and starts[k] < b < ends[k]:
                if starts[k] > pos:
                    b, moved = starts[k], True
                else:
                    return self._forced(text, pos, q)
            for length in self.keep_lengths:
                for back in range(1, length):
                    s = b - back
                    if s > pos and text[s:s + length] in self.keep:
                        b, moved = s, True
                        break
                    if s == pos and text[s:s + length] in self.keep:
                        return self._forced(text, pos, q)
                if moved:
                    break
            if not moved:
                return b
        return b

    @staticmethod
    def _forced(text: str, pos: int, q: int) -> int:
        """A unit wider than the whole line must be cut; still keep a closing mark off
        the next line's start and an opening mark off this line's end."""
        b = q
        while b - 1 > pos and (text[b] in NO_START or text[b - 1] in NO_END):
            b -= 1
        return b

    def narrowest(self, text: str, max_lines: int, widths: Mapping[str, float]) -> float:
        """The narrowest width at which ``text`` fits in ``max_lines`` lines, breaking
        only where allowed (for table headers: "计算基数" over "（元）")."""
        whole = sum(map(widths.__getitem__, text))
        if max_lines <= 1 or len(text) <= 1:
            return whole
        get = widths.__getitem__
        cw = [0.0, *accumulate(map(get, text))]
        starts, ends = self._spans(text)
        # never narrower than the widest unit that must not break
        low = max([*map(get, text), *(cw[e] - cw[s] for s, e in zip(starts, ends))])
        high = whole
        for _ in range(18):            # bisection to a fraction of a point
            mid = (low + high) / 2
            if len(self.lines(text, mid, widths)) <= max_lines:
                high = mid
            else:
                low = mid
        return high


PLAIN = Breaker()
# Table headers: "评议/年度" may break between words, "计算基数/（元）" only before the unit.
HEADER = Breaker(short_runs=False)


def wrap(fs: HasCharWidths, text: str, role: str, size: float, width: float,
         breaker: Breaker = PLAIN, first_indent: float = 0.0) -> list[str]:
    """Lines of ``text`` set in a font role at ``size`` points within ``width`` points."""
    scale = 1000.0 / size
    return breaker.lines(text, width * scale, fs.char_widths(role), first_indent * scale)


class HasCharWidths(Protocol):
    def char_widths(self, role: str) -> Mapping[str, float]: ...
