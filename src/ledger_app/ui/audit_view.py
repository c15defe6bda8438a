"""留痕: the audit trail in the window, for the whole ledger or one record.

Filters by day, operation and user; lines are read and turned into text on the worker
(``outputs.audit_text``, masked as the window is), shown newest first, and can be printed
to PDF with the filter they were chosen by.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from ledger_app.outputs.audit_text import ACTION_LABELS, AuditRow, audit_rows, scope_text
from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.list_dialog import ListDialog

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner

COLUMNS = (tr_noop("时间"), tr_noop("操作人"), tr_noop("操作"), tr_noop("记录"),
           tr_noop("内容与改动"))
LIMIT = 5000


class AuditDialog(ListDialog):
    def __init__(self, ledger: Ledger, runner: TaskRunner, entry_id: int | None = None,
                 masked: bool = True, title: str = "", parent: QWidget | None = None):
        super().__init__(ledger, runner, [tr(c) for c in COLUMNS], len(COLUMNS) - 1, parent)
        self.setObjectName("auditDialog")
        self.entry_id, self.masked = entry_id, masked
        self.rows: list[AuditRow] = []
        self.setWindowTitle(tr("留痕 — {title}").format(title=title) if title else tr("留痕"))
        self.by_date = QCheckBox(tr("日期"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.dateChanged.connect(self.reload)
        self.by_date.toggled.connect(self.date_from.setEnabled)
        self.by_date.toggled.connect(self.date_to.setEnabled)
        self.by_date.toggled.connect(self.reload)
        self.action = QComboBox()
        self.action.addItem(tr("全部操作"), None)
        self.user = QComboBox()
        self.user.addItem(tr("全部操作人"), None)
        self.action.currentIndexChanged.connect(self.reload)
        self.user.currentIndexChanged.connect(self.reload)
        filters = QHBoxLayout()
        for widget in (self.by_date, self.date_from, QLabel(tr("至")), self.date_to, self.action,
                       self.user):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.table.setWordWrap(True)
        self.count.setObjectName("auditCount")
        self.print_button = QPushButton(tr("打印（PDF）…"))
        self.print_button.clicked.connect(self.choose_pdf)
        note = QLabel(tr("留痕记录谁在什么时候新增、修改、删除了什么，只能增加，不能修改或删除。")
                      + (tr("身份证号、电话号码只显示部分数字（勾选“显示敏感信息”后打开可看全）。")
                         if masked else ""))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.arrange([note, filters], [self.print_button])
        self.resize(1000, 620)
        self.runner.run(lambda: (ledger.audit.actions(), ledger.audit.actors()), self._choices)

    def _choices(self, found: tuple[list[str], list[str]]) -> None:
        actions, actors = found
        for widget, items, label in ((self.action, actions, ACTION_LABELS.get),
                                     (self.user, actors, lambda a: a)):
            widget.blockSignals(True)
            for item in items:
                widget.addItem(label(item) or item, item)
            widget.blockSignals(False)
        self.reload()

    def filters(self) -> dict[str, Any]:
        dated = self.by_date.isChecked()
        action = self.action.currentData()
        return {"date_from": self.date_from.date().toString("yyyy-MM-dd") if dated else None,
                "date_to": self.date_to.date().toString("yyyy-MM-dd") if dated else None,
                "actions": [action] if action else None, "actor": self.user.currentData(),
                "entry_id": self.entry_id}

    def scope(self) -> str:
        f = self.filters()
        return scope_text(f["date_from"], f["date_to"],
                          self.action.currentText() if f["actions"] else None, f["actor"],
                          self.entry_id)

    def rows_job(self) -> Callable[[], list[AuditRow]]:
        ledger, masked, filters = self.ledger, self.masked, self.filters()
        return lambda: audit_rows(ledger, ledger.audit.search(**filters, limit=LIMIT), masked)

    def show_rows(self, rows: list[AuditRow]) -> None:
        self.rows = rows
        self.fill([(row.at, row.actor, row.action, row.record,
                    "\n".join([row.summary, *row.changes])) for row in rows],
                  alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.table.resizeRowsToContents()
        if len(rows) == LIMIT:
            self.count.setText(tr("共 {n} 条（只显示最新的 {limit} 条，请缩小日期范围）").format(
                n=len(rows), limit=LIMIT))
        else:
            self.count.setText(tr("共 {n} 条").format(n=len(rows)))

    def choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("保存留痕"),
                                              "留痕记录.pdf", "PDF (*.pdf)")  # i18n: data

        if path:
            self.print_pdf(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def print_pdf(self, out: Path, open_after: bool = True) -> None:
        from ledger_app.outputs.pdf.audit_sheet import render_audit

        rows, scope, org = list(self.rows), self.scope(), self.ledger.org_name

        def printed(_: object) -> None:
            self.printed = out
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

        def failed(exc: BaseException) -> None:
            from ledger_app.ui.errors import show_error

            show_error(self, exc)

        self.runner.run(lambda: render_audit(org, rows, scope, out), printed, failed)
