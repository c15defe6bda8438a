"""A printout's period snapshot applied to the records read (``rules.snapshot`` decides).

Year-less types that describe the branch at a moment — the roster and the committee —
are cut to what was true on ``ctx.as_of``; roster, 发展党员 and 转入转出 rows are shown
as they stood then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ledger_app.forms.model import RecordType
from ledger_app.outputs.pdf.common import PrintContext


def _is_roster(ctx: PrintContext, rt: RecordType) -> bool:
    return rt.key == ctx.ledger.pack.member_type


def _is_committee(ctx: PrintContext, rt: RecordType) -> bool:
    committee = ctx.ledger.pack.type_for("committee")
    return committee is not None and committee.key == rt.key


def _is_development(rt: RecordType) -> bool:
    return bool(rt.key_for("dev_stage"))


def applies(ctx: PrintContext, rt: RecordType) -> bool:
    return ctx.as_of is not None and (_is_roster(ctx, rt) or _is_committee(ctx, rt))


def _is_transfer(rt: RecordType) -> bool:
    return bool(rt.key_for("receipt_date"))


def adjusts_rows(ctx: PrintContext, rt: RecordType) -> bool:
    return ctx.as_of is not None and (_is_roster(ctx, rt) or _is_development(rt)
                                      or _is_transfer(rt))


def ids_as_of(ctx: PrintContext, rt: RecordType, ids: list[int]) -> list[int]:
    """``ids`` (in print order) kept to those true on ``ctx.as_of``."""
    from ledger_app.rules import gather, snapshot

    if not applies(ctx, rt):
        return ids
    assert ctx.as_of is not None
    members = gather.read_members(ctx.ledger)
    if _is_roster(ctx, rt):
        keep = snapshot.roster_ids(members, ctx.as_of)
    else:
        posts = gather.read_posts(ctx.ledger, {m.id: m.name for m in members})
        keep = snapshot.committee_ids(posts, ctx.as_of)
    return [i for i in ids if i in keep]


def row_adjuster(ctx: PrintContext, rt: RecordType, keys: list[str]
                 ) -> Callable[[int, list[Any]], list[Any]] | None:
    """For roster rows read as stored values in ``keys`` order: ``adjust(id, row)`` gives
    the row as it stood on ``ctx.as_of``; None when rows are printed as stored."""
    from ledger_app.rules import snapshot

    if not adjusts_rows(ctx, rt):
        return None
    assert ctx.as_of is not None
    day = ctx.as_of
    # The facts that decide (离开日期, 转正日期, the steps' dates, the 回执) may not be
    # printed columns: read them once.
    if _is_roster(ctx, rt):
        roles: tuple[str, ...] = ("left", "confirmed", "status", "member_class")
        as_then = snapshot.member_as_of
    elif _is_development(rt):
        roles = ("dev_stage", *(role for _m, role in snapshot.STAGES))
        as_then = snapshot.development_as_of
    else:
        roles = ("receipt_returned", "receipt_date")
        as_then = snapshot.transfer_as_of
    wanted = [k for k in (rt.key_for(r) for r in roles) if k]
    extra = {i: v for i, v in ctx.ledger.records.fields_of(rt.key, wanted)}

    def adjust(entry_id: int, row: list[Any]) -> list[Any]:
        stored = {**extra.get(entry_id, {}), **dict(zip(keys, row))}
        then = as_then(rt, stored, day)
        return [then[k] for k in keys]

    return adjust


__all__ = ["adjusts_rows", "applies", "ids_as_of", "row_adjuster"]
