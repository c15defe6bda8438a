"""The home page's 检查项对照 box: each checklist of the pack (六有, 五优 …) with its items
counted by state, a strip of one square per item, and a button to its one-page 对照表
(``open_wanted(key)``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from ledger_app.ui.home_grid import COLOURS
from ledger_app.ui.i18n import tr, tr_noop

CHECKLIST_ORDER = ("met", "no_evidence", "not_met", "unassessed")
# rules.checklists.STATES in the window's language.
STATE_WORDS = {"met": tr_noop("达标"), "no_evidence": tr_noop("达标但缺佐证"),
               "not_met": tr_noop("未达标"), "unassessed": tr_noop("未检查")}
ITEM_COLOURS = {"met": "#4a9a48", "no_evidence": "#e0a800", "not_met": "#d9534f",
                "unassessed": "#bbbbbb"}


def state_word(state: str) -> str:
    return tr(STATE_WORDS[state])


class ChecklistBox(QGroupBox):
    """Each checklist's counts by state, with a button to its one-page view."""

    open_wanted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(tr("检查项对照"), parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 6, 8, 6)
        self.buttons: dict[str, QPushButton] = {}
        self.statuses: tuple[Any, ...] = ()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # 视图 → 字体大小: a label with a style sheet of its own keeps the font it was made
        # with, so the summaries are made again in the new one.
        if event.type() == QEvent.Type.FontChange and self.statuses:
            self.set_statuses(self.statuses)

    def set_statuses(self, statuses: tuple[Any, ...]) -> None:
        self.statuses = statuses
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        for r, status in enumerate(statuses):
            c = status.checklist
            parts = [f"{state_word(s)} {status.count(s)}" for s in CHECKLIST_ORDER
                     if status.count(s)]
            worst = ("missing" if status.count("not_met") or status.count("no_evidence")
                     else "due" if status.count("unassessed") else "held")
            label = QLabel(tr("<b>{checklist}</b>（{n} 项）<br><span style='color:#444'>"
                              "{counts}</span>").format(checklist=c.label, n=len(status.items),
                                                       counts=tr("，").join(parts)))
            label.setStyleSheet(f"background:{COLOURS[worst]}; padding:3px;")
            label.setWordWrap(True)
            button = QPushButton(tr("查看对照表"))
            button.setObjectName(f"checklist_{c.key}")
            button.setToolTip(tr("{checklist}逐项对照：要求、是否达标、情况说明、佐证照片").format(
                checklist=c.label))
            button.clicked.connect(lambda _c=False, k=c.key: self.open_wanted.emit(k))
            # One square per item, in the checklist's order, coloured by its state.
            strip = QLabel("".join(f"<span style='color:{ITEM_COLOURS[i.state]}'>■</span>"
                                   for i in status.items))
            strip.setObjectName(f"items_{c.key}")
            strip.setTextFormat(Qt.TextFormat.RichText)
            strip.setWordWrap(True)
            strip.setToolTip("\n".join(tr("{item}：{state}").format(
                item=i.item.label, state=state_word(i.state)) for i in status.items))
            self.grid.addWidget(label, 2 * r, 0)
            self.grid.addWidget(button, 2 * r, 1)
            self.grid.addWidget(strip, 2 * r + 1, 0, 1, 2)
            self.buttons[c.key] = button
        if not statuses:
            self.grid.addWidget(QLabel(tr("本台账类型没有检查项。")), 0, 0)
