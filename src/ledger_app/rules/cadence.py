"""Meeting cadence (RULES.md §2): which required meetings were held, are due or missing.

``cadence_rows`` lays the year out as requirement × period cells (per 党小组 for the
group meeting); the home page draws them, and ``cadence_findings`` turns the cells into
findings. A period still running is "due" (info), never "missing"; a record of several
kinds counts for each of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from ledger_app.forms.model import Requirement
from ledger_app.rules import periods
from ledger_app.rules.facts import LedgerFacts
from ledger_app.rules.findings import Finding, Period, Subject, Suggestion
from ledger_app.rules.membership import Roll, committee_among, members_on, posts_on

GROUP_NOTE = "党小组按名册中现在的划分计算，台账不保存党员以往所在的党小组"


@dataclass(frozen=True)
class Cell:
    period: Period
    required: int          # 0: the requirement does not apply in this period
    held: int
    records: tuple[int, ...]
    state: str             # held, missing, due, future or na


@dataclass(frozen=True)
class Row:
    requirement: Requirement
    group: str             # the 党小组, for a per-group requirement
    cells: tuple[Cell, ...]

    @property
    def label(self) -> str:
        return f"{self.requirement.label}（{self.group}）" if self.group else self.requirement.label


def _check_day(period: Period, as_of: dt.date) -> dt.date:
    """The day on which whether a requirement applies is decided: the period's end, or
    today while the period is running or still ahead."""
    return min(period.end, as_of) if period.start <= as_of else as_of


def groups_of(facts: LedgerFacts) -> list[str]:
    """党小组 declared in 组织设置 first, then any other group named on the roster."""
    names = list(facts.org.groups)
    for m in facts.members:
        if m.group and m.group not in names:
            names.append(m.group)
    return names


def _cell(req: Requirement, period: Period, as_of: dt.date, applies: bool,
          records: list[int]) -> Cell:
    if not applies:
        return Cell(period, 0, len(records), tuple(records), "na")
    if len(records) >= req.count:
        state = "held"
    else:
        state = {"over": "missing", "running": "due",
                 "future": "future"}[periods.state(period, as_of)]
    return Cell(period, req.count, len(records), tuple(records), state)


# Months per period of each kind: a period's index is (month - 1) // this.
_PERIOD_MONTHS = {"month": 1, "quarter": 3, "half_year": 6}


def _period_index(every: str, day: dt.date) -> int:
    months = _PERIOD_MONTHS.get(every)
    return (day.month - 1) // months if months else 0


class _Day:
    """Who is in the branch on a day, and whether it has a committee: asked once per day
    (a ledger of many groups asks the same month's roster for every group)."""

    def __init__(self, facts: LedgerFacts):
        self.facts = facts
        self._groups: dict[dt.date, set[str]] = {}
        self._any: dict[dt.date, bool] = {}
        self._committee: dict[dt.date, bool] = {}
        self._roll = Roll(facts.members)

    def _read(self, day: dt.date) -> None:
        present = self._roll.on(day)
        self._groups[day] = {m.group for m in present}
        self._any[day] = bool(present)
        self._committee[day] = committee_among(present, self.facts.posts, day)

    def groups(self, day: dt.date) -> set[str]:
        if day not in self._groups:
            self._read(day)
        return self._groups[day]

    def anyone(self, day: dt.date) -> bool:
        if day not in self._any:
            self._read(day)
        return self._any[day]

    def committee(self, day: dt.date) -> bool:
        if day not in self._committee:
            self._read(day)
        return self._committee[day]


def _held_by_period(req: Requirement, facts: LedgerFacts, groups: list[str]
                    ) -> dict[tuple[str, int], list[int]]:
    """Records counting for ``req``, by (group, period index); "" for branch-wide rows."""
    out: dict[tuple[str, int], list[int]] = {}
    only = groups[0] if len(groups) == 1 else None
    kinds = frozenset(req.kinds)
    months = _PERIOD_MONTHS.get(req.every)
    by_group = req.scope == "group"
    year = facts.year
    for m in facts.meetings:
        if m.date.year != year or kinds.isdisjoint(m.kinds):
            continue
        group = (m.group or only or "") if by_group else ""
        index = (m.date.month - 1) // months if months else 0
        out.setdefault((group, index), []).append(m.id)
    if req.record_type:
        for entry_id, day in facts.typed.get(req.record_type, []):
            if day is not None and day.year == facts.year:
                out.setdefault(("", _period_index(req.every, day)), []).append(entry_id)
    return out


def cadence_rows(facts: LedgerFacts, as_of: dt.date) -> list[Row]:
    rows: list[Row] = []
    groups = groups_of(facts)
    days = _Day(facts)
    kept = facts.org.kept_since
    for req in facts.requirements:
        if req.scope == "pairs" or (req.applies == "has_groups" and not groups):
            continue
        held_by = _held_by_period(req, facts, groups)
        req_periods = periods.of_kind(req.every, facts.year)   # shared by its rows: frozen
        for group in (groups if req.scope == "group" else [""]):
            cells = []
            for index, period in enumerate(req_periods):
                day = _check_day(period, as_of)
                applies = kept is None or period.end >= kept
                if req.applies == "has_committee":
                    applies = applies and days.committee(day)
                applies = applies and (group in days.groups(day) if group else days.anyone(day))
                held = held_by.get((group, index), [])
                if req.scope == "group" and req.record_type:
                    held = held + held_by.get(("", index), [])
                cells.append(_cell(req, period, as_of, applies, held))
            rows.append(Row(req, group, tuple(cells)))
    return rows


def _missed_in_a_row(cells: Sequence[Cell], index: int) -> int:
    run = 0
    while index >= 0 and cells[index].state == "missing":
        run += 1
        index -= 1
    return run


# Our choice: one missed period is "需处理"; three months, two quarters or a year in a
# row missed is serious (an inspector reads it as the meeting not being held at all).
ALERT_RUN = {"month": 3, "quarter": 2, "half_year": 1, "year": 1}


def cadence_findings(facts: LedgerFacts, rows: Sequence[Row], as_of: dt.date,
                     meetings_type: str, category: str) -> list[Finding]:
    out: list[Finding] = []
    for row in rows:
        req = row.requirement
        group_note = f"；{GROUP_NOTE}" if row.group else ""
        who = f"{row.group}" if row.group else ""
        for index, cell in enumerate(row.cells):
            if cell.state not in ("missing", "due"):
                continue
            period = cell.period
            # Meetings are 召开; a yearly 工作总结 or 经费审查 (counted from its own records) is 完成.
            verb = "召开" if req.kinds else "完成"
            if cell.held:
                what = (f"{period.label}{who}只{verb}了 {cell.held} 次{req.label}，"
                        f"应至少 {req.count} 次")
            elif cell.state == "due":
                what = f"{period.label}{who}尚未{verb}{req.label}（本期到 {_day(period.end)} 结束）"
            else:
                what = f"{period.label}{who}没有{verb}{req.label}"
            if cell.state == "due":
                severity = "info"
            else:
                run = _missed_in_a_row(row.cells, index)
                severity = "alert" if run >= ALERT_RUN[req.every] else "warn"
                if run > 1:
                    what += f"（已连续 {run} 期）"
            values: dict[str, object] = {}
            if req.kinds:
                values = {"meeting_kinds": [req.kinds[0]],
                          "date": min(period.end, max(period.start, as_of)).isoformat()}
                if row.group:
                    values["meeting_group"] = row.group
            suggestion = (Suggestion(meetings_type, values) if req.kinds
                          else Suggestion(req.record_type, {}))
            out.append(Finding(
                rule=f"cadence.{req.key}", severity=severity, category=category, period=period,
                subject=Subject("group" if row.group else "requirement",
                                row.label, row.group or req.key),
                why=f"{what}（{req.source}{group_note}）", records=cell.records,
                suggestion=suggestion))
    return out


def _day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def talk_findings(facts: LedgerFacts, as_of: dt.date, category: str) -> list[Finding]:
    """谈心谈话: each two 委员, and each 党员 with at least one 委员, once in the year."""
    out: list[Finding] = []
    year = periods.whole_year(facts.year)
    state = periods.state(year, as_of)
    if state == "future":
        return out
    day = _check_day(year, as_of)
    for req in facts.requirements:
        if req.scope != "pairs":
            continue
        present = {m.id: m for m in members_on(facts.members, day)}
        committee = sorted({p.member_id for p in posts_on(facts.posts, day)
                            if p.member_id in present})
        if not committee:
            continue
        talked = {frozenset((t.talker, t.talkee)) for t in facts.talks
                  if t.talker is not None and t.talkee is not None}
        severity = "warn" if state == "over" else "info"
        tail = "" if state == "over" else f"（本年度到 {_day(year.end)} 结束）"
        pairs = [(a, b) for a, b in combinations(committee, 2)
                 if frozenset((a, b)) not in talked]
        if pairs:
            names = "、".join(f"{present[a].name}与{present[b].name}" for a, b in pairs[:8])
            more = f"等 {len(pairs)} 对" if len(pairs) > 8 else ""
            out.append(Finding(
                rule=f"cadence.{req.key}.committee", severity=severity, category=category,
                period=year, subject=Subject("requirement", f"{req.label}（委员之间）", req.key),
                why=f"{year.label}委员{names}{more}之间没有谈心谈话记录{tail}（{req.source}）",
                suggestion=Suggestion(req.record_type, {"date": day.isoformat()})))
        # Who talked with some 委员: one pass over the talks, not a pair test per member.
        members = set(committee)
        with_committee: set[int] = set()
        for t in facts.talks:
            if t.talker is None or t.talkee is None:
                continue
            if t.talker in members:
                with_committee.add(t.talkee)
            if t.talkee in members:
                with_committee.add(t.talker)
        lonely = [m for mid, m in present.items() if mid not in members
                  and mid not in with_committee]
        if lonely:
            names = "、".join(m.name for m in lonely[:10])
            more = f"等 {len(lonely)} 人" if len(lonely) > 10 else ""
            out.append(Finding(
                rule=f"cadence.{req.key}.members", severity=severity, category=category,
                period=year, subject=Subject("requirement", f"{req.label}（委员与党员）", req.key),
                why=f"{year.label}党员{names}{more}没有与任何一名委员谈心谈话的记录{tail}"
                    f"（{req.source}）",
                suggestion=Suggestion(req.record_type, {"date": day.isoformat()})))
    return out


def cells_within(row: Row, period: Period) -> list[Cell]:
    """The row's cells that lie inside ``period`` and apply there (a month inside its
    quarter, a quarter inside the year); "na" cells are left out."""
    return [c for c in row.cells if period.start <= c.period.start
            and c.period.end <= period.end and c.state != "na"]


@dataclass(frozen=True)
class Summary:
    """Cells added up: what the home page's grid, its chart and the printed 自查表 show."""
    required: int
    held: int           # capped per cell at what it requires: a second meeting does not
                        # make up for a missed month
    missing: int        # cells over and not held
    due: int            # cells running and not yet held
    state: str          # na (nothing required), missing, due, future or held

    @property
    def text(self) -> str:
        """held/required, with what is missed (缺) or still open (待): "2/3 缺 1"."""
        if not self.required:
            return "—"
        if self.missing:
            return f"{self.held}/{self.required} 缺 {self.missing}"
        if self.held < self.required:
            return f"{self.held}/{self.required} 待"
        return f"{self.held}/{self.required}"


def summarise(cells: Sequence[Cell]) -> Summary:
    required = sum(c.required for c in cells)
    held = sum(min(c.held, c.required) for c in cells)
    missing = sum(1 for c in cells if c.state == "missing")
    due = sum(1 for c in cells if c.state == "due")
    if not required:
        state = "na"
    elif missing:
        state = "missing"
    elif due:
        state = "due"
    elif held < required:
        state = "future"
    else:
        state = "held"
    return Summary(required, held, missing, due, state)


def quarter_totals(rows: Sequence[Row], year: int) -> list[tuple[str, int, int]]:
    """Per quarter: (label, meetings required, required meetings held) for the chart.
    Rows counted per year or half-year are left out: they do not belong to one quarter."""
    out = []
    for q, period in enumerate(periods.quarters(year)):
        total = summarise([c for row in rows for c in cells_within(row, period)])
        out.append((periods.QUARTER_NAMES[q], total.required, total.held))
    return out
