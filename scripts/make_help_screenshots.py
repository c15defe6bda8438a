"""Screenshots for the user guide (resources/help/img/), made from a fresh demo ledger
offscreen, so the guide shows the program as it is:

    QT_QPA_PLATFORM=offscreen python scripts/make_help_screenshots.py [OUT_DIR] [--scale 2]

The window is 1366×768, the most common office-PC screen; ``--scale 2`` renders at 200 %
(QT_SCALE_FACTOR) to check high-DPI rendering.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class Session:
    """Waiting for the worker and the window, and finding the dialog an action opened
    (shared with make_dpi_screenshots.py)."""

    def __init__(self, app, runner) -> None:
        self.app, self.runner = app, runner

    def settle(self, rounds: int = 20) -> None:
        for _ in range(rounds):
            self.runner.wait_idle()
            self.app.processEvents()

    def dialog_after(self, trigger):
        from PySide6.QtWidgets import QApplication, QDialog

        before = set(QApplication.topLevelWidgets())
        trigger()
        self.settle(40)
        new = [w for w in QApplication.topLevelWidgets()
               if w not in before and isinstance(w, QDialog) and w.isVisible()]
        return new[0] if new else None

    def preview(self, dialog) -> None:
        """生成预览 in the print window, then wait: the PDF view renders on a thread."""
        import time

        dialog.generate()
        self.settle(60)
        until = time.monotonic() + 3
        while time.monotonic() < until:
            self.app.processEvents()
            time.sleep(0.05)


def main() -> int:
    args = sys.argv[1:]
    if "--scale" in args:
        at = args.index("--scale")
        os.environ["QT_SCALE_FACTOR"] = args[at + 1]
        del args[at:at + 2]
    out = Path(args[0]) if args else ROOT / "resources" / "help" / "img"
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="ledger-help-"))
    os.environ["LEDGER_APP_HOME"] = str(home)

    from ledger_app.demo import create_demo
    from ledger_app.store import Ledger
    from ledger_app.ui.app import make_application
    from ledger_app.ui.main_window import MainWindow
    from ledger_app.ui.start_dialog import StartDialog
    from ledger_app.ui.tasks import TaskRunner

    app = make_application()
    runner = TaskRunner()

    session = Session(app, runner)
    settle = session.settle

    def shot(widget, name: str) -> None:
        settle()
        widget.grab().save(str(out / name), "PNG")
        print(out / name)

    start = StartDialog(runner)
    start.show()
    shot(start, "start.png")
    start.close()

    ledger = Ledger.open(create_demo(home / "演示台账.ledger"))
    window = MainWindow(ledger, runner)
    window.resize(1366, 768)
    window.show()
    settle()
    window.tree.select_type("meeting")
    settle()
    window.table_pane.table.selectRow(0)
    shot(window, "main.png")

    dialog_after = session.dialog_after

    form = dialog_after(window.edit_current)
    if form is not None:
        shot(form, "form.png")
        form.reject()
        settle()
    for action, name, size in (("action_print", "print.png", (1200, 720)),
                               ("action_export", "export.png", None),
                               ("action_archive", "archive.png", None)):
        dialog = dialog_after(window.findChild(type(window.menus.actions["new"]), action).trigger)
        if dialog is None:
            print(f"no dialog for {action}", file=sys.stderr)
            continue
        if size:
            dialog.resize(*size)
        if action == "action_print":   # the print dialog shows the real PDF
            session.preview(dialog)
        shot(dialog, name)
        dialog.reject()
        settle()
    window.close()
    runner.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
