"""民主评议 as one batch table (pytest-qt, offscreen) on a real ledger file: every member in
the branch on the 评议 date is listed, grades are typed per row, the 1/3 and everyone-graded
checks show as typed, and saving writes one record per member and year (updating, not
duplicating, on a second save)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger_app.store import Ledger
from ledger_app.ui.main_window import MainWindow


def member(ledger, name, **extra):
    return ledger.records.insert("roster", {
        "name": name, "gender": "女", "birth_date": "1980-02-03", "member_class": "正式党员",
        "status": "在册", "joined_date": "2010-07-01", **extra})


@pytest.fixture
def ledger(tmp_path: Path, org):
    path = tmp_path / "支部.ledger"
    with Ledger.create(path, org) as made:
        for n, name in enumerate(("甲", "乙", "丙", "丁"), 1):
            member(made, name, seq=n)
        member(made, "新人", seq=5, joined_date="2026-03-01", member_class="预备党员")
        member(made, "已转出", seq=6, status="转出", left_date="2025-06-01")
    opened = Ledger.open(path)
    yield opened
    opened.close()


def set_cell(dialog, row, column, text):
    dialog.table.item(row, column).setText(text)


def test_a_round_in_one_table(qtbot, runner, ledger, tmp_path):
    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    action = window.menus.actions["evaluation_round"]
    assert action.isEnabled()
    action.trigger()
    dialog = window.dialogs.evaluation_dialog
    dialog.year_box.setValue(2025)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4 and bool(dialog.rows), timeout=10000)
    # In the branch on 2025-12-31: not the newcomer of 2026, not the one who left in June.
    assert [dialog.table.item(r, 0).text() for r in range(4)] == ["甲", "乙", "丙", "丁"]
    set_cell(dialog, 0, 3, "优秀")
    # A third of the 4 正式党员 in the table, not of those graded so far (1 of 1).
    assert "三分之一" not in dialog.checks.text()
    set_cell(dialog, 1, 3, "优秀")
    assert "优秀超过正式党员的三分之一（最多 1 人）" in dialog.checks.text()   # 2 of 4
    set_cell(dialog, 2, 3, "合格")
    assert "优秀超过正式党员的三分之一（最多 1 人）" in dialog.checks.text()
    assert "还有 1 人没有评定等次" in dialog.checks.text()
    set_cell(dialog, 1, 3, "合格")
    set_cell(dialog, 1, 4, "积极参加组织生活")
    set_cell(dialog, 3, 1, "本人自评：合格")
    dialog.save()
    assert "第 4 行丁填了内容但没有评定等次" in dialog.status.text()
    assert ledger.records.count("evaluation") == 0
    set_cell(dialog, 3, 3, "基本合格")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    assert "新增 4 条" in dialog.status.text()
    got = {ledger.records.member_name(r["member"]): r for r in ledger.records.list("evaluation")}
    assert {k: v["grade"] for k, v in got.items()} == {"甲": "优秀", "乙": "合格", "丙": "合格",
                                                       "丁": "基本合格"}
    assert got["乙"]["branch_comment"] == "积极参加组织生活" and got["甲"]["for_year"] == 2025
    qtbot.waitUntil(lambda: bool(dialog.rows) and dialog.rows[0].record_id is not None, timeout=10000)
    set_cell(dialog, 2, 3, "优秀")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    assert "新增 0 条，修改 1 条" in dialog.status.text()
    assert ledger.records.count("evaluation") == 4
    from PySide6.QtWidgets import QApplication

    from ledger_app.ui.qt_fonts import install_ui_font

    install_ui_font(QApplication.instance())
    dialog.grab().save(str(tmp_path / "evaluation_round.png"))
    dialog.close()


def test_a_probationary_member_takes_part_without_a_grade(qtbot, runner, ledger):
    # On 2026-12-31: 新人 was admitted on 2026-03-01 (预备党员); 晚转正 is recorded as
    # 正式党员 but confirmed on 2027-01-05, so was still a 预备党员 that day; 已转正 was
    # confirmed on 2026-12-31 itself, a 正式党员 that day.
    member(ledger, "晚转正", seq=7, joined_date="2026-01-05", confirmed_date="2027-01-05")
    member(ledger, "已转正", seq=8, joined_date="2025-12-31", confirmed_date="2026-12-31")
    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    window.menus.actions["evaluation_round"].trigger()
    dialog = window.dialogs.evaluation_dialog
    dialog.year_box.setValue(2026)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 7 and bool(dialog.rows), timeout=10000)
    assert [dialog.table.item(r, 0).text() for r in range(7)] == [
        "甲", "乙", "丙", "丁", "新人（预备党员）", "晚转正（预备党员）", "已转正"]
    for row, grade in enumerate(("优秀", "合格", "合格", "合格", "", "", "优秀")):
        set_cell(dialog, row, 3, grade)
    # 2 优秀 of 5 正式党员: more than a third (at most 1); the two 预备党员 not counted.
    assert dialog.checks.text().startswith("参评 7 人，已评定 5 人，优秀 2 人；预备党员 2 人不评定等次")
    assert "优秀超过正式党员的三分之一（最多 1 人）" in dialog.checks.text()
    assert "没有评定等次" not in dialog.checks.text()
    set_cell(dialog, 6, 3, "合格")
    assert "三分之一" not in dialog.checks.text()
    set_cell(dialog, 5, 3, "合格")
    dialog.save()
    assert "第 6 行晚转正是预备党员，参加评议但不评定等次" in dialog.status.text()
    assert ledger.records.count("evaluation") == 0
    set_cell(dialog, 5, 3, "")
    set_cell(dialog, 4, 1, "按时参加组织生活")       # a 预备党员's row without a grade is saved
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    assert "新增 6 条" in dialog.status.text()
    got = {ledger.records.member_name(r["member"]): r["grade"]
           for r in ledger.records.list("evaluation")}
    assert got == {"甲": "优秀", "乙": "合格", "丙": "合格", "丁": "合格", "新人": None,
                   "已转正": "合格"}
    dialog.close()
