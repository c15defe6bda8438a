"""The home page in English on the real demo ledger (pytest-qt, offscreen): every text it
shows — labels, buttons, headers, cells, tooltips, list items, the cell menu — holds no
Chinese but the data it quotes (findings, the pack's meeting and checklist names, record
type names, meeting topics).

Also: the window's own words for the rules' labels (severity, checklist states, quarters,
periods) say in Chinese exactly what the rules say, so a Chinese window is unchanged."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from english_support import chinese_left, shown_texts

from ledger_app.store import Ledger

TODAY = dt.date(2026, 11, 27)   # the day conftest's demo_file is written as of


def test_the_english_home_page_shows_chinese_only_where_it_quotes_data(
        qtbot, english, runner, demo_file: Path, tmp_path: Path):
    from ledger_app.forms.display import shown_text
    from ledger_app.ui.home_page import HomePage

    path = tmp_path / "演示.ledger"
    shutil.copy(demo_file, path)
    ledger = Ledger.open(path)
    try:
        page = HomePage(runner)
        qtbot.addWidget(page)
        page.as_of = TODAY
        page.resize(1366, 700)
        page.show()
        page.set_ledger(ledger)
        page.set_years([2026, 2025], 2026)
        qtbot.waitUntil(lambda: page.data is not None, timeout=15000)
        report, data = page.data.report, page.data
        assert report.findings and any(c.state == "missing" for r in report.rows for c in r.cells)

        quoted = [shown_text(f.why, masked=True) for f in report.findings]
        quoted += [row.label for row in report.rows]
        quoted += [m.topic for m in report.facts.meetings if m.topic]
        quoted += list(data.labels.values())
        for status in report.checklists:
            quoted += [status.checklist.label] + [i.item.label for i in status.items]
        quoted = sorted(set(quoted), key=len, reverse=True)

        # The cell menu too: a cell with meetings held lists them and offers a new one.
        row, cell = next((r, c) for r, row in enumerate(report.rows)
                         for c, cell in enumerate(row.cells) if len(cell.records) > 1)
        page._cell_chosen(row, cell)
        menu_texts = [a.text() for a in page.menu.actions() if a.text()]
        assert menu_texts[0].startswith("Open: ") and menu_texts[-1].startswith("New ")

        texts = shown_texts(page) + menu_texts
        assert chinese_left(texts, quoted) == []
        # What it says in English, where the Chinese would have been.
        grid = page.grid
        headers = [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())]
        assert headers[-1] == "Year" and headers[0] in ("Jan", "1")
        assert page.headline.text().startswith("Checked as of 27 Nov 2026: ")
        assert "✗" in {grid.item(r, c).text() for r in range(grid.rowCount())
                       for c in range(12) if grid.item(r, c)}
        assert page.findings.item(0).text().startswith("[")
        page.menu.close()
    finally:
        ledger.close()


def test_the_windows_words_for_the_rules_labels_are_the_rules_own_in_chinese():
    from ledger_app.rules import periods
    from ledger_app.rules.checklists import STATES
    from ledger_app.rules.findings import SEVERITY_LABELS
    from ledger_app.ui.home_checklists import STATE_WORDS
    from ledger_app.ui.home_findings import SEVERITY_WORDS
    from ledger_app.ui.period_words import QUARTERS, date_text, period_text

    assert SEVERITY_WORDS == SEVERITY_LABELS
    assert STATE_WORDS == STATES
    assert QUARTERS == periods.QUARTER_NAMES
    for year in (2025, 2026):
        for every in ("month", "quarter", "half_year", "year"):
            for period in periods.of_kind(every, year):
                assert period_text(period) == period.label
    odd = periods.Period(dt.date(2026, 3, 15), dt.date(2026, 4, 14), "自定义期间")
    assert period_text(odd) == "自定义期间"
    assert date_text(dt.date(2026, 3, 5)) == "2026年3月5日"
    from ledger_app.forms import dates
    from ledger_app.ui.period_words import value_date_text

    for stored in ("2025-03-15", "2003-07", "2003", "2024-02-29"):
        assert value_date_text(stored) == dates.chinese(stored)
    assert value_date_text("第一党小组") is None and value_date_text(None) is None


def test_periods_and_dates_in_english(english):
    from ledger_app.rules import periods
    from ledger_app.ui.period_words import date_text, day_text, period_text, value_date_text

    assert [period_text(p) for p in periods.quarters(2026)] == [
        "Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026"]
    assert period_text(periods.months(2026)[1]) == "Feb 2026"
    assert [period_text(p) for p in periods.half_years(2026)] == ["H1 2026", "H2 2026"]
    assert period_text(periods.whole_year(2026)) == "2026"
    assert day_text(dt.date(2026, 3, 5)) == "5 Mar"
    assert date_text(dt.date(2026, 12, 31)) == "31 Dec 2026"
    assert value_date_text("2003-07") == "Jul 2003" and value_date_text("2003") == "2003"
