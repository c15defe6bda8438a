"""The window hides numbers typed into free text until 显示敏感信息, as it hides ID and phone
columns (real main window, offscreen)."""

from __future__ import annotations

import pytest

from ledger_app.store import Ledger
from ledger_app.ui.main_window import MainWindow
from ledger_app.ui.record_pane import ALL_YEARS


@pytest.fixture
def window(ledger: Ledger, main_window) -> MainWindow:
    ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2025-03-15",
                                      "topic": "请王老师（１３９８７６５４３２１）讲党课"})
    return main_window(ledger)


def test_free_text_masked_until_sensitive_shown(window: MainWindow, show_sensitive):
    window.table_pane.year_box.setCurrentIndex(window.table_pane.year_box.findData(ALL_YEARS))
    window.tree.select_type("meeting")
    assert window.runner.wait_idle()
    assert window.table_pane.sensitive_box.isVisibleTo(window)
    model = window.table_pane.model
    topic = [f.key for f in model.fields].index("topic")
    assert model.data(model.index(0, topic)) == "请王老师（１３９****４３２１）讲党课"
    show_sensitive(window)
    assert model.data(model.index(0, topic)) == "请王老师（１３９８７６５４３２１）讲党课"
