"""Expected problems with a ledger file, each with a plain Chinese message.

A LedgerError is something the user can act on (wrong file, file locked, disk
full); the UI shows its message as it is. Anything else is a bug.
"""

import errno
import sqlite3

# SQLite's own errors, for code outside ``store`` that must catch them (it never imports
# sqlite3: all SQL lives in ``store``).
SQLiteError = sqlite3.Error


class LedgerError(Exception):
    """An expected problem; ``str(error)`` is the message for the user."""


class NotALedgerError(LedgerError):
    pass


class NewerVersionError(LedgerError):
    pass


class LedgerLockedError(LedgerError):
    pass


class ReadOnlyError(LedgerError):
    pass


class DiskFullError(LedgerError):
    pass


class DamagedLedgerError(LedgerError):
    """The file is damaged: the message says which part and where the latest good backup is."""


class ValidationError(LedgerError):
    """A record's values break its declaration; ``problems`` maps field key to message."""

    def __init__(self, problems: dict[str, str], type_label: str = ""):
        self.problems = problems
        lines = "；".join(f"{k}: {v}" for k, v in problems.items())
        super().__init__(f"{type_label}记录有误：{lines}")


# What the operating system said, in the words a secretary would use. Python's own texts
# ("No such file or directory") are English on every system; Windows' sharing violation
# ("being used by another process", WinError 32/33) arrives as a PermissionError.
_PLAIN_REASONS = {
    errno.ENOENT: "找不到这个文件或文件夹",
    errno.EACCES: "没有权限，或文件正被其他程序（如 WPS、Excel、看图软件）打开",
    errno.EPERM: "没有权限，或文件正被其他程序（如 WPS、Excel、看图软件）打开",
    errno.EROFS: "磁盘或U盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EIO: "读写磁盘出错（磁盘或U盘可能有问题，或已被拔出）",
    errno.EINVAL: "文件名中有不允许的字符",
}
_WINDOWS_SHARING_VIOLATIONS = {32, 33}


def plain_reason(exc: OSError) -> str:
    """A short Chinese reason for an operating-system error, for messages to the user."""
    if getattr(exc, "winerror", None) in _WINDOWS_SHARING_VIOLATIONS:
        return "文件正被其他程序使用，请先关闭它"
    reason = _PLAIN_REASONS.get(exc.errno or -1)
    if reason:
        return reason
    return exc.strerror or str(exc) or type(exc).__name__
