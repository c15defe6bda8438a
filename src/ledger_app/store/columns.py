"""How a record's values are stored in its ``t_<type>`` columns and read back, and the
record as the store hands it out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ledger_app.forms import values as fv
from ledger_app.forms.model import Field

SEARCHABLE = ("text", "longtext", "choice", "multichoice", "member", "members")


@dataclass
class Record:
    id: int
    type_key: str
    year: int | None
    values: dict[str, Any]
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)


def to_column(field: Field, value: Any) -> Any:
    if fv.is_empty(value):
        return None
    if field.type in ("multichoice", "members"):
        return json.dumps(list(value), ensure_ascii=False)
    if field.type == "bool":
        return 1 if value else 0
    return value


def from_column(field: Field, value: Any) -> Any:
    if field.type in ("multichoice", "members"):
        return json.loads(value) if value else []
    if field.type == "bool":
        return None if value is None else bool(value)
    return value
