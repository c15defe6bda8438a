"""Two small charts on the home page, where a secretary would rather look than read:
meetings held against required per quarter, and attendance rate per meeting; ``ChartsBox``
holds both under their captions and fills them from the year's report."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ledger_app.ui.i18n import tr
from ledger_app.ui.period_words import SHORT_QUARTERS, day_text, month_name

if TYPE_CHECKING:
    from ledger_app.rules.check import Report

HELD = QColor("#4a9a48")
SHORT = QColor("#d9534f")
OPEN = QColor("#e8b62c")      # a quarter still running (or ahead): not yet short
REQUIRED = QColor("#e4e4e4")
AXIS = QColor("#999999")


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:
        return QSize(300, 130)


class QuarterChart(_Chart):
    """Per quarter a grey bar for what was required and a green one for what was held."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.totals: list[tuple[str, int, int]] = []
        self.states: list[str] = []
        self.setAccessibleName(tr("每季度会议已开与应开"))

    def set_totals(self, totals: list[tuple[str, int, int]], states: list[str]) -> None:
        """``states``: per quarter over, running or future (rules.periods.state)."""
        self.totals = totals
        self.states = states
        self.setToolTip("\n".join(
            tr("{quarter}：应开 {required} 次，已开 {held} 次").format(
                quarter=self._quarter(n, label), required=req, held=held)
            for n, (label, req, held) in enumerate(totals)))
        self.update()

    def _quarter(self, n: int, label: str) -> str:
        """The n-th quarter's short name ("三季" / "Q3"), else the rules' own label."""
        return tr(SHORT_QUARTERS[n]) if len(self.totals) == len(SHORT_QUARTERS) else label

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.totals:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        text_h = fm.height()
        top, bottom = text_h + 4, self.height() - text_h - 4
        most = max((req for _l, req, _h in self.totals), default=0) or 1
        slot = self.width() / len(self.totals)
        for n, (label, required, held) in enumerate(self.totals):
            x = n * slot + slot * 0.22
            w = slot * 0.56
            full = (bottom - top) * required / most
            p.fillRect(QRectF(x, bottom - full, w, full), REQUIRED)
            got = (bottom - top) * min(held, required) / most
            over = n >= len(self.states) or self.states[n] == "over"
            p.fillRect(QRectF(x, bottom - got, w, got),
                       HELD if held >= required else SHORT if over else OPEN)
            p.setPen(Qt.GlobalColor.black)
            p.drawText(QRectF(n * slot, bottom - full - text_h - 2, slot, text_h),
                       Qt.AlignmentFlag.AlignCenter, f"{held}/{required}")
            p.setPen(AXIS)
            p.drawText(QRectF(n * slot, bottom + 2, slot, text_h), Qt.AlignmentFlag.AlignCenter,
                       self._quarter(n, label))
        p.drawLine(QPointF(0, bottom), QPointF(self.width(), bottom))
        p.end()


class AttendanceChart(_Chart):
    """Per meeting with attendance taken, its 实到/应到 as a dot over the year."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rates: list[tuple[dt.date, str, float]] = []
        self.year = dt.date.today().year
        self.setAccessibleName(tr("每次会议的到会率"))

    def set_rates(self, year: int, rates: list[tuple[dt.date, str, float]]) -> None:
        self.year = year
        self.rates = rates
        if rates:
            average = sum(r for _d, _t, r in rates) / len(rates)
            low = min(rates, key=lambda r: r[2])
            self.setToolTip(tr("{n} 次会议记了到会情况，平均到会率 {average}；"
                               "最低 {lowest}（{day} {topic}）").format(
                n=len(rates), average=f"{average:.0%}", lowest=f"{low[2]:.0%}",
                day=day_text(low[0]), topic=low[1]))
        else:
            self.setToolTip(tr("本年度还没有记到会情况的会议"))
        self.update()

    def _frame(self) -> tuple[float, float, float, float]:
        fm = self.fontMetrics()
        return fm.horizontalAdvance("100%") + 6, self.width() - 4, 6, self.height() - fm.height() - 4

    def _points(self) -> list[tuple[float, float]]:
        left, right, top, bottom = self._frame()
        start = dt.date(self.year, 1, 1)
        days = (dt.date(self.year, 12, 31) - start).days or 1
        return [(left + (right - left) * (day - start).days / days,
                 bottom - (bottom - top) * min(rate, 1.0)) for day, _t, rate in self.rates]

    def event(self, e: QEvent) -> bool:
        """Hovering a dot names its meeting and rate."""
        if e.type() == QEvent.Type.ToolTip and self.rates:
            pos = e.pos()  # type: ignore[attr-defined]
            near = min(zip(self.rates, self._points()),
                       key=lambda rp: (rp[1][0] - pos.x()) ** 2 + (rp[1][1] - pos.y()) ** 2)
            (day, topic, rate), (x, y) = near
            if (x - pos.x()) ** 2 + (y - pos.y()) ** 2 <= 64:
                QToolTip.showText(e.globalPos(),  # type: ignore[attr-defined]
                                  tr("{day} {topic}：到会率 {rate}").format(
                                      day=day_text(day), topic=topic, rate=f"{rate:.0%}"),
                                  self)
                return True
        return super().event(e)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        left, right, top, bottom = self._frame()
        p.setPen(AXIS)
        for share in (0.5, 1.0):
            y = bottom - (bottom - top) * share
            p.drawText(QRectF(0, y - fm.height() / 2, left - 4, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{share:.0%}")
            p.setPen(QPen(REQUIRED, 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(left, y), QPointF(right, y))
            p.setPen(AXIS)
        p.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        span = (right - left) / 12
        for month in (1, 4, 7, 10):
            p.drawText(QRectF(left + span * (month - 1), bottom + 2, span * 3, fm.height()),
                       Qt.AlignmentFlag.AlignLeft, month_name(month))
        if not self.rates:
            # Wrapped inside the plot: a longer translation would spill over the 50% label.
            p.drawText(QRectF(left, top, right - left, bottom - top),
                       int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                       tr("还没有记到会情况的会议"))
            p.end()
            return
        for (_day, _topic, rate), (x, y) in zip(self.rates, self._points()):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(HELD if rate >= 0.8 else SHORT)
            p.drawEllipse(QPointF(x, y), 2.6, 2.6)
        p.end()


class ChartsBox(QGroupBox):
    """The home page's 图表 box: the two charts, each under its caption."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(tr("图表"), parent)
        self.quarter_chart = QuarterChart()
        self.attendance_chart = AttendanceChart()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        for caption, chart in ((tr("每季度会议：已开/应开"), self.quarter_chart),
                               (tr("每次会议到会率（实到/应到）"), self.attendance_chart)):
            label = QLabel(caption)
            label.setWordWrap(True)   # the side column is narrow; English and 特大字体 wrap
            layout.addWidget(label)
            layout.addWidget(chart)

    def set_report(self, report: Report) -> None:
        from ledger_app.rules import periods

        self.quarter_chart.set_totals(report.quarter_totals(), [
            periods.state(q, report.as_of) for q in periods.quarters(report.year)])
        self.attendance_chart.set_rates(report.year, report.attendance_rates())
