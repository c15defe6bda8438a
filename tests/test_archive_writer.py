"""The zip writer on real files: data handed to the disk early, content intact."""

from __future__ import annotations

import hashlib
import io
import os
import sys
import zipfile
from pathlib import Path

import pytest
from archive_support import ORG, build, make_ledger

from ledger_app.outputs.archive.write_behind import WriteBehind
from ledger_app.outputs.archive.writer import ArchiveWriter

MB = 1024 * 1024


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise here")
def test_write_behind_asks_for_writing_out_every_step(tmp_path: Path) -> None:
    data = os.urandom(3 * MB + 123)
    path = tmp_path / "out.bin"
    starts = []
    with open(path, "wb") as fh:
        behind = WriteBehind(fh, step=MB)
        assert behind.enabled
        for at in range(0, len(data), 256 * 1024):
            fh.write(data[at:at + 256 * 1024])
            behind.advance()
            starts.append(behind.started)
    assert sorted(set(starts)) == [0, MB, 2 * MB, 3 * MB]
    assert path.read_bytes() == data


def test_write_behind_stays_out_of_the_way_of_memory_streams() -> None:
    behind = WriteBehind(io.BytesIO(b"x" * 100), step=1)
    assert not behind.enabled
    behind.advance()
    assert behind.started == 0


def test_large_entry_written_behind_reads_back_intact(tmp_path: Path) -> None:
    # Two 32 MB steps, so the page holding the entry's own header has been written out
    # and dropped by the time zipfile goes back to put the sizes into that header.
    big = os.urandom(72 * MB)
    path = tmp_path / "big.zip"
    with open(path, "wb") as fh:
        writer = ArchiveWriter(fh)
        chunks = (big[at:at + 4 * MB] for at in range(0, len(big), 4 * MB))
        written = writer.add_stream("照片/大文件.jpg", chunks, len(big))
        writer.add_bytes("说明.txt", "第二个文件".encode())
        writer.close()
    assert written.sha256 == hashlib.sha256(big).hexdigest()
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert zf.read("照片/大文件.jpg") == big
        assert zf.read("说明.txt").decode("utf-8") == "第二个文件"


def test_quick_handovers_only_while_the_archive_is_made(tmp_path: Path) -> None:
    ledger_path, _ = make_ledger(tmp_path, ORG)
    seen = []
    before = sys.getswitchinterval()
    build(ledger_path, tmp_path / "a.zip",
          progress=lambda done, total, message: seen.append(sys.getswitchinterval()))
    assert sys.getswitchinterval() == before
    assert min(seen) <= 0.0005 < before
