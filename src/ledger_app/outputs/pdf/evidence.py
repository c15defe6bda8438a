"""A checklist's evidence photos (六有, 五优) in the binder, packed into pages, and the
photos a record's page prints, counted for the contents and the closing sheet."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak

from ledger_app.outputs.pdf.common import PrintContext, page_frame_size
from ledger_app.outputs.pdf.record_page import para, photo_flowables


def checklist_evidence(ctx: PrintContext, rt: Any, year: int) -> list[Flowable]:
    """The evidence photos of a checklist's items (六有, 五优) after its table: the proof an
    inspector asks for, item by item."""
    item_key = rt.key_for("checklist_item")
    year_key = rt.key_for("checklist_year")
    evidence_key = rt.key_for("evidence")
    width, height = page_frame_size("form")
    items: list[list[Flowable]] = []
    for record in ledger_records(ctx, rt.key, year):
        if year_key and record[year_key] not in (None, year):
            continue
        photos = photo_flowables(ctx, record.id, width, meeting=False, field_key=evidence_key,
                                 titled=False)
        if photos:
            title = f"{rt.label}佐证：{record[item_key] if item_key else ''}"
            items.append([para(ctx, title, "heading"), *photos])
    flow: list[Flowable] = []
    for n, page in enumerate(evidence_pages(items, width, height)):
        if n:
            flow.append(PageBreak())
        flow += [f for item in page for f in item]
    if flow:
        flow.insert(0, NextPageTemplate("form"))
        flow.insert(1, PageBreak())
    return flow


def evidence_pages(items: list[list[Flowable]], width: float, height: float
                    ) -> list[list[list[Flowable]]]:
    """Items (a heading and its photos) packed into pages, and no page left with one
    item alone when the page before can give it one (a lone photo is a widow)."""
    pages: list[list[list[Flowable]]] = [[]]
    used = 0.0
    for item in items:
        h = _stack_height(item, width)
        if pages[-1] and used + h > height:
            pages.append([])
            used = 0.0
        pages[-1].append(item)
        used += h
    if len(pages) > 1 and len(pages[-1]) == 1 and len(pages[-2]) >= 3:
        pages[-1].insert(0, pages[-2].pop())
    return pages


def _stack_height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for f in flowables:
        if isinstance(f, KeepTogether):
            total += _stack_height(list(f._content), width)
            continue
        _w, h = f.wrap(width, 10_000)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def printed_photos(ctx: PrintContext, entry_id: int, field_key: str | None = None) -> int:
    """How many photos a record's page prints (as ``photo_flowables`` chooses them), for
    the contents' 备注 and the 备考表's 照片 count."""
    return sum(1 for a in ctx.ledger.attachments.of(entry_id, field_key)
               if a.is_image and a.width)


def ledger_records(ctx: PrintContext, type_key: str, year: int) -> list[Any]:
    return ctx.ledger.records.list(type_key, year)

