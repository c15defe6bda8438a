"""Kill a writer at random moments and check that every committed record survives.

Run as a script, this module is the writer: it opens a ledger and inserts, batch-inserts,
updates and deletes 党员名册 records for ever, writing to a side log a ``B`` line before
each transaction and a ``D`` line after its commit returned. ``CrashTrials`` starts it,
kills it with SIGKILL at a random moment, then checks the ledger three ways: a read-only
open (as ``info``/``print`` make, reading the journal the dead writer left), a private
copy of file and journal (as a read-only open on read-only media makes), and a writing
open (as the window makes next). Every ``D`` change must be seen by all three; the one
change begun but not logged may or may not be there.

Used by tests/test_store_crash.py (a few dozen trials) and benchmarks/bench_crash.py.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# name -> (note, deleted)
State = dict[str, tuple[str, bool]]


# ---- the writer (child process) ---------------------------------------------------------

def _log(fd: int, kind: str, payload: dict[str, Any]) -> None:
    # One write() of one line on an O_APPEND file: a kill leaves whole lines only
    # (the page cache keeps them: a killed process is not a power cut).
    os.write(fd, (kind + " " + json.dumps(payload, ensure_ascii=False) + "\n").encode("utf-8"))


def writer_main(ledger_path: Path, log_path: Path, seed: int) -> None:
    from ledger_app.store import Ledger

    rng = random.Random(seed)
    fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    ledger = Ledger.open(ledger_path)
    _log(fd, "R", {})
    live = {row[0]: row[1] for row in ledger.query(
        "SELECT e.id, t.name FROM entries e JOIN t_roster t USING(id) "
        "WHERE e.deleted_at IS NULL")}
    serial = 0
    while True:
        serial += 1
        roll = rng.random()
        if roll < 0.35 or len(live) < 5:
            name = f"党员{seed}x{serial}"
            _log(fd, "B", {"op": "insert", "names": [name]})
            new_id = ledger.records.insert("roster", _member(name))
            live[new_id] = name
            _log(fd, "D", {"op": "insert", "names": [name]})
        elif roll < 0.55:
            names = [f"党员{seed}x{serial}b{i}" for i in range(rng.randint(2, 40))]
            _log(fd, "B", {"op": "insert", "names": names})
            ids = ledger.records.insert_many("roster", [_member(n) for n in names])
            live.update(zip(ids, names))
            _log(fd, "D", {"op": "insert", "names": names})
        elif roll < 0.85:
            entry_id = rng.choice(list(live))
            note = f"第{serial}次修改" + "备注" * rng.randint(0, 300)
            change = {"op": "update", "name": live[entry_id], "note": note}
            _log(fd, "B", change)
            ledger.records.update(entry_id, {"note": note})
            _log(fd, "D", change)
        else:
            entry_id = rng.choice(list(live))
            change = {"op": "delete", "name": live.pop(entry_id)}
            _log(fd, "B", change)
            ledger.records.delete(entry_id)
            _log(fd, "D", change)


def _member(name: str) -> dict[str, Any]:
    return {"name": name, "gender": "男", "birth_date": "1980-01-02",
            "member_class": "正式党员", "status": "在册", "party_group": "第一党小组",
            "note": "新建"}


# ---- the checker (parent) ---------------------------------------------------------------

def _apply(state: State, change: dict[str, Any]) -> None:
    if change["op"] == "insert":
        for name in change["names"]:
            state[name] = ("新建", False)
    elif change["op"] == "update":
        state[change["name"]] = (change["note"], state[change["name"]][1])
    else:
        state[change["name"]] = (state[change["name"]][0], True)


def read_state(ledger: Any) -> State:
    rows = ledger.query("SELECT t.name, t.note, e.deleted_at IS NOT NULL "
                        "FROM entries e JOIN t_roster t USING(id)")
    return {row[0]: (row[1], bool(row[2])) for row in rows}


@dataclass
class TrialResult:
    corrupt: int = 0        # a view that could not be read, or an integrity check that failed
    lost: int = 0           # committed changes missing when the writer opens the ledger again
    stale: int = 0          # committed changes missing from a read-only view
    notes: list[str] = field(default_factory=list)


@dataclass
class CrashTrials:
    folder: Path
    seed: int = 0
    expected: State = field(default_factory=dict)
    _log_offset: int = 0

    def __post_init__(self) -> None:
        from ledger_app.store import Ledger

        self.ledger_path = self.folder / "crash.ledger"
        self.log_path = self.folder / "commits.log"
        self.rng = random.Random(self.seed)
        org = {"org_name": "断电测试党支部", "org_type": "党支部"}
        Ledger.create(self.ledger_path, org).close()

    def trial(self, number: int) -> TrialResult:
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        child = subprocess.Popen([sys.executable, __file__, str(self.ledger_path),
                                  str(self.log_path), str(self.seed * 100_000 + number)],
                                 env=env, stderr=subprocess.PIPE)
        if self.rng.random() < 0.2:
            time.sleep(self.rng.uniform(0.0, 0.6))      # sometimes while it is still opening
        else:
            self._wait_ready(child)
            time.sleep(self.rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        _, errors = child.communicate()
        result = TrialResult()
        if child.returncode != -signal.SIGKILL:
            result.corrupt += 1
            result.notes.append(f"writer ended by itself ({child.returncode}): {errors[-400:]!r}")
        done, pending = self._read_log()
        for change in done:
            _apply(self.expected, change)
        self._check(result, pending)
        return result

    def _wait_ready(self, child: subprocess.Popen) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and child.poll() is None:
            if self.log_path.exists() and b"R {}" in self.log_path.read_bytes()[self._log_offset:]:
                return
            time.sleep(0.01)

    def _read_log(self) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        data = self.log_path.read_bytes() if self.log_path.exists() else b""
        lines = data[self._log_offset:].decode("utf-8").splitlines()
        self._log_offset = len(data)
        done: list[dict[str, Any]] = []
        pending = None
        for line in lines:
            kind, _, payload = line.partition(" ")
            if kind == "B":
                pending = json.loads(payload)
            elif kind == "D":
                done.append(json.loads(payload))
                pending = None
        return done, pending

    def _compare(self, seen: State, pending: dict[str, Any] | None) -> list[str]:
        """The names whose state is not what was committed (nor the one pending change)."""
        after = dict(self.expected)
        if pending:
            _apply(after, pending)
        wrong = [name for name in set(self.expected) | set(after) | set(seen)
                 if seen.get(name) not in {self.expected.get(name), after.get(name)}]
        return sorted(wrong)

    def _check(self, result: TrialResult, pending: dict[str, Any] | None) -> None:
        from ledger_app.store import Ledger
        from ledger_app.store.reading import finish, private_copy

        try:
            with Ledger.open(self.ledger_path, readonly=True) as reading:
                stale = self._compare(read_state(reading), pending)
            view = private_copy(self.ledger_path) if _journal(self.ledger_path) else None
            if view is not None:
                try:
                    copied = {row[0]: (row[1], bool(row[2])) for row in view.conn.execute(
                        "SELECT t.name, t.note, e.deleted_at IS NOT NULL "
                        "FROM entries e JOIN t_roster t USING(id)")}
                finally:
                    finish(view)
                stale += self._compare(copied, pending)
            with Ledger.open(self.ledger_path) as writing:
                check = writing.query("PRAGMA integrity_check")[0][0]
                seen = read_state(writing)
        except Exception as exc:  # any failure to read is what this harness counts
            result.corrupt += 1
            result.notes.append(f"{type(exc).__name__}: {exc}")
            return
        if check != "ok":
            result.corrupt += 1
            result.notes.append(f"integrity_check: {check}")
        lost = self._compare(seen, pending)
        result.lost += len(lost)
        result.stale += len(stale)
        if lost or stale:
            result.notes.append(f"lost {lost[:5]} stale {stale[:5]}")
        # The pending change either landed or not; from now on, what is there is the truth.
        for name in set(self.expected) | set(seen):
            if name in seen:
                self.expected[name] = seen[name]


def _journal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


# ---- one writer killed after known commits ---------------------------------------------

# Commits 300 members one by one, says so, and waits to be killed: its commits are then
# in the -wal only (the checkpoint happens on close, which never comes).
WRITER_300 = """
import sys, time
from ledger_app.store import Ledger
ledger = Ledger.open(sys.argv[1])
ledger.query("PRAGMA wal_autocheckpoint = 0")
for i in range(300):
    ledger.records.insert("roster", {"name": f"党员{i}", "gender": "男", "birth_date": "1980-01-02",
        "member_class": "正式党员", "status": "在册", "party_group": "第一党小组"})
print("committed", flush=True)
time.sleep(60)
"""


def killed_writer(path: Path) -> None:
    """Leave ``path`` as a window killed right after committing 300 members leaves it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    child = subprocess.Popen([sys.executable, "-c", WRITER_300, str(path)], env=env,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "committed"
    child.send_signal(signal.SIGKILL)
    child.wait()


if __name__ == "__main__":
    writer_main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
