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
    # Level 2: each meeting's page, and the work plan printed as a document.
    meetings = [m for m in marks if m[0] == 2 and "记录" in m[1]]
    assert len(meetings) == 3
    assert [t for lvl, t, _p in marks if lvl == 2 and t not in {m[1] for m in meetings}] \
        == ["2025 2025年党支部工作计划"]
    # Every bookmark points at the page where its section starts, and the TOC agrees.
    toc = texts[1]
    for level, title, page in marks:
        assert title.split("（")[0].split(" ")[-1] in texts[page - 1].replace("\n", "") \
            .replace(" ", ""), title
        if level <= 1 and title not in ("卷内目录", "卷内备考表"):
            line = next(ln for ln in toc.splitlines() if title in ln)
            assert re.search(rf"\s{page}(—\d+)?\s*$", line), (title, page, line)
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
    assert [t for lvl, t, _p in marks if lvl == 0] == ["卷内目录", "基本活动", "卷内备考表"]
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
    # The theme, in full (never cut with "…"), tells the activities apart.
    assert records == [("2025-03-05 " + theme, records[0][1])]
    page = reader.pages[records[0][1] - 1]
    text = (page.extract_text() or "").replace("\n", "")
    assert "党员活动记录" in text and "清理小区卫生死角" in text and "活动现场" in text
    assert len(page.images) == 1


def test_archival_front_and_back_matter(filled, ledger, tmp_path: Path) -> None:
    """卷内目录 with 序号/责任者/题名/日期/页号/备注, the 卷内备考表 closing the volume with
    its counts, and the cover's 件数/页数 agreeing with the file."""
    from ledger_app.outputs.pdf.binder import render_binder

    out = tmp_path / "binder.pdf"
    pages = render_binder(ledger, out, 2025, fingerprint="ab" * 32)
    reader = PdfReader(out)
    texts = [p.extract_text() or "" for p in reader.pages]
    contents = texts[1]
    assert "卷 内 目 录" in contents
    for column in ("序号", "责任者", "题名", "日期", "页号", "备注"):
        assert column in contents
    # 责任者 is the branch without the places above it; records dated as archives date them.
    assert "测试街道第一社区党支部" in contents
    numbered = [ln for ln in contents.splitlines() if re.match(r"\d+ ", ln)]
    assert numbered[0].startswith("1 ") and "2025年度台账自查表" in numbered[0]
    meeting = ledger.records.get(filled["meetings"][0])
    day = meeting["date"].replace("-", "")
    assert any(day in ln for ln in numbered)
    items = int(re.findall(r"\d+", [ln for ln in "\n".join(texts[1:4]).splitlines()
                                    if re.match(r"\d+ ", ln)][-1])[0])
    closing = texts[-1]
    assert "卷 内 备 考 表" in closing
    assert f"本卷共有文件材料 {items} 件，共 {pages} 页" in closing.replace("\n", "")
    assert "立卷人" in closing and "检查人" in closing and "立卷时间" in closing
    assert "ab" * 32 in closing.replace("\n", "")
    # The meeting with a photo says so in 备注, and the closing sheet counts it.
    assert any(day in ln and "照片1张" in ln for ln in numbered)
    assert "其中照片1张" in closing.replace("\n", "").replace(" ", "")
    cover = texts[0]
    assert f"共 {items} 件" in cover and f"{pages} 页" in cover
    assert "20250101—20251231" in cover and "保管期限" in cover and "第 1 卷" in cover


def test_duplex_starts_each_part_on_a_right_hand_page(filled, ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.binder import render_binder

    out = tmp_path / "duplex.pdf"
    render_binder(ledger, out, 2025, duplex=True)
    reader = PdfReader(out)
    marks = outline(reader)
    parts = [(t, p) for level, t, p in marks if level == 0 and t != "卷内备考表"]
    assert parts and all(p % 2 == 1 for _t, p in parts), parts
    texts = [p.extract_text() or "" for p in reader.pages]
    assert texts[1].strip() == ""                    # the back of the cover stays blank
    # Page numbers sit at the outer corner: right on odd pages, left on even ones.
    blank = [i for i, t in enumerate(texts) if not t.strip()]
    odd = next(i for i in range(2, len(texts), 2) if i not in blank)
    even = next(i for i in range(3, len(texts), 2) if i not in blank)
    for index in (odd, even):
        page = reader.pages[index]
        xs = []
        page.extract_text(visitor_text=lambda t, cm, tm, fd, fs, xs=xs: xs.append(tm[4] + cm[4])
                          if t.strip().startswith("—") else None)
        width = float(page.mediabox.width)
        assert xs, index
        assert (xs[0] > width / 2) == ((index + 1) % 2 == 1), (index, xs)


def test_a_long_organisation_name_wraps_on_the_cover(ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.cover import render_cover

    long_name = "湘江市岳山区桂花街道幸福里社区第一居民小区联合党总支部第三党支部委员会"
    ledger.update_settings({"org_name": long_name})
    out = tmp_path / "cover.pdf"
    render_cover(ledger, out, "team", 2025)
    sizes = []
    PdfReader(out).pages[0].extract_text(
        visitor_text=lambda t, cm, tm, fd, fs: sizes.append((t, fs * tm[0])) if t.strip()
        else None)
    text = "".join(t for t, _s in sizes)
    assert long_name[:8] in text and long_name[-8:] in text
    name_sizes = [s for t, s in sizes if any(ch in t for ch in "湘联委")]
    assert name_sizes and min(name_sizes) >= 11, name_sizes


def test_a_binder_split_into_volumes(filled, ledger, tmp_path: Path, capsys) -> None:
    """--split: one volume (分册) per category, each with its own cover, 卷号 counting on
    from --volume, numbering from 1 and its own 卷内目录."""
    from ledger_app.cli.main import main

    path = ledger.path
    ledger.close()
    out = tmp_path / "台账.pdf"
    assert main(["print", "binder", str(path), "--year", "2025", "--split", "--volume", "3",
                 "-o", str(out)]) == 0
    assert not out.exists()
    team = tmp_path / "台账-第3卷-基本队伍.pdf"
    activities = tmp_path / "台账-第4卷-基本活动.pdf"
    assert team.is_file() and activities.is_file()
    assert len(list(tmp_path.glob("台账-第*卷-*.pdf"))) == 5
    reader = PdfReader(activities)
    cover = reader.pages[0].extract_text()
    assert "基本活动" in cover and "第 4 卷" in cover and "基本队伍" not in cover
    assert "— 2 —" in reader.pages[1].extract_text()
    assert [t for lvl, t, _p in outline(reader) if lvl == 0] == ["卷内目录", "基本活动",
                                                                  "卷内备考表"]
    printed = capsys.readouterr().out
    assert "共 5 卷" in printed and "第3卷-基本队伍" in printed


def test_a_wrapped_name_is_balanced(ledger) -> None:
    """Two lines of about equal length, never two characters left alone on the second."""
    from reportlab.lib.units import mm

    from ledger_app.outputs.pdf.common import PrintContext
    from ledger_app.outputs.pdf.cover import wrapped

    name = "湘江市岳山区桂花街道幸福里社区第一居民小区联合党总支部第三党支部委员会"
    size, lines = wrapped(PrintContext(ledger), name, "serif", 13, 150 * mm)
    assert size == 13 and "".join(lines) == name and len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 3, lines
