"""发展党员时间线: the pack's 25 steps for one person in development, with each step's date
(or people), its documents (the record's attachments whose caption or file name says the
step: “第 14 步 入党志愿书”) and the date rules broken on it, and the branch's steps due soon.

The steps and checks are the pack's data (``forms.development``) applied by
``rules.development``; this dialog only reads them on the worker and draws them. Enter on
a step opens the person's development record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ledger_app.rules.development import Person, problems_of, timeline
from ledger_app.ui.home_findings import severity_word
from ledger_app.ui.i18n import tr
from ledger_app.ui.period_words import value_date_text
from ledger_app.ui.table_dialog import hint_and_close, prepare_dialog, row_table

if TYPE_CHECKING:
    from ledger_app.store import Ledger
    from ledger_app.store.attachments import Attachment
    from ledger_app.ui.tasks import TaskRunner

SEVERITY_COLOURS = {"alert": "#f6c4c4", "warn": "#fde2b8", "info": "#e4ecf7"}


@dataclass
class DevelopmentPage:
    plan: Any
    people: list[Person]
    stages: dict[int, str]
    full_ids: frozenset[int]
    settings: dict[str, Any]
    names: dict[int, str]
    documents: dict[int, list[Attachment]] = field(default_factory=dict)


STEP_NUMBER = re.compile(r"第(\d+)步")   # i18n: data


def document_step(document: Attachment, steps: list[Any]) -> int | None:
    """The step a document belongs to: the number its caption or file name gives (第 14 步),
    else the step whose label it contains; None when it says neither."""
    said = re.sub(r"\s+", "", f"{document.caption} {document.filename}")
    numbers = {step.number for step in steps}
    for found in STEP_NUMBER.finditer(said):
        if int(found.group(1)) in numbers:
            return int(found.group(1))
    return next((step.number for step in steps if step.label in said), None)


def document_name(document: Attachment) -> str:
    return document.caption or document.filename


def load_page(ledger: Ledger) -> DevelopmentPage:
    """Everything the dialog draws, read on the worker."""
    from ledger_app.rules.gather import read_development, read_members

    plan = ledger.pack.development
    people = list(read_development(ledger))
    stages: dict[int, str] = {}
    if plan is not None:
        rt = ledger.pack.record_type(plan.record_type)
        stage_field = rt.key_for("dev_stage")
        if stage_field:
            stages = {i: str(v.get(stage_field) or "")
                      for i, v in ledger.records.fields_of(rt.key, [stage_field])}
    documents: dict[int, list[Attachment]] = {}
    if plan is not None:
        slot = ledger.pack.record_type(plan.record_type).attachments_field()
        if slot is not None:
            documents = {p.id: ledger.attachments.of(p.id, slot.key) for p in people}
    members = read_members(ledger)
    return DevelopmentPage(plan, people, stages, frozenset(m.id for m in members if m.full),
                           ledger.settings(), {m.id: m.name for m in members}, documents)


class DevelopmentDialog(QDialog):
    """``record_wanted(type key, id or None, ids, initial values)`` like the home page."""

    record_wanted = Signal(str, object, list, dict)

    def __init__(self, ledger: Ledger, runner: TaskRunner, record_id: int | None = None,
                 parent: QWidget | None = None, as_of: dt.date | None = None):
        super().__init__(parent)
        prepare_dialog(self, "developmentDialog", tr("发展党员时间线"))
        self.ledger, self.runner = ledger, runner
        self.as_of = as_of or dt.date.today()
        self.wanted_id = record_id
        self.page: DevelopmentPage | None = None
        self.people = QListWidget()
        self.people.setObjectName("developmentPeople")
        self.people.currentRowChanged.connect(self._person_chosen)
        self.title = QLabel(tr("正在读取……"))
        self.title.setWordWrap(True)
        self.steps = row_table("developmentSteps", [tr("步骤"), tr("阶段"), tr("内容"), tr("日期 / 情况"),
                                                    tr("材料"), tr("检查")],
                               (44, 96, 150, 150, 150, 0), lambda _r, _c: self._open_record())
        self.other_documents = QLabel()
        self.other_documents.setObjectName("developmentOtherDocuments")
        self.other_documents.setWordWrap(True)
        self.due = QListWidget()
        self.due.setObjectName("developmentDue")
        self.due.setMaximumHeight(120)
        # A finding is a long sentence: wrapped to the list's width, not scrolled sideways.
        self.due.setWordWrap(True)
        self.due.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.due.itemActivated.connect(self._due_chosen)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.steps, 1)
        right_layout.addWidget(self.other_documents)
        split = QSplitter()
        split.addWidget(self.people)
        split.addWidget(right)
        split.setSizes([200, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(QLabel(tr("本支部近期到期或已超期的步骤：")))
        layout.addWidget(self.due)
        layout.addLayout(hint_and_close(
            self, tr("上下键选人，Tab 到步骤表，Enter 打开此人的发展党员登记修改日期。"
                     "步骤和时间要求取自《中国共产党发展党员工作细则》（台账类型中的 development_steps.toml）。"
                     "材料的说明写上“第 N 步”，就列在那一步。")))
        self.resize(1150, 720)
        self.reload()

    def reload(self) -> None:
        ledger = self.ledger
        self.runner.run(lambda: load_page(ledger), self._arrived)

    def _arrived(self, page: DevelopmentPage) -> None:
        self.page = page
        shown = self.current_person()
        keep = shown.id if shown is not None else self.wanted_id
        self.people.blockSignals(True)
        self.people.clear()
        for person in page.people:
            stage = page.stages.get(person.id, "")
            found = self._problems(person)
            mark = " ⚠" if any(p.severity in ("alert", "warn") for p in found) else ""
            item = QListWidgetItem(tr("{name}（{stage}）").format(name=person.name, stage=stage)
                                   + mark if stage else person.name + mark)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.people.addItem(item)
        self.people.blockSignals(False)
        self.due.clear()
        for person in page.people:
            for p in self._problems(person):
                if p.rule == "due":
                    item = QListWidgetItem(f"[{severity_word(p.severity)}] {p.why}")
                    item.setData(Qt.ItemDataRole.UserRole, person.id)
                    item.setBackground(QBrush(QColor(SEVERITY_COLOURS[p.severity])))
                    self.due.addItem(item)
        if not self.due.count():
            self.due.addItem(tr("（没有）"))
        ids = [p.id for p in page.people]
        self.people.setCurrentRow(ids.index(keep) if keep in ids else 0 if ids else -1)
        if not ids:
            self.title.setText(tr("还没有发展党员登记。"))
        self.people.setFocus()

    def _problems(self, person: Person) -> list[Any]:
        page = self.page
        if page is None or page.plan is None:
            return []
        return problems_of(page.plan, person, page.full_ids, page.settings, self.as_of)

    def current_person(self) -> Person | None:
        if self.page is None:
            return None
        row = self.people.currentRow()
        return self.page.people[row] if 0 <= row < len(self.page.people) else None

    def _person_chosen(self, _row: int) -> None:
        person, page = self.current_person(), self.page
        if person is None or page is None or page.plan is None:
            return
        states = timeline(page.plan, person, page.full_ids, page.settings, self.as_of,
                          lambda i: page.names.get(i, f"#{i}"))
        done = sum(1 for s in states if s.done)
        stage = page.stages.get(person.id, "")
        documents = page.documents.get(person.id, [])
        by_step: dict[int | None, list[str]] = {}
        for document in documents:
            by_step.setdefault(document_step(document, page.plan.steps), []).append(
                document_name(document))
        self.title.setText(tr("<b style='font-size:13pt'>{name}</b>　{stage}　"
                              "已记录 {done} / {total} 步，材料 {documents} 份").format(
            name=person.name, stage=stage, done=done, total=len(states),
            documents=len(documents)))
        others = by_step.get(None, [])
        self.other_documents.setText(tr("未注明步骤的材料：{names}").format(
            names=tr("、").join(others)) if others else "")
        self.other_documents.setVisible(bool(others))
        self.steps.setRowCount(len(states))
        for row, state in enumerate(states):
            worst = next((s for s in ("alert", "warn", "info")
                          if any(n[0] == s for n in state.notes)), "")
            texts = [str(state.step.number), state.step.stage, state.step.label,
                     value_date_text(state.value) or state.shown
                     or ("—" if state.step.field else tr("（不单独记录日期）")),
                     "\n".join(by_step.get(state.step.number, [])),
                     "\n".join(f"[{severity_word(s)}] {why.split('：', 1)[-1]}"  # i18n: data
                               for s, why in state.notes)]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if worst and column == 5:
                    item.setBackground(QBrush(QColor(SEVERITY_COLOURS[worst])))
                if not state.done and column == 3:
                    item.setForeground(QBrush(QColor("#999999")))
                self.steps.setItem(row, column, item)
        self.steps.resizeRowsToContents()

    def _open_record(self) -> None:
        person, page = self.current_person(), self.page
        if person is not None and page is not None and page.plan is not None:
            self.record_wanted.emit(page.plan.record_type, person.id,
                                    [p.id for p in page.people], {})

    def _due_chosen(self, item: QListWidgetItem) -> None:
        person_id = item.data(Qt.ItemDataRole.UserRole)
        if self.page is None or person_id is None:
            return
        ids = [p.id for p in self.page.people]
        if person_id in ids:
            self.people.setCurrentRow(ids.index(person_id))
            self.steps.setFocus()
