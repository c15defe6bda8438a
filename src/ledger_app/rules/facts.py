"""The ledger as the rules see it: plain data, read once (by ``rules.gather``).

Rules never touch the ledger or the pack's field keys; they take these facts, whose
fields were found through the declarations' roles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ledger_app.forms.model import Checklist, Requirement
from ledger_app.rules.dues import DuesMember


@dataclass(frozen=True, slots=True)
class Member:
    id: int
    name: str
    group: str = ""                 # today's 党小组: the ledger keeps no history of it
    full: bool | None = None        # 正式党员 (None: not recorded)
    joined: str | None = None       # stored dates: day or month precision
    arrived: str | None = None
    confirmed: str | None = None    # 转正日期: a 正式党员 was a 预备党员 before it
    left: str | None = None
    active: bool = True             # 状态 still "in the branch"
    missing: tuple[str, ...] = ()   # labels of required facts that are empty


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    date: dt.date
    kinds: tuple[str, ...]
    group: str = ""
    topic: str = ""
    due: int = 0                    # 应到, from the attendance taken
    present: int = 0


@dataclass(frozen=True, slots=True)
class Post:
    """A committee post (班子成员分工)."""
    id: int
    member_id: int | None
    name: str
    post: str
    secretary: bool
    term_start: str | None = None
    term_end: str | None = None


@dataclass(frozen=True, slots=True)
class Talk:
    id: int
    date: dt.date
    talker: int | None
    talkee: int | None


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    """A checklist state record: one per year and item."""
    id: int
    year: int
    item: str
    met: bool | None
    note: str = ""
    evidence: int = 0               # attachments on the record


@dataclass(frozen=True)
class OrgFacts:
    name: str = ""
    term_start: str | None = None
    term_years: int | None = None
    term_warn_months: int = 6
    groups: tuple[str, ...] = ()    # declared in 组织设置
    # The day the ledger's records begin (组织设置, else the month of the first meeting
    # recorded): periods before it are not judged, since the paper ledger holds them.
    kept_since: dt.date | None = None
    # What 换届 is called and the rule for it, from the pack (支部委员会换届 …).
    term_label: str = "支部委员会换届"
    term_source: str = ("《关于党的基层组织任期的意见》：村、社区党支部每届任期 5 年，其他党支部 3 年，"
                        "任期届满应按期换届")


@dataclass(frozen=True)
class LedgerFacts:
    year: int
    org: OrgFacts
    requirements: tuple[Requirement, ...]
    checklists: tuple[Checklist, ...]
    members: tuple[Member, ...]
    meetings: tuple[Meeting, ...]           # of the year
    posts: tuple[Post, ...]
    talks: tuple[Talk, ...]                 # of the year
    # records of the year per record type key (for requirements counted from a type,
    # and record types expected every year): type key -> [(id, date)]
    typed: dict[str, list[tuple[int, dt.date | None]]] = field(default_factory=dict)
    checklist_entries: dict[str, tuple[ChecklistEntry, ...]] = field(default_factory=dict)
    expected_yearly: tuple[tuple[str, str, str], ...] = ()  # (type key, label, category)
    categories: dict[str, str] = field(default_factory=dict)  # record type -> category
    labels: dict[str, str] = field(default_factory=dict)      # record type -> label
    category_labels: dict[str, str] = field(default_factory=dict)  # category key -> label
    people_label: str = "党员名册"     # the roster's name in messages (“五老”队伍名册 …)
    joined_label: str = "入党日期"     # the roster's date-joined field, "" if none
    dues_kept: bool = True            # the pack keeps dues (党费) per member and month
    dues: DuesFacts | None = None
    # records sharing a declared unique key: (type key, ids, the key as people read it)
    duplicates: tuple[tuple[str, tuple[int, ...], str], ...] = ()
    # 待核实: (type key, the records with a field to check, the fields' labels)
    pending: tuple[tuple[str, tuple[int, ...], tuple[str, ...]], ...] = ()
    # 发展党员: the pack's steps (forms.development.DevelopmentPlan) and each person's values
    development_plan: Any = None
    development: tuple[Any, ...] = ()           # rules.development.Person
    settings: dict[str, Any] = field(default_factory=dict)
    role_categories: dict[str, str] = field(default_factory=dict)   # type role -> category
    transfers: tuple[Any, ...] = ()             # rules.transfers_evaluations.Transfer
    evaluations: tuple[Any, ...] = ()           # the year's: rules.transfers_evaluations.Evaluation


@dataclass(frozen=True)
class DuesFacts:
    """Dues as the arrears rule sees them: who owes, and which months each paid."""
    type_key: str
    members: tuple[DuesMember, ...]
    paid: dict[int, frozenset[str]]      # member -> months with 实交 > 0, in the window
    window: tuple[str, str]              # months read (YYYY-MM), the year before included
    recorded: tuple[str, str] | None     # first and last month any dues record covers
