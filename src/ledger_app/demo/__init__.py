"""A believable demo branch ledger, and bigger ones for benchmarks.

``create_demo(path)`` writes a community Party branch of about 35 members with two years
of meetings, dues, talks and paperwork; ``scale=N`` repeats the branch N times (N×35
members in 2N 党小组) and keeps five years of history, so N=30 gives about 1,000 members
and 100,000 records. The file is written under a temporary name and renamed only when
complete, so a failed or cancelled run leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ledger_app.store.errors import LedgerError

Progress = Callable[[int, int, str], None]

DEFAULT_SEED = 20260101


def history_years(scale: int) -> int:
    """Two years for the demo; benchmark scales keep five, as a long-kept ledger would."""
    return 2 if scale <= 1 else 5


def _remove_ledger_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# Demo content per pack other than the Party branch's (which ``generator`` writes).
SMALL_DEMOS = ("ggw", "union")
DEMO_PACKS = ("party_branch", *SMALL_DEMOS)


def create_demo(path: str | os.PathLike[str], scale: int = 1, progress: Progress | None = None,
                seed: int = DEFAULT_SEED, today: date | None = None,
                overwrite: bool = False, pack: str = "party_branch") -> Path:
    """Write a fresh demo ledger to ``path`` and return it.

    ``pack``: party_branch (a community Party branch), ggw (a 街道关工委) or union (a 镇总工会);
    only the Party branch's demo scales.

    ``progress(done, total, message)`` is called as the work goes on; an exception it
    raises cancels the job and removes the half-written file. An existing ``path`` is
    refused unless ``overwrite`` (and then replaced only once the new one is complete).
    """
    from ledger_app.demo.generator import ORG, DemoBuilder
    from ledger_app.store import Ledger
    from ledger_app.store.lock import LedgerLock

    path = Path(path)
    if scale < 1:
        raise LedgerError("规模必须是不小于 1 的整数。")
    if pack not in DEMO_PACKS:
        raise LedgerError(f"没有“{pack}”类型的演示台账（可选：{'、'.join(DEMO_PACKS)}）。")
    if scale > 1 and pack != "party_branch":
        raise LedgerError("只有党支部演示台账可以放大规模（--scale）。")
    if path.exists() and not overwrite:
        raise LedgerError(f"文件 {path.name} 已存在，不会覆盖。")
    if not path.parent.is_dir():
        raise LedgerError(f"文件夹 {path.parent} 不存在。")
    today = today or date.today()
    temporary = path.with_name(f".{path.name}.demo-part")
    _remove_ledger_files(temporary)
    try:
        if pack == "party_branch":
            builder = DemoBuilder(None, scale=scale, seed=seed, today=today,
                                  years=history_years(scale), report=progress)
            builder.plan_people()
            secretary = next(p.name for p in builder.units[0] if p.post == "书记")
            org = {**ORG, "secretary": secretary, "term_start": builder.term_start().isoformat(),
                   "party_groups": builder.groups}
            with Ledger.create(temporary, org) as ledger:
                builder.ledger = ledger
                builder.run()
        else:
            _small_demo(temporary, pack, seed, today, progress)
        if path.exists():
            # Replacing a ledger someone has open would pull it from under them.
            lock = LedgerLock(path)
            lock.acquire()
            try:
                for suffix in ("-wal", "-shm"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
                os.replace(temporary, path)
            finally:
                lock.release()
        else:
            os.replace(temporary, path)
    except BaseException:
        _remove_ledger_files(temporary)
        raise
    return path


class DemoFill:
    """A demo ledger being written piece by piece (``begin_demo``): ``ledger`` is open and
    already holds the first piece; each ``step()`` commits one more. Whatever has been
    committed is a consistent ledger, so stopping between steps loses only what was not
    written yet."""

    CHUNK = 20  # rows per piece: a meeting row costs ~40 ms here, so a piece stays < 1 s

    def __init__(self, ledger: Any, builder: Any, steps: Iterator[str]):
        self.ledger = ledger
        self.builder = builder
        self._steps = steps
        self.complete = False
        self.message = "正在生成演示台账…"

    def step(self) -> bool:
        """Write the next piece; False once the demo is complete."""
        try:
            self.message = next(self._steps)
        except StopIteration:
            self.complete = True
            self.message = "演示台账已生成。"
            return False
        return True

    @property
    def progress(self) -> tuple[int, int]:
        """(done, total) in the builder's units of work."""
        return min(self.builder.done, self.builder.total), self.builder.total


def begin_demo(path: str | os.PathLike[str], seed: int = DEFAULT_SEED,
               today: date | None = None, pack: str = "party_branch") -> DemoFill:
    """Create the demo of ``pack`` at ``path`` (which must not exist) with its first piece
    (the roster) written, for a window to show at once; ``DemoFill.step`` writes the rest,
    ending with the same ledger as ``create_demo``. Unlike ``create_demo`` the ledger is
    written in place (an open SQLite file cannot be renamed under its reader), so an
    interrupted fill leaves a smaller but consistent ledger."""
    from ledger_app.store import Ledger

    path = Path(path)
    if pack not in DEMO_PACKS:
        raise LedgerError(f"没有“{pack}”类型的演示台账（可选：{'、'.join(DEMO_PACKS)}）。")
    if path.exists():
        raise LedgerError(f"文件 {path.name} 已存在，不会覆盖。")
    if not path.parent.is_dir():
        raise LedgerError(f"文件夹 {path.parent} 不存在。")
    today = today or date.today()
    if pack == "party_branch":
        from ledger_app.demo.generator import ORG, DemoBuilder

        builder: Any = DemoBuilder(None, scale=1, seed=seed, today=today,
                                   years=history_years(1), report=None)
        builder.plan_people()
        secretary = next(p.name for p in builder.units[0] if p.post == "书记")
        org = {**ORG, "secretary": secretary, "term_start": builder.term_start().isoformat(),
               "party_groups": builder.groups}
        ledger = Ledger.create(path, org)
    else:
        content, ledger = _small_content(pack), _create_small(path, pack)
    try:
        if pack == "party_branch":
            builder.ledger = ledger
            builder.chunk = DemoFill.CHUNK
            steps = builder.steps()
        else:
            builder = _small_org(ledger, content, seed, today, None)
            steps = content.steps(builder)
        fill = DemoFill(ledger, builder, steps)
        fill.step()  # the roster first (the Party branch's also its committee and transfers)
    except BaseException:
        ledger.close()
        _remove_ledger_files(path)
        raise
    return fill


def _small_content(pack: str) -> Any:
    from ledger_app.demo import ggw, union

    return {"ggw": ggw, "union": union}[pack]


def _create_small(path: Path, pack: str) -> Any:
    from ledger_app.forms.packs import installed_pack
    from ledger_app.store import Ledger

    return Ledger.create(path, dict(_small_content(pack).ORG), pack=installed_pack(pack))


def _small_org(ledger: Any, content: Any, seed: int, today: date,
               progress: Progress | None) -> Any:
    import random

    from ledger_app.demo.small_org import SmallOrg

    return SmallOrg(ledger, random.Random(seed), today, content.SHORT, progress,
                    total=content.PIECES)


def _small_demo(path: Path, pack: str, seed: int, today: date,
                progress: Progress | None) -> None:
    content = _small_content(pack)
    with _create_small(path, pack) as ledger:
        for _ in content.steps(_small_org(ledger, content, seed, today, progress)):
            pass


__all__ = ["DEFAULT_SEED", "DEMO_PACKS", "DemoFill", "begin_demo", "create_demo", "history_years"]
