"""When the demo branch meets (RULES.md §2), and the few times it did not.

主题党日 on the first Friday, 支委会 on the first Tuesday, 党小组会 in the second week
(one evening per group), 党员大会 on the last Wednesday of each quarter's last month
(November in Q4, ahead of the 组织生活会), 党课 in each quarter's middle month,
组织生活会 with 民主评议 in late December. Nothing after ``today`` is held.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based) given weekday (Mon=0) of a month."""
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def last_weekday(year: int, month: int, weekday: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


@dataclass(frozen=True)
class Slot:
    kinds: tuple[str, ...]
    day: date
    start: str
    end: str
    group: str = ""              # 党小组会: which group
    quarter: int = 0


@dataclass
class Gaps:
    """Meetings a unit missed: (year, month) for monthly ones, (year, quarter) for quarterly."""

    committee: set[tuple[int, int]] = field(default_factory=set)
    lecture: set[tuple[int, int]] = field(default_factory=set)
    group: set[tuple[int, int, int]] = field(default_factory=set)   # (year, month, group index)
    assembly: set[tuple[int, int]] = field(default_factory=set)     # (year, quarter)


def first_unit_gaps(first_year: int, last_year: int) -> Gaps:
    """The gaps the demo shows on purpose (the home page's findings): a 支委会 skipped in
    the summer, a third quarter without a 支部党员大会, a quarter without a 党课, and one
    党小组 that did not meet in the Spring Festival month."""
    return Gaps(committee={(first_year, 8)}, lecture={(last_year, 3)},
                group={(last_year, 2, 1)}, assembly={(first_year, 3)})


def random_gaps(rng: random.Random, first_year: int, last_year: int) -> Gaps:
    gaps = Gaps()
    for year in range(first_year, last_year + 1):
        gaps.committee.add((year, rng.randrange(1, 13)))
        if rng.random() < 0.5:
            gaps.lecture.add((year, rng.randrange(1, 5)))
        gaps.group.add((year, rng.randrange(1, 13), rng.randrange(2)))
    return gaps


def assembly_day(year: int, quarter: int) -> date:
    month = 11 if quarter == 4 else quarter * 3
    return last_weekday(year, month, 2)


def schedule(first_year: int, today: date, groups: tuple[str, ...], gaps: Gaps) -> list[Slot]:
    slots: list[Slot] = []
    for year in range(first_year, today.year + 1):
        for month in range(1, 13):
            quarter = (month - 1) // 3 + 1
            if (year, month) not in gaps.committee:
                slots.append(Slot(("支部委员会",), nth_weekday(year, month, 1, 1), "09:00", "10:30"))
            slots.append(Slot(("主题党日",), nth_weekday(year, month, 4, 1), "15:00", "17:00"))
            for index, group in enumerate(groups):
                if (year, month, index) in gaps.group:
                    continue
                day = nth_weekday(year, month, 2 + index % 2, 2)
                slots.append(Slot(("党小组会",), day, "19:30", "21:00", group=group))
            if month % 3 == 2 and (year, quarter) not in gaps.lecture:
                slots.append(Slot(("党课",), nth_weekday(year, month, 4, 3), "15:00", "16:30",
                                  quarter=quarter))
            if month in (3, 6, 9, 11) and (year, quarter) not in gaps.assembly:
                slots.append(Slot(("支部党员大会",), assembly_day(year, quarter), "15:00",
                                  "17:00", quarter=quarter))
            if month == 12:
                slots.append(Slot(("组织生活会", "民主评议党员"), nth_weekday(year, 12, 1, 4),
                                  "09:00", "12:00", quarter=4))
    slots = [s for s in slots if s.day <= today]
    slots.sort(key=lambda s: (s.day, s.start))
    return slots
