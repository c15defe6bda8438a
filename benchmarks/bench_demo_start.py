"""First impression: from `ledger-app --demo` to a usable window, beside the bare window.

    .venv/bin/python benchmarks/bench_demo_start.py [--runs 3] [--frozen dist/ledger-app]

Each run is a fresh process with its own empty user folder, timed from the moment it is
started until the program reports its main window shown with its first table loaded
(``LEDGER_APP_SCREENSHOT``: the program saves a picture then and quits). ``--demo``
includes making the first piece of the demo ledger (the rest is written behind the shown
window); "bare window" opens an existing demo ledger, which is the floor. Wall time and
the process's CPU time are printed: on a shared machine the CPU time is the steadier.
``--frozen`` times the PyInstaller build instead of the source checkout.
Target (issue 15): a newcomer sees a usable window in under 2 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 2.0


def command(frozen: str | None) -> list[str]:
    if frozen:
        return [str(Path(frozen) / "ledger-app")]
    return [sys.executable, "-m", "ledger_app"]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_window(args: list[str], home: Path) -> tuple[float, float]:
    """Wall and CPU seconds from starting the program until its window is shown."""
    env = {**os.environ, "LEDGER_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "LEDGER_APP_SCREENSHOT": str(home / "window.png"),
           "PYTHONPATH": str(ROOT / "src")}
    started, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or "window shown" not in done.stdout:
        raise SystemExit(f"the window did not come up: {done.stderr[-2000:]}")
    return elapsed, children_cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--frozen", help="a PyInstaller build folder (dist/ledger-app)")
    options = parser.parse_args()
    base = command(options.frozen)
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        work = Path(tmp)
        ledger = work / "演示.ledger"
        subprocess.run([*base, "demo", str(ledger)], check=True, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src"),
                            "LEDGER_APP_HOME": str(work / "home0")})
        demo, bare = [], []
        for run in range(options.runs):
            demo.append(time_window([*base, "--demo"], work / f"demo{run}"))
            bare.append(time_window([*base, str(ledger)], work / f"bare{run}"))
    what = "frozen build" if options.frozen else "source checkout"
    print(f"ledger-app start-up ({what}, {options.runs} runs, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f})")
    figures = {}
    for label, runs in (("--demo (first piece + window)", demo),
                        ("bare window (open ledger)", bare)):
        wall = [w for w, _ in runs]
        cpu = median(c for _, c in runs)
        figure = figures[label] = median(wall)
        verdict = "PASS" if figure <= TARGET_S else "MISS"
        print(f"  {label:30s} median {figure:6.2f} s  (range {min(wall):.2f}–{max(wall):.2f};"
              f" CPU {cpu:.2f} s)  target {TARGET_S:.0f} s  {verdict}")
    demo_s, bare_s = figures.values()
    print(f"  --demo costs {demo_s - bare_s:+.2f} s over the bare window")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
