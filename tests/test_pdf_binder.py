"""The year's binder: cover, table of contents with the right page numbers, each category's
tables and meeting pages, and bookmarks per category, record type and record."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_pdf_products import assert_fonts_embedded, is_landscape, is_portrait, page_size
from test_pdf_sample import fill, photo_bytes


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, 1-based page) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


@pytest.fixture
def filled(ledger):
    made = fill(ledger, members=40, meetings=3, photos=0)
    ledger.attachments.add(made["meetings"][0], "photos", photo_bytes(3000, 2000, seed=5),
                           "现场.jpg", caption="会议现场")
    ledger.records.insert("work_plan", {"for_year": 2025, "period": "年度",
                                        "title": "2025年党支部工作计划",
                                        "adopted_date": "2025-01-10", "content": "全年工作安排。"})
    return made


def test_binder_of_a_year(filled, ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.binder import render_binder

    out = tmp_path / "binder.pdf"
    messages = []
    pages = render_binder(ledger, out, 2025, progress=lambda d, t, m="": messages.append((d, t)))
    reader = PdfReader(out)
    assert pages == len(reader.pages)
    assert messages[-1][0] == messages[-1][1]          # progress reaches its end
    texts = [p.extract_text() or "" for p in reader.pages]
    assert "党支部工作台账" in texts[0] and "2025" in texts[0]
    assert "目" in texts[1] and "录" in texts[1]
    marks = outline(reader)
    titles = [t for _l, t, _p in marks]
    for expected in ("基本队伍", "党员名册", "基本活动", "会议记录（2025年度）", "基本制度",
                     "工作计划（2025年度）", "基本保障",
                     "党费收缴登记表（2025年度）"):
        assert expected in titles, expected
    assert {level for level, _t, _p in marks} == {0, 1, 2}   # categories, types, meetings
    meetings = [m for m in marks if m[0] == 2]
    assert len(meetings) == 3
    # Every bookmark points at the page where its section starts, and the TOC agrees.
    toc = texts[1]
    for level, title, page in marks:
        assert title.split("（")[0].split(" ")[-1] in texts[page - 1].replace("\n", ""), title
        if level <= 1:
            line = next(ln for ln in toc.splitlines() if ln.startswith(title))
            assert re.search(rf"{page}\s*$", line), (title, page, line)
    # Page sizes follow the content: portrait cover, landscape roster, portrait meetings.
    assert is_portrait(page_size(reader, 0))
    roster_page = next(p for _l, t, p in marks if t == "党员名册")
    assert is_landscape(page_size(reader, roster_page - 1))
    assert is_portrait(page_size(reader, meetings[0][2] - 1))
    # 公文-style page numbers on every page after the cover.
    assert "— 2 —" in texts[1] and f"— {pages} —" in texts[-1]
    assert out.stat().st_size < 2_000_000       # a 3.5 MB photo does not bloat it
    assert_fonts_embedded(out)


def test_binder_of_chosen_categories_and_period(filled, ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.binder import render_binder

    out = tmp_path / "activities.pdf"
    render_binder(ledger, out, categories=["基本活动"], date_from="2025-03-01",
                  date_to="2025-04-30")
    reader = PdfReader(out)
    marks = outline(reader)
    assert [t for lvl, t, _p in marks if lvl == 0] == ["基本活动"]
    assert len([m for m in marks if m[0] == 2]) == 2      # March and April meetings only
    assert "2025-03-01 至 2025-04-30" in (reader.pages[0].extract_text() or "")


def test_binder_rejects_bad_input(ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.binder import render_binder
    from ledger_app.store.errors import LedgerError

    with pytest.raises(LedgerError, match="类别"):
        render_binder(ledger, tmp_path / "x.pdf", 2025, categories=["不存在"])
    with pytest.raises(LedgerError, match="日期"):
        render_binder(ledger, tmp_path / "x.pdf", date_from="2025-13-01")
    with pytest.raises(LedgerError, match="年度"):
        render_binder(ledger, tmp_path / "x.pdf", 25)
    assert list(tmp_path.glob("*.pdf")) == []


def test_activities_get_their_own_pages_listed_by_theme(ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.binder import render_binder

    theme = "“学雷锋”志愿服务：清理小区卫生死角并为独居老人上门打扫卫生"
    activity = ledger.records.insert("activity", {
        "kind": "志愿服务", "date": "2025-03-05", "place": "幸福里小区", "topic": theme,
        "content": "支部组织党员清理卫生死角。"})
    ledger.attachments.add(activity, "photos", photo_bytes(1600, 1200, seed=9), "现场.jpg",
                           caption="活动现场")
    out = tmp_path / "binder.pdf"
    render_binder(ledger, out, 2025)
    reader = PdfReader(out)
    records = [(t, p) for level, t, p in outline(reader) if level == 2]
    # The theme, shortened to one line of the contents, tells the activities apart.
    assert records == [("2025-03-05 " + theme[:27] + "…", records[0][1])]
    page = reader.pages[records[0][1] - 1]
    text = (page.extract_text() or "").replace("\n", "")
    assert "党员活动记录" in text and "清理小区卫生死角" in text and "活动现场" in text
    assert len(page.images) == 1
