"""Export records to a formatted workbook: one sheet per record type, streamed row by row.

Rows are read a page at a time on a separate read connection and written with
openpyxl's write-only mode, so 100 000 records need little memory. Each column has
one prepared cell (font, number format) that is refilled for every row: this keeps
styled cells nearly as cheap as plain values. The file is written under a temporary
name and renamed into place only when complete.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from ledger_app.forms.model import RecordType
from ledger_app.outputs.durable import atomic_path
from ledger_app.outputs.xlsx import styles
from ledger_app.outputs.xlsx.columns import (
    Column,
    cell_value,
    clean_text,
    columns_for,
    printed_count,
)
from ledger_app.outputs.xlsx.long_text import LongTexts
from ledger_app.store.errors import LedgerError, plain_reason

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.store.reading import Reader

Progress = Callable[[int, int, str], None]
PAGE = 1000
TITLE_ROW, HEADER_ROW, FIRST_DATA_ROW = 1, 2, 3
OPTIONS_SHEET = "选项"


def _save(wb: Workbook, path: Path) -> None:
    """``wb.save(path)``, except that a save cut short (a full disk) abandons its zip:
    openpyxl would leave it to be closed at garbage collection, which writes to the
    broken file again and prints an error long after ours was shown."""
    from openpyxl.writer.excel import ExcelWriter

    if wb.write_only and not wb.worksheets:
        wb.create_sheet()
    wb.properties.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    with open(path, "wb") as fh:
        archive = zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        try:
            ExcelWriter(wb, archive).save()
        except BaseException:
            archive.fp = None   # abandoned: nothing more is written to the file
            raise


def save_atomically(wb: Workbook, out: Path) -> Path:
    out = Path(out)
    try:
        with atomic_path(out) as temp:
            _save(wb, temp)
    except OSError as exc:
        discard(wb)   # a save cut short (disk full) leaves row streams open: close them
        raise LedgerError(f"无法写入 {out}：{plain_reason(exc)}。请检查文件夹是否可写、"
                          "文件是否正在 Excel/WPS 中打开。") from exc
    return out


def chosen_types(ledger: Ledger, type_keys: Iterable[str] | None,
                 year: int | None) -> list[RecordType]:
    if type_keys:
        return [resolve_type(ledger.pack, key) for key in type_keys]
    counts = ledger.records.counts(year)
    found = [rt for rt in ledger.pack.record_types if counts.get(rt.key)]
    return found or [ledger.pack.record_type(ledger.pack.member_type)]


def resolve_type(pack, key_or_label: str) -> RecordType:
    """A record type by key (roster) or by Chinese label (党员名册)."""
    for rt in pack.record_types:
        if key_or_label in (rt.key, rt.label):
            return rt
    names = "、".join(f"{rt.key}（{rt.label}）" for rt in pack.record_types)
    raise LedgerError(f"没有“{key_or_label}”这种记录类型。可选：{names}")


def export_workbook(ledger: Ledger, out: str | os.PathLike[str],
                    type_keys: Iterable[str] | None = None, year: int | None = None,
                    masked: bool = True, progress: Progress | None = None,
                    date_from: str | None = None, date_to: str | None = None,
                    warnings: list[str] | None = None) -> Path:
    """Write the chosen record types (default: every type that has records) to ``out``;
    dated types narrowed to ``date_from``..``date_to`` when given. Text moved to the
    长文本 sheet or characters left out are described in ``warnings`` (when given)."""
    out = Path(out)
    types = chosen_types(ledger, type_keys, year)
    wb = Workbook(write_only=True)
    options = OptionLists()
    long_texts = LongTexts()
    conn = ledger.reader()
    completed = False
    try:
        ids_by_type = {rt.key: _ordered_ids(ledger, rt, year, conn, date_from, date_to)
                       for rt in types}
        total = sum(len(v) for v in ids_by_type.values())
        names = member_names(ledger, conn)
        done = 0
        taken: set[str] = {OPTIONS_SHEET}
        for rt in types:
            ws = wb.create_sheet(styles.safe_sheet_title(rt.label, taken))
            period = (f"（{date_from or ''}至{date_to or ''}）" if (date_from or date_to)
                      and rt.date_field else (f"（{year}年）" if year else ""))
            title = f"{ledger.org_name} {rt.label}{period}"
            for written in write_record_sheet(ws, ledger, rt, ids_by_type[rt.key], conn, names,
                                              masked, title, options, long_texts):
                done += written
                if progress:
                    progress(done, total, f"正在导出{rt.label}：{done}/{total}")
        long_texts.write(wb)
        options.write(wb)
        completed = True
    finally:
        conn.close()
        if not completed:
            discard(wb)
    saved = save_atomically(wb, out)
    if warnings is not None:
        warnings.extend(long_texts.warnings())
    return saved


def discard(wb: Workbook) -> None:
    """Drop a half-written write-only workbook: close its row streams, remove its temp files."""
    for ws in wb.worksheets:
        rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.cleanup()
        ws._rows = None


def _ordered_ids(ledger: Ledger, rt: RecordType, year: int | None,
                 conn: Reader, date_from: str | None = None,
                 date_to: str | None = None) -> list[int]:
    # A ledger reads oldest first: by the declared date, else the default order (序号).
    if rt.date_field:
        return ledger.records.ids(rt.key, year, sort_field=rt.date_field, conn=conn,
                                  date_from=date_from, date_to=date_to)
    return ledger.records.ids(rt.key, year, conn=conn)


def member_names(ledger: Ledger, conn: Reader) -> dict[int, str]:
    return ledger.records.member_names(conn=conn)


class OptionLists:
    """Choice lists too long for an inline drop-down go to a hidden sheet, one column each."""

    def __init__(self) -> None:
        self.columns: dict[tuple[str, ...], str] = {}

    def ref(self, choices: tuple[str, ...]) -> str:
        if choices not in self.columns:
            self.columns[choices] = get_column_letter(len(self.columns) + 1)
        col = self.columns[choices]
        return f"'{OPTIONS_SHEET}'!${col}$1:${col}${len(choices)}"

    def write(self, wb: Workbook) -> None:
        if not self.columns:
            return
        ws = wb.create_sheet(OPTIONS_SHEET)
        ws.sheet_state = "hidden"
        lists = list(self.columns)
        for i in range(max(len(c) for c in lists)):
            ws.append([c[i] if i < len(c) else None for c in lists])


def prepare_sheet(ws: Any, rt: RecordType, columns: list[Column], title: str,
                  options: OptionLists, note: str | None = None) -> None:
    """Widths, frozen header, print set-up, title and header rows, drop-downs."""
    for i, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    styles.set_print(ws, rt, columns, HEADER_ROW)
    # The title spans the printed columns, so it sits centred on the printed page.
    last = get_column_letter(printed_count(columns) or len(columns))
    first_row = WriteOnlyCell(ws, value=clean_text(note or title))
    first_row.font = styles.NOTE_FONT if note else styles.TITLE_FONT
    first_row.alignment = styles.WRAP if note else styles.CENTER
    ws.row_dimensions[TITLE_ROW].height = 42 if note else 24
    ws.append([first_row])
    ws.merged_cells.add(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    headers = []
    for col in columns:
        cell = WriteOnlyCell(ws, value=col.header)
        cell.font = styles.REQUIRED_HEADER_FONT if col.field.required else styles.HEADER_FONT
        cell.fill = styles.HEADER_FILL
        cell.border = styles.BORDER
        cell.alignment = styles.CENTER
        headers.append(cell)
    ws.append(headers)
    for i, col in enumerate(columns, 1):
        choices = styles.choice_list(col.field)
        if not choices or col.summary:
            continue
        ref = options.ref(tuple(choices)) if styles.needs_options_sheet(col.field) else None
        dv = styles.validation_for(col.field, ref)
        if dv is not None:
            letter = get_column_letter(i)
            dv.add(f"{letter}{FIRST_DATA_ROW}:{letter}1048576")
            ws.data_validations.append(dv)


def body_cells(ws: Any, columns: list[Column]) -> list[WriteOnlyCell]:
    cells = []
    for i, col in enumerate(columns, 1):
        cell = WriteOnlyCell(ws)
        cell.column = i
        cell.font = styles.BODY_FONT
        cell.border = styles.BORDER
        cell.number_format = col.number_format
        if col.field.type == "longtext":
            cell.alignment = styles.WRAP
        cells.append(cell)
    return cells


def stream_prepared_cells(ws: Any) -> None:
    """Body rows hold only our prepared cells (or None): hand them to the writer as they are.

    openpyxl's ``append`` first tries each item as a value (for a cell that fails with an
    error message built from the cell's repr) and then makes a fresh cell for the next
    item: half the export's time. Our cells already have their value, column and style,
    so only the row number is set. (``_values_to_row`` is openpyxl 3.1's hook for this.)
    """
    if not hasattr(ws, "_values_to_row"):
        return

    def values_to_row(values: list[Any], row_idx: int) -> Iterable[Any]:
        for cell in values:
            if cell is not None:
                cell.row = row_idx
                yield cell

    ws._values_to_row = values_to_row


def write_record_sheet(ws: Any, ledger: Ledger, rt: RecordType, ids: list[int],
                       conn: Reader, names: dict[int, str], masked: bool,
                       title: str, options: OptionLists,
                       long_texts: LongTexts | None = None) -> Iterable[int]:
    """Write one record type's rows; yields how many rows each page added. Text too long
    for a cell, and characters a workbook cannot carry, go through ``long_texts``."""
    long_texts = long_texts if long_texts is not None else LongTexts()
    columns = columns_for(rt)
    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    prepare_sheet(ws, rt, columns, title, options)
    cells = body_cells(ws, columns)
    stream_prepared_cells(ws)

    def name_of(member_id: int) -> str:
        return names.get(member_id, f"（已删除的{ledger.pack.member_noun} #{member_id}）")

    summary_cols = [i for i, c in enumerate(columns) if c.summary]
    row_idx = FIRST_DATA_ROW - 1
    for start in range(0, len(ids), PAGE):
        page = ids[start:start + PAGE]
        rows = ledger.records.rows(rt.key, page, conn=conn)
        tallies = attendance_summaries(ledger, conn, page) if summary_cols else {}
        for entry_id in page:
            values = rows[entry_id]
            row_idx += 1
            out: list[Any] = []
            for col, cell, letter in zip(columns, cells, letters):
                value = (tallies.get(entry_id) if col.summary
                         else cell_value(col.field, values.get(col.key), name_of, masked))
                if value is None:
                    out.append(None)
                    continue
                if isinstance(value, str):
                    value = long_texts.fit(ws.title, f"{letter}{row_idx}", value)
                cell.value = value
                if cell.data_type in ("f", "e"):
                    cell.data_type = "s"  # text that starts with "=" stays text, never a formula
                out.append(cell)
            ws.append(out)
        yield len(page)
    last_row = FIRST_DATA_ROW + len(ids) - 1 if ids else HEADER_ROW
    finish_sheet(ws, columns, last_row)


def finish_sheet(ws: Any, columns: list[Column], last_row: int) -> None:
    """Filter over every column; print only the printed table's columns."""
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{last_row}"
    printed = printed_count(columns)
    if 0 < printed < len(columns):
        ws.print_area = f"A{TITLE_ROW}:{get_column_letter(printed)}{last_row}"


def attendance_summaries(ledger: Ledger, conn: Reader,
                         ids: list[int]) -> dict[int, str]:
    return {i: f"应到 {t.due} 人，实到 {t.present} 人，请假 {t.leave} 人，缺席 {t.absent} 人"
            for i, t in ledger.attendance.tallies(ids, conn=conn).items()}
