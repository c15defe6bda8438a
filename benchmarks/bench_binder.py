"""The binder of one demo year: time, pages, file size; phone photos at print resolution.

    .venv/bin/python benchmarks/bench_binder.py

Builds the demo ledger (``ledger_app.demo.create_demo``) once into benchmarks/out/, adds
three phone-sized photos (4000 x 3000 JPEG, several MB each) to one meeting of the year,
and prints the binder of the year twice: with an empty photo cache (every photo is
decoded once and downscaled to ~180 dpi at its printed size) and again with the cache
filled (no photo is decoded). Target: a year's binder small enough to e-mail (< 20 MB).
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
from bench_common import reusable  # noqa: E402

EMAILABLE_MB = 20


def demo_ledger() -> Path:
    from test_pdf_sample import photo_bytes

    from ledger_app.demo import create_demo
    from ledger_app.store import Ledger

    path = OUT / "print-demo.ledger"
    if reusable(path):
        return path
    path.unlink(missing_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"building {path.name} …", file=sys.stderr, flush=True)
    create_demo(path, overwrite=True)
    with Ledger.open(path) as ledger:
        year = busiest_year(ledger)
        meeting = ledger.records.ids("meeting", year)[-1]
        for n in range(3):
            ledger.attachments.add(meeting, "photos", photo_bytes(4000, 3000, seed=20 + n),
                                   f"IMG_{n + 1:04d}.jpg", caption=f"手机拍摄的会议照片 {n + 1}")
    return path


def busiest_year(ledger) -> int:
    years = [y for y in ledger.years()]
    return max(years, key=lambda y: ledger.records.count("meeting", y))


def main() -> int:
    from pypdf import PdfReader

    from ledger_app.outputs.pdf.binder import render_binder
    from ledger_app.store import Ledger

    built_now = not reusable(OUT / "print-demo.ledger")
    path = demo_ledger()
    work = Path(tempfile.mkdtemp(prefix="bench-binder-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")   # start with an empty photo cache
    try:
        with Ledger.open(path, readonly=True) as ledger:
            year = busiest_year(ledger)
            photos = ledger.query(
                "SELECT count(*), coalesce(sum(b.size), 0), coalesce(max(b.size), 0) "
                "FROM attachments a JOIN blobs b USING (sha256) JOIN entries e "
                "ON e.id = a.entry_id WHERE e.year = ? AND a.deleted_at IS NULL", (year,))[0]
            print(f"Binder of the demo year {year}: {ledger.records.count('meeting', year)} "
                  f"meetings, {photos[0]} photos attached ({photos[1] / 1e6:.1f} MB, largest "
                  f"{photos[2] / 1e6:.1f} MB)")
            out = work / "binder.pdf"
            started = time.perf_counter()
            pages = render_binder(ledger, out, year)
            cold = time.perf_counter() - started
            size_mb = out.stat().st_size / 1e6
            started = time.perf_counter()
            render_binder(ledger, out, year)
            warm = time.perf_counter() - started
        reader = PdfReader(out)
        images = [img for page in reader.pages for img in page.images]
        largest = max((max(img.image.size) for img in images), default=0)
        cached = list((work / "cache").rglob("*.jpg"))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  pages                         {pages}")
        print(f"  file size                     {size_mb:.1f} MB   target < {EMAILABLE_MB} MB  "
              f"{'PASS' if size_mb < EMAILABLE_MB else 'MISS'}")
        print(f"  time, empty photo cache       {cold:.2f} s   (each photo decoded once)")
        print(f"  time, photo cache filled      {warm:.2f} s   (no photo decoded)")
        print(f"  photos in the PDF             {len(images)}, largest {largest} px on its "
              f"long side; {len(cached)} downscaled JPEGs cached")
        print(f"  peak memory (this process)    {peak:.0f} MB"
              + ("   (includes building the demo ledger just now: run again for the"
                 " binder's own figure)" if built_now else ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
