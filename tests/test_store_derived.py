"""Facts derived from a ledger are kept between reads (``store.derived``) and never survive
a change: a write through any path of this program, a commit by another process, a
rolled-back transaction, an import and its undo. Real ledger files throughout."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from ledger_app.rules.check import check_ledger
from ledger_app.rules.gather import read_dues_year, year_facts
from ledger_app.store import Ledger

AS_OF = dt.date(2025, 12, 15)
SRC = Path(__file__).resolve().parents[1] / "src"


def member(ledger: Ledger, name: str) -> int:
    return ledger.records.insert("roster", {
        "name": name, "gender": "女", "birth_date": "1980-02-03", "member_class": "正式党员",
        "status": "在册", "joined_date": "2010-07-01", "dues_base": "4000"})


def names(ledger: Ledger, year: int = 2025) -> set[str]:
    return {m.name for m in year_facts(ledger, year).members}


def test_unchanged_ledger_is_read_once_and_any_write_is_seen(ledger):
    member(ledger, "甲")
    first = year_facts(ledger, 2025)
    assert year_facts(ledger, 2025) is first            # kept while nothing changed
    b = member(ledger, "乙")                             # records.insert
    assert names(ledger) == {"甲", "乙"}
    ledger.records.update(b, {"name": "乙二"})
    assert names(ledger) == {"甲", "乙二"}
    ledger.records.delete(b)                             # to the recycle bin
    assert names(ledger) == {"甲"}
    ledger.records.restore(b)
    assert names(ledger) == {"甲", "乙二"}
    ledger.update_settings({"term_years": 3})            # a setting, not a record
    assert year_facts(ledger, 2025).org.term_years == 3


def test_attendance_and_dues_writes_reach_the_check_and_the_grid(ledger):
    a = member(ledger, "甲")
    meeting = ledger.records.insert("meeting", {
        "kinds": ["支部党员大会"], "date": "2025-03-10", "topic": "学习", "place": "会议室"})
    from ledger_app.store.attendance import Presence

    assert [m.present for m in year_facts(ledger, 2025).meetings] == [0]
    ledger.attendance.set(meeting, [Presence(a, "present")])
    assert [(m.due, m.present) for m in year_facts(ledger, 2025).meetings] == [(1, 1)]

    grid = read_dues_year(ledger, 2025, AS_OF)
    assert read_dues_year(ledger, 2025, AS_OF) is grid
    assert grid.rows[0].cells[2].state == "missing"      # March: nothing recorded
    ledger.records.insert("dues", {"member": a, "month": "2025-03", "base": "4000",
                                   "rate": "1%", "due": "40", "paid": "40"})
    assert read_dues_year(ledger, 2025, AS_OF).rows[0].cells[2].state == "paid"
    assert check_ledger(ledger, 2025, AS_OF).facts.dues.paid[a] == frozenset({"2025-03"})


def test_a_rolled_back_write_leaves_nothing_behind(ledger):
    member(ledger, "甲")
    assert names(ledger) == {"甲"}
    try:
        with ledger.transaction():
            member(ledger, "乙")
            assert names(ledger) == {"甲", "乙"}         # read inside: not kept
            raise RuntimeError("cancelled")
    except RuntimeError:
        pass
    assert names(ledger) == {"甲"}


def test_a_commit_by_another_process_is_seen_by_a_read_only_open(tmp_path, org):
    path = tmp_path / "两个程序.ledger"
    Ledger.create(path, org).close()
    with Ledger.open(path) as writer:
        member(writer, "甲")
    with Ledger.open(path, readonly=True) as reader:
        assert names(reader) == {"甲"}
        assert year_facts(reader, 2025) is year_facts(reader, 2025)
        script = ("import sys; from ledger_app.store import Ledger\n"
                  "with Ledger.open(sys.argv[1]) as l:\n"
                  "    l.records.insert('roster', {'name': '乙', 'gender': '男', "
                  "'birth_date': '1981-01-01', 'member_class': '正式党员', 'status': '在册', "
                  "'joined_date': '2011-07-01'})\n")
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        subprocess.run([sys.executable, "-c", script, str(path)], check=True, env=env,
                       timeout=60)
        assert names(reader) == {"甲", "乙"}


def test_an_import_and_its_undo_are_seen(ledger, tmp_path):
    from openpyxl import Workbook

    from ledger_app.outputs.xlsx.importer import apply_import, plan_import
    from ledger_app.store.import_batches import undo_import

    member(ledger, "甲")
    assert names(ledger) == {"甲"}
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "出生日期", "人员类别", "状态", "入党日期"])
    sheet.append(["丙", "男", "1985-05-05", "正式党员", "在册", "2012-07-01"])
    source = tmp_path / "名册.xlsx"
    book.save(source)
    apply_import(ledger, plan_import(ledger, source, "roster"))
    assert names(ledger) == {"甲", "丙"}
    undo_import(ledger)
    assert names(ledger) == {"甲"}


def test_switched_off_it_reads_every_time(ledger):
    member(ledger, "甲")
    ledger.derived.enabled = False
    assert year_facts(ledger, 2025) is not year_facts(ledger, 2025)


def test_a_restored_backup_is_read_anew_when_opened(tmp_path, org):
    from ledger_app.store.backups import back_up
    from ledger_app.store.restore import restore

    path = tmp_path / "恢复.ledger"
    with Ledger.create(path, org) as ledger:
        member(ledger, "甲")
        backup = back_up(ledger, tmp_path / "备份.ledger")
        member(ledger, "乙")
        assert names(ledger) == {"甲", "乙"}
    restore(backup, path)
    with Ledger.open(path) as reopened:
        assert names(reopened) == {"甲"}
