"""The single background worker and the error dialogs, with real Qt objects."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ledger_app.store.errors import LedgerError
from ledger_app.ui.errors import BugDialog, open_error_dialogs, show_error


def test_jobs_run_off_the_gui_thread_in_order(runner):
    gui_thread = threading.get_ident()
    seen: list[tuple[str, int]] = []
    results: list[int] = []

    def job(n: int):
        def fn():
            seen.append(("worker", threading.get_ident()))
            return n
        return fn

    def done(value: int) -> None:
        assert threading.get_ident() == gui_thread
        results.append(value)

    for n in range(5):
        runner.run(job(n), done)
    assert runner.wait_idle()
    assert results == [0, 1, 2, 3, 4]
    assert all(ident != gui_thread for _, ident in seen)
    assert len({ident for _, ident in seen}) == 1  # one worker thread for everything
    assert not runner.busy


def test_error_goes_to_on_error_on_gui_thread(runner):
    caught: list[BaseException] = []
    runner.run(lambda: 1 / 0, lambda _: None, caught.append)
    assert runner.wait_idle()
    assert isinstance(caught[0], ZeroDivisionError)


def test_default_error_shows_ledger_message(runner, qtbot):
    def fail():
        raise LedgerError("台账文件暂时被占用，请稍后再试。")

    runner.run(fail)
    assert runner.wait_idle()
    boxes = [d for d in open_error_dialogs() if isinstance(d, QMessageBox)]
    assert len(boxes) == 1
    assert boxes[0].text() == "台账文件暂时被占用，请稍后再试。"
    boxes[0].close()


def test_bug_dialog_shows_traceback_and_copies(qtbot):
    try:
        {}["missing"]
    except KeyError as exc:
        dialog = show_error(None, exc)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, BugDialog)
    assert dialog.windowTitle() == "程序出错"
    assert "KeyError" in dialog.text.toPlainText()
    assert dialog.text.isReadOnly()
    dialog.copy_button.click()
    assert "KeyError" in QApplication.clipboard().text()


def test_callbacks_that_queue_more_work_are_waited_for(runner):
    order: list[str] = []
    runner.run(lambda: "a", lambda v: (order.append(v), runner.run(lambda: "b", order.append)))
    assert runner.wait_idle()
    assert order == ["a", "b"]


def test_progress_job_reports_and_cancels(runner, qtbot):
    done: list[object] = []

    def long_job(report):
        for i in range(3):
            report(i, 3, f"第 {i} 步")
        return "ok"

    runner.run_with_progress(long_job, "正在处理…", done.append)
    assert runner.wait_idle()
    assert done == ["ok"]

    started = threading.Event()
    release = threading.Event()

    def cancelled_job(report):
        started.set()
        release.wait(5)
        report(1, 2, "")  # raises Cancelled after the user pressed 取消
        done.append("should not happen")

    dialog = runner.run_with_progress(cancelled_job, "正在处理…", done.append)
    assert started.wait(5)
    dialog.findChild(QPushButton).click()  # the 取消 button
    release.set()
    assert runner.wait_idle()
    assert done == ["ok"]
    assert not open_error_dialogs()


def test_qt_calls_and_signals_keep_python_reference_counts():
    """PySide6 6.12.0 dropped a reference to None on every void call and to True on every
    signal emit, which aborts Python 3.11 after a few thousand calls; pyproject.toml keeps
    it out. This test fails on any build with that bug."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        fired = Signal()

    probe = Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2_000):
        probe.setObjectName("probe")
        probe.fired.emit()
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50


def test_job_finishing_after_its_window_closed_is_dropped_quietly(qapp, capfd):
    import shiboken6

    from ledger_app.ui.tasks import TaskRunner

    started, results = threading.Event(), []
    runner = TaskRunner()

    def slow() -> str:
        started.set()
        threading.Event().wait(0.3)
        return "done"

    runner.run(slow, results.append)
    assert started.wait(5)
    shiboken6.delete(runner)   # the window and its runner go while the job still runs
    QApplication.processEvents()
    assert results == []
    assert "Error calling Python override" not in capfd.readouterr().err


def test_a_job_never_destroys_a_qt_object_left_in_a_cycle(runner, qtbot):
    """A Qt object Python owns, caught in a reference cycle (a closed window and its
    TaskRunner), is freed by the cycle collector on the GUI thread (``ui.gui_gc``), never by
    a job that happens to allocate: collected on the worker, a TaskRunner tore its thread
    pool down from there, and a thread went on in freed memory."""
    from PySide6.QtCore import Qt

    from ledger_app.ui.tasks import TaskRunner

    destroyed_in: list[str] = []
    left = TaskRunner()
    left.itself = left                                   # only the collector can free it
    left.destroyed.connect(lambda *_: destroyed_in.append(threading.current_thread().name),
                           Qt.ConnectionType.DirectConnection)
    del left
    kept: list[list[list[int]]] = []
    runner.run(lambda: [[] for _ in range(200_000)], kept.append)  # collections fall due
    assert runner.wait_idle()
    qtbot.waitUntil(lambda: bool(destroyed_in), timeout=5000)
    assert destroyed_in == [threading.main_thread().name]
