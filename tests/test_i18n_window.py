"""The main window in English, on the demo ledger: every menu item, toolbar button,
status-bar label and the title read in English; what stays Chinese is the ledger's data
(the organisation's name, the pack's categories, record types and field labels, the
ledger's file name)."""

from __future__ import annotations

import shutil
from pathlib import Path

from english_support import chinese_left
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QToolBar

from ledger_app.store import Ledger


def _menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    menu.aboutToShow.emit()   # 最近打开 and 输出 fill or update themselves when opened
    found = [(f"{where} › menu", menu.title())]
    for action in menu.actions():
        if action.isSeparator():
            continue
        name = f"{where} › {action.text() or action.objectName()}"
        found += [(name, action.text()), (f"{name} (tip)", action.statusTip())]
        if action.menu() is not None:
            found += _menu_texts(action.menu(), name)
    return found


def test_the_english_window_shows_no_chinese_but_the_ledgers_data(
        english, main_window, demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.ledger"
    shutil.copy(demo_file, path)
    ledger = Ledger.open(path)
    window = main_window(ledger)

    texts: list[tuple[str, str]] = [("title", window.windowTitle())]
    for action in window.menuBar().actions():
        texts += _menu_texts(action.menu(), "menu bar")
    toolbar = window.findChild(QToolBar, "mainToolbar")
    texts.append(("toolbar", toolbar.windowTitle()))
    for action in toolbar.actions():
        if not action.isSeparator():
            texts += [(f"toolbar › {action.text()}", action.text()),
                      (f"toolbar › {action.text()} (tip)", action.toolTip())]
    for label in window.statusBar().findChildren(QLabel):
        texts += [(f"status bar › {label.objectName()}", label.text()),
                  (f"status bar › {label.objectName()} (tip)", label.toolTip())]
    for button in window.statusBar().findChildren(QAbstractButton):
        texts.append((f"status bar › {button.objectName()}", button.text()))
    texts.append(("status bar message", window.statusBar().currentMessage()))

    # The tree and a record type's table, with its year box, search and filters.
    tree = window.tree
    for row in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(row)
        texts += [("tree", top.text(0)), ("tree (tip)", top.toolTip(0))]
    tree.select_type("meeting")
    assert window.runner.wait_idle()
    pane = window.table_pane
    texts += [("year box", pane.year_box.itemText(i)) for i in range(pane.year_box.count())]
    texts += [("year box (tip)", pane.year_box.toolTip()),
              ("search", pane.search_box.placeholderText()),
              ("sensitive", pane.sensitive_box.text()), ("pending", pane.pending_box.text()),
              ("count", window.count_label.text())]
    texts += [(f"header {c}", str(pane.model.headerData(c, Qt.Orientation.Horizontal)))
              for c in range(pane.model.columnCount())]

    pack = ledger.pack
    data = sorted({ledger.org_name, path.name, str(path), "中文",  # the language named in itself
                   *(c.label for c in pack.categories),
                   *(rt.label for c in pack.categories for rt in c.record_types),
                   *(f.label for rt in pack.record_types for f in rt.fields)},
                  key=len, reverse=True)
    assert chinese_left([f"{where}: {text}" for where, text in texts], data) == []
    # The walk saw the window as English, not an empty one.
    assert [t for where, t in texts if where == "menu bar › menu"] == [
        "&File", "&Records", "&Output", "&View", "&Help"]
    assert window.windowTitle() == f"{ledger.org_name} — Grassroots Ledger"
    assert window.count_label.text().startswith("Total: ")
    assert len([a for a in window.findChildren(QAction) if a.text()]) > 30
