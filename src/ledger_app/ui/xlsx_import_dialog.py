"""Excel import: file and sheet → column mapping and preview (every row's status,
update/skip per match) → 导入 (all or nothing) → result, with 撤销上次导入 and 下载空白模板
on the first page. Everything that touches files or the ledger runs on the worker; methods
taking a path (``choose_file``, ``download_template``) are what the buttons call after a
file dialog; tests call them directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ledger_app.outputs.xlsx.importer import ImportPlan, ImportResult, apply_import, plan_import
from ledger_app.outputs.xlsx.reader import open_workbook
from ledger_app.outputs.xlsx.template import write_template
from ledger_app.store import import_batches as batches
from ledger_app.store.errors import LedgerError
from ledger_app.ui.help_window import help_key
from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.import_preview import PreviewPage, problem_label
from ledger_app.ui.xlsx_dialogs import XLSX_FILTER, documents_folder

OPEN_FILTER = tr_noop("Excel/WPS 表格 (*.xlsx *.xlsm *.xls);;所有文件 (*)")
NOT_IMPORTED = tr_noop("（不导入）")


class ImportDialog(QDialog):
    """从 Excel 导入: file → sheet → column mapping → preview → 导入 → result."""

    imported = Signal(object)   # ImportResult
    undone = Signal(object)     # batches.Batch

    def __init__(self, ledger: Any, runner: Any, type_key: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        help_key(self, "excel")  # F1: the guide's section on this
        self.ledger, self.runner = ledger, runner
        # No record type chosen in the window (a category is selected): the roster.
        self.rt = ledger.pack.record_type(type_key or ledger.pack.member_type)
        self.path: Path | None = None
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.setWindowTitle(tr("从 Excel 导入{type}").format(type=self.rt.label))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(980, 640)
        self._refresh_undo()

    # ---- page 1: file and sheet ------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(tr("选择要导入的表格（.xlsx，或旧版 .xls）。程序会自动找到表头、对应各列，"
                          "导入前先显示每一行的处理结果；全部无误才写入，写入后可以撤销。"))
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        browse = QPushButton(tr("选择文件…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setEnabled(False)
        self.problem = problem_label()
        self.next_button = QPushButton(tr("下一步：核对"))
        self.next_button.setEnabled(False)
        self.next_button.clicked.connect(lambda: self.make_plan())
        self.template_button = QPushButton(tr("下载空白模板"))
        self.template_button.clicked.connect(self._save_template)
        self.undo_button = QPushButton(tr("撤销上次导入"))
        self.undo_button.clicked.connect(self.undo_last)
        self.undo_info = QLabel()
        self.undo_info.setWordWrap(True)
        close = QPushButton(tr("关闭"))
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("文件："), row)
        form.addRow(tr("工作表："), self.sheet_combo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.template_button)
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.undo_info)
        layout.addLayout(bottom)
        return page

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("选择表格"), str(documents_folder()),
                                              tr(OPEN_FILTER))
        if path:
            self.choose_file(Path(path))

    def choose_file(self, path: Path) -> None:
        """Read the sheet names (on the worker); the right sheet is preselected."""
        self.path = Path(path)
        self.file_edit.setText(str(path))
        self.problem.hide()
        self.next_button.setEnabled(False)

        chosen = self.path

        def sheets() -> list[str]:
            with open_workbook(chosen) as source:
                return list(source.sheet_names)

        self.runner.run(sheets, on_done=self._sheets_read, on_error=self._failed)

    def _sheets_read(self, names: list[str]) -> None:
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        preferred = self.rt.label if self.rt.label in names else next(
            (n for n in names if n != "选项"), names[0])  # i18n: data (the template's sheet)
        self.sheet_combo.setCurrentText(preferred)
        self.sheet_combo.setEnabled(len(names) > 1)
        self.next_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.next_button.setEnabled(self.path is not None and self.sheet_combo.count() > 0)
        self.import_button.setEnabled(self._can_import())
        if not isinstance(exc, LedgerError):
            from ledger_app.ui.errors import show_error

            show_error(self, exc)
            return
        label = self.problem if self.pages.currentIndex() == 0 else self.preview_problem
        label.setText(str(exc))
        label.show()

    # ---- page 2: mapping and preview --------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = PreviewPage()
        # The dialog drives the page's widgets directly (and tests find them here).
        self.mapping_table, self.model, self.preview = page.mapping_table, page.model, page.preview
        self.summary, self.notes, self.preview_problem = page.summary, page.notes, page.problem
        self.only_valid, self.import_button = page.only_valid, page.import_button
        self.only_valid.toggled.connect(lambda: self.import_button.setEnabled(self._can_import()))
        page.update_all.clicked.connect(lambda: self._set_all("update"))
        page.skip_all.clicked.connect(lambda: self._set_all("skip"))
        page.back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.import_button.clicked.connect(self.start_import)
        return page

    def make_plan(self, mapping: dict[int, str | None] | None = None) -> None:
        if self.path is None:
            return
        sheet = self.sheet_combo.currentText() or None
        path = self.path
        self.next_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.runner.run_with_progress(
            lambda report: plan_import(self.ledger, path, self.rt.key, sheet=sheet,
                                       mapping=mapping, progress=report),
            tr("正在读取表格…"), on_done=self._show_plan, on_error=self._failed, parent=self)

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.next_button.setEnabled(True)
        self.preview_problem.hide()
        self._fill_mapping(plan)
        self.model.set_plan(plan)
        self.preview.resizeColumnsToContents()
        self.preview.setColumnWidth(3, min(max(self.preview.columnWidth(3), 160), 420))
        where = (tr("工作表“{sheet}”，表头在第 {row} 行（两行表头）。") if plan.header_rows == 2
                 else tr("工作表“{sheet}”，表头在第 {row} 行。"))
        self.notes.setText(where.format(sheet=plan.sheet, row=plan.header_row)
                           + "".join(plan.notes))
        self._update_summary()
        self.pages.setCurrentIndex(1)

    def _fill_mapping(self, plan: ImportPlan) -> None:
        table = self.mapping_table
        table.setRowCount(0)
        columns = [c for c in plan.columns if c.header]
        table.setRowCount(len(columns))
        for r, col in enumerate(columns):
            table.setCellWidget(r, 0, QLabel(col.header))
            combo = QComboBox()
            combo.addItem(tr(NOT_IMPORTED), None)
            for f in self.rt.stored_fields:
                combo.addItem(f.label, f.key)
            combo.setCurrentIndex(max(combo.findData(col.field_key), 0) if col.field_key else 0)
            combo.currentIndexChanged.connect(
                lambda _i, index=col.index, box=combo: self.change_mapping(index, box.currentData()))
            table.setCellWidget(r, 1, combo)

    def change_mapping(self, column: int, field_key: str | None) -> None:
        """The user points a column at another field: plan again with that choice."""
        if self.plan is None:
            return
        mapping = {c.index: c.field_key for c in self.plan.columns}
        for index, key in mapping.items():
            if key == field_key and index != column and field_key is not None:
                mapping[index] = None    # one field, one column: the new choice wins
        mapping[column] = field_key
        self.make_plan(mapping)

    def _set_all(self, action: str) -> None:
        if self.plan is not None:
            self.plan.set_all(action)
            self.model.refresh()
            self._update_summary()

    def _update_summary(self) -> None:
        if self.plan is None:
            return
        c = self.plan.counts()
        text = tr("新增 {new} 条，更新 {update} 条，跳过 {skip} 条，错误 {error} 条。").format(
            new=c["new"], update=c["update"], skip=c["skip"], error=c["error"])
        levels = self.plan.levels()
        if levels["warning"]:
            text += tr("其中 {n} 行有提示（黄色）：照常导入，把鼠标停在黄色格子上可看原因，"
                       "留空的项标为“待核实”，导入后可在表格中筛选出来逐条核对。").format(
                n=levels["warning"])
        if c["error"]:
            text += tr("有错误的行见红色行的说明；改正表格后重新选择文件，或勾选“只导入无误的行”。")
        self.summary.setText(text)
        self.import_button.setEnabled(self._can_import())

    def _can_import(self) -> bool:
        if self.plan is None:
            return False
        c = self.plan.counts()
        return (c["new"] + c["update"]) > 0 and (not c["error"] or self.only_valid.isChecked())

    def start_import(self) -> None:
        if self.plan is None:
            return
        plan, only_valid = self.plan, self.only_valid.isChecked()
        self.import_button.setEnabled(False)
        self.runner.run_with_progress(
            lambda report: apply_import(self.ledger, plan, only_valid, report),
            tr("正在导入…"), on_done=self._imported, on_error=self._failed, parent=self)

    # ---- page 3: result ---------------------------------------------------------------------

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_undo = QPushButton(tr("撤销这次导入"))
        self.result_undo.clicked.connect(self.undo_last)
        close = QPushButton(tr("完成"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result_undo)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return page

    def _imported(self, result: ImportResult) -> None:
        self.import_result = result
        text = tr("已导入{type}：新增 {new} 条，更新 {updated} 条").format(
            type=self.rt.label, new=len(result.inserted), updated=len(result.updated))
        if result.skipped:
            text += tr("，跳过 {n} 条").format(n=result.skipped)
        if result.errors:
            text += tr("；有错误的 {n} 行没有导入").format(n=result.errors)
        self.result_label.setText(text + tr("。"))
        self.result_undo.setEnabled(result.batch_id is not None)
        self.pages.setCurrentIndex(2)
        self._refresh_undo()
        self.imported.emit(result)

    # ---- undo and template -------------------------------------------------------------------

    def _refresh_undo(self) -> None:
        batch = batches.last_batch(self.ledger, self.rt.key)
        self.undo_button.setEnabled(batch is not None and not self.ledger.readonly)
        self.undo_info.setText(tr("上次导入：{summary}").format(summary=batch.summary) if batch
                               else "")

    def undo_last(self) -> None:
        batch = batches.last_batch(self.ledger, self.rt.key)
        if batch is None:
            return
        self.undo_button.setEnabled(False)
        self.result_undo.setEnabled(False)
        self.runner.run(lambda: batches.undo_import(self.ledger, batch.id),
                        on_done=self._undone, on_error=self._undo_failed)

    def _undone(self, batch: Any) -> None:
        self._refresh_undo()
        self.result_label.setText(
            tr("已撤销：{summary}。被导入的记录已移入回收站。").format(summary=batch.summary))
        self.undo_info.setText(tr("已撤销：{summary}").format(summary=batch.summary))
        self.undone.emit(batch)

    def _undo_failed(self, exc: BaseException) -> None:
        self._refresh_undo()
        label = self.problem if self.pages.currentIndex() == 0 else self.result_label
        if isinstance(exc, LedgerError):
            label.setText(str(exc))
            label.show()
        else:
            from ledger_app.ui.errors import show_error

            show_error(self, exc)

    def _save_template(self) -> None:
        default = documents_folder() / f"{self.rt.label}导入模板.xlsx"  # i18n: data
        path, _ = QFileDialog.getSaveFileName(self, tr("保存空白模板"), str(default),
                                              tr(XLSX_FILTER))
        if path:
            self.download_template(Path(path))

    def download_template(self, path: Path) -> None:
        self.runner.run(lambda: write_template(self.ledger.pack, self.rt.key, path),
                        on_done=lambda p: self.undo_info.setText(
                            tr("空白模板已保存到 {path}").format(path=p)),

                        on_error=self._failed)
