"""What a rule says about the ledger: a finding with its period, subject and *why*.

Every rule returns findings of this one shape, so the home page, ``ledger-app check``,
the printed 自查表 and later rules (dues arrears, development deadlines) share it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("alert", "warn", "info")
SEVERITY_LABELS = {"alert": "严重", "warn": "需处理", "info": "提示"}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str                      # 2025年第三季度, 2025年3月, 2025年

    def to_json(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "label": self.label}


@dataclass(frozen=True)
class Subject:
    kind: str                       # requirement, group, member, checklist_item, record_type, org
    label: str
    id: str | int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label, "id": self.id}


@dataclass(frozen=True)
class Suggestion:
    """A new record that would answer the finding, pre-filled (type, date, 党小组 …).
    ``values`` are keyed by role ("meeting_kinds", "meeting_group", "checklist_item") or
    "date" for the type's date field: ``RecordType.prefill`` turns them into field keys."""
    type_key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    rule: str                       # stable id, e.g. cadence.branch_assembly
    severity: str                   # alert, warn or info
    category: str                   # the 台账 category it belongs to
    period: Period
    subject: Subject
    why: str                        # the sentence shown to the user, with dates and rule
    records: tuple[int, ...] = ()   # the records behind it
    suggestion: Suggestion | None = None

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "category": self.category,
                "period": self.period.to_json(), "subject": self.subject.to_json(),
                "why": self.why, "records": list(self.records)}


def most_serious_first(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), f.period.start,
                                           f.rule, str(f.subject.label)))
