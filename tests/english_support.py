"""What the English window tests share: what a window shows, and which of it is still
Chinese once the ledger's data is taken out. One walker for every window, so a kind of
widget added here is checked in all of them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
TAGS = re.compile(r"<[^>]+>")


def shown_texts(root: QWidget, skip: Iterable[QWidget] = (), visible_only: bool = False,
                cells: bool = True) -> list[str]:
    """Every text ``root`` and its children show (titles, labels, buttons, group titles,
    drop-down, list, tree and table items and headers, placeholders, spin-box affixes,
    tooltips, accessible names), HTML tags taken out; ``skip`` and, with
    ``visible_only``, hidden widgets left out; ``cells=False`` for tables whose cells
    are all records (their headers are still read). Qt's own calendar popups (month names:
    ui.qt_locale's) and a progress dialog left from a job (ui.tasks') are never a
    window's own words."""
    skipped = set(skip)
    for other in [*root.findChildren(QCalendarWidget), *root.findChildren(QProgressDialog)]:
        skipped |= {other, *other.findChildren(QWidget)}
    texts = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if w in skipped or (visible_only and w is not root and not w.isVisibleTo(root)):
            continue
        texts += [w.toolTip(), w.accessibleName()]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
            if w.lineEdit() is not None:
                texts.append(w.lineEdit().placeholderText())
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QSpinBox):
            texts += [w.prefix(), w.suffix()]
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                texts += [w.item(i).text(), w.item(i).toolTip()]
        elif isinstance(w, QTreeWidget):
            texts += [w.topLevelItem(i).text(0) for i in range(w.topLevelItemCount())]
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            texts += [str(model.headerData(c, w.horizontalHeader().orientation()) or "")
                      for c in range(model.columnCount())]
        if cells and isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        texts += [item.text(), item.toolTip()]
    return [TAGS.sub("", t) for t in texts if t]


def chinese_left(texts: Iterable[str], data: Iterable[str]) -> list[str]:
    """The texts still holding Chinese once every piece of data is taken out of them
    (longest first: a name inside a longer one goes with it)."""
    pieces = sorted({d for d in data if d}, key=len, reverse=True)
    left = set()
    for text in texts:
        rest = text
        for piece in pieces:
            rest = rest.replace(piece, "")
        if CJK.search(rest):
            left.add(text)
    return sorted(left)
