"""The print window: choose what to print, see the real PDF, print it or save it.

What to print is the left-hand pane (``print_choice``); this window makes the PDF from its
options, shows it (``pdf_preview``) and prints or saves it. The PDF is made on the ledger's
worker (``TaskRunner``) with a progress dialog that can cancel; it is written to a private
temporary folder (and only renamed into place when complete), so a cancelled job leaves
nothing behind. 保存 PDF copies the finished file to where the user chooses, again through
a temporary name.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ledger_app.outputs.durable import durable_replace
from ledger_app.store.errors import plain_reason
from ledger_app.store.leftovers import temporary_prefix
from ledger_app.ui.errors import show_error
from ledger_app.ui.help_window import help_key
from ledger_app.ui.i18n import tr
from ledger_app.ui.pdf_preview import HAVE_QTPDF, PdfPreview, print_document
from ledger_app.ui.print_choice import PrintChoice, Product
from ledger_app.ui.tasks import Cancelled

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner


class PrintDialog(QDialog):
    saved = Signal(object)  # Path of a PDF the user saved (the window says where)

    def __init__(self, ledger: Ledger, runner: TaskRunner, parent: QWidget | None = None,
                 type_key: str | None = None, year: int | None = None,
                 record_id: int | None = None, product: str | None = None):
        super().__init__(parent)
        help_key(self, "print")  # F1: the guide's section on this
        self.ledger = ledger
        self.runner = runner
        self.setWindowTitle(tr("打印"))
        self.resize(1100, 760)
        self._tmpdir = Path(tempfile.mkdtemp(prefix=temporary_prefix("print")))
        self._serial = 0
        self.pdf_path: Path | None = None
        self.choice = PrintChoice(ledger, runner, None, type_key, year, record_id, product)
        self._build()
        self.finished.connect(self._cleanup)

    def _build(self) -> None:
        self.generate_button = QPushButton(tr("生成预览"))
        self.generate_button.setDefault(True)
        self.print_button = QPushButton(tr("打印…"))
        self.save_button = QPushButton(tr("保存 PDF…"))
        close_button = QPushButton(tr("关闭"))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        for b in (self.print_button, self.save_button):
            b.setEnabled(False)
        self.print_button.setVisible(HAVE_QTPDF)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.choice)
        left_layout.addWidget(self.generate_button)
        left_layout.addWidget(self.status)
        left_layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        # Print a page range (also offered again by the system's print dialog).
        self.first_page = QSpinBox()
        self.last_page = QSpinBox()
        for box in (self.first_page, self.last_page):
            box.setRange(1, 1)
        pages_row = QHBoxLayout()
        pages_row.addWidget(QLabel(tr("打印页码")))
        pages_row.addWidget(self.first_page)
        pages_row.addWidget(QLabel(tr("至")))
        pages_row.addWidget(self.last_page)
        pages_row.addStretch(1)
        left_layout.addLayout(pages_row)
        left_layout.addLayout(buttons)

        self.preview = PdfPreview()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        self._options_fitted = False
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.choice.changed.connect(self._stale)
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        close_button.clicked.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:
        """The options as narrow as they can be (once shown, when the splitter knows its
        width; set before, the split came out half and half): the rest for the preview."""
        super().showEvent(event)
        if not self._options_fitted:
            self._options_fitted = True
            total = sum(self.splitter.sizes())
            options = self.splitter.widget(0)
            left = max(360, options.minimumSizeHint().width() if options is not None else 0)
            self.splitter.setSizes([left, max(total - left, 1)])

    @property
    def current(self) -> Product:
        return self.choice.current

    def options(self) -> dict[str, Any]:
        return self.choice.options()

    def _stale(self) -> None:
        """Options changed: the preview no longer shows what would be printed."""
        if self.pdf_path is not None:
            self.status.setText(tr("选项已改变，请重新生成预览。"))
        self.pdf_path = None
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

    # ---- making the PDF ----------------------------------------------------------------------

    def job(self, options: dict[str, Any], out: Path) -> Callable[[Callable], Path | None]:
        """The work for the runner: write the PDF to ``out``; None when cancelled."""
        ledger = self.ledger

        def work(report: Callable[[int, int, str], None]) -> Path | None:
            from ledger_app.outputs.pdf.products import render

            try:
                render(options["product"], ledger, out, options, report)
            except Cancelled:
                return None   # the renderer has already removed its temporary file
            return out

        return work

    def generate(self) -> None:
        self._serial += 1
        out = self._tmpdir / f"预览-{self._serial}.pdf"  # i18n: data (a private file)
        self.generate_button.setEnabled(False)
        self.status.setText(tr("正在生成……"))
        self.runner.run_with_progress(self.job(self.options(), out), tr("正在生成 PDF……"),
                                      self._generated, self._failed, parent=self)

    def _generated(self, path: Path | None) -> None:
        self.generate_button.setEnabled(True)
        if path is None or not path.is_file():
            self.status.setText(tr("已取消，没有生成文件。"))
            return
        self.pdf_path = path
        pages = self.preview.load(path)
        size = path.stat().st_size / 1024
        self.status.setText(tr("已生成：共 {pages} 页，{kb} KB。").format(
            pages=pages or "?", kb=f"{size:.0f}"))
        for box in (self.first_page, self.last_page):
            box.setRange(1, max(1, pages))
        self.first_page.setValue(1)
        self.last_page.setValue(max(1, pages))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(HAVE_QTPDF and pages > 0)

    def _failed(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        self.status.setText(tr("没有生成。"))
        show_error(self, exc)

    # ---- printing and saving -----------------------------------------------------------------

    def print_pdf(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.preview.page_count))
        first, last = self.page_range()
        if (first, last) != (1, self.preview.page_count):
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(first, last)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last = printer.fromPage(), printer.toPage()
        if not first:    # the system dialog said 全部: keep the range chosen here
            first, last = self.page_range()
        try:
            sent = print_document(self.preview, printer, first or 1, last or 0)
        except RuntimeError as exc:
            show_error(self, exc)
            return
        self.status.setText(tr("已发送到打印机：{n} 页。").format(n=sent))

    def make_printer(self) -> QPrinter:
        """A printer for this printout, named by the document's own title: the print queue
        shows it, and printing to a PDF file offers it as the file's name (not the
        preview's temporary 预览-1.pdf)."""
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.choice.suggested_name()).stem)
        return printer

    def page_range(self) -> tuple[int, int]:
        """The pages to print (1-based, inclusive), as chosen beside the preview."""
        first, last = self.first_page.value(), self.last_page.value()
        return min(first, last), max(first, last)

    def save_pdf(self) -> None:
        if self.pdf_path is None:
            return
        from ledger_app.ui.paths import documents_dir

        target, _filter = QFileDialog.getSaveFileName(
            self, tr("保存 PDF"), str(documents_dir() / self.choice.suggested_name()),
            tr("PDF 文件 (*.pdf)"))
        if not target:
            return
        try:
            self.save_to(Path(target))
        except OSError as exc:
            QMessageBox.warning(self, tr("没有保存"), tr("无法保存到 {path}：{reason}").format(
                path=target, reason=plain_reason(exc)))
            return
        self.status.setText(tr("已保存到 {path}").format(path=target))

        self.saved.emit(Path(target))

    def save_to(self, target: Path) -> Path:
        """Copy the generated PDF to ``target`` (through a temporary name)."""
        if self.pdf_path is None:
            raise RuntimeError("nothing generated yet")
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        tmp = target.with_name(f".{target.name}.{os.getpid()}.part")   # see store.leftovers
        try:
            shutil.copyfile(self.pdf_path, tmp)
            durable_replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return target

    def _cleanup(self) -> None:
        self.preview.clear()
        shutil.rmtree(self._tmpdir, ignore_errors=True)
