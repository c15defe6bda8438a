"""Fault injection: kill -9 a writer at random moments, then check every committed record.

Each trial starts a writer (inserts, batch inserts, updates, deletes; it logs each
commit after it returns), kills it at a random moment, then reads the ledger three ways:
read-only (what info/print/export/archive do), from a private copy of file and journal
(read-only media), and by opening it for writing (the window). Targets: corruptions,
lost records and stale reads all 0 over ≥ 200 trials. See tests/crash_support.py.

    .venv/bin/python benchmarks/bench_crash.py [--trials 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import bench_common

sys.path.insert(0, str(bench_common.ROOT / "tests"))

from crash_support import CrashTrials


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    totals = {"corrupt": 0, "lost": 0, "stale": 0}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        trials = CrashTrials(Path(folder), seed=args.seed)
        for number in range(args.trials):
            result = trials.trial(number)
            totals["corrupt"] += result.corrupt
            totals["lost"] += result.lost
            totals["stale"] += result.stale
            for note in result.notes:
                print(f"  trial {number}: {note}", file=sys.stderr)
            if (number + 1) % 20 == 0:
                print(f"  … {number + 1} trials, {len(trials.expected)} records", file=sys.stderr)
        records = len(trials.expected)
    took = time.perf_counter() - started
    print(f"crash: {args.trials} kill -9 trials in {took:.0f} s, {records} records at the end")
    for key, label in (("corrupt", "corruptions"), ("lost", "lost records"),
                       ("stale", "stale reads")):
        print(f"  {label:<14} {totals[key]:>5}   target 0   {'PASS' if totals[key] == 0 else 'MISS'}")


if __name__ == "__main__":
    main()
