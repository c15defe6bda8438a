"""Text beyond Excel's 32,767 characters is never cut silently: the cell keeps its start,
the whole text goes to the 长文本 sheet, and importing the workbook gets it back whole.
Characters a workbook cannot carry (U+FFFE …) are left out with a warning."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ledger_app.cli.main import main
from ledger_app.outputs.xlsx.long_text import EXCEL_CELL_LIMIT, SHEET, clean_text
from ledger_app.outputs.xlsx.reader import open_workbook
from ledger_app.store import Ledger

ORG = {"org_name": "长文本测试支部"}


def long_text(n: int) -> str:
    rng = random.Random(n)
    words = ["学习", "贯彻", "党的二十大精神", "会议", "强调", "，", "。", "支部", "党员"]
    return "".join(rng.choice(words) for _ in range(n))[:n]


@pytest.fixture
def ledger_path(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "长文本.ledger"
    content = long_text(100_000)
    with Ledger.create(path, ORG) as ledger:
        ledger.records.insert("work_plan", {"for_year": 2025, "title": "2025年工作计划",
                                            "content": content})
        ledger.records.insert("work_plan", {"for_year": 2025,
                                            "title": "名字\ufffe带\ufdd0怪\x07字\U0001fffe符",
                                            "content": "短"})
    return path, content


def test_export_moves_the_rest_to_the_long_text_sheet_and_says_so(
        ledger_path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, content = ledger_path
    out = tmp_path / "导出.xlsx"
    assert main(["export-xlsx", str(path), "--type", "work_plan", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "长文本" in err and "4 个 Excel 无法保存的特殊字符" in err
    book = load_workbook(out)
    assert SHEET in book.sheetnames
    cells = [c.value for row in book["工作计划"].iter_rows() for c in row if c.value]
    longest = max((v for v in cells if isinstance(v, str)), key=len)
    assert len(longest) == EXCEL_CELL_LIMIT and longest.endswith(f"见“{SHEET}”工作表 工作计划!F3〕")
    assert book["工作计划"]["F3"].value == longest
    assert content.startswith(longest[:30_000])
    pieces = [row for row in book[SHEET].iter_rows(values_only=True)][1:]
    assert [p[2] for p in pieces] == [1, 2, 3, 4] and "".join(p[3] for p in pieces) == content
    assert "名字带怪字符" in cells
    everything = "".join(str(v) for ws in book for row in ws.iter_rows(values_only=True)
                         for v in row if v is not None)
    assert not any(ch in everything for ch in "\ufffe\ufdd0\x07\U0001fffe")


def test_the_exported_workbook_imports_whole(ledger_path, tmp_path: Path) -> None:
    path, content = ledger_path
    out = tmp_path / "导出.xlsx"
    assert main(["export-xlsx", str(path), "--type", "work_plan", "-o", str(out)]) == 0
    with open_workbook(out) as source:
        assert SHEET not in source.sheet_names
        rows = list(source.rows("工作计划"))
    assert content in [value for row in rows for value, _ in row]
    fresh = tmp_path / "新台账.ledger"
    Ledger.create(fresh, ORG).close()
    assert main(["import-xlsx", str(fresh), str(out), "--type", "work_plan"]) == 0
    with Ledger.open(fresh, readonly=True) as ledger:
        ids = ledger.records.ids("work_plan", None)
        stored = [ledger.records.get(i)["content"] for i in ids]
    assert content in stored


def test_clean_text_keeps_every_ordinary_character() -> None:
    ordinary = "张三\t李四\n王五 ①②③ 𠮷 😀 \ue000 ＡＢＣ"
    assert clean_text(ordinary) == ordinary
    assert clean_text("a\ufffeb\uffffc\ud800d\U0010ffffe") == "abcde"
