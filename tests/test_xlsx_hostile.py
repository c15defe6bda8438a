"""Tiny workbooks built to exhaust memory are refused while reading, with a plain message,
and the ledger is left as it was (time and memory: benchmarks/bench_hostile.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hostile_xlsx import CASES

from ledger_app.cli.main import main
from ledger_app.outputs.xlsx.reader import SpreadsheetError, open_workbook
from ledger_app.store import Ledger


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_workbook_is_refused_while_reading(tmp_path: Path, case: str) -> None:
    make, message = CASES[case]
    path = make(tmp_path / "名册.xlsx")
    assert path.stat().st_size < 300_000          # small on disk, huge if read naively
    with pytest.raises(SpreadsheetError, match=message), open_workbook(path) as source:
        for _ in source.rows(source.sheet_names[0]):
            pass


@pytest.mark.parametrize("case", ["column XFD", "long shared string in every cell"])
def test_the_import_command_refuses_it_and_changes_nothing(
        tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]) -> None:
    make, message = CASES[case]
    ledger_path = tmp_path / "台账.ledger"
    Ledger.create(ledger_path, {"org_name": "测试支部"}).close()
    before = hashlib.sha256(ledger_path.read_bytes()).hexdigest()
    path = make(tmp_path / "名册.xlsx")
    assert main(["import-xlsx", str(ledger_path), str(path), "--type", "roster"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert hashlib.sha256(ledger_path.read_bytes()).hexdigest() == before


def test_a_workbook_at_the_limits_still_reads(tmp_path: Path) -> None:
    from hostile_xlsx import header_row, workbook
    from openpyxl.utils import get_column_letter

    from ledger_app.outputs.xlsx.reader import MAX_CELL_CHARS, MAX_COLUMNS

    last = get_column_letter(MAX_COLUMNS)
    rows = (header_row() + f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"长" * MAX_CELL_CHARS}'
            f'</t></is></c><c r="{last}2"><v>7</v></c></row>')
    path = workbook(tmp_path / "边界.xlsx", rows)
    with open_workbook(path) as source:
        read = list(source.rows(source.sheet_names[0]))
    assert len(read[1]) == MAX_COLUMNS and len(read[1][0][0]) == MAX_CELL_CHARS
    assert read[1][-1][0] == 7
