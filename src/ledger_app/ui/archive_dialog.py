"""生成检查档案包: choose the period, categories, masking, password and file; export off the UI thread.

The export runs on the program's one worker with a progress dialog whose 取消 stops it;
a cancelled or failed export leaves no file behind (the archive is written under a
temporary name and renamed only when complete).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ledger_app.outputs.archive.layout import clean_component
from ledger_app.store.errors import LedgerError
from ledger_app.ui.help_window import help_key
from ledger_app.ui.i18n import tr
from ledger_app.ui.qt_locale import chinese_date_edit

if TYPE_CHECKING:
    from ledger_app.outputs.archive import ArchiveResult
    from ledger_app.store import Ledger
    from ledger_app.ui.tasks import TaskRunner


class ArchiveDialog(QDialog):
    def __init__(self, ledger: Ledger, runner: TaskRunner, year: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        help_key(self, "archive")  # F1: the guide's section on this
        self.setObjectName("archiveDialog")
        self.setWindowTitle(tr("生成检查档案包"))
        self.ledger = ledger
        self.runner = runner
        self.archive_result: ArchiveResult | None = None
        self._password: str | None = None   # of the archive just made, for its 移交单
        self.handover_printed: Path | None = None
        self.done_box: QMessageBox | None = None
        self.progress: QProgressDialog | None = None
        years = ledger.years()
        year = year or years[0]

        self.year = QSpinBox()
        self.year.setRange(min(years + [year]) - 5, max(years + [year]) + 1)
        self.year.setValue(year)
        self.year.setSuffix(tr(" 年度"))
        self.year.valueChanged.connect(self._year_changed)
        self.part = QCheckBox(tr("只导出其中一段日期"))
        self.date_from = QDateEdit(QDate(year, 1, 1))
        self.date_to = QDateEdit(QDate(year, 12, 31))
        for edit in (self.date_from, self.date_to):
            chinese_date_edit(edit)
            edit.setEnabled(False)
        self.part.toggled.connect(self.date_from.setEnabled)
        self.part.toggled.connect(self.date_to.setEnabled)
        dates = QHBoxLayout()
        dates.addWidget(self.part)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(tr("至")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)

        self.categories: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, category in enumerate(ledger.pack.categories):
            box = QCheckBox(category.label)
            box.setChecked(True)
            self.categories[category.key] = box
            grid.addWidget(box, i // 3, i % 3)

        self.masked = QCheckBox(tr("隐藏身份证号、电话号码的中间部分（建议）"))
        self.masked.setChecked(True)
        self.mask_warning = QLabel(tr("注意：不隐藏时，档案中是完整的身份证号和电话号码，请妥善保管。"))
        self.mask_warning.setStyleSheet("color: #b00000")
        self.mask_warning.setWordWrap(True)
        self.mask_warning.setVisible(False)
        self.masked.toggled.connect(lambda on: self.mask_warning.setVisible(not on))

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("不设密码可留空"))
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.setPlaceholderText(tr("再输入一次"))

        self.output = QLineEdit(str(self._default_path(year)))
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.output, 1)
        where.addWidget(browse)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00000")
        self.problem.setWordWrap(True)

        form = QFormLayout()
        form.addRow(tr("年度："), self.year)
        form.addRow(tr("期间："), dates)
        form.addRow(tr("类别："), grid)
        form.addRow(tr("个人信息："), self.masked)
        form.addRow("", self.mask_warning)
        form.addRow(tr("密码："), self.password)
        form.addRow("", self.password_again)
        form.addRow(tr("保存到："), where)

        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(tr("生成"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(tr("关闭"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)

        intro = QLabel(tr("把本期台账整理成一个 zip 档案包：台账汇编、各类表格和 Excel、会议和活动记录、"
                          "照片附件、目录页 index.html 和文件清单。检查人员用任何电脑的浏览器都能查看，"
                          "也可以用本程序校验是否被改动。"))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def _default_path(self, year: int) -> Path:
        from ledger_app.ui.paths import documents_dir

        name = clean_component(f"{self.ledger.org_name}_{year}年度检查档案.zip")  # i18n: data
        return documents_dir() / name

    def _year_changed(self, year: int) -> None:
        self.date_from.setDate(QDate(year, 1, 1))
        self.date_to.setDate(QDate(year, 12, 31))
        current = Path(self.output.text())
        if current.name.endswith("年度检查档案.zip"):  # i18n: data (the name it offered)
            self.output.setText(str(current.with_name(self._default_path(year).name)))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("保存检查档案包"), self.output.text(),
                                              tr("检查档案包 (*.zip)"))
        if path:
            self.output.setText(path if path.lower().endswith(".zip") else path + ".zip")

    def options(self) -> dict[str, Any]:
        """What the export will do; LedgerError names the first thing to fix."""
        chosen = [key for key, box in self.categories.items() if box.isChecked()]
        if not chosen:
            raise LedgerError(tr("请至少选择一个类别。"))
        password = self.password.text()
        if password != self.password_again.text():
            raise LedgerError(tr("两次输入的密码不一致。"))
        out = self.output.text().strip()
        if not out:
            raise LedgerError(tr("请选择保存位置。"))
        date_from = date_to = None
        if self.part.isChecked():
            date_from = self.date_from.date().toString("yyyy-MM-dd")
            date_to = self.date_to.date().toString("yyyy-MM-dd")
        return {"out": Path(out), "year": self.year.value(), "date_from": date_from,
                "date_to": date_to, "categories": chosen, "masked": self.masked.isChecked(),
                "password": password or None}

    def export(self) -> None:
        from ledger_app.outputs.archive import build_archive

        try:
            options = self.options()
        except LedgerError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.clear()
        self.export_button.setEnabled(False)
        ledger = self.ledger
        out = options.pop("out")
        year = options.pop("year")
        self._password = options["password"]

        def job(report: Any) -> ArchiveResult:
            return build_archive(ledger, out, year, progress=report, **options)

        self.progress = self.runner.run_with_progress(
            job, tr("正在生成检查档案包…"), self._done, self._failed, parent=self)
        self.progress.canceled.connect(lambda: self.export_button.setEnabled(True))

    def _done(self, result: ArchiveResult) -> None:
        self.archive_result = result
        self.export_button.setEnabled(True)
        text = tr("已生成 {name}\n共 {files} 个文件，{mb} MB。\n保存在 {folder}").format(
            name=result.path.name, files=result.files, mb=f"{result.size / 1024 / 1024:.1f}",
            folder=result.path.parent)
        if result.fingerprint:
            text += tr("\n\n已签名，签名密钥指纹 {fingerprint}。\n"
                       "请打印移交单，签字后与档案包一起移交。").format(
                fingerprint=result.fingerprint)
        icon = QMessageBox.Icon.Information
        if result.warnings:
            text += tr("\n\n注意：{warnings}").format(warnings="\n".join(result.warnings))
            icon = QMessageBox.Icon.Warning
        box = QMessageBox(icon, tr("检查档案包"), text, QMessageBox.StandardButton.Ok,
                          self.parentWidget())
        box.setObjectName("archiveDoneBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        show = box.addButton(tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        show.setObjectName("showFolderButton")
        folder = str(result.path.parent)
        show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
        if result.fingerprint:
            handover = box.addButton(tr("打印移交单…"), QMessageBox.ButtonRole.ActionRole)
            handover.setObjectName("handoverButton")
            handover.clicked.connect(self.choose_handover)
        box.open()
        self.done_box = box   # without a parent window, only this reference keeps it shown
        self.accept()

    def handover_path(self) -> Path:
        assert self.archive_result is not None
        zip_path = self.archive_result.path
        return zip_path.with_name(f"{zip_path.stem}_移交单.pdf")  # i18n: data

    def choose_handover(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.parentWidget(), tr("保存移交单"),

                                              str(self.handover_path()), "PDF (*.pdf)")
        if path:
            self.print_handover(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def print_handover(self, out: Path, open_after: bool = True) -> None:
        """Print the 移交单 of the archive just made (verified again from the zip)."""
        from ledger_app.outputs.archive.handover import print_handover

        assert self.archive_result is not None
        archive, password = self.archive_result.path, self._password

        def opened(_: object) -> None:
            self.handover_printed = out
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

        def failed(exc: BaseException) -> None:
            from ledger_app.ui.errors import show_error

            show_error(self.parentWidget() or self, exc)

        self.runner.run(lambda: print_handover(archive, out, password), opened, failed)

    def _failed(self, exc: BaseException) -> None:
        from ledger_app.ui.errors import show_error

        self.export_button.setEnabled(True)
        if isinstance(exc, LedgerError):
            self.problem.setText(str(exc))
        show_error(self, exc)
