"""Editors for typed fields (text, dates, numbers, money) and the interface all editors share.

An editor holds what the person typed (``raw``), turns it into the stored value
with ``forms.values.coerce`` and names the problem with ``forms.values.check`` —
the same rules the store applies, so the form never accepts what a save would
refuse. ``changed`` fires on every edit, ``left`` when the person moves on; the
form decides when to show a problem.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ledger_app.forms import values as fv
from ledger_app.forms.model import Field
from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.qt_locale import plain_calendar

REQUIRED = tr_noop("必填")  # what forms.values.check says of an empty required field


class FieldEditor(QObject):
    """The common face of every field's widget."""

    changed = Signal()
    left = Signal()
    # Picks (a combo, a tick box) are finished the moment they happen; typing is not.
    discrete = False

    def __init__(self, field: Field):
        super().__init__()
        self.field = field
        self.widget: QWidget = QWidget()

    # -- to implement ---------------------------------------------------------------------
    def raw(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored value (or the declared default for a new record)."""
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        """Widgets in Tab order; the first one gets focus when the field has a problem."""
        return [self.widget]

    def normalise(self) -> None:
        """Rewrite what was typed in its canonical form (2025.3.5 → 2025-03-05)."""

    # -- shared -----------------------------------------------------------------------------
    def value(self) -> Any:
        return fv.coerce(self.field, self.raw())

    def problem(self) -> str | None:
        try:
            value = self.value()
        except (ValueError, TypeError) as exc:
            return str(exc)
        message = fv.check(self.field, value)
        # The core's word for an empty required field is the form's own word: in English.
        return tr(message) if message == REQUIRED else message

    def snapshot(self) -> Any:
        """Comparable state, to tell whether anything changed since loading."""
        try:
            return ("value", self.value())
        except (ValueError, TypeError):
            return ("raw", self.raw())

    def watch_focus(self, *widgets: QWidget) -> None:
        """Emit ``left`` when focus leaves any of these widgets."""
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            try:
                self.normalise()
                self.left.emit()
            except RuntimeError:
                pass  # the dialog is being destroyed and focus leaves widgets already gone
        return False

    def set_help(self, text: str) -> None:
        for w in self.focus_widgets():
            w.setToolTip(text)


class TextEditor(FieldEditor):
    def __init__(self, field: Field):
        super().__init__(field)
        self.edit = QLineEdit()
        # No setMaxLength: an over-long imported value must not be cut silently on open;
        # the problem is named instead.
        self.edit.textEdited.connect(lambda _t: self.changed.emit())
        self.watch_focus(self.edit)
        self.widget = self.edit
        if field.format == "idcard":
            self.edit.setPlaceholderText(tr("18 位公民身份号码"))
        elif field.format == "phone":
            self.edit.setPlaceholderText(tr("手机或座机号码"))

    def raw(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))
        self.edit.setCursorPosition(0)

    def normalise(self) -> None:
        if self.field.format in ("idcard", "phone"):
            try:
                value = self.value()
            except ValueError:
                return
            if value is not None and value != self.edit.text():
                self.edit.setText(value)


class GroupEditor(TextEditor):
    """党小组: a drop-down of the groups in 组织设置 and in use, still free to type in (a new
    group is added in 组织设置, and an old name must stay readable)."""

    discrete = False

    def __init__(self, field: Field):
        super().__init__(field)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setLineEdit(self.edit)
        self.combo.setMinimumWidth(160)
        self.combo.activated.connect(self._picked)
        self.widget = self.combo

    def _picked(self, _index: int) -> None:
        self.changed.emit()
        self.left.emit()

    def set_groups(self, names: list[str]) -> None:
        text = self.edit.text()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(["", *names])
        self.combo.setEditText(text)
        self.combo.blockSignals(False)

    def groups(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(1, self.combo.count())]

    def set_value(self, value: Any) -> None:
        self.combo.setEditText("" if value is None else str(value))
        self.edit.setCursorPosition(0)


class _CompactPlainTextEdit(QPlainTextEdit):
    """About five lines to start with, so a form of several long texts fits a screen;
    where room is left (a short form), the layout lets it grow."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), 110)


class LongTextEditor(FieldEditor):
    def __init__(self, field: Field):
        super().__init__(field)
        self.edit = _CompactPlainTextEdit()
        self.edit.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the form
        self.edit.setMinimumHeight(84)
        self.edit.textChanged.connect(self.changed.emit)
        self.watch_focus(self.edit)
        self.widget = self.edit

    def raw(self) -> Any:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class _LineEditor(FieldEditor):
    """A line edit for typed values that are checked and tidied on leaving."""

    placeholder = ""

    def __init__(self, field: Field):
        super().__init__(field)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr(self.placeholder) if self.placeholder else "")
        self.edit.textEdited.connect(lambda _t: self.changed.emit())
        self.watch_focus(self.edit)
        self.widget = self.edit

    def raw(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText(self.display(value))

    def display(self, value: Any) -> str:
        return "" if value is None else str(value)

    def normalise(self) -> None:
        try:
            value = self.value()
        except (ValueError, TypeError):
            return
        text = self.display(value)
        if text != self.edit.text():
            self.edit.setText(text)

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]


class DateEditor(_LineEditor):
    """A typed date (2025-03-15, 2025.3.15, 2025年3月15日) with a calendar to pick from;
    a field declared ``precision = "month"`` also takes 2025-03, 2025.3 or 2025年3月."""

    placeholder = tr_noop("如 2025-03-15")

    def __init__(self, field: Field):
        super().__init__(field)
        if field.month_precision:
            self.edit.setPlaceholderText(tr("2025-03-15 或 2025-03"))
        self.edit.setMaximumWidth(150)
        self.button = QToolButton()
        self.button.setText(tr("日历"))
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.button.setToolTip(tr("从日历中选择日期"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users type the date
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = plain_calendar(QCalendarWidget())
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._show_current)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.button.setMenu(menu)
        self.menu = menu
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.button)
        row.addStretch(1)
        box.setFocusProxy(self.edit)
        self.widget = box

    def _show_current(self) -> None:
        parsed = fv.parse_date(self.edit.text())
        day = QDate.fromString(parsed, "yyyy-MM-dd") if parsed else QDate.currentDate()
        self.calendar.setSelectedDate(day)

    def _picked(self, day: QDate) -> None:
        self.edit.setText(day.toString("yyyy-MM-dd"))
        self.menu.hide()
        self.changed.emit()
        self.left.emit()


class MonthEditor(_LineEditor):
    """A year and month only (党费交至 2025年3月): no day is invented."""

    placeholder = tr_noop("如 2025-03")

    def __init__(self, field: Field):
        super().__init__(field)
        self.edit.setMaximumWidth(150)


class IntegerEditor(_LineEditor):
    def __init__(self, field: Field):
        super().__init__(field)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMaximumWidth(150)


class MoneyEditor(_LineEditor):
    """元 with two decimals on screen; stored as whole 分."""

    placeholder = "0.00"

    def __init__(self, field: Field):
        super().__init__(field)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMaximumWidth(150)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(QLabel(tr("元")))
        row.addStretch(1)
        box.setFocusProxy(self.edit)
        self.widget = box

    def display(self, value: Any) -> str:
        return fv.format_money(value) if isinstance(value, int) else ""
