"""Opening the scale-30 demo ledger (about 100,000 records) to a usable main window.

Each run is a fresh subprocess under QT_QPA_PLATFORM=offscreen with its own empty
settings folder. Runs alternate between a bare PySide6 QMainWindow and the program's
main window (``ledger_app.ui.app.build_main_window``), timed from the child's first line
(before Qt is imported) until the window is shown and painted — for the program, its
home page (the first page a ledger opens on), with the rules still running on the worker.
Then, in the same child: until the home page has filled in (the year's report arrived
and painted), until the table behind it (the remembered record type) has its first page,
and the dues table (the largest) for this year and for all years; and the peak memory.

Targets (issues 2 and 9): open < 1.5 s and within 3× of the bare window, the home page
painted first and filled in off the GUI thread; first screen of the largest table
< 0.3 s; peak memory < 400 MB.

    .venv/bin/python benchmarks/bench_open.py [--runs 5] [--rebuild] [--cold-cache]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_common import ROOT, line, scale_ledger

from ledger_app.store import Ledger
from ledger_app.store.backups import automatic, default_folder
from ledger_app.store.leftovers import clean_leftovers

CHILD = r"""
import time
T0 = time.perf_counter()
import json, resource, sys
mode, path = sys.argv[1], sys.argv[2]
result = {}

def settle(app, done, limit=30.0):
    deadline = time.perf_counter() + limit
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit("timed out")
        time.sleep(0.0005)

if mode == "phases":
    # The same open, cut into phases, to show where the time goes.
    def mark(name, since=[T0]):
        now = time.perf_counter()
        result[name] = now - since[0]
        since[0] = now
    from PySide6.QtWidgets import QApplication
    mark("import PySide6")
    import ledger_app.ui.app as ui_app
    mark("import ledger_app.ui.app")
    ui_app.make_application()
    mark("QApplication")
    from ledger_app.forms.loader import builtin_pack
    pack = builtin_pack()
    mark("load the 20 declarations (forms/loader.py)")
    from ledger_app.store import Ledger
    ledger = Ledger.open(path, pack=pack)
    mark("Ledger.open (lock, schema sync)")
    from ledger_app.ui.main_window import MainWindow
    from ledger_app.ui.tasks import TaskRunner
    runner = TaskRunner()
    window = MainWindow(ledger, runner)
    runner.setParent(window)
    window.resize(1280, 800)
    window.show()
    mark("MainWindow built and shown")
    settle(app := QApplication.instance(), lambda: window.table_pane.model is not None
           and window.table_pane.model.rowCount() > 0)
    settle(app, lambda: bool(window.table_pane.model.data(window.table_pane.model.index(0, 0))))
    mark("first table ids and page (worker round trips)")
    window.table_pane.table.viewport().grab()
    mark("paint the first page")
    settle(app, lambda: window.home.data is not None)
    window.home.grab()
    mark("home page filled in (the rules ran on the worker)")
elif mode == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 800)
    window.show()
    settle(app, window.isVisible)
    app.processEvents()
    window.grab()
    result["open"] = time.perf_counter() - T0
    result["open_cpu"] = time.process_time()
else:
    from PySide6.QtWidgets import QApplication
    from ledger_app.ui.app import build_main_window
    window = build_main_window(path)
    app = QApplication.instance()
    window.resize(1280, 800)

    settle(app, window.isVisible)
    app.processEvents()
    window.grab()                           # the first paint: the home page, not yet filled
    result["open"] = time.perf_counter() - T0
    result["open_cpu"] = time.process_time()   # all threads, from the process's start
    result["home_placeholder"] = window.home.data is None
    settle(app, lambda: window.home.data is not None)
    window.home.grab()                      # the grid, findings and charts painted
    result["home_filled"] = time.perf_counter() - T0

    def shown_with_rows():
        model = window.table_pane.model
        return model is not None and model.rowCount() > 0 and window.isVisible()

    settle(app, shown_with_rows)
    settle(app, lambda: bool(window.table_pane.model.data(window.table_pane.model.index(0, 0))))
    result["first_type"] = window.table_pane.model.type_key
    window.runner.wait_idle()
    window.tree.select_type(result["first_type"])   # from the home page to the table
    started = time.perf_counter()
    settle(app, lambda: window.table_pane.model is not None and window.table_pane.model.rowCount() > 0)
    settle(app, lambda: bool(window.table_pane.model.data(window.table_pane.model.index(0, 0))))
    window.table_pane.table.viewport().grab()
    result["to_table"] = time.perf_counter() - started
    window.runner.wait_idle()

    def show_dues(all_years):
        started = time.perf_counter()
        if all_years:
            window.table_pane.year_box.setCurrentIndex(window.table_pane.year_box.count() - 1)
        else:
            window.tree.select_type("dues")
        settle(app, lambda: window.table_pane.model is not None and window.table_pane.model.type_key == "dues"
               and window.table_pane.model.rowCount() > 0
               and (not all_years or window.table_pane.model.rowCount() > result["dues_rows_year"]))
        settle(app, lambda: bool(window.table_pane.model.data(window.table_pane.model.index(0, 0))))
        window.table_pane.table.viewport().grab()
        return time.perf_counter() - started, window.table_pane.model.rowCount()

    result["dues_year"], result["dues_rows_year"] = show_dues(False)
    window.runner.wait_idle()
    result["dues_all"], result["dues_rows_all"] = show_dues(True)
    window.runner.wait_idle()
    window.grab().save(sys.argv[3]) if len(sys.argv) > 3 else None
# VmHWM is this process's own peak; on Linux ru_maxrss also keeps the peak of the image
# before exec, i.e. of the benchmark process that forked it (hundreds of MB right after
# it has built the scale-30 ledger).
try:
    result["rss_mb"] = int([l.split()[1] for l in open("/proc/self/status")
                            if l.startswith("VmHWM")][0]) / 1024
except OSError:
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
sys.stdout.flush()
import os
os._exit(0)   # skip teardown: only the figures above are measured
"""


# An installed program runs from compiled bytecode (pip and PyInstaller compile it); a
# machine with PYTHONDONTWRITEBYTECODE set would make every child compile our sources
# again (~30 ms), which the bare window does not pay. The children share one private
# bytecode cache instead, filled before the first measured run.
PYCACHE = Path(tempfile.gettempdir()) / "ledger-bench-open-pycache"
# Likewise a program that has started before keeps its built pack in the user cache
# folder (forms.pack_cache): the children share one cache folder, filled before the first
# measured run (``--cold-cache``: each run with an empty one, as the first start after an
# install or upgrade, ≈ 20 ms more).
USER_CACHE = Path(tempfile.gettempdir()) / "ledger-bench-open-cache"


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(PYCACHE), **extra}


def compile_sources() -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "ledger_app")],
                   env=child_env(), check=True)
    subprocess.run([sys.executable, "-c", "from ledger_app.forms.packs import installed_pack;"
                    " installed_pack(None)"], check=True,
                   env=child_env(XDG_CACHE_HOME=str(USER_CACHE), PYTHONPATH=str(ROOT / "src")))


def run_child(mode: str, path: Path, home: Path, shot: Path | None = None,
              cold_cache: bool = False) -> dict:
    env = {**child_env(), "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local"),
           "XDG_CACHE_HOME": str(home / ".cache" if cold_cache else USER_CACHE),
           "LEDGER_APP_HOME": str(home / "app"), "PYTHONPATH": str(ROOT / "src")}
    args = [sys.executable, "-c", CHILD, mode, str(path)] + ([str(shot)] if shot else [])
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    # The child ends with os._exit while the window's automatic backup may still be
    # copying the ledger: remove the half-written copy, as the program's next start would.
    clean_leftovers([default_folder(path)])
    if done.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true", help="build the ledger anew")
    parser.add_argument("--screenshot", type=Path, help="save the window of the last run here")
    parser.add_argument("--cold-cache", action="store_true",
                        help="each run with an empty user cache (no kept pack)")
    args = parser.parse_args()
    path = scale_ledger(rebuild=args.rebuild)
    # A ledger opened before has its automatic backup: each child then only checks the
    # file in the background (once its worker rests), as on a secretary's PC, instead of
    # starting a 165 MB copy that its os._exit cuts off.
    with Ledger.open(path, readonly=True) as ledger:
        automatic(ledger)
    compile_sources()
    bare: list[dict] = []
    app: list[dict] = []
    phases: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            home = Path(tmp) / f"home{i}"
            home.mkdir()
            bare.append(run_child("bare", path, home, cold_cache=args.cold_cache))
            last = i == args.runs - 1
            app.append(run_child("app", path, home, args.screenshot if last else None,
                                 cold_cache=args.cold_cache))
            phases.append(run_child("phases", path, home, cold_cache=args.cold_cache))
    med = {k: statistics.median(r[k] for r in app) for k in
           ("open", "home_filled", "to_table", "dues_year", "dues_all", "rss_mb")}
    bare_open = statistics.median(r["open"] for r in bare)
    bare_rss = statistics.median(r["rss_mb"] for r in bare)
    print(f"open {path.name} in a fresh process (offscreen), median of {args.runs} runs\n")
    best_bare = min(r["open"] for r in bare)
    best_app = min(r["open"] for r in app)
    line("bare PySide6 QMainWindow shown", bare_open, "s",
         note=f"best {best_bare:.2f} s, peak {bare_rss:.0f} MB")
    placeholder = sum(1 for r in app if r["home_placeholder"])
    line("main window shown, home page painted (first paint)", med["open"], "s",
         1.5, note=f"best {best_app:.2f} s; painted before the report in {placeholder}/{len(app)}")
    line("  … as a multiple of the bare window", med["open"] / bare_open, "×", 3,
         note=f"best/best {best_app / best_bare:.1f}×")
    # CPU time of the whole process (every thread, interpreter start included) until the
    # first paint: less swayed by other people's jobs on a shared machine than the clock.
    bare_cpu = statistics.median(r["open_cpu"] for r in bare)
    app_cpu = statistics.median(r["open_cpu"] for r in app)
    line("  CPU time to the first paint: bare window", bare_cpu, "s")
    line("  CPU time to the first paint: program", app_cpu, "s")
    line("  … CPU time as a multiple of the bare window's", app_cpu / bare_cpu, "×", 3)
    line("home page filled in (rules on the worker), from start", med["home_filled"], "s",
         note=f"{(med['home_filled'] - med['open']) * 1000:.0f} ms after the first paint")
    line(f"from the home page to the first table ({app[0]['first_type']}) painted",
         med["to_table"], "s", 0.3)
    line(f"largest table (dues, this year: {app[0]['dues_rows_year']} rows) first screen",
         med["dues_year"], "s", 0.3)
    line(f"largest table (dues, all years: {app[0]['dues_rows_all']} rows) first screen",
         med["dues_all"], "s", 0.3)
    line("peak memory (VmHWM) of the program's process", med["rss_mb"], "MB", 400)
    print("\nwhere the program's open goes (separate runs cut into phases, medians):")
    for key in phases[0]:
        if key != "rss_mb":
            line(key, statistics.median(r[key] * 1000 for r in phases), "ms")
    print("\nall runs (s): bare " + ", ".join(f"{r['open']:.2f}" for r in bare)
          + " | program " + ", ".join(f"{r['open']:.2f}" for r in app)
          + " | filled " + ", ".join(f"{r['home_filled']:.2f}" for r in app))


if __name__ == "__main__":
    main()
