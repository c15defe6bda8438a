"""转入转出 and 民主评议 checks (RULES.md §6) at their boundaries, and the 组织关系介绍信
printed from a real ledger (PDF read back: three parts, 大写 numerals, one A4 page)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from ledger_app.cli.main import main
from ledger_app.outputs.pdf.letter import upper_month, upper_number, upper_year
from ledger_app.rules.facts import Member
from ledger_app.rules.transfers_evaluations import (
    Evaluation,
    Transfer,
    evaluation_findings,
    receipt_findings,
)


@pytest.mark.parametrize("n, text", [(1, "壹"), (3, "叁"), (10, "拾"), (12, "拾贰"), (20, "贰拾"),
                                     (30, "叁拾"), (45, "肆拾伍"), (90, "玖拾")])
def test_upper_numbers(n, text):
    assert upper_number(n) == text


def test_upper_year_and_month():
    assert upper_year(2025) == "贰零贰伍" and upper_year(2030) == "贰零叁零"
    assert upper_month("2025-12") == "贰零贰伍年拾贰月"
    assert upper_month("2026-01") == "贰零贰陆年壹月"


@pytest.mark.parametrize("as_of, expected", [
    (dt.date(2025, 12, 10), []),                         # a month after 10 November: not yet
    (dt.date(2025, 12, 11), ["transfers.receipt_missing"]),
])
def test_a_missing_receipt_after_a_month(as_of, expected):
    out = Transfer(7, "李军", True, dt.date(2025, 11, 10), "桂街组转〔2025〕2号")
    back = Transfer(8, "胡琳", True, dt.date(2025, 3, 1), receipt_back=True)
    incoming = Transfer(9, "王思雨", False, dt.date(2025, 3, 1))
    found = receipt_findings([out, back, incoming], 2025, as_of, "team")
    assert [f.rule for f in found] == expected
    if found:
        assert "李军于2025年11月10日转出（介绍信 桂街组转〔2025〕2号），回执至今未退回" in found[0].why
        assert "已过 1 天" in found[0].why and found[0].records == (7,)


def members(n):
    return tuple(Member(i, f"党员{i}", joined="2000-01-01") for i in range(1, n + 1))


@pytest.mark.parametrize("excellent, expected", [(3, []), (4, ["evaluations.too_many_excellent"])])
def test_excellent_at_most_a_third(excellent, expected):
    evaluations = [Evaluation(100 + i, i, "优秀" if i <= excellent else "合格", i <= excellent)
                   for i in range(1, 10)]
    found = evaluation_findings(evaluations, members(9), 2025, dt.date(2026, 1, 5), "activities")
    assert [f.rule for f in found] == expected
    if found:
        assert "评为优秀 4 人，评定等次的正式党员 9 人，超过三分之一（最多 3 人；人员类别按2025年12月31日" \
            in found[0].why


def test_every_member_in_the_branch_has_a_grade_once_evaluation_began():
    evaluations = [Evaluation(100 + i, i, "合格", False) for i in range(1, 8)]
    found = evaluation_findings(evaluations, members(9), 2025, dt.date(2026, 1, 5), "activities")
    assert [f.rule for f in found] == ["evaluations.missing"]
    assert "党员8、党员9还没有评定等次" in found[0].why
    assert evaluation_findings([], members(9), 2025, dt.date(2026, 1, 5), "activities") == []


def test_print_letter_from_the_command_line(ledger, tmp_path: Path, capsys):
    member = ledger.records.insert("roster", {
        "name": "李军", "gender": "男", "birth_date": "1990-03-02", "member_class": "正式党员",
        "status": "在册", "joined_date": "2015-07-01"})
    record = ledger.records.insert("transfer", {
        "direction": "转出", "member_name": "李军", "member": member, "member_class": "正式党员",
        "date": "2025-11-10", "from_org": "中共测试街道第一社区支部委员会",
        "to_org": "中共长岭市新河社区委员会", "letter_no": "测街组转〔2025〕2号",
        "dues_paid_to": "2025-11", "valid_days": 30})
    path = ledger.path
    ledger.close()
    out = tmp_path / "介绍信.pdf"
    assert main(["print", "letter", str(path), "--record", str(record), "-o", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text().replace("\n", "")
    for words in ("中国共产党党员组织关系介绍信（存根）", "中国共产党党员组织关系介绍信回执",
                  "测街组转〔2025〕2号", "党费已交到贰零贰伍年拾壹月", "有效期叁拾天",
                  "李军同志（男，35岁", "沿此虚线剪开"):
        assert words in text, words
    assert main(["print", "letter", str(path), "--record", "1", "-o", str(out)]) == 2
    assert "不是党员转入转出台账的记录" in capsys.readouterr().err
