"""The print window: choose what to print, see the real PDF, print it or save it.

The PDF is made on the ledger's worker (``TaskRunner``) with a progress dialog that can
cancel; it is written to a private temporary folder (and only renamed into place when
complete), so a cancelled job leaves nothing behind. 保存 PDF copies the finished file
to where the user chooses, again through a temporary name.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ledger_app.outputs.durable import durable_replace
from ledger_app.store.errors import LedgerError, plain_reason
from ledger_app.store.leftovers import temporary_prefix
from ledger_app.ui.errors import show_error
from ledger_app.ui.help_window import help_key
from ledger_app.ui.pdf_preview import HAVE_QTPDF, PdfPreview, print_document
from ledger_app.ui.tasks import Cancelled

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner


@dataclass(frozen=True)
class Product:
    key: str
    label: str
    options: tuple[str, ...]   # which option rows it shows
    needs: str = ""            # a record type role the pack must have (党费: "dues")


PRODUCTS = (
    Product("table", "表格（某类记录）", ("type", "year_or_all", "masked", "filled_on")),
    Product("record", "记录页（会议、活动，含照片）", ("year", "record", "masked")),
    Product("signin", "会议签到表", ("year", "record", "filled")),
    Product("dues", "党费收缴登记表", ("year", "filled_on"), needs="dues"),
    Product("binder", "全年装订册", ("year", "category", "masked", "retention", "volume",
                                "emblem", "filled_on", "duplex")),
    Product("checklist", "年度自查表（会议召开情况、六有五优、发现的问题）", ("year", "masked")),
    Product("cover", "封面", ("year", "category", "retention", "volume", "emblem")),
    Product("labels", "档案盒标签（盒面、盒脊）", ("year", "category", "spine", "retention",
                                            "emblem", "volume")),
)
# The buttons offering another printout that fits where the user is.
ALTERNATIVE_LABELS = {"table": "这类记录的表格", "record": "选中记录的记录页",
                      "signin": "选中会议的签到表", "dues": "党费收缴登记表"}


def fitting_products(ledger: Ledger, type_key: str | None,
                     record_id: int | None) -> list[str]:
    """The printouts that fit a record table (and the record selected in it), best first:
    the type's table; the selected record's own page where its type prints pages (a
    meeting's 记录页 and 签到表, an activity's or a document's page); for 党费 records
    the 党费收缴登记表."""
    if not type_key:
        return []
    rt = ledger.pack.record_type(type_key)
    found = ["table"]
    if record_id is not None and rt.prints_pages:
        found.append("record")
        if rt.role == "meetings":
            found.append("signin")
    if rt.role == "dues":
        found.append("dues")
    return found


SPINES = (20, 30, 35, 40, 50, 55, 60, 75)
ALL_YEARS = 0


def narrow_combo() -> QComboBox:
    """A combo box as wide as its column, not as its longest entry: in 特大字体 the longest
    (年度自查表（会议召开情况…）) set the options column's least width and left the
    preview a strip. (Set before any item is added: Qt keeps the least width it worked
    out from the items.)"""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    return box


class PrintDialog(QDialog):
    saved = Signal(object)  # Path of a PDF the user saved (the window says where)

    def __init__(self, ledger: Ledger, runner: TaskRunner, parent: QWidget | None = None,
                 type_key: str | None = None, year: int | None = None,
                 record_id: int | None = None, product: str | None = None):
        super().__init__(parent)
        help_key(self, "print")  # F1: the guide's section on this
        self.ledger = ledger
        self.runner = runner
        self.setWindowTitle("打印")
        self.resize(1100, 760)
        self._tmpdir = Path(tempfile.mkdtemp(prefix=temporary_prefix("print")))
        self._serial = 0
        self.pdf_path: Path | None = None
        self._records_for = ""                    # which product the record list is for
        self._record_names: dict[int, str] = {}   # record id -> "党员活动记录", for file names
        self._build()
        self._fill(type_key, year, record_id, product)
        self.finished.connect(self._cleanup)

    # ---- building the window ---------------------------------------------------------------

    def _build(self) -> None:
        pack = self.ledger.pack
        self.product = narrow_combo()
        for p in PRODUCTS:
            self.product.addItem(p.label, p.key)
            if p.needs and pack.type_for(p.needs) is None:
                # A 工会 or 关工委 keeps no 党费: the entry stays (indexes match PRODUCTS) but
                # cannot be chosen.
                item = self.product.model().item(self.product.count() - 1)  # type: ignore
                item.setEnabled(False)
        self.type_box = narrow_combo()
        for rt in pack.record_types:
            self.type_box.addItem(f"{pack.category(rt.category).label} · {rt.label}", rt.key)
        self.year_box = narrow_combo()
        self.category_box = narrow_combo()
        self.category_box.addItem("全部类别", None)
        for c in pack.categories:
            self.category_box.addItem(c.label, c.key)
        self.record_box = narrow_combo()
        self.spine_box = QComboBox()
        for w in SPINES:
            self.spine_box.addItem(f"{w} 毫米", float(w))
        self.spine_box.addItem("自定义…", None)
        self.spine_box.setCurrentIndex(SPINES.index(40))
        self.spine_custom = QDoubleSpinBox()
        self.spine_custom.setRange(10, 120)
        self.spine_custom.setSuffix(" 毫米")
        self.spine_custom.setValue(45)
        self.retention_box = QComboBox()
        self.retention_box.addItems(["永久", "30年", "10年"])
        self.volume_box = QSpinBox()
        self.volume_box.setRange(1, 999)
        # The emblem: the built-in vector drawing, or the official artwork file the user holds.
        self.emblem_box = narrow_combo()
        self.emblem_box.addItem("内置矢量党徽", "")      # "" overrides the ledger setting
        setting = str(self.ledger.setting("emblem_path", "") or "")
        if setting:
            self.emblem_box.addItem(f"台账设置的图片：{Path(setting).name}", setting)
            self.emblem_box.setCurrentIndex(1)
        self.emblem_box.addItem("选择图片文件（PNG/JPG）…", "choose")
        self.masked = QCheckBox("身份证号、电话等部分隐藏\n（对外提供时请保持勾选）")
        self.masked.setChecked(True)
        # 填报日期: empty means the period's end (or today while the period runs).
        self.filled_on = QLineEdit()
        self.filled_on.setPlaceholderText("默认为所印年度的最后一天，如 2025-12-31")
        self.filled = QCheckBox("按台账记录填好实到人数和请假原因\n（默认留空，供会上签到）")
        # (Two lines each: one long line would set the options column's least width and
        # leave the preview a strip in 特大字体.)
        self.duplex = QCheckBox("双面打印\n（各部分从右页开始，页码在外侧）")

        # 也可打印: the other printouts that fit where the user was (the selected meeting's
        # 记录页 and 签到表 beside its table), one click away; filled in by _offer().
        self.alternatives = QHBoxLayout()
        self.alternatives.setContentsMargins(0, 0, 0, 0)
        self.alternative_buttons: dict[str, QPushButton] = {}
        form = QFormLayout()
        form.addRow("打印内容", self.product)
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        spine_row = QWidget()
        spine_layout = QHBoxLayout(spine_row)
        spine_layout.setContentsMargins(0, 0, 0, 0)
        spine_layout.addWidget(self.spine_box)
        spine_layout.addWidget(self.spine_custom)
        for key, label, widget in (
                ("type", "记录类型", self.type_box), ("year", "年度", self.year_box),
                ("category", "类别", self.category_box), ("record", "记录", self.record_box),
                ("spine", "盒脊宽度", spine_row), ("retention", "保管期限", self.retention_box),
                ("volume", "卷号／起始盒号", self.volume_box), ("emblem", "党徽", self.emblem_box),
                ("filled_on", "填报日期", self.filled_on), ("masked", "", self.masked),
                ("filled", "", self.filled), ("duplex", "", self.duplex)):
            lab = QLabel(label)
            form.addRow(lab, widget)
            self._rows[key] = (lab, widget)

        self.generate_button = QPushButton("生成预览")
        self.generate_button.setDefault(True)
        self.print_button = QPushButton("打印…")
        self.save_button = QPushButton("保存 PDF…")
        close_button = QPushButton("关闭")
        self.status = QLabel("")
        self.status.setWordWrap(True)
        for b in (self.print_button, self.save_button):
            b.setEnabled(False)
        self.print_button.setVisible(HAVE_QTPDF)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(self.alternatives)
        left_layout.addLayout(form)
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
        pages_row.addWidget(QLabel("打印页码"))
        pages_row.addWidget(self.first_page)
        pages_row.addWidget(QLabel("至"))
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

        self.product.currentIndexChanged.connect(self._product_changed)
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self.spine_box.currentIndexChanged.connect(self._spine_changed)
        self.emblem_box.activated.connect(self._emblem_chosen)
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        close_button.clicked.connect(self.reject)
        for w in (self.type_box, self.category_box, self.record_box, self.spine_box,
                  self.spine_custom, self.retention_box, self.volume_box, self.masked,
                  self.emblem_box, self.filled, self.duplex):
            signal = getattr(w, "currentIndexChanged", None) or getattr(w, "valueChanged", None) \
                or w.toggled
            signal.connect(self._stale)
        self.filled_on.textChanged.connect(self._stale)

    def _fill(self, type_key: str | None, year: int | None, record_id: int | None,
              product: str | None = None) -> None:
        years = self.ledger.years()
        if year is None and record_id is not None:
            with contextlib.suppress(LedgerError):   # a record deleted meanwhile: any year
                year = self.ledger.records.get(record_id).year   # the record's own year
        this_year = year or (years[0] if years else date.today().year)
        for y in sorted(set(years) | {this_year}, reverse=True):
            self.year_box.addItem(f"{y}年", y)
        self.year_box.addItem("全部年度", ALL_YEARS)
        self.year_box.setCurrentIndex(self.year_box.findData(this_year))
        self._wanted_record = record_id
        if product is None:   # no context given: the record if there is one
            product = "record" if record_id is not None else None
        if product is not None:
            self.product.setCurrentIndex(self._product_index(product))
        if type_key:
            index = self.type_box.findData(type_key)
            if index >= 0:
                self.type_box.setCurrentIndex(index)
        self._offer(fitting_products(self.ledger, type_key, record_id))
        self._product_changed()
        self._load_records()

    def _offer(self, keys: list[str]) -> None:
        """Buttons for the other printouts that fit (the one chosen is left out)."""
        chosen = self.current.key
        keys = [k for k in keys if k != chosen]
        if not keys:
            return
        self.alternatives.addWidget(QLabel("也可打印："))
        for key in keys:
            button = QPushButton(ALTERNATIVE_LABELS[key])
            button.setObjectName(f"alternative_{key}")
            button.clicked.connect(lambda _c=False, k=key: self.choose_product(k))
            self.alternatives.addWidget(button)
            self.alternative_buttons[key] = button
        self.alternatives.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        """The options as narrow as they can be (once shown, when the splitter knows its
        width; set before, the split came out half and half): the rest for the preview."""
        super().showEvent(event)
        if not self._options_fitted:
            self._options_fitted = True
            total = sum(self.splitter.sizes())
            left = max(360, self.splitter.widget(0).minimumSizeHint().width())
            self.splitter.setSizes([left, max(total - left, 1)])

    def choose_product(self, key: str) -> None:
        """Open on one product (the home page's 打印自查表…)."""
        self.product.setCurrentIndex(self._product_index(key))

    def _product_index(self, key: str) -> int:
        return next(i for i, p in enumerate(PRODUCTS) if p.key == key)

    # ---- option handling -------------------------------------------------------------------

    @property
    def current(self) -> Product:
        return PRODUCTS[self.product.currentIndex()]

    def _product_changed(self) -> None:
        options = self.current.options
        for key, (label, widget) in self._rows.items():
            shown = key in options or (key == "year" and "year_or_all" in options)
            label.setVisible(shown)
            widget.setVisible(shown)
        all_index = self.year_box.findData(ALL_YEARS)
        self.year_box.model().item(all_index).setEnabled("year_or_all" in options)
        if "year_or_all" not in options and self.year_box.currentData() == ALL_YEARS:
            self.year_box.setCurrentIndex(0)
        if self.current.key in ("record", "signin") and self._records_for != self.current.key:
            self._load_records()   # sign-in sheets are for meetings; record pages for more
        self._spine_changed()
        self._stale()

    def _spine_changed(self) -> None:
        self.spine_custom.setVisible("spine" in self.current.options
                                     and self.spine_box.currentData() is None)
        self._stale()

    def _emblem_chosen(self, index: int) -> None:
        if self.emblem_box.itemData(index) != "choose":
            return
        path, _filter = QFileDialog.getOpenFileName(self, "选择党徽图片", "",
                                                    "图片 (*.png *.jpg *.jpeg)")
        if not path:
            self.emblem_box.setCurrentIndex(0)
            return
        self.set_emblem(path)

    def set_emblem(self, path: str) -> None:
        """Use the user's own artwork file (kept in proportion, never stretched)."""
        at = self.emblem_box.findData(path)
        if at < 0:
            at = self.emblem_box.count() - 1
            self.emblem_box.insertItem(at, f"图片：{Path(path).name}", path)
        self.emblem_box.setCurrentIndex(at)

    def _year_changed(self) -> None:
        self._load_records()
        self._stale()

    def _stale(self) -> None:
        """Options changed: the preview no longer shows what would be printed."""
        if self.pdf_path is not None:
            self.status.setText("选项已改变，请重新生成预览。")
        self.pdf_path = None
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _load_records(self) -> None:
        """Fill the record list for the year: meetings for a sign-in sheet, every type with
        pages of its own (meetings, activities, documents such as 工作计划) for a record
        page. Read on the worker."""
        year = self.year_box.currentData() or None
        ledger = self.ledger
        meetings_only = self.current.key == "signin"
        self._records_for = self.current.key

        def read() -> list[tuple[int, str, str]]:
            from ledger_app.outputs.pdf.record_page import record_heading
            from ledger_app.outputs.pdf.table import print_order

            found = []
            for rt in ledger.pack.record_types:
                if not rt.prints_pages or (meetings_only and rt.role != "meetings"):
                    continue
                ids = print_order(ledger, rt, year)
                rows = ledger.records.rows(rt.key, ids)
                for i in ids:
                    values = rows[i]
                    when = (values.get(rt.date_field) or "") if rt.date_field else ""
                    kind = "、".join(rt.read(values, "meeting_kinds") or []) \
                        or rt.label
                    title = ledger.records.title(rt, values)
                    found.append((i, f"{when}  {kind}  {title}",
                                  record_heading(rt, values)))
            return found

        def show(items: list[tuple[int, str, str]]) -> None:
            self.record_box.blockSignals(True)
            self.record_box.clear()
            self._record_names = {}
            for entry_id, text, heading in items:
                self.record_box.addItem(text, entry_id)
                self._record_names[entry_id] = heading
            if not items:
                self.record_box.addItem("（这一年度没有会议记录）" if meetings_only
                                        else "（这一年度没有可打印的会议或活动记录）", None)
            wanted = self._wanted_record
            if wanted is not None and self.record_box.findData(wanted) < 0 \
                    and not meetings_only:   # another year's record: still offered
                self.record_box.addItem(f"记录 #{wanted}", wanted)
            if wanted is not None and self.record_box.findData(wanted) >= 0:
                self.record_box.setCurrentIndex(self.record_box.findData(wanted))
            self.record_box.blockSignals(False)

        self.runner.run(read, show)

    def options(self) -> dict[str, Any]:
        spine = self.spine_box.currentData()
        return {
            "product": self.current.key,
            "type_key": self.type_box.currentData(),
            "year": self.year_box.currentData() or None,
            "category": self.category_box.currentData(),
            "record_id": self.record_box.currentData(),
            "spine": float(spine if spine is not None else self.spine_custom.value()),
            "emblem": "" if self.emblem_box.currentData() == "choose"
            else self.emblem_box.currentData(),
            "retention": self.retention_box.currentText(),
            "volume": self.volume_box.value(),
            "masked": self.masked.isChecked(),
            "filled_on": self.filled_on.text().strip() or None,
            "filled": self.filled.isChecked(),
            "duplex": self.duplex.isChecked(),
        }

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
        out = self._tmpdir / f"预览-{self._serial}.pdf"
        self.generate_button.setEnabled(False)
        self.status.setText("正在生成……")
        self.runner.run_with_progress(self.job(self.options(), out), "正在生成 PDF……",
                                      self._generated, self._failed, parent=self)

    def _generated(self, path: Path | None) -> None:
        self.generate_button.setEnabled(True)
        if path is None or not path.is_file():
            self.status.setText("已取消，没有生成文件。")
            return
        self.pdf_path = path
        pages = self.preview.load(path)
        size = path.stat().st_size / 1024
        self.status.setText(f"已生成：共 {pages or '?'} 页，{size:.0f} KB。")
        for box in (self.first_page, self.last_page):
            box.setRange(1, max(1, pages))
        self.first_page.setValue(1)
        self.last_page.setValue(max(1, pages))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(HAVE_QTPDF and pages > 0)

    def _failed(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        self.status.setText("没有生成。")
        show_error(self, exc)

    # ---- printing and saving -----------------------------------------------------------------

    def print_pdf(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf_path.name if self.pdf_path else "台账")
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
        self.status.setText(f"已发送到打印机：{sent} 页。")

    def page_range(self) -> tuple[int, int]:
        """The pages to print (1-based, inclusive), as chosen beside the preview."""
        first, last = self.first_page.value(), self.last_page.value()
        return min(first, last), max(first, last)

    def suggested_name(self) -> str:
        o = self.options()
        year = f"{o['year']}年" if o["year"] else ""
        name = {"table": self.type_box.currentText().split(" · ")[-1],
                "binder": "台账装订册", "cover": "封面", "labels": "档案盒标签",
                "dues": "党费收缴登记表", "signin": "签到表", "checklist": "台账自查表",
                "record": self._record_names.get(o["record_id"], "记录")}[o["product"]]
        return f"{self.ledger.org_name}-{year}{name}.pdf"

    def save_pdf(self) -> None:
        if self.pdf_path is None:
            return
        from ledger_app.ui.paths import documents_dir

        target, _filter = QFileDialog.getSaveFileName(
            self, "保存 PDF", str(documents_dir() / self.suggested_name()), "PDF 文件 (*.pdf)")
        if not target:
            return
        try:
            self.save_to(Path(target))
        except OSError as exc:
            QMessageBox.warning(self, "没有保存", f"无法保存到 {target}：{plain_reason(exc)}")
            return
        self.status.setText(f"已保存到 {target}")
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
