"""Screenshots for the user guide (resources/help/img/), made from a fresh demo ledger
offscreen, so the guide shows the program as it is:

    QT_QPA_PLATFORM=offscreen python scripts/make_help_screenshots.py [OUT_DIR] [--scale 2]

The window is 1366×768, the most common office-PC screen; ``--scale 2`` renders at 200 %
(QT_SCALE_FACTOR) to check high-DPI rendering.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from screenshot_session import ROOT, Session, private_home, take_scale  # beside this script

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    args = sys.argv[1:]
    scale = take_scale(args)
    if scale:
        os.environ["QT_SCALE_FACTOR"] = scale
    out = Path(args[0]) if args else ROOT / "resources" / "help" / "img"
    out.mkdir(parents=True, exist_ok=True)
    session = Session(private_home("ledger-help-"))
    settle = session.settle

    from ledger_app.ui.start_dialog import StartDialog

    def shot(widget, name: str) -> None:
        settle()
        widget.grab().save(str(out / name), "PNG")
        print(out / name)

    start = StartDialog(session.runner)
    start.show()
    shot(start, "start.png")
    start.close()

    window = session.demo_window()
    window.show_home()
    session.settle(40)    # the rules run on the worker before the page fills in
    shot(window, "home.png")
    session.show_meetings(window)
    shot(window, "main.png")

    form = session.dialog_after(window.edit_current)
    if form is not None:
        shot(form, "form.png")
        session.dismiss(form)
    for action, name, size in (("action_print", "print.png", (1200, 720)),
                               ("action_export", "export.png", None),
                               ("action_archive", "archive.png", None)):
        dialog = session.action_dialog(window, action)
        if dialog is None:
            print(f"no dialog for {action}", file=sys.stderr)
            continue
        if size:
            dialog.resize(*size)
        if action == "action_print":   # the print dialog shows the real PDF
            session.preview(dialog)
        shot(dialog, name)
        session.dismiss(dialog)
    session.close(window)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
