"""Start putting the archive on disk while it is still being written.

The archive is fsynced before it gets its final name, so that a power cut never leaves
a zip that looks complete but is not. Left alone, an operating system with plenty of
memory keeps a whole gigabyte of the zip in its cache and writes it only at that fsync,
so the user waits for the disk after all the work is done. Telling the system every
few dozen megabytes that we will not read this part again (``POSIX_FADV_DONTNEED``)
makes Linux start writing it out at once, without waiting for it, and then lets the
written pages go instead of pushing the user's other files out of the cache. Where the
call does not exist (Windows) this does nothing and the final fsync does all the work.
"""

from __future__ import annotations

import os
from typing import IO

STEP = 32 * 1024 * 1024


class WriteBehind:
    def __init__(self, fh: IO[bytes], step: int = STEP):
        self.fh = fh
        self.step = step
        self.started = 0      # writing-out has been asked for up to here
        self.enabled = hasattr(os, "posix_fadvise") and _is_real_file(fh)

    def advance(self) -> None:
        """Call between writes; cheap unless another ``step`` bytes have been written."""
        if not self.enabled:
            return
        end = self.fh.tell()
        if end - self.started < self.step:
            return
        self.fh.flush()
        try:
            # From 0, not from ``started``: the parts asked for earlier are on disk by now,
            # and only clean pages are dropped, so asking again frees them from the cache.
            os.posix_fadvise(self.fh.fileno(), 0, end, os.POSIX_FADV_DONTNEED)
        except OSError:
            self.enabled = False   # a file system that does not support it: fsync does it all
            return
        self.started = end


def _is_real_file(fh: IO[bytes]) -> bool:
    try:
        fh.fileno()
        return fh.seekable()
    except (OSError, ValueError):   # an in-memory or unseekable stream
        return False
