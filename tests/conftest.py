"""Shared fixtures. The offscreen platform is set before any QApplication exists,
and the program's per-user folders point into the test's own temporary folder."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEMO_TODAY = dt.date(2026, 11, 27)   # the day ``demo_file`` is written as of
ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """The English catalogue compiled as scripts/setup.sh does, when a .ts is newer than
    the .qm: tests of the English window then read the translations as they are now."""
    folder = ROOT / "resources" / "i18n"
    sources = list((folder / "en").glob("*.ts"))
    compiled = folder / "ledger_app_en.qm"
    newest = max((p.stat().st_mtime for p in sources), default=0.0)
    if sources and (not compiled.exists() or compiled.stat().st_mtime < newest):
        subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n_update.py"), "--compile-only"],
                       check=True)


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("LEDGER_APP_HOME", str(home / "ledger-app"))


@pytest.fixture(autouse=True)
def _collect_as_the_window_does():
    """Once a TaskRunner exists the cycle collector runs only on the GUI thread's timer
    (ledger_app.ui.gui_gc); tests run no event loop between them, so it collects here."""
    yield
    gui_gc = sys.modules.get("ledger_app.ui.gui_gc")
    if gui_gc is not None:
        gui_gc.collect_if_due()


@pytest.fixture
def org() -> dict[str, object]:
    return {"org_name": "测试街道第一社区党支部", "org_type": "党支部",
            "parent_org": "测试街道党工委", "secretary": "王建国", "term_start": "2024-01-01",
            "term_years": 5, "party_groups": ["第一党小组", "第二党小组"]}


@pytest.fixture
def ledger(tmp_path: Path, org: dict[str, object]):
    from ledger_app.store import Ledger

    ledger = Ledger.create(tmp_path / "测试.ledger", org)
    yield ledger
    ledger.close()


@pytest.fixture
def runner(qtbot):
    """The window's background worker, shut down after the test with any error dialogs."""
    from ledger_app.ui.errors import open_error_dialogs
    from ledger_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    yield runner
    runner.shutdown()
    for dialog in open_error_dialogs():
        dialog.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Party-branch demo ledger as of 2026-11-27, made once for the whole run: open a
    copy of it, never the file itself."""
    from ledger_app.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "演示.ledger"
    create_demo(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def english(qapp):
    """The window's words in English (视图 → 界面语言) for the test, Chinese again after."""
    from ledger_app.ui import i18n

    assert i18n.install_language(qapp, i18n.ENGLISH) == i18n.ENGLISH, \
        "compile the catalogue: scripts/i18n_update.py --compile-only (setup.sh does)"
    yield
    i18n.install_language(qapp, i18n.CHINESE)


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path):
    """An open copy of the demo ledger, closed after the test."""
    import shutil

    from ledger_app.store import Ledger

    path = tmp_path / "演示.ledger"
    shutil.copy(demo_file, path)
    ledger = Ledger.open(path)
    yield ledger
    ledger.close()


@pytest.fixture
def window_menu(qtbot, runner):
    """``window_menu(ledger, key, text)``: the main window on ``ledger``, shown, its menu
    action ``key`` checked to read ``text`` and be enabled, then triggered; returns the
    window (closed after the test)."""
    from ledger_app.ui.main_window import MainWindow

    windows = []

    def open_from_menu(ledger, key: str, text: str):
        window = MainWindow(ledger, runner)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        action = window.menus.actions[key]
        assert action.text() == text and action.isEnabled()
        action.trigger()
        return window

    yield open_from_menu
    for window in windows:
        window.close()


@pytest.fixture
def main_window(qtbot, runner):
    """``main_window(ledger)``: the main window on ``ledger``, shown, once the worker has
    finished its first load; closed after the test, the worker left idle."""
    from ledger_app.ui.main_window import MainWindow

    windows = []

    def open_window(ledger):
        window = MainWindow(ledger, runner)
        qtbot.addWidget(window)
        window.show()
        assert runner.wait_idle()
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.close()
    runner.wait_idle()


@pytest.fixture
def show_sensitive():
    """``show_sensitive(window)``: tick 显示敏感信息 and say yes when the program asks (it
    asks once a run)."""

    def tick(window) -> None:
        pane = window.table_pane
        pane.sensitive_box.setChecked(True)
        if not pane.sensitive_box.isChecked():
            [yes] = [b for b in pane.sensitive_question.buttons() if b.text() == "显示"]
            yes.click()
        assert pane.sensitive_box.isChecked()

    return tick
