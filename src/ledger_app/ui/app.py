"""Starting the program: the application object, logging, crash handling, first window.

``run_app`` is what ``ledger-app`` runs without a subcommand; ``build_main_window``
opens a ledger straight into a main window (benchmarks, tests).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from ledger_app import __version__
from ledger_app.ui import font_size, paths
from ledger_app.ui.errors import show_error
from ledger_app.ui.gui_gc import collect_on_gui_thread
from ledger_app.ui.i18n import CHINESE, install_language, tr
from ledger_app.ui.qt_fonts import chinese_family
from ledger_app.ui.qt_locale import ENGLISH_LOCALE, install_chinese
from ledger_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.main_window import MainWindow
    from ledger_app.ui.start_dialog import StartDialog

log = logging.getLogger("ledger_app")
_STARTED = time.monotonic()  # when the program was imported: start-up is timed from here
_crash_file: Any = None  # kept open for faulthandler for the life of the process


def setup_logging() -> Path:
    """A rotating log in the user log folder; a crash file for hard faults."""
    global _crash_file
    import logging.handlers  # only the program needs it, not a window built for a benchmark

    folder = paths.log_dir()
    log_file = folder / "ledger-app.log"
    root = logging.getLogger()
    if not any(getattr(h, "_ledger_app", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000,
                                                       backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler._ledger_app = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    if _crash_file is None:
        _crash_file = open(folder / "crash.log", "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(_crash_file)
    return log_file


def _excepthook(kind: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    """An exception escaping a Qt slot: log it and show it instead of dying silently."""
    if issubclass(kind, KeyboardInterrupt):
        QCoreApplication.quit()
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    try:
        show_error(None, exc)
    except Exception:
        log.exception("could not show an error")


def app_icon() -> QIcon:
    """A red seal with 账, drawn here so the program ships no image files."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#c0272d"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(0, 0, size, size, size * 0.18, size * 0.18)
        font = QFont(chinese_family())
        font.setPixelSize(int(size * 0.68))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "账")  # i18n: data — the icon
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    collect_on_gui_thread()   # before any other thread runs Python (gui_gc)
    app.setOrganizationName(paths.ORGANIZATION)
    app.setApplicationName(paths.APPLICATION)
    app.setApplicationVersion(__version__)
    font_size.apply(app)  # the size chosen in 视图 → 字体大小
    if install_language(app) == CHINESE:  # the language chosen in 视图 → 界面语言
        install_chinese(app)
    else:  # Qt's own dialogs in English too, dates and calendars as English readers expect
        QLocale.setDefault(ENGLISH_LOCALE)
    app.setApplicationDisplayName(tr("基层台账"))
    app.setWindowIcon(app_icon())
    return app


class AppController:
    """Which window is up: the start dialog or the main window, and closing cleanly."""

    def __init__(self, app: QApplication):
        self.app = app
        self.runner = TaskRunner()
        self.window: MainWindow | None = None
        self.start: StartDialog | None = None
        self.filler: Any = None  # demo_launch.DemoFiller of the last demo opened

    def show_main(self, ledger: Ledger) -> MainWindow:
        from ledger_app.ui.main_window import MainWindow

        if self.window is None:
            self.window = MainWindow(ledger, self.runner)
            self.window.ledger_closed.connect(self.show_start)
            self.window.fit_to_screen()
        else:
            self.window.set_ledger(ledger)
        self.window.show()
        self.window.raise_()
        return self.window

    def show_start(self) -> StartDialog:
        from ledger_app.ui.start_dialog import StartDialog

        self.start = StartDialog(self.runner)
        self.start.ledger_opened.connect(self.show_main)
        self.start.demo_begun.connect(self.show_demo)
        self.start.rejected.connect(self._start_rejected)
        self.start.show()
        return self.start

    def _start_rejected(self) -> None:
        if self.window is None or not self.window.isVisible():
            self.app.quit()

    def open_path(self, path: str | Path) -> None:
        from ledger_app.store import Ledger

        def failed(exc: BaseException) -> None:
            start = self.show_start()
            show_error(start, exc)

        self.runner.run(lambda: Ledger.open(path), self.show_main, failed)

    def show_demo(self, fill: Any) -> MainWindow:
        """The window on a demo's first piece (a ``DemoFill``); the rest fills in behind it."""
        from ledger_app.ui.demo_launch import DemoFiller

        window = self.show_main(fill.ledger)
        self.filler = DemoFiller(window, fill)
        return window

    def open_demo(self) -> None:
        """``ledger-app --demo``: the window on the first piece of a fresh Party branch demo."""
        from ledger_app.ui.demo_launch import begin_demo_window

        def failed(exc: BaseException) -> None:
            start = self.show_start()
            show_error(start, exc)

        begin_demo_window(self.runner, self.show_demo, failed)

    def first_window(self, ledger_path: str | None, demo: bool) -> None:
        if demo:
            self.open_demo()
        elif ledger_path:
            self.open_path(ledger_path)
        else:
            recent = [p for p in paths.recent_files() if Path(p).is_file()]
            if recent:
                self.open_path(recent[0])
            else:
                self.show_start()

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.detach_ledger()
        self.runner.shutdown()


def _screenshot_when_shown(controller: AppController, out: Path, started: float) -> None:
    """``LEDGER_APP_SCREENSHOT=FILE.png``: once the main window is up and its table has
    loaded, save a picture of it and quit (exit 3 if it never came within 3 minutes).
    Lets CI, the package checks and the start-up benchmark run the real program."""
    timer = QTimer(controller.app)

    def poll() -> None:
        window = controller.window
        if time.monotonic() - started > 180:
            timer.stop()
            controller.app.exit(3)
            return
        if window is None or not window.isVisible():
            return
        filling = controller.filler is not None and controller.filler.running
        # While a demo fills in the worker stays busy: the window is usable once its first
        # table is in.
        ready = not window.loading_first_table if filling else controller.runner.wait_idle(0)
        if not ready:
            return
        timer.stop()
        # Let pending layouts settle first: a status-bar label given its width a moment
        # after its text would otherwise be pictured empty.
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        window.grab().save(str(out))
        log.info("window shown %.2f s after start; picture in %s",
                 time.monotonic() - started, out)
        menus = " ".join(a.text().replace("&", "") for a in window.menuBar().actions())
        # The menus name the language the window came up in (the package checks read it).
        print(f"window shown after {time.monotonic() - started:.2f} s; menus: {menus}", flush=True)
        if controller.filler is not None:
            controller.filler.ask_on_close = False
        controller.app.quit()

    timer.timeout.connect(poll)
    timer.start(100)


def run_app(ledger_path: str | None = None, demo: bool = False) -> int:
    """The desktop program: returns the exit code."""
    if QApplication.instance() is None:  # only possible before the application exists
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = make_application()
    log_file = setup_logging()
    log.info("基层台账 %s starting; log at %s", __version__, log_file)
    sys.excepthook = _excepthook
    clean_leftovers_in_background()
    controller = AppController(app)
    controller.first_window(ledger_path, demo)
    if os.environ.get("LEDGER_APP_SCREENSHOT"):
        _screenshot_when_shown(controller, Path(os.environ["LEDGER_APP_SCREENSHOT"]),
                               _STARTED)
    app.setQuitOnLastWindowClosed(True)
    try:
        return app.exec()
    finally:
        controller.shutdown()
        log.info("closed")


def leftover_folders() -> list[Path]:
    """Where a killed program may have left hidden ``.part`` files: the documents folder
    (where outputs are saved by default), and the folders and backup folders of the recent
    ledgers."""
    from ledger_app.store.backups import default_folder

    folders = [paths.documents_dir()]
    for name in paths.recent_files():
        ledger = Path(name)
        folders += [ledger.parent, default_folder(ledger)]
    return folders


def clean_leftovers_in_background() -> threading.Thread:
    """Remove what killed programs left (store.leftovers), without delaying the window."""
    from ledger_app.store.leftovers import clean_leftovers

    folders = leftover_folders()

    def clean() -> None:
        try:
            removed = clean_leftovers(folders)
        except Exception:
            log.exception("cleaning leftovers failed")
            return
        if removed:
            log.info("removed %d leftovers of killed programs: %s", len(removed),
                     ", ".join(p.name for p in removed[:10]))

    thread = threading.Thread(target=clean, name="leftovers", daemon=True)
    thread.start()
    return thread


def build_main_window(ledger_path: str | Path) -> MainWindow:
    """Open ``ledger_path`` in a shown main window (its first table loads on the runner;
    ``window.runner.wait_idle()`` waits for it)."""
    from ledger_app.store import Ledger
    from ledger_app.ui.main_window import MainWindow

    make_application()
    ledger = Ledger.open(ledger_path)
    runner = TaskRunner()
    window = MainWindow(ledger, runner)
    runner.setParent(window)
    window.show()
    return window
