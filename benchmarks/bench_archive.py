"""Inspection archive: time and peak memory for an archive holding ~1 GB of photos.

    .venv/bin/python benchmarks/bench_archive.py [--gb 1.0] [--also 0.25] [--repeat 3]

Generates random-noise JPEGs (they do not compress, like real photos), puts them into a
ledger as meeting photos and also as plain files, then in the same run times
``zip -0 -r`` of the files against ``ledger-app archive`` of the ledger (a child process
that reports its own peak memory), alternately, ``--repeat`` times: medians are shown,
with their range. The archive run makes everything the real
command makes (binder, tables, workbooks, record pages, snapshot, index, manifest);
a second archive run without the PDFs and workbooks shows the zip streaming on its own.
Targets: full archive within 1.5x of zip, peak memory under 200 MB at every size.
Everything generated is deleted at the end.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

PHOTO_SIZE = (2400, 1800)          # ~3.9 MB of noise at quality 90
PHOTOS_PER_MEETING = 5
TIME_TARGET = 1.5
MEMORY_TARGET_MB = 200

# Each child reports its own peak (VmHWM): ru_maxrss from wait4 would also count the
# memory of this generating process, which a forked child shares until it execs.
PEAK = "print('PEAK_KB', [l.split()[1] for l in open('/proc/self/status') " \
       "if l.startswith('VmHWM')][0], file=sys.stderr)"
FULL = f"""
import sys
from ledger_app.cli.main import main
code = main(sys.argv[1:])
{PEAK}
raise SystemExit(code)
"""
STREAM_ONLY = f"""
import sys
from pathlib import Path
from ledger_app.store import Ledger
from ledger_app.outputs.archive import build_archive
with Ledger.open(Path(sys.argv[1]), readonly=True) as ledger:
    build_archive(ledger, Path(sys.argv[2]), 2025, include_products=False)
{PEAK}
"""
BINDER_ONLY = f"""
import sys
from pathlib import Path
from ledger_app.store import Ledger
from ledger_app.outputs.archive import products
with Ledger.open(Path(sys.argv[1]), readonly=True) as ledger:
    products.binder(ledger, Path(sys.argv[2]), 2025, None, None, None, True)
{PEAK}
"""


def noise_jpeg(seed: int) -> bytes:
    from PIL import Image

    w, h = PHOTO_SIZE
    image = Image.frombytes("RGB", (w, h), os.urandom(w * h * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def make_data(folder: Path, gigabytes: float) -> tuple[Path, Path, int, int]:
    """A ledger with meetings and photos, and the same photos as files; (ledger, photos, n, bytes)."""
    from ledger_app.store import Ledger

    photos = folder / "photos"
    ledger_path = folder / "bench.ledger"
    org = {"org_name": "基准测试党支部", "org_type": "党支部", "party_groups": ["第一党小组"]}
    total = 0
    count = 0
    with Ledger.create(ledger_path, org) as ledger:
        members = [ledger.records.insert("roster", {
            "name": f"党员{i}", "gender": "男", "birth_date": "1980-01-01",
            "member_class": "正式党员", "status": "在册"}) for i in range(1, 9)]
        meeting = 0
        while total < gigabytes * 1e9:
            meeting += 1
            day = f"2025-{(meeting - 1) % 12 + 1:02d}-{(meeting - 1) // 12 % 28 + 1:02d}"
            entry = ledger.records.insert("meeting", {
                "kinds": ["支部委员会"], "date": day, "topic": f"第{meeting}次支部委员会",
                "chair": members[0], "recorder": members[1], "content": "会议内容" * 50})
            target = photos / f"会议{meeting:03d}"
            target.mkdir(parents=True)
            for k in range(1, PHOTOS_PER_MEETING + 1):
                data = noise_jpeg(count)
                path = target / f"照片{k}.jpg"
                path.write_bytes(data)
                ledger.attachments.add(entry, "photos", path)
                total += len(data)
                count += 1
    return ledger_path, photos, count, total


def timed_child(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB, as the child reports it; 0 when it does not) of one run."""
    # Start each run with no dirty pages left by the one before: the archive fsyncs its
    # zip before renaming it (nothing half-written after a power cut) and would otherwise
    # also wait for the previous run's gigabyte to reach the disk.
    os.sync()
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{args[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    peaks = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("PEAK_KB")]
    return seconds, (int(peaks[-1]) / 1024 if peaks else 0.0)


def spread(values: list[float]) -> str:
    if len(values) < 2:
        return ""
    return f"  [median of {len(values)}: {min(values):.1f}-{max(values):.1f} s]"


def run_size(gigabytes: float, base: Path, repeat: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="bench-archive-", dir=base))
    try:
        t = time.perf_counter()
        ledger_path, _photos, count, total = make_data(folder, gigabytes)
        print(f"\n== {count} photos, {total / 1e9:.2f} GB (generated in "
              f"{time.perf_counter() - t:.0f} s)", flush=True)
        env = dict(os.environ, XDG_CACHE_HOME=str(folder / "cache"), LANG="C.UTF-8")
        python = sys.executable
        zips, fulls, syncs, full_mbs = [], [], [], []
        for _ in range(repeat):   # alternated, so a busy spell on the disk hits both
            zip_s, _ = timed_child(["zip", "-0", "-r", "-q", str(folder / "reference.zip"),
                                    "photos"], env, folder)
            sync_start = time.perf_counter()
            os.sync()   # what zip leaves unwritten; shown beside, not added to zip's time
            syncs.append(time.perf_counter() - sync_start)
            ref_size = (folder / "reference.zip").stat().st_size
            (folder / "reference.zip").unlink()
            full_s, full_mb = timed_child([python, "-c", FULL, "archive",
                                           str(ledger_path), "--year", "2025", "-o",
                                           str(folder / "archive.zip")], env, folder)
            full_size = (folder / "archive.zip").stat().st_size
            (folder / "archive.zip").unlink()
            shutil.rmtree(folder / "cache", ignore_errors=True)   # print copies made anew
            zips.append(zip_s)
            fulls.append(full_s)
            full_mbs.append(full_mb)
        zip_s, full_s, zip_sync_s = median(zips), median(fulls), median(syncs)
        full_mb = max(full_mbs)
        stream_s, stream_mb = timed_child([python, "-c", STREAM_ONLY, str(ledger_path),
                                           str(folder / "stream.zip")], env, folder)
        binder_s, binder_mb = timed_child([python, "-c", BINDER_ONLY, str(ledger_path),
                                           str(folder / "binder.pdf")],
                                          dict(env, XDG_CACHE_HOME=str(folder / "cache2")), folder)
        print(f"zip -0 -r           {zip_s:7.1f} s  {ref_size / 1e9:.2f} GB"
              f"  (+{zip_sync_s:.1f} s until its data is on disk; the archive fsyncs its own)"
              f"{spread(zips)}")
        print(f"ledger-app archive  {full_s:7.1f} s  {full_size / 1e9:.2f} GB  peak {full_mb:6.1f} MB"
              f"   {full_s / zip_s:.2f}x zip{spread(fulls)}")
        print(f"  zip streaming only {stream_s:6.1f} s                peak {stream_mb:6.1f} MB"
              f"   {stream_s / zip_s:.2f}x zip")
        print(f"  binder PDF alone   {binder_s:6.1f} s                peak {binder_mb:6.1f} MB")
        return {"gb": total / 1e9, "zip": zip_s, "full": full_s, "stream": stream_s,
                "full_mb": full_mb, "stream_mb": stream_mb, "binder_mb": binder_mb,
                "binder": binder_s}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gb", type=float, default=1.0, help="photo volume of the main run")
    parser.add_argument("--also", type=float, nargs="*", default=[0.25],
                        help="smaller runs, to show memory stays flat")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()),
                        help="where to put the generated data (needs ~4x the photo volume)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="zip and archive runs at each size, alternated; medians are shown")
    args = parser.parse_args()
    if not shutil.which("zip"):
        print("zip not installed: nothing to compare with")
        return 1
    results = [run_size(gb, args.dir, max(1, args.repeat)) for gb in [*args.also, args.gb]]
    main_run = results[-1]
    ratio = main_run["full"] / main_run["zip"]
    stream_ratio = main_run["stream"] / main_run["zip"]
    peak = max(r["full_mb"] for r in results)
    stream_peak = max(r["stream_mb"] for r in results)
    print("\n== summary")
    for r in results:
        print(f"  {r['gb']:.2f} GB: archive {r['full']:.1f} s vs zip {r['zip']:.1f} s "
              f"({r['full'] / r['zip']:.2f}x), peak {r['full_mb']:.0f} MB; streaming only "
              f"{r['stream']:.1f} s ({r['stream'] / r['zip']:.2f}x), peak {r['stream_mb']:.0f} MB; "
              f"binder alone {r['binder']:.1f} s, peak {r['binder_mb']:.0f} MB")

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "MISS"

    print(f"time, zip streaming (archive's own work): {stream_ratio:.2f}x zip -0 -r "
          f"(target <= {TIME_TARGET}x): {verdict(stream_ratio <= TIME_TARGET)}")
    print(f"time, whole command incl. PDFs/workbooks: {ratio:.2f}x zip -0 -r "
          f"(target <= {TIME_TARGET}x): {verdict(ratio <= TIME_TARGET)}")
    print(f"memory, zip streaming: {stream_peak:.0f} MB peak at any size "
          f"(target < {MEMORY_TARGET_MB} MB): {verdict(stream_peak < MEMORY_TARGET_MB)}")
    print(f"memory, whole command: {peak:.0f} MB peak at any size "
          f"(target < {MEMORY_TARGET_MB} MB): {verdict(peak < MEMORY_TARGET_MB)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
