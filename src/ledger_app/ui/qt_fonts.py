"""A UI font that shows Chinese on any machine.

Secretaries' machines usually have Microsoft YaHei or SimSun; a fresh Linux box or a
stripped-down Windows image may have no Chinese font at all. The program ships
WenQuanYi Micro Hei and registers it at start, then prefers a system Chinese font
and keeps the bundled one as a fallback family for any glyph the first one lacks.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ledger_app.resources import resource_path

log = logging.getLogger(__name__)

BUNDLED_FONT = ("fonts", "wqy-microhei.ttc")
BUNDLED_FAMILY = "WenQuanYi Micro Hei"

# Best first: clear screen fonts common on Chinese Windows, macOS and Linux.
PREFERRED_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "SimSun",
    "NSimSun",
)

_registered: list[str] = []


def register_bundled_font() -> list[str]:
    """Make the shipped CJK font available to Qt; returns its family names."""
    if _registered:
        return _registered
    path = resource_path(*BUNDLED_FONT)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not load the bundled font %s", path)
        return []
    _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return _registered


def chinese_family() -> str:
    """The family to use for Chinese text: a preferred system font, else the bundled one."""
    bundled = register_bundled_font()
    available = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in available:
            return family
    return bundled[0] if bundled else QApplication.font().family()


def ui_font(point_size: float = 10.5) -> QFont:
    family = chinese_family()
    font = QFont(family)
    fallbacks = [family] + [f for f in register_bundled_font() if f != family]
    font.setFamilies(fallbacks)
    font.setPointSizeF(point_size)
    return font


def install_ui_font(app: QApplication, point_size: float = 10.5) -> QFont:
    font = ui_font(point_size)
    app.setFont(font)
    log.info("UI font: %s", ", ".join(font.families()))
    return font
