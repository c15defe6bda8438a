"""The window's own words, in Chinese or English: ``tr()`` and the language setting.

Every text the window shows that is not data goes through :func:`tr`. The source text
is the Chinese the program was written in, so a Chinese window needs no catalogue at
all; the English one comes from ``resources/i18n/en/*.ts`` (one file per module of
``ui``), which ``scripts/i18n_update.py`` keeps in step with the code and
``scripts/setup.sh`` and ``scripts/build.sh`` compile to ``ledger_app_en.qm``.

What stays Chinese in an English window is data, not interface: the pack's categories,
record types and field labels, the records themselves, and the messages of the core
(the rules' findings, the store's refusals), which are written for the Chinese
documents they end up in.

Texts with values use named placeholders filled after translation, so a translator
can move them: ``tr("已保存 {n} 条").format(n=n)``. The language is a choice of this
machine (QSettings), read once at start: 视图 → 界面语言 takes effect on the next start.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from ledger_app.resources import resource_path
from ledger_app.ui import paths

log = logging.getLogger(__name__)

CONTEXT = "ledger_app"  # one context: the same words mean the same everywhere here
KEY = "ui/language"
CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = ((CHINESE, "中文"), (ENGLISH, "English"))  # i18n: data — each named in itself
CATALOGUE = "ledger_app_{language}"
_installed: list[QTranslator] = []  # a translator must outlive its installation


def tr(source: str) -> str:
    """``source`` in the window's language (itself when Chinese or untranslated)."""
    return QCoreApplication.translate(CONTEXT, source)


def tr_noop(source: str) -> str:
    """Mark a text for the catalogue where it is defined (a table of choices), to be
    shown later through ``tr(value)``; returns it unchanged."""
    return source


def active_language() -> str:
    """The language the window speaks now (the catalogue installed at start)."""
    return ENGLISH if _installed else CHINESE


def saved_language() -> str:
    value = paths.settings().value(KEY, CHINESE)
    return next((code for code, _name in LANGUAGES if value == code), CHINESE)


def save_language(language: str) -> None:
    if not any(language == code for code, _name in LANGUAGES):
        raise ValueError(f"unknown language {language!r}")
    paths.settings().setValue(KEY, language)


def install_language(app: QApplication, language: str | None = None) -> str:
    """Install the catalogue for ``language`` (default: the saved one); the language used.

    English without its compiled catalogue (a checkout where setup has not run) falls
    back to Chinese with a warning in the log rather than a window of mixed words.
    """
    language = saved_language() if language is None else language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == CHINESE:
        return CHINESE
    translator = QTranslator(app)
    try:
        folder = str(resource_path("i18n"))
    except FileNotFoundError:
        folder = ""
    if folder and translator.load(CATALOGUE.format(language=language), folder):
        app.installTranslator(translator)
        _installed.append(translator)
        return language
    log.warning("catalogue for %s not found in %s; run scripts/setup.sh", language, folder)
    return CHINESE
