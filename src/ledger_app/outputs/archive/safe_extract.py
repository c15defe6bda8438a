"""Reading an archive that may have been made to do harm.

An archive from elsewhere is checked as a whole before anything is read from it:
entry names that would escape the folder they are unpacked into (``..``, absolute
paths, drive letters, backslashes), names Windows cannot hold (reserved device names,
trailing dots, illegal characters), symbolic links, duplicate names, too many
entries and zip bombs (declared sizes over the limits, or an impossible compression
ratio). While reading, the bytes actually produced are counted too, so a header that
lies about its size is caught. Anything written goes into a private temporary folder
that is removed afterwards.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ledger_app.outputs.archive.crypto import bad_zip_errors, password_problem
from ledger_app.outputs.archive.layout import is_reserved
from ledger_app.store.errors import LedgerError
from ledger_app.store.leftovers import temporary_prefix

CHUNK = 1024 * 1024


class HostileArchiveError(LedgerError):
    """The archive is unsafe to open; nothing was unpacked."""


@dataclass(frozen=True)
class Limits:
    max_entries: int = 200_000
    max_entry_size: int = 4 * 1024 ** 3          # one file
    max_total_size: int = 64 * 1024 ** 3          # everything unpacked
    max_ratio: float = 200.0                      # uncompressed / compressed
    ratio_floor: int = 1024 * 1024                # small files may compress well
    max_manifest_size: int = 64 * 1024 * 1024


DEFAULT_LIMITS = Limits()

_DRIVE = re.compile(r"^[A-Za-z]:")
_ILLEGAL = re.compile(r'[<>:"|?*\x00-\x1f\x7f]')


def entry_name(info: zipfile.ZipInfo) -> str:
    """The entry's real name: UTF-8 by flag, else the Info-ZIP Unicode Path field, else as read."""
    if info.flag_bits & 0x800:
        return info.filename
    extra = info.extra or b""
    raw = info.orig_filename.encode("cp437", errors="replace")
    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack("<HH", extra[i:i + 4])
        body = extra[i + 4:i + 4 + size]
        if tag == 0x7075 and len(body) >= 5 and body[0] == 1:
            (crc,) = struct.unpack("<I", body[1:5])
            if crc == zlib.crc32(raw) & 0xFFFFFFFF:
                try:
                    return body[5:].decode("utf-8")
                except UnicodeDecodeError:
                    break
        i += 4 + size
    return info.filename


def name_problem(name: str) -> str | None:
    """Why this entry name is unsafe, in plain Chinese; None when it is fine."""
    if not name:
        return "文件名为空"
    if "\x00" in name:
        return "文件名中含有空字符"
    if "\\" in name:
        return "文件名中含有反斜杠“\\”（在 Windows 上会变成子文件夹，可能写到别处）"
    if name.startswith("/"):
        return "是绝对路径（会写到压缩包文件夹以外）"
    if _DRIVE.match(name):
        return "带有盘符（会写到其他磁盘）"
    path = name[:-1] if name.endswith("/") else name
    for part in path.split("/"):
        if part == "..":
            return "含有“..”（会写到压缩包文件夹以外）"
        if part in ("", "."):
            return "路径中有空的或“.”的部分"
        if _ILLEGAL.search(part):
            return "含有 Windows 不允许的字符（< > : \" | ? * 或控制字符）"
        if part != part.rstrip(" ."):
            return "以点或空格结尾（Windows 会改掉名字，可能和别的文件混在一起）"
        if is_reserved(part):
            return f"使用了 Windows 保留的设备名“{part}”"
    return None


def is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _short(name: str) -> str:
    return name if len(name) <= 80 else name[:77] + "…"


def check_archive(zf: zipfile.ZipFile, limits: Limits = DEFAULT_LIMITS) -> dict[str, zipfile.ZipInfo]:
    """Refuse a hostile archive as a whole; returns its files by name (folders left out)."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise HostileArchiveError(f"压缩包里有 {len(infos)} 个条目，超过上限 {limits.max_entries}，"
                                  "为安全起见拒绝打开。")
    problems: list[str] = []
    files: dict[str, zipfile.ZipInfo] = {}
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        name = entry_name(info)
        why = name_problem(name)
        if why:
            problems.append(f"“{_short(name)}”{why}")
            continue
        if is_symlink(info):
            problems.append(f"“{_short(name)}”是符号链接（可能指向压缩包以外的文件）")
            continue
        key = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
        if key in seen:
            problems.append(f"“{_short(name)}”重名（与“{_short(seen[key])}”在 Windows 上是同一个名字）")
            continue
        seen[key] = name
        if info.is_dir():
            continue
        if info.file_size > limits.max_entry_size:
            problems.append(f"“{_short(name)}”声称解开后有 {info.file_size} 字节，超过单个文件上限")
            continue
        if (info.file_size > limits.ratio_floor
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)):
            problems.append(f"“{_short(name)}”压缩比异常（{info.compress_size} 字节解开成 "
                            f"{info.file_size} 字节），疑似“压缩炸弹”")
            continue
        total += info.file_size
        files[name] = info
    # A file "a" and a folder "a/…" cannot both exist once unpacked.
    file_keys = {k for k, n in seen.items() if not n.endswith("/")}
    for key, name in seen.items():
        parts = key.split("/")
        for depth in range(1, len(parts)):
            if "/".join(parts[:depth]) in file_keys:
                problems.append(f"“{_short(name)}”所在的文件夹与一个文件同名")
                break
    if total > limits.max_total_size:
        problems.append(f"全部解开后共 {total} 字节，超过上限 {limits.max_total_size} 字节，疑似“压缩炸弹”")
    if problems:
        unique = list(dict.fromkeys(problems))
        shown = "\n".join(f"  · {p}" for p in unique[:10])
        more = f"\n  ……另有 {len(unique) - 10} 处问题" if len(unique) > 10 else ""
        raise HostileArchiveError("这个压缩包不安全，已拒绝打开（没有解开任何文件）：\n"
                                  f"{shown}{more}")
    return files


def read_chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                limits: Limits = DEFAULT_LIMITS, chunk: int = CHUNK) -> Iterator[bytes]:
    """The entry's bytes, counting what really comes out against the declared size."""
    name = entry_name(info)
    produced = 0
    cap = min(info.file_size, limits.max_entry_size)
    try:
        with zf.open(info, "r") as fh:
            while True:
                block = fh.read(chunk)
                if not block:
                    break
                produced += len(block)
                if produced > cap:
                    raise HostileArchiveError(f"“{_short(name)}”解开后的内容比声明的大小更多，"
                                              "疑似“压缩炸弹”，已停止读取。")
                yield block
    except HostileArchiveError:
        raise
    except RuntimeError as exc:
        raise (password_problem(exc) or LedgerError(f"无法读取“{_short(name)}”：{exc}")) from exc
    # mypy does not read a starred tuple in an except clause (it is valid Python).
    except (*bad_zip_errors(), zlib.error, EOFError, ValueError) as exc:  # type: ignore[misc]
        raise LedgerError(f"“{_short(name)}”已损坏，无法读出（{exc}）。") from exc
    except NotImplementedError as exc:
        raise LedgerError(f"“{_short(name)}”使用了本程序不支持的压缩方式。") from exc


def read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise HostileArchiveError(f"“{_short(entry_name(info))}”太大（{info.file_size} 字节），拒绝读取。")
    return b"".join(read_chunks(zf, info, Limits(max_entry_size=limit)))


class TemporaryFolder:
    """A private folder (mode 700) for unpacked files, removed on close."""

    def __init__(self, prefix: str | None = None):
        # The prefix carries this program's id, so the next start removes the folder if
        # this program is killed before it can (store.leftovers).
        self.path = Path(tempfile.mkdtemp(prefix=prefix or temporary_prefix("archive")))

    def extract(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                limits: Limits = DEFAULT_LIMITS) -> Path:
        """Unpack one checked entry under this folder only; returns its path."""
        name = entry_name(info)
        if name_problem(name) or is_symlink(info):
            raise HostileArchiveError(f"“{_short(name)}”的名字不安全，拒绝解开。")
        target = (self.path / name).resolve()
        root = self.path.resolve()
        if root not in target.parents:
            raise HostileArchiveError(f"“{_short(name)}”会写到临时文件夹以外，拒绝解开。")
        if target.exists():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            with open(partial, "xb") as out:
                for block in read_chunks(zf, info, limits):
                    out.write(block)
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return target

    def cleanup(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> TemporaryFolder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()
