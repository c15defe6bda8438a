"""Paragraphs of printouts (record pages, documents): broken by the one line breaker,
complete across many pages, 禁则 and names kept, read back from the PDF."""

from __future__ import annotations

import itertools
import random

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from test_pdf_sample import member_values

from ledger_app.outputs.pdf.fonts import fonts
from ledger_app.outputs.pdf.linebreak import NO_END, NO_START, Breaker
from ledger_app.outputs.pdf.textblock import TextBlock

SENTENCES = ["会议由黄晓彤主持，唐飞记录。", "党员活动室面积约 80 平方米，每人10/月。",
             "学习《中国共产党章程》（第二章）；讨论：如何落实？", "依据 GB/T 9704-2012 整理。",
             "与会党员逐一发言，围绕服务群众、垃圾分类、老旧小区改造等议题展开讨论"]


def body_lines(path) -> list[str]:
    """Printed lines of every page, without the page footers."""
    out = []
    for page in PdfReader(path).pages:
        out += [ln.strip() for ln in page.extract_text().splitlines()
                if ln.strip() and not ln.strip().startswith("第 ")]
    return out


@pytest.fixture()
def ledger(tmp_path):
    from ledger_app.store import Ledger

    ledger = Ledger.create(tmp_path / "t.ledger", {"org_name": "测试支部", "org_type": "党支部"})
    rng = random.Random(3)
    for i, name in enumerate(["黄晓彤", "唐飞"], start=1):
        ledger.records.insert("roster", {**member_values(i, rng), "name": name})
    yield ledger
    ledger.close()


def test_long_meeting_record_prints_whole_with_names_and_marks_in_place(ledger, tmp_path):
    from ledger_app.outputs.pdf.record_page import render_record

    rng = random.Random(5)
    paragraphs = ["".join(rng.choice(SENTENCES) for _ in range(rng.randint(4, 30)))
                  for _ in range(60)]
    content = "\n".join(paragraphs)
    entry = ledger.records.insert("meeting", {"kinds": ["支部党员大会"], "date": "2025-03-15",
                                              "topic": "长记录", "content": content})
    out = tmp_path / "long.pdf"
    pages = render_record(ledger, entry, out)
    assert pages >= 5
    lines = body_lines(out)
    printed = "".join(lines)
    assert "".join(content.split()) in "".join(printed.split())   # nothing cut or lost
    assert "…" not in printed
    start = next(i for i, ln in enumerate(lines) if ln == "会议内容") + 1
    body = lines[start:start + 400]
    for before, line in itertools.pairwise(body):
        assert line[0] not in NO_START, (before, line)
        assert before[-1] not in NO_END, (before, line)
        for name in ("黄晓彤", "唐飞"):
            for cut in range(1, len(name)):
                assert not (before.endswith(name[:cut]) and line.startswith(name[cut:])), \
                    (before, line)


def _block(text: str, style: ParagraphStyle) -> TextBlock:
    return TextBlock(fonts(use_system=False), text, style, "serif", Breaker())


def test_a_paragraph_split_across_pages_leaves_two_lines_each_side() -> None:
    style = ParagraphStyle("b", fontSize=10, leading=15)
    block = _block("测试文字" * 200, style)      # 800 characters, 20 a line: 40 lines
    _w, h = block.wrap(200.01, 1000)
    assert h == 40 * 15
    head, tail = block.split(200.01, 15 * 39 + 3)   # room for 39 lines: 1 would be alone
    assert head.wrap(200.01, 1000)[1] == 38 * 15
    assert tail.wrap(200.01, 1000)[1] == 2 * 15
    assert block.split(200.01, 15 * 1.5) == []       # one line at a page's foot: move it
    short = _block("测试文字" * 10, style)            # two lines: never split
    assert short.split(200.01, 15 * 1.2) == []


def test_first_line_indent_applies_to_each_paragraph() -> None:
    style = ParagraphStyle("b", fontSize=10, leading=15, firstLineIndent=20)
    block = _block("一二三四五六七八九十一二三四五六七八九十\n甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉", style)
    lines = block.lines(200.01)
    assert [ln for ln, _first, _last in lines] == [
        "一二三四五六七八九十一二三四五六七八", "九十",
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未", "申酉"]
    assert [first for _ln, first, _last in lines] == [True, False, True, False]


def test_a_last_photo_never_stands_alone_on_a_page(ledger, tmp_path):
    """Three photos after texts of many lengths: wherever the page breaks, no page
    carries one photo alone (the third goes over with the pair before it)."""
    from test_pdf_sample import photo_bytes

    from ledger_app.outputs.pdf.record_page import render_record

    singles = []
    for n, repeat in enumerate(range(4, 40, 5)):
        entry = ledger.records.insert("meeting", {
            "kinds": ["支部委员会"], "date": "2025-03-15", "topic": "照片",
            "content": "\n".join(SENTENCES * repeat)})
        for k in range(3):
            ledger.attachments.add(entry, "photos", photo_bytes(800, 600, seed=k + 1),
                                   f"p{k}.jpg", caption=f"照片{k + 1}")
        out = tmp_path / f"photos{n}.pdf"
        render_record(ledger, entry, out)
        counts = [len(page.images) for page in PdfReader(out).pages]
        assert sum(counts) == 3
        singles += [(repeat, counts) for c in counts if c == 1]
    assert not singles


def test_evidence_items_never_leave_one_alone_on_the_last_page():
    from reportlab.platypus import Spacer

    from ledger_app.outputs.pdf.binder import _evidence_pages

    def items(n):
        return [[Spacer(1, 30)] for _ in range(n)]

    # Three fit a page of 100 points: 4 items would be 3 + 1, so they print 2 + 2.
    assert [len(p) for p in _evidence_pages(items(4), 200, 100)] == [2, 2]
    assert [len(p) for p in _evidence_pages(items(6), 200, 100)] == [3, 3]
    assert [len(p) for p in _evidence_pages(items(7), 200, 100)] == [3, 2, 2]
    assert [len(p) for p in _evidence_pages(items(1), 200, 100)] == [1]
