"""How long the demo generator takes to write the scale-30 benchmark ledger, and where.

Target (issue 2 helper brief): well under 2–3 minutes. The time of each phase is taken
from the progress messages, so it shows whether records, attendance or photos dominate.

    .venv/bin/python benchmarks/bench_ledger_build.py [--scale 30] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from bench_common import line

TARGET_S = 150.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile")
    args = parser.parse_args()

    from ledger_app.demo import create_demo
    from ledger_app.store import Ledger

    phases: dict[str, float] = {}
    state = {"message": "", "since": time.perf_counter()}

    def progress(done: int, total: int, message: str) -> None:
        now = time.perf_counter()
        if message != state["message"]:
            if state["message"]:
                phases[state["message"]] = phases.get(state["message"], 0.0) + now - state["since"]
            state["message"], state["since"] = message, now

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "build.ledger"
        profiler = cProfile.Profile() if args.profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        create_demo(path, scale=args.scale, progress=progress)
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - started
        with Ledger.open(path, readonly=True) as ledger:
            records = sum(ledger.records.counts().values())
            members = ledger.records.count("roster")
            attendance = ledger.query("SELECT count(*) FROM attendance")[0][0]
            photos = ledger.query("SELECT count(*), count(DISTINCT sha256) FROM attachments")[0]
        size = path.stat().st_size / 1024 / 1024
    print(f"demo ledger at scale {args.scale}: {members} members, {records} records, "
          f"{attendance} attendance rows, {photos[0]} attachments ({photos[1]} distinct), "
          f"{size:.0f} MB\n")
    line("time to write it", elapsed, "s", TARGET_S)
    line("records per second", records / elapsed, "/s")
    print("\nby phase:")
    for message, seconds in sorted(phases.items(), key=lambda kv: -kv[1])[:8]:
        line(message.rstrip("…"), seconds, "s")
    if profiler:
        print()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
