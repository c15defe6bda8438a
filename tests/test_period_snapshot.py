"""A printout of a period shows the ledger as it stood at the period's end: the roster of
members then in the branch (each as they were then), the committee then in office, and
填报日期 the period's last day — never facts or dates from after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from roster_support import MEMBER

D = dt.date


def test_period_end_and_filled_on() -> None:
    from ledger_app.rules.snapshot import as_of, filled_on, period_end

    assert period_end(2025) == D(2025, 12, 31)
    assert period_end(2025, "2025-06-30") == D(2025, 6, 30)
    assert period_end(None, "2025-06") == D(2025, 6, 30)     # a month runs to its last day
    assert period_end(None) is None
    # A finished year is dated its last day; the running one today.
    assert filled_on(D(2025, 12, 31), D(2026, 3, 1)) == D(2025, 12, 31)
    assert filled_on(D(2026, 12, 31), D(2026, 3, 1)) == D(2026, 3, 1)
    assert filled_on(D(2025, 12, 31), D(2026, 3, 1), D(2026, 1, 5)) == D(2026, 1, 5)
    assert as_of(None, D(2026, 3, 1)) == D(2026, 3, 1)


def test_a_member_as_they_stood_on_a_day(ledger) -> None:
    from ledger_app.rules.snapshot import member_as_of

    rt = ledger.pack.record_type("roster")
    later = {"name": "甲", "status": "转出", "left_date": "2026-02-10",
             "member_class": "正式党员", "joined_date": "2024-11-01",
             "confirmed_date": "2026-01-05", "birth_date": "1990-01-01"}
    then = member_as_of(rt, later, D(2025, 12, 31))
    assert then["status"] == "在册" and then["left_date"] is None
    assert then["member_class"] == "预备党员" and then["confirmed_date"] is None
    assert then["joined_date"] == "2024-11-01" and then["birth_date"] == "1990-01-01"
    # On the day itself, and with a month-only date in that month, nothing changes.
    same = member_as_of(rt, dict(later, left_date="2025-12-31"), D(2025, 12, 31))
    assert same["status"] == "转出" and same["left_date"] == "2025-12-31"
    month = member_as_of(rt, dict(later, confirmed_date="2025-12"), D(2025, 12, 31))
    assert month["member_class"] == "正式党员"


@pytest.fixture
def changed_in_2026(ledger):
    """A branch whose 2026 differs from its 2025: one member admitted, one gone, one
    confirmed, one re-elected committee."""
    r = ledger.records
    stay = r.insert("roster", dict(MEMBER, name="常青", joined_date="2000-07-01", seq=1))
    gone = r.insert("roster", dict(MEMBER, name="转走", joined_date="2001-07-01", seq=2,
                                   status="转出", left_date="2026-02-10"))
    r.insert("roster", dict(MEMBER, name="后来", joined_date="2026-03-15", seq=3,
                            member_class="预备党员"))
    r.insert("roster", dict(MEMBER, name="新转正", joined_date="2025-01-05", seq=4,
                            confirmed_date="2026-01-05"))
    r.insert("roster", dict(MEMBER, name="早走", joined_date="2001-07-01", seq=5,
                            status="转出", left_date="2024-05-01"))
    r.insert("committee", {"member": stay, "post": "书记", "term_start": "2021-04-01",
                           "term_end": "2026-03-31"})
    r.insert("committee", {"member": gone, "post": "组织委员", "term_start": "2021-04-01",
                           "term_end": "2026-03-31", "note": "旧届"})
    r.insert("committee", {"member": stay, "post": "副书记", "term_start": "2026-04-01",
                           "term_end": "2031-03-31", "note": "新届"})
    return ledger


def page_text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)


def test_a_past_year_roster_and_committee_print_as_they_stood(changed_in_2026,
                                                              tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.table import render_table

    roster = tmp_path / "名册.pdf"
    render_table(changed_in_2026, "roster", roster, year=2025)
    text = page_text(roster)
    assert "填报日期：2025年12月31日" in text
    assert "常青" in text and "转走" in text and "新转正" in text
    assert "后来" not in text and "早走" not in text
    assert "2026" not in text                   # nothing dated after the year
    gone_line = next(line for line in text.splitlines() if "转走" in line)
    assert "在册" in gone_line and "转出" not in gone_line
    new_line = next(line for line in text.splitlines() if "新转正" in line)
    assert "预备党员" in new_line

    committee = tmp_path / "班子.pdf"
    render_table(changed_in_2026, "committee", committee, year=2025)
    text = page_text(committee)
    assert "旧届" in text and "书记" in text and "新届" not in text
    # The ledger as it is now: every member, dated today.
    now = tmp_path / "现在.pdf"
    render_table(changed_in_2026, "roster", now)
    text = page_text(now)
    assert "后来" in text and "早走" in text
    today = dt.date.today()
    assert f"填报日期：{today.year}年{today.month}月{today.day}日" in text


def test_binder_of_a_past_year_and_a_chosen_date(changed_in_2026, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.binder import render_binder

    out = tmp_path / "binder.pdf"
    render_binder(changed_in_2026, out, 2025, categories=["team"], filled_on="2026-01-08")
    text = page_text(out)
    assert "后来" not in text and "新届" not in text and "旧届" in text
    assert "填报日期：2026年1月8日" in text and "填报日期：2025年12月31日" not in text


def test_cli_date_option_and_a_bad_date(changed_in_2026, tmp_path: Path, capsys) -> None:
    from ledger_app.cli.main import main

    path = changed_in_2026.path
    changed_in_2026.close()
    out = tmp_path / "名册.pdf"
    assert main(["print", "table", str(path), "--type", "roster", "--year", "2025",
                 "--date", "2026-01-20", "-o", str(out)]) == 0
    assert "填报日期：2026年1月20日" in page_text(out)
    assert main(["print", "table", str(path), "--type", "roster", "--year", "2025",
                 "--date", "2026-13-40", "-o", str(tmp_path / "x.pdf")]) != 0
    assert "填报日期 2026-13-40 不对" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_development_record_as_it_stood(ledger) -> None:
    """The stage a person had reached by the day: the last dated step on or before it."""
    from ledger_app.rules.snapshot import development_as_of

    rt = ledger.pack.record_type("development")
    record = {"name": "孙飞", "stage": "预备党员", "application_date": "2025-01-05",
              "activist_date": "2025-09-02", "target_date": "2026-10-06",
              "admission_date": "2027-11-20", "note": "x"}
    then = development_as_of(rt, record, D(2025, 12, 31))
    assert then["stage"] == "入党积极分子"
    assert then["target_date"] is None and then["admission_date"] is None
    assert then["activist_date"] == "2025-09-02"
    assert development_as_of(rt, record, D(2026, 10, 6))["stage"] == "发展对象"   # that day
    assert development_as_of(rt, record, D(2028, 1, 1)) == record                 # nothing later
    # Steps without dates: the stored stage stands (nothing says it was different).
    bare = {"name": "甲", "stage": "发展对象", "application_date": "2024-03-01",
            "confirm_approval_date": "2026-05-01"}
    assert development_as_of(rt, bare, D(2025, 12, 31))["stage"] == "入党申请人"
    undated = {"name": "乙", "stage": "发展对象", "application_date": "2024-03-01"}
    assert development_as_of(rt, undated, D(2025, 12, 31))["stage"] == "发展对象"


def test_a_past_year_development_register(ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.table import render_table

    ledger.records.insert("development", {
        "name": "孙飞", "gender": "男", "stage": "发展对象", "application_date": "2025-01-05",
        "activist_date": "2025-09-02", "target_date": "2026-10-06"})
    out = tmp_path / "发展.pdf"
    render_table(ledger, "development", out, year=2025)
    text = page_text(out)
    line = next(ln for ln in text.splitlines() if "孙飞" in ln)
    assert "入党积极分子" in line and "发展对象" not in line and "2026" not in text


def test_a_receipt_that_came_back_later_was_not_back_yet(ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.table import render_table
    from ledger_app.rules.snapshot import transfer_as_of

    rt = ledger.pack.record_type("transfer")
    record = {"name": "甲", "receipt_returned": True, "receipt_date": "2026-01-12"}
    assert transfer_as_of(rt, record, D(2025, 12, 31)) == {
        "name": "甲", "receipt_returned": False, "receipt_date": None}
    assert transfer_as_of(rt, record, D(2026, 1, 12)) == record
    ledger.records.insert("transfer", {"direction": "转出", "member_name": "跨年转出",
                                       "member_class": "正式党员", "date": "2025-12-20",
                                       "receipt_returned": True, "receipt_date": "2026-01-12"})
    out = tmp_path / "转接.pdf"
    render_table(ledger, "transfer", out, year=2025)
    text = page_text(out)
    assert "跨年转出" in text and "2026" not in text
