"""Documents (工作计划, 工作总结, 学习计划, 制度, 上级文件) print their full text as
公文-style pages, alone and in the binder; the declaration says which types do."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from test_declarations import GOOD_TYPE, line_of, make_pack, rejected

from ledger_app.forms.loader import load_pack

PLAN = ["为深入学习贯彻党的二十大精神，结合社区实际，制定本计划。",
        "一、每月开展一次主题党日活动，党员参学率不低于 90%。" * 6,
        "二、支部委员会每月召开一次，研究部署当月重点工作；党小组会每月召开一次。" * 5,
        "三、年底前完成民主评议党员和组织生活会，形成问题清单和整改措施。"]


def lines_of(path: Path) -> list[str]:
    return [ln.strip() for page in PdfReader(path).pages
            for ln in page.extract_text().splitlines() if ln.strip()]


@pytest.fixture()
def ledger(tmp_path):
    from ledger_app.store import Ledger

    ledger = Ledger.create(tmp_path / "t.ledger", {"org_name": "测试街道第一社区党支部",
                                                   "org_type": "党支部"})
    yield ledger
    ledger.close()


def test_which_types_print_as_documents_is_declared():
    from ledger_app.forms.packs import builtin_pack

    pack = builtin_pack()
    documents = {rt.key for rt in pack.record_types if rt.print_as == "document"}
    assert documents == {"work_plan", "work_summary", "study_plan", "regulation",
                         "superior_doc"}
    doc = pack.record_type("superior_doc")
    assert (doc.key_for("doc_number"), doc.key_for("doc_date"), doc.key_for("issuer")) == \
        ("doc_no", "date", "issuer")


def test_unknown_print_kind_and_document_without_text_are_refused(tmp_path):
    text = GOOD_TYPE.replace('date_field = "date"\n', 'date_field = "date"\nprint = "poster"\n')
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert error.line == line_of(path, 'print = "poster"') and "print" in str(error)
    text = GOOD_TYPE.replace('date_field = "date"\n', 'date_field = "date"\nprint = "document"\n')
    path = make_pack(tmp_path / "b", text)
    error = rejected(path)
    assert "longtext" in str(error) and error.line == line_of(path, 'print = "document"')
    good = text + '\n[[fields]]\nkey = "body"\nlabel = "正文"\ntype = "longtext"\n'
    path = make_pack(tmp_path / "c", good)
    assert load_pack(path.parent.parent).record_type("sample").print_as == "document"


def test_work_plan_prints_title_adoption_date_body_signature_and_date(ledger, tmp_path):
    from ledger_app.outputs.pdf.record_page import render_record

    entry = ledger.records.insert("work_plan", {
        "for_year": 2025, "title": "2025年党支部工作计划", "adopted_date": "2025-01-15",
        "content": "\n".join(PLAN)})
    out = tmp_path / "plan.pdf"
    pages = render_record(ledger, entry, out)
    assert pages == 2
    lines = lines_of(out)
    assert lines[0] == "2025年党支部工作计划"
    assert lines[1] == "（2025年1月15日通过）"
    flat = "".join("".join(lines).split())
    for paragraph in PLAN:
        assert "".join(paragraph.split()) in flat
    assert "测试街道第一社区党支部2025年1月15日" in flat         # signature, then date
    assert "—1—" in flat and "—2—" in flat                     # 公文 page numbers
    assert abs(float(PdfReader(out).pages[0].mediabox.width) - 595.3) < 1


def test_superior_document_prints_its_number_and_issuer(ledger, tmp_path):
    from ledger_app.outputs.pdf.record_page import render_record

    entry = ledger.records.insert("superior_doc", {
        "doc_no": "桂街党工〔2025〕29号", "title": "关于召开2025年度组织生活会的通知",
        "issuer": "桂花街道党工委", "date": "2025-11-11", "received_date": "2025-11-12",
        "summary": "明确学习内容、查摆重点和评议程序。"})
    out = tmp_path / "doc.pdf"
    render_record(ledger, entry, out)
    lines = lines_of(out)
    assert lines[:2] == ["关于召开2025年度组织生活会的通知", "桂街党工〔2025〕29号"]
    flat = "".join("".join(lines).split())
    assert "明确学习内容、查摆重点和评议程序。桂花街道党工委2025年11月11日" in flat


def test_binder_holds_the_documents_full_text(ledger, tmp_path):
    from ledger_app.outputs.pdf.binder import render_binder

    ledger.records.insert("study_plan", {"for_year": 2025, "title": "2025年党员学习计划",
                                         "adopted_date": "2025-02-01",
                                         "content": "\n".join(PLAN)})
    out = tmp_path / "binder.pdf"
    render_binder(ledger, out, year=2025, categories=["rules"])
    flat = "".join("".join(lines_of(out)).split())
    for paragraph in PLAN:
        assert "".join(paragraph.split()) in flat
    assert "（2025年2月1日通过）" in flat


def test_signature_never_stands_alone_on_the_last_page(ledger, tmp_path):
    """Bodies of many lengths: the page with the issuer and date always carries the
    body's last lines too (GB/T 9704-2012 §7.3.5.4)."""
    from ledger_app.outputs.pdf.record_page import render_record

    sentence = "支部按计划推进各项工作，党员积极参加组织生活和志愿服务。"
    for n in range(28, 44, 2):          # around one full page of 22 lines
        entry = ledger.records.insert("work_summary", {
            "for_year": 2025, "title": f"工作总结{n}", "adopted_date": "2025-12-28",
            "content": "\n".join([sentence * 2] * (n // 2))})
        out = tmp_path / f"s{n}.pdf"
        render_record(ledger, entry, out)
        last = "".join(PdfReader(out).pages[-1].extract_text().split())
        assert "2025年12月28日" in last and "测试街道第一社区党支部" in last
        assert "志愿服务。测试街道第一社区党支部" in last, (n, last)
