"""Masking personal numbers in what the archive writes itself (index, manifest, snapshot).

ID numbers keep their first 6 and last 4 characters, phone numbers their first 3 and
last 4. Declared sensitive fields are masked by their format; free text (notes, the
audit trail) is also swept for anything shaped like an ID or mobile number and for
every exact sensitive value the ledger holds, so a number typed into a remark does
not slip through.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ledger_app.forms import idcard
from ledger_app.forms.model import Field

_ID_SHAPE = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_MOBILE_SHAPE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")

MASKING_NOTE = "身份证号只显示前 6 位和后 4 位，电话号码只显示前 3 位和后 4 位。"


def mask_phone(value: str) -> str:
    """``13812345678`` → ``138****5678``; the middle digits of any number become ``*``."""
    if not value or len(value) <= 7:
        return value
    middle = "".join("*" if ch.isdigit() else ch for ch in value[3:-4])
    return value[:3] + middle + value[-4:]


def mask_value(field: Field, value: Any) -> Any:
    if not isinstance(value, str) or not value:
        return value
    if field.format == "phone":
        return mask_phone(value)
    if field.format == "idcard":
        return idcard.mask(value)
    # A sensitive field of no known format: keep as little as the ID rule keeps.
    return idcard.mask(value) if len(value) > 10 else "*" * len(value)


class TextMasker:
    """Masks known sensitive values and anything shaped like an ID or mobile number."""

    def __init__(self, known: Iterable[tuple[Field, str]] = ()):
        self._known: dict[str, str] = {}
        for field, value in known:
            if isinstance(value, str) and len(value) >= 5:
                self._known[value] = str(mask_value(field, value))
        # Longest first, so a number is never half-replaced by a shorter one inside it.
        self._order = sorted(self._known, key=len, reverse=True)

    @property
    def known_values(self) -> list[str]:
        return list(self._order)

    def __call__(self, text: Any) -> Any:
        if not isinstance(text, str) or not text:
            return text
        for raw in self._order:
            if raw in text:
                text = text.replace(raw, self._known[raw])
        text = _ID_SHAPE.sub(lambda m: m[1] + "*" * 8 + m[3], text)
        return _MOBILE_SHAPE.sub(lambda m: m[1] + "****" + m[3], text)


def sensitive_values(ledger: Any) -> list[tuple[Field, str]]:
    """Every stored value of every sensitive field, deleted records included."""
    from ledger_app.store.schema import table_name

    found: list[tuple[Field, str]] = []
    for rt in ledger.pack.record_types:
        for f in rt.stored_fields:
            if not f.sensitive:
                continue
            rows = ledger.query(f'SELECT DISTINCT "{f.key}" FROM "{table_name(rt.key)}" '
                                f'WHERE "{f.key}" IS NOT NULL')
            found.extend((f, str(r[0])) for r in rows)
    return found


def ledger_masker(ledger: Any) -> TextMasker:
    return TextMasker(sensitive_values(ledger))
