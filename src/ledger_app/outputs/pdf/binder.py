"""The binder: one PDF of a year (or a period and chosen categories) as it goes on the shelf.

Cover, table of contents with page numbers, then per category each record type's table
and, for types declared ``record_pages = true``, every record as its own page; PDF
bookmarks per category, record type and record.

One pass: pages are held back by the canvas until the end (they are small: text and
references to images already stored once), so the table of contents — whose length is
known in advance — is written onto its reserved pages once every section's first page
is known, and the bookmarks are attached to the right pages at the same time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak

from ledger_app.forms import values as fv
from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import (
    PrintContext,
    Progress,
    atomic_output,
    check_year,
    dash_page_number,
    find_category,
    no_progress,
    page_frame_size,
)
from ledger_app.outputs.pdf.cover import cover_flowable, cover_template, draw_text
from ledger_app.outputs.pdf.doc import LedgerDoc, make_template
from ledger_app.outputs.pdf.dues_register import dues_flowables
from ledger_app.outputs.pdf.emblem import check_artwork
from ledger_app.outputs.pdf.record_page import (
    para, photo_flowables, record_flowables, record_heading,
)
from ledger_app.outputs.pdf.self_check import report_for, self_check_flowables
from ledger_app.outputs.pdf.streaming import streamed
from ledger_app.outputs.pdf.table import print_order, table_flowables, table_title
from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

TOC_LINE = 8.5 * mm
TOC_TITLE = 22 * mm


@dataclass
class Section:
    key: str            # bookmark name
    title: str
    level: int          # 0 category, 1 record type, 2 record


class Marker(Flowable):
    """Zero-size: notes the page a section starts on."""

    def __init__(self, section: Section, found: dict[str, int]):
        super().__init__()
        self.section, self.found = section, found

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.found[self.section.key] = self.canv.getPageNumber()


class Divider(Flowable):
    """The page opening a category: its name, large, and what it holds."""

    def __init__(self, ctx: PrintContext, title: str, contents: list[str]):
        super().__init__()
        self.ctx, self.title, self.contents = ctx, title, contents

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height - 1
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(styles.PARTY_RED)
        y = self.height * 0.62
        c.rect(0, y - 14 * mm, self.width, 1.2 * mm, stroke=0, fill=1)
        draw_text(self.ctx, c, self.width / 2, y, self.title, "sans", 36)
        c.setFillColor(styles.GRID)
        y -= 30 * mm
        for line in self.contents:
            draw_text(self.ctx, c, self.width / 2, y, line, "kai", 16)
            y -= 10 * mm
        c.restoreState()


class Reserved(Flowable):
    """A reserved, empty page (the table of contents is written on it at the end)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, avail_height - 1

    def draw(self) -> None:
        return None


TOC_TITLE_CHARS = 28


def checklist_evidence(ctx: PrintContext, rt: Any, year: int) -> list[Flowable]:
    """The evidence photos of a checklist's items (六有, 五优) after its table: the proof an
    inspector asks for, item by item."""
    item_key = rt.key_for("checklist_item")
    year_key = rt.key_for("checklist_year")
    evidence_key = rt.key_for("evidence")
    flow: list[Flowable] = []
    for record in ledger_records(ctx, rt.key, year):
        if year_key and record[year_key] not in (None, year):
            continue
        photos = photo_flowables(ctx, record.id, page_frame_size("form")[0], meeting=False,
                                 field_key=evidence_key)
        if photos:
            title = f"{rt.label}佐证：{record[item_key] if item_key else ''}"
            flow += [CondPageBreak(60 * mm), para(ctx, title, "heading"), *photos]
    if flow:
        flow.insert(0, NextPageTemplate("form"))
        flow.insert(1, PageBreak())
    return flow


def ledger_records(ctx: PrintContext, type_key: str, year: int) -> list[Any]:
    return ctx.ledger.records.list(type_key, year)


def toc_label(ctx: PrintContext, rt: Any, values: dict[str, Any]) -> str:
    """A record's line in the table of contents: its date and what it was.

    Meetings are told apart by their kind (支部委员会, 党课…); other records by their
    title (an activity's theme), shortened to keep the line on one row."""
    when = (values.get(rt.date_field) or "") if rt.date_field else ""
    if rt.read(values, "meeting_kinds"):
        what = record_heading(rt, values)
        group = rt.read(values, "meeting_group")
        if group:          # each 党小组 meets every month: say whose meeting it was
            what += f"（{group}）"
    else:
        what = ctx.shown(ctx.ledger.records.title(rt, values)) or record_heading(rt, values)
        if len(what) > TOC_TITLE_CHARS:
            what = what[:TOC_TITLE_CHARS - 1] + "…"
    return f"{when} {what}".strip()


def toc_lines_per_page(first: bool) -> int:
    height = page_frame_size("form")[1] - (TOC_TITLE if first else 0)
    return int(height // TOC_LINE)


def toc_page_count(entries: int) -> int:
    first = toc_lines_per_page(True)
    if entries <= first:
        return 1
    return 1 + -(-(entries - first) // toc_lines_per_page(False))


def binder_canvas(ctx: PrintContext, sections: list[Section], found: dict[str, int],
                  toc_first_page: int, toc_pages: int) -> type[Canvas]:
    fs = ctx.fs

    class BinderCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            by_page: dict[int, list[Section]] = {}
            for s in sections:
                if s.key in found:
                    by_page.setdefault(found[s.key], []).append(s)
            for number, state in enumerate(self._held, start=1):
                # Names of link annotations come from a running count that must keep
                # growing across the replayed pages.
                count = getattr(self, "_annotationCount", 0)
                self.__dict__.update(state)
                self._annotationCount = max(count, getattr(self, "_annotationCount", 0))
                if toc_first_page <= number < toc_first_page + toc_pages:
                    self._draw_toc(number - toc_first_page)
                for s in by_page.get(number, []):
                    self.bookmarkPage(s.key)
                    self.addOutlineEntry(s.title, s.key, level=s.level, closed=s.level >= 1)
                if number > 1:
                    dash_page_number(fs, self, number)
                Canvas.showPage(self)
            self.showOutline()
            Canvas.save(self)

        def _draw_toc(self, index: int) -> None:
            listed = [s for s in sections if s.level <= 1 or s.key in found]
            first = toc_lines_per_page(True)
            per = toc_lines_per_page(False)
            start = 0 if index == 0 else first + (index - 1) * per
            chunk = listed[start:start + (first if index == 0 else per)]
            page_w, page_h = self._pagesize
            left = styles.FORM_MARGINS["left"]
            right = page_w - styles.FORM_MARGINS["right"]
            y = page_h - styles.FORM_MARGINS["top"]
            self.saveState()
            self.setFillColor(styles.GRID)
            if index == 0:
                draw_text(ctx, self, page_w / 2, y - 12 * mm, "目　　录", "sans", 20)
                y -= TOC_TITLE
            for s in chunk:
                y -= TOC_LINE
                page = found.get(s.key)
                indent = left + s.level * 7 * mm
                role, size = ("sans", 12.5) if s.level == 0 else ("serif", 11)
                title = s.title
                draw_text(ctx, self, indent, y, title, role, size, align="left")
                number = str(page) if page else ""
                self.setFont(fs.name("serif"), size)
                self.drawRightString(right, y, number)
                # Dot leaders between the title and the page number.
                start_x = indent + fs.width(title, role, size) + 2 * mm
                end_x = right - self.stringWidth(number, fs.name("serif"), size) - 2 * mm
                if end_x > start_x:
                    self.setDash(1, 2.5)
                    self.setLineWidth(0.6)
                    self.line(start_x, y + 1, end_x, y + 1)
                    self.setDash()
                if page:
                    self.linkRect("", s.key, (left, y - 2, right, y + size), relative=0)
            self.restoreState()

    return BinderCanvas


def _in_period(ledger: "Ledger", type_key: str, year: int | None, date_from: str | None,
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


def render_binder(ledger: "Ledger", out_path: str | os.PathLike[str], year: int | None = None,
                  categories: list[str] | None = None, date_from: str | None = None,
                  date_to: str | None = None, masked: bool = True,
                  progress: Progress | None = None, emblem_path: str | None = None,
                  retention: str = "永久", volume: str | int = 1,
                  filled_on: str | None = None) -> int:
    """Print the binder of a year (or of ``date_from``..``date_to``), all categories or the
    chosen ones. Returns the number of pages."""
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
    # Plan: which record types have something to print, and the sections for the TOC.
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
    found: dict[str, int] = {}
    total_work = sum(len(types) for _k, types in plan) + 2
    done = {"n": 0}

    def step(message: str) -> None:
        done["n"] += 1
        progress(min(done["n"], total_work), total_work, message)

    progress(0, total_work, "正在准备装订册……")
    body: list[Flowable] = []
    for key, types in plan:
        if not types:
            continue
        cat = ledger.pack.category(key)
        cat_section = Section(f"c_{key}", cat.label, 0)
        sections.append(cat_section)
        # A divider page opens each category, as the tabbed sheets of a paper binder do.
        body += [NextPageTemplate("form"), PageBreak(), Marker(cat_section, found),
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
            type_section = Section(f"t_{type_key}", heading, 1)
            sections.append(type_section)
            body.append(Marker(type_section, found))
            body += flow
            if rt.role == "checklist_state" and year is not None:
                body += checklist_evidence(ctx, rt, year)
            if rt.record_pages:
                record_ids = ids if ids is not None else print_order(ledger, rt, year)
                for entry_id in record_ids:
                    record = ledger.records.get(entry_id)
                    section = Section(f"r_{entry_id}", toc_label(ctx, rt, record.values), 2)
                    sections.append(section)
                    body += [NextPageTemplate("form"), PageBreak(), Marker(section, found)]
                    body += record_flowables(ctx, entry_id)
            step(f"已排版：{cat.label} · {rt.label}")
    # The cover, then as many reserved pages as the table of contents needs.
    cover = cover_flowable(ctx, keys[0] if len(keys) == 1 else None, year, retention,
                           str(volume))
    if date_from or date_to:
        cover.year = None
        cover.category = (cover.category or "") + f"（{date_from or '…'} 至 {date_to or '…'}）"
    # The 自查表 follows the contents: what the year owed and what is missing, first.
    check_flow: list[Flowable] = []
    if year is not None and (ledger.pack.cadence or ledger.pack.checklists):
        check_section = Section("self_check", f"{year}年度台账自查表", 0)
        sections.insert(0, check_section)
        check_flow = [NextPageTemplate("form"), PageBreak(), Marker(check_section, found),
                      *self_check_flowables(ctx, report_for(ledger, year))]
    toc_pages = toc_page_count(len(sections))
    story: list[Flowable] = [cover, NextPageTemplate("form"), PageBreak()]
    for i in range(toc_pages):
        if i:
            story.append(PageBreak())
        story.append(Reserved())
    story += check_flow + body
    pages = {"n": 0}

    def count_pages(canvas: Canvas, doc: Any) -> None:
        pages["n"] = canvas.getPageNumber()
        if pages["n"] % 10 == 0:
            progress(done["n"], total_work, f"正在生成第 {pages['n']} 页……")

    templates = [cover_template(), make_template("form", count_pages),
                 make_template("landscape", count_pages)]
    with atomic_output(out_path) as tmp, open(tmp, "wb") as fh, streamed(fh):
        # streamed: photos and pages go to disk as written, so memory stays flat
        doc = LedgerDoc(fh, ctx, f"{ctx.org_name} 台账 {year or ''}", templates)
        doc.build(story, canvasmaker=binder_canvas(ctx, sections, found, 2, toc_pages))
        step("正在保存……")
    progress(total_work, total_work, "完成")
    return pages["n"]


__all__ = ["render_binder", "toc_page_count"]
