"""The 党费 edit form computes 应交 itself: as soon as member and month are known, the base,
the rate and 应交 are filled from ``rules.dues`` (the same rule as the grid and 本月收缴)
and the rule applied is shown under 应交. What the person typed is never overwritten: a
field is filled only while empty or still holding what this module put there. An 应交
that differs from the rule is allowed only with a 备注 saying why (RULES.md §3: reduced or
waived dues need an application and approval). Fields are found by role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledger_app.forms import values as fv
from ledger_app.ui.i18n import tr

if TYPE_CHECKING:
    from ledger_app.rules.dues import MonthDue
    from ledger_app.store import Ledger
    from ledger_app.ui.form_grid import RecordForm
    from ledger_app.ui.tasks import TaskRunner

ROLES = ("dues_base", "dues_rate", "dues_due")


class DuesAutofill:
    def __init__(self, form: RecordForm, ledger: Ledger, runner: TaskRunner):
        self.form, self.ledger, self.runner = form, ledger, runner
        rt = form.record_type
        self.person, self.month = rt.key_for("person") or "", rt.date_field
        self.keys = {role: rt.key_for(role) or "" for role in ROLES}
        self.note = rt.key_for("note") or ""
        self.active = (rt.role == "dues" and bool(self.person) and bool(self.month)
                       and all(k and k in form.editors for k in self.keys.values()))
        self.computed: MonthDue | None = None
        self.filled: dict[str, Any] = {}
        self._asked: tuple[Any, Any] | None = None
        if not self.active:
            return
        for key in (self.person, self.month):
            form.editors[key].changed.connect(self.update)
        for key in self.keys.values():
            form.editors[key].changed.connect(lambda k=key: self._typed(k))
        self._busy = False

    def loaded(self) -> None:
        self.filled.clear()
        self.computed = None
        self._asked = None
        if self.active:
            self.update()

    def _value(self, key: str) -> Any:
        try:
            return self.form.editors[key].value()
        except (ValueError, TypeError):
            return None

    def _typed(self, key: str) -> None:
        if not getattr(self, "_busy", False):
            self.filled.pop(key, None)

    def update(self) -> None:
        member, month = self._value(self.person), self._value(self.month)
        if member is None or not month:
            self.computed = None
            self.form.set_notice(self.keys["dues_due"], None)
            return
        asked = (member, month)
        self._asked = asked
        ledger = self.ledger

        def compute() -> MonthDue:
            from ledger_app.rules.gather import read_month_due

            return read_month_due(ledger, int(member), str(month))

        self.runner.run(compute, lambda due: self._arrived(asked, due))

    def _arrived(self, asked: tuple[Any, Any], due: MonthDue) -> None:
        if asked != self._asked:
            return          # member or month changed again meanwhile
        self.computed = due
        form = self.form
        if not due.owed:
            form.set_notice(self.keys["dues_due"],
                            tr("按规则这个月不应交：{why}").format(why=due.why))
            return
        fill = {"dues_base": due.base, "dues_rate": due.rate or None, "dues_due": due.amount}
        self._busy = True
        try:
            for role, value in fill.items():
                key = self.keys[role]
                assert key is not None
                current = self._value(key)
                ours = key in self.filled and current == self.filled[key]
                if value is not None and (fv.is_empty(current) or ours):
                    form.editors[key].set_value(value)
                    self.filled[key] = value
        finally:
            self._busy = False
        if due.amount is None:
            notice = tr("按规则应交（无法计算）：{why}").format(why=due.why)
        else:
            notice = tr("按规则应交 {amount} 元：{why}").format(
                amount=fv.format_money(due.amount), why=due.why)
        form.set_notice(self.keys["dues_due"], notice)
        form.changed.emit()

    def problems(self) -> dict[str, str]:
        """An 应交 other than the rule's needs a 备注."""
        due = self.computed
        if not self.active or due is None or not due.owed or due.amount is None:
            return {}
        key = self.keys["dues_due"]
        assert key is not None
        typed = self._value(key)
        note = self._value(self.note) if self.note and self.note in self.form.editors else "x"
        if typed is not None and typed != due.amount and fv.is_empty(note):
            return {key: tr("应交金额与按规则算出的 {amount} 元不同，"
                            "手工调整须在备注中写明原因（如经批准减免）").format(
                                amount=fv.format_money(due.amount))}
        return {}
