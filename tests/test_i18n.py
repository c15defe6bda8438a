"""The window in English: every text of ``ui`` through tr(), each with its English.

The checks read the code with scripts/i18n_update.py (the script a developer runs to
update the catalogue) and load the compiled catalogue as the program does.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ledger_app.ui import i18n

ROOT = Path(__file__).resolve().parents[1]


def _catalogue_tool():
    spec = importlib.util.spec_from_file_location("i18n_update", ROOT / "scripts" / "i18n_update.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_update"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():
    return _catalogue_tool()


def test_every_text_of_the_window_has_english(tool) -> None:
    marked, unmarked = tool.scan()
    found = tool.problems(marked, unmarked, tool.read_catalogue())
    assert found == []
    assert tool.conflicting_translations() == []


def test_the_catalogue_files_are_up_to_date(tool) -> None:
    marked, _ = tool.scan()
    texts = tool.render_catalogues(marked, tool.read_catalogue())
    assert tool.stale_catalogues(texts) == [], "run: .venv/bin/python scripts/i18n_update.py"


def test_the_checker_finds_a_chinese_text_outside_tr(tool, tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text('"""模块说明。"""\n'
                      'from ledger_app.ui.i18n import tr\n'
                      'A = tr("保存")\n'
                      'B = f"共 {3} 条"\n'
                      'C = "党员"  # i18n: data\n'
                      'log.warning("日志 %s", 1)\n', encoding="utf-8")
    marked, unmarked = tool.scan(tmp_path)
    assert [m.text for m in marked] == ["保存"]
    assert [(u.text, u.line) for u in unmarked] == [("共  条", 4)]
    problems = tool.problems(marked, unmarked, {"保存": "Save，"})
    assert any("holds Chinese" in p for p in problems)
    assert any("not through tr()" in p for p in problems)
    assert tool.problems(marked, [], {}) == ["sample.py:3: no English for '保存'"]
    assert any("curly quotes" in p for p in tool.problems(
        [tool.Literal("打印…", "x.py", 2)], [], {"打印…": "Print…"}))
    assert tool.problems([tool.Literal("打印…", "x.py", 2)], [], {"打印…": "Print..."}) == []
    placeholder = tool.Literal("已保存 {n} 条", "x.py", 1)
    assert tool.problems([placeholder], [], {"已保存 {n} 条": "Saved {count}"}) == [
        "x.py:1: placeholders differ: '已保存 {n} 条' → 'Saved {count}'"]


def test_english_comes_from_the_compiled_catalogue(qapp: QApplication) -> None:
    try:
        assert i18n.install_language(qapp, i18n.ENGLISH) == i18n.ENGLISH
        assert i18n.tr("界面语言") == "Interface language"
    finally:
        i18n.install_language(qapp, i18n.CHINESE)
    assert i18n.tr("界面语言") == "界面语言"


def test_the_language_is_a_choice_of_this_machine() -> None:
    assert i18n.saved_language() == i18n.CHINESE
    i18n.save_language(i18n.ENGLISH)
    assert i18n.saved_language() == i18n.ENGLISH
    with pytest.raises(ValueError):
        i18n.save_language("fr")
