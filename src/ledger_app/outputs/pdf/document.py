"""A record printed as a document (record types declared ``print = "document"``: 工作计划,
工作总结, 学习计划, 制度, 上级文件): its full text on 公文-style pages.

Layout after GB/T 9704-2012 《党政机关公文格式》 as RULES.md §8 restates it: A4 with the
公文 margins, title in 2号 小标宋 centred, the 文号 (or the date it was adopted) under it,
body in 3号 仿宋 with a two-character first-line indent, 22 lines a page; the issuer
(the organisation for its own papers) and the date at the end, the date four characters
from the right margin, the issuer centred over it (§7.3.5). Attached scans follow.
Fields are found by role: ``doc_number``, ``doc_date``, ``issuer``; the body is the
type's first long-text field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ledger_app.forms import dates
from ledger_app.forms.model import RecordType
from ledger_app.outputs.pdf.common import PrintContext, page_frame_size
from ledger_app.outputs.pdf.record_page import photo_flowables
from ledger_app.outputs.pdf.textblock import TextBlock

if TYPE_CHECKING:
    from ledger_app.store.columns import Record

DATE_RIGHT_CHARS = 4     # 成文日期右空四字 (GB/T 9704-2012 §7.3.5.1)


def body_field(rt: RecordType) -> str | None:
    return next((f.key for f in rt.fields if f.type == "longtext"), None)


def document_flowables(ctx: PrintContext, record: Record, rt: RecordType,
                       width: float | None = None) -> list[Flowable]:
    """The pages of one document, for a 'doc' frame."""
    width = width or page_frame_size("doc")[0]
    values = record.values
    st = ctx.styles
    title = ctx.shown(ctx.ledger.records.title(rt, values)) or rt.label
    flow: list[Flowable] = [_block(ctx, title, "doc_title", "title")]
    number_key = rt.key_for("doc_number")
    date_key = rt.key_for("doc_date")
    issued = dates.chinese(values.get(date_key)) if date_key else ""
    if number_key and values.get(number_key):
        flow.append(_block(ctx, ctx.shown(str(values[number_key])), "doc_number", "fang"))
    elif issued and not rt.key_for("issuer"):
        # The branch's own paper: when it was adopted, in brackets under the title.
        label = rt.field(date_key).label if date_key else "日期"
        flow.append(_block(ctx, f"（{issued}{_verb(label)}）", "doc_number", "fang"))
    else:
        flow.append(Spacer(1, st["doc_number"].leading * 0.5))
    key = body_field(rt)
    text = ctx.text(rt.field(key), values.get(key)).strip() if key else ""
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    if not paragraphs:
        paragraphs = ["（本文件的正文未录入台账，见所附文件。）"]
    blocks = [_block(ctx, paragraph, "doc_body", "fang") for paragraph in paragraphs]
    # The signature never stands alone on a page (GB/T 9704-2012 §7.3.5.4): the body's
    # last two lines go with it.
    rest, tail = blocks[-1].last_lines(width, 2)
    flow += blocks[:-1] + ([rest] if rest is not None else [])
    flow.append(KeepTogether([tail, *_signature(ctx, rt, values, issued, width)]))
    files = photo_flowables(ctx, record.id, width, meeting=False)
    if files:
        flow += [CondPageBreak(80 * mm), *files]
    return flow


def _verb(label: str) -> str:
    """"通过日期" -> "通过", "施行日期" -> "施行": what the date in brackets says."""
    verb = label.replace("日期", "").strip()
    return verb or "印发"


def _block(ctx: PrintContext, text: str, style: str, role: str) -> TextBlock:
    return TextBlock(ctx.fs, text, ctx.styles[style], role, ctx.prose_breaker)


def _signature(ctx: PrintContext, rt: RecordType, values: dict[str, Any], issued: str,
               width: float) -> list[Flowable]:
    issuer_key = rt.key_for("issuer")
    issuer = ctx.shown(str(values.get(issuer_key) or "")) if issuer_key else ""
    issuer = issuer or ctx.org_name
    base = ctx.styles["doc_sign"]
    size = base.fontSize
    date_right = DATE_RIGHT_CHARS * size
    date_w = ctx.fs.width(issued, "fang", size) if issued else 0.0
    issuer_w = ctx.fs.width(issuer, "fang", size)
    # The issuer centred over the date; a long name simply ends at the right margin.
    issuer_right = max(date_right + (date_w - issuer_w) / 2, 0.0) if issued else date_right
    issuer_right = min(issuer_right, max(width - issuer_w, 0.0))
    parts: list[Flowable] = [Spacer(1, base.leading)]
    parts.append(TextBlock(ctx.fs, issuer, ParagraphStyle("sign", parent=base,
                                                          rightIndent=issuer_right),
                           "fang", ctx.prose_breaker))
    if issued:
        parts.append(TextBlock(ctx.fs, issued, ParagraphStyle("date", parent=base,
                                                              rightIndent=date_right),
                               "fang", ctx.prose_breaker))
    return parts      # kept together by the caller (a KeepTogether never nests well)


def document_heading(rt: RecordType, values: dict[str, Any], ctx: PrintContext) -> str:
    return ctx.shown(ctx.ledger.records.title(rt, values)) or rt.label


__all__ = ["body_field", "document_flowables", "document_heading"]

