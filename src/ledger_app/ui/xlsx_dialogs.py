"""Excel: the export dialog, and what the Excel dialogs share (file filters, the folder
offered). The import dialog is ``xlsx_import_dialog``.

Everything that touches files or the ledger runs on the task runner's worker; the dialogs
only show results. Methods taking a path (``start_export``) are what the buttons call after
a file dialog; tests call them directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ledger_app.outputs.xlsx.export import export_workbook
from ledger_app.store.errors import LedgerError
from ledger_app.ui.help_window import help_key
from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.import_preview import problem_label

XLSX_FILTER = tr_noop("Excel 工作簿 (*.xlsx)")


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class ExportDialog(QDialog):
    """导出 Excel: this record type or the whole ledger, masked or not, to a chosen file."""

    exported = Signal(Path)

    def __init__(self, ledger: Any, runner: Any, type_key: str | None, year: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        help_key(self, "excel")  # F1: the guide's section on this
        self.ledger, self.runner, self.year = ledger, runner, year
        self.rt = ledger.pack.record_type(type_key or ledger.pack.member_type)
        self.result_path: Path | None = None
        self.setWindowTitle(tr("导出 Excel"))
        self.this_type = QRadioButton(tr("只导出“{type}”").format(type=self.rt.label))
        self.whole = QRadioButton(tr("导出整本台账（每类记录一个工作表）"))
        self.this_type.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.this_type)
        group.addButton(self.whole)
        self.only_year = QCheckBox(tr("只导出 {year} 年度").format(year=year) if year
                                   else tr("全部年度"))
        self.only_year.setChecked(bool(year))
        self.only_year.setEnabled(bool(year))
        self.masked = QCheckBox(tr("隐藏身份证号码、联系电话等敏感信息（给别人看的表格请保持勾选）"))
        self.masked.setChecked(True)
        self.path_edit = QLineEdit(str(documents_folder() / self._default_name()))
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self._browse)
        self.this_type.toggled.connect(lambda: self.path_edit.setText(
            str(Path(self.path_edit.text()).with_name(self._default_name()))))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.problem = problem_label()
        self.export_button = QPushButton(tr("导出"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda: self.start_export(Path(self.path_edit.text())))
        cancel = QPushButton(tr("取消"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        for w in (self.this_type, self.whole, self.only_year, self.masked):
            layout.addWidget(w)
        layout.addWidget(QLabel(tr("保存到：")))
        layout.addLayout(path_row)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(520, 0)

    def _default_name(self) -> str:
        """The workbook's own Chinese name, in either language."""
        what = self.rt.label if self.this_type.isChecked() else "台账"  # i18n: data
        year = f"{self.year}年" if self.year else ""  # i18n: data
        return f"{self.ledger.org_name}{year}{what}.xlsx".replace("/", "_")

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("导出到"), self.path_edit.text(),
                                              tr(XLSX_FILTER))
        if path:
            self.path_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def start_export(self, path: Path) -> None:
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        types = [self.rt.key] if self.this_type.isChecked() else None
        year = self.year if self.only_year.isChecked() else None
        masked = self.masked.isChecked()
        self.export_button.setEnabled(False)
        self.problem.hide()
        self.warnings: list[str] = []
        self.runner.run_with_progress(
            lambda report: export_workbook(self.ledger, path, types, year, masked, report,
                                           warnings=self.warnings),
            tr("正在导出 Excel…"), on_done=self._done, on_error=self._failed, parent=self)

    def _done(self, path: Path) -> None:
        self.result_path = path
        if self.warnings:
            # Text moved to the 长文本 sheet or characters left out: said, never silent.
            box = QMessageBox(QMessageBox.Icon.Warning, tr("导出 Excel"), "\n\n".join(self.warnings),
                              QMessageBox.StandardButton.Ok, self.parentWidget())
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.warning_box = box
        self.exported.emit(path)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if not isinstance(exc, LedgerError):
            from ledger_app.ui.errors import show_error

            show_error(self, exc)
            return
        self.problem.setText(str(exc))
        self.problem.show()
