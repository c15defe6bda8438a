"""The user's own column mapping, remembered per record type inside the ledger file.

Stored in the ledger's settings as ``_xlsx_mapping.<type_key>``: normalised header text →
field key ("" means: do not import this column). Only choices that differ from what the
importer guesses by itself are kept, so a better guess later is not masked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

PREFIX = "_xlsx_mapping."


def remembered(ledger: Ledger, type_key: str) -> dict[str, str]:
    value = ledger.setting(PREFIX + type_key, {}) or {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def remember(ledger: Ledger, type_key: str, choices: dict[str, str]) -> None:
    """Merge ``choices`` (normalised header → field key or "") into what is remembered."""
    if not choices or ledger.readonly:
        return
    current = remembered(ledger, type_key)
    merged = {**current, **choices}
    if merged != current:
        ledger.update_settings({PREFIX + type_key: merged})


def forget(ledger: Ledger, type_key: str) -> None:
    if remembered(ledger, type_key):
        ledger.update_settings({PREFIX + type_key: {}})
