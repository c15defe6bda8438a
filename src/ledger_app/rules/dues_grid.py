"""The dues of a year as a member × month grid: what the window's 党费收缴表 shows and the
printed 党费收缴登记表 prints, so that both say the same (应交, 实交, 未交, 不应交, totals).

A cell is one member's month: its record (应交/实交 as recorded), or — where there is no
record — what ``rules.dues`` says is owed (``missing`` once the month is over, ``pending``
while it runs) or that nothing is owed and why (``not_due``). Arrears runs come from the
same findings the home page and ``ledger-app check`` show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from ledger_app.rules.dues import DuesMember, OwedMonths, due_for, owed_months
from ledger_app.rules.findings import Finding

if TYPE_CHECKING:
    from ledger_app.store.dues import DuesCell

STATES = ("paid", "unpaid", "missing", "pending", "not_due")
STATE_WORDS = {"unpaid": "未交", "missing": "未交", "not_due": "不应交", "pending": ""}


@dataclass(slots=True)   # 12 per member, thousands per grid: plain slots, not frozen
class GridCell:
    month: str
    state: str                     # one of STATES
    record_id: int | None = None
    due: int | None = None         # recorded 应交, else what is owed (None: unknown)
    paid: int | None = None
    base: int | None = None
    rate: str = ""
    why: str = ""                  # the rule applied, why nothing is owed, or the note
    arrears: str = ""              # "", "warn" or "alert": part of an unpaid run
    arrears_why: str = ""
    note: str = ""                 # the record's 备注

    @property
    def counts_as_due(self) -> bool:
        """In the 应交 totals: recorded, or owed for a month already over."""
        return self.due is not None and (self.record_id is not None
                                         or self.state == "missing")



@dataclass(frozen=True)
class GridRow:
    member_id: int
    name: str
    cells: tuple[GridCell, ...]    # January to December

    @property
    def due_total(self) -> int:
        return sum(c.due or 0 for c in self.cells if c.counts_as_due)

    @property
    def paid_total(self) -> int:
        return sum(c.paid or 0 for c in self.cells if c.paid)

    def latest(self) -> GridCell | None:
        """The last month with a record or an amount owed: its base, rate and 月应交."""
        for cell in reversed(self.cells):
            if cell.state != "not_due" and cell.due is not None:
                return cell
        return None

    def unpaid_months(self) -> list[int]:
        return [n for n, c in enumerate(self.cells, 1) if c.state in ("unpaid", "missing")]


@dataclass(frozen=True)
class DuesYear:
    year: int
    rows: tuple[GridRow, ...]
    findings: tuple[Finding, ...] = field(default=())

    def month_due(self, month: int) -> int:
        return sum(r.cells[month - 1].due or 0 for r in self.rows
                   if r.cells[month - 1].counts_as_due)

    def month_paid(self, month: int) -> int:
        return sum(r.cells[month - 1].paid or 0 for r in self.rows if r.cells[month - 1].paid)

    @property
    def due_total(self) -> int:
        return sum(r.due_total for r in self.rows)

    @property
    def paid_total(self) -> int:
        return sum(r.paid_total for r in self.rows)


def months_of(year: int) -> list[str]:
    return [f"{year:04d}-{m:02d}" for m in range(1, 13)]


def _in_year(owed: OwedMonths, year: int) -> bool:
    return not ((owed.first and owed.first > f"{year}-12")
                or (owed.last is not None and owed.last < f"{year}-01"))


def build_grid(year: int, members: Sequence[DuesMember], cells: Iterable[DuesCell],
               as_of: dt.date, findings: Iterable[Finding] = (),
               history: Mapping[int, Mapping[str, int]] | None = None,
               rounding: Decimal = Decimal(1)) -> DuesYear:
    """The year's grid (pure). Members owing any month of the year, or with a record in
    it, in roster order; a month with several records (a duplicate) shows the first."""
    running = f"{as_of.year:04d}-{as_of.month:02d}"
    # Member -> month -> the first record: one lookup per member, then one per month.
    by_member: dict[int, dict[str, DuesCell]] = {}
    for c in cells:
        by_member.setdefault(c.member, {}).setdefault(c.month, c)
    recorded = set(by_member)
    arrears: dict[tuple[int, str], Finding] = {}
    shown_findings = []
    for f in findings:
        if not f.rule.startswith("dues.arrears") or not isinstance(f.subject.id, int):
            continue
        shown_findings.append(f)
        first = f.period.start.replace(day=1)
        while first <= f.period.end:
            arrears[(f.subject.id, f"{first.year:04d}-{first.month:02d}")] = f
            first = (first + dt.timedelta(days=32)).replace(day=1)
    rows = []
    owing = {m.id: owed_months(m) for m in members}
    chosen = [m for m in members if m.id in recorded or _in_year(owing[m.id], year)]
    chosen.sort(key=lambda m: (m.seq is None, m.seq or 0, m.id))
    months = months_of(year)
    history = history or {}
    no_records: dict[str, DuesCell] = {}
    for m in chosen:
        owed_here = owing[m.id]
        records = by_member.get(m.id, no_records)
        base_history = history.get(m.id)
        # The owed span as two strings: a dozen comparisons per member, not a dozen calls.
        low, high = owed_here.first or "", owed_here.last if owed_here.last is not None \
            else "9999-99"
        row = []
        for month in months:
            record = records.get(month)
            cell: GridCell
            if record is not None:
                paid = record.paid if record.paid and record.paid > 0 else None
                why = f"备注：{record.note}" if record.note else ""
                if not low <= month <= high:
                    reason = f"按名册此月不应交：{owed_here.why_not(month)}"
                    why = f"{why}；{reason}" if why else reason
                # A record not yet paid in the month still running is not yet 未交.
                state = "paid" if paid else "pending" if month >= running else "unpaid"
                cell = GridCell(month, state, record.id, record.due, paid, record.base,
                                record.rate, why, "", "", record.note)
            else:
                owed = due_for(m, month, base_history, rounding)
                if not owed.owed:
                    cell = GridCell(month, "not_due", why=owed.why)
                else:
                    state = "pending" if month >= running else "missing"
                    why = owed.why + ("；本月还没有党费记录" if state == "missing" else "")
                    cell = GridCell(month, state, None, owed.amount, None, owed.base,
                                    owed.rate, why)
            if arrears:
                finding = arrears.get((m.id, month))
                if finding is not None:
                    cell.arrears = "alert" if finding.severity == "alert" else "warn"
                    cell.arrears_why = finding.why
            row.append(cell)
        rows.append(GridRow(m.id, m.name, tuple(row)))
    known = {m.id for m in chosen}
    for member_id in sorted(recorded - known):
        # A record whose member is gone from the roster: still shown, never dropped.
        row = []
        for month in months_of(year):
            record = by_member[member_id].get(month)
            row.append(GridCell(month, "not_due", why="不在名册中") if record is None else
                       GridCell(month, "paid" if record.paid else "unpaid", record.id,
                                record.due, record.paid or None, record.base, record.rate,
                                record.note))
        rows.append(GridRow(member_id, f"（已删除的党员 #{member_id}）", tuple(row)))
    return DuesYear(year, tuple(rows), tuple(shown_findings))
