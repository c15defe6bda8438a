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
from pathlib import Path

from screenshot_session import ROOT, Session, private_home, take_scale  # beside this script


def main() -> int:
    args = sys.argv[1:]
    scale = take_scale(args) or "2"
    out = Path(args[0]) if args else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    home = private_home("ledger-dpi-")
    screen = home / "screen.json"
    screen.write_text(json.dumps({"screens": [
        {"name": "office", "x": 0, "y": 0, "width": 2732, "height": 1536,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ["QT_SCALE_FACTOR"] = scale

    from PIL import Image

    session = Session(home)
    settle = session.settle
    percent = round(float(scale) * 100)

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"window-{percent}-{name}.png"
        widget.grab().save(str(path), "PNG")
        image = Image.open(path).convert("RGB")
        image.quantize(colors=96, dither=Image.Dither.NONE).save(path, optimize=True)
        print(path)

    window = session.demo_window(rounds=40)
    shot(window, "home")
    session.show_meetings(window)
    shot(window, "table")
    form = session.dialog_after(window.edit_current)
    shot(form, "form")
    session.dismiss(form)
    dialog = session.action_dialog(window, "action_print")
    session.preview(dialog)
    shot(dialog, "print")
    session.dismiss(dialog)
    session.close(window)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
