"""Qt's own words (OK, Cancel, the file and print dialogs, shortcut names) in Chinese.

The program's texts are Chinese already; Qt's standard dialogs and context menus
take theirs from Qt's catalogue ``qtbase_zh_CN``, shipped with PySide6. That catalogue
lags Qt's sources: strings Qt reworded after it was last translated ("&Look in:",
"Files of &type:", "Page &Set:", the CUPS job options) stay English whatever the
locale, and arrow keys read "Ctrl+上方向". So a small supplement of our own,
``resources/i18n/qt_supplement_zh_CN.qm``, is installed after Qt's catalogue (Qt
asks the most recently installed translator first) and fills exactly those gaps.

The catalogues are loaded by name, not by the system locale, and the default QLocale
is set to zh_CN: under ``LANG=C`` (a service account, a fresh Kylin install set to
English, CI) the window still speaks Chinese and calendars start on Monday.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDateEdit

from ledger_app.resources import resource_path
from ledger_app.ui.i18n import ENGLISH, active_language, tr, tr_noop

log = logging.getLogger(__name__)

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
ENGLISH_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)  # Monday first
SUPPLEMENT = "qt_supplement_zh_CN"
# How people here read a date (2025年3月1日); in English "1 Mar 2025", with English month names.
DATE_FORMAT = tr_noop("yyyy年M月d日")
_installed: list[QTranslator] = []  # a translator must outlive its installation


def _qt_catalogue_folders() -> list[Path]:
    """Where Qt's own .qm files are: PySide6's folder, and beside our resources in a
    frozen build whose Qt was relocated."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    with contextlib.suppress(FileNotFoundError):
        folders.append(resource_path("i18n"))
    return folders


def install_chinese(app: QApplication) -> bool:
    """Qt's Chinese catalogue, then our supplement; True when Qt's catalogue loaded."""
    QLocale.setDefault(CHINESE)
    if _installed:
        return True
    found = False
    for folder in _qt_catalogue_folders():
        translator = QTranslator(app)
        if translator.load("qtbase_zh_CN", str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            found = True
            break
    if not found:
        log.warning("Qt's Chinese catalogue not found in %s", _qt_catalogue_folders())
    supplement = QTranslator(app)
    ours: Path | None
    try:
        ours = resource_path("i18n")
    except FileNotFoundError:
        ours = None
    if ours is not None and supplement.load(SUPPLEMENT, str(ours)):
        app.installTranslator(supplement)
        _installed.append(supplement)
    else:
        log.warning("our Chinese supplement for Qt's dialogs not found")
    return found


def window_locale() -> QLocale:
    """Chinese, or British English while the window speaks English."""
    return ENGLISH_LOCALE if active_language() == ENGLISH else CHINESE


def plain_calendar(calendar: QCalendarWidget) -> QCalendarWidget:
    """A calendar as Chinese wall calendars are: Monday first, no ISO week numbers
    (a secretary counts 第几周 by the month, and the numbers look like dates)."""
    locale = window_locale()
    calendar.setLocale(locale)
    calendar.setFirstDayOfWeek(locale.firstDayOfWeek())
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    calendar.setGridVisible(True)
    return calendar


def chinese_date_edit(edit: QDateEdit) -> QDateEdit:
    """A date box reading 2025年3月1日 (1 Mar 2025 in English) with the plain calendar as
    its popup."""
    edit.setLocale(window_locale())
    edit.setDisplayFormat(tr(DATE_FORMAT))
    edit.setCalendarPopup(True)
    edit.setCalendarWidget(plain_calendar(QCalendarWidget()))
    return edit
