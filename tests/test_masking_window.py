"""The window hides numbers typed into free text until 显示敏感信息, as it hides ID and phone
columns (real main window, offscreen)."""

from __future__ import annotations

import pytest

from ledger_app.store import Ledger
from ledger_app.ui.main_window import ALL_YEARS, MainWindow
from ledger_app.ui.tasks import TaskRunner


@pytest.fixture
def window(ledger: Ledger, qtbot):
    ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2025-03-15",
                                      "topic": "请王老师（１３９８７６５４３２１）讲党课"})
    runner = TaskRunner()
    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    assert runner.wait_idle()
    yield window
    window.close()
    runner.wait_idle()
    runner.shutdown()


def test_free_text_masked_until_sensitive_shown(window: MainWindow):
    window.year_box.setCurrentIndex(window.year_box.findData(ALL_YEARS))
    window.tree.select_type("meeting")
    assert window.runner.wait_idle()
    assert window.sensitive_box.isVisibleTo(window)
    topic = [f.key for f in window.model.fields].index("topic")
    assert window.model.data(window.model.index(0, topic)) == "请王老师（１３９****４３２１）讲党课"
    show_sensitive(window)
    assert window.model.data(window.model.index(0, topic)) == "请王老师（１３９８７６５４３２１）讲党课"


def show_sensitive(window) -> None:
    """Tick 显示敏感信息 and say yes when the program asks (it asks once a run)."""
    window.sensitive_box.setChecked(True)
    if not window.sensitive_box.isChecked():
        [yes] = [b for b in window.sensitive_question.buttons() if b.text() == "显示"]
        yes.click()
    assert window.sensitive_box.isChecked()
