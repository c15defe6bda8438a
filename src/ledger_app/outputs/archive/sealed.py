"""Encrypted archives that hide their file names: one encrypted ``档案内容.zip`` inside.

Zip encryption (AES included) encrypts contents only: every entry's name stays readable,
and an archive's names say a lot ("…讨论接收邓子豪同志为预备党员.pdf"). So an archive with
a password is *sealed*: the whole archive is made as usual, as a plain zip, and then put
as the single entry ``档案内容.zip`` of an outer zip encrypted with AES-256. Without the
password one sees only that name. The inspector opens the outer zip with 7-Zip or WinRAR,
types the password, and opens ``档案内容.zip`` inside; this program does the same itself
(``unsealed``), into a private temporary folder, so verify and the inspection window see
the inner archive. Encrypted archives of earlier versions (each entry encrypted, names in
clear) are read as before.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from ledger_app.outputs.archive.crypto import PasswordError, open_for_reading
from ledger_app.outputs.archive.safe_extract import (
    DEFAULT_LIMITS,
    Limits,
    TemporaryFolder,
    check_archive,
)

SEALED_NAME = "档案内容.zip"


def seal(inner: Path, out: Path, password: str, when: datetime,
         check: Callable[[], None] | None = None) -> None:
    """Write ``out``: one AES-256 entry holding the finished plain archive ``inner``."""
    from ledger_app.outputs.archive.writer import ArchiveWriter

    with open(out, "wb") as fh:
        writer = ArchiveWriter(fh, password, when, check)
        try:
            writer.add_file(SEALED_NAME, inner, store=True)   # a zip does not deflate further
            writer.close()
        except BaseException:
            writer.abandon()
            raise
        fh.flush()
        os.fsync(fh.fileno())


@contextmanager
def unsealed(path: Path, password: str | None, limits: Limits = DEFAULT_LIMITS,
             folder: TemporaryFolder | None = None) -> Iterator[tuple[Path, str | None]]:
    """``(archive to read, password to read it with)``: the inner archive of a sealed one,
    unpacked into ``folder`` (or a folder of its own, removed afterwards), else ``path``."""
    with open(path, "rb") as fh, open_for_reading(fh, password) as zf:
        files = check_archive(zf, limits)
        if list(files) != [SEALED_NAME]:
            sealed_info = None
        else:
            sealed_info = files[SEALED_NAME]
            if not password:
                raise PasswordError("这个检查档案设置了密码，请输入密码后再打开。")
            own = folder is None
            where = folder or TemporaryFolder()
            try:
                # The inner archive may be as large as everything unpacked together.
                inner = where.extract(zf, sealed_info,
                                      replace(limits, max_entry_size=limits.max_total_size))
            except BaseException:
                if own:
                    where.cleanup()
                raise
    if sealed_info is None:
        yield path, password
        return
    try:
        yield inner, None
    finally:
        if own:
            where.cleanup()
