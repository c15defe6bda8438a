"""What to print: the printout and its options, as the print window's left-hand pane.

The printouts (``PRODUCTS``) each show their own option rows; the buttons 也可打印 offer
the others that fit where the user was. The record list (for a 记录页 or 签到表) is read on
the ledger's worker. ``changed`` says the options no longer match the preview.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ledger_app.store.errors import LedgerError
from ledger_app.ui.i18n import tr, tr_noop

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
    Product("table", tr_noop("表格（某类记录）"), ("type", "year_or_all", "masked", "filled_on")),
    Product("record", tr_noop("记录页（会议、活动，含照片）"), ("year", "record", "masked")),
    Product("signin", tr_noop("会议签到表"), ("year", "record", "filled")),
    Product("dues", tr_noop("党费收缴登记表"), ("year", "filled_on"), needs="dues"),
    Product("binder", tr_noop("全年装订册"), ("year", "category", "masked", "retention",
                                           "volume", "emblem", "filled_on", "duplex")),
    Product("checklist", tr_noop("年度自查表（会议、检查项、问题）"),
            ("year", "masked")),
    Product("cover", tr_noop("封面"), ("year", "category", "retention", "volume", "emblem")),
    Product("labels", tr_noop("档案盒标签（盒面、盒脊）"), ("year", "category", "spine",
                                                      "retention", "emblem", "volume")),
)
# The buttons offering another printout that fits where the user is.
ALTERNATIVE_LABELS = {"table": tr_noop("这类记录的表格"), "record": tr_noop("选中记录的记录页"),
                      "signin": tr_noop("选中会议的签到表"), "dues": tr_noop("党费收缴登记表")}
# 保管期限 as printed on covers and labels (the document's words), each shown translated.
RETENTIONS = (tr_noop("永久"), tr_noop("30年"), tr_noop("10年"))


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
    (a long product name) set the options column's least width and left the
    preview a strip. (Set before any item is added: Qt keeps the least width it worked
    out from the items.)"""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    return box


class PrintChoice(QWidget):
    """The printout chosen and its options (``options()``), for the print window."""

    changed = Signal()  # an option changed: a preview made before no longer fits

    def __init__(self, ledger: Ledger, runner: TaskRunner, parent: QWidget | None = None,
                 type_key: str | None = None, year: int | None = None,
                 record_id: int | None = None, product: str | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.runner = runner
        self._records_for = ""                    # which product the record list is for
        self._record_names: dict[int, str] = {}   # record id -> "党员活动记录", for file names
        self._build()
        self._fill(type_key, year, record_id, product)

    def _build(self) -> None:
        pack = self.ledger.pack
        self.product = narrow_combo()
        for p in PRODUCTS:
            self.product.addItem(tr(p.label), p.key)
            if p.needs and pack.type_for(p.needs) is None:
                # A 工会 or 关工委 keeps no 党费: the entry stays (indexes match PRODUCTS) but
                # cannot be chosen and is not listed.
                row = self.product.count() - 1
                self.product.model().item(row).setEnabled(False)  # type: ignore[attr-defined]
                self.product.view().setRowHidden(row, True)  # type: ignore[attr-defined]
        self.type_box = narrow_combo()
        for rt in pack.record_types:
            self.type_box.addItem(f"{pack.category(rt.category).label} · {rt.label}",  # i18n: data
                                  rt.key)
        self.year_box = narrow_combo()
        self.category_box = narrow_combo()
        self.category_box.addItem(tr("全部类别"), None)
        for c in pack.categories:
            self.category_box.addItem(c.label, c.key)
        self.record_box = narrow_combo()
        self.spine_box = QComboBox()
        for w in SPINES:
            self.spine_box.addItem(tr("{mm} 毫米").format(mm=w), float(w))
        self.spine_box.addItem(tr("自定义…"), None)
        self.spine_box.setCurrentIndex(SPINES.index(40))
        self.spine_custom = QDoubleSpinBox()
        self.spine_custom.setRange(10, 120)
        self.spine_custom.setSuffix(tr(" 毫米"))
        self.spine_custom.setValue(45)
        self.retention_box = QComboBox()
        for retention in RETENTIONS:
            self.retention_box.addItem(tr(retention), retention)
        self.volume_box = QSpinBox()
        self.volume_box.setRange(1, 999)
        # The emblem: the built-in vector drawing, or the official artwork file the user holds;
        # a 关工委 or 工会 prints none unless the user gives one (its pack names no emblem).
        self.party_emblem = bool(pack.emblem)
        self.emblem_box = narrow_combo()
        self.emblem_box.addItem(tr("内置矢量党徽") if self.party_emblem else tr("不印徽标"),
                                "")      # "" overrides the ledger setting
        setting = str(self.ledger.setting("emblem_path", "") or "")
        if setting:
            self.emblem_box.addItem(tr("台账设置的图片：{name}").format(name=Path(setting).name),
                                    setting)
            self.emblem_box.setCurrentIndex(1)
        self.emblem_box.addItem(tr("选择图片文件（PNG/JPG）…"), "choose")
        self.masked = QCheckBox(tr("身份证号、电话等部分隐藏\n（对外提供时请保持勾选）"))
        self.masked.setChecked(True)
        # 填报日期: empty means the period's end (or today while the period runs).
        self.filled_on = QLineEdit()
        self.filled_on.setPlaceholderText(tr("默认为所印年度的最后一天，如 2025-12-31"))
        self.filled = QCheckBox(tr("按台账记录填好实到人数和请假原因\n（默认留空，供会上签到）"))
        # (Two lines each: one long line would set the options column's least width and
        # leave the preview a strip in 特大字体.)
        self.duplex = QCheckBox(tr("双面打印\n（各部分从右页开始，页码在外侧）"))

        # 也可打印: the other printouts that fit where the user was (the selected meeting's
        # 记录页 and 签到表 beside its table), one click away; filled in by _offer().
        self.alternatives = QHBoxLayout()
        self.alternatives.setContentsMargins(0, 0, 0, 0)
        self.alternative_buttons: dict[str, QPushButton] = {}
        form = QFormLayout()
        form.addRow(tr("打印内容"), self.product)
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        spine_row = QWidget()
        spine_layout = QHBoxLayout(spine_row)
        spine_layout.setContentsMargins(0, 0, 0, 0)
        spine_layout.addWidget(self.spine_box)
        spine_layout.addWidget(self.spine_custom)
        for key, label, widget in (
                ("type", tr("记录类型"), self.type_box), ("year", tr("年度"), self.year_box),
                ("category", tr("类别"), self.category_box),
                ("record", tr("记录"), self.record_box),
                ("spine", tr("盒脊宽度"), spine_row),
                ("retention", tr("保管期限"), self.retention_box),
                ("volume", tr("卷号／起始盒号"), self.volume_box),
                ("emblem", tr("党徽") if self.party_emblem else tr("徽标"), self.emblem_box),
                ("filled_on", tr("填报日期"), self.filled_on), ("masked", "", self.masked),
                ("filled", "", self.filled), ("duplex", "", self.duplex)):
            lab = QLabel(label)
            form.addRow(lab, widget)
            self._rows[key] = (lab, widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.alternatives)
        layout.addLayout(form)

        self.product.currentIndexChanged.connect(self._product_changed)
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self.spine_box.currentIndexChanged.connect(self._spine_changed)
        self.emblem_box.activated.connect(self._emblem_chosen)
        for box in (self.type_box, self.category_box, self.record_box, self.spine_box,
                    self.spine_custom, self.retention_box, self.volume_box, self.masked,
                    self.emblem_box, self.filled, self.duplex):
            if isinstance(box, QComboBox):
                box.currentIndexChanged.connect(self._changed)
            elif isinstance(box, (QSpinBox, QDoubleSpinBox)):
                box.valueChanged.connect(self._changed)
            else:
                box.toggled.connect(self._changed)
        self.filled_on.textChanged.connect(self._changed)

    def _fill(self, type_key: str | None, year: int | None, record_id: int | None,
              product: str | None = None) -> None:
        years = self.ledger.years()
        if year is None and record_id is not None:
            with contextlib.suppress(LedgerError):   # a record deleted meanwhile: any year
                year = self.ledger.records.get(record_id).year   # the record's own year
        this_year = year or (years[0] if years else date.today().year)
        for y in sorted(set(years) | {this_year}, reverse=True):
            self.year_box.addItem(tr("{year}年").format(year=y), y)
        self.year_box.addItem(tr("全部年度"), ALL_YEARS)
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
        self.alternatives.addWidget(QLabel(tr("也可打印：")))
        for key in keys:
            button = QPushButton(tr(ALTERNATIVE_LABELS[key]))
            button.setObjectName(f"alternative_{key}")
            button.clicked.connect(lambda _c=False, k=key: self.choose_product(k))
            self.alternatives.addWidget(button)
            self.alternative_buttons[key] = button
        self.alternatives.addStretch(1)

    def _changed(self) -> None:
        self.changed.emit()

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
        model = self.year_box.model()
        item = model.item(all_index) if isinstance(model, QStandardItemModel) else None
        if item is not None:   # a combo box's own model is a QStandardItemModel
            item.setEnabled("year_or_all" in options)
        if "year_or_all" not in options and self.year_box.currentData() == ALL_YEARS:
            self.year_box.setCurrentIndex(0)
        if self.current.key in ("record", "signin") and self._records_for != self.current.key:
            self._load_records()   # sign-in sheets are for meetings; record pages for more
        self._spine_changed()
        self._changed()

    def _spine_changed(self) -> None:
        self.spine_custom.setVisible("spine" in self.current.options
                                     and self.spine_box.currentData() is None)
        self._changed()

    def _emblem_chosen(self, index: int) -> None:
        if self.emblem_box.itemData(index) != "choose":
            return
        title = tr("选择党徽图片") if self.party_emblem else tr("选择徽标图片")
        path, _filter = QFileDialog.getOpenFileName(self, title, "",
                                                    tr("图片 (*.png *.jpg *.jpeg)"))
        if not path:
            self.emblem_box.setCurrentIndex(0)
            return
        self.set_emblem(path)

    def set_emblem(self, path: str) -> None:
        """Use the user's own artwork file (kept in proportion, never stretched)."""
        at = self.emblem_box.findData(path)
        if at < 0:
            at = self.emblem_box.count() - 1
            self.emblem_box.insertItem(at, tr("图片：{name}").format(name=Path(path).name), path)
        self.emblem_box.setCurrentIndex(at)

    def _year_changed(self) -> None:
        self._load_records()
        self._changed()

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
                    kinds = rt.read(values, "meeting_kinds") or []
                    kind = "、".join(kinds) or rt.label  # i18n: data

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
                self.record_box.addItem(tr("（这一年度没有会议记录）") if meetings_only
                                        else tr("（这一年度没有可打印的会议或活动记录）"), None)
            wanted = self._wanted_record
            if wanted is not None and self.record_box.findData(wanted) < 0 \
                    and not meetings_only:   # another year's record: still offered
                self.record_box.addItem(tr("记录 #{id}").format(id=wanted), wanted)
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
            "retention": self.retention_box.currentData(),
            "volume": self.volume_box.value(),
            "masked": self.masked.isChecked(),
            "filled_on": self.filled_on.text().strip() or None,
            "filled": self.filled.isChecked(),
            "duplex": self.duplex.isChecked(),
        }

    def suggested_name(self) -> str:
        """The file name offered: the document's own Chinese title, in either language."""
        o = self.options()
        year = f"{o['year']}年" if o["year"] else ""  # i18n: data
        name = {"table": self.type_box.currentText().split(" · ")[-1],
                "binder": "台账装订册", "cover": "封面",  # i18n: data
                "labels": "档案盒标签", "dues": "党费收缴登记表",  # i18n: data
                "signin": "签到表", "checklist": "台账自查表",  # i18n: data
                "record": self._record_names.get(o["record_id"], "记录")  # i18n: data
                }[o["product"]]
        return f"{self.ledger.org_name}-{year}{name}.pdf"

