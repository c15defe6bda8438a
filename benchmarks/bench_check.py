"""``check`` on the scale-30 demo ledger (about 92,500 records), issue 9's target: < 100 ms
in process for a year's findings (the home page computes the same report off the GUI
thread after the first paint).

Measures ``rules.check.check_ledger`` (gather the year's facts through the store, then every
rule) for the newest full year and the current one: first as every check after a change
reads it (the derived facts of ``store.derived`` switched off: the whole read, then the
rules), beside the gathering alone; then the check again with nothing changed since the
last one (the facts kept: the rules only), as when the home page is shown again or the
自查表 is printed after it.

    .venv/bin/python benchmarks/bench_check.py [--runs 20] [--rebuild]
"""

from __future__ import annotations

import argparse
import datetime as dt

from bench_common import line, median_cpu_ms, median_ms, scale_ledger

TARGET_MS = 100.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    from ledger_app.rules.check import check_ledger
    from ledger_app.rules.gather import gather
    from ledger_app.store import Ledger

    path = scale_ledger(rebuild=args.rebuild)
    today = dt.date.today()
    with Ledger.open(path, readonly=True) as ledger:
        counts = ledger.records.counts()
        print(f"ledger: {path.name}, {sum(counts.values())} records, "
              f"{counts.get('meeting', 0)} meetings, {counts.get('roster', 0)} members")
        for year in (today.year - 1, today.year):
            def check(year: int = year) -> object:
                return check_ledger(ledger, year, today)

            def facts(year: int = year) -> object:
                return gather(ledger, year)

            report = check_ledger(ledger, year, today)
            ledger.derived.enabled = False
            line(f"check {year} ({len(report.findings)} findings), read anew",
                 median_ms(check, args.runs), "ms", TARGET_MS)
            line("  the same, CPU time", median_cpu_ms(check, args.runs), "ms", TARGET_MS)
            line("  of which gathering the facts", median_ms(facts, args.runs), "ms")
            line("  of which gathering the facts, CPU time", median_cpu_ms(facts, args.runs),
                 "ms")
            ledger.derived.enabled = True
            line(f"check {year}, ledger unchanged since the last check (facts kept)",
                 median_ms(check, args.runs), "ms", TARGET_MS)
            line("  the same, CPU time", median_cpu_ms(check, args.runs), "ms", TARGET_MS)


if __name__ == "__main__":
    main()
