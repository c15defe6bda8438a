"""Qt's own words (OK, Cancel, Copy, Paste in a text box's menu) in Chinese.

The program's texts are Chinese already; Qt's standard buttons and context menus
come from Qt's translation catalogues, shipped with PySide6.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
_installed: list[QTranslator] = []  # a translator must outlive its installation


def install_chinese(app: QApplication) -> bool:
    QLocale.setDefault(CHINESE)
    if _installed:
        return True
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(catalogue, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            return True
    log.warning("Qt's Chinese catalogue not found in %s", folder)
    return False
