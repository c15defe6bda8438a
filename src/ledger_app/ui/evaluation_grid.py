"""民主评议（按年度批量录入）: every member in the branch on the 评议 date in one table —
个人自评, 党员互评, 评定等次 and 支部评定意见 — saved as one record per member and year
(the type's unique key) in one transaction. The checks of RULES.md §6 (预备党员 take part
without a grade, 优秀 at most one third of the 正式党员, every 正式党员 graded) are shown as
the grades are typed, counted by the rule's own ``tally``; the same checks are findings in
``ledger-app check``.

Fields are found by role (``person``, ``eval_year``, ``eval_grade``, ``eval_self``,
``eval_peer``, ``eval_comment``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.year_grid_dialog import (
    Buttons,
    YearGridDialog,
    close_buttons,
    controls_line,
    grey_hint,
)

if TYPE_CHECKING:
    from ledger_app.store import Ledger
    from ledger_app.ui.tasks import TaskRunner

TEXT_ROLES = ("eval_self", "eval_peer", "eval_comment")
COLUMNS = (tr_noop("姓名"), tr_noop("个人自评"), tr_noop("党员互评"), tr_noop("评定等次"),
           tr_noop("支部评定意见"))
GRADE_COLUMN = 3


@dataclass
class RoundRow:
    member_id: int
    name: str
    record_id: int | None
    values: dict[str, Any]         # by role: eval_self, eval_peer, eval_grade, eval_comment
    probationary: bool = False     # a 预备党员 on the 评议 date: takes part, no grade


def load_round(ledger: Ledger, year: int, day: dt.date) -> list[RoundRow]:
    """Members in the branch on ``day`` (RULES.md §2's rule), plus anyone already evaluated
    for the year, with their records (runs on the worker)."""
    from ledger_app.rules.gather import read_members
    from ledger_app.rules.membership import members_on, probationary_on

    et = ledger.pack.type_for("evaluations")
    if et is None:
        return []
    members = read_members(ledger)
    names = {m.id: m.name for m in members}
    probationary = {m.id for m in members if probationary_on(m, day)}
    roles = ("person", "eval_year", "eval_grade", *TEXT_ROLES)
    found: dict[int, tuple[int, dict[str, Any]]] = {}
    for i, v in ledger.records.fields_of(et.key, [et.key_for(r) or "" for r in roles], year):
        key = et.key_for("person")
        member = v.get(key) if key else None
        year_key = et.key_for("eval_year")
        if member is not None and (not year_key or v.get(year_key) == year):
            found.setdefault(int(member), (i, {r: v.get(et.key_for(r) or "") for r in roles}))
    order = [m.id for m in members_on(members, day)]
    order += [m for m in found if m not in order]
    return [RoundRow(m, names.get(m, f"#{m}"), found[m][0] if m in found else None,
                     found[m][1] if m in found else {}, m in probationary) for m in order]


def save_round(ledger: Ledger, year: int, rows: list[RoundRow]) -> tuple[int, int]:
    """Insert or update each row that has anything typed, all in one transaction; returns
    (created, changed)."""
    et = ledger.pack.type_for("evaluations")
    assert et is not None
    created = changed = 0
    with ledger.transaction():
        for row in rows:
            by_role = {r: v for r, v in row.values.items() if v not in (None, "")}
            if not by_role:
                continue
            values = et.prefill({"person": row.member_id, "eval_year": year, **by_role})
            if row.record_id is None:
                ledger.records.insert(et.key, values)
                created += 1
            else:
                before = ledger.records.get(row.record_id).values
                if any(before.get(k) != v for k, v in values.items()):
                    ledger.records.update(row.record_id, values)
                    changed += 1
    return created, changed


class GradeDelegate(QStyledItemDelegate):
    """The 评定等次 column edits through a drop-down of the declared grades."""

    def __init__(self, choices: tuple[str, ...], parent: Any = None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, _option: Any, _index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.addItems(["", *self.choices])
        return box

    def setEditorData(self, editor: QWidget,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or ""))

    def setModelData(self, editor: QWidget, model: Any,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class EvaluationRoundDialog(YearGridDialog):
    """``saved`` after the round is written."""

    saved = Signal()

    def __init__(self, ledger: Ledger, runner: TaskRunner, year: int,
                 parent: QWidget | None = None):
        super().__init__(ledger, runner, "evaluationRound", "", parent)
        et = ledger.pack.type_for("evaluations")
        grade = et.field_for("eval_grade") if et else None
        self.choices = grade.choices if grade else ()
        self.excellent = et.value_for("eval_grade", "excellent") if et else None
        self.rows: list[RoundRow] = []
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(year)
        self.year_box.setSuffix(tr(" 年度"))
        self.day = QLineEdit(f"{year}-12-31")
        self.day.setMaximumWidth(130)
        self.day.setToolTip(tr("评议日期：这一天在册的党员参加评议"))
        self.year_box.valueChanged.connect(self._year_changed)
        self.day.editingFinished.connect(self.reload)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("evaluationTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setItemDelegateForColumn(GRADE_COLUMN, GradeDelegate(self.choices, self))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.table.horizontalHeader()
        for column, width in enumerate((80, 0, 160, 96, 0)):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _item: self._update_checks())
        self.checks = QLabel()
        self.checks.setObjectName("evaluationChecks")
        self.checks.setWordWrap(True)
        self.status = QLabel()
        buttons = close_buttons(self, Buttons.Save)
        buttons.button(Buttons.Save).setText(tr("保存（Ctrl+S）"))
        buttons.button(Buttons.Save).setShortcut("Ctrl+S")
        buttons.button(Buttons.Save).setEnabled(not ledger.readonly)
        buttons.accepted.connect(self.save)
        self.buttons = buttons
        top = controls_line(tr("评议年度"), self.year_box, "  " + tr("评议日期"), self.day)
        hint = grey_hint(tr("每行一名党员：方向键移动，直接输入即可编辑；评定等次用 F2 或双击选择"
                            "（优秀、合格、基本合格、不合格）。没有填写任何内容的行不保存。"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.checks)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(1100, 680)
        self.reload()

    @property
    def year(self) -> int:
        return self.year_box.value()

    def _year_changed(self, year: int) -> None:
        self.day.setText(f"{year}-12-31")
        self.reload()

    def reload(self) -> None:
        from ledger_app.forms.values import parse_date

        day = parse_date(self.day.text())
        if day is None:
            self.status.setText(tr("评议日期“{day}”不是有效日期，请写成 {year}-12-31。").format(
                day=self.day.text(), year=self.year))
            return
        ledger, year = self.ledger, self.year
        self.setWindowTitle(tr("民主评议党员 — {year}年度（批量录入）").format(year=year))
        when = dt.date.fromisoformat(day)
        self.runner.run(lambda: load_round(ledger, year, when), self._arrived)

    def _arrived(self, rows: list[RoundRow]) -> None:
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            texts = (row.name, row.values.get("eval_self"), row.values.get("eval_peer"),
                     row.values.get("eval_grade"), row.values.get("eval_comment"))
            for c, text in enumerate(texts):
                item = QTableWidgetItem("" if text is None else str(text))
                if c == 0:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    if row.probationary:
                        item.setText(tr("{name}（预备党员）").format(name=row.name))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.table.setCurrentCell(0, 1)
        self.table.setFocus()
        self._update_checks()

    def values(self) -> list[RoundRow]:
        """The rows as typed."""
        roles = (None, "eval_self", "eval_peer", "eval_grade", "eval_comment")
        out = []
        for r, row in enumerate(self.rows):
            values = {}
            for c, role in enumerate(roles):
                if role:
                    item = self.table.item(r, c)
                    values[role] = (item.text().strip() if item else "") or None
            out.append(RoundRow(row.member_id, row.name, row.record_id, values,
                                row.probationary))
        return out

    def problems(self) -> list[str]:
        rows = self.values()
        found = []
        for n, row in enumerate(rows, 1):
            grade = row.values.get("eval_grade")
            if grade and row.probationary:
                found.append(tr("第 {n} 行{name}是预备党员，参加评议但不评定等次").format(
                    n=n, name=row.name))
            elif grade and grade not in self.choices:
                choices = "、".join(self.choices)  # i18n: data
                found.append(tr("第 {n} 行{name}的评定等次“{grade}”不对，只能是{choices}").format(
                    n=n, name=row.name, grade=grade, choices=choices))
            elif not grade and any(row.values.values()) and not row.probationary:
                found.append(tr("第 {n} 行{name}填了内容但没有评定等次").format(n=n, name=row.name))
        return found

    def _update_checks(self) -> None:
        from ledger_app.rules.transfers_evaluations import tally

        rows = self.values()
        full = [r for r in rows if not r.probationary]
        grades = [str(r.values.get("eval_grade") or "") for r in full]
        counted = tally(((g if g in self.choices else "", g == self.excellent) for g in grades),
                        taking_part=len(full))
        parts = [tr("参评 {rows} 人，已评定 {graded} 人，优秀 {excellent} 人").format(
            rows=len(rows), graded=counted.graded, excellent=counted.excellent)]
        if len(full) < len(rows):
            parts.append(tr("预备党员 {n} 人不评定等次").format(n=len(rows) - len(full)))
        if counted.too_many:
            parts.append("<span style='color:#b00020'>{}</span>".format(
                tr("优秀超过正式党员的三分之一（最多 {n} 人）").format(n=counted.most_excellent)))
        missing = len(full) - counted.graded
        if missing:
            parts.append("<span style='color:#b06000'>{}</span>".format(
                tr("还有 {n} 人没有评定等次").format(n=missing)))
        self.checks.setText(tr("；").join(parts))

    def save(self) -> None:
        found = self.problems()
        if found:
            self.status.setText(tr("没有保存：{problems}").format(
                problems=tr("；").join(found[:3])))
            return
        ledger, year, rows = self.ledger, self.year, self.values()

        def done(result: tuple[int, int]) -> None:
            self.status.setText(tr("已保存：新增 {created} 条，修改 {changed} 条。").format(
                created=result[0], changed=result[1]))
            self.saved.emit()
            self.reload()

        self.run_job(lambda: save_round(ledger, year, rows), done, self.buttons, self.status)
