"""Who was due at a meeting and who came: per member, never a typed number (RULES.md §2)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

STATUSES = {"present": "出席", "leave": "请假", "absent": "缺席"}


@dataclass(frozen=True)
class Presence:
    member_id: int
    status: str            # present, leave or absent
    reason: str = ""
    name: str = ""         # filled when read back


@dataclass(frozen=True)
class Tally:
    due: int               # 应到
    present: int           # 实到
    leave: int
    absent: int


class Attendance:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger

    def set(self, entry_id: int, presences: Iterable[Presence]) -> None:
        presences = list(presences)
        for p in presences:
            if p.status not in STATUSES:
                raise LedgerError(f"出席状态只能是 出席、请假 或 缺席，不能是 {p.status!r}")
            if p.status != "present" and not p.reason.strip():
                name = self.ledger.records.member_name(p.member_id)
                raise LedgerError(f"{name} {STATUSES[p.status]}，请填写原因。")
        record = self.ledger.records.get(entry_id)
        before = {p.member_id: p.status for p in self.of(entry_id)}
        with self.ledger.transaction() as conn:
            conn.execute("DELETE FROM attendance WHERE entry_id = ?", (entry_id,))
            conn.executemany(
                "INSERT INTO attendance(entry_id, member_id, status, reason) VALUES (?,?,?,?)",
                [(entry_id, p.member_id, p.status, p.reason.strip()) for p in presences])
            after = {p.member_id: p.status for p in presences}
            if before != after:
                tally = self._tally(presences)
                self.ledger.audit.append(
                    "attendance", entry_id, record.type_key,
                    f"登记出席：应到 {tally.due} 人，实到 {tally.present} 人",
                    {"before": before, "after": after})

    def of(self, entry_id: int) -> list[Presence]:
        people = self.ledger.pack.record_type(self.ledger.pack.member_type)
        member_table = f"t_{people.key}"
        name = people.key_for("person_name") or people.title_field
        order = ", ".join(f"m.{k}" for k in (people.key_for("group"), people.key_for("seq")) if k)
        rows = self.ledger.query(
            f"SELECT a.member_id, a.status, a.reason, m.{name} FROM attendance a "
            f'LEFT JOIN "{member_table}" m ON m.id = a.member_id WHERE a.entry_id = ? '
            f"ORDER BY {order + ', ' if order else ''}a.member_id", (entry_id,))
        return [Presence(r[0], r[1], r[2], r[3] or "") for r in rows]

    def tally(self, entry_id: int) -> Tally:
        return self._tally(self.of(entry_id))

    def tallies(self, entry_ids: Iterable[int], conn: Any = None) -> dict[int, Tally]:
        """应到/实到 of many meetings in one query (the home page's attendance chart, the
        workbook's 出席情况 column; ``conn``: a reader connection of the caller's)."""
        ids = list(entry_ids)
        out: dict[int, Tally] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" for _ in chunk)
            sql = ("SELECT entry_id, COUNT(*), SUM(status = 'present'), SUM(status = 'leave'), "
                   f"SUM(status = 'absent') FROM attendance WHERE entry_id IN ({marks}) "
                   "GROUP BY entry_id")
            rows = conn.execute(sql, chunk).fetchall() if conn is not None \
                else self.ledger.query(sql, chunk)
            for r in rows:
                out[r[0]] = Tally(r[1], r[2] or 0, r[3] or 0, r[4] or 0)
        return out

    @staticmethod
    def _tally(presences: list[Presence]) -> Tally:
        count = {s: sum(1 for p in presences if p.status == s) for s in STATUSES}
        return Tally(len(presences), count["present"], count["leave"], count["absent"])
