"""组织设置 → 检查规则: the [local] cadence values this ledger applies, each beside the pack's
default and its source, the 换届 warning, the day the electronic ledger begins, and the
发展党员 checks whose value is a setting (政审 valid for 12 months).

The settings are the ones the rules read (``forms.cadence.with_overrides`` for ``cadence``,
``rules.gather`` for ``term_warn_months`` and ``kept_since``, ``rules.development`` for a
step check's ``setting``); only a cadence or step value that differs from the default is
stored, so a later change of the pack's default reaches every ledger that kept it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ledger_app.forms import dates
from ledger_app.forms.cadence import PERIODS
from ledger_app.ui.i18n import tr, tr_noop

if TYPE_CHECKING:
    from ledger_app.forms.development import DevelopmentPlan
    from ledger_app.forms.model import Requirement

DEFAULT_WARN_MONTHS = 6   # rules.gather's default: warn half a year before the term ends
# forms.cadence.PERIODS as the window says them.
PERIOD_TEXTS = {"month": tr_noop("每月"), "quarter": tr_noop("每季度"),
                "half_year": tr_noop("每半年"), "year": tr_noop("每年")}


def period_text(every: str) -> str:
    return tr(PERIOD_TEXTS[every]) if every in PERIOD_TEXTS else PERIODS[every]


def rule_text(every: str, count: int) -> str:
    return tr("{period} {n} 次").format(period=period_text(every), n=count)


class RequirementRow:
    """A [local] requirement's period and count, with its default beside."""

    def __init__(self, req: Requirement):
        self.req = req
        self.every = QComboBox()
        for key in PERIODS:
            self.every.addItem(period_text(key), key)
        self.every.setAccessibleName(tr("{meeting}的周期").format(meeting=req.label))
        self.count = QSpinBox()
        self.count.setRange(1, 31)
        self.count.setSuffix(tr(" 次"))
        self.count.setAccessibleName(tr("{meeting}每期次数").format(meeting=req.label))
        self.default = QLabel(tr("默认：{rule}").format(rule=rule_text(req.every, req.count)))
        self.default.setStyleSheet("color:#555")
        self.default.setToolTip(req.source)
        self.set(None)

    def set(self, override: Any) -> None:
        every, count = self.req.every, self.req.count
        if isinstance(override, dict):
            if override.get("every") in PERIODS:
                every = override["every"]
            if isinstance(override.get("count"), int) and override["count"] >= 1:
                count = override["count"]
        self.every.setCurrentIndex(self.every.findData(every))
        self.count.setValue(count)

    def override(self) -> dict[str, Any] | None:
        every, count = self.every.currentData(), self.count.value()
        if every == self.req.every and count == self.req.count:
            return None
        return {"every": every, "count": count}


class RulesSettings(QGroupBox):
    """``set_values(settings)``, ``values()`` (the settings to store), ``problems()``."""

    def __init__(self, requirements: tuple[Requirement, ...], parent: QWidget | None = None,
                 development: DevelopmentPlan | None = None,
                 basis: str = ""):
        """``basis``: what the other meetings are checked against (the pack's own, e.g.
        《中国共产党支部工作条例（试行）》等)."""
        super().__init__(tr("检查规则（本地做法）"), parent)
        self.setObjectName("rulesSettings")
        grid = QGridLayout(self)
        self.rows: dict[str, RequirementRow] = {}
        local = [r for r in requirements if r.local and r.scope != "pairs"]
        if local:
            grid.addWidget(self._grey(tr("各地对下面这些会议的次数要求不同，可按本地要求修改；其余会议"
                                         "按{basis}规定检查。").format(basis=basis)),
                           0, 0, 1, 4)
        for n, req in enumerate(local, start=1):
            row = RequirementRow(req)
            self.rows[req.key] = row
            grid.addWidget(QLabel(req.label), n, 0)
            grid.addWidget(row.every, n, 1)
            grid.addWidget(row.count, n, 2)
            grid.addWidget(row.default, n, 3)
        n = len(local) + 1
        self.warn_months = QSpinBox()
        self.warn_months.setRange(1, 24)
        self.warn_months.setSuffix(tr(" 个月"))
        self.warn_months.setAccessibleName(tr("换届提前提醒月数"))
        grid.addWidget(QLabel(tr("换届提前提醒")), n, 0)
        grid.addWidget(self.warn_months, n, 1, 1, 2)
        grid.addWidget(self._grey(tr("默认：提前 {n} 个月").format(n=DEFAULT_WARN_MONTHS)), n, 3)
        self.kept_since = QLineEdit()
        self.kept_since.setPlaceholderText(tr("如 2025-01-01"))
        self.kept_since.setAccessibleName(tr("电子台账启用日期"))
        grid.addWidget(QLabel(tr("电子台账启用日期")), n + 1, 0)
        grid.addWidget(self.kept_since, n + 1, 1, 1, 2)
        grid.addWidget(self._grey(tr("留空：从第一次会议记录的月份算起；之前的期间按纸质台账，不检查")),
                       n + 1, 3)
        # setting key -> (its box, the pack's default months)
        self.step_values: dict[str, tuple[QSpinBox, int]] = {}
        first = n + 2
        for line, (step, check) in enumerate(development.settings() if development else (),
                                             first):
            box = QSpinBox()
            box.setRange(1, 60)
            box.setSuffix(tr(" 个月"))
            label = tr("{step}有效期").format(step=step.label)
            box.setAccessibleName(label)
            default = self._grey(tr("默认：{n} 个月").format(n=int(check.get("months"))))
            default.setToolTip(check.rule)
            grid.addWidget(QLabel(label), line, 0)
            grid.addWidget(box, line, 1, 1, 2)
            grid.addWidget(default, line, 3)
            self.step_values[str(check.get("setting"))] = (box, int(check.get("months")))
        grid.setColumnStretch(3, 1)

    @staticmethod
    def _grey(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("color:#555")
        label.setWordWrap(True)
        return label

    def set_values(self, settings: dict[str, Any]) -> None:
        cadence = settings.get("cadence")
        overrides = cadence if isinstance(cadence, dict) else {}
        for key, row in self.rows.items():
            row.set(overrides.get(key))
        months = settings.get("term_warn_months")
        self.warn_months.setValue(int(months) if isinstance(months, int) and months > 0
                                  else DEFAULT_WARN_MONTHS)
        self.kept_since.setText(str(settings.get("kept_since") or ""))
        for key, (box, default) in self.step_values.items():
            value = settings.get(key)
            box.setValue(value if isinstance(value, int) and value > 0 else default)

    def values(self) -> dict[str, Any]:
        overrides = {key: o for key, row in self.rows.items() if (o := row.override())}
        kept = self.kept_since.text().strip()
        span = dates.span(kept)
        steps = {key: box.value() if box.value() != default else None
                 for key, (box, default) in self.step_values.items()}
        return {"cadence": overrides, "term_warn_months": self.warn_months.value(),
                "kept_since": span.first.isoformat() if kept and span else kept, **steps}

    def problems(self) -> list[str]:
        kept = self.kept_since.text().strip()
        if kept and (dates.span(kept) is None):
            return [tr("电子台账启用日期“{value}”不是有效日期，请写成 2025-01-01。").format(value=kept)]

        return []


def controls(widget: RulesSettings) -> list[QWidget]:
    """The focusable controls in reading order (for the dialog's tab order)."""
    out: list[QWidget] = []
    for row in widget.rows.values():
        out += [row.every, row.count]
    return out + [widget.warn_months, widget.kept_since,
                  *(box for box, _default in widget.step_values.values())]

