"""自查表: the year as the rules see it — meetings held against required per quarter, each
checklist item with its status and evidence, and the findings with their why.

The same report as the window's home page and ``ledger-app check``; printed on its own
(``ledger-app print checklist``) and after the binder's contents page.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from ledger_app.forms.display import shown_text
from ledger_app.outputs.pdf.common import (
    PrintContext,
    Progress,
    atomic_output,
    check_year,
    no_progress,
    page_frame_size,
    page_of_total,
    total_pages_canvas,
)
from ledger_app.outputs.pdf.doc import LedgerDoc, make_template
from ledger_app.outputs.pdf.photos import print_jpeg, target_pixels
from ledger_app.outputs.pdf.record_page import para
from ledger_app.rules import cadence, periods
from ledger_app.rules.findings import Period

if TYPE_CHECKING:
    from ledger_app.rules.cadence import Row
    from ledger_app.rules.check import Report
    from ledger_app.store.ledger import Ledger

STATE_TEXT = {"met": "达标", "no_evidence": "达标（缺佐证）", "not_met": "未达标",
              "unassessed": "未检查"}
SEVERITY_TEXT = {"alert": "严重", "warn": "需处理", "info": "提示"}
THUMB_HEIGHT = 16 * mm
GRID = colors.HexColor("#444444")
SHADE = colors.HexColor("#EEEEEE")


def as_of_for(year: int, today: dt.date | None = None) -> dt.date:
    """A past year is judged as it ended (its last quarter over); the current one as of today."""
    today = today or dt.date.today()
    return min(today, dt.date(year + 1, 1, 1))


def _quarter_cell(row: Row, quarter: Period) -> str:
    return cadence.summarise(cadence.cells_within(row, quarter)).text


def _year_cell(row: Row, year: int) -> str:
    return cadence.summarise(cadence.cells_within(row, periods.whole_year(year))).text


def _table(ctx: PrintContext, rows: list[list[Any]], widths: list[float],
           header_rows: int = 1) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), ctx.fs.name("serif")),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def cadence_table(ctx: PrintContext, report: Report, width: float) -> Table:
    head = [para(ctx, t, "cell_label") for t in
            ("会议", "第一季度", "第二季度", "第三季度", "第四季度", "全年")]
    rows: list[list[Any]] = [head]
    for row in report.rows:
        quarters = ["—"] * 4 if row.requirement.every in ("year", "half_year") else \
            [_quarter_cell(row, q) for q in periods.quarters(report.year)]
        rows.append([para(ctx, row.label, "cell")] +
                    [para(ctx, t, "cell_label") for t in quarters] +
                    [para(ctx, _year_cell(row, report.year), "cell_label")])
    first = width * 0.28
    return _table(ctx, rows, [first] + [(width - first) / 5] * 5)


def _thumbnails(ctx: PrintContext, entry_id: int | None, width: float) -> Any:
    if entry_id is None:
        return ""
    images = [a for a in ctx.ledger.attachments.of(entry_id) if a.is_image and a.width][:2]
    if not images:
        return ""
    cells = []
    for a in images:
        path, w_px, h_px = print_jpeg(ctx.ledger, a.sha256,
                                      target_pixels(width / 2, THUMB_HEIGHT))
        scale = min((width / 2 - 2) / w_px, THUMB_HEIGHT / h_px)
        cells.append(Image(str(path), width=w_px * scale, height=h_px * scale))
    inner = Table([cells], colWidths=[width / 2] * len(cells))
    inner.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), ctx.fs.name("serif")),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return inner


def checklist_tables(ctx: PrintContext, report: Report, width: float) -> list[Flowable]:
    flow: list[Flowable] = []
    for n, status in enumerate(report.checklists, start=1):
        c = status.checklist
        counts = "，".join(f"{STATE_TEXT[s]} {status.count(s)} 项" for s in STATE_TEXT
                          if status.count(s))
        flow.append(para(ctx, f"{_ordinal(n + 1)}、{c.label}对照检查（{counts}）", "heading"))
        widths = [9 * mm, width * 0.42, 20 * mm, 0.0, 36 * mm]
        widths[3] = width - sum(widths)
        rows: list[list[Any]] = [[para(ctx, t, "cell_label") for t in
                                  ("序号", "项目及要求", "状态", "情况说明", "佐证")]]
        group = None
        for i, item in enumerate(status.items, start=1):
            if item.item.group and item.item.group != group:
                group = item.item.group
                rows.append([para(ctx, group, "cell_label"), "", "", "", ""])
            entry = item.entry
            rows.append([
                para(ctx, str(i), "cell_label"),
                para(ctx, f"{item.item.label}：{item.item.requirement}", "cell"),
                para(ctx, STATE_TEXT[item.state], "cell_label"),
                para(ctx, shown_text(entry.note, ctx.masked) if entry and entry.note else "",
                     "cell"),
                _thumbnails(ctx, entry.id if entry else None, widths[4])])
        table = _table(ctx, rows, widths)
        spans: list[tuple[Any, ...]] = [("SPAN", (0, r), (-1, r)) for r, row in enumerate(rows)
                 if r and row[1] == ""]
        spans += [("BACKGROUND", (0, r), (-1, r), SHADE) for r, row in enumerate(rows)
                  if r and row[1] == ""]
        table.setStyle(TableStyle(spans))
        flow += [table, Spacer(1, 4 * mm)]
    return flow


def _ordinal(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def findings_list(ctx: PrintContext, report: Report, number: int) -> list[Flowable]:
    flow: list[Flowable] = [para(ctx, f"{_ordinal(number)}、发现的问题和提示", "heading")]
    if not report.findings:
        flow.append(para(ctx, "按上述规则检查，没有发现问题。", "meta"))
    for i, f in enumerate(report.findings, start=1):
        flow.append(para(ctx, f"{i}. 【{SEVERITY_TEXT[f.severity]}】{shown_text(f.why, ctx.masked)}", "meta"))
    return flow


def self_check_flowables(ctx: PrintContext, report: Report) -> list[Flowable]:
    width = page_frame_size("form")[0]
    as_of = report.as_of - dt.timedelta(days=1) if report.as_of.month == 1 and \
        report.as_of.day == 1 and report.as_of.year == report.year + 1 else report.as_of
    pack = ctx.ledger.pack
    basis = f"　　依据：{pack.basis}（见各项说明）" if pack.basis else ""
    flow: list[Flowable] = [
        para(ctx, f"{report.year}年度台账自查表", "title"),
        para(ctx, f"组织：{ctx.org_name}　　检查截至：{as_of.year}年{as_of.month}月{as_of.day}日"
                  f"{basis}", "meta"),
        Spacer(1, 3 * mm),
        KeepTogether([para(ctx, f"一、{pack.meetings_title}召开情况（已开/应开）", "heading"),
                      cadence_table(ctx, report, width)]),
        Spacer(1, 1.5 * mm),
        para(ctx, "“缺 N”：有 N 期已结束而未召开；“待”：该期尚未结束；“—”：该期不需召开"
                  f"（如尚无{pack.member_noun}、未设委员会，或在电子台账启用之前）。", "small"),
        Spacer(1, 4 * mm),
    ]
    flow += checklist_tables(ctx, report, width)
    flow += findings_list(ctx, report, len(report.checklists) + 2)
    return flow


def report_for(ledger: Ledger, year: int, as_of: dt.date | None = None) -> Report:
    from ledger_app.rules.check import check_ledger

    return check_ledger(ledger, year, as_of or as_of_for(year))


def render_self_check(ledger: Ledger, year: int, out_path: str | os.PathLike[str],
                      masked: bool = True, progress: Progress | None = None,
                      as_of: dt.date | None = None) -> int:
    """Print the year's 自查表. Returns the number of pages."""
    check_year(year)
    progress = progress or no_progress
    ctx = PrintContext(ledger, masked=masked, progress=progress)
    progress(0, 3, "正在按规则检查……")
    flow = self_check_flowables(ctx, report_for(ledger, year, as_of))
    progress(1, 3, "正在生成 PDF……")
    pages = {"n": 0}

    def footer(canvas: Any, number: int, total: int) -> None:
        pages["n"] = total
        page_of_total(ctx.fs, canvas, number, total)

    with atomic_output(out_path) as tmp:
        doc = LedgerDoc(str(tmp), ctx, f"{year}年度台账自查表", [make_template("form")])
        doc.build(flow, canvasmaker=total_pages_canvas(footer))
        progress(2, 3, "正在保存……")
    progress(3, 3, "完成")
    return pages["n"]
