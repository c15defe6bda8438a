"""The 党费 edit form computes 应交 itself: as soon as member and month are known, the base,
the rate and 应交 are filled from ``rules.dues`` (the same rule as the grid and 本月收缴)
and the rule applied is shown under 应交. A base typed in the form is what the rule then
applies (its bracket's rate and 应交 follow, the rule shown says the base was typed here);
a rate typed in the form gives 应交 = base × that rate. What the person typed is never
overwritten: a field is filled only while empty or still holding what this module put
there. An 应交 that differs from the rule is allowed only with a 备注 saying why (RULES.md
§3: reduced or waived dues need an application and approval). Fields are found by role.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ledger_app.forms import values as fv
from ledger_app.rules.dues import MonthDue, amount_at, due_on_base
from ledger_app.ui.i18n import tr

if TYPE_CHECKING:
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
        self.base_key, self.rate_key = self.keys[ROLES[0]], self.keys[ROLES[1]]
        self.note = rt.key_for("note") or ""
        self.active = (rt.role == "dues" and bool(self.person) and bool(self.month)
                       and all(k and k in form.editors for k in self.keys.values()))
        self.computed: MonthDue | None = None
        self.group = ""                      # the member's 党费类别, for a typed base
        self.rounding = Decimal("1")
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
        if getattr(self, "_busy", False):
            return
        self.filled.pop(key, None)
        if key == self.base_key:
            self._from_base()
        elif key == self.rate_key:
            self._from_rate()

    def _from_base(self) -> None:
        """A base typed here: the rule on that base (its bracket's rate and 应交)."""
        due, base = self.computed, self._value(self.base_key)
        if due is None or not due.owed or base is None:
            return
        try:
            owed = due_on_base(self.group, int(base), self.rounding)
        except ValueError as exc:
            self.computed = MonthDue(due.month, True, None, base, "", str(exc))
        else:
            self.computed = MonthDue(due.month, True, owed.amount, base, owed.rate,
                                     tr("{why}；基数为本表填写").format(why=owed.why))
        self._fill({"dues_rate": self.computed.rate or None, "dues_due": self.computed.amount})
        self._show_rule()

    def _from_rate(self) -> None:
        """A rate typed here: 应交 = base × that rate (a rate other than the rule's bracket
        gives an 应交 that needs a 备注)."""
        base, rate = self._value(self.base_key), self._value(self.rate_key)
        if base is None or not rate:
            return
        amount = amount_at(int(base), str(rate), self.rounding)
        if amount is not None:
            self._fill({"dues_due": amount})
            self.form.changed.emit()

    def update(self) -> None:
        member, month = self._value(self.person), self._value(self.month)
        if member is None or not month:
            self.computed = None
            self.form.set_notice(self.keys["dues_due"], None)
            return
        asked = (member, month)
        self._asked = asked
        ledger = self.ledger

        def compute() -> tuple[MonthDue, str, Decimal]:
            from ledger_app.rules.dues import rounding_of
            from ledger_app.rules.gather import read_dues_members, read_month_due

            group = next((m.group for m in read_dues_members(ledger) if m.id == int(member)),
                         "")
            return (read_month_due(ledger, int(member), str(month)), group,
                    rounding_of(ledger.setting("dues_rounding")))

        self.runner.run(compute, lambda found: self._arrived(asked, *found))

    def _arrived(self, asked: tuple[Any, Any], due: MonthDue, group: str = "",
                 rounding: Decimal = Decimal("1")) -> None:
        if asked != self._asked:
            return          # member or month changed again meanwhile
        self.computed, self.group, self.rounding = due, group, rounding
        form = self.form
        if not due.owed:
            form.set_notice(self.keys["dues_due"],
                            tr("按规则这个月不应交：{why}").format(why=due.why))
            return
        typed = self._value(self.base_key)
        if not fv.is_empty(typed) and self.base_key not in self.filled \
                and typed != due.base:
            self._from_base()            # a base typed before the member: the rule on it
            return
        self._fill({"dues_base": due.base, "dues_rate": due.rate or None,
                    "dues_due": due.amount})
        self._show_rule()

    def _fill(self, fill: dict[str, Any]) -> None:
        """Put the rule's values in the fields still empty or holding ours."""
        self._busy = True
        try:
            for role, value in fill.items():
                key = self.keys[role]
                assert key is not None
                current = self._value(key)
                ours = key in self.filled and current == self.filled[key]
                if value is not None and (fv.is_empty(current) or ours):
                    self.form.editors[key].set_value(value)
                    self.filled[key] = value
        finally:
            self._busy = False

    def _show_rule(self) -> None:
        due, form = self.computed, self.form
        if due is None:
            return
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
