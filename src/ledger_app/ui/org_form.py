"""The organisation's settings as a form: used for a new ledger and for 组织设置."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ledger_app.forms import values as fv
from ledger_app.forms.packs import installed_pack, org_types, pack_for_org_type
from ledger_app.rules.dues import DEFAULT_ROUNDING, ROUNDINGS
from ledger_app.ui.i18n import tr, tr_noop

# The organisation's settings a ledger keeps, with the words the form shows; a pack may
# name three in its own words (org_labels: 上级关工委, 执行主任 …), which are its data.
LABELS = {
    "org_name": tr_noop("组织名称"),
    "org_type": tr_noop("组织类型"),
    "parent_org": tr_noop("上级党组织"),
    "secretary": tr_noop("书记"),
    "term_start": tr_noop("本届任期开始"),
    "term_years": tr_noop("任期（年）"),
    "party_groups": tr_noop("党小组"),
    "dues_rounding": tr_noop("党费取整"),
}
# rules.dues.ROUNDINGS' units as the choice reads.
ROUNDING_TEXTS = {"分": tr_noop("到分"), "角": tr_noop("到角"), "元": tr_noop("到元")}  # i18n: data


class OrgForm(QWidget):
    """Fields of LABELS; ``values()`` gives the settings dict, ``problems()`` what is wrong."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, pack_key: str | None = None):
        """``pack_key``: the 组织设置 of an existing ledger offers only its own pack's types
        (a 党支部 ledger cannot become a 工会 one by a setting); a new ledger offers all."""
        super().__init__(parent)
        self.org_name = QLineEdit()
        self.org_type = QComboBox()
        self.org_type.setObjectName("orgType")
        for org_type, key in org_types():
            if pack_key is None or key == pack_key:
                self.org_type.addItem(org_type, key)
        self.parent_org = QLineEdit()
        self.secretary = QLineEdit()
        self.term_start = QLineEdit()
        self.term_start.setPlaceholderText(tr("如 2024-01-01"))
        self.term_years = QSpinBox()
        self.term_years.setRange(1, 10)
        self.term_years.setValue(5)
        self.term_years.setSuffix(tr(" 年"))
        self.party_groups = QPlainTextEdit()
        self.party_groups.setTabChangesFocus(True)
        self.party_groups.setFixedHeight(90)
        # RULES.md §3: rounding is not fixed nationally; the branch chooses, default 分.
        self.dues_rounding = QComboBox()
        for unit in ROUNDINGS:
            self.dues_rounding.addItem(tr(ROUNDING_TEXTS.get(unit, unit)), unit)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.setWordWrap(True)

        layout = QFormLayout(self)
        self._layout = layout
        layout.addRow(tr(LABELS["org_name"]) + " *", self.org_name)
        for key, widget in (("org_type", self.org_type), ("parent_org", self.parent_org),
                            ("secretary", self.secretary), ("term_start", self.term_start),
                            ("term_years", self.term_years), ("party_groups", self.party_groups),
                            ("dues_rounding", self.dues_rounding)):
            layout.addRow(tr(LABELS[key]), widget)
        layout.addRow("", self.problem_label)

        for edit in (self.org_name, self.parent_org, self.secretary, self.term_start):
            edit.textChanged.connect(self.changed)
        self.party_groups.textChanged.connect(self.changed)
        self.org_type.currentIndexChanged.connect(self.changed)
        self.org_type.currentIndexChanged.connect(self._relabel)
        self._relabel()

    def pack_key(self) -> str:
        """The pack a new ledger of the chosen 组织类型 is kept with."""
        return str(self.org_type.currentData() or pack_for_org_type(self.org_type.currentText()))

    def _relabel(self) -> None:
        """The pack's own names for 上级党组织, 书记, 党小组 (上级关工委, 执行主任 …); a
        pack without 党费 records has no 党费取整, and examples of its own kind."""
        pack = installed_pack(self.pack_key())
        own = dict(pack.org_labels)   # the pack's data
        self._layout.setRowVisible(self.dues_rounding, pack.type_for("dues") is not None)
        if "parent_org" in own:
            self.org_name.setPlaceholderText(tr("如：某某街道{kind}").format(kind=pack.short_label))
            self.parent_org.setPlaceholderText(tr("如：某某区{kind}").format(kind=pack.short_label))
        else:
            self.org_name.setPlaceholderText(tr("如：某某街道某某社区党支部"))
            self.parent_org.setPlaceholderText(tr("如：某某街道党工委"))
        labels = {key: own.get(key) or tr(LABELS[key]) for key in LABELS}
        for key, widget in (("parent_org", self.parent_org), ("secretary", self.secretary),
                            ("party_groups", self.party_groups)):
            label = self._layout.labelForField(widget)
            if label is not None:
                label.setText(labels[key])  # type: ignore[attr-defined]
        self.party_groups.setPlaceholderText(
            tr("每行一个{groups}的名称").format(groups=own["party_groups"])
            if "party_groups" in own else tr("每行一个，如：\n第一党小组\n第二党小组"))

    def set_values(self, settings: dict[str, Any]) -> None:
        self.org_name.setText(str(settings.get("org_name") or ""))
        org_type = str(settings.get("org_type") or self.org_type.itemText(0))
        if self.org_type.findText(org_type) < 0:
            self.org_type.addItem(org_type, pack_for_org_type(org_type))
        self.org_type.setCurrentText(org_type)
        self.parent_org.setText(str(settings.get("parent_org") or ""))
        self.secretary.setText(str(settings.get("secretary") or ""))
        self.term_start.setText(str(settings.get("term_start") or ""))
        self.term_years.setValue(int(settings.get("term_years") or 5))
        self.party_groups.setPlainText("\n".join(settings.get("party_groups") or []))
        rounding = self.dues_rounding.findData(settings.get("dues_rounding") or DEFAULT_ROUNDING)
        self.dues_rounding.setCurrentIndex(max(rounding, 0))

    def values(self) -> dict[str, Any]:
        groups = [g.strip() for g in self.party_groups.toPlainText().splitlines() if g.strip()]
        term_start = self.term_start.text().strip()
        return {
            "org_name": self.org_name.text().strip(),
            "org_type": self.org_type.currentText(),
            "parent_org": self.parent_org.text().strip(),
            "secretary": self.secretary.text().strip(),
            "term_start": fv.parse_date(term_start) or term_start,
            "term_years": self.term_years.value(),
            "party_groups": list(dict.fromkeys(groups)),  # drop repeats, keep order
            "dues_rounding": self.dues_rounding.currentData(),
        }

    def problems(self) -> list[str]:
        found: list[str] = []
        values = self.values()
        if not values["org_name"]:
            found.append(tr("请填写组织名称。"))
        if values["term_start"] and not fv.parse_date(values["term_start"]):
            found.append(tr("任期开始“{value}”不是有效日期，请写成 {year}-01-01。").format(
                value=values["term_start"], year=date.today().year))

        return found

    def show_problems(self) -> bool:
        """Show what is wrong beside the form; True when nothing is."""
        found = self.problems()
        self.problem_label.setText("\n".join(found))
        return not found
