"""Checklist status per year (六有, 五优 …): met, not met, met without evidence, not assessed.

An item met on paper with no photo or scan behind it is what an inspector sends back,
so "met but no evidence" is its own state, not "met".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ledger_app.forms.model import Checklist, ChecklistItem
from ledger_app.rules import periods
from ledger_app.rules.facts import ChecklistEntry, LedgerFacts
from ledger_app.rules.findings import Finding, Subject, Suggestion

STATES = {"met": "达标", "no_evidence": "达标但缺佐证", "not_met": "未达标",
          "unassessed": "未检查"}


@dataclass(frozen=True)
class ItemStatus:
    item: ChecklistItem
    state: str                      # met, no_evidence, not_met, unassessed
    entry: ChecklistEntry | None


@dataclass(frozen=True)
class ChecklistStatus:
    checklist: Checklist
    items: tuple[ItemStatus, ...]

    def count(self, state: str) -> int:
        return sum(1 for i in self.items if i.state == state)


def item_state(entry: ChecklistEntry | None) -> str:
    if entry is None or entry.met is None:
        return "unassessed"
    if not entry.met:
        return "not_met"
    return "met" if entry.evidence else "no_evidence"


def checklist_status(facts: LedgerFacts) -> list[ChecklistStatus]:
    out = []
    for checklist in facts.checklists:
        by_item = {e.item: e for e in facts.checklist_entries.get(checklist.key, ())
                   if e.year == facts.year}
        out.append(ChecklistStatus(checklist, tuple(
            ItemStatus(item, item_state(by_item.get(item.label)), by_item.get(item.label))
            for item in checklist.items)))
    return out


def checklist_findings(statuses: list[ChecklistStatus], facts: LedgerFacts, as_of: dt.date,
                       category_of: dict[str, str]) -> list[Finding]:
    out: list[Finding] = []
    year = periods.whole_year(facts.year)
    over = periods.state(year, as_of) == "over"
    for status in statuses:
        c = status.checklist
        source = f"（{c.source}）" if c.source else ""
        unassessed = [s for s in status.items if s.state == "unassessed"]
        for s in status.items:
            label = f"{c.label}·{s.item.label}"
            records = (s.entry.id,) if s.entry else ()
            if s.state in ("met", "unassessed"):
                continue
            if s.state == "no_evidence":
                why = (f"{year.label}“{s.item.label}”记为达标，但没有佐证材料"
                       f"（应有：{s.item.evidence or '照片或扫描件'}）{source}")
            else:
                why = f"{year.label}“{s.item.label}”未达标：{s.item.requirement}{source}"
            out.append(Finding(
                rule=f"checklist.{c.key}.{s.state}", severity="warn",
                category=category_of.get(c.state_type, ""), period=year,
                subject=Subject("checklist_item", label, f"{c.key}.{s.item.key}"), why=why,
                records=records))
        if unassessed:
            # One finding for the items not yet looked at: a fresh year's 17 五优 items
            # are one job ("do the 自查"), not 17.
            names = "、".join(s.item.label for s in unassessed)
            out.append(Finding(
                rule=f"checklist.{c.key}.unassessed", severity="warn" if over else "info",
                category=category_of.get(c.state_type, ""), period=year,
                subject=Subject("checklist", c.label, c.key),
                why=f"{year.label}{c.label}有 {len(unassessed)} 项尚未对照检查：{names}{source}",
                suggestion=Suggestion(c.state_type, {
                    "checklist_year": facts.year, "checklist_item": unassessed[0].item.label})))
    return out
