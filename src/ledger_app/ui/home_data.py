"""What the home page shows, computed on the worker: the year's rules report.

The page is painted first with a placeholder; this job fills it in (``check_ledger``
takes 60–75 ms on the scale-30 ledger, too long to hold the GUI thread while opening).
No Qt here, so it can run on any thread and be tested alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ledger_app.rules.check import Report
    from ledger_app.store.ledger import Ledger


@dataclass(frozen=True)
class HomeData:
    report: Report
    meetings_type: str          # the record type meetings are kept in ("" if none)
    labels: dict[str, str]      # record type key -> its Chinese label


def load_home(ledger: Ledger, year: int, as_of: dt.date | None = None) -> HomeData:
    from ledger_app.rules.check import check_ledger

    report = check_ledger(ledger, year, as_of or dt.date.today())
    meetings = ledger.pack.type_for("meetings")
    return HomeData(report, meetings.key if meetings else "",
                    {rt.key: rt.label for rt in ledger.pack.record_types})


def records_to_open(ledger: Ledger, ids: list[int]) -> tuple[str, list[int]]:
    """A finding's records as the edit dialog can step through them: the first record's
    type, and those of its records that are of that type (findings carry ids only, and a
    rule may name records of several types)."""
    types = {i: ledger.records.get(i).type_key for i in ids}
    first = types[ids[0]]
    return first, [i for i in ids if types[i] == first]
