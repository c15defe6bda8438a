"""Operating-system errors are told to the user in plain Chinese."""

from __future__ import annotations

import errno
import os

import pytest

from ledger_app.store.errors import plain_reason


@pytest.mark.parametrize("code, words", [
    (errno.ENOENT, "找不到"), (errno.EACCES, "其他程序"), (errno.ENOSPC, "磁盘空间不足"),
    (errno.EROFS, "只读"), (errno.ENAMETOOLONG, "太长"), (errno.EIO, "U盘")])
def test_common_errors_have_chinese_reasons(code: int, words: str) -> None:
    assert words in plain_reason(OSError(code, os.strerror(code)))


def test_real_errors_from_the_file_system(tmp_path) -> None:
    with pytest.raises(OSError) as missing:
        (tmp_path / "没有这个文件.xlsx").read_bytes()
    assert plain_reason(missing.value) == "找不到这个文件或文件夹"
    with pytest.raises(OSError) as folder:
        tmp_path.read_bytes()
    assert "文件夹" in plain_reason(folder.value)


def test_windows_sharing_violation_and_unknown_errors() -> None:
    locked = PermissionError(errno.EACCES, "The process cannot access the file")
    locked.winerror = 32   # what Windows sets when WPS has the file open
    assert "其他程序使用" in plain_reason(locked)
    assert plain_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == \
        "Invalid cross-device link"   # rare ones keep the system's words
