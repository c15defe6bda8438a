"""Find the header row of a real-world sheet and match its columns to declared fields.

Real rosters have a title row or two, a "填报单位" line, headers merged over two rows
("入党时间" over "入党" and "转正"), spaces inside headers ("姓  名") and all kinds of
wording. A header matches a field by its label, its declared ``aliases``, a few common
variants known here, or its label without the bracketed part, after removing spaces,
"*" marks and "(必填)".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ledger_app.forms.model import Field, RecordType

SCAN_ROWS = 30   # the header is somewhere in the first rows

# Common spellings in the wild, by field label (apply to every record type with that label).
VARIANTS: dict[str, tuple[str, ...]] = {
    "序号": ("编号", "序", "顺序号", "No", "No."),
    "姓名": ("名字", "党员姓名", "姓 名"),
    "性别": ("性 别",),
    "民族": ("族别",),
    "出生日期": ("出生年月", "出生年月日", "出生时间", "生日", "出生日期(年月日)"),
    "公民身份号码": ("身份证号码", "身份证号", "身份证", "公民身份证号码", "公民身份证号",
                 "证件号码", "身份证件号码"),
    "籍贯": ("籍 贯", "祖籍"),
    "学历": ("文化程度", "最高学历", "全日制学历"),
    "党小组": ("所在党小组", "所属党小组", "党小组名称"),
    "人员类别": ("党员类别", "党员身份", "党员类型", "类别"),
    "入党日期": ("入党时间", "入党年月", "入党日期(预备)", "加入党组织日期"),
    "转正日期": ("转正时间", "转正年月", "成为正式党员日期"),
    "工作单位及职务": ("工作单位", "单位及职务", "工作单位及职务(职称)", "单位职务", "工作岗位"),
    "联系电话": ("电话", "手机", "手机号", "手机号码", "联系方式", "电话号码"),
    "现居住地": ("现住址", "家庭住址", "居住地址", "住址"),
    "户籍地": ("户籍所在地", "户口所在地"),
    "备注": ("说明", "附注"),
    "党员": ("姓名", "党员姓名"),
    "月份": ("月", "所属月份", "交纳月份", "缴费月份"),
    "计算基数": ("党费基数", "缴费基数", "基数"),
    "应交金额": ("应交", "月应交", "应交党费", "应缴金额", "应缴党费"),
    "实交金额": ("实交", "实交党费", "实缴金额", "实缴党费"),
    "交纳日期": ("缴纳日期", "交费日期", "缴费日期"),
}
NAME_SPLITTER = re.compile(r"[（(].*?[)）]")
UNIT = re.compile(r"^[（(][^()（）]{1,8}[)）]$")


def normalise(text: Any) -> str:
    """A header reduced to what matters: no spaces, no "*", no (必填), half-width brackets."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text))
    s = re.sub(r"\s+", "", s)
    s = s.replace("*", "").replace("※", "").replace("★", "")
    s = re.sub(r"\((必填|选填|可选|必须填写)\)", "", s)
    s = s.rstrip(":：")
    return s.lower()


@dataclass
class Target:
    """A field the importer can fill, with every header spelling that means it."""

    field: Field
    names: tuple[str, ...]


def targets(rt: RecordType) -> list[Target]:
    found = []
    for f in rt.stored_fields:
        names = [f.label, *f.aliases, *VARIANTS.get(f.label, ())]
        short = NAME_SPLITTER.sub("", f.label)
        if short and short != f.label:
            names.append(short)
        found.append(Target(f, tuple(dict.fromkeys(normalise(n) for n in names if n))))
    return found


def ignored_headers(rt: RecordType) -> set[str]:
    """Headers of columns an export writes but import leaves alone (出席情况, attachments)."""
    return {normalise(f.label) for f in rt.fields if f.detached}


class Matcher:
    """Header text → field key, by exact label first, then aliases and variants."""

    def __init__(self, rt: RecordType):
        self.by_name: dict[str, str] = {}
        tlist = targets(rt)
        # Labels win over aliases: a record type where one field's alias is another's label
        # (党费收缴: 党员's variant 姓名) still maps the label to its own field.
        for t in tlist:
            self.by_name.setdefault(t.names[0], t.field.key)
        for t in tlist:
            for n in t.names[1:]:
                self.by_name.setdefault(n, t.field.key)
        self.ignored = ignored_headers(rt)

    def match(self, header: Any) -> str | None:
        norm = normalise(header)
        found = self.by_name.get(norm)
        if found is None and "(" in norm:
            # "应交金额(元)", "出生日期(年月日)": the bracket is a unit or a hint.
            found = self.by_name.get(re.sub(r"\(.*?\)", "", norm))
        return found


@dataclass
class HeaderGuess:
    first_row: int            # 0-based index of the (first) header row
    rows: int                 # 1 or 2
    headers: list[str]        # one text per column, two-row headers joined by "/"
    score: int


def _text(cells: Sequence[tuple[Any, Any]], i: int) -> str:
    if i >= len(cells) or cells[i][0] is None:
        return ""
    return str(cells[i][0]).strip()


def combine(top: Sequence[tuple[Any, Any]], bottom: Sequence[tuple[Any, Any]],
            matcher: Matcher) -> list[str]:
    """Column headers from a two-row header: the lower cell, or the group above it."""
    width = max(len(top), len(bottom))
    result: list[str] = []
    group = ""
    for i in range(width):
        upper, lower = _text(top, i), _text(bottom, i)
        if upper:
            group = upper
        elif not lower:
            group = ""
        if not lower:
            result.append(upper)
            continue
        # A merged group header stands over several lower cells; only the first carries it.
        candidates = [lower, group + lower, lower + group] if group else [lower]
        chosen = next((c for c in candidates if matcher.match(c)), lower)
        result.append(f"{group}/{lower}" if group and chosen != lower else chosen)
    return result


def header_texts(header: str) -> list[str]:
    """A combined header "入党时间/入党" is tried as written and joined."""
    if "/" in header:
        group, lower = header.split("/", 1)
        return [lower, group + lower, lower + group]
    return [header]


def match_header(matcher: Matcher, header: str) -> str | None:
    for text in header_texts(header):
        key = matcher.match(text)
        if key:
            return key
    return None


def _score(headers: list[str], matcher: Matcher) -> int:
    keys = {match_header(matcher, h) for h in headers if h}
    keys.discard(None)
    return len(keys)


def find_header(rows: Sequence[Sequence[tuple[Any, Any]]], matcher: Matcher,
                forced_row: int | None = None) -> HeaderGuess | None:
    """The header among the first rows: the row (or pair of rows) matching most fields."""
    best: HeaderGuess | None = None
    candidates = [forced_row] if forced_row is not None else range(min(SCAN_ROWS, len(rows)))

    def single(r: int) -> list[str]:
        return [_text(rows[r], i) for i in range(len(rows[r]))] if r < len(rows) else []

    for r in candidates:
        if r >= len(rows):
            continue
        s1 = _score(single(r), matcher)
        if (s1 or forced_row is not None) and (best is None or s1 > best.score):
            best = HeaderGuess(r, 1, single(r), s1)
        if r + 1 < len(rows):
            double = combine(rows[r], rows[r + 1], matcher)
            s2 = _score(double, matcher)
            # Two rows only when each adds fields the other lacks (a title row over the
            # header adds nothing: the header is then the lower row alone).
            if s2 > s1 and s2 > _score(single(r + 1), matcher) and (best is None or s2 > best.score):
                best = HeaderGuess(r, 2, double, s2)
    if best is None or (forced_row is None and best.score < 2):
        return None
    if best.rows == 1 and best.first_row + 1 < len(rows):
        under = [_text(rows[best.first_row + 1], i) for i in range(len(rows[best.first_row + 1]))]
        if any(under) and all(UNIT.match(t) for t in under if t):
            # A units line under the header ("（元）", "(人)") belongs to the header.
            headers = [h + u if u else h for h, u in zip(best.headers + [""] * len(under),
                                                         under + [""] * len(best.headers))]
            best = HeaderGuess(best.first_row, 2, headers[:max(len(best.headers), len(under))],
                               best.score)
    return best


def auto_mapping(headers: list[str], matcher: Matcher,
                 remembered: dict[str, str] | None = None) -> list[str | None]:
    """Field key per column (None: not imported). A field is filled from one column only."""
    used: set[str] = set()
    mapping: list[str | None] = []
    remembered = remembered or {}
    for h in headers:
        key: str | None
        norm = normalise(h)
        if norm in remembered:
            key = remembered[norm] or None
        elif not norm or norm in matcher.ignored:
            key = None
        else:
            key = match_header(matcher, h)
        if key in used:
            key = None
        if key:
            used.add(key)
        mapping.append(key)
    return mapping
