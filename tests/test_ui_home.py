"""The home page on the real demo ledger (pytest-qt, offscreen): the window opens on it, it
fills in from the worker, shows the demo's gaps, and every row leads to the records behind
it or to a new record pre-filled for the missing period.

The demo is built as of 2026-11-27, and the page judges from that day: the demo's planned
gaps (calendar.first_unit_gaps) are 2026年2月 第二党小组's 党小组会 and 2026年第三季度's 党课,
and 2025年第三季度's 支部党员大会.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from ledger_app.store import Ledger
from ledger_app.ui.errors import open_error_dialogs
from ledger_app.ui.home_grid import COLOURS
from ledger_app.ui.main_window import MainWindow
from ledger_app.ui.tasks import TaskRunner

TODAY = dt.date(2026, 11, 27)   # the day conftest's demo_file is written as of


@pytest.fixture
def window(demo_file: Path, tmp_path: Path, runner: TaskRunner, qtbot) -> MainWindow:
    path = tmp_path / "演示.ledger"
    shutil.copy(demo_file, path)
    ledger = Ledger.open(path)
    window = MainWindow(ledger, runner)
    window.home.as_of = TODAY          # before the first report is asked for
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    for dialog in open_error_dialogs():
        dialog.close()
    dialog = window.dialogs.record_dialog
    if dialog is not None:
        dialog.discard_and_close()
    window.close()
    runner.wait_idle()


def filled(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.home.data is not None, timeout=15000)
    assert window.runner.wait_idle()


def grid_cell(window: MainWindow, label: str, column: int):
    grid = window.home.grid
    row = next(r for r in range(grid.rowCount())
               if grid.verticalHeaderItem(r).text() == label)
    return row, grid.item(row, column)


def finding_row(window: MainWindow, text: str) -> int:
    rows = [r for r in range(window.home.findings.count())
            if text in window.home.findings.item(r).text()]
    assert rows, f"no finding with {text!r}"
    return rows[0]


def activate_finding(qtbot, window: MainWindow, text: str) -> None:
    findings = window.home.findings
    findings.setCurrentRow(finding_row(window, text))
    findings.setFocus()
    qtbot.keyClick(findings, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialogs.record_dialog is not None
                    and window.dialogs.record_dialog.isVisible(), timeout=5000)
    assert window.runner.wait_idle()
    qtbot.waitUntil(lambda: window.dialogs.record_dialog.form.isEnabled(), timeout=5000)


def test_the_window_opens_on_the_home_page_which_fills_in_from_the_worker(qtbot, window):
    assert window.showing_home()
    assert window.tree.currentItem().text(0) == "首页（自查）"
    assert window.home.data is None                       # painted before the report
    assert "正在按规则检查" in window.home.headline.text()
    filled(qtbot, window)
    assert window.home.year == 2026 and window.home.year_box.currentData() == 2026
    assert "检查截至 2026年11月27日" in window.home.headline.text()
    assert not window.menus.actions["new"].isEnabled()    # no table to add to here


def test_the_grid_shows_the_demo_gaps_per_group_and_quarter(qtbot, window):
    filled(qtbot, window)
    _row, feb = grid_cell(window, "党小组会（第二党小组）", 1)
    assert feb.text() == "缺"
    assert feb.background().color().name() == COLOURS["missing"]
    _row, feb_first = grid_cell(window, "党小组会（第一党小组）", 1)
    assert feb_first.text() == "✓" and feb_first.background().color().name() == COLOURS["held"]
    tip = feb_first.toolTip().splitlines()
    assert tip[0] == "2026年2月 党小组会（第一党小组）：已开" and tip[2].startswith("· 2月")
    # A quarter's cell spans its three months: the third quarter's 党课 starts in July.
    row, q3 = grid_cell(window, "党课", 6)
    assert q3.text() == "缺" and window.home.grid.columnSpan(row, 6) == 3
    # November is running on the 27th: due, not missing; December is ahead.
    _row, nov = grid_cell(window, "主题党日", 10)
    assert nov.text() in ("✓", "待")
    _row, dec = grid_cell(window, "主题党日", 11)
    assert dec.text() == "" and dec.background().color().name() == COLOURS["future"]
    _row, year = grid_cell(window, "党课", 12)
    assert year.text() == "3/4 缺 1"                      # Feb, May and Nov held; Q3 missed


def test_findings_say_why_most_serious_first_and_open_a_prefilled_record(qtbot, window):
    filled(qtbot, window)
    texts = [window.home.findings.item(r).text() for r in range(window.home.findings.count())]
    order = {"严重": 0, "需处理": 1, "提示": 2}
    ranks = [order[t[1:t.index("】")]] for t in texts]
    assert ranks == sorted(ranks)
    assert any(t.startswith("【需处理】2026年2月第二党小组没有召开党小组会（《中国共产党支部工作条例"
                            "（试行）》") for t in texts)
    assert any(t.startswith("【需处理】2026年第三季度没有召开党课") for t in texts)

    activate_finding(qtbot, window, "2026年2月第二党小组没有召开党小组会")
    dialog = window.dialogs.record_dialog
    assert dialog.record_type.key == "meeting" and dialog.entry_id is None
    values = dialog.form.values()
    assert values["kinds"] == ["党小组会"]
    assert values["party_group"] == "第二党小组"
    assert values["date"] == "2026-02-28"                 # the missing month's last day


def test_saving_the_missing_meeting_clears_the_finding_and_fills_the_cell(qtbot, window):
    filled(qtbot, window)
    activate_finding(qtbot, window, "2026年2月第二党小组没有召开党小组会")
    dialog = window.dialogs.record_dialog
    dialog.form.editors["topic"].set_value("学习党章第二章")
    before = window.home.data
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: window.home.data is not before, timeout=10000)
    assert window.runner.wait_idle()
    texts = [window.home.findings.item(r).text() for r in range(window.home.findings.count())]
    assert not any("2026年2月第二党小组没有召开党小组会" in t for t in texts)
    _row, feb = grid_cell(window, "党小组会（第二党小组）", 1)
    assert feb.text() == "✓"


def test_a_finding_with_records_opens_them(qtbot, window):
    filled(qtbot, window)
    activate_finding(qtbot, window, "“有党报党刊”记为达标，但没有佐证材料")
    dialog = window.dialogs.record_dialog
    assert dialog.record_type.key == "six_haves" and dialog.entry_id is not None
    assert dialog.form.values()["item"] == "有党报党刊"


def test_a_cell_lists_its_meetings_and_offers_a_new_one(qtbot, window):
    filled(qtbot, window)
    grid = window.home.grid
    row, _jan = grid_cell(window, "党小组会（第一党小组）", 0)
    grid.setCurrentCell(row, 0)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    menu = window.home.menu
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0].startswith("打开：1月") and texts[-1] == "新增一条会议记录（2026年1月）…"
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: window.dialogs.record_dialog is not None, timeout=5000)
    dialog = window.dialogs.record_dialog
    assert window.runner.wait_idle()
    assert dialog.entry_id is not None
    values = dialog.form.values()
    assert "党小组会" in values["kinds"] and values["date"].startswith("2026-01")
    assert values["party_group"] == "第一党小组"


def test_a_missing_cell_opens_a_new_record_for_its_period(qtbot, window):
    filled(qtbot, window)
    row, _q3 = grid_cell(window, "党课", 6)
    window.home.grid.cellClicked.emit(row, 6)
    qtbot.waitUntil(lambda: window.dialogs.record_dialog is not None, timeout=5000)
    assert window.runner.wait_idle()
    values = window.dialogs.record_dialog.form.values()
    assert values["kinds"] == ["党课"] and values["date"] == "2026-09-30"


def test_the_year_selector_follows_and_leads_the_window(qtbot, window):
    filled(qtbot, window)
    before = window.home.data
    box = window.home.year_box
    box.setCurrentIndex(box.findData(2025))
    qtbot.waitUntil(lambda: window.home.data is not before, timeout=10000)
    assert window.runner.wait_idle()
    assert window.current_year() == 2025                  # the tables follow
    texts = [window.home.findings.item(r).text() for r in range(window.home.findings.count())]
    assert any("2025年第三季度没有召开支部党员大会" in t for t in texts)
    # The window's year box leads too.
    before = window.home.data
    window.table_pane.year_box.setCurrentIndex(window.table_pane.year_box.findData(2026))
    qtbot.waitUntil(lambda: window.home.data is not before, timeout=10000)
    assert window.home.year_box.currentData() == 2026


def test_keyboard_tab_order_and_ctrl0_back_home(qtbot, window):
    filled(qtbot, window)
    home = window.home
    home.year_box.setFocus()
    qtbot.keyClick(home.year_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is home.print_button
    qtbot.keyClick(home.print_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is home.grid
    qtbot.keyClick(home.grid, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is home.findings
    window.tree.select_type("roster")
    assert not window.showing_home()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.showing_home() and window.tree.currentItem().text(0) == "首页（自查）"


def open_checklist(qtbot, window: MainWindow, key: str):
    filled(qtbot, window)
    window.home.checklists.buttons[key].click()
    dialog = window.dialogs.checklist_dialog
    qtbot.waitUntil(lambda: dialog.page is not None, timeout=10000)
    return dialog


def test_the_checklist_view_shows_every_item_with_its_requirement_and_evidence(qtbot, window):
    dialog = open_checklist(qtbot, window, "six_haves")
    table = dialog.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert list(rows) == ["有场所", "有设施", "有标志", "有党旗", "有党报党刊", "有制度"]
    press = rows["有党报党刊"]
    assert "订阅相关党报党刊" in table.item(press, 1).text()       # requirement in view
    assert table.item(press, 2).text() == "达标但缺佐证"
    assert table.item(press, 2).checkState() == Qt.CheckState.Checked
    assert table.item(press, 4).text() == "没有佐证"
    place = rows["有场所"]
    assert table.item(place, 2).text() == "达标"
    assert table.cellWidget(place, 4) is not None                # the evidence thumbnails
    assert "达标 5 项" in dialog.summary.text()
    # The home page's box shows the same, one square per item, named on hover.
    strip = window.home.checklists.findChild(QLabel, "items_six_haves")
    assert strip.text().count("■") == 6
    assert "有党报党刊：达标但缺佐证" in strip.toolTip().splitlines()
    dialog.close()


def test_an_unassessed_item_opens_a_new_record_for_the_year_and_item(qtbot, window):
    dialog = open_checklist(qtbot, window, "wuyou")
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 2) is not None
               and table.item(r, 2).text() == "未检查")
    label = table.item(row, 0).text()
    table.setCurrentCell(row, 0)
    table.cellActivated.emit(row, 0)
    qtbot.waitUntil(lambda: window.dialogs.record_dialog is not None, timeout=5000)
    assert window.runner.wait_idle()
    record = window.dialogs.record_dialog
    assert record.record_type.key == "strongest_branch" and record.entry_id is None
    values = record.form.values()
    assert values[record.record_type.key_for("checklist_year")] == 2026
    assert values[record.record_type.key_for("checklist_item")] == label
    dialog.close()


def test_nothing_is_clipped_at_1366_by_768(qtbot, window):
    filled(qtbot, window)
    home = window.home
    QApplication.processEvents()
    grid = home.grid
    # Every row and column of the grid is in view, without scrolling.
    assert not grid.horizontalScrollBar().isVisible()
    assert not grid.verticalScrollBar().isVisible()
    widest = max(grid.fontMetrics().horizontalAdvance(grid.verticalHeaderItem(r).text())
                 for r in range(grid.rowCount()))
    assert grid.verticalHeader().width() >= widest
    for column in range(12):
        assert grid.columnWidth(column) >= grid.fontMetrics().horizontalAdvance("缺 0/1")
    # The headline and the checklist summaries fit their space.
    assert home.headline.width() >= home.headline.sizeHint().width()
    assert home.findings.height() >= 120                  # several findings in view
    assert home.geometry().bottom() <= window.height()


def test_print_self_check_opens_the_print_window_on_the_years_checklist(qtbot, window):
    from pypdf import PdfReader

    filled(qtbot, window)
    window.home.print_button.click()
    dialog = window.dialogs.dialog
    qtbot.addWidget(dialog)
    assert window.runner.wait_idle(10000)
    assert dialog.current.key == "checklist" and dialog.options()["year"] == 2026
    dialog.generate()
    assert window.runner.wait_idle(60000)
    assert dialog.pdf_path is not None
    text = "".join(page.extract_text() for page in PdfReader(dialog.pdf_path).pages)
    assert "2026年度台账自查表" in text and "第二党小组" in text
    assert dialog.choice.suggested_name().endswith("2026年台账自查表.pdf")
    dialog.close()


def test_an_empty_ledger_says_why_nothing_is_due_yet(qtbot, ledger, runner):
    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    filled(qtbot, window)
    grid = window.home.grid
    assert grid.rowCount() >= 1
    assert all(grid.item(r, 0).text() == "—" for r in range(grid.rowCount()))
    assert window.home.grid_note.isVisible()
    assert "名册里还没有在册的成员" in window.home.grid_note.text()
    window.close()
    assert runner.wait_idle()


def test_a_checklists_table_offers_its_year_on_one_page(qtbot, window):
    filled(qtbot, window)
    window.tree.select_type("six_haves")
    assert window.runner.wait_idle()
    button = window.table_pane.checklist_button
    assert button.isVisible() and "六有对照表" in button.text()
    window.table_pane.year_box.setCurrentIndex(window.table_pane.year_box.findData(2025))
    assert window.runner.wait_idle()
    button.click()
    dialog = window.dialogs.checklist_dialog
    qtbot.waitUntil(lambda: dialog.page is not None, timeout=10000)
    assert dialog.year == 2025 and "2025年度" in dialog.windowTitle()
    dialog.close()
    window.tree.select_type("roster")
    assert not button.isVisible()


def test_ticking_an_item_in_the_checklist_view_saves_it(qtbot, window):
    dialog = open_checklist(qtbot, window, "wuyou")
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 2) is not None
               and table.item(r, 2).text() == "未检查")
    label = table.item(row, 0).text()
    before = dialog.page
    table.setCurrentCell(row, 2)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space)              # tick: met, no evidence yet
    qtbot.waitUntil(lambda: dialog.page is not before, timeout=10000)
    assert window.runner.wait_idle()
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == label)
    assert table.item(row, 2).text() == "达标但缺佐证"
    ledger = window.ledger
    rt = ledger.pack.record_type("strongest_branch")
    item_key, met_key, year_key = (rt.key_for(r) for r in
                                   ("checklist_item", "checklist_met", "checklist_year"))
    stored = [r for r in ledger.records.list("strongest_branch")
              if r[item_key] == label and r[year_key] == 2026]
    assert len(stored) == 1 and stored[0][met_key] is True
    # Unticked: 未达标, the same record.
    before = dialog.page
    table.item(row, 2).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: dialog.page is not before, timeout=10000)
    assert window.runner.wait_idle()
    again = [r for r in ledger.records.list("strongest_branch")
             if r[item_key] == label and r[year_key] == 2026]
    assert [r.id for r in again] == [stored[0].id] and again[0][met_key] is False
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == label)
    assert table.item(row, 2).text() == "未达标"
    assert table.item(row, 2).checkState() == Qt.CheckState.Unchecked
    dialog.close()


def test_the_charts_show_the_quarters_and_name_a_meeting_under_the_pointer(qtbot, window):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    filled(qtbot, window)
    chart = window.home.quarter_chart
    assert [label for label, _r, _h in chart.totals] == ["第一季度", "第二季度", "第三季度",
                                                        "第四季度"]
    assert chart.states == ["over", "over", "over", "running"]
    third = chart.totals[2]
    assert third[2] < third[1]                            # the third quarter's missed 党课
    dots = window.home.attendance_chart
    assert dots.rates and all(0 < rate <= 1 for _d, _t, rate in dots.rates)
    x, y = dots._points()[0]
    where = QPoint(round(x), round(y))
    QApplication.sendEvent(dots, QHelpEvent(QEvent.Type.ToolTip, where, dots.mapToGlobal(where)))
    day, topic, rate = dots.rates[0]
    assert QToolTip.text() == f"{day.month}月{day.day}日 {topic}：到会率 {rate:.0%}"


def test_a_checklist_not_yet_gone_through_opens_its_table(qtbot, window):
    filled(qtbot, window)
    findings = window.home.findings
    findings.setCurrentRow(finding_row(window, "最强支部“五优”有 8 项尚未对照检查"))
    findings.setFocus()
    qtbot.keyClick(findings, Qt.Key.Key_Return)
    dialog = window.dialogs.checklist_dialog
    qtbot.waitUntil(lambda: dialog.page is not None, timeout=10000)
    assert dialog.key == "wuyou" and dialog.year == 2026
    assert window.dialogs.record_dialog is None
    dialog.close()


def test_a_findings_records_of_several_types_open_as_one_type(demo_file: Path, tmp_path: Path):
    from ledger_app.ui.home_data import records_to_open

    path = tmp_path / "演示.ledger"
    shutil.copy(demo_file, path)
    with Ledger.open(path, readonly=True) as ledger:
        meetings = [r.id for r in ledger.records.list("meeting", 2026)[:2]]
        member = ledger.records.list("roster")[0].id
        assert records_to_open(ledger, [meetings[0], member, meetings[1]]) == \
            ("meeting", [meetings[0], meetings[1]])
        assert records_to_open(ledger, [member]) == ("roster", [member])


def test_a_record_saved_in_a_new_year_adds_that_year_to_the_home_page(qtbot, window):
    filled(qtbot, window)
    assert window.home.year_box.findData(2027) < 0
    window.ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2027-01-05",
                                             "topic": "新年党课"})
    window.refresh_all()
    assert window.runner.wait_idle()
    qtbot.waitUntil(lambda: window.home.year_box.findData(2027) >= 0, timeout=5000)
    assert window.home.year_box.currentData() == 2026     # the year shown stays


def test_a_ledger_of_many_groups_scrolls_inside_the_grid(qtbot):
    from test_rules_cadence import GROUP, facts, members

    from ledger_app.rules.cadence import cadence_rows
    from ledger_app.ui.home_grid import MAX_ROWS_SHOWN, CadenceGrid

    groups = [f"第{n}党小组" for n in range(1, 21)]
    people = [m for n, g in enumerate(groups) for m in members(2, g, start=10 * n + 1)]
    rows = cadence_rows(facts([], people, requirements=(GROUP,), groups=groups),
                        dt.date(2025, 6, 1))
    assert len(rows) == 20
    grid = CadenceGrid()
    qtbot.addWidget(grid)
    grid.resize(900, 400)
    grid.show()
    grid.set_rows(rows, 2025)
    QApplication.processEvents()
    assert grid.rowCount() == 20
    assert grid.height() < 26 * (MAX_ROWS_SHOWN + 2) + 40  # room left for the findings
    assert grid.verticalScrollBar().maximum() > 0          # the other groups scroll into view
    assert grid.item(19, 0).text() == "缺"                  # 第20党小组, January


def test_a_finding_of_months_unpaid_opens_the_dues_grid_on_the_member(qtbot, window):
    filled(qtbot, window)
    row = finding_row(window, "个月未交党费")
    text = window.home.findings.item(row).text()
    name = text[text.index("】") + 1:text.index("2026年")]          # 陈利民
    findings = window.home.findings
    findings.setCurrentRow(row)
    findings.setFocus()
    qtbot.keyClick(findings, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialogs.dues_dialog is not None
                    and window.dialogs.dues_dialog.model.rowCount() > 1, timeout=15000)
    assert window.runner.wait_idle()
    grid = window.dialogs.dues_dialog
    assert grid.year == 2026
    current = grid.table.currentIndex()
    assert grid.model.data(grid.model.index(current.row(), 0)) == name
    assert current.column() == 8                          # August, the first month unpaid
    assert "未交" in grid.model.data(current)
    grid.close()


def test_a_member_without_a_grade_opens_the_years_evaluation_round(qtbot, window):
    ledger = window.ledger
    ids = [i for i in ledger.records.ids("evaluation")
           if ledger.records.get(i)["for_year"] == 2025 and ledger.records.get(i)["grade"] == "合格"]
    ledger.records.delete(ids[0])                 # one 正式党员 of 2025 left without a grade
    filled(qtbot, window)
    before = window.home.data
    window.home.year_box.setCurrentIndex(window.home.year_box.findData(2025))
    qtbot.waitUntil(lambda: window.home.data is not before, timeout=10000)
    assert window.runner.wait_idle()
    findings = window.home.findings
    findings.setCurrentRow(finding_row(window, "还没有评定等次"))
    findings.setFocus()
    qtbot.keyClick(findings, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialogs.evaluation_dialog is not None
                    and bool(window.dialogs.evaluation_dialog.rows), timeout=15000)
    dialog = window.dialogs.evaluation_dialog
    assert dialog.year == 2025
    assert "还有 1 人没有评定等次" in dialog.checks.text()
    dialog.close()
