"""Shared pieces of the benchmarks: the scale-30 ledger, timing and the result lines.

Benchmarks are plain scripts (``.venv/bin/python benchmarks/bench_x.py``) that print
their figures beside the targets of issue 2; they never fail a test run.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

SCALE = 30


def reusable(path: Path) -> bool:
    """Whether a ledger built by an earlier run can be used as it is: it exists and has
    this program's schema (older ones are rebuilt, as read-only opens do not upgrade)."""
    import sqlite3

    from ledger_app.store import schema

    if not path.exists():
        return False
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    finally:
        conn.close()
    if not current:
        print(f"{path.name} has an older schema: building it anew", file=sys.stderr)
    return current


def scale_ledger(scale: int = SCALE, rebuild: bool = False) -> Path:
    """The benchmark ledger (built once into benchmarks/out/, reused while present)."""
    from ledger_app.demo import create_demo

    path = OUT / f"demo-scale{scale}.ledger"
    if reusable(path) and not rebuild:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"building the scale-{scale} demo ledger into {path} …", file=sys.stderr, flush=True)
    last = [0.0]

    def progress(done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if now - last[0] > 5:
            last[0] = now
            print(f"  {100 * done // max(total, 1):3d}% {message}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    create_demo(path, scale=scale, progress=progress, overwrite=True)
    print(f"  built in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return path


def median_ms(fn: Callable[[], object], runs: int = 50, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def median_cpu_ms(fn: Callable[[], object], runs: int = 50, warmup: int = 1) -> float:
    """Median CPU time of this process (time.process_time): steadier than the wall clock
    on a machine shared with other jobs, though still raised by them (caches, cores)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        started = time.process_time()
        fn()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def verdict(value: float, target: float) -> str:
    return "PASS" if value < target else "MISS"


def line(label: str, value: float, unit: str, target: float | None = None,
         note: str = "") -> str:
    text = f"  {label:<52} {value:9.2f} {unit:<3}"
    if target is not None:
        text += f"  target < {target:g} {unit}  {verdict(value, target)}"
    if note:
        text += f"  ({note})"
    print(text, flush=True)
    return text
