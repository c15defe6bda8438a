"""Verifying an archive against its manifest: tampering is found and named."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from archive_support import ORG, build, make_ledger, rewrite_zip

from ledger_app.cli.main import main
from ledger_app.outputs.archive import verify_archive
from ledger_app.store import LedgerError

PHOTO = "02_基本活动/会议记录/2025-03-15_支部委员会_研究发展党员工作/照片1.jpg"
TABLE = "01_基本队伍/党员名册.pdf"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("verify")
    ledger_path, _ = make_ledger(folder, ORG)
    return build(ledger_path, folder / "原件.zip", categories=["team", "activities"]).path


def test_untouched_archive_passes(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = verify_archive(archive)
    assert report.ok and report.checked == len(report.manifest["files"])
    assert main(["verify", str(archive)]) == 0
    assert "校验通过" in capsys.readouterr().out


def test_one_changed_byte_is_found(archive: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    tampered = tmp_path / "改过.zip"
    rewrite_zip(archive, tampered, lambda name, data: (
        name, data[:100] + bytes([data[100] ^ 1]) + data[101:] if name == TABLE else data))
    report = verify_archive(tampered)
    assert not report.ok and [p for p, _ in report.changed] == [TABLE]
    assert not report.missing and not report.extra
    assert main(["verify", str(tampered)]) == 1
    out = capsys.readouterr().out
    assert "校验未通过" in out and f"被改动：{TABLE}" in out


def test_a_byte_flipped_inside_the_zip_is_found(archive: Path, tmp_path: Path) -> None:
    raw = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo(PHOTO)
        assert info.compress_type == zipfile.ZIP_STORED
        data = zf.read(info)
    at = raw.find(data)
    raw[at + 200] ^= 0xFF
    flipped = tmp_path / "坏了一个字节.zip"
    flipped.write_bytes(bytes(raw))
    report = verify_archive(flipped)
    assert [p for p, _ in report.changed] == [PHOTO]


def test_a_renamed_file_is_missing_and_extra(archive: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "改名.zip"
    new_name = PHOTO.replace("照片1", "照片9")
    rewrite_zip(archive, renamed, lambda name, data: (new_name if name == PHOTO else name, data))
    report = verify_archive(renamed)
    assert report.missing == [PHOTO] and report.extra == [new_name] and not report.changed
    assert any("缺少" in line for line in report.lines())


def test_an_edited_manifest_entry_is_found(archive: Path, tmp_path: Path) -> None:
    def edit(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "manifest.json":
            manifest = json.loads(data)
            for item in manifest["files"]:
                if item["path"] == TABLE:
                    item["sha256"] = "0" * 64
            data = json.dumps(manifest, ensure_ascii=False).encode()
        return name, data

    edited = tmp_path / "改清单.zip"
    rewrite_zip(archive, edited, edit)
    report = verify_archive(edited)
    assert [p for p, _ in report.changed] == [TABLE]


def test_missing_and_extra_files(archive: Path, tmp_path: Path) -> None:
    changed = tmp_path / "增删.zip"

    def change(name: str, data: bytes) -> tuple[str, bytes] | None:
        return None if name == TABLE else (name, data)

    rewrite_zip(archive, changed, change)
    with zipfile.ZipFile(changed, "a") as zf:
        zf.writestr("01_基本队伍/补充说明.txt", "后来加的")
    report = verify_archive(changed)
    assert report.missing == [TABLE] and report.extra == ["01_基本队伍/补充说明.txt"]


def test_not_an_archive_of_ours(tmp_path: Path) -> None:
    plain = tmp_path / "别的.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "x")
    with pytest.raises(LedgerError, match=r"没有 manifest\.json"):
        verify_archive(plain)
    (tmp_path / "不是zip.zip").write_bytes(b"hello")
    with pytest.raises(LedgerError, match="不是一个有效的 zip"):
        verify_archive(tmp_path / "不是zip.zip")
    broken = tmp_path / "坏清单.zip"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("manifest.json", "{not json")
    with pytest.raises(LedgerError, match=r"manifest\.json 已损坏"):
        verify_archive(broken)


def test_an_archive_from_an_earlier_version_opens_for_inspection(archive: Path,
                                                                 tmp_path: Path) -> None:
    # An older program wrote a schema-1 snapshot: the inspector's newer program upgrades
    # its private copy and shows it; the archive itself stays byte for byte the same.
    import hashlib

    from ledger_app.outputs.archive import InspectionArchive
    from ledger_app.outputs.archive.layout import MANIFEST_NAME, SNAPSHOT_PATH

    old_snapshot = (Path(__file__).parent / "fixtures" / "schema_v1.ledger").read_bytes()

    def older(name: str, data: bytes):
        if name == "manifest.sig":
            return None          # an earlier program did not sign
        if name == SNAPSHOT_PATH:
            return name, old_snapshot
        if name == MANIFEST_NAME:
            manifest = json.loads(data)
            manifest["format_version"] = 1
            for f in manifest["files"]:
                if f["path"] == SNAPSHOT_PATH:
                    f["size"] = len(old_snapshot)
                    f["sha256"] = hashlib.sha256(old_snapshot).hexdigest()
            return name, json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        return name, data

    old = tmp_path / "旧版本档案.zip"
    rewrite_zip(archive, old, older)
    before = old.read_bytes()
    with InspectionArchive.open(old) as opened:
        assert opened.report.ok
        assert opened.ledger.org_name == "模板街道第一社区党支部"
        assert opened.ledger.records.search("张伟")
    assert old.read_bytes() == before
