"""The one place that calls the printing and Excel outputs for the archive.

The binder, tables, record pages and workbooks are made by ``outputs.pdf`` and
``outputs.xlsx``; if their signatures change, only this module changes. Each
function writes one file at ``out`` and returns nothing. ``available()`` says
whether a product can be made by this build of the program, so an archive from a
build without it still carries everything else (and says what is missing).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Progress = Callable[..., Any] | None

_MODULES = {
    "binder": "ledger_app.outputs.pdf.binder",
    "table": "ledger_app.outputs.pdf.table",
    "record": "ledger_app.outputs.pdf.record_page",
    "workbook": "ledger_app.outputs.xlsx.export",
}
_FUNCTIONS = {"binder": "render_binder", "table": "render_table", "record": "render_record",
              "workbook": "export_workbook"}
LABELS = {"binder": "台账汇编 PDF", "table": "表格 PDF", "record": "单条记录 PDF",
          "workbook": "Excel 工作簿"}


def _function(product: str) -> Callable[..., Any] | None:
    try:
        module = importlib.import_module(_MODULES[product])
    except ModuleNotFoundError as exc:
        if exc.name and _MODULES[product].startswith(exc.name):
            return None  # not part of this build
        raise
    return getattr(module, _FUNCTIONS[product], None)


def available(product: str) -> bool:
    return _function(product) is not None


def binder(ledger: Any, out: Path, year: int, categories: Sequence[str] | None,
           date_from: str | None, date_to: str | None, masked: bool,
           progress: Progress = None) -> None:
    fn = _function("binder")
    assert fn is not None
    fn(ledger, out, year, categories=list(categories) if categories else None,
       date_from=date_from, date_to=date_to, masked=masked, progress=progress)


def table(ledger: Any, type_key: str, out: Path, year: int | None, masked: bool,
          progress: Progress = None, date_from: str | None = None,
          date_to: str | None = None) -> None:
    fn = _function("table")
    assert fn is not None
    fn(ledger, type_key, out, year=year, masked=masked, progress=progress,
       date_from=date_from, date_to=date_to)


def record(ledger: Any, entry_id: int, out: Path, masked: bool) -> None:
    fn = _function("record")
    assert fn is not None
    fn(ledger, entry_id, out, masked=masked)


def workbook(ledger: Any, type_key: str, out: Path, year: int | None, masked: bool,
             progress: Progress = None, date_from: str | None = None,
             date_to: str | None = None) -> None:
    fn = _function("workbook")
    assert fn is not None
    fn(ledger, out, type_keys=[type_key], year=year, masked=masked, progress=progress,
       date_from=date_from, date_to=date_to)
