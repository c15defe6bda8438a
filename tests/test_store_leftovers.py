"""What a killed program leaves (hidden .part files, private temporary folders with personal
data) is removed on the next start; what a running program is still writing is not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ledger_app.store.leftovers import clean_leftovers, running, temporary_prefix


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_killed_programs_leftovers_go_and_a_running_ones_stay(tmp_path: Path) -> None:
    outputs, temp = tmp_path / "文档", tmp_path / "temp"
    outputs.mkdir()
    temp.mkdir()
    dead, alive = dead_pid(), os.getpid()
    assert not running(dead) and running(alive)
    gone = [outputs / f".2025年台账.{dead}.part.zip", outputs / f".党员名册.xlsx.{dead}.part",
            outputs / f".名册.{dead}.part.xlsx"]
    kept = [outputs / f".2025年台账.{alive}.part.zip", outputs / "2025年台账.zip",
            outputs / ".隐藏但不是我们的.txt", outputs / f".x.{dead}.partial"]
    for path in gone + kept:
        path.write_bytes(b"x")
    dead_folder = temp / f"ledger-archive-{dead}-abc"
    (dead_folder / "99_数据").mkdir(parents=True)
    (dead_folder / "99_数据" / "台账.ledger").write_bytes(b"personal data")
    live_folder = temp / f"{temporary_prefix('read')}xyz"
    live_folder.mkdir()
    other = temp / f"ledger-other-{dead}-1"
    other.mkdir()
    removed = clean_leftovers([outputs, tmp_path / "不存在"], temp)
    assert set(removed) == {*gone, dead_folder}
    assert all(p.exists() for p in kept) and not any(p.exists() for p in gone)
    assert live_folder.exists() and other.exists() and not dead_folder.exists()


def test_a_killed_archive_export_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    # A real export killed halfway: the next start's cleaning removes its part file and
    # its work folder.
    import signal
    import tempfile
    import time

    from archive_support import ORG, make_ledger

    ledger_path, _ = make_ledger(tmp_path, ORG)
    out = tmp_path / "被中断.zip"
    code = ("import sys, time; sys.path[:0] = sys.argv[3:]\n"
            "from ledger_app.store import Ledger\n"
            "from ledger_app.outputs.archive import build_archive\n"
            "def slow(done, total, message):\n"
            "    if done > 2: time.sleep(60)\n"
            "with Ledger.open(sys.argv[1], readonly=True) as l:\n"
            "    build_archive(l, sys.argv[2], 2025, progress=slow)\n")
    here = Path(__file__).parent
    child = subprocess.Popen([sys.executable, "-c", code, str(ledger_path), str(out),
                              str(here.parent / "src"), str(here)])
    part = out.with_name(f".{out.stem}.{child.pid}.part.zip")
    deadline = time.monotonic() + 60
    while not part.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    child.send_signal(signal.SIGKILL)
    child.wait()
    work = [p for p in Path(tempfile.gettempdir()).glob(f"ledger-archive-{child.pid}-*")]
    assert part.exists() and work
    removed = clean_leftovers([tmp_path])
    assert part in removed and not part.exists() and not out.exists()
    assert not any(p.exists() for p in work)
