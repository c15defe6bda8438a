"""The edit form fills itself from a valid 身份证号码: 出生日期 and 性别.

What the person typed is never overwritten: a field is filled only while it is empty (or
still holds what this module filled in); a typed value that disagrees with the number gets
an amber notice under it, naming both, and the save goes ahead — which one is right is for
the person to say. The rule itself (what a number settles) is ``forms.settle``, shared
with the import; fields are found by role.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ledger_app.forms import settle
from ledger_app.forms import values as fv

if TYPE_CHECKING:
    from ledger_app.ui.form_grid import RecordForm


class IdAutofill:
    def __init__(self, form: RecordForm):
        self.form = form
        rt = form.record_type
        self.id_key = rt.key_for("id_number") or ""
        self.targets = [k for k in (rt.key_for("birth_date"), rt.key_for("gender"))
                        if k and k in form.editors]
        self.filled: dict[str, Any] = {}      # field -> the value this module put there
        self._busy = False
        if not self.id_key or self.id_key not in form.editors or not self.targets:
            self.targets = []
            return
        form.editors[self.id_key].changed.connect(self.update)
        for key in self.targets:
            form.editors[key].changed.connect(lambda k=key: self._typed(k))

    def loaded(self) -> None:
        """A record was shown: nothing is filled by us yet; say what disagrees."""
        self.filled.clear()
        if self.targets:
            self.update()

    def _value(self, key: str) -> Any:
        """The field's value; what is typed so far when it is not a value yet (a date being
        typed is not empty, and must not be filled over)."""
        editor = self.form.editors[key]
        try:
            return editor.value()
        except (ValueError, TypeError):
            raw = editor.raw()
            return None if fv.is_empty(raw) else str(raw)

    def _typed(self, key: str) -> None:
        if self._busy:
            return
        self.filled.pop(key, None)      # the person's own value from now on
        self.update()

    def update(self) -> None:
        if not self.targets or self._busy:
            return
        form = self.form
        values: dict[str, Any] = {self.id_key: self._value(self.id_key)}
        for key in self.targets:
            mine = key in self.filled and self._value(key) == self.filled[key]
            values[key] = None if mine else self._value(key)
        done = settle.settle_with_id(form.record_type, values)
        notes = {n.field: n for n in done.notes}
        self._busy = True
        try:
            for key in self.targets:
                empty = fv.is_empty(values[key])
                note = notes.get(key)
                if key in done.filled and empty:
                    form.editors[key].set_value(done.filled[key])
                    self.filled[key] = done.filled[key]
                elif key in done.filled:
                    note = None      # a typed month that agrees: kept as typed, nothing to say
                elif key in self.filled and empty:
                    # the number no longer says anything: take back only what we filled
                    form.editors[key].set_value(None)
                    del self.filled[key]
                form.set_notice(key, note.message if note is not None else None)
        finally:
            self._busy = False
        if any(k in self.filled for k in done.filled):
            form.changed.emit()


class SeqProposal:
    """年度序号 of a new meeting proposed as its date, kind and 党小组 are chosen: the next
    of that year and first kind ("支部党员大会第3次"), per 党小组 for a kind the cadence
    requires of each group (党小组会). A number the person typed is theirs; a stored one
    stays as it is (numbers are stable)."""

    def __init__(self, form: RecordForm, ledger: Any, runner: Any):
        self.form, self.ledger, self.runner = form, ledger, runner
        rt = form.record_type
        self.seq_key = rt.key_for("seq") or ""
        self.kinds_key = rt.key_for("meeting_kinds") or ""
        self.group_key = rt.key_for("meeting_group") or ""
        self.proposed: Any = None
        self.active = bool(self.seq_key and rt.date_field and self.kinds_key
                           and self.seq_key in form.editors)
        if not self.active:
            return
        self.group_kinds = {k for r in ledger.pack.cadence if r.scope == "group" for k in r.kinds}
        for key in (rt.date_field, self.kinds_key, self.group_key):
            if key in form.editors:
                form.editors[key].changed.connect(self.update)

    def loaded(self) -> None:
        self.proposed = None

    def _value(self, key: str | None) -> Any:
        if not key or key not in self.form.editors:
            return None
        try:
            return self.form.editors[key].value()
        except (ValueError, TypeError):
            return None

    def update(self, then: Callable[[], None] | None = None) -> None:
        """Ask the worker for the next number; ``then`` runs once it is shown."""
        if not self.active or self.runner is None:
            return
        seq = self._value(self.seq_key)
        if seq is not None and seq != self.proposed:
            return                   # typed by the person, or the record's stored number
        rt = self.form.record_type
        year = fv.year_of(rt, {rt.date_field: self._value(rt.date_field)})
        kinds = self._value(self.kinds_key) or []
        if year is None or not kinds:
            return
        same: dict[str, Any] = {self.kinds_key: kinds[0]}
        if kinds[0] in self.group_kinds and self.group_key:
            same[self.group_key] = self._value(self.group_key) or ""
        records, type_key, seq_key = self.ledger.records, rt.key, self.seq_key
        self.runner.run(lambda: records.next_number(type_key, seq_key, year, same),
                        lambda number: self._got(number, then))

    def _got(self, number: int, then: Callable[[], None] | None) -> None:
        try:
            current = self._value(self.seq_key)
            if current is None or current == self.proposed:
                self.form.editors[self.seq_key].set_value(number)
                self.proposed = number
                if then is not None:
                    then()
        except RuntimeError:
            pass                     # the dialog closed while the worker counted
