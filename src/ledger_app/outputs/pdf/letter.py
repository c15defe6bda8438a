"""中国共产党党员组织关系介绍信: 存根, 介绍信 and 回执 on one A4 page with cut lines
(RULES.md §6), from one 转入转出 record. The letter's number, "党费已交到 X年X月" and
"有效期 X天" are written in 大写 numerals, as on the printed forms.

Fields are read by role (``person_name``, ``from_org``, ``to_org``, ``letter_no``,
``dues_paid_to``, ``valid_days``, ``member_class``, ``person``); the linked roster member
gives 性别, 年龄 and 民族 where known.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ledger_app.forms import dates
from ledger_app.outputs.pdf.common import PrintContext, Progress, atomic_output, no_progress
from ledger_app.outputs.pdf.linebreak import wrap
from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

DIGITS = "零壹贰叁肆伍陆柒捌玖"


def upper_number(n: int) -> str:
    """1–99 in 大写: 3 → 叁, 10 → 拾, 12 → 拾贰, 30 → 叁拾, 45 → 肆拾伍."""
    if not 0 < n < 100:
        raise ValueError(f"{n} 不在 1–99 之间")
    tens, ones = divmod(n, 10)
    text = ("" if tens == 0 else ("拾" if tens == 1 else DIGITS[tens] + "拾"))
    return text + (DIGITS[ones] if ones else "")


def upper_year(year: int) -> str:
    """A year digit by digit: 2025 → 贰零贰伍."""
    return "".join(DIGITS[int(d)] for d in f"{year:04d}")


def upper_month(month_text: str) -> str:
    """"2025-12" → 贰零贰伍年拾贰月."""
    s = dates.span(month_text)
    if s is None:
        return "    年    月"
    return f"{upper_year(s.first.year)}年{upper_number(s.first.month)}月"


def _age(birth: Any, on: date) -> str:
    s = dates.span(birth)
    if s is None:
        return ""
    years = on.year - s.first.year - ((on.month, on.day) < (s.first.month, s.first.day))
    return f"{years}岁"


def letter_texts(ctx: PrintContext, record_id: int) -> dict[str, str]:
    """The words of the three parts (also what the tests read back)."""
    ledger = ctx.ledger
    rt = ledger.pack.type_for("transfers")
    if rt is None:
        raise LedgerError(f"{ledger.pack.label}台账没有转入转出记录，不能打印组织关系介绍信。")
    record = ledger.records.get(record_id)
    if record.type_key != rt.key:
        raise LedgerError(f"编号 {record_id} 不是{rt.label}的记录，不能打印组织关系介绍信。")
    v = record.values

    def get(role: str) -> Any:
        key = rt.key_for(role)
        return v.get(key) if key else None

    name = str(get("person_name") or "")
    day = dates.span(v.get(rt.date_field))
    on = day.first if day else date.today()
    klass = str(get("member_class") or "")
    full = rt.value_for("member_class", "full")
    kind = "正式党员" if klass == full else "预备党员" if klass else "党员"
    about = []
    member_id = get("person")
    if member_id is not None:
        people = ledger.pack.record_type(ledger.pack.member_type)
        try:
            member = ledger.records.get(int(member_id)).values
        except LedgerError:
            member = {}
        for role in ("gender", "ethnicity"):
            key = people.key_for(role)
            if key and member.get(key):
                about.append(str(member[key]))
        birth_key = people.key_for("birth_date")
        if birth_key and member.get(birth_key):
            about.insert(1 if about else 0, _age(member[birth_key], on))
    who = f"{name}同志" + (f"（{'，'.join(a for a in about if a)}）" if about else "")
    days = get("valid_days")
    valid = f"{upper_number(int(days))}天" if days else "    天"
    number = str(get("letter_no") or "").strip()
    from_org, to_org = str(get("from_org") or ""), str(get("to_org") or "")
    paid_to = upper_month(str(get("dues_paid_to") or ""))
    when = f"{on.year}年{on.month}月{on.day}日"
    return {
        "number": number,
        "stub": (f"{name}同志系中共{kind}，组织关系由{from_org or '　　　　'}转到"
                 f"{to_org or '　　　　'}。党费已交到{paid_to}。有效期{valid}。"),
        "to": f"{to_org or '　　　　　　'}：",
        "letter": (f"兹介绍{who}，系中共{kind}，其党员组织关系由{from_org or '我处'}转到你处，"
                   f"请接洽。该同志党费已交到{paid_to}。"),
        "valid": f"（有效期{valid}）",
        "receipt_to": f"{from_org or '　　　　　　'}：",
        "receipt": f"{name}同志的党员组织关系已转达我处，特此回执。",
        "date": when,
    }


def _numbered(number: str) -> str:
    """"第 X 号" around the letter's number, unless it already says 号 (桂街组转〔2026〕2号)."""
    if not number:
        return "第　　　号"
    return number if number.endswith("号") else f"第 {number} 号"


class _Page:
    def __init__(self, ctx: PrintContext, c: Canvas):
        self.ctx, self.c = ctx, c
        self.left, self.right = 25 * mm, A4[0] - 25 * mm

    def text(self, x: float, y: float, text: str, role: str, size: float,
             align: str = "left") -> None:
        from ledger_app.outputs.pdf.cover import draw_text

        draw_text(self.ctx, self.c, x, y, text, role, size, align)

    def para(self, y: float, text: str, size: float = 13, indent: bool = True) -> float:
        width = self.right - self.left
        lines = wrap(self.ctx.fs, text, "fang", size, width, first_indent=2 * size if indent
                     else 0)
        for n, line in enumerate(lines):
            self.text(self.left + (2 * size if indent and n == 0 else 0), y, line, "fang", size)
            y -= size * 1.75
        return y

    def cut(self, y: float) -> None:
        c = self.c
        c.saveState()
        c.setDash(4, 3)
        c.setLineWidth(0.6)
        c.line(12 * mm, y, A4[0] - 12 * mm, y)
        c.restoreState()
        self.text(A4[0] / 2, y + 2, "（沿此虚线剪开）", "serif", 7, "centre")


def draw_letter(ctx: PrintContext, c: Canvas, t: dict[str, str]) -> None:
    p = _Page(ctx, c)
    top = A4[1] - 18 * mm
    # 存根
    p.text(A4[0] / 2, top, "中国共产党党员组织关系介绍信（存根）", "title", 15, "centre")
    p.text(p.right, top - 9 * mm, _numbered(t['number']), "fang", 12, "right")
    y = p.para(top - 18 * mm, t["stub"], 12)
    p.text(p.right, y - 4 * mm, t["date"], "fang", 12, "right")
    p.cut(A4[1] - 92 * mm)
    # 介绍信
    top = A4[1] - 104 * mm
    p.text(A4[0] / 2, top, "中国共产党党员组织关系介绍信", "title", 17, "centre")
    p.text(p.right, top - 9 * mm, _numbered(t['number']), "fang", 12, "right")
    p.text(p.left, top - 20 * mm, t["to"], "fang", 14)
    y = p.para(top - 30 * mm, t["letter"], 14)
    p.text(p.left + 28, y - 2 * mm, t["valid"], "fang", 14)
    p.text(p.right - 30 * mm, y - 16 * mm, "（盖章）", "fang", 13, "centre")
    p.text(p.right, y - 26 * mm, t["date"], "fang", 13, "right")
    p.cut(88 * mm)
    # 回执
    top = 76 * mm
    p.text(A4[0] / 2, top, "中国共产党党员组织关系介绍信回执", "title", 15, "centre")
    p.text(p.right, top - 9 * mm, _numbered(t['number']), "fang", 12, "right")
    p.text(p.left, top - 19 * mm, t["receipt_to"], "fang", 13)
    y = p.para(top - 28 * mm, t["receipt"], 13)
    p.text(p.right - 30 * mm, y - 8 * mm, "（盖章）", "fang", 12, "centre")
    p.text(p.right, y - 18 * mm, "　　年　　月　　日", "fang", 12, "right")


def render_letter(ledger: Ledger, record_id: int, out_path: str | os.PathLike[str],
                  masked: bool = True, progress: Progress | None = None) -> int:
    """Print the 组织关系介绍信 of one 转入转出 record. Returns the number of pages (1)."""
    progress = progress or no_progress
    ctx = PrintContext(ledger, masked=masked, progress=progress)
    texts = letter_texts(ctx, record_id)
    progress(0, 1, "正在排版介绍信……")
    with atomic_output(out_path) as tmp:
        c = Canvas(str(tmp), pagesize=A4)
        c.setTitle("中国共产党党员组织关系介绍信")
        draw_letter(ctx, c, texts)
        c.showPage()
        c.save()
    progress(1, 1, "完成")
    return 1


__all__ = ["letter_texts", "render_letter", "upper_month", "upper_number", "upper_year"]
