"""The cycle collector pause around a check or a dues grid: nested and concurrent pauses
end with the collector as it was before the first one."""

import gc
import threading

import pytest

from ledger_app.rules import collector


@pytest.fixture(autouse=True)
def _collector_on():
    """Each test starts with automatic collection on, as Python starts; once a window's
    worker exists it is off for good (ui.gui_gc), and so it is left again after."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_nested_pauses_restore_the_collector_at_the_last_end():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()      # the outer pause is still running
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_inside_still_ends_the_pause():
    try:
        with collector.paused():
            raise ValueError("x")
    except ValueError:
        pass
    assert gc.isenabled()


def test_pauses_from_two_threads_overlap():
    inside, release = threading.Event(), threading.Event()

    def worker():
        with collector.paused():
            inside.set()
            release.wait(5)

    t = threading.Thread(target=worker)
    t.start()
    inside.wait(5)
    with collector.paused():
        pass
    assert not gc.isenabled()          # the worker's pause still holds
    release.set()
    t.join(5)
    assert gc.isenabled()
