"""A zip written entry by entry, chunk by chunk: memory stays flat however big it gets.

Every entry name is stored as UTF-8 with the language-encoding flag (general purpose
bit 11) set, *and* carries an Info-ZIP Unicode Path extra field (0x7075), so tools that
ignore the flag (older WinRAR, 7-Zip and Explorer) still show the Chinese names.
With a password every entry is encrypted with AES-256 (WinZip AE-2, via pyzipper),
which 7-Zip, WinRAR and WinZip open.

The writer hashes what it writes, so the manifest's SHA-256 for a file costs no
second read.
"""

from __future__ import annotations

import hashlib
import struct
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from ledger_app.outputs.archive.write_behind import WriteBehind

CHUNK = 4 * 1024 * 1024  # large: fewer hand-overs of the interpreter lock to the printing thread
UTF8_FLAG = 0x800
UNICODE_PATH_EXTRA = 0x7075

# Already-compressed formats are stored: deflating them costs time and saves nothing.
STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".mp4", ".mov", ".mp3",
                   ".m4a", ".zip", ".7z", ".rar", ".gz", ".xlsx", ".docx", ".pptx", ".ofd",
                   ".pdf"}  # our PDFs: compressed pages and JPEG photos


@dataclass(frozen=True)
class WrittenFile:
    path: str
    size: int
    sha256: str


def unicode_path_extra(name_bytes: bytes) -> bytes:
    """Info-ZIP Unicode Path extra field: version 1, CRC-32 of the header name, UTF-8 name."""
    body = struct.pack("<BI", 1, zlib.crc32(name_bytes) & 0xFFFFFFFF) + name_bytes
    return struct.pack("<HH", UNICODE_PATH_EXTRA, len(body)) + body


def _utf8_info_class(base: type[zipfile.ZipInfo]) -> type[zipfile.ZipInfo]:
    """A ZipInfo that flags every name as UTF-8 (zipfile flags only non-ASCII ones) and,
    under pyzipper, still writes ``extra`` (pyzipper's headers carry only its own fields)."""

    class Utf8ZipInfo(base):  # type: ignore[valid-type, misc]
        __slots__ = ()

        def _encodeFilenameFlags(self) -> tuple[bytes, int]:
            return self.filename.encode("utf-8"), self.flag_bits | UTF8_FLAG

        # pyzipper only: these hooks do not exist in the standard zipfile.
        def encode_local_header(self, *, extra: bytes, **kwargs: Any) -> bytes:
            return super().encode_local_header(extra=extra + self.extra, **kwargs)

        def encode_central_directory(self, *, extra_data: bytes, **kwargs: Any) -> Any:
            return super().encode_central_directory(extra_data=extra_data + self.extra,
                                                    **kwargs)

    return Utf8ZipInfo


def should_store(path: str) -> bool:
    return Path(path).suffix.lower() in STORED_SUFFIXES


def file_chunks(path: Path, chunk: int = CHUNK) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while True:
            block = fh.read(chunk)
            if not block:
                return
            yield block


class ArchiveWriter:
    """Writes entries into ``fileobj``; ``check()`` runs between chunks (it may raise to cancel)."""

    def __init__(self, fileobj: IO[bytes], password: str | None = None,
                 when: datetime | None = None, check: Callable[[], None] | None = None):
        when = when or datetime.now()
        self._date_time = (max(when.year, 1980), when.month, when.day,
                           when.hour, when.minute, when.second)
        self.check = check
        self.encrypted = bool(password)
        self._behind = WriteBehind(fileobj)
        if password:
            import pyzipper

            self._zip: zipfile.ZipFile = pyzipper.AESZipFile(
                fileobj, "w", compression=zipfile.ZIP_DEFLATED, encryption=pyzipper.WZ_AES)
            self._zip.setpassword(password.encode("utf-8"))
            self._zip.setencryption(pyzipper.WZ_AES, nbits=256)
            self._info_cls = _utf8_info_class(self._zip.zipinfo_cls)
        else:
            self._zip = zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED,
                                        allowZip64=True)
            self._info_cls = _utf8_info_class(zipfile.ZipInfo)
        self.written: list[WrittenFile] = []
        self._last_check = 0.0

    def _info(self, path: str, size: int, store: bool) -> zipfile.ZipInfo:
        info = self._info_cls(path, self._date_time)
        info.compress_type = zipfile.ZIP_STORED if store else zipfile.ZIP_DEFLATED
        info.file_size = size  # a hint: large entries get Zip64 headers from the start
        info.external_attr = 0o100644 << 16  # a plain file, rw-r--r--
        info.create_system = 3
        info.extra = unicode_path_extra(path.encode("utf-8"))
        return info

    def add_stream(self, path: str, chunks: Iterable[bytes], size: int,
                   store: bool | None = None) -> WrittenFile:
        if store is None:
            store = should_store(path)
        info = self._info(path, size, store)
        digest = hashlib.sha256()
        written = 0
        with self._zip.open(info, "w", force_zip64=size > 0x7FFF0000) as out:
            for block in chunks:
                digest.update(block)
                out.write(block)
                written += len(block)
                self._behind.advance()
                self._maybe_check()
        entry = WrittenFile(path, written, digest.hexdigest())
        self.written.append(entry)
        return entry

    def add_file(self, path: str, source: Path, store: bool | None = None) -> WrittenFile:
        return self.add_stream(path, file_chunks(source), source.stat().st_size, store)

    def add_bytes(self, path: str, data: bytes, store: bool | None = None) -> WrittenFile:
        return self.add_stream(path, [data], len(data), store)

    def _maybe_check(self) -> None:
        if self.check is None:
            return
        now = time.monotonic()
        if now - self._last_check >= 0.1:
            self._last_check = now
            self.check()

    def close(self) -> None:
        self._zip.close()

    def abandon(self) -> None:
        """Drop a zip that will be deleted: no central directory, no later write on GC."""
        self._zip.fp = None
