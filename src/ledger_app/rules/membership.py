"""Who belongs where on a given day, and so who is due (应到) at a meeting (RULES.md §2).

One function decides 应到 for the attendance editor, the record page, the sign-in sheet
and the cadence checks: 支部委员会 — the committee members in office that day; 党小组会 —
that group's members; every other meeting — every member in the branch that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from ledger_app.forms import dates
from ledger_app.forms.model import Requirement
from ledger_app.rules.facts import Member, Post

M = TypeVar("M", bound=Member)

# 《中国共产党支部工作条例（试行）》: 正式党员 7 人以上的党支部设立支部委员会.
COMMITTEE_MIN_FULL_MEMBERS = 7
COMMITTEE_MIN_POSTS = 3


def in_branch(member: Member, day: dt.date) -> bool:
    """In the Party by then (入党日期), in this branch by then (转入本支部日期) and not yet
    gone (转出、去世、出党 before that day). A month-only date in the day's own month
    cannot be settled to the day: such a member is counted in (the meeting's own
    attendance then shows whether they came)."""
    first_day, gone_after = _window(member.joined, member.arrived, member.left, member.active)
    if first_day is not None and first_day > day:
        return False
    return gone_after is None or gone_after > day


@lru_cache(maxsize=8192)
def _window(joined: str | None, arrived: str | None, left: str | None,
            active: bool) -> tuple[dt.date | None, dt.date | None]:
    """(the earliest day the member can be in the branch, the last day of leaving) from
    dates of any precision; a member who left without a date is never counted."""
    starts = [s.first for s in (dates.span(joined), dates.span(arrived)) if s is not None]
    if active:
        return (max(starts) if starts else None), None
    gone = dates.span(left)
    return (max(starts) if starts else None), (gone.last if gone else dt.date.min)


def probationary_on(member: Member, day: dt.date) -> bool:
    """A 预备党员 on ``day``, from the roster's declared 人员类别 and 转正日期: one recorded as
    预备党员, or a 正式党员 whose 转正日期 certainly falls after the day. A 转正日期 known
    only to the day's own month cannot be settled: such a member counts as 正式. A roster
    without 人员类别 (another pack) has no 预备党员."""
    if member.full is False:
        return True
    confirmed = dates.span(member.confirmed) if member.full and member.confirmed else None
    return confirmed is not None and confirmed.first > day


def members_on(members: Iterable[M], day: dt.date) -> list[M]:
    return [m for m in members if in_branch(m, day)]


class Roll:
    """The members with their windows (``_window``, the same test as ``in_branch``)
    worked out once: the cadence grid asks who was in the branch on some eighty days of a
    year, which then costs two comparisons per member instead of a date parse."""

    def __init__(self, members: Iterable[M]):
        self._rows = [(m, *_window(m.joined, m.arrived, m.left, m.active)) for m in members]

    def on(self, day: dt.date) -> list[Any]:
        return [m for m, first_day, gone_after in self._rows
                if (first_day is None or first_day <= day)
                and (gone_after is None or gone_after > day)]


def posts_on(posts: Iterable[Post], day: dt.date) -> list[Post]:
    """Committee posts held that day: started by then and the term not yet over."""
    held = []
    for p in posts:
        if p.term_start and dates.on_or_before(p.term_start, day) is False:
            continue
        if p.term_end and dates.before(p.term_end, day) is True:
            continue
        held.append(p)
    return held


def has_committee(members: Sequence[Member], posts: Sequence[Post], day: dt.date) -> bool:
    """Does the branch have a 支部委员会 that day: ≥ 7 full members, or at least 3 委员 in
    office recorded in 班子成员分工."""
    return committee_among(members_on(members, day), posts, day)


def committee_among(present: Sequence[Member], posts: Sequence[Post], day: dt.date) -> bool:
    """``has_committee`` for the members already known to be in the branch that day."""
    full = sum(1 for m in present if m.full)
    in_office = {p.member_id for p in posts_on(posts, day) if p.member_id is not None}
    return full >= COMMITTEE_MIN_FULL_MEMBERS or len(in_office) >= COMMITTEE_MIN_POSTS


def scope_of(kinds: Iterable[str], requirements: Sequence[Requirement]) -> str:
    """Who is due at a meeting of these kinds: the widest scope among the requirements it
    counts for (a 主题党日 that is also a 支部委员会 is due for everyone)."""
    scopes = {r.scope for r in requirements if set(r.kinds) & set(kinds)}
    for scope in ("branch", "group", "committee"):
        if scope in scopes:
            return scope
    return "branch"


def due_members(kinds: Iterable[str], day: dt.date, group: str, members: Sequence[M],
                posts: Sequence[Post], requirements: Sequence[Requirement]) -> list[M]:
    """应到 for a meeting of ``kinds`` on ``day`` (of ``group`` for a 党小组会)."""
    present = members_on(members, day)
    scope = scope_of(kinds, requirements)
    if scope == "committee":
        ids = {p.member_id for p in posts_on(posts, day)}
        return [m for m in present if m.id in ids]
    if scope == "group" and group:
        return [m for m in present if m.group == group]
    return present
