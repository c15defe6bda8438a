"""Hostile archives, built by hand, are refused with a clear message and unpack nothing."""

from __future__ import annotations

import stat
import struct
import tempfile
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest

from ledger_app.cli.main import main
from ledger_app.outputs.archive import (
    HostileArchiveError,
    InspectionArchive,
    Limits,
    verify_archive,
)
from ledger_app.outputs.archive.safe_extract import TemporaryFolder, check_archive
from ledger_app.store import LedgerError

MANIFEST = b'{"format": "grassroots-ledger-inspection-archive", "format_version": 1, "files": []}'


def make_zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]],
             compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we mean to write
        with zipfile.ZipFile(path, "w", compression) as zf:
            zf.writestr("manifest.json", MANIFEST)
            for info, data in entries:
                zf.writestr(info, data)
    return path


def symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


HOSTILE: dict[str, tuple[list[tuple[zipfile.ZipInfo | str, bytes]], str]] = {
    "dotdot": ([("01_基本队伍/../../evil.txt", b"x")], "“..”"),
    "absolute": ([("/etc/cron.d/evil", b"x")], "绝对路径"),
    "backslash": ([("..\\..\\Windows\\evil.txt", b"x")], "反斜杠"),
    "drive": ([("C:/Windows/evil.txt", b"x")], "盘符"),
    "drive_relative": ([("D:evil.txt", b"x")], "盘符"),
    "reserved": ([("00_目录/CON.txt", b"x")], "保留的设备名"),
    "reserved_folder": ([("aux/照片1.jpg", b"x")], "保留的设备名"),
    "trailing_dot": ([("照片1.jpg.", b"x")], "以点或空格结尾"),
    "symlink": ([(symlink("00_目录/链接"), b"/etc/passwd")], "符号链接"),
    "duplicate": ([("a.txt", b"1"), ("a.txt", b"2")], "重名"),
    "duplicate_case": ([("照片.JPG", b"1"), ("照片.jpg", b"2")], "重名"),
    "file_and_folder": ([("a", b"1"), ("a/b.txt", b"2")], "与一个文件同名"),
    "bomb": ([("炸弹.bin", b"\0" * (20 * 1024 * 1024))], "压缩炸弹"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archive_is_refused_everywhere(case: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    entries, why = HOSTILE[case]
    archive = make_zip(tmp_path / f"{case}.zip", entries)
    before = archive.read_bytes()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(scratch)
    with pytest.raises(HostileArchiveError, match=why) as caught:
        verify_archive(archive)
    assert "不安全" in str(caught.value)
    with pytest.raises(HostileArchiveError, match=why):
        InspectionArchive.open(archive)
    assert main(["verify", str(archive)]) == 2
    assert "不安全" in capsys.readouterr().err
    assert list(scratch.iterdir()) == []                # nothing unpacked, temp folder gone
    assert archive.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([archive.name, "scratch"])


def test_too_many_entries(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "many.zip", [(f"f{i}.txt", b"") for i in range(30)])
    with pytest.raises(HostileArchiveError, match="31 个条目"):
        verify_archive(archive, limits=Limits(max_entries=30))


def test_declared_sizes_over_the_limits(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "big.zip", [("a.bin", b"\1" * 5000), ("b.bin", b"\2" * 5000)],
                       compression=zipfile.ZIP_STORED)
    with pytest.raises(HostileArchiveError, match="单个文件上限"):
        verify_archive(archive, limits=Limits(max_entry_size=4000))
    with pytest.raises(HostileArchiveError, match="全部解开后"):
        verify_archive(archive, limits=Limits(max_total_size=9000))


def _patch_sizes(data: bytes, name: bytes, new_size: int) -> bytes:
    """Make the headers of entry ``name`` claim ``new_size`` uncompressed bytes."""
    out = bytearray(data)
    for signature, size_at, name_len_at, name_at in ((b"PK\3\4", 22, 26, 30),
                                                     (b"PK\1\2", 24, 28, 46)):
        start = 0
        while (at := out.find(signature, start)) >= 0:
            (n,) = struct.unpack_from("<H", out, at + name_len_at)
            if bytes(out[at + name_at:at + name_at + n]) == name:
                struct.pack_into("<I", out, at + size_at, new_size)
            start = at + 4
    return bytes(out)


def test_a_header_that_lies_about_its_size_is_caught_while_reading(tmp_path: Path) -> None:
    honest = make_zip(tmp_path / "honest.zip", [("a.bin", b"\0" * 300_000)])
    liar = tmp_path / "liar.zip"
    liar.write_bytes(_patch_sizes(honest.read_bytes(), b"a.bin", 1000))
    with zipfile.ZipFile(liar) as zf:
        assert zf.getinfo("a.bin").file_size == 1000
    # The ratio check does not see it (1000 bytes declared), reading does.
    with TemporaryFolder() as folder, open(liar, "rb") as fh, zipfile.ZipFile(fh) as zf:
        files = check_archive(zf)
        with pytest.raises(LedgerError, match=r"损坏|压缩炸弹"):
            folder.extract(zf, files["a.bin"])
        assert not any(folder.path.rglob("a.bin"))


def test_extract_stays_inside_its_folder_and_cleans_up(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "ok.zip", [("01_基本队伍/名册.txt", "名册".encode())])
    with open(archive, "rb") as fh, zipfile.ZipFile(fh) as zf:
        folder = TemporaryFolder()
        files = check_archive(zf)
        target = folder.extract(zf, files["01_基本队伍/名册.txt"])
        assert target.read_text("utf-8") == "名册" and folder.path in target.parents
        evil = zipfile.ZipInfo("../escape.txt")
        with pytest.raises(HostileArchiveError):
            folder.extract(zf, evil)
        folder.cleanup()
        assert not folder.path.exists()


def test_old_tool_names_are_read_from_the_unicode_path_field() -> None:
    from ledger_app.outputs.archive.safe_extract import entry_name
    from ledger_app.outputs.archive.writer import unicode_path_extra

    raw = "照片1.jpg".encode("gbk")
    info = zipfile.ZipInfo(raw.decode("cp437"))
    info.extra = unicode_path_extra(raw)[:4] + bytes([1]) + struct.pack(
        "<I", zlib.crc32(raw)) + "照片1.jpg".encode()
    info.extra = struct.pack("<HH", 0x7075, len(info.extra) - 4) + info.extra[4:]
    assert entry_name(info) == "照片1.jpg"
    info.extra = info.extra[:5] + b"\0\0\0\0" + info.extra[9:]  # stale CRC: field ignored
    assert entry_name(info) == raw.decode("cp437")

