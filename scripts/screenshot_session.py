"""What the screenshot scripts (make_help_screenshots.py, make_dpi_screenshots.py) share:
the command line's ``--scale``, a private program folder, the demo ledger's window at
1366×768 on its meetings, waiting for the worker and the window, and finding the dialog an
action opened. Imported from beside those scripts.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def take_scale(args: list[str]) -> str | None:
    """Remove ``--scale N`` from args and return N (None when not given)."""
    if "--scale" not in args:
        return None
    at = args.index("--scale")
    scale = args[at + 1]
    del args[at:at + 2]
    return scale


def private_home(prefix: str) -> Path:
    """A fresh folder the program keeps its settings and demo ledger in (LEDGER_APP_HOME)."""
    home = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["LEDGER_APP_HOME"] = str(home)
    return home


class Session:
    """The application and its worker, made once the Qt environment is set."""

    def __init__(self, home: Path) -> None:
        from ledger_app.ui.app import make_application
        from ledger_app.ui.tasks import TaskRunner

        self.home = home
        self.app = make_application()
        self.runner = TaskRunner()

    def settle(self, rounds: int = 20) -> None:
        for _ in range(rounds):
            self.runner.wait_idle()
            self.app.processEvents()

    def demo_window(self, rounds: int = 20):
        """The main window on a fresh demo ledger, 1366×768 (the most common office-PC
        screen), shown and settled."""
        from ledger_app.demo import create_demo
        from ledger_app.store import Ledger
        from ledger_app.ui.main_window import MainWindow

        ledger = Ledger.open(create_demo(self.home / "演示台账.ledger"))
        window = MainWindow(ledger, self.runner)
        window.resize(1366, 768)
        window.show()
        self.settle(rounds)
        return window

    def show_meetings(self, window) -> None:
        """The 会议记录 table with its first row selected."""
        window.tree.select_type("meeting")
        self.settle()
        window.table_pane.table.selectRow(0)

    def dialog_after(self, trigger):
        from PySide6.QtWidgets import QApplication, QDialog

        before = set(QApplication.topLevelWidgets())
        trigger()
        self.settle(40)
        new = [w for w in QApplication.topLevelWidgets()
               if w not in before and isinstance(w, QDialog) and w.isVisible()]
        return new[0] if new else None

    def action_dialog(self, window, action: str):
        """The dialog the window's menu action (``action_print``…) opened, or None."""
        from PySide6.QtGui import QAction

        return self.dialog_after(window.findChild(QAction, action).trigger)

    def preview(self, dialog) -> None:
        """生成预览 in the print window, then wait: the PDF view renders on a thread."""
        import time

        dialog.generate()
        self.settle(60)
        until = time.monotonic() + 3
        while time.monotonic() < until:
            self.app.processEvents()
            time.sleep(0.05)

    def dismiss(self, dialog) -> None:
        dialog.reject()
        self.settle()

    def close(self, window) -> None:
        window.close()
        self.runner.shutdown()
