"""Python's cycle collector runs on the GUI thread only, once the window exists.

Left to itself, the collector runs in whichever thread happens to allocate when a
threshold is crossed, and with the window up that is often the worker (``tasks``) or
an archive's printing thread. A Qt object owned by Python and caught in a reference
cycle (a closed dialog, a ``TaskRunner`` a window held) is then destroyed on that
thread: its ``QThreadPool`` torn down from a worker, or from its own worker thread,
which then runs on in freed memory (a crash in a thread with no Python frame), and the
job that thread was running cleared under its feet. So automatic collection is turned
off and a timer on the GUI thread does the same work: it collects the generation the
automatic collector would have, whenever the counts say so (not while the rules have
the collector paused: ``rules.collector``). Reference counting, which frees most
objects, is untouched.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QThread, QTimer

from ledger_app.rules import collector

INTERVAL_MS = 200
_timer: QTimer | None = None


def collect_on_gui_thread() -> None:
    """From now on only the GUI thread collects (call on the GUI thread; again is harmless)."""
    global _timer
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() != app.thread():
        return
    gc.disable()
    if _timer is not None and shiboken6.isValid(_timer):
        return
    _timer = QTimer(app)
    _timer.setObjectName("guiThreadGarbageCollector")
    _timer.setInterval(INTERVAL_MS)
    _timer.timeout.connect(collect_if_due)
    _timer.start()


def collect_if_due() -> int:
    """Collect here what the automatic collector would have by now; returns how many
    objects were found unreachable."""
    if collector.pausing():
        return 0
    counts, thresholds = gc.get_count(), gc.get_threshold()
    generation = -1
    for g in range(3):                 # an older generation only after the younger one
        if counts[g] <= thresholds[g]:
            break
        generation = g
    return gc.collect(generation) if generation >= 0 else 0
