"""本月收缴 / ``ledger-app dues fill``: one record per member due that month, computed by
the brackets, idempotent, with a plain message for bad input. Real ledger files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger_app.cli.main import main
from ledger_app.store import Ledger


def member(ledger, name, **extra):
    values = {"name": name, "gender": "女", "birth_date": "1980-02-03",
              "member_class": "正式党员", "status": "在册", "joined_date": "2010-07-01"}
    values.update(extra)
    return ledger.records.insert("roster", values)


@pytest.fixture
def branch(tmp_path: Path, org) -> Path:
    path = tmp_path / "支部.ledger"
    with Ledger.create(path, org) as ledger:
        member(ledger, "在职甲", dues_group="在职", dues_base="4321.50")    # 1% → 43.22
        member(ledger, "退休乙", dues_group="离退休", dues_base="5000")     # 0.5% → 25.00
        member(ledger, "学生丙", dues_group="学生")                          # 0.20
        member(ledger, "预备丁", member_class="预备党员", joined_date="2025-04-18",
               dues_base="3000")                                           # from April
        member(ledger, "无基数戊", dues_group="在职")                       # cannot compute
        member(ledger, "转出己", dues_base="3000", status="转出", left_date="2025-02-10")
        # A new base from April: March keeps the base on its own (February) record.
        raised = member(ledger, "调薪庚", dues_base="6000", dues_base_from="2025-04")
        ledger.records.insert("dues", {"member": raised, "month": "2025-02", "base": "4800",
                                       "rate": "1%", "due": "48", "paid": "48"})
    return path


def by_name(ledger, month):
    out = {}
    for r in ledger.records.list("dues"):
        if r["month"] == month:
            out[ledger.records.member_name(r["member"])] = r
    return out


def test_fill_makes_the_months_records_and_a_second_run_makes_none(branch, capsys):
    assert main(["dues", "fill", str(branch), "--month", "2025-03",
                 "--paid-date", "2025-03-05"]) == 0
    out = capsys.readouterr().out
    assert "2025年3月党费：新建 4 条，跳过 1 条" in out
    assert "无基数戊——名册中没有填写党费计算基数" in out
    with Ledger.open(branch, readonly=True) as ledger:
        got = by_name(ledger, "2025-03")
    assert set(got) == {"在职甲", "退休乙", "学生丙", "调薪庚"}
    assert (got["在职甲"]["base"], got["在职甲"]["rate"], got["在职甲"]["due"]) == (432150, "1%", 4322)
    assert got["在职甲"]["paid"] == 4322 and got["在职甲"]["paid_date"] == "2025-03-05"
    assert (got["退休乙"]["rate"], got["退休乙"]["due"]) == ("0.5%", 2500)
    assert (got["学生丙"]["rate"], got["学生丙"]["due"]) == ("定额", 20)
    assert (got["调薪庚"]["base"], got["调薪庚"]["due"]) == (480000, 4800)   # old base, 1%
    assert main(["dues", "fill", str(branch), "--month", "2025-03"]) == 0
    assert "新建 0 条，跳过 5 条（已有记录 4 条" in capsys.readouterr().out
    with Ledger.open(branch, readonly=True) as ledger:
        assert len(by_name(ledger, "2025-03")) == 4


def test_fill_unpaid_leaves_paid_empty_and_counts_the_probationer_from_her_admission(
        branch, capsys):
    assert main(["dues", "fill", str(branch), "--month", "2025-04", "--unpaid"]) == 0
    assert "新建 5 条" in capsys.readouterr().out
    with Ledger.open(branch, readonly=True) as ledger:
        got = by_name(ledger, "2025-04")
    assert "预备丁" in got and got["预备丁"]["due"] == 1500                # 3000 × 0.5%
    assert all(r["paid"] is None and r["paid_date"] is None for r in got.values())
    assert (got["调薪庚"]["base"], got["调薪庚"]["rate"], got["调薪庚"]["due"]) == (600000, "1.5%", 9000)


def test_fill_honours_the_rounding_setting(branch, capsys):
    with Ledger.open(branch) as ledger:
        ledger.update_settings({"dues_rounding": "角"})
    assert main(["dues", "fill", str(branch), "--month", "2025-03"]) == 0
    with Ledger.open(branch, readonly=True) as ledger:
        assert by_name(ledger, "2025-03")["在职甲"]["due"] == 4320          # 43.215 → 43.2


@pytest.mark.parametrize("args, message", [
    (["--month", "2025-13"], "月份“2025-13”无法识别"),
    (["--month", "三月"], "请写成 YYYY-MM"),
    (["--month", "2025-03", "--paid-date", "2025-02-30"], "交纳日期“2025-02-30”不是有效日期"),
])
def test_bad_input_is_a_plain_message_and_changes_nothing(branch, capsys, args, message):
    assert main(["dues", "fill", str(branch), *args]) == 2
    assert message in capsys.readouterr().err
    with Ledger.open(branch, readonly=True) as ledger:
        assert ledger.records.count("dues") == 1
