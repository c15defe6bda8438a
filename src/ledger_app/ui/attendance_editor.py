"""Attendance of one meeting, member by member (RULES.md §2).

The people due (应到) are the members on the roster on the meeting date, read in
the background whenever the date changes; each is marked 出席, 请假 or 缺席, the
last two with a reason. 应到 / 实到 / 请假 / 缺席 are counted from the marks and
shown live — there is nowhere to type a number.

Either nobody is marked yet (attendance not recorded, nothing stored) or everybody
listed must be: a half-marked list would store a wrong 应到.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ledger_app.store.attendance import STATUSES, Presence
from ledger_app.ui.errors import show_error
from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.member_picker import DELETED, LEFT_COLOUR, MemberInfo, member_infos

if TYPE_CHECKING:
    from ledger_app.store import Ledger
    from ledger_app.ui.tasks import TaskRunner

STATUS_KEYS = tuple(STATUSES)  # present, leave, absent
# STATUSES' words, for the catalogue: the marks are shown as tr(STATUSES[key]).
STATUS_WORDS = (tr_noop("出席"), tr_noop("请假"), tr_noop("缺席"))


@dataclass(frozen=True)
class AttendanceTally:
    due: int       # 应到
    present: int   # 实到
    leave: int
    absent: int
    unmarked: int

    def text(self) -> str:
        if self.due and self.unmarked == self.due:
            return tr("应到 {due} 人　尚未登记出席情况").format(due=self.due)
        text = tr("应到 {due} 人　实到 {present} 人　请假 {leave} 人　缺席 {absent} 人").format(
            due=self.due, present=self.present, leave=self.leave, absent=self.absent)
        if self.unmarked and self.unmarked < self.due:
            text += tr("　未登记 {n} 人").format(n=self.unmarked)
        return text


class _Row:
    """One member's line: name, 党小组, 出席/请假/缺席 and the reason."""

    def __init__(self, member: MemberInfo, on_change: Any):
        self.member = member
        self.name = QLabel(tr("{name}（已离开）").format(name=member.name) if member.left
                           else member.name)
        if member.left:
            self.name.setStyleSheet(f"color: {LEFT_COLOUR.name()}")
        self.group_label = QLabel(member.party_group)
        self.group_label.setStyleSheet("color: #555")
        self.buttons = QButtonGroup()
        self.radios: dict[str, QRadioButton] = {}
        for key in STATUS_KEYS:
            radio = QRadioButton(tr(STATUSES[key]))
            radio.setObjectName(f"attendance_{member.id}_{key}")
            self.buttons.addButton(radio)
            self.radios[key] = radio
        self.reason = QLineEdit()
        # Only 请假/缺席 need a reason; the box keeps its room when hidden so rows stay even.
        policy = self.reason.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.reason.setSizePolicy(policy)
        self.reason.setVisible(False)
        self._on_change = on_change
        self.buttons.buttonToggled.connect(lambda _b, on: self._changed() if on else None)
        self.reason.textEdited.connect(lambda _t: self._changed())

    def _changed(self) -> None:
        self._refresh()
        self._on_change()

    def _refresh(self) -> None:
        """Reason box: open only for 请假/缺席, framed red while the reason is missing."""
        status = self.status()
        needs_reason = status in ("leave", "absent")
        if self.reason.parentWidget() is not None:  # not yet placed: it would pop up alone
            self.reason.setVisible(needs_reason)
        self.reason.setPlaceholderText(
            tr("{status}原因（必填）").format(status=tr(STATUSES[status]))
            if needs_reason and status else "")
        self.reason.setStyleSheet("QLineEdit { border: 1px solid #c62828; }"
                                  if self.missing_reason() else "")

    def status(self) -> str | None:
        for key, radio in self.radios.items():
            if radio.isChecked():
                return key
        return None

    def set_state(self, status: str | None, reason: str) -> None:
        self.reason.setText(reason)
        if status in self.radios:
            self.buttons.blockSignals(True)  # showing stored marks is not an edit
            self.radios[status].setChecked(True)
            self.buttons.blockSignals(False)
        self._refresh()

    def missing_reason(self) -> bool:
        return self.status() in ("leave", "absent") and not self.reason.text().strip()

    def widgets(self) -> list[QWidget]:
        return [self.name, self.group_label, *self.radios.values(), self.reason]


class AttendanceEditor(QWidget):
    """Who was due, who came: marks per member, counts computed."""

    changed = Signal()
    roster_loaded = Signal()

    def __init__(self, ledger: Ledger, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.runner = runner
        self._date: str | None = None
        self._group = ""
        self._kinds: tuple[str, ...] = ()
        self._roster: list[MemberInfo] = []      # on the roster at the date
        self._extra: list[MemberInfo] = []       # stored marks of people not on it (kept)
        self._rows: list[_Row] = []
        self._states: dict[int, tuple[str | None, str]] = {}
        self._generation = 0
        self._loading = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload_roster)

        self.all_present = QPushButton(tr("全部出席"))
        self.all_present.setAutoDefault(False)
        self.all_present.setToolTip(tr("把尚未登记的人都标为出席；请假、缺席的人不变"))
        self.all_present.clicked.connect(self.mark_all_present)
        self.tally_label = QLabel()
        self.tally_label.setObjectName("attendanceTally")
        self.tally_label.setStyleSheet("font-weight: bold")
        self.note = QLabel()
        self.note.setStyleSheet("color: #555")
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.all_present)
        top.addSpacing(12)
        top.addWidget(self.tally_label)
        top.addStretch(1)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(5, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.grid_host)
        layout.addStretch(1)  # any spare height goes below the list, not between its parts
        self._rebuild()

    # ---- the people due -------------------------------------------------------------------

    def set_meeting_date(self, iso_date: str | None) -> None:
        """The meeting date changed (or became unreadable): re-read who was due, shortly."""
        if iso_date == self._date:
            return
        self._date = iso_date
        self._debounce.start()

    def reload_roster(self) -> None:
        self._debounce.stop()
        if self.runner.is_shut_down:
            return      # the debounce fired after the ledger was closed: nothing to show
        self._generation += 1
        generation, day = self._generation, self._date
        if not day:
            self._loading = False
            self._apply_roster(generation, [])
            return
        ledger, kinds, group = self.ledger, self._kinds, self._group
        self._loading = True
        people = ledger.pack.record_type(ledger.pack.member_type)
        self.runner.run(lambda: member_infos_in_order(due_at_meeting(ledger, kinds, day, group),
                                                      people),
                        lambda members: self._apply_roster(generation, members),
                        lambda exc: self._roster_failed(generation, exc))

    def _roster_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation and self._alive():
            self._loading = False
            show_error(self, exc)

    def settled(self) -> bool:
        """False while the people due for a newly typed date are still being read."""
        return not (self._debounce.isActive() or self._loading)

    def settle(self) -> None:
        """Read the people due now rather than after the typing pause."""
        if self._debounce.isActive():
            self.reload_roster()

    def _apply_roster(self, generation: int, members: list[MemberInfo]) -> None:
        if generation != self._generation or not self._alive():
            return  # a later date was asked for meanwhile
        self._loading = False
        self._remember_states()
        self._roster = members
        # Marks stored for people no longer due that day are dropped on purpose: the
        # list now answers "who was on the roster on the new date".
        self._extra = []
        self._rebuild()
        self.roster_loaded.emit()

    def populate(self, meeting_date: str | None, members_on_date: list[MemberInfo],
                 stored: list[Presence], everyone: list[MemberInfo]) -> None:
        """Show a loaded meeting: its roster on the date plus anyone with a stored mark."""
        self._debounce.stop()
        self._generation += 1
        self._loading = False
        self._date = meeting_date
        self._roster = list(members_on_date)
        known = {m.id for m in self._roster}
        by_id = {m.id: m for m in everyone}
        self._extra = [by_id.get(p.member_id)
                       or MemberInfo(p.member_id, p.name or f"#{p.member_id}", "", DELETED)
                       for p in stored if p.member_id not in known]
        self._states = {p.member_id: (p.status, p.reason) for p in stored}
        self._rebuild()

    def set_party_group(self, group: str) -> None:
        """The meeting's 党小组: a 党小组会 is due only for that group's members."""
        group = (group or "").strip()
        if group != self._group:
            self._group = group
            self._refresh_due()

    def set_meeting_kinds(self, kinds: list[str] | tuple[str, ...] | None) -> None:
        """The meeting's kinds decide who is due (支部委员会: the committee in office)."""
        kinds = tuple(kinds or ())
        if kinds != self._kinds:
            self._kinds = kinds
            self._refresh_due()

    def _refresh_due(self) -> None:
        if self._date:
            self._debounce.start()

    def _in_scope(self) -> list[MemberInfo]:
        return self._roster + self._extra

    # ---- rows ------------------------------------------------------------------------------

    def _remember_states(self) -> None:
        for row in self._rows:
            self._states[row.member.id] = (row.status(), row.reason.text())

    def _rebuild(self) -> None:
        self._remember_states()
        for row in self._rows:
            for w in row.widgets():
                self.grid.removeWidget(w)
                w.hide()
                w.setParent(None)  # gone from the editor now, freed by Qt later
                w.deleteLater()
        self._rows = []
        for n, member in enumerate(self._in_scope()):
            row = _Row(member, self._row_changed)
            status, reason = self._states.get(member.id, (None, ""))
            row.set_state(status, reason)
            for col, w in enumerate(row.widgets()):
                self.grid.addWidget(w, n, col)
                # Shown now, not on the next event-loop pass: focus may go there at once.
                w.setVisible(w is not row.reason or row.status() in ("leave", "absent"))
            self._rows.append(row)
        # Tab walks the rows right after the buttons, before the form's next field.
        previous: QWidget = self.all_present
        for row in self._rows:
            for w in [*row.radios.values(), row.reason]:
                QWidget.setTabOrder(previous, w)
                previous = w
        if not self._date:
            self.note.setText(tr("请先填写会议日期：应到人员按会议类型取自会议当日的名册"
                                 "（委员会会议为当日在任委员，小组会为本小组成员）。"))
        elif not self._rows:
            self.note.setText(tr("按会议类型和日期，这次会议没有应到人员。"))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self.all_present.setEnabled(bool(self._rows))
        self._update_tally()

    def _row_changed(self) -> None:
        self._update_tally()
        self.changed.emit()

    def _update_tally(self) -> None:
        self.tally_label.setText(self.tally().text() if self._rows else "")

    def mark_all_present(self) -> None:
        for row in self._rows:
            if row.status() is None:
                row.radios["present"].setChecked(True)
        self._row_changed()

    def _alive(self) -> bool:
        try:
            self.objectName()
        except RuntimeError:
            return False
        return True

    # ---- reading the marks ----------------------------------------------------------------

    def rows(self) -> list[_Row]:
        return list(self._rows)

    def row_for(self, member_id: int) -> _Row:
        for row in self._rows:
            if row.member.id == member_id:
                return row
        raise KeyError(member_id)

    def tally(self) -> AttendanceTally:
        marks = [r.status() for r in self._rows]
        return AttendanceTally(len(marks), marks.count("present"), marks.count("leave"),
                               marks.count("absent"), marks.count(None))

    def recorded(self) -> bool:
        return any(r.status() for r in self._rows)

    def problem(self) -> str | None:
        if not self.recorded():
            return None
        unmarked = [r.member.name for r in self._rows if r.status() is None]
        if unmarked:
            names = tr("、").join(unmarked[:3])
            if len(unmarked) > 3:
                return tr("还有 {n} 人未登记出席情况（{names}等）").format(n=len(unmarked),
                                                                   names=names)
            return tr("还有 {n} 人未登记出席情况（{names}）").format(n=len(unmarked), names=names)
        missing = [r for r in self._rows if r.missing_reason()]
        if missing:
            first = missing[0]
            status = tr(STATUSES[first.status() or "leave"])
            if len(missing) > 1:
                return tr("{name}等 {n} 人{status}，请填写原因").format(
                    name=first.member.name, n=len(missing), status=status)
            return tr("{name}{status}，请填写原因").format(name=first.member.name, status=status)
        return None

    def presences(self) -> list[Presence]:
        if not self.recorded():
            return []
        return [Presence(r.member.id, r.status() or "present", r.reason.text().strip())
                for r in self._rows]

    def snapshot(self) -> Any:
        return tuple((r.member.id, r.status(), r.reason.text().strip()) for r in self._rows)

    def first_problem_widget(self) -> QWidget | None:
        for r in self._rows:
            if r.status() is None:
                return r.radios["present"]
            if r.missing_reason():
                return r.reason
        return None


def due_at_meeting(ledger: Ledger, kinds: tuple[str, ...], day: str,
                   group: str) -> list[Any]:
    from ledger_app.rules.gather import due_at_meeting as rules_due

    return rules_due(ledger, kinds, day, group)


def member_infos_in_order(records: list[Any], people: Any) -> list[MemberInfo]:
    """Members due, grouped by 党小组 but otherwise in roster order (by 序号)."""
    infos = member_infos(records, people)  # sorted by group, name
    order = {r.id: n for n, r in enumerate(records)}
    return sorted(infos, key=lambda m: (m.party_group, order.get(m.id, 0)))
