"""Reading the dues records in bulk: the arrears check, the dues grid and 本月收缴 each ask
for a span of months at once (one query), never record by record.

Fields are found by role on the pack's dues type (``role = "dues"``): a person, the type's
date field (a month), and the ``dues_*`` roles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ledger_app.forms.model import RecordType
from ledger_app.store.schema import table_name, unpaid_clause

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger


@dataclass(slots=True)   # thousands per grid: plain slots, not a frozen dataclass
class DuesCell:
    """One dues record as the grid shows it."""
    id: int
    member: int
    month: str
    base: int | None
    rate: str
    due: int | None
    paid: int | None
    paid_date: str | None
    note: str


@dataclass(frozen=True)
class PaidMonths:
    """Per member the months paid (实交 > 0) in a span, and the months any record covers."""
    paid: dict[int, frozenset[str]]
    first_recorded: str | None
    last_recorded: str | None
    repeated: tuple[tuple[int, str], ...] = ()   # (member, month) held by 2+ live records


def dues_type(ledger: Ledger) -> RecordType | None:
    rt = ledger.pack.type_for("dues")
    if rt is None or not rt.key_for("person") or not rt.date_field:
        return None
    return rt


def _col(rt: RecordType, role: str) -> str:
    key = rt.key_for(role)
    return f't."{key}"' if key else "NULL"


def paid_months(ledger: Ledger, first: str, last: str) -> PaidMonths:
    """Months paid per member between ``first`` and ``last`` (YYYY-MM, inclusive).

    Read for every ``check``, so it never walks the payments themselves: the months with
    a record come from the (person, month) unique index alone, then the few unpaid and
    recycled records are taken away (a partial index and the entries index find them)."""
    from collections import Counter

    rt = dues_type(ledger)
    if rt is None:
        return PaidMonths({}, None, None)
    table, person, month = table_name(rt.key), _col(rt, "person"), f't."{rt.date_field}"'
    by_key = (ledger.records.by_unique_index(rt)
              if rt.unique == (rt.key_for("person"), rt.date_field) else "")
    rows = ledger.query(
        f'SELECT {person}, group_concat({month}), min({month}), max({month}) FROM "{table}" t '
        f"{by_key} WHERE {person} IS NOT NULL AND {month} BETWEEN ? AND ? GROUP BY {person}",
        (first, last))
    taken: dict[int, Counter[str]] = {}
    unpaid = unpaid_clause(rt)
    if unpaid:
        for r in ledger.query(f'SELECT {person}, {month} FROM "{table}" t JOIN entries e '
                              f"ON e.id = t.id WHERE ({unpaid}) AND e.deleted_at IS NULL"):
            if r[0] is not None and r[1] and first <= r[1] <= last:
                counter = taken.get(int(r[0]))
                if counter is None:
                    counter = taken[int(r[0])] = Counter()
                counter[str(r[1])] += 1
    for r in ledger.query(
            f'SELECT {person}, {month} FROM entries e JOIN "{table}" t ON t.id = e.id '
            "WHERE e.type_key = ? AND e.deleted_at IS NOT NULL", (rt.key,)):
        if r[0] is not None and r[1] and first <= r[1] <= last:
            taken.setdefault(int(r[0]), Counter())[str(r[1])] += 1
    out: dict[int, frozenset[str]] = {}
    repeated: list[tuple[int, str]] = []
    for r in rows:
        member, months = int(r[0]), str(r[1]).split(",")
        paid = frozenset(months)
        if len(paid) == len(months):
            # Each month once: a month with an unpaid or recycled record has no payment.
            if member in taken:
                paid = paid.difference(taken[member])
        else:
            # A month held by several records (a duplicate, or one in the recycle bin):
            # counted, and offered as a duplicate to check against the live records.
            counts = Counter(months)
            recycled = taken.get(member, Counter())
            paid = frozenset(counts - recycled)
            repeated += [(member, m) for m, n in counts.items() if n > 1]
        out[member] = paid
    lows = [r[2] for r in rows if r[2]]
    highs = [r[3] for r in rows if r[3]]
    return PaidMonths(out, min(lows) if lows else None, max(highs) if highs else None,
                      tuple(sorted(repeated)))


def cells(ledger: Ledger, first: str, last: str) -> list[DuesCell]:
    """Every live dues record between ``first`` and ``last`` (the grid's year)."""
    rt = dues_type(ledger)
    if rt is None:
        return []
    month = f't."{rt.date_field}"'
    cols = ", ".join(_col(rt, r) for r in ("person", "dues_base", "dues_rate", "dues_due",
                                           "dues_paid", "dues_paid_date", "note"))
    # Found through the entries index (type, live, year: a record's year is its month's),
    # then each row by its id: the month index would visit the rows in month order and
    # look every one up in entries again, then sort them (three times slower).
    rows = ledger.query(
        f"SELECT t.id, {month}, {cols} FROM entries e JOIN \"{table_name(rt.key)}\" t "
        f"ON t.id = e.id WHERE e.type_key = ? AND e.deleted_at IS NULL "
        f"AND e.year BETWEEN ? AND ? AND {month} BETWEEN ? AND ? ORDER BY e.id",
        (rt.key, int(first[:4]), int(last[:4]), first, last))
    return [DuesCell(int(r[0]), int(r[2]), str(r[1]), r[3], str(r[4] or ""), r[5], r[6], r[7],
                     str(r[8] or "")) for r in rows if r[2] is not None]


def base_history(ledger: Ledger, members: Iterable[int]) -> dict[int, dict[str, int]]:
    """Per member, month -> the base written on each of their dues records: the old bases
    that months before a new base (新基数起算月份) keep. Only for the members named (those
    with a new base), so an ordinary month's fill reads nothing here."""
    rt = dues_type(ledger)
    wanted = sorted(set(members))
    if rt is None or not rt.key_for("dues_base") or not wanted:
        return {}
    month, person, base = f't."{rt.date_field}"', _col(rt, "person"), _col(rt, "dues_base")
    marks = ",".join("?" for _ in wanted)
    out: dict[int, dict[str, int]] = {}
    for r in ledger.query(
            f"SELECT {person}, {month}, {base} FROM \"{table_name(rt.key)}\" t JOIN entries e "
            f"ON e.id = t.id WHERE e.deleted_at IS NULL AND {base} IS NOT NULL "
            f"AND {person} IN ({marks})", wanted):
        out.setdefault(int(r[0]), {})[str(r[1])] = int(r[2])
    return out
