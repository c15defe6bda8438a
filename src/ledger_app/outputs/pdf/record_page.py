"""One record as a page of the 支部工作手册: a ruled header block, the text, photos with
captions, and signature lines. Used for record types declared ``record_pages = true``
(meetings), standalone and inside the binder."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from ledger_app.forms.model import Field, RecordType
from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import (
    PrintContext,
    Progress,
    atomic_output,
    dash_page_number,
    no_progress,
    page_frame_size,
    page_of_total,
    total_pages_canvas,
)
from ledger_app.outputs.pdf.doc import LedgerDoc, make_template
from ledger_app.outputs.pdf.photos import print_jpeg, target_pixels
from ledger_app.outputs.pdf.textblock import TextBlock
from ledger_app.store.attendance import STATUSES
from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.columns import Record
    from ledger_app.store.ledger import Ledger

PHOTO_MAX_HEIGHT = 56 * mm
# Fields shown together or elsewhere on the page, not as their own header cells (roles).
TIME_ROLES = ("start_time", "end_time")


def get_record(ledger: Ledger, entry_id: int) -> Record:
    try:
        return ledger.records.get(int(entry_id))
    except (LedgerError, ValueError, TypeError):
        printable = [rt.label for rt in ledger.pack.record_types if rt.prints_pages]
        raise LedgerError(f"找不到编号为 {entry_id} 的记录。可以打印成记录页的有："
                          f"{'、'.join(printable)}；用 ledger-app info 查看台账内容，"
                          "或在窗口中选中记录后打印。") from None


def record_heading(rt: RecordType, values: dict[str, Any]) -> str:
    """"支部委员会记录" for a meeting; a document's own title ("2025年党支部工作计划");
    "<类型>记录" otherwise ("党员活动记录")."""
    if rt.print_as == "document" and rt.title_field and values.get(rt.title_field):
        return str(values[rt.title_field])
    kinds = rt.read(values, "meeting_kinds")
    if kinds:
        return "、".join(kinds) + "记录"
    return rt.label if rt.label.endswith("记录") else rt.label + "记录"


def para(ctx: PrintContext, text: str, style: str) -> TextBlock:
    """A paragraph in one of the print styles, with per-character font fallback."""
    return _p(ctx, text, style)


def _p(ctx: PrintContext, text: str, style: str) -> TextBlock:
    # One line breaker for every paragraph: names never split, 禁则, linear in length.
    return TextBlock(ctx.fs, text, ctx.styles[style], _role(ctx, style), ctx.prose_breaker)


def _role(ctx: PrintContext, style: str) -> str:
    name = ctx.styles[style].fontName
    for role in ("fang", "kai", "serif", "sans", "title"):
        if ctx.fs.name(role) == name:
            return role
    return "serif"


def header_rows(ctx: PrintContext, rt: RecordType, values: dict[str, Any],
                entry_id: int) -> list[tuple[str, str, bool]]:
    """(label, text, full_width) cells of the header block, in declaration order."""
    cells: list[tuple[str, str, bool]] = []
    for f in rt.fields:
        if f.detached or f.type == "longtext" or f.role in TIME_ROLES:
            continue
        if f.role == "meeting_kinds":
            cells.append((f.label, ctx.text(f, values.get(f.key)), True))
            continue
        text = ctx.text(f, values.get(f.key))
        if (f.role == "meeting_group" and not text) or f.role == "seq":
            continue   # 年度序号 is printed under the title
        if f.key == rt.title_field:
            cells.append((f.label, text, True))
            continue
        cells.append((f.label, text, len(text) > 16 or f.type == "members"))
        if f.key == rt.date_field and all(rt.key_for(r) for r in TIME_ROLES):
            start, end = rt.read(values, "start_time") or "", rt.read(values, "end_time") or ""
            cells.append(("时间", f"{start}—{end}" if start or end else "", False))
    if rt.has_type("attendance"):
        tally = ctx.ledger.attendance.tally(entry_id)
        missing = [p for p in ctx.ledger.attendance.of(entry_id) if p.status != "present"]
        cells.append(("应到人数", f"{tally.due} 人" if tally.due else "", False))
        cells.append(("实到人数", f"{tally.present} 人" if tally.due else "", False))
        text = "；".join(f"{p.name}（{STATUSES[p.status]}：{ctx.shown(p.reason)}）"
                        for p in missing)
        cells.append(("缺席、请假人员及原因", text or ("无" if tally.due else ""), True))
    # 列席 comes last in the 工作手册 header, after attendance.
    invited = [c for c in cells if c[0] == "列席人员"]
    cells = [c for c in cells if c[0] != "列席人员"] + invited
    return cells


def header_table(ctx: PrintContext, cells: list[tuple[str, str, bool]], width: float) -> Table:
    # Wide enough for the longest label on one line (Chinese labels: one em a character),
    # so "其他参加人员" does not break in two; never more than a fifth of the row.
    size = ctx.styles["cell_label"].fontSize
    longest = max((len(label) for label, _text, _full in cells), default=0)
    label_w = min(max(26 * mm, longest * size + 12), width / 5)
    value_w = width / 2 - label_w
    data: list[list[Any]] = []
    spans = []
    shaded: list[int] = []
    pending: tuple[str, str] | None = None

    def flush_half() -> None:
        nonlocal pending
        if pending:
            data.append([_p(ctx, pending[0], "cell_label"), _p(ctx, pending[1], "cell"), "", ""])
            spans.append(("SPAN", (1, len(data) - 1), (3, len(data) - 1)))
            pending = None

    for label, text, full in cells:
        if full:
            flush_half()
            data.append([_p(ctx, label, "cell_label"), _p(ctx, text, "cell"), "", ""])
            spans.append(("SPAN", (1, len(data) - 1), (3, len(data) - 1)))
        elif pending:
            data.append([_p(ctx, pending[0], "cell_label"), _p(ctx, pending[1], "cell"),
                         _p(ctx, label, "cell_label"), _p(ctx, text, "cell")])
            shaded.append(len(data) - 1)   # the second label cell of a two-field row
            pending = None
        else:
            pending = (label, text)
    flush_half()
    table = Table(data, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), ctx.fs.name("serif")),   # no stray Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, styles.GRID),
        ("BOX", (0, 0), (-1, -1), 1.2, styles.GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0, -1), styles.HEADER_FILL),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *[("BACKGROUND", (2, r), (2, r), styles.HEADER_FILL) for r in shaded],
        *spans,
    ]))
    return table


def photo_flowables(ctx: PrintContext, entry_id: int, width: float,
                    meeting: bool = True, field_key: str | None = None,
                    titled: bool = True) -> list[Flowable]:
    """Photos two to a row, each kept in proportion, with its caption beneath; under a
    "照片及附件" heading unless ``titled`` is false (the caller has its own title)."""
    atts = ctx.ledger.attachments.of(entry_id, field_key)
    images = [a for a in atts if a.is_image and a.width]
    others = [a for a in atts if not (a.is_image and a.width)]
    flow: list[Flowable] = []
    if not atts:
        return flow
    heading = _p(ctx, ("会议照片及附件" if meeting else "照片及附件") if images else "附件",
                 "heading")
    gap = 6 * mm
    cell_w = (width - gap) / 2
    box_h = PHOTO_MAX_HEIGHT
    cells: list[Any] = []
    for a in images:
        px = target_pixels(cell_w, box_h)
        path, w_px, h_px = print_jpeg(ctx.ledger, a.sha256, px)
        scale = min(cell_w / w_px, box_h / h_px)
        image = Image(str(path), width=w_px * scale, height=h_px * scale)
        caption = ctx.shown(a.caption or a.filename)
        cells.append([image, Spacer(1, 1.5 * mm), _p(ctx, caption, "caption")])
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    for row in rows:
        if len(row) == 1:
            row.append("")
        t = Table([row], colWidths=[width / 2, width / 2])
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), ctx.fs.name("serif")),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        if not flow and titled:
            flow.append(KeepTogether([heading, t]))      # no orphan heading
        else:
            flow.append(t)
    if len(rows) > 1 and rows[-1][1] == "":
        # A last photo on its own would be a page with one photo alone: it goes over
        # with the pair before it.
        last_pair = flow.pop(-2)
        # (flattened: a KeepTogether inside another always forces a new page)
        pair = list(last_pair._content) if isinstance(last_pair, KeepTogether) \
            else [last_pair]
        flow[-1] = KeepTogether([*pair, flow[-1]])
    if not flow and titled:
        flow.append(heading)
    if others:
        names = "；".join(ctx.shown(a.caption or a.filename) for a in others)
        flow.append(_p(ctx, f"其他附件（保存在台账中）：{names}", "small"))
    return flow


def signature_block(ctx: PrintContext, rt: RecordType) -> Flowable:
    keys = {f.key for f in rt.fields}
    parts = []
    if "chair" in keys:
        parts.append("主持人（签字）：")
    parts.append("记录人（签字）：")
    line = "　　　　　　　　".join(f"{p}＿＿＿＿＿＿" for p in parts)
    return KeepTogether([Spacer(1, 8 * mm), _p(ctx, line, "meta"), Spacer(1, 4 * mm),
                         _p(ctx, "日期：＿＿＿＿年＿＿月＿＿日", "meta")])


def record_flowables(ctx: PrintContext, entry_id: int, width: float | None = None
                     ) -> list[Flowable]:
    """The page(s) of one record, for a portrait 'form' frame (a 'doc' frame for a
    record type printed as a document)."""
    record = get_record(ctx.ledger, entry_id)
    rt = ctx.ledger.pack.record_type(record.type_key)
    if rt.print_as == "document":
        from ledger_app.outputs.pdf.document import document_flowables

        return document_flowables(ctx, record, rt)
    width = width or page_frame_size("form")[0]
    values = record.values
    flow: list[Flowable] = [_p(ctx, record_heading(rt, values), "title")]
    seq = rt.read(values, "seq")
    # The organisation is named on every record page: a page taken out of the binder
    # still says whose record it is.
    line = ctx.org_name
    if seq and rt.date_field and record.year:   # 年度序号 (a roster's 序号 is not one)
        line += f"　（{record.year or ''}年度第 {seq} 次）"
    flow.append(_p(ctx, line, "caption"))
    flow.append(Spacer(1, 3 * mm))
    flow.append(header_table(ctx, header_rows(ctx, rt, values, entry_id), width))
    for f in rt.fields:
        if f.type != "longtext":
            continue
        text = ctx.text(f, values.get(f.key)).strip()
        flow.append(CondPageBreak(30 * mm))
        flow.append(_p(ctx, f.label, "heading"))
        if not text:
            flow.append(_p(ctx, "（无）", "meta"))
        for para in text.splitlines():
            if para.strip():
                flow.append(_p(ctx, para.strip(), "body"))
    flow.extend(photo_flowables(ctx, entry_id, width, meeting=rt.role == "meetings"))
    flow.append(signature_block(ctx, rt))
    return flow


def _field(rt: RecordType, key: str) -> Field | None:
    return next((f for f in rt.fields if f.key == key), None)


def render_record(ledger: Ledger, entry_id: int, out_path: str | os.PathLike[str],
                  masked: bool = True, progress: Progress | None = None,
                  emblem_path: str | None = None) -> int:
    """Print one record: a meeting as 工作手册 page(s), a document (工作计划, 制度…) as
    公文-style pages. Returns the number of pages."""
    progress = progress or no_progress
    ctx = PrintContext(ledger, masked=masked, emblem_path=emblem_path, progress=progress)
    record = get_record(ledger, entry_id)
    rt = ledger.pack.record_type(record.type_key)
    progress(0, 3, f"正在准备{rt.label}……")
    flow = record_flowables(ctx, entry_id)
    progress(1, 3, "正在生成 PDF……")
    pages = {"n": 0}

    document = rt.print_as == "document"

    def footer(canvas, number: int, total: int) -> None:
        pages["n"] = total
        if document:          # 公文 page numbers: "— 1 —"
            dash_page_number(ctx.fs, canvas, number)
        else:
            page_of_total(ctx.fs, canvas, number, total)

    title = ctx.shown(ledger.records.title(rt, record.values)) if document \
        else record_heading(rt, record.values)
    with atomic_output(out_path) as tmp:
        doc = LedgerDoc(str(tmp), ctx, title or rt.label,
                        [make_template("doc" if document else "form")])
        doc.build(flow, canvasmaker=total_pages_canvas(footer))
        progress(2, 3, "正在保存……")
    progress(3, 3, "完成")
    return pages["n"]


__all__ = ["get_record", "record_flowables", "record_heading", "render_record"]
