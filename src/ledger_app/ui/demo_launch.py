"""Make a fresh demo ledger off the UI thread, with a progress dialog, then open it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from ledger_app.ui import paths

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import Report, TaskRunner


def demo_path() -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return paths.demo_dir() / f"演示台账-{stamp}.ledger"


def _progress_adapter(report: Report) -> Callable[..., None]:
    """Accept the shapes a progress callback is usually called with."""

    def progress(*args: Any) -> None:
        numbers = [a for a in args if isinstance(a, (int, float)) and not isinstance(a, bool)]
        texts = [a for a in args if isinstance(a, str)]
        message = texts[0] if texts else "正在生成演示台账…"
        if len(numbers) >= 2:
            report(int(numbers[0]), int(numbers[1]), message)
        elif numbers and isinstance(numbers[0], float) and numbers[0] <= 1:
            report(int(numbers[0] * 100), 100, message)
        else:
            report(0, 0, message)

    return progress


def create_and_open_demo(runner: TaskRunner, parent: QWidget | None,
                         on_opened: Callable[[Ledger], None],
                         on_error: Callable[[BaseException], None] | None = None,
                         scale: int = 1, on_cancel: Callable[[], None] | None = None,
                         pack: str = "party_branch") -> None:
    """Write a timestamped demo ledger of ``pack`` (党支部, 关工委 or 工会) in the user folder
    and open it."""
    from ledger_app.store import Ledger

    def job(report: Report) -> Ledger:
        from ledger_app.demo import create_demo

        report(0, 0, "正在生成演示台账…")
        written = create_demo(demo_path(), scale=scale, progress=_progress_adapter(report),
                              pack=pack)
        report(1, 1, "正在打开演示台账…")
        return Ledger.open(written)

    runner.run_with_progress(job, "正在生成演示台账…", on_opened, on_error, parent, on_cancel)


def demo_packs() -> tuple[str, ...]:
    """The packs a demo can be made for (none when the demo is not shipped)."""
    try:
        from ledger_app.demo import DEMO_PACKS
    except ImportError:
        return ()
    return DEMO_PACKS


def demo_available() -> bool:
    try:
        from ledger_app.demo import create_demo  # noqa: F401
    except ImportError:
        return False
    return True
