"""Dues, issue 10's targets: the 党费收缴表 grid for the scale-30 ledger's largest year opens
in < 0.3 s, and 本月收缴 (``dues fill``) for 1,000 members takes < 2 s — each beside a plain
baseline: the grid beside one bare SELECT of the same year's dues rows, the fill beside a
plain executemany INSERT of the same rows into a scratch table.

    .venv/bin/python benchmarks/bench_dues.py [--runs 5] [--rebuild]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from bench_common import line, median_cpu_ms, median_ms, scale_ledger

GRID_TARGET_MS = 300.0
FILL_TARGET_MS = 2000.0
FILL_MEMBERS = 1000


def grid_bench(path: Path, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from ledger_app.rules.gather import read_dues_year
    from ledger_app.store import Ledger
    from ledger_app.ui.dues_grid_view import DuesGridModel

    app = QApplication.instance() or QApplication([])
    with Ledger.open(path, readonly=True) as ledger:
        rows = ledger.query("SELECT year, count(*) FROM entries WHERE type_key = 'dues' "
                            "AND deleted_at IS NULL GROUP BY year ORDER BY count(*) DESC")
        year = int(rows[0][0])
        print(f"ledger: {path.name}, largest dues year {year} ({rows[0][1]} records)")
        model = DuesGridModel()

        def open_grid() -> None:
            model.set_grid(read_dues_year(ledger, year, dt.date.today()))
            # What the first screen paints: 30 rows × 15 columns of text and colours.
            for r in range(min(30, model.rowCount())):
                for c in range(model.columnCount()):
                    index = model.index(r, c)
                    model.data(index)
                    model.data(index, 8)      # BackgroundRole
            app.processEvents()

        # Read anew each time, as the grid is opened after any change (store.derived off).
        ledger.derived.enabled = False
        line(f"grid {year}: read, build, first screen", median_ms(open_grid, runs), "ms",
             GRID_TARGET_MS)
        line("  the same, CPU time", median_cpu_ms(open_grid, runs), "ms", GRID_TARGET_MS)
        ledger.derived.enabled = True
        line("  opened again, ledger unchanged (grid kept)", median_ms(open_grid, runs), "ms",
             GRID_TARGET_MS)
        bare = median_ms(lambda: ledger.query(
            "SELECT t.* FROM t_dues t JOIN entries e ON e.id = t.id WHERE e.deleted_at IS NULL "
            "AND t.month BETWEEN ? AND ?", (f"{year}-01", f"{year}-12")), runs)
        line("  beside: one bare SELECT of the year's dues rows", bare, "ms")


def fill_bench(runs: int) -> None:
    from ledger_app.rules.dues_fill import fill_month, prepare_fill
    from ledger_app.store import Ledger

    folder = Path(tempfile.mkdtemp(prefix="bench-dues-"))
    try:
        source = folder / "fill.ledger"
        org = {"org_name": "基准测试党支部", "term_start": "2024-01-01", "term_years": 5}
        with Ledger.create(source, org) as ledger:
            ledger.records.insert_many("roster", [
                {"name": f"党员{n:04d}", "gender": "女" if n % 2 else "男",
                 "birth_date": "1980-01-01", "member_class": "正式党员", "status": "在册",
                 "joined_date": "2005-07-01", "dues_group": "离退休" if n % 4 == 0 else "在职",
                 "dues_base": 200_000 + 731 * n} for n in range(FILL_MEMBERS)])
        fills, plains = [], []
        for run in range(runs):
            copy = folder / f"run{run}.ledger"
            shutil.copy(source, copy)
            with Ledger.open(copy) as ledger:
                started = time.perf_counter()
                plan = fill_month(ledger, "2026-03", "2026-03-05")
                fills.append((time.perf_counter() - started) * 1000)
                assert len(plan.rows) == FILL_MEMBERS, plan.summary()
                rows = prepare_fill(ledger, "2026-04").rows
                started = time.perf_counter()
                with ledger.transaction() as conn:
                    conn.execute("CREATE TEMP TABLE plain(member, month, base, rate, due, paid, "
                                 "paid_date)")
                    conn.executemany("INSERT INTO plain VALUES (?,?,?,?,?,?,?)",
                                     [tuple(r.values()) for r in rows])
                plains.append((time.perf_counter() - started) * 1000)
        fills.sort()
        plains.sort()
        line(f"dues fill for {FILL_MEMBERS} members", fills[len(fills) // 2], "ms",
             FILL_TARGET_MS)
        line("  beside: plain executemany INSERT of the same rows", plains[len(plains) // 2],
             "ms")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    grid_bench(scale_ledger(rebuild=args.rebuild), args.runs)
    fill_bench(args.runs)


if __name__ == "__main__":
    main()
