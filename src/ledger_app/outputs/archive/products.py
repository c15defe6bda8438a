"""The one place that calls the printing and Excel outputs for the archive.

The binder, tables, record pages and workbooks are made by ``outputs.pdf`` and
``outputs.xlsx``; if their signatures change, only this module changes. Each
function writes one file at ``out`` and returns nothing; each imports its output when
called (plain imports, typed calls: a plain table never loads the binder's layout).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Progress = Callable[..., Any] | None

LABELS = {"binder": "台账汇编 PDF", "table": "表格 PDF", "record": "单条记录 PDF",
          "workbook": "Excel 工作簿"}


def binder(ledger: Any, out: Path, year: int, categories: Sequence[str] | None,
           date_from: str | None, date_to: str | None, masked: bool,
           progress: Progress = None) -> None:
    from ledger_app.outputs.pdf.binder import render_binder

    render_binder(ledger, out, year, categories=list(categories) if categories else None,
                  date_from=date_from, date_to=date_to, masked=masked, progress=progress)


def table(ledger: Any, type_key: str, out: Path, year: int | None, masked: bool,
          progress: Progress = None, date_from: str | None = None,
          date_to: str | None = None) -> None:
    from ledger_app.outputs.pdf.table import render_table

    render_table(ledger, type_key, out, year=year, masked=masked, progress=progress,
                 date_from=date_from, date_to=date_to)


def record(ledger: Any, entry_id: int, out: Path, masked: bool) -> None:
    from ledger_app.outputs.pdf.record_page import render_record

    render_record(ledger, entry_id, out, masked=masked)


def workbook(ledger: Any, type_key: str, out: Path, year: int | None, masked: bool,
             progress: Progress = None, date_from: str | None = None,
             date_to: str | None = None) -> None:
    from ledger_app.outputs.xlsx.export import export_workbook

    export_workbook(ledger, out, type_keys=[type_key], year=year, masked=masked,
                    progress=progress, date_from=date_from, date_to=date_to)
