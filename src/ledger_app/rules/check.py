"""Everything the home page, ``ledger-app check`` and the printed 自查表 show for a year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ledger_app.rules import (
    cadence,
    checklists,
    collector,
    dues_findings,
    org_findings,
    periods,
    transfers_evaluations,
)
from ledger_app.rules.development import development_findings
from ledger_app.rules.facts import LedgerFacts
from ledger_app.rules.findings import Finding, most_serious_first
from ledger_app.rules.pending_findings import pending_findings

if TYPE_CHECKING:
    from ledger_app.store import Ledger


@dataclass(frozen=True)
class Report:
    year: int
    as_of: dt.date
    facts: LedgerFacts
    rows: tuple[cadence.Row, ...]
    checklists: tuple[checklists.ChecklistStatus, ...]
    findings: tuple[Finding, ...]

    def quarter_totals(self) -> list[tuple[str, int, int]]:
        return cadence.quarter_totals(self.rows, self.year)

    def attendance_rates(self) -> list[tuple[dt.date, str, float]]:
        """Per meeting with attendance taken: (date, topic, 实到/应到)."""
        return [(m.date, m.topic, m.present / m.due) for m in self.facts.meetings if m.due]

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s)
                for s in ("alert", "warn", "info")}


def evaluate(facts: LedgerFacts, as_of: dt.date, *, meetings_type: str, people_type: str,
             election_type: str | None) -> Report:
    """Run every rule over the facts of one year (pure: no ledger, no I/O)."""
    cat = facts.categories
    rows = cadence.cadence_rows(facts, as_of)
    statuses = checklists.checklist_status(facts)
    talks_type = next((r.record_type for r in facts.requirements if r.scope == "pairs"), "")
    found = cadence.cadence_findings(facts, rows, as_of, meetings_type, cat.get(meetings_type, ""))
    kept = facts.org.kept_since
    if kept is None or periods.whole_year(facts.year).end >= kept:
        # A year wholly before the ledger's records begin is on paper: not judged.
        found += (cadence.talk_findings(facts, as_of, cat.get(talks_type, ""))
                  + checklists.checklist_findings(statuses, facts, as_of, cat)
                  + org_findings.yearly_record_findings(facts, as_of))
    found += (org_findings.term_findings(facts, as_of, election_type,
                                         cat.get(election_type or "", ""))
              + org_findings.member_fact_findings(facts, as_of, people_type,
                                                  cat.get(people_type, ""))
              + dues_findings.arrears_findings(
                  facts.dues, facts.year, as_of,
                  cat.get(facts.dues.type_key, "") if facts.dues else "")
              + dues_findings.duplicate_findings(facts)
              + pending_findings(facts, as_of)
              + development_findings(
                  facts.development_plan, facts.development,
                  frozenset(m.id for m in facts.members if m.full), facts.settings,
                  facts.year, as_of, cat.get(facts.development_plan.record_type, "")
                  if facts.development_plan else "")
              + transfers_evaluations.receipt_findings(
                  list(facts.transfers), facts.year, as_of, _category_of(facts, "transfers"))
              + transfers_evaluations.evaluation_findings(
                  list(facts.evaluations), facts.members, facts.year, as_of,
                  _category_of(facts, "evaluations")))
    return Report(facts.year, as_of, facts, tuple(rows), tuple(statuses),
                  tuple(most_serious_first(found)))


def _category_of(facts: LedgerFacts, role: str) -> str:
    """The category of the record type playing ``role``, from the facts' type keys."""
    return facts.role_categories.get(role, "")


def check_ledger(ledger: Ledger, year: int | None = None,
                 as_of: dt.date | None = None) -> Report:
    """Gather the year's facts from the ledger (kept while it is unchanged) and evaluate
    them."""
    from ledger_app.rules.gather import year_facts

    as_of = as_of or dt.date.today()
    year = year or as_of.year
    pack = ledger.pack
    meetings = pack.type_for("meetings")
    elections = pack.type_for("elections")
    with collector.paused():
        return evaluate(year_facts(ledger, year), as_of,
                        meetings_type=meetings.key if meetings else "",
                        people_type=pack.member_type,
                        election_type=elections.key if elections else None)

