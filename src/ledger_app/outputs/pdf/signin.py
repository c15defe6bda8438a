"""The sign-in sheet (签到表) of a meeting, pre-filled from the roster (RULES.md §8).

The organisation (and, for a 党小组会, the group) named at the top; members on the roster
on the meeting's day (only the group's members for a 党小组会), 22 rows a page with the
header on every page, a signature column, and the 应到 / 实到 / 缺席 line.

A sheet is blank by default — 签名, 备注 and 实到 left to fill by hand — even when the
attendance is already recorded: a sheet printed after the meeting with 实到 and leave
reasons already typed looks like paperwork made up afterwards. ``filled=True`` prints the
recorded attendance instead (a record of who came, marked as such).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import (
    PrintContext,
    Progress,
    atomic_output,
    no_progress,
    page_frame_size,
    page_of_total,
    total_pages_canvas,
)
from ledger_app.outputs.pdf.doc import LedgerDoc, make_template
from ledger_app.outputs.pdf.record_page import get_record, para, record_heading
from ledger_app.store.attendance import STATUSES
from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.columns import Record
    from ledger_app.store.ledger import Ledger

ROWS_PER_PAGE = 22
ROW_HEIGHT = 9.6 * mm


def expected_members(ctx: PrintContext, record: Record) -> list[Record]:
    """Who is due at the meeting, as the rules decide (支委会: the committee in office; 党小组会:
    that group; others: everyone in the branch that day), in roster order."""
    from ledger_app.rules.gather import due_at_meeting

    rt = ctx.ledger.pack.record_type(record.type_key)
    kinds_key, group_key = rt.key_for("meeting_kinds"), rt.key_for("meeting_group")
    members = due_at_meeting(ctx.ledger, record[kinds_key] or [] if kinds_key else [],
                             record[rt.date_field], str(record[group_key] or "") if group_key
                             else "")
    people = ctx.ledger.pack.record_type(ctx.ledger.pack.member_type)
    seq = people.key_for("seq")
    return sorted(members, key=lambda m: (m[seq] is None, m[seq] or 0, m.id) if seq else m.id)


def _p(ctx: PrintContext, text: str, style: str) -> Paragraph:
    return para(ctx, text, style)     # fallback fonts chosen for the style's own font


def signin_flowables(ctx: PrintContext, entry_id: int, filled: bool = False
                     ) -> list[Flowable]:
    record = get_record(ctx.ledger, entry_id)
    rt = ctx.ledger.pack.record_type(record.type_key)
    if rt.role != "meetings" or not rt.date_field:
        raise LedgerError(f"签到表只能为会议记录打印，编号 {entry_id} 是{rt.label}。")
    width = page_frame_size("form")[0]
    members = expected_members(ctx, record)
    presences = {p.member_id: p for p in ctx.ledger.attendance.of(entry_id)} if filled else {}
    recorded = bool(presences)
    title = record_heading(rt, record.values).removesuffix("记录") + "签到表"
    group = str(rt.read(record.values, "meeting_group") or "")
    unit = f"单位：{ctx.org_name}" + (f"　　党小组：{group}" if group else "")
    chair = ctx.member_name(rt.read(record, "chair"))
    recorder = ctx.member_name(rt.read(record, "recorder"))
    times = "—".join(t for t in (rt.read(record, "start_time"), rt.read(record, "end_time"))
                     if t)
    meta = [unit, f"会议主题：{ctx.shown(record[rt.title_field] or '')}",
            f"日期：{record[rt.date_field] or ''}　{times}　　"
            f"地点：{ctx.shown(rt.read(record, 'place') or '')}",
            f"主持人：{chair}　　记录人：{recorder}"]
    people = ctx.ledger.pack.record_type(ctx.ledger.pack.member_type)
    probationary = people.value_for("member_class", "probationary")
    rows = []
    for n, m in enumerate(members, start=1):
        klass = people.read(m, "member_class")
        post = people.read(m, "person_post") or (
            klass if probationary and klass == probationary else ctx.ledger.pack.member_noun)
        p = presences.get(m.id)
        note = (f"{STATUSES[p.status]}：{ctx.shown(p.reason)}" if p and p.status != "present"
                else "")
        rows.append([str(n), people.read(m, "person_name") or "", post, "", note])
    pages = max(1, -(-len(rows) // ROWS_PER_PAGE))
    rows += [["", "", "", "", ""]] * (pages * ROWS_PER_PAGE - len(rows))
    due = len(members)
    if recorded:
        present = sum(1 for m in members if m.id in presences
                      and presences[m.id].status == "present")
        absent = due - present
        footer_text = (f"应到 {due} 人　　实到 {present} 人　　缺席 {absent} 人（含请假）"
                       "　　（按台账记录的出席情况打印）")
    else:
        footer_text = f"应到 {due} 人　　实到＿＿＿＿人　　缺席＿＿＿＿人"
    widths = [12 * mm, 30 * mm, 38 * mm, 50 * mm]
    widths.append(width - sum(widths))
    flow: list[Flowable] = []
    for page in range(pages):
        if page:
            flow.append(PageBreak())
        flow.append(_p(ctx, title, "title"))
        for line in meta:
            flow.append(_p(ctx, line, "meta"))
        flow.append(Spacer(1, 3 * mm))
        chunk = rows[page * ROWS_PER_PAGE:(page + 1) * ROWS_PER_PAGE]
        data = [[_p(ctx, h, "cell_label") for h in ("序号", "姓名", "职务", "签名", "备注")]]
        data += [[_p(ctx, c, "cell_label" if i == 0 else "cell") for i, c in enumerate(r)]
                 for r in chunk]
        table = Table(data, colWidths=widths, rowHeights=[8 * mm] + [ROW_HEIGHT] * len(chunk))
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), ctx.fs.name("serif")),
            ("GRID", (0, 0), (-1, -1), 0.6, styles.GRID),
            ("BOX", (0, 0), (-1, -1), 1.2, styles.GRID),
            ("BACKGROUND", (0, 0), (-1, 0), styles.HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        flow.append(table)
        flow.append(Spacer(1, 3 * mm))
        flow.append(_p(ctx, footer_text, "meta"))
    return flow


def render_signin(ledger: Ledger, entry_id: int, out_path: str | os.PathLike[str],
                  progress: Progress | None = None, masked: bool = True,
                  emblem_path: str | None = None, filled: bool = False) -> int:
    """Print the sign-in sheet of a meeting (blank, or ``filled`` with the recorded
    attendance). Returns the number of pages."""
    progress = progress or no_progress
    ctx = PrintContext(ledger, masked=masked, emblem_path=emblem_path, progress=progress)
    progress(0, 2, "正在准备签到表……")
    flow = signin_flowables(ctx, entry_id, filled)
    pages = {"n": 0}

    def footer(canvas, number: int, total: int) -> None:
        pages["n"] = total
        page_of_total(ctx.fs, canvas, number, total)

    with atomic_output(out_path) as tmp:
        doc = LedgerDoc(str(tmp), ctx, "签到表", [make_template("form")])
        doc.build(flow, canvasmaker=total_pages_canvas(footer))
        progress(1, 2, "正在保存……")
    progress(2, 2, "完成")
    return pages["n"]


__all__ = ["expected_members", "render_signin", "signin_flowables"]
