"""The main window's panes on their own: each works without the window, says what happened
with signals, and none of them imports the window."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from ledger_app.ui.category_tree import CategoryTree
from ledger_app.ui.record_pane import ALL_YEARS, RecordTablePane


def add_people(ledger, names):
    return [ledger.records.insert("roster", {
        "name": name, "gender": "女", "member_class": "正式党员", "status": "在册",
        "birth_date": "1980-01-01"}) for name in names]


def test_the_record_table_pane_alone(qtbot, runner, ledger) -> None:
    ids = add_people(ledger, ["甲", "乙", "丙"])
    pane = RecordTablePane(runner)
    qtbot.addWidget(pane)
    counts, wanted, deleted = [], [], []
    pane.count_changed.connect(counts.append)
    pane.record_wanted.connect(lambda *args: wanted.append(args))
    pane.records_deleted.connect(deleted.append)
    pane.set_ledger(ledger)
    pane.fill_years([2025], None)
    assert pane.year_box.currentText() == ALL_YEARS and pane.current_year() is None
    pane.show()

    with qtbot.waitSignal(pane.reloaded, timeout=5000):
        pane.show_type("roster")
    assert counts[-1] == "共 3 条"
    assert pane.current_type_key() == "roster" and pane.current_record_id() == ids[0]

    pane.edit_current()
    pane.new_record()
    assert wanted == [("roster", ids[0], ids, {}), ("roster", None, [], {})]

    with qtbot.waitSignal(pane.selection_changed):
        pane.move_record(1)
    assert pane.current_record_id() == ids[1]

    pane.delete_selected()
    box = pane.delete_question
    assert isinstance(box, QMessageBox) and "删除这条党员名册：“乙”？" in box.text()
    [yes] = [b for b in box.buttons() if b.text() == "删除"]
    with qtbot.waitSignal(pane.records_deleted, timeout=5000):
        yes.click()
    assert deleted == [ids[2]]   # the row below is selected after the deletion
    with qtbot.waitSignal(pane.reloaded, timeout=5000):
        pane.reload(deleted[0])
    assert counts[-1] == "共 2 条" and pane.current_record_id() == ids[2]

    pane.delete_selected()   # the last row: the one above it is selected next
    [yes] = [b for b in pane.delete_question.buttons() if b.text() == "删除"]
    with qtbot.waitSignal(pane.records_deleted, timeout=5000):
        yes.click()
    assert deleted[-1] == ids[0]
    pane.set_ledger(None)
    assert pane.model is None and pane.reader is None


def test_the_category_tree_alone(qtbot, ledger) -> None:
    tree = CategoryTree(ledger.pack)
    qtbot.addWidget(tree)
    picked, home = [], []
    tree.type_selected.connect(picked.append)
    tree.home_selected.connect(lambda: home.append(True))
    tree.select_category(1)
    tree.select_type("meeting")
    tree.set_counts({"roster": 3, "meeting": 2})
    assert picked == [ledger.pack.categories[0].record_types[0].key, "meeting"]
    assert tree.count_of("roster") == 3 and tree.count_of("meeting") == 2
    tree.setCurrentItem(tree.topLevelItem(0))
    assert home == [True]


def test_no_pane_imports_the_window() -> None:
    code = ("import sys\n"
            "import ledger_app.ui.record_pane, ledger_app.ui.category_tree\n"
            "import ledger_app.ui.window_records, ledger_app.ui.window_menus\n"
            "import ledger_app.ui.output_actions, ledger_app.ui.safety_actions\n"
            "import ledger_app.ui.home_page\n"
            "assert 'ledger_app.ui.main_window' not in sys.modules, 'a pane imports the window'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
