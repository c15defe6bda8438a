"""Fault injection: a writer killed with SIGKILL at random moments loses nothing.

After each kill, a read-only open (what ``info``, ``print``, ``export-xlsx`` and
``archive`` make), a private copy (what a read-only open on read-only media reads) and a
writing open must all show every change whose commit returned (see crash_support)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from crash_support import CrashTrials

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

TRIALS = 30


def test_killed_writers_lose_no_committed_record_and_readers_see_them_all(tmp_path: Path) -> None:
    trials = CrashTrials(tmp_path, seed=13)
    totals = {"corrupt": 0, "lost": 0, "stale": 0}
    notes: list[str] = []
    for number in range(TRIALS):
        result = trials.trial(number)
        totals["corrupt"] += result.corrupt
        totals["lost"] += result.lost
        totals["stale"] += result.stale
        notes += result.notes
    assert totals == {"corrupt": 0, "lost": 0, "stale": 0}, notes
    # the trials really wrote: hundreds of records, some updated and some deleted (how many
    # depends on how busy the machine is, since the kills come at random moments in time)
    assert len(trials.expected) > 5 * TRIALS
    assert any(deleted for _, deleted in trials.expected.values())
    assert any(note.startswith("第") for note, _ in trials.expected.values())
