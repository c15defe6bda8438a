"""The printed 自查表 and the binder's checklist evidence, read back from real PDFs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from test_pdf_products import assert_fonts_embedded
from test_pdf_sample import photo_bytes

from ledger_app.cli.main import main
from ledger_app.store import Ledger


def text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def branch(tmp_path: Path) -> Path:
    path = tmp_path / "b.ledger"
    main(["new", str(path), "--name", "测试街道第一社区党支部"])
    with Ledger.open(path) as ledger:
        ledger.update_settings({"kept_since": "2025-01-01"})
        for n in range(3):
            ledger.records.insert("roster", {
                "name": f"党员{n}", "gender": "男", "birth_date": "1980-01-01",
                "member_class": "正式党员", "status": "在册", "joined_date": "2000-07-01"})
        for month in (1, 4, 10):   # no 支部党员大会 in the third quarter
            ledger.records.insert("meeting", {"kinds": ["支部党员大会", "党课"],
                                              "date": f"2025-{month:02d}-10", "topic": "学习"})
        met = ledger.records.insert("six_haves", {"for_year": 2025, "item": "有场所", "met": True,
                                                  "description": "二楼活动室一间"})
        ledger.attachments.add(met, "evidence", photo_bytes(800, 600, seed=1), "room.jpg",
                               "活动室全景")
        ledger.records.insert("six_haves", {"for_year": 2025, "item": "有党旗", "met": True})
    return path


def test_print_checklist_shows_cadence_items_and_findings(tmp_path: Path, capsys):
    path = branch(tmp_path)
    out = tmp_path / "自查表.pdf"
    assert main(["print", "checklist", str(path), "--year", "2025", "-o", str(out)]) == 0
    body = text(out)
    assert "2025年度台账自查表" in body and "测试街道第一社区党支部" in body
    assert "0/1 缺" in body                       # the third quarter's 支部党员大会
    assert "3/4 缺 1" in body                   # the year's 支部党员大会
    assert "有场所" in body and "有专门的党建工作场所" in body   # requirement text printed
    assert "达标（缺佐证）" in body and "未检查" in body
    assert "2025年第三季度没有召开支部党员大会" in body
    assert "2025年“有党旗”记为达标，但没有佐证材料" in body
    # The evidence thumbnail is an image on the page.
    images = sum(len(page.images) for page in PdfReader(out).pages)
    assert images >= 1
    assert_fonts_embedded(out)


def test_the_binder_carries_the_self_check_and_the_evidence_photos(tmp_path: Path):
    path = branch(tmp_path)
    out = tmp_path / "binder.pdf"
    assert main(["print", "binder", str(path), "--year", "2025", "-o", str(out)]) == 0
    reader = PdfReader(out)
    pages = [p.extract_text() for p in reader.pages]
    check_page = next(i for i, t in enumerate(pages) if "2025年度台账自查表" in t
                      and "会议召开情况" in t)
    contents = next(i for i, t in enumerate(pages) if "目" in t and "录" in t)
    assert contents < check_page < next(i for i, t in enumerate(pages) if "基本阵地" in t
                                        and i > check_page)
    evidence = [i for i, t in enumerate(pages) if "六有建设佐证：有场所" in t]
    assert evidence and reader.pages[evidence[0]].images
    assert "活动室全景" in pages[evidence[0]]
    # The contents list the 自查表.
    assert "2025年度台账自查表" in pages[contents]


def test_a_past_year_is_judged_as_it_ended():
    from ledger_app.outputs.pdf.self_check import as_of_for

    assert as_of_for(2025, dt.date(2026, 11, 27)) == dt.date(2026, 1, 1)
    assert as_of_for(2026, dt.date(2026, 11, 27)) == dt.date(2026, 11, 27)
