"""Import records from a spreadsheet: first a plan (the preview), then one all-or-nothing write.

``plan_import`` reads the file, finds the header, maps columns, parses every row and
matches it to existing records; nothing is written. Each row gets a status (新增, 更新,
跳过 or 错误) and a level (无误, 有提示: taken with what was completed or left 待核实, 错误:
not taken; see ``rows``), with its reasons. ``apply_import`` writes the plan in one transaction. By
default an import with any 错误 row is refused whole (the usual case is a file with a
systematic problem, such as a date column typed as text, that the user fixes once);
``only_valid=True`` (CLI ``--skip-errors``, window: “只导入无误的行”) writes the good rows
and leaves the bad ones out. The written batch can be undone (``batches.undo_import``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledger_app.forms.model import RecordType
from ledger_app.outputs.xlsx import mapping_memory
from ledger_app.outputs.xlsx.export import resolve_type
from ledger_app.outputs.xlsx.headers import (
    HeaderGuess,
    Matcher,
    auto_mapping,
    find_header,
    normalise,
)
from ledger_app.outputs.xlsx.matching import ExistingIndex
from ledger_app.outputs.xlsx.parse import MemberIndex, as_text, is_blank
from ledger_app.outputs.xlsx.reader import MAX_ROWS, Cell, open_workbook
from ledger_app.outputs.xlsx.rows import (
    LEVEL_LABELS,
    STATUS_LABELS,
    RowContext,
    RowPlan,
    bare,
    critical_fields,
    match_message,
    plan_row,
    row_kind,
    shown_cells,
)
from ledger_app.store import import_batches as batches
from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

Progress = Callable[[int, int, str], None]
OPTIONS_SHEET = "选项"


@dataclass
class ColumnMap:
    index: int                 # 0-based column
    header: str
    field_key: str | None      # None: not imported
    auto_key: str | None       # what the importer guessed by itself


@dataclass
class ImportPlan:
    type_key: str
    type_label: str
    path: Path
    sheet: str
    sheets: list[str]
    header_row: int            # 1-based, as Excel shows it
    header_rows: int
    columns: list[ColumnMap]
    rows: list[RowPlan]
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found = {k: 0 for k in STATUS_LABELS}
        for r in self.rows:
            found[r.status] += 1
        return found

    def levels(self) -> dict[str, int]:
        """Rows taken as they are, taken with a warning, and refused."""
        found = {k: 0 for k in LEVEL_LABELS}
        for r in self.rows:
            if r.status != "skip" or r.match_id is not None or r.reasons:
                found[r.level] += 1
        return found

    def set_action(self, row: RowPlan, action: str) -> None:
        """For a row matching an existing record: 'update' it or 'skip' it."""
        if not row.matched:
            return
        if action == "update" and row.update_problem:
            raise LedgerError(f"第 {row.row} 行不能更新：{row.update_problem}")
        row.status = action
        row.explain(match_message(row, action))

    def set_all(self, action: str) -> None:
        for row in self.rows:
            if row.matched and not (action == "update" and row.update_problem):
                self.set_action(row, action)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type_key, "file": str(self.path), "sheet": self.sheet,
            "sheets": self.sheets, "header_row": self.header_row,
            "header_rows": self.header_rows, "notes": self.notes,
            "columns": [{"column": c.index + 1, "header": c.header, "field": c.field_key}
                        for c in self.columns],
            "counts": self.counts(), "levels": self.levels(),
            "rows": [{"row": r.row, "status": r.status, "status_label": r.status_label,
                      "level": r.level, "level_label": r.level_label,
                      "message": r.message, "match_id": r.match_id,
                      "reasons": [reason.to_json() for reason in r.reasons],
                      "pending": r.pending,
                      "values": r.values if r.status == "new" else r.changes}
                     for r in self.rows],
        }


@dataclass
class ImportResult:
    batch_id: int | None
    inserted: list[int]
    updated: list[int]
    skipped: int
    errors: int


def choose_sheet(sheets: list[str], rt: RecordType, wanted: str | None) -> str:
    if wanted:
        if wanted not in sheets:
            raise LedgerError(f"工作簿中没有名为“{wanted}”的工作表。有：{'、'.join(sheets)}")
        return wanted
    for name in sheets:
        if name == rt.label:
            return name
    return next((s for s in sheets if s != OPTIONS_SHEET), sheets[0])


def plan_import(ledger: Ledger, path: str | Path, type_key: str, sheet: str | None = None,
                on_match: str = "skip", header_row: int | None = None,
                mapping: dict[int, str | None] | None = None, progress: Progress | None = None,
                max_rows: int = MAX_ROWS) -> ImportPlan:
    """Read, map, parse and match; returns the preview. Nothing is written."""
    rt = resolve_type(ledger.pack, type_key)
    path = Path(path)
    with open_workbook(path, max_rows=max_rows) as source:
        chosen = choose_sheet(source.sheet_names, rt, sheet)
        rows: list[list[Cell]] = []
        for row in source.rows(chosen):
            rows.append(row)
            if progress and len(rows) % 2000 == 0:
                progress(len(rows), 0, f"正在读取：第 {len(rows)} 行")
        notes = list(source.notes)
        sheets = list(source.sheet_names)
    matcher = Matcher(rt)
    guess = find_header(rows, matcher, None if header_row is None else header_row - 1)
    if guess is None:
        raise LedgerError(_no_header_message(rows, rt, chosen))
    auto = auto_mapping(guess.headers, matcher)
    chosen_map = auto_mapping(guess.headers, matcher, mapping_memory.remembered(ledger, rt.key))
    if mapping is not None:
        chosen_map = [mapping.get(i, chosen_map[i]) if i in mapping else chosen_map[i]
                      for i in range(len(guess.headers))]
    columns = [ColumnMap(i, h, chosen_map[i], auto[i]) for i, h in enumerate(guess.headers)]
    _check_mapping(columns, rt)
    plan = ImportPlan(rt.key, rt.label, path, chosen, sheets, guess.first_row + 1, guess.rows,
                      columns, [], notes)
    if len(sheets) > 1:
        plan.notes.append(f"工作簿有 {len(sheets)} 个工作表，读取的是“{chosen}”。")
    unmapped = [c.header for c in columns if c.header and not c.field_key]
    if unmapped:
        plan.notes.append(f"以下列没有对应字段，不导入：{'、'.join(unmapped)}")
    missing = [f.label for f in rt.stored_fields if f.required
               and f.key not in {c.field_key for c in columns} and f.default is None]
    if missing:
        plan.notes.append(f"表中没有必填的列：{'、'.join(missing)}，导入后这些项留空，标为待核实。")
    _plan_rows(ledger, rt, plan, rows, guess, on_match, progress)
    return plan


def _no_header_message(rows: list[list[Cell]], rt: RecordType, sheet: str) -> str:
    sample = next((" | ".join(as_text(v) for v, _ in r if not is_blank(v)) for r in rows[:30]
                   if any(not is_blank(v) for v, _ in r)), "")
    hint = f"第一行有内容的是：{sample[:80]}" if sample else "这个工作表是空的"
    return (f"在工作表“{sheet}”的前 30 行中找不到{rt.label}的表头（至少要有两列的标题能对上，"
            f"如 {'、'.join(f.label for f in rt.stored_fields[:4])}）。{hint}。"
            "请检查是否选对了工作表和记录类型，或指定表头所在的行。")


def _check_mapping(columns: list[ColumnMap], rt: RecordType) -> None:
    keys = [c.field_key for c in columns if c.field_key]
    known = {f.key for f in rt.stored_fields}
    for key in keys:
        if key not in known:
            raise LedgerError(f"{rt.label}没有“{key}”这个字段，不能对应到它。")
    doubled = {k for k in keys if keys.count(k) > 1}
    if doubled:
        labels = "、".join(rt.field(k).label for k in sorted(doubled))
        raise LedgerError(f"有两列对应到了同一个字段（{labels}），请只保留一列。")


def _plan_rows(ledger: Ledger, rt: RecordType, plan: ImportPlan, rows: list[list[Cell]],
               guess: HeaderGuess, on_match: str, progress: Progress | None) -> None:
    mapped = [c for c in plan.columns if c.field_key]
    mapped_keys = [c.field_key for c in mapped if c.field_key]     # the same columns' keys
    fields = {f.key: f for f in rt.stored_fields}
    filled = set(mapped_keys)
    header_words = {bare(c.header) for c in mapped}
    needs_members = any(fields[key].type in ("member", "members") for key in mapped_keys)
    ctx = RowContext(
        ledger, rt, mapped, fields,
        MemberIndex(_member_names(ledger), ledger.pack.record_type(
            ledger.pack.member_type).label) if needs_members else None,
        ExistingIndex(ledger, rt, mapped_keys),
        {f.key: f.default for f in rt.stored_fields
         if f.default is not None and f.key not in filled},
        on_match, critical_fields(rt), set(fields) - filled)
    start = guess.first_row + guess.rows
    after_total = False
    total = len(rows) - start
    for n, cells in enumerate(rows[start:], start + 1):
        if progress and (n - start) % 1000 == 0:
            progress(n - start, total, f"正在检查第 {n} 行")
        kind = row_kind(cells, plan.columns, header_words, rt.key_for("seq"))
        if kind == "blank":
            continue
        shown = shown_cells(cells, mapped)
        seen = dict(ctx.seen)
        row = plan_row(ctx, n, cells, shown)
        # A row that reads "合计" or "4人" (or "制表人：…", or comes below a totals row) is
        # skipped unless it is a clean record: a document titled 总计 is still a document.
        if (kind != "data" or after_total) and row.level != "ok":
            after_total = after_total or kind == "total"
            ctx.seen = seen
            reason = {"total": "合计行，不导入", "footer": "表尾说明，不导入",
                      "header": "重复的表头行，不导入"}.get(kind, "合计行以下的内容，不导入")
            row = RowPlan(n, "skip", reason, cells=shown)
        plan.rows.append(row)
    _number_new_rows(ledger, rt, plan, rt.key_for("seq"), filled)


def _number_new_rows(ledger: Ledger, rt: RecordType, plan: ImportPlan, seq_key: str | None,
                     filled: set[str]) -> None:
    """序号 for new records when the sheet has no such column, or has one number twice (or
    one the ledger already uses): numbered on from the ledger's highest, in the sheet's
    order. Blank cells of a 序号 column stay blank, as the sheet had them."""
    if not seq_key:
        return
    new = [r for r in plan.rows if r.status == "new"]
    if not new:
        return
    taken = ledger.records.numbers(rt.key, seq_key)
    given = [r.values.get(seq_key) for r in new if r.values.get(seq_key) is not None]
    if seq_key in filled and len(set(given)) == len(given) and not set(given) & taken:
        return
    first = max(taken, default=0) + 1
    for i, r in enumerate(new):
        r.values[seq_key] = first + i
    label = rt.field(seq_key).label
    why = "表中没有这一列" if seq_key not in filled else "表中有重复，或与台账中已有的重复"
    plan.notes.append(f"{label}{why}，新增的 {len(new)} 条按表中顺序编为 {first}–{first + len(new) - 1}。")


def _member_names(ledger: Ledger) -> dict[int, str]:
    return ledger.records.member_names(live_only=True)


def apply_import(ledger: Ledger, plan: ImportPlan, only_valid: bool = False,
                 progress: Progress | None = None) -> ImportResult:
    """Write the plan in one transaction; refuses when rows have errors unless ``only_valid``."""
    counts = plan.counts()
    if counts["error"] and not only_valid:
        raise LedgerError(f"有 {counts['error']} 行有错误，什么也没有导入。请按预览中的提示改正表格后"
                          "重新导入，或选择“只导入无误的行”。")
    rt = ledger.pack.record_type(plan.type_key)
    todo = [r for r in plan.rows if r.status in ("new", "update")]
    inserted: list[int] = []
    updated: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}
    source = f"{plan.path.name}（{plan.sheet}）"
    batch_id = None
    with ledger.transaction() as conn:
        for i, row in enumerate(todo):
            if progress and i % 200 == 0:
                progress(i, len(todo), f"正在写入第 {i + 1}/{len(todo)} 条")
            try:
                where = f"{source}第 {row.row} 行"
                if row.status == "new":
                    inserted.append(ledger.records.insert(rt.key, row.values, audit=False,
                                                          pending=row.pending, source=where))
                else:
                    match_id = row.match_id
                    assert match_id is not None     # an update row names the record it updates
                    before = ledger.records.get(match_id).values
                    ledger.records.update(match_id, row.changes, pending=row.pending,
                                          source=where)
                    updated[match_id] = (before, ledger.records.get(match_id).values)
            except LedgerError as exc:
                raise LedgerError(f"第 {row.row} 行：{exc}。什么也没有导入。") from exc
        if inserted or updated:
            batch_id = batches.record_batch(conn, ledger, rt.key, source, inserted,
                                            _jsonable(updated))
            ledger.audit.append("import", None, rt.key,
                                f"从 Excel 导入{rt.label}（{source}）：新增 {len(inserted)} 条，"
                                f"更新 {len(updated)} 条", {"batch": batch_id})
        _remember_mapping(ledger, plan)
    return ImportResult(batch_id, inserted, list(updated), counts["skip"],
                        counts["error"] if only_valid else 0)


def _jsonable(updated: dict[int, tuple[dict, dict]]) -> dict[int, tuple[dict, dict]]:
    return {k: (json.loads(json.dumps(b, ensure_ascii=False)),
                json.loads(json.dumps(a, ensure_ascii=False))) for k, (b, a) in updated.items()}


def _remember_mapping(ledger: Ledger, plan: ImportPlan) -> None:
    # A choice that differs from the importer's own guess is kept; one set back to the
    # guess replaces what was remembered for that header.
    current = mapping_memory.remembered(ledger, plan.type_key)
    choices = {normalise(c.header): c.field_key or "" for c in plan.columns
               if c.header and (c.field_key != c.auto_key or normalise(c.header) in current)}
    mapping_memory.remember(ledger, plan.type_key, choices)
