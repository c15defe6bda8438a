"""Blank entry workbooks: the export's headers and drop-downs, a short instruction row,
and nothing else, so that a filled-in template imports back without any mapping."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook

from ledger_app.forms.model import Pack, RecordType
from ledger_app.outputs.xlsx import styles
from ledger_app.outputs.xlsx.columns import columns_for
from ledger_app.outputs.xlsx.export import (
    HEADER_ROW,
    OptionLists,
    body_cells,
    finish_sheet,
    prepare_sheet,
    resolve_type,
    save_atomically,
)

BLANK_ROWS = 200


def instructions(rt: RecordType) -> str:
    cols = [c for c in columns_for(rt) if not c.summary]
    required = "、".join(c.header for c in cols if c.field.required)
    parts = [f"填写说明：从第 3 行起每行一条{rt.label}记录；红色表头为必填（{required}）。",
             "日期写成 2025-03-15，年月写成 2025-03；金额写数字（元）；带下拉箭头的列请从列表中选择。"]
    if any(c.field.format == "idcard" for c in cols):
        parts.append("身份证号码列已设为文本格式，请直接输入 18 位号码。")
    if any(c.field.type in ("member", "members") for c in cols):
        parts.append("党员姓名须与党员名册一致，多人用顿号“、”分隔。")
    if any(c.field.type == "multichoice" for c in cols):
        parts.append("可多选的列用顿号“、”分隔。")
    return "".join(parts)


def write_template(pack: Pack, type_key: str, out: str | os.PathLike[str]) -> Path:
    rt = resolve_type(pack, type_key)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(styles.safe_sheet_title(rt.label, {"选项"}))
    options = OptionLists()
    columns = [c for c in columns_for(rt) if not c.summary]
    prepare_sheet(ws, rt, columns, rt.label, options, note=instructions(rt))
    # Empty but formatted rows: an ID typed here is text from the start, a date is a date.
    cells = body_cells(ws, columns)
    for cell in cells:
        cell.value = None
    for _ in range(BLANK_ROWS):
        ws.append([_blank_copy(ws, c) for c in cells])
    finish_sheet(ws, columns, HEADER_ROW + BLANK_ROWS)
    options.write(wb)
    return save_atomically(wb, Path(out))


def _blank_copy(ws, prototype):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws)
    cell._style = prototype._style
    return cell
