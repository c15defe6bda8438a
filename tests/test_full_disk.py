"""Writing to a disk that fills up: a plain message, and nothing left behind.

Uses a real, tiny file system (tmpfs) where the machine allows mounting one (root in a
container or CI); elsewhere these tests are skipped."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from archive_support import ORG, build, make_ledger

from ledger_app.store import Ledger, LedgerError
from ledger_app.store.errors import DiskFullError


@pytest.fixture
def tiny_disk(tmp_path: Path):
    mount = tmp_path / "U盘"
    mount.mkdir()
    if not shutil.which("mount"):
        pytest.skip("no mount command")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_ledger(tmp_path_factory.mktemp("full"), ORG)[0]


def test_archive_on_a_full_disk(ledger_path: Path, tiny_disk: Path) -> None:
    with pytest.raises(DiskFullError, match="磁盘空间不足"):
        build(ledger_path, tiny_disk / "检查档案.zip")
    assert list(tiny_disk.iterdir()) == []


def test_binder_and_workbook_on_a_full_disk(ledger_path: Path, tiny_disk: Path) -> None:
    from ledger_app.outputs.pdf.binder import render_binder
    from ledger_app.outputs.xlsx.export import export_workbook

    (tiny_disk / "已有的文件.txt").write_text("留着")
    (tiny_disk / "占位.bin").write_bytes(b"\0" * (184 * 1024))   # one 4 KB page left
    with Ledger.open(ledger_path, readonly=True) as ledger:
        with pytest.raises(LedgerError, match="磁盘空间不足"):
            render_binder(ledger, tiny_disk / "台账.pdf", 2025)
        with pytest.raises(LedgerError, match="磁盘空间不足"):
            export_workbook(ledger, tiny_disk / "会议记录.xlsx")
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["占位.bin", "已有的文件.txt"]
    assert (tiny_disk / "已有的文件.txt").read_text() == "留着"
