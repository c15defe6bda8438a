"""A 关工委 and a 工会 ledger in the window: their own tree, home page, checklist and forms;
and the new-ledger form creating the organisation type picked."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from ledger_app.demo import create_demo
from ledger_app.forms.packs import installed_pack
from ledger_app.store import Ledger
from ledger_app.ui.errors import open_error_dialogs
from ledger_app.ui.main_window import MainWindow
from ledger_app.ui.record_form import RecordDialog
from ledger_app.ui.start_dialog import NewLedgerPanel

TODAY = date(2026, 6, 30)
SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


@pytest.fixture(scope="module")
def demo_paths(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pack_demos")
    return {key: create_demo(folder / f"{key}.ledger", today=TODAY, pack=key)
            for key in ("ggw", "union")}


def open_window(path: Path, runner, qtbot) -> MainWindow:
    window = MainWindow(Ledger.open(path), runner)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert runner.wait_idle()
    return window


@pytest.mark.slow
@pytest.mark.parametrize("key, roster_label, checklist, words", [
    ("ggw", "“五老”队伍名册", "六好基层关工委", ("关工委例会", "“五老”")),
    ("union", "会员名册", "六好乡镇基层工会", ("会员（代表）大会", "工会")),
])
def test_pack_ledger_opens_with_its_own_tree_home_page_and_forms(
        key, roster_label, checklist, words, demo_paths, runner, qtbot):
    pack = installed_pack(key)
    window = open_window(demo_paths[key], runner, qtbot)
    try:
        tree = window.tree
        tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        assert tops == ["首页（自查）", *[c.label for c in pack.categories]]
        assert window.showing_home()
        home_text = " ".join(w.text() for w in window.home.findChildren(QLabel))
        for word in words:
            assert word in home_text or word in _table_texts(window.home), word
        assert "党员" not in home_text and "党小组" not in home_text
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SHOTS / f"{key}-home.png"))

        people = pack.record_type(pack.member_type)
        assert tree.count_of(people.key) >= 20
        tree.select_type(people.key)
        assert runner.wait_idle()
        headers = [window.table_pane.model.headerData(i, _horizontal())
                   for i in range(window.table_pane.model.columnCount())]
        assert people.field_for("person_name").label in headers
        assert "入党日期" not in headers and "党小组" not in headers
        window.grab().save(str(SHOTS / f"{key}-roster.png"))

        # The meeting form: the attendance editor lists those due, with the pack's words.
        meetings = pack.type_for("meetings")
        tree.select_type(meetings.key)
        assert runner.wait_idle()
        window.table_pane.table.selectRow(0)
        window.edit_current()
        assert runner.wait_idle()
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, RecordDialog) and w.isVisible()]
        assert dialogs, "the meeting's form did not open"
        form = dialogs[0]
        form_text = " ".join(w.text() for w in form.findChildren(QLabel))
        assert "党员" not in form_text
        form.grab().save(str(SHOTS / f"{key}-meeting.png"))
        form.close()
        assert checklist in {c.label for c in pack.checklists}
        assert not open_error_dialogs()
    finally:
        window.close()
        runner.wait_idle()


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _table_texts(widget) -> str:
    from PySide6.QtWidgets import QListWidget, QTableWidget

    out = []
    for lst in widget.findChildren(QListWidget):
        out += [lst.item(i).text() for i in range(lst.count())]
    for table in widget.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            header = table.verticalHeaderItem(r)
            if header is not None:
                out.append(header.text())
            for c in range(table.columnCount()):
                item = table.item(r, c)
                if item is not None:
                    out.append(item.text())
    return " ".join(out)


@pytest.mark.parametrize("org_type, pack_key, secretary_label", [
    ("关工委", "ggw", "执行主任"), ("工会", "union", "工会主席"), ("党支部", "party_branch", "书记"),
])
def test_new_ledger_form_creates_the_organisation_type_picked(
        org_type, pack_key, secretary_label, runner, qtbot, tmp_path):
    panel = NewLedgerPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    created: list[Ledger] = []
    panel.created.connect(created.append)
    form = panel.form
    form.org_type.setCurrentIndex(form.org_type.findText(org_type))
    assert form.layout().labelForField(form.secretary).text() == secretary_label
    form.org_name.setText(f"测试{org_type}")
    panel.path_edit.setText(str(tmp_path / "新台账.ledger"))
    panel.create_button.click()
    assert runner.wait_idle()
    qtbot.waitUntil(lambda: bool(created), timeout=5000)
    ledger = created[0]
    try:
        assert ledger.pack.key == pack_key
        assert ledger.setting("org_type") == org_type
    finally:
        ledger.close()
    with Ledger.open(tmp_path / "新台账.ledger", readonly=True) as again:
        assert again.pack.key == pack_key


@pytest.mark.slow
def test_start_dialog_demo_of_the_kind_picked_opens_a_ggw_ledger(runner, qtbot):
    from ledger_app.ui.app import AppController

    controller = AppController(QApplication.instance())
    try:
        start = controller.show_start()
        start.demo_kind.setCurrentIndex(start.demo_kind.findData("ggw"))
        assert start.demo_kind.currentText() == "演示：关工委"
        start.demo_button.click()
        assert controller.runner.wait_idle(120000)
        assert not open_error_dialogs()
        window = controller.window
        assert window is not None and window.ledger.pack.key == "ggw"
        assert window.tree.count_of("roster") >= 20
    finally:
        if controller.window is not None:
            controller.window.close()
        if controller.start is not None:
            controller.start.close()
        controller.shutdown()


# Words a 关工委 or 工会 window must not show: it has no Party members, dues or branch.
PARTY_WORDS = re.compile("党员|党费|党支部|党小组|党徽|党工委|六有|五优|民主评议|中国共产党")


def _shown_texts(widget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLineEdit, QWidget

    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QComboBox):
            view = child.view()
            texts += [child.itemText(i) for i in range(child.count())
                      if not view.isRowHidden(i)]
        texts.append(child.toolTip())
    return texts


def _binder_print_texts(window, runner, qtbot) -> list[str]:
    """What the print window shows with 全年装订册 chosen."""
    from ledger_app.ui.print_dialog import PrintDialog

    printing = PrintDialog(window.ledger, runner, window)
    qtbot.addWidget(printing)
    printing.show()
    choice = printing.choice
    choice.product.setCurrentIndex(choice.product.findData("binder"))
    texts = _shown_texts(printing)
    printing.close()
    return texts


@pytest.mark.parametrize("key", ["ggw", "union"])
def test_a_pack_window_menus_settings_and_print_speak_its_own_words(key, runner, qtbot,
                                                                     tmp_path):
    """The records menu, 组织设置 and the print window of a 关工委 or 工会 ledger offer
    nothing of a Party branch's (党费, 民主评议, 发展党员, 党徽, the 支部工作条例)."""
    from PySide6.QtWidgets import QMenu

    from ledger_app.ui.settings_dialog import SettingsDialog

    pack = installed_pack(key)
    path = tmp_path / f"{key}.ledger"
    Ledger.create(path, {"org_name": f"测试{pack.short_label}",
                         "org_type": pack.org_types[0]}, pack).close()
    window = open_window(path, runner, qtbot)
    try:
        shown = []
        for top in window.menuBar().actions():
            menu = top.menu()
            assert isinstance(menu, QMenu)
            menu.aboutToShow.emit()
            shown += [a.text() for a in menu.actions() if a.isVisible()]
        assert not PARTY_WORDS.findall(" ".join(shown)), shown
        assert window.menus.actions["delete"].isVisible()   # the others stay

        settings = SettingsDialog(window.ledger, runner)
        qtbot.addWidget(settings)
        settings.show()
        assert runner.wait_idle()
        texts = _shown_texts(settings)
        assert dict(pack.org_labels)["secretary"] in texts
        assert pack.basis in " ".join(texts)
        assert not PARTY_WORDS.findall(" ".join(texts)), sorted(
            t for t in texts if PARTY_WORDS.search(t))
        settings.close()

        texts = _binder_print_texts(window, runner, qtbot)
        assert "徽标" in texts and "不印徽标" in texts
        assert not PARTY_WORDS.findall(" ".join(texts)), sorted(
            t for t in texts if PARTY_WORDS.search(t))
    finally:
        window.close()
        runner.wait_idle()


def test_a_party_branch_window_keeps_its_dues_and_emblem(runner, qtbot, tmp_path):
    path = tmp_path / "支部.ledger"
    Ledger.create(path, {"org_name": "测试党支部"}).close()
    window = open_window(path, runner, qtbot)
    try:
        for key in ("dues_grid", "evaluation_round", "development_timeline"):
            assert window.menus.actions[key].isVisible(), key
        texts = _binder_print_texts(window, runner, qtbot)
        assert "党徽" in texts and "内置矢量党徽" in texts and "党费收缴登记表" in texts
    finally:
        window.close()
        runner.wait_idle()
