"""Expected problems with a ledger file, each with a plain Chinese message.

A LedgerError is something the user can act on (wrong file, file locked, disk
full); the UI shows its message as it is. Anything else is a bug.
"""


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


class ValidationError(LedgerError):
    """A record's values break its declaration; ``problems`` maps field key to message."""

    def __init__(self, problems: dict[str, str], type_label: str = ""):
        self.problems = problems
        lines = "；".join(f"{k}: {v}" for k, v in problems.items())
        super().__init__(f"{type_label}记录有误：{lines}")
