"""Opening archives for reading, with or without a password (AES-256 via pyzipper).

pyzipper reads plain, ZipCrypto and WinZip AES entries alike, so reading always goes
through it; plain archives need no password. Wrong or missing passwords become a
``LedgerError`` the user can act on.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from ledger_app.store.errors import LedgerError, plain_reason


class PasswordError(LedgerError):
    pass


def bad_zip_errors() -> tuple[type[Exception], ...]:
    """Damaged-zip errors of both zip modules (pyzipper has its own BadZipFile)."""
    import pyzipper

    return (zipfile.BadZipFile, pyzipper.BadZipFile)


def open_for_reading(source: Path | IO[bytes], password: str | None = None) -> zipfile.ZipFile:
    """A read-only zip (the archive file is opened ``rb`` and never written)."""
    import pyzipper

    try:
        zf = pyzipper.AESZipFile(source, "r")
    except bad_zip_errors() as exc:
        raise LedgerError("这不是一个有效的 zip 压缩包，或者文件已经损坏。") from exc
    except OSError as exc:
        raise LedgerError(f"无法读取压缩包：{plain_reason(exc)}") from exc
    if password:
        zf.setpassword(password.encode("utf-8"))
    return zf


def is_encrypted(info: zipfile.ZipInfo) -> bool:
    return bool(info.flag_bits & 0x1)


def password_problem(exc: BaseException) -> PasswordError | None:
    """Turn pyzipper's complaints about passwords into one plain message."""
    text = str(exc).lower()
    if "password" not in text:
        return None
    if "require" in text:
        return PasswordError("这个检查档案设置了密码，请输入密码后再打开。")
    return PasswordError("密码不对，无法解开这个检查档案。")
