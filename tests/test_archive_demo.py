"""The whole path on the realistic demo ledger: build, check with the standard tools, verify,
and find no full ID number or phone number anywhere in the masked archive."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from ledger_app.outputs.archive import verify_archive
from ledger_app.store import Ledger

demo = pytest.importorskip("ledger_app.demo")


def sensitive_values(ledger: Ledger) -> list[str]:
    """Every stored ID number and phone of the demo, read straight from its tables."""
    found = []
    for rt in ledger.pack.record_types:
        for f in rt.stored_fields:
            if f.sensitive:
                found += [str(r[0]) for r in ledger.query(
                    f'SELECT "{f.key}" FROM "t_{rt.key}" WHERE "{f.key}" IS NOT NULL')]
    return found


@pytest.mark.slow
def test_demo_ledger_archive(tmp_path: Path) -> None:
    from archive_support import scan_texts

    path = demo.create_demo(tmp_path / "演示.ledger", today=date(2026, 6, 30))
    from ledger_app.outputs.archive import build_archive

    with Ledger.open(path, readonly=True) as ledger:
        secrets = sensitive_values(ledger)
        result = build_archive(ledger, tmp_path / "演示档案.zip", 2025)
    assert secrets, "the demo has ID numbers and phones to hide"
    manifest = result.manifest
    assert manifest["counts"]["meeting"] > 10 and manifest["counts"]["roster"] > 20
    kinds = {f["kind"] for f in manifest["files"]}
    assert {"table", "workbook", "attachment", "snapshot", "index"} <= kinds
    # Meetings and activities each have their own pages, beside a folder of their photos
    # (every demo activity has one): 党员活动/<日期_主题>.pdf and 党员活动/<日期_主题>/….jpg.
    pages = [f["path"] for f in manifest["files"] if f["kind"] == "record"]
    activities = [p for p in pages if p.startswith("02_基本活动/党员活动/")]
    assert activities and len(activities) == manifest["counts"]["activity"]
    rooms = [p for p in pages if p.startswith("03_基本阵地/活动室建设/")]
    assert rooms and len(rooms) == manifest["counts"]["room_building"]
    photo_folders = {f["path"].rsplit("/", 1)[0] for f in manifest["files"]
                     if f["kind"] == "attachment"}
    assert {p.removesuffix(".pdf") for p in activities} <= photo_folders
    assert verify_archive(result.path).ok
    if shutil.which("unzip"):
        assert subprocess.run(["unzip", "-tq", str(result.path)],
                              capture_output=True).returncode == 0
    if shutil.which("7z"):
        assert subprocess.run(["7z", "t", str(result.path)], capture_output=True).returncode == 0
    everything = scan_texts(result.path, tmp_path)
    leaked = [s for s in secrets if s in everything]
    assert not leaked
    with zipfile.ZipFile(result.path) as zf:
        assert all(info.flag_bits & 0x800 for info in zf.infolist())
