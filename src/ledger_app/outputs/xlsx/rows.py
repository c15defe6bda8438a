"""One spreadsheet row → one planned record, at one of three levels.

- **ok**: taken as it is (phones, synonyms and spaces normalised quietly);
- **warning**: taken, with what was completed, settled or left blank and why — a cell
  whose meaning is not certain (``CellDoubt``: 2003.1, 学历 "大学", a phone that is not a
  phone) leaves its field blank and 待核实, never a guess, and never refuses the row;
- **error**: not taken, only where taking it would store a wrong value — a mangled ID
  number, a day that does not exist, the person's name missing.

A valid 身份证号码 settles the birth date and 性别 (``forms.settle``). The same person
twice in one file (same strong key, such as the ID number) is one record: the later row
fills what the first left blank, and where they differ the field is 待核实 showing both.
Totals and notes rows ("合计", "共6人", "4人", "其中……") are recognised and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ledger_app.forms import settle
from ledger_app.forms import values as fv
from ledger_app.forms.model import Field, RecordType
from ledger_app.outputs.xlsx.headers import normalise
from ledger_app.outputs.xlsx.matching import ExistingIndex
from ledger_app.outputs.xlsx.parse import (
    CellDoubt,
    CellProblem,
    MemberIndex,
    as_text,
    is_blank,
    parse_cell,
)
from ledger_app.outputs.xlsx.reader import Cell

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

STATUS_LABELS = {"new": "新增", "update": "更新", "skip": "跳过", "error": "错误"}
LEVEL_LABELS = {"ok": "无误", "warning": "有提示", "error": "错误"}
TOTAL_WORDS = ("合计", "总计", "小计", "共计")
FOOTER_WORDS = ("制表人", "制表", "填表人", "审核人", "审核", "负责人", "填报日期", "注：", "注:",
                "说明：", "说明:", "备注：", "其中")
TOTAL_FOOTER_STARTS = {w[0] for w in TOTAL_WORDS + FOOTER_WORDS}
# "4人", "共6人", "合计：12名", "计 3 人": a count of people in a totals line.
HEAD_COUNT = re.compile(r"^(?:共|合计|总计|小计|共计|计)?[:：]?\s*\d+\s*(?:人|名|位)$")
MISSING_COLUMN = "表中没有“{label}”这一列，待核实"


@dataclass(frozen=True)
class Reason:
    field: str          # field key ("" for the row as a whole)
    label: str
    level: str          # info, warning, error
    message: str

    def text(self) -> str:
        return f"{self.label}：{self.message}" if self.label else self.message

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "label": self.label, "level": self.level,
                "message": self.message}


@dataclass
class RowPlan:
    row: int                                   # row number as Excel shows it
    status: str                                # new, update, skip, error
    message: str = ""
    values: dict[str, Any] = field(default_factory=dict)   # new: the whole record
    cells: list[str] = field(default_factory=list)          # text of mapped cells, for preview
    match_id: int | None = None
    match_title: str = ""
    changes: dict[str, Any] = field(default_factory=dict)  # update: field -> new value
    update_problem: str = ""
    reasons: list[Reason] = field(default_factory=list)
    pending: dict[str, str] = field(default_factory=dict)  # field -> why it is 待核实

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def level(self) -> str:
        if self.status == "error":
            return "error"
        return "warning" if any(r.level == "warning" for r in self.reasons) else "ok"

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def matched(self) -> bool:
        return self.match_id is not None and self.status in ("update", "skip")

    def explain(self, lead: str = "") -> None:
        """The message: what happens to the row, then every reason."""
        parts = [lead] if lead else []
        parts += [r.text() for r in self.reasons]
        self.message = "；".join(parts)


@dataclass
class RowContext:
    """What every row of one sheet is planned against."""

    ledger: Ledger
    rt: RecordType
    mapped: list[Any]                          # ColumnMap with a field
    fields: dict[str, Field]
    members: MemberIndex | None
    existing: ExistingIndex
    defaults: dict[str, Any]
    on_match: str
    critical: set[str]                         # fields whose problem refuses the row
    missing: set[str]                          # fields the sheet has no column for
    seen: dict[tuple, RowPlan] = field(default_factory=dict)


def critical_fields(rt: RecordType) -> set[str]:
    """The name, the ID number and the date placing a record in its year: a doubt about
    any of them would store the wrong person or the wrong year, so it refuses the row."""
    keys = {rt.title_field, rt.date_field, rt.key_for("person_name"), rt.key_for("id_number")}
    keys |= {f.key for f in rt.stored_fields if f.format == "idcard"}
    return {k for k in keys if k}


def row_kind(cells: list[Cell], columns: list[Any], header_words: set[str],
             seq_key: str | None = None) -> str:
    """'blank', 'total', 'footer', 'header' or 'data'."""
    first = next((v for v, _ in cells if not is_blank(v)), None)
    if first is None:
        return "blank"
    if isinstance(first, str) and first.strip()[:1] in TOTAL_FOOTER_STARTS:
        lead = normalise(first)
        if any(lead.startswith(w) for w in TOTAL_WORDS):
            return "total"
        filled = sum(1 for v, _ in cells if not is_blank(v))
        if any(lead.startswith(normalise(w)) for w in FOOTER_WORDS) and filled <= 3:
            return "footer"
    if any(isinstance(v, str) and len(v) <= 16 and v.rstrip()[-1:] in "人名位"
           and HEAD_COUNT.match(normalise(v)) for v, _ in cells):
        return "total"
    mapped = [(c, cells[c.index][0]) for c in columns
              if c.field_key and c.field_key != seq_key and c.index < len(cells)]
    if all(is_blank(v) for _, v in mapped):
        return "blank"   # a pre-numbered empty line, or text only in unmapped columns
    first = next((v for _, v in mapped if not is_blank(v)), None)
    if not isinstance(first, str) or bare(first) not in header_words:
        return "data"
    same = sum(1 for c, v in mapped if not is_blank(v) and bare(v) == bare(c.header))
    if same * 2 >= len(mapped):
        return "header"  # the header repeated further down (copied for each printed page)
    return "data"


def bare(text: Any) -> str:
    return re.sub(r"\(.*?\)|/.*$", "", normalise(text))


def shown_cells(cells: list[Cell], mapped: list[Any]) -> list[str]:
    return [as_text(cells[c.index][0]) if c.index < len(cells) and
            not is_blank(cells[c.index][0]) else "" for c in mapped]


def plan_row(ctx: RowContext, n: int, cells: list[Cell], shown: list[str]) -> RowPlan:
    rt, fields = ctx.rt, ctx.fields
    parsed: dict[str, Any] = {}
    errors: list[Reason] = []
    doubts: dict[str, CellDoubt] = {}
    for c in ctx.mapped:
        f = fields[c.field_key]
        value, fmt = cells[c.index] if c.index < len(cells) else (None, None)
        try:
            parsed[f.key] = parse_cell(f, value, fmt, ctx.members, rt.title_field)
        except CellDoubt as exc:
            if f.key in ctx.critical:
                errors.append(Reason(f.key, f.label, "error", str(exc)))
            else:
                doubts[f.key] = exc
                parsed[f.key] = _blank(f)
        except CellProblem as exc:
            errors.append(Reason(f.key, f.label, "error", str(exc)))
    if errors:
        return _error(n, shown, errors)
    record = {key: parsed.get(key, ctx.defaults.get(key)) for key in fields}
    for key, f in fields.items():
        if record[key] is None:
            record[key] = _blank(f)
    settled = settle.settle_with_id(rt, record, {k: d.candidates for k, d in doubts.items()
                                                 if d.candidates})
    record.update(settled.filled)
    reasons = [Reason(n_.field, fields[n_.field].label, n_.level, n_.message)
               for n_ in settled.notes]
    pending: dict[str, str] = {}
    for key, why in settled.doubtful.items():
        record[key] = _blank(fields[key])
        pending[key] = why
    for key, doubt in doubts.items():
        if key not in settled.filled and key not in pending:
            pending[key] = str(doubt)
            reasons.append(Reason(key, fields[key].label, "warning", str(doubt)))
    for key, f in fields.items():
        if not f.required or not fv.is_empty(record[key]) or key in pending:
            continue
        if key in ctx.critical:
            errors.append(Reason(key, f.label, "error", "必填，表中未填"))
        elif key in ctx.missing:
            pending[key] = MISSING_COLUMN.format(label=f.label)   # named once in the notes
        else:
            pending[key] = "表中未填，待核实"
            reasons.append(Reason(key, f.label, "warning", pending[key]))
    if errors:
        return _error(n, shown, errors)
    strong = ctx.existing.key_of(record)
    if strong is not None and strong in ctx.seen:
        return _merge_duplicate(ctx, ctx.seen[strong], n, record, shown, strong)
    found = ctx.existing.find(record)
    if len(found) > 1:
        return _error(n, shown, [Reason("", "", "error", f"台账中有 {len(found)} 条记录与这一行相同"
                                        f"（{ctx.existing.describe(strong)}），无法确定更新哪一条")])
    if found and not ctx.existing.strong:
        return RowPlan(n, "skip", "台账中已有完全相同的记录，跳过", cells=shown,
                       match_title=ctx.ledger.records.title(rt, found[0][1]))
    if found:
        given = {k: v for k, v in {**parsed, **settled.filled}.items() if k not in pending}
        row = _plan_match(ctx, n, found[0], given, shown, reasons, pending)
    else:
        problems = [Reason(k, rt.field(k).label, "error", m)
                    for k, m in fv.validate(rt, record).items()
                    if not (k in pending and fv.is_empty(record.get(k)))]
        if problems:
            return _error(n, shown, problems)
        row = RowPlan(n, "new", values=record, cells=shown, reasons=reasons, pending=pending)
        row.explain()
    if strong is not None:
        ctx.seen[strong] = row
    return row


def _blank(f: Field) -> Any:
    return [] if f.type in ("multichoice", "members") else None


def _error(n: int, shown: list[str], reasons: list[Reason]) -> RowPlan:
    row = RowPlan(n, "error", cells=shown, reasons=reasons)
    row.explain()
    return row


def _plan_match(ctx: RowContext, n: int, match: tuple[int, dict[str, Any]],
                given: dict[str, Any], shown: list[str], reasons: list[Reason],
                pending: dict[str, str]) -> RowPlan:
    rt = ctx.rt
    match_id, current = match
    # Blank cells never clear what the ledger already holds: an update only adds or changes.
    changes = {k: v for k, v in given.items() if not fv.is_empty(v) and current.get(k) != v}
    merged = {**current, **changes}
    still = {k: v for k, v in pending.items() if fv.is_empty(merged.get(k))}
    problems = {rt.field(k).label: m for k, m in fv.validate(rt, merged).items()
                if k not in still}
    row = RowPlan(n, "skip", match_id=match_id, cells=shown,
                  match_title=existing_name(ctx.ledger, rt, match_id, current),
                  changes=changes, update_problem=join(problems), reasons=reasons,
                  pending=still)
    action = "update" if ctx.on_match == "update" and changes and not problems else "skip"
    row.status = action
    row.explain(match_message(row, action))
    if ctx.on_match == "update" and problems:
        row.message += f"；不能更新：{row.update_problem}"
    elif ctx.on_match == "update" and not changes:
        row.message = f"与台账中的记录（{row.match_title}）相同，无需更新"
    return row


def _merge_duplicate(ctx: RowContext, first: RowPlan, n: int, record: dict[str, Any],
                     shown: list[str], strong: tuple) -> RowPlan:
    """A second row for the same person: one record. Blanks are filled from it; where the
    two rows differ the field is 待核实 (which is right is not known), except the name."""
    same = ctx.existing.describe(strong)
    differences: list[Reason] = []
    target = first.values if first.status == "new" else None
    for key, value in record.items():
        if fv.is_empty(value) or key in strong[0]:
            continue
        f = ctx.fields[key]
        before = (target if target is not None else {**first.values, **first.changes}).get(key)
        if fv.is_empty(before):
            if target is not None and key not in ctx.defaults:
                target[key] = value
                first.pending.pop(key, None)
                first.reasons.append(Reason(key, f.label, "info", f"由第 {n} 行补全"))
            continue
        if before == value or (key in ctx.defaults and ctx.defaults[key] == value):
            continue
        why = (f"第 {first.row} 行写“{_shown(f, before)}”，第 {n} 行写“{_shown(f, value)}”"
               + ("，以第一行为准" if key in ctx.critical or target is None else "，留空待核实"))
        differences.append(Reason(key, f.label, "warning", why))
        if target is not None and key not in ctx.critical:
            target[key] = _blank(f)
            first.pending[key] = why
            first.reasons.append(Reason(key, f.label, "warning", why))
    if target is not None:
        first.explain()
    row = RowPlan(n, "skip", cells=shown, reasons=differences)
    row.explain(f"与第 {first.row} 行是同一条记录（{same}相同），已合并为一条")
    return row


def _shown(f: Field, value: Any) -> str:
    from ledger_app.forms.display import display

    return display(f, value)


def existing_name(ledger: Ledger, rt: RecordType, entry_id: int, values: dict[str, Any]) -> str:
    """The ledger's record a row matched, as the store names it when it refuses a second
    one: its unique key where the type declares one (“张三 2025年3月，编号 12”)."""
    named = ledger.records.describe_key(rt, values) if rt.unique else ""
    named = named or ledger.records.title(rt, values)
    return f"{named}，编号 {entry_id}" if named else f"编号 {entry_id}"


def match_message(row: RowPlan, action: str) -> str:
    if action == "skip":
        return f"台账中已有（{row.match_title}），跳过"
    if not row.changes:
        return f"与台账中的记录（{row.match_title}）相同"
    return f"更新台账中的记录（{row.match_title}）：{len(row.changes)} 项"


def join(problems: dict[str, str]) -> str:
    return "；".join(f"{k}：{v}" for k, v in problems.items())
