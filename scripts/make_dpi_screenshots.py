"""High-DPI screenshots (docs/window-200-*.png): the home page, a record table, the edit
form and the print window of a fresh demo ledger, rendered at 200 % (or the scale given)
on an offscreen screen of 2732×1536 — a 1366×768 window at that scale — to check that
nothing is clipped or overlaps:

    python scripts/make_dpi_screenshots.py [OUT_DIR] [--scale 1.5]

The PNGs are reduced to 96 colours so they stay small in the repository.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    args = sys.argv[1:]
    scale = "2"
    if "--scale" in args:
        at = args.index("--scale")
        scale = args[at + 1]
        del args[at:at + 2]
    out = Path(args[0]) if args else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="ledger-dpi-"))
    screen = home / "screen.json"
    screen.write_text(json.dumps({"screens": [
        {"name": "office", "x": 0, "y": 0, "width": 2732, "height": 1536,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ["QT_SCALE_FACTOR"] = scale
    os.environ["LEDGER_APP_HOME"] = str(home)

    from make_help_screenshots import Session  # beside this script
    from PIL import Image
    from PySide6.QtGui import QAction

    from ledger_app.demo import create_demo
    from ledger_app.store import Ledger
    from ledger_app.ui.app import make_application
    from ledger_app.ui.main_window import MainWindow
    from ledger_app.ui.tasks import TaskRunner

    app = make_application()
    runner = TaskRunner()
    percent = round(float(scale) * 100)

    session = Session(app, runner)
    settle = session.settle

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"window-{percent}-{name}.png"
        widget.grab().save(str(path), "PNG")
        image = Image.open(path).convert("RGB")
        image.quantize(colors=96, dither=Image.Dither.NONE).save(path, optimize=True)
        print(path)

    ledger = Ledger.open(create_demo(home / "演示台账.ledger"))
    window = MainWindow(ledger, runner)
    window.resize(1366, 768)
    window.show()
    settle(40)
    shot(window, "home")
    window.tree.select_type("meeting")
    settle()
    window.table_pane.table.selectRow(0)
    shot(window, "table")
    form = session.dialog_after(window.edit_current)
    shot(form, "form")
    form.reject()
    settle()
    dialog = session.dialog_after(window.findChild(QAction, "action_print").trigger)
    session.preview(dialog)
    shot(dialog, "print")
    dialog.reject()
    settle()
    window.close()
    runner.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
