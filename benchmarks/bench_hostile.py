"""Hostile workbooks: each is refused in seconds with bounded memory (issue 13).

Each case runs in a fresh process, which makes the file (a few KB–300 KB), opens it with
the importer's reader and reads rows until the reader refuses it; the process reports the
time taken and its peak resident memory. The issue's figures before the limits: a 40 KB
sheet with cells only in column XFD took 5.7 GB; a 71 KB sheet repeating one 2 MB shared
string ran past 10 GB. Target: refused in seconds, under ~300 MB.

    .venv/bin/python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path[:0] = [sys.argv[1] + "/src", sys.argv[1] + "/tests"]
from hostile_xlsx import CASES
from ledger_app.outputs.xlsx.reader import SpreadsheetError, open_workbook
make, _ = CASES[sys.argv[2]]
path = make(Path(sys.argv[3]) / "hostile.xlsx")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
message = "(read to the end)"
try:
    with open_workbook(path) as source:
        for _ in source.rows(source.sheet_names[0]):
            pass
except SpreadsheetError as exc:
    message = str(exc)
took = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"size": path.stat().st_size, "seconds": took, "peak_mb": peak / 1024,
                  "base_mb": base / 1024, "message": message}, ensure_ascii=False))
"""


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_xlsx import CASES

    print(f"{'case':<34} {'file':>8} {'time':>7} {'peak':>8}  message")
    worst_time = worst_peak = 0.0
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), case, folder],
                                 capture_output=True, text=True, check=True).stdout
        r = json.loads(out)
        worst_time, worst_peak = max(worst_time, r["seconds"]), max(worst_peak, r["peak_mb"])
        print(f"{case:<34} {r['size'] / 1024:>6.0f}KB {r['seconds']:>6.2f}s "
              f"{r['peak_mb']:>6.0f}MB  {r['message'][:60]}")
    print(f"\nworst: {worst_time:.2f} s (target: seconds), peak {worst_peak:.0f} MB "
          f"(target < 300 MB; before the limits 5.7 GB and > 10 GB)  "
          f"{'PASS' if worst_time < 10 and worst_peak < 300 else 'FAIL'}")


if __name__ == "__main__":
    main()
