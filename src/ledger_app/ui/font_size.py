"""视图 → 字体大小: the whole window larger for those who read small print badly.

Many secretaries are over 50; a larger font for this program alone beats changing
Windows' scaling for every program on the office PC. The choice belongs to this
machine (QSettings), not to the ledger.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ledger_app.ui import paths
from ledger_app.ui.i18n import tr_noop
from ledger_app.ui.qt_fonts import install_ui_font

BASE_POINT_SIZE = 10.5
SIZES = ((tr_noop("标准"), 1.0), (tr_noop("大字体"), 1.25), (tr_noop("特大字体"), 1.5))  # shown through tr()
KEY = "ui/font_scale"


def saved_scale() -> float:
    stored = paths.settings().value(KEY, 1.0)
    try:
        value = float(stored) if isinstance(stored, (int, float, str)) else 1.0
    except ValueError:
        return 1.0
    return value if any(value == scale for _name, scale in SIZES) else 1.0


def apply(app: QApplication, scale: float | None = None) -> float:
    """Set the application font for ``scale`` (default: the saved one); remembers it."""
    if scale is None:
        scale = saved_scale()
    else:
        paths.settings().setValue(KEY, scale)
    install_ui_font(app, BASE_POINT_SIZE * scale)
    return scale
