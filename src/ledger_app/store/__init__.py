"""The ledger file: records, attachments, attendance, audit trail, lock and schema."""

from ledger_app.store.errors import LedgerError
from ledger_app.store.ledger import Ledger

__all__ = ["Ledger", "LedgerError"]
