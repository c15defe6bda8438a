"""Python's cycle collector paused while the rules read a large ledger in bulk.

A check of the scale-30 demo ledger reads some 100,000 rows into short-lived dicts, and
the dues grid builds 12,000 cells: the collector, which runs every 700 new containers,
walked the heap over a hundred times per check (a sixth of its time) and for a third of
the grid's. Those rows hold no reference cycles, so reference counting frees them as they
go; the collector runs again as usual once the last pause ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0            # counted: the home page's worker and the GUI may read at once
_was_enabled = True


def pausing() -> bool:
    """Whether a bulk read has the collector paused now (``ui.gui_gc`` waits for it)."""
    return _pauses > 0


@contextmanager
def paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
