"""党费收缴登记表: one row per member, the twelve months' payments, totals (RULES.md §3).

Landscape A4 with the table title, "填报单位 … 填报日期 …", the header on every page,
a 合计 row, and the 制表人 / 审核人 footer — the same ruled grid as every table.
"""

from __future__ import annotations

import os
from datetime import date
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
from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger


# What a month's cell prints when nothing was paid: 未交 (owed, unpaid or no record once
# the month is over), 不应交 (before joining or arriving, after leaving), blank (not over).
CELL_WORDS = {"unpaid": "未交", "missing": "未交", "not_due": "不应交", "pending": ""}


def dues_rows(ctx: PrintContext, year: int) -> tuple[list[list[str]], list[str]]:
    """Rows per member (in roster order) and the 合计 row, as printed texts — from the
    same grid the window's 党费收缴表 shows (``rules.dues_grid``), so the totals agree."""
    from ledger_app.rules.gather import read_dues_year

    ledger = ctx.ledger
    if ledger.pack.type_for("dues") is None:
        raise LedgerError(f"{ledger.pack.label}台账不记党费，没有党费收缴登记表可打印。")
    grid = read_dues_year(ledger, year, ctx.as_of or date.today())
    rows: list[list[str]] = []
    for n, member in enumerate(grid.rows, start=1):
        latest = member.latest()
        notes = []
        unpaid = member.unpaid_months()
        if unpaid:
            notes.append("未交：" + "、".join(f"{m}月" for m in unpaid))
        if any(c.arrears == "alert" for c in member.cells):
            notes.append("连续 6 个月未交")
        for number, cell in enumerate(member.cells, start=1):
            if cell.note:
                notes.append(f"{number}月：{ctx.shown(cell.note)}")
        cells = [format_money(c.paid) if c.paid else CELL_WORDS.get(c.state, "")
                 for c in member.cells]
        rows.append([str(n), ctx.member_name(member.member_id),
                     format_money(latest.base) if latest and latest.base is not None else "",
                     latest.rate if latest else "",
                     format_money(latest.due) if latest else "",
                     *cells, format_money(member.due_total), format_money(member.paid_total),
                     "；".join(notes)])
    total = ["", "合计", "", "", "", *[format_money(grid.month_paid(m)) for m in range(1, 13)],
             format_money(grid.due_total), format_money(grid.paid_total), ""]
    return rows, total


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


def render_dues(ledger: Ledger, year: int, out_path: str | os.PathLike[str],
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


__all__ = ["dues_flowables", "dues_rows", "render_dues"]
