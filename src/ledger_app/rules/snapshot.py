"""The ledger as it stood at the end of a period — what a printout of that period shows.

A 2025 binder printed in 2026 must not list members admitted in 2026, nor the committee
elected in 2026, nor date its forms with a day after the period (an inspector reads such a
binder as paperwork made up afterwards). So a printout of a period is a snapshot taken on
the period's last day (or today, if the period has not ended yet):

- 党员名册: the members in the branch that day (《中国共产党党员名册》 practice: the roster of
  a year lists who belonged to the branch at its end), each as they stood then — a member
  who left or was confirmed later is still 在册 / 预备党员 that day, and nothing dated after
  it is printed;
- 班子成员分工: the posts held that day (the committee then in office);
- 发展党员登记: each person at the stage they had reached that day, no later step's date;
- 填报日期: the period's last day, or today if that is earlier; the user may set another.

Pure functions over ``rules.facts`` and stored values; ``outputs`` reads the ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from ledger_app.forms import dates
from ledger_app.forms.model import RecordType
from ledger_app.rules.facts import Member, Post
from ledger_app.rules.membership import in_branch, posts_on


def period_end(year: int | None, date_to: str | None = None) -> dt.date | None:
    """The last day of the period printed: ``date_to``, else 31 December of ``year``; None
    for a printout of every year (the ledger as it is now)."""
    if date_to:
        span = dates.span(date_to)
        if span is not None:
            return span.last
    if year is not None:
        return dt.date(int(year), 12, 31)
    return None


def as_of(end: dt.date | None, today: dt.date) -> dt.date:
    """The day the snapshot is taken: the period's end, never later than today."""
    return today if end is None else min(end, today)


def filled_on(end: dt.date | None, today: dt.date, chosen: dt.date | None = None) -> dt.date:
    """填报日期: the one the user chose, else the period's end or today if that is earlier."""
    return chosen if chosen is not None else as_of(end, today)


def roster_ids(members: Iterable[Member], day: dt.date) -> set[int]:
    """Ids of the members in the branch on ``day`` (RULES.md §5, ``membership.in_branch``)."""
    return {m.id for m in members if in_branch(m, day)}


def committee_ids(posts: Iterable[Post], day: dt.date) -> set[int]:
    """Ids of the 班子成员分工 records whose post was held on ``day``."""
    return {p.id for p in posts_on(posts, day)}


def member_as_of(rt: RecordType, values: Mapping[str, Any], day: dt.date) -> dict[str, Any]:
    """A roster record as it stood on ``day``: dates after it are blanked; a member who
    left later was still in the branch (状态 “在册”), one confirmed later was still a
    预备党员. ``values`` maps field keys to stored values (keys not given are left out)."""
    out = dict(values)
    later = {f.key for f in rt.fields if f.type in ("date", "month") and f.key in out
             and _after(out[f.key], day)}
    for key in later:
        out[key] = None
    left, status = rt.key_for("left"), rt.key_for("status")
    active = rt.value_for("status", "active")
    if left in later and status in out and active:
        out[status] = active
    confirmed, klass = rt.key_for("confirmed"), rt.key_for("member_class")
    probationary = rt.value_for("member_class", "probationary")
    if confirmed in later and klass in out and probationary:
        out[klass] = probationary
    return out


# 《中国共产党发展党员工作细则》: each stage starts on a dated step — the application, the
# 支委会 confirming an activist, then a development target, the 支部大会 admitting a
# probationary member, the approval of 转正.
STAGES = (("applicant", "dev_applied"), ("activist", "dev_activist"),
          ("target", "dev_target"), ("probationary", "dev_admitted"), ("full", "dev_full"))


def development_as_of(rt: RecordType, values: Mapping[str, Any], day: dt.date
                      ) -> dict[str, Any]:
    """A 发展党员 record as it stood on ``day``: steps dated after it blanked, and the stage
    the last step on or before it started (a 2025 register does not show someone as a
    发展对象 because the 支委会 named them one in 2026). A record whose steps carry no
    dates keeps its stage: nothing says it was different."""
    out = dict(values)
    later = {f.key for f in rt.fields if f.type in ("date", "month") and f.key in out
             and _after(out[f.key], day)}
    for key in later:
        out[key] = None
    stage = rt.key_for("dev_stage")
    if not stage or stage not in out or not later:
        return out
    reached = None
    for meaning, role in STAGES:
        stage_key = rt.key_for(role)
        if stage_key and out.get(stage_key):
            reached = meaning
    value = rt.value_for("dev_stage", reached) if reached else None
    if value:
        out[stage] = value
    return out


def transfer_as_of(rt: RecordType, values: Mapping[str, Any], day: dt.date
                   ) -> dict[str, Any]:
    """A 转入转出 record as it stood on ``day``: a 回执 that came back later had not come
    back yet (RULES.md §6: the 回执 returns within a month, so a December transfer's
    回执 often dates from January)."""
    out = dict(values)
    later = {f.key for f in rt.fields if f.type in ("date", "month") and f.key in out
             and _after(out[f.key], day)}
    for key in later:
        out[key] = None
    returned, receipt = rt.key_for("receipt_returned"), rt.key_for("receipt_date")
    if receipt in later and returned in out:
        out[returned] = False
    return out


def _after(value: Any, day: dt.date) -> bool:
    """A stored date that certainly falls after ``day`` (a month-only date in the day's own
    month might not: it is kept)."""
    span = dates.span(value) if isinstance(value, str) else None
    return span is not None and span.first > day


__all__ = [
    "as_of",
    "committee_ids",
    "development_as_of",
    "filled_on",
    "member_as_of",
    "period_end",
    "roster_ids",
    "transfer_as_of",
]
