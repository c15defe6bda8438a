"""Members for the 党员名册, for tests that need a ledger with something in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MEMBER: dict[str, Any] = {"name": "张伟", "gender": "男", "birth_date": "1980-01-02",
                          "member_class": "正式党员", "status": "在册",
                          "party_group": "第一党小组"}


def add_members(ledger: Any, count: int, prefix: str = "党员") -> list[int]:
    """``count`` members named ``prefix0``, ``prefix1`` …, each with a longish note."""
    return ledger.records.insert_many("roster", [dict(MEMBER, name=f"{prefix}{i}", note="备注" * 80)
                                                 for i in range(count)])


def branch_with_members(folder: Path, org: dict[str, Any], count: int) -> Path:
    """A closed ledger ``支部.ledger`` in ``folder`` holding ``count`` members."""
    from ledger_app.store import Ledger

    path = folder / "支部.ledger"
    with Ledger.create(path, org) as ledger:
        add_members(ledger, count)
    return path
