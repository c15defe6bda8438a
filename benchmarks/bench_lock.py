"""The write lock under contention: many processes acquiring and releasing in a tight loop.

Each grant tries to create a marker file only a holder may create; a second writer
holding the lock at the same moment is counted as a double grant. Target: ≥ 10,000
acquisitions, 0 double grants. Before the fix: 93 double grants in 7,598 acquisitions.

    .venv/bin/python benchmarks/bench_lock.py [--processes 6] [--attempts 2500]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import bench_common

sys.path.insert(0, str(bench_common.ROOT / "tests"))

from lock_support import contend

from ledger_app.store.lock import RETRY_SECONDS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=6)
    parser.add_argument("--attempts", type=int, default=2500, help="per process")
    parser.add_argument("--opens", type=int, default=250, help="whole opens per process")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        grants, doubles, refusals = contend(Path(folder), args.processes, args.attempts)
        took = time.perf_counter() - started
    report(f"lock: {args.processes} processes × {args.attempts} acquisitions in {took:.1f} s",
           grants, doubles, refusals, 10_000)
    with tempfile.TemporaryDirectory() as folder:
        from ledger_app.store import Ledger

        Ledger.create(Path(folder) / "a.ledger", {"org_name": "锁测试党支部"}).close()
        started = time.perf_counter()
        grants, doubles, refusals = contend(Path(folder), args.processes, args.opens,
                                            real_opens=True)
        took = time.perf_counter() - started
    report(f"Ledger.open: {args.processes} processes × {args.opens} opens in {took:.1f} s",
           grants, doubles, refusals, 1_000)


def report(title: str, grants: int, doubles: int, refusals: int, target: int) -> None:
    print(title)
    print(f"  granted        {grants:>7}   target ≥ {target:<6}  {'PASS' if grants >= target else 'MISS'}")
    print(f"  double grants  {doubles:>7}   target 0         {'PASS' if doubles == 0 else 'MISS'}")
    print(f"  refusals       {refusals:>7}   (told the ledger is in use after {RETRY_SECONDS:.1f} s of trying)")


if __name__ == "__main__":
    main()
