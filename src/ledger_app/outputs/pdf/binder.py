"""The binder: one PDF of a year (or a period and chosen categories) as it goes on the shelf.

Laid out as an archival volume (案卷, DA/T 22-2015): the cover with 起止日期, 保管期限, 卷号
and 件数/页数; the 卷内目录 (序号, 责任者, 题名, 日期, 页号, 备注); the 自查表; per category a
divider, each record type's table and, for types declared ``record_pages = true``, every
record as its own page; last the 卷内备考表 (本卷共 X 件 X 页, 立卷人, 检查人). PDF bookmarks
per category, record type and record. ``duplex`` starts each part on a right-hand (odd)
page and puts page numbers on the outer corners.

One pass: pages are held back by the canvas until the end (they are small: text and
references to images already stored once), so the contents — laid out in advance, only
their page numbers unknown — the closing sheet and the cover's counts are written onto
their pages once every page is known, and the bookmarks are attached at the same time.

The page furniture is ``binder_pages``, the held-back canvas ``binder_canvas``, a
checklist's evidence photos ``evidence``.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from ledger_app.forms import values as fv
from ledger_app.outputs.pdf.binder_canvas import Book, binder_canvas
from ledger_app.outputs.pdf.binder_pages import Divider, Marker, OddPage, Reserved, Section
from ledger_app.outputs.pdf.common import (
    PrintContext,
    Progress,
    atomic_output,
    check_year,
    find_category,
    margins,
    no_progress,
)
from ledger_app.outputs.pdf.cover import cover_flowable, cover_template
from ledger_app.outputs.pdf.doc import LedgerDoc, make_template
from ledger_app.outputs.pdf.dues_register import dues_flowables
from ledger_app.outputs.pdf.emblem import check_artwork
from ledger_app.outputs.pdf.evidence import checklist_evidence, ledger_records, printed_photos
from ledger_app.outputs.pdf.evidence import (  # noqa: F401  (tests/test_pdf_textblock.py)
    evidence_pages as _evidence_pages,
)
from ledger_app.outputs.pdf.front_matter import (
    Closing,
    Entry,
    archival_date,
    lay_out,
    short_name,
)
from ledger_app.outputs.pdf.record_page import record_flowables, record_heading
from ledger_app.outputs.pdf.self_check import report_for, self_check_flowables
from ledger_app.outputs.pdf.snapshot import applies
from ledger_app.outputs.pdf.streaming import streamed
from ledger_app.outputs.pdf.table import print_order, table_flowables, table_title
from ledger_app.store.errors import LedgerError
from ledger_app.store.signing import ledger_fingerprint

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger


def record_line(ctx: PrintContext, rt: Any, values: dict[str, Any]) -> tuple[str, str, str]:
    """(date, what, 责任者 if not the branch) of a record in the contents.

    Meetings are told apart by their kind (支部委员会, 党课…) and, for a 党小组会, by the group
    that held it; other records by their title (an activity's theme), in full."""
    when = str(values.get(rt.date_field) or "") if rt.date_field else ""
    group = ""
    if rt.read(values, "meeting_kinds"):
        what = record_heading(rt, values)
        group = str(rt.read(values, "meeting_group") or "")
        if group:          # each 党小组 meets every month: say whose meeting it was
            what += f"（{group}）"
    else:
        what = ctx.shown(ctx.ledger.records.title(rt, values)) or record_heading(rt, values)
    return when, what, group


def _in_period(ledger: Ledger, type_key: str, year: int | None, date_from: str | None,
               date_to: str | None) -> list[int] | None:
    """Ids of a type inside the period, or None to let the table use the year."""
    if not (date_from or date_to):
        return None
    rt = ledger.pack.record_type(type_key)
    ids = print_order(ledger, rt, None)
    if not rt.date_field:
        return ids
    f = rt.field(rt.date_field)
    values = ledger.records.rows(type_key, ids)
    if f.type == "integer":        # a year number (工作计划 for_year)
        low_year = int((date_from or "0000")[:4])
        high_year = int((date_to or "9999")[:4])
        return [i for i in ids if values[i].get(rt.date_field) is not None
                and low_year <= int(values[i][rt.date_field]) <= high_year]
    cut = 7 if f.type == "month" else 10
    low = (date_from or "0000-00-00")[:cut]
    high = (date_to or "9999-12-31")[:cut]
    return [i for i in ids if values[i].get(rt.date_field)
            and low <= str(values[i][rt.date_field])[:cut] <= high]


def render_binder(ledger: Ledger, out_path: str | os.PathLike[str], year: int | None = None,
                  categories: list[str] | None = None, date_from: str | None = None,
                  date_to: str | None = None, masked: bool = True,
                  progress: Progress | None = None, emblem_path: str | None = None,
                  retention: str = "永久", volume: str | int = 1,
                  filled_on: str | None = None, duplex: bool = False,
                  fingerprint: str | None = None, self_check: bool = True) -> int:
    """Print the binder of a year (or of ``date_from``..``date_to``), all categories or the
    chosen ones (one category: a volume, 分册, with its own cover and contents). ``duplex``:
    parts start on odd pages; ``fingerprint``: what the closing sheet prints to check the
    electronic archive by, by default the ledger's signing-key fingerprint (an archive cannot
    carry its own SHA-256; every archive of this ledger is signed with that key, and verify
    names it). Never masked: it identifies the ledger, not a person. Returns the number of
    pages."""
    check_year(year)
    for d in (date_from, date_to):
        if d and fv.parse_date(d) is None:
            raise LedgerError(f"日期 {d} 不对，请写成 2025-01-31 这样的格式。")
    if year is None and not (date_from or date_to):
        year = date.today().year
    progress = progress or no_progress
    ctx = PrintContext(ledger, masked=masked, emblem_path=emblem_path, progress=progress)
    ctx.for_period(year, date_to, filled_on)   # the ledger as it stood at the period's end
    if ctx.emblem_path:
        check_artwork(ctx.emblem_path)
    keys = [find_category(ledger, c) for c in categories] if categories else \
        [c.key for c in ledger.pack.categories]
    counts = ledger.records.counts(year)
    # Plan: which record types have something to print.
    plan: list[tuple[str, list[tuple[str, list[int] | None]]]] = []
    for key in keys:
        cat = ledger.pack.category(key)
        types = []
        for rt in cat.record_types:
            ids = _in_period(ledger, rt.key, year, date_from, date_to)
            if (len(ids) if ids is not None else counts.get(rt.key, 0)):
                types.append((rt.key, ids))
        plan.append((key, types))
    sections: list[Section] = []
    entries: list[Entry] = []
    found: dict[str, int] = {}
    blanks: set[int] = set()
    total_work = sum(len(types) for _k, types in plan) + 2
    done = {"n": 0}
    org = short_name(ctx.org_name)
    period = (date_from or "", date_to or "") if (date_from or date_to) else \
        (f"{year}-01-01", f"{year}-12-31")
    span = "—".join(archival_date(d) for d in period if d)
    # What the contents date a table with: its year, or the period's first and last day.
    table_span = str(year) if year is not None and not (date_from or date_to) else span

    def step(message: str) -> None:
        done["n"] += 1
        progress(min(done["n"], total_work), total_work, message)

    def part_break(kind: str = "form") -> list[Flowable]:
        """A new page; in duplex, a right-hand one."""
        return [NextPageTemplate(kind), PageBreak()] + ([OddPage(blanks)] if duplex else [])

    def listed(section: Section, entry: Entry) -> Marker:
        sections.append(section)
        entries.append(entry)
        return Marker(section, found)

    progress(0, total_work, "正在准备装订册……")
    body: list[Flowable] = []
    photo_count = 0
    for key, types in plan:
        if not types:
            continue
        cat = ledger.pack.category(key)
        # A divider page opens each category, as the tabbed sheets of a paper binder do.
        body += part_break()
        body += [listed(Section(f"c_{key}", cat.label, 0),
                        Entry(f"c_{key}", cat.label, heading=True)),
                 Divider(ctx, cat.label, [ledger.pack.record_type(t).label for t, _i in types])]
        for type_key, ids in types:
            rt = ledger.pack.record_type(type_key)
            is_dues = rt.role == "dues"
            if is_dues and year is not None and ids is None:
                # A year of dues goes in as the 党费收缴登记表 (member x month), not as
                # twelve rows per member.
                kind, flow = "landscape", dues_flowables(ctx, year)
            else:
                kind, flow = table_flowables(ctx, type_key, year, ids=ids,
                                             period_start=date_from)
            body += [NextPageTemplate(kind), PageBreak()]
            heading = f"党费收缴登记表（{year}年度）" if is_dues and ids is None \
                else table_title(rt, year)
            # A snapshot (the roster, the committee) is dated the day it shows.
            when = archival_date(ctx.as_of.isoformat()) if applies(ctx, rt) and ctx.as_of \
                else table_span
            body.append(listed(Section(f"t_{type_key}", heading, 1),
                               Entry(f"t_{type_key}", heading, org, when)))
            body += flow
            if rt.role == "checklist_state" and year is not None:
                evidence = checklist_evidence(ctx, rt, year)
                body += evidence
                shown = sum(printed_photos(ctx, r.id, rt.key_for("evidence"))
                            for r in ledger_records(ctx, rt.key, year)) if evidence else 0
                photo_count += shown
                if shown:
                    entries[-1].note = f"佐证照片{shown}张"
            if rt.prints_pages:      # meetings' record pages, documents' full text
                page_kind = "doc" if rt.print_as == "document" else "form"
                record_ids = ids if ids is not None else print_order(ledger, rt, year)
                rows = ledger.records.rows(rt.key, record_ids)
                for entry_id in record_ids:
                    day, what, group = record_line(ctx, rt, rows[entry_id])
                    key_r = f"r_{entry_id}"
                    # Photos as the record page prints them (a document's scans are not
                    # counted as photos).
                    photos = printed_photos(ctx, entry_id) if page_kind == "form" else 0
                    photo_count += photos
                    body += [NextPageTemplate(page_kind), PageBreak(),
                             listed(Section(key_r, f"{day} {what}".strip(), 2),
                                    Entry(key_r, what, group or org, archival_date(day),
                                          f"照片{photos}张" if photos else ""))]
                    body += record_flowables(ctx, entry_id)
            step(f"已排版：{cat.label} · {rt.label}")
    cover = cover_flowable(ctx, keys[0] if len(keys) == 1 else None, year, retention,
                           str(volume), period)
    if date_from or date_to:
        cover.year = None
    # The 自查表 follows the contents: what the year owed and what is missing, first.
    check_flow: list[Flowable] = []
    if self_check and year is not None and (ledger.pack.cadence or ledger.pack.checklists):
        title = f"{year}年度台账自查表"
        check_section = Section("self_check", title, 0)
        sections.insert(0, check_section)
        entries.insert(0, Entry("self_check", title, org, table_span))
        check_flow = part_break() + [Marker(check_section, found),
                                     *self_check_flowables(ctx, report_for(ledger, year))]
    contents = lay_out(ctx, entries)
    # The contents and the closing sheet are bookmarked but not listed in themselves.
    contents_section = Section("contents", "卷内目录", 0)
    closing_section = Section("closing", "卷内备考表", 0)
    sections.insert(0, contents_section)
    sections.append(closing_section)
    story: list[Flowable] = [cover, *part_break(), Marker(contents_section, found)]
    for i in range(len(contents)):
        if i:
            story.append(PageBreak())
        story.append(Reserved())
    story += check_flow + body
    story += [NextPageTemplate("form"), PageBreak(), Marker(closing_section, found), Reserved()]
    what = ("、".join(ledger.pack.category(k).label for k in keys) if categories else "")
    closing = Closing(items=sum(1 for e in entries if not e.heading), photos=photo_count,
                      as_of=f"{ctx.as_of.year}年{ctx.as_of.month}月{ctx.as_of.day}日"
                      if ctx.as_of else "",
                      period=(f"{year}年度" if not (date_from or date_to)
                              else f"{date_from or '…'}至{date_to or '…'}") + what,
                      fingerprint=fingerprint or ledger_fingerprint(ledger))
    heading = f"立卷单位：{ctx.org_name}　　起止日期：{span}"
    book = Book(cover, entries, contents, closing, heading, duplex, blanks)
    pages = {"n": 0}

    def on_page(kind: str) -> Any:
        # Duplex: the back of a sheet is bound on its right, so a portrait page with an even
        # number has its binding margin there (the page shifted left by the difference).
        shift = margins(kind)["left"] - margins(kind)["right"]

        def count_pages(canvas: Canvas, doc: Any) -> None:
            pages["n"] = canvas.getPageNumber()
            if duplex and pages["n"] % 2 == 0 and kind != "landscape":
                canvas.translate(-shift, 0)
            if pages["n"] % 10 == 0:
                progress(done["n"], total_work, f"正在生成第 {pages['n']} 页……")

        return count_pages

    templates = [cover_template(), make_template("form", on_page("form")),
                 make_template("landscape", on_page("landscape")),
                 make_template("doc", on_page("doc"))]
    with atomic_output(out_path) as tmp, open(tmp, "wb") as fh, streamed(fh):
        # streamed: photos and pages go to disk as written, so memory stays flat
        doc = LedgerDoc(fh, ctx, f"{ctx.org_name} 台账 {year or ''}", templates)
        doc.build(story, canvasmaker=binder_canvas(ctx, sections, found, book))
        step("正在保存……")
    progress(total_work, total_work, "完成")
    return pages["n"]


def volume_paths(ledger: Ledger, out_path: str | os.PathLike[str],
                 categories: list[str] | None, first_volume: int) -> list[tuple[str, int, Path]]:
    """(category, 卷号, file) of each volume when a binder is split by category:
    ``台账.pdf`` → ``台账-第1卷-基本队伍.pdf`` …"""
    out = Path(out_path)
    keys = [find_category(ledger, c) for c in categories] if categories else \
        [c.key for c in ledger.pack.categories]
    return [(key, first_volume + i,
             out.with_name(f"{out.stem}-第{first_volume + i}卷-"
                           f"{ledger.pack.category(key).label}{out.suffix}"))
            for i, key in enumerate(keys)]


def render_volumes(ledger: Ledger, out_path: str | os.PathLike[str], year: int | None = None,
                   categories: list[str] | None = None, volume: str | int = 1,
                   progress: Progress | None = None, **options: Any) -> list[tuple[Path, int]]:
    """A binder split into volumes (分册), one per category, each with its own cover,
    卷号, page numbers, 卷内目录 and 备考表. Returns (file, pages) of each volume."""
    try:
        first = int(volume)
    except (TypeError, ValueError):
        raise LedgerError(f"卷号 {volume!r} 应为整数，分册时从它起依次编号。") from None
    plan = volume_paths(ledger, out_path, categories, first)
    progress = progress or no_progress
    made = []
    for n, (key, number, path) in enumerate(plan):
        def step(done: int, total: int, message: str = "", n: int = n,
                 number: int = number) -> None:
            progress(n * 100 + int(100 * done / max(total, 1)), 100 * len(plan),
                     f"第{number}卷：{message}")
        # The year's 自查表 opens the first volume only: it speaks for the whole set.
        pages = render_binder(ledger, path, year, [key], volume=number, progress=step,
                              self_check=n == 0, **options)
        made.append((path, pages))
    return made


__all__ = ["render_binder", "render_volumes", "volume_paths"]
