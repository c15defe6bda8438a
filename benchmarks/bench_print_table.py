"""Printed roster table: 1,000 vs 10,000 rows, and the same 10,000 rows through LibreOffice.

    .venv/bin/python benchmarks/bench_print_table.py [--naive] [--profile]

Targets (issue 3):
- 10,000 rows take at most 12x the 1,000-row time (linear, not quadratic);
- as whole processes, ``ledger-app print table`` is at least 3x faster than
  ``soffice --headless --convert-to pdf`` on the same 10,000 rows saved as xlsx
  (the xlsx is written here with openpyxl's write-only mode);
- peak memory of both processes is reported.
``--naive`` also times one reportlab ``Table`` split across pages (the quadratic way);
``--profile`` prints where the time of the 10,000-row print goes (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
from bench_common import reusable  # noqa: E402

ORG = {"org_name": "湘江市岳山区桂花街道幸福里社区党支部", "org_type": "党支部"}


def roster_ledger(rows: int) -> Path:
    """A ledger holding ``rows`` roster records (built once into benchmarks/out/)."""
    from test_pdf_sample import member_values

    from ledger_app.store import Ledger

    path = OUT / f"print-roster-{rows}.ledger"
    if reusable(path):
        return path
    path.unlink(missing_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"building {path.name} …", file=sys.stderr, flush=True)
    rng = random.Random(rows)
    seen: set[str] = set()

    def member(i: int) -> dict:
        # 公民身份号码 is unique in a ledger: draw again on the rare repeat.
        while True:
            values = member_values(i, rng)
            if values["id_number"] not in seen:
                seen.add(values["id_number"])
                return values

    with Ledger.create(path, ORG) as ledger:
        for start in range(0, rows, 2000):
            ledger.records.insert_many("roster", [member(i) for i in
                                                  range(start + 1, min(rows, start + 2000) + 1)])
    return path


# A small launcher runs the measured command: a child forked straight from this (large)
# benchmark process would count this process's memory as its own peak before exec.
LAUNCHER = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - started
if done.returncode:
    sys.stderr.write(done.stderr.decode(errors="replace"))
    raise SystemExit(done.returncode)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def run_process(argv: list[str], env: dict[str, str] | None = None
                ) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB, CPU seconds) of the process and its children."""
    done = subprocess.run([sys.executable, "-c", LAUNCHER, *argv], capture_output=True,
                          text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {done.stderr}")
    wall, peak_kb, cpu = done.stdout.split()
    return float(wall), int(peak_kb) / 1024, float(cpu)


def best(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Fastest wall and CPU time, highest peak memory (the machine may be shared)."""
    return min(r[0] for r in runs), max(r[1] for r in runs), min(r[2] for r in runs)


def write_xlsx(ledger_path: Path, target: Path) -> None:
    """The same rows (as printed: masked) in an xlsx, written in openpyxl write-only mode."""
    from openpyxl import Workbook
    from openpyxl.worksheet.page import PageMargins

    from ledger_app.outputs.pdf.common import PrintContext
    from ledger_app.outputs.pdf.table import columns, read_rows
    from ledger_app.store import Ledger

    with Ledger.open(ledger_path, readonly=True) as ledger:
        rt = ledger.pack.record_type("roster")
        ctx = PrintContext(ledger)
        _cols, fields = columns(rt, 800)
        texts = read_rows(ctx, rt, fields, None)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("党员名册")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9   # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.55, bottom=0.5)
    ws.print_title_rows = "1:1"          # LibreOffice repeats the header on every page
    ws.append(["序号" if f is None else f.label for f in fields])
    for row in texts:
        ws.append(row)
    wb.save(target)


def naive_table(ledger_path: Path, out: Path) -> float:
    """One platypus Table for all rows, split by reportlab itself (the quadratic way)."""
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from ledger_app.outputs.pdf.common import PrintContext, page_frame_size
    from ledger_app.outputs.pdf.styles import LANDSCAPE
    from ledger_app.outputs.pdf.table import columns, read_rows
    from ledger_app.store import Ledger

    started = time.perf_counter()
    with Ledger.open(ledger_path, readonly=True) as ledger:
        rt = ledger.pack.record_type("roster")
        ctx = PrintContext(ledger)
        cols, fields = columns(rt, page_frame_size("landscape")[0])
        texts = read_rows(ctx, rt, fields, None)
        data = [[c.label for c in cols]] + texts
        table = Table(data, colWidths=[c.width for c in cols], repeatRows=1)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), ctx.fs.name("serif")),
                                   ("FONTSIZE", (0, 0), (-1, -1), 7),
                                   ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        doc = SimpleDocTemplate(str(out), pagesize=LANDSCAPE, leftMargin=40, rightMargin=40,
                                topMargin=40, bottomMargin=40)
        doc.build([table])
    return time.perf_counter() - started


def in_process(ledger_path: Path, out: Path) -> float:
    from ledger_app.outputs.pdf.table import render_table
    from ledger_app.store import Ledger

    started = time.perf_counter()
    with Ledger.open(ledger_path, readonly=True) as ledger:
        render_table(ledger, "roster", out)
    return time.perf_counter() - started


def profile(ledger_path: Path, out: Path) -> None:
    from ledger_app.outputs.pdf.table import render_table
    from ledger_app.store import Ledger

    with Ledger.open(ledger_path, readonly=True) as ledger:
        prof = cProfile.Profile()
        prof.enable()
        render_table(ledger, "roster", out)
        prof.disable()
    stream = io.StringIO()
    pstats.Stats(prof, stream=stream).sort_stats("tottime").print_stats(15)
    print("\nWhere the time of the 10,000-row print goes (cProfile, by own time):")
    print("\n".join(stream.getvalue().splitlines()[4:28]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--naive", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    from ledger_app.outputs.pdf.fonts import fonts

    fonts()   # font loading is a one-off per process; keep it out of the in-process ratio
    small, large = roster_ledger(1000), roster_ledger(10000)
    work = Path(tempfile.mkdtemp(prefix="bench-print-"))
    try:
        print("Printed roster table (A4 landscape, header on every page)")
        t_small = min(in_process(small, work / "r1000.pdf") for _ in range(3))
        t_large = min(in_process(large, work / "r10000.pdf") for _ in range(2))
        from pypdf import PdfReader

        pages_small = len(PdfReader(work / "r1000.pdf").pages)
        pages_large = len(PdfReader(work / "r10000.pdf").pages)
        ratio = t_large / t_small
        print(f"  in process   1,000 rows: {t_small:6.2f} s  ({pages_small} pages)")
        print(f"  in process  10,000 rows: {t_large:6.2f} s  ({pages_large} pages, "
              f"{(work / 'r10000.pdf').stat().st_size / 1e6:.1f} MB)")
        print(f"  ratio 10,000 / 1,000:    {ratio:6.1f} x   target <= 12x  "
              f"{'PASS' if ratio <= 12 else 'MISS'}")
        if args.naive:
            n_small = naive_table(small, work / "n1000.pdf")
            n_large = naive_table(large, work / "n10000.pdf")
            print(f"  one reportlab Table:  1,000 rows {n_small:.2f} s, 10,000 rows "
                  f"{n_large:.2f} s ({n_large / n_small:.1f} x)")

        # Whole processes, side by side.
        env = dict(os.environ)
        env["XDG_CACHE_HOME"] = str(work / "cache")
        ours = [sys.executable, "-m", "ledger_app", "print", "table", str(large), "--type",
                "roster", "-o", str(work / "cli.pdf")]
        ours_wall, ours_mem, ours_cpu = best([run_process(ours, env) for _ in range(5)])
        print("\nWhole processes, 10,000 rows (best of several runs; wall and CPU time)")
        print(f"  ledger-app print table:          {ours_wall:6.2f} s wall  {ours_cpu:5.2f} s CPU"
              f"   peak {ours_mem:5.0f} MB")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            print("  LibreOffice: soffice not found — install Debian's libreoffice-calc-nogui "
                  "(apt-get install -y libreoffice-calc-nogui) to compare.")
            return 0
        xlsx = work / "roster10000.xlsx"
        started = time.perf_counter()
        write_xlsx(large, xlsx)
        print(f"  (xlsx written with openpyxl write-only in {time.perf_counter() - started:.2f} s)")
        profile_dir = work / "lo-profile"
        lo = [soffice, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless",
              "--convert-to", "pdf", "--outdir", str(work / "lo"), str(xlsx)]
        cold = run_process(lo)
        lo_wall, lo_mem, lo_cpu = best([cold] + [run_process(lo) for _ in range(3)])
        lo_pages = len(PdfReader(work / "lo" / "roster10000.pdf").pages)
        print(f"  soffice --convert-to pdf:        {lo_wall:6.2f} s wall  {lo_cpu:5.2f} s CPU"
              f"   peak {lo_mem:5.0f} MB  ({lo_pages} pages; first run, new profile "
              f"{cold[0]:.2f} s)")
        for what, ratio in (("wall", lo_wall / ours_wall), ("CPU", lo_cpu / ours_cpu)):
            print(f"  LibreOffice / ledger-app ({what}):  {ratio:5.1f} x   target >= 3x  "
                  f"{'PASS' if ratio >= 3 else 'MISS'}")
        if args.profile:
            profile(large, work / "profile.pdf")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
