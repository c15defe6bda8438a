"""The home page's 检查项对照 box: each checklist of the pack (六有, 五优 …) with its items
counted by state, a strip of one square per item, and a button to its one-page 对照表
(``open_wanted(key)``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from ledger_app.ui.home_grid import COLOURS

CHECKLIST_ORDER = ("met", "no_evidence", "not_met", "unassessed")
ITEM_COLOURS = {"met": "#4a9a48", "no_evidence": "#e0a800", "not_met": "#d9534f",
                "unassessed": "#bbbbbb"}


class ChecklistBox(QGroupBox):
    """Each checklist's counts by state, with a button to its one-page view."""

    open_wanted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("检查项对照", parent)
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
        from ledger_app.rules.checklists import STATES

        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        for r, status in enumerate(statuses):
            c = status.checklist
            parts = [f"{STATES[s]} {status.count(s)}" for s in CHECKLIST_ORDER if status.count(s)]
            worst = ("missing" if status.count("not_met") or status.count("no_evidence")
                     else "due" if status.count("unassessed") else "held")
            label = QLabel(f"<b>{c.label}</b>（{len(status.items)} 项）<br>"
                           f"<span style='color:#444'>{'，'.join(parts)}</span>")
            label.setStyleSheet(f"background:{COLOURS[worst]}; padding:3px;")
            label.setWordWrap(True)
            button = QPushButton("查看对照表")
            button.setObjectName(f"checklist_{c.key}")
            button.setToolTip(f"{c.label}逐项对照：要求、是否达标、情况说明、佐证照片")
            button.clicked.connect(lambda _c=False, k=c.key: self.open_wanted.emit(k))
            # One square per item, in the checklist's order, coloured by its state.
            strip = QLabel("".join(f"<span style='color:{ITEM_COLOURS[i.state]}'>■</span>"
                                   for i in status.items))
            strip.setObjectName(f"items_{c.key}")
            strip.setTextFormat(Qt.TextFormat.RichText)
            strip.setWordWrap(True)
            strip.setToolTip("\n".join(f"{i.item.label}：{STATES[i.state]}" for i in status.items))
            self.grid.addWidget(label, 2 * r, 0)
            self.grid.addWidget(button, 2 * r, 1)
            self.grid.addWidget(strip, 2 * r + 1, 0, 1, 2)
            self.buttons[c.key] = button
        if not statuses:
            self.grid.addWidget(QLabel("本台账类型没有检查项。"), 0, 0)
