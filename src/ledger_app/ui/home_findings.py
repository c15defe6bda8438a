"""The home page's findings, most serious first, each with its why: Enter or double-click
on one asks for it to be acted on (``finding_activated(finding)``); the home page opens
its records or a new record that would answer it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from ledger_app.ui.i18n import tr, tr_noop

if TYPE_CHECKING:
    from ledger_app.rules.findings import Finding

SEVERITY_COLOURS = {"alert": "#c0392b", "warn": "#e08a00", "info": "#7f8c8d"}
# rules.findings.SEVERITY_LABELS in the window's language (the findings themselves are the
# core's Chinese; the word for how serious one is belongs to the window).
SEVERITY_WORDS = {"alert": tr_noop("严重"), "warn": tr_noop("需处理"), "info": tr_noop("提示")}
FindingRole = int(Qt.ItemDataRole.UserRole) + 1


def severity_word(severity: str) -> str:
    return tr(SEVERITY_WORDS[severity]) if severity in SEVERITY_WORDS else severity


def _dot(colour: str) -> QPixmap:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return pixmap


class FindingList(QListWidget):
    """The findings, most serious first; Enter or double-click acts on one."""

    finding_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findingList")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.setSpacing(1)
        self.itemActivated.connect(self._activated)

    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(FindingRole)
        if finding:
            self.finding_activated.emit(finding)

    def set_findings(self, findings: tuple[Finding, ...], labels: dict[str, str]) -> None:
        from ledger_app.forms.display import shown_text

        self.clear()
        for f in findings:
            # Masked like every other output (a number typed into a note stays hidden).
            why = shown_text(f.why, masked=True)
            item = QListWidgetItem(tr("【{severity}】{why}").format(
                severity=severity_word(f.severity), why=why))
            item.setIcon(_dot(SEVERITY_COLOURS.get(f.severity, "#7f8c8d")))
            item.setData(FindingRole, f)
            if f.records:
                item.setToolTip(tr("按 Enter 或双击：打开相关记录"))
            elif f.suggestion is not None:
                label = labels.get(f.suggestion.type_key, tr("记录"))
                item.setToolTip(tr("按 Enter 或双击：新增一条{record_type}").format(
                    record_type=label))
            if f.severity == "alert":
                item.setForeground(QBrush(QColor(SEVERITY_COLOURS["alert"])))
            self.addItem(item)
        if not findings:
            item = QListWidgetItem(tr("按规则检查，本年度没有发现问题。"))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)

    def finding(self, row: int) -> Finding | None:
        item = self.item(row)
        return item.data(FindingRole) if item is not None else None
