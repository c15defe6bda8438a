"""Write the program's icon (drawn in code by ``ui.app.app_icon``) as image files for
the packages: PNGs for the Linux menu, an .ico for Windows.

    python scripts/make_icons.py [OUT_DIR]      (default build/icons)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImageWriter

    from ledger_app.ui.app import app_icon, make_application

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")
    out.mkdir(parents=True, exist_ok=True)
    make_application()
    icon = app_icon()
    for size in (48, 128, 256):
        icon.pixmap(QSize(size, size)).save(str(out / f"ledger-app-{size}.png"), "PNG")
    if b"ico" in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
        icon.pixmap(QSize(256, 256)).scaled(QSize(64, 64)).save(
            str(out / "ledger-app.ico"), "ICO")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
