"""``ledger-app new`` and ``ledger-app check`` from the command line, on real ledger files."""

from __future__ import annotations

import json
from pathlib import Path

from ledger_app.cli.main import main
from ledger_app.store import Ledger


def test_new_makes_an_empty_ledger_with_the_organisation(tmp_path: Path, capsys):
    path = tmp_path / "支部.ledger"
    assert main(["new", str(path), "--name", "幸福社区党支部", "--secretary", "王海燕",
                 "--term-start", "2024-03-01", "--term-years", "5",
                 "--groups", "第一党小组,第二党小组"]) == 0
    out = capsys.readouterr().out
    assert "已新建台账" in out and "--term-start" not in out
    with Ledger.open(path, readonly=True) as ledger:
        settings = ledger.settings()
        assert settings["org_name"] == "幸福社区党支部"
        assert settings["_pack"] == "party_branch"
        assert settings["term_start"] == "2024-03-01" and settings["term_years"] == 5
        assert ledger.party_groups() == ["第一党小组", "第二党小组"]
        assert sum(ledger.records.counts().values()) == 0
    # Never over an existing file; a bad date and an unknown pack are plain errors.
    assert main(["new", str(path), "--name", "另一个"]) == 2
    assert "已存在" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "b.ledger"), "--name", "x", "--term-start", "2024-13-01"]) == 2
    assert "不是有效日期" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "c.ledger"), "--name", "x", "--pack", "nosuch"]) == 2
    assert "没有“nosuch”类型" in capsys.readouterr().err
    assert not (tmp_path / "b.ledger").exists() and not (tmp_path / "c.ledger").exists()
    # 组织类型 from the pack's own list; another is refused, nothing made.
    assert main(["new", str(tmp_path / "e.ledger"), "--name", "x", "--org-type", "党总支"]) == 0
    with Ledger.open(tmp_path / "e.ledger", readonly=True) as general:
        assert general.settings()["org_type"] == "党总支"
    capsys.readouterr()
    assert main(["new", str(tmp_path / "f.ledger"), "--name", "x", "--org-type", "工会"]) == 2
    assert "“工会”不是" in capsys.readouterr().err and not (tmp_path / "f.ledger").exists()
    # Without the term's start nothing can warn of 换届: said, not refused.
    assert main(["new", str(tmp_path / "d.ledger"), "--name", "x", "--term-years", "5"]) == 0
    assert "没有填写本届任期开始日期（--term-start）" in capsys.readouterr().out


def test_a_mistyped_command_lists_the_commands_instead_of_opening_a_window(capsys, tmp_path,
                                                                            monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["chek", "x"]) == 2
    err = capsys.readouterr().err
    assert "“chek”既不是命令，也不是已有的台账文件" in err and "check" in err and "print" in err
    assert not (tmp_path / "chek").exists()


def make_branch(tmp_path: Path) -> Path:
    path = tmp_path / "b.ledger"
    main(["new", str(path), "--name", "测试支部", "--term-start", "2021-06-01",
          "--term-years", "5"])
    with Ledger.open(path) as ledger:
        ledger.update_settings({"kept_since": "2025-01-01"})
        for n in range(3):
            ledger.records.insert("roster", {
                "name": f"党员{n}", "gender": "男", "birth_date": "1980-01-01",
                "member_class": "正式党员", "status": "在册", "joined_date": "2000-07-01"})
        for month in (1, 4, 7):
            ledger.records.insert("meeting", {"kinds": ["支部党员大会", "主题党日", "党课"],
                                              "date": f"2025-{month:02d}-10", "topic": "学习"})
    return path


def test_check_prints_findings_with_their_why_and_exit_status(tmp_path: Path, capsys):
    path = make_branch(tmp_path)
    # Mid-February: January's 主题党日 was held, February's is still due (info only).
    assert main(["check", str(path), "--as-of", "2025-02-10"]) == 0   # reminders only
    out = capsys.readouterr().out
    assert "[提示] 2025年2月尚未召开主题党日（本期到 2025年2月28日 结束）" in out
    assert "换届" not in out

    assert main(["check", str(path), "--as-of", "2025-08-15", "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    by_rule = {(f["rule"], f["period"]["label"]): f for f in findings}
    missed = by_rule[("cadence.theme_day", "2025年2月")]
    assert missed["severity"] == "warn" and missed["category"] == "activities"
    assert missed["period"] == {"from": "2025-02-01", "to": "2025-02-28", "label": "2025年2月"}
    assert missed["subject"] == {"kind": "requirement", "label": "主题党日", "id": "theme_day"}
    assert missed["why"] == ("2025年2月没有召开主题党日（《中国共产党支部工作条例（试行）》："
                             "党支部每月相对固定 1 天开展主题党日）")
    assert by_rule[("cadence.theme_day", "2025年8月")]["severity"] == "info"
    assert ("cadence.branch_assembly", "2025年第三季度") not in by_rule   # held 10 July
    assert {"rule", "severity", "category", "period", "subject", "why", "records"} <= set(missed)


def test_check_exits_0_when_only_reminders_remain_and_2_on_error(tmp_path: Path, capsys):
    path = tmp_path / "b.ledger"
    main(["new", str(path), "--name", "测试支部"])
    capsys.readouterr()
    # A fresh ledger with no one on the roster owes no meetings yet; the year's
    # documents and checklists are reminders while the year runs.
    assert main(["check", str(path), "--json"]) == 0
    assert {f["severity"] for f in json.loads(capsys.readouterr().out)} <= {"info"}
    assert main(["check", str(tmp_path / "missing.ledger")]) == 2
    assert "找不到台账文件" in capsys.readouterr().err
    assert main(["check", str(path), "--as-of", "2025-02-30"]) == 2
