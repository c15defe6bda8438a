"""帮助 → 使用说明 (F1): the offline guide, ``resources/help/guide.html``.

The guide is plain HTML with screenshots (made from the demo ledger by
``scripts/make_help_screenshots.py``, so they follow the program); Qt's QTextBrowser
shows it without a browser engine, and other parts of the window open it at a section
(``show_help(parent, "print")``) for context help.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from ledger_app.resources import resource_path
from ledger_app.ui.i18n import tr

SECTIONS = ("first", "categories", "home", "everyday", "print", "excel", "archive", "backup",
            "comfort", "keys")
_window: HelpWindow | None = None


def guide_path():
    return resource_path("help", "guide.html")


class HelpWindow(QDialog):
    """One non-modal window: the guide stays open beside the work."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(tr("基层台账 使用说明"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(820, 680)

    def show_section(self, section: str | None) -> None:
        if section:
            self.browser.scrollToAnchor(section)
        else:
            self.browser.verticalScrollBar().setValue(0)


def show_help(parent: QWidget | None = None, section: str | None = None) -> HelpWindow:
    """Open (or raise) the guide at ``section`` (one of SECTIONS)."""
    global _window
    if _window is None:
        _window = HelpWindow(None)
        _window.destroyed.connect(_forget)
    _window.show()
    _window.raise_()
    _window.activateWindow()
    _window.show_section(section)
    return _window


def _forget(*_args: object) -> None:
    global _window
    _window = None


def help_key(dialog: QWidget, section: str) -> QShortcut:
    """F1 in ``dialog`` opens the guide at ``section`` (context help: a dialog is a window
    of its own, so the main window's F1 does not reach it)."""
    assert section in SECTIONS, section
    shortcut = QShortcut(QKeySequence("F1"), dialog)
    shortcut.setObjectName("helpShortcut")
    shortcut.activated.connect(lambda: show_help(dialog, section))
    return shortcut
