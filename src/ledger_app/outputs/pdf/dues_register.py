"""党费收缴登记表: one row per member, the twelve months' payments, totals (RULES.md §3).

Landscape A4 with the table title, "填报单位 … 填报日期 …", the header on every page,
a 合计 row, and the 制表人 / 审核人 footer — the same ruled grid as every table.
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm

from ledger_app.forms.values import format_money
from ledger_app.outputs.pdf.common import (
    PrintContext,
    Progress,
    atomic_output,
    check_year,
    no_progress,
    page_frame_size,
)
from ledger_app.outputs.pdf.grid import Column, GridLayout, GridPage, GridStyle
from ledger_app.outputs.pdf.table import grid_pages, write_grid_pdf

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger


def dues_rows(ctx: PrintContext, year: int) -> tuple[list[list[str]], list[str]]:
    """Rows per member (in roster order) and the 合计 row, as printed texts."""
    ledger = ctx.ledger
    dues = ledger.pack.type_for("dues")
    if dues is None:
        raise ValueError(f"{ledger.pack.label}台账没有党费收缴记录，不能打印党费收缴登记表")
    records = ledger.records.list(dues.key, year)
    people = ledger.pack.record_type(ledger.pack.member_type)
    by_member: dict[int, list[Any]] = defaultdict(list)
    for r in records:
        member = dues.read(r, "person")
        if member is not None and str(dues.read(r, "dues_month") or "").startswith(f"{year}-"):
            by_member[int(member)].append(r)
    roster = {m.id: m for m in ledger.records.members(include_left=True)}
    # Everyone on the roster during the year, plus anyone with a payment that year.
    def on_roll_in_year(m: Any) -> bool:
        came = max(people.read(m, "joined") or "", people.read(m, "arrived") or "")
        return came <= f"{year}-12-31" and (ledger.records.is_active(people, m) or (
            people.read(m, "left") or "9999") >= f"{year}-01-01")

    chosen = [m for m in roster.values() if m.id in by_member or on_roll_in_year(m)]
    chosen.sort(key=lambda m: (people.read(m, "seq") is None, people.read(m, "seq") or 0, m.id))
    extra = [mid for mid in by_member if mid not in roster]
    rows: list[list[str]] = []
    month_totals = [0] * 12
    total_due = total_paid = 0
    for n, member_id in enumerate([m.id for m in chosen] + extra, start=1):
        items = sorted(by_member.get(member_id, []), key=lambda r: dues.read(r, "dues_month"))
        paid = [None] * 12
        due_sum = 0
        notes = []
        for r in items:
            month = int(str(dues.read(r, "dues_month"))[5:7])
            if dues.read(r, "dues_paid") is not None:
                paid[month - 1] = (paid[month - 1] or 0) + int(dues.read(r, "dues_paid"))
                month_totals[month - 1] += int(dues.read(r, "dues_paid"))
            due_sum += int(dues.read(r, "dues_due") or 0)
            if dues.read(r, "note"):
                notes.append(f"{month}月{ctx.shown(dues.read(r, 'note'))}")
        latest = items[-1] if items else None
        unpaid = [i + 1 for i, (p, r) in enumerate(zip(paid, _months(dues, items)))
                  if r and p is None]
        if unpaid:
            notes.insert(0, "未交：" + "、".join(f"{m}月" for m in unpaid))
        paid_sum = sum(p or 0 for p in paid)
        total_due += due_sum
        total_paid += paid_sum
        rows.append([str(n), ctx.member_name(member_id),
                     format_money(dues.read(latest, "dues_base")) if latest else "",
                     str(dues.read(latest, "dues_rate") or "") if latest else "",
                     format_money(dues.read(latest, "dues_due")) if latest else "",
                     *[format_money(p) if p is not None else "" for p in paid],
                     format_money(due_sum) if items else "",
                     format_money(paid_sum) if items else "",
                     "；".join(notes)])
    total = ["", "合计", "", "", "", *[format_money(t) for t in month_totals],
             format_money(total_due), format_money(total_paid), ""]
    return rows, total


def _months(dues: Any, items: list[Any]) -> list[Any]:
    """Per month (1..12) the record of that month, or None."""
    out: list[Any] = [None] * 12
    for r in items:
        out[int(str(dues.read(r, "dues_month"))[5:7]) - 1] = r
    return out


def dues_columns(width: float) -> list[Column]:
    cols = [Column("序号", 8 * mm, "centre"), Column("姓名", 17 * mm, "centre"),
            Column("计算基数", 16 * mm, "right"), Column("比例", 10 * mm, "centre"),
            Column("月应交", 13 * mm, "right")]
    cols += [Column(f"{m}月 实交", 12.2 * mm, "right") for m in range(1, 13)]
    cols += [Column("全年应交", 15 * mm, "right"), Column("全年实交", 15 * mm, "right"),
             Column("备注", 0, "left")]
    cols[-1].width = width - sum(c.width for c in cols)
    return cols


def dues_pages(ctx: PrintContext, year: int,
               on_page: Any = None) -> list[GridPage]:
    width, _height = page_frame_size("landscape")
    rows, total = dues_rows(ctx, year)
    layout = GridLayout(ctx.fs, dues_columns(width), GridStyle(size=8, leading=10,
                                                                header_size=8))
    layout.add_rows(rows)
    layout.add_rows([total], kind="total")
    return grid_pages(ctx, layout, "landscape", f"党费收缴登记表（{year}年度）", on_page)


def dues_flowables(ctx: PrintContext, year: int, on_page: Any = None) -> list[Any]:
    from ledger_app.outputs.pdf.doc import grid_flowables

    return grid_flowables(dues_pages(ctx, year, on_page))


def render_dues(ledger: "Ledger", year: int, out_path: str | os.PathLike[str],
                progress: Progress | None = None, masked: bool = True,
                emblem_path: str | None = None, filled_on: str | None = None) -> int:
    """Print the 党费收缴登记表 of a year. Returns the number of pages."""
    check_year(year)
    progress = progress or no_progress
    ctx = PrintContext(ledger, masked=masked, emblem_path=emblem_path, progress=progress)
    ctx.for_period(int(year), None, filled_on)
    progress(0, 2, "正在汇总党费……")
    pages = dues_pages(ctx, int(year))
    with atomic_output(out_path) as tmp:
        write_grid_pdf(tmp, ctx, f"党费收缴登记表（{year}年度）", "landscape", pages)
        progress(1, 2, "正在保存……")
    progress(2, 2, "完成")
    return len(pages)


__all__ = ["render_dues", "dues_flowables", "dues_rows"]
