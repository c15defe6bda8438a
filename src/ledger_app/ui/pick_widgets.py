"""Editors for fields filled by picking: choice, multi-choice, yes/no, member(s)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QWidget

from ledger_app.forms.model import Field
from ledger_app.ui.field_widgets import FieldEditor
from ledger_app.ui.i18n import tr
from ledger_app.ui.member_picker import MemberInfo, MemberPicker, MembersPicker


class ChoiceEditor(FieldEditor):
    discrete = True

    def __init__(self, field: Field):
        super().__init__(field)
        self.combo = QComboBox()
        self.combo.setMinimumWidth(120)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.watch_focus(self.combo)
        self.widget = self.combo
        self._fill(None)

    def _fill(self, extra: str | None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        # An empty entry unless a default exists: a required choice must be made, not
        # slip through as whatever happened to be first in the list.
        if not (self.field.required and self.field.default is not None):
            self.combo.addItem("", "")
        for choice in self.field.choices:
            self.combo.addItem(choice, choice)
        if extra and extra not in self.field.choices:
            self.combo.addItem(tr("{value}（不在可选项中）").format(value=extra), extra)
        self.combo.blockSignals(False)

    def raw(self) -> Any:
        return self.combo.currentData() or ""

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        self._fill(text)
        index = self.combo.findData(text)
        self.combo.setCurrentIndex(max(index, 0))


class MultiChoiceEditor(FieldEditor):
    discrete = True
    COLUMNS = 4

    def __init__(self, field: Field):
        super().__init__(field)
        self.widget = QWidget()
        self.grid = QGridLayout(self.widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.boxes: list[QCheckBox] = []
        for choice in field.choices:
            self._add_box(choice)

    def _add_box(self, choice: str) -> QCheckBox:
        box = QCheckBox(choice)
        box.setProperty("choice", choice)
        box.toggled.connect(lambda _on: self.changed.emit())
        self.watch_focus(box)
        n = len(self.boxes)
        self.grid.addWidget(box, n // self.COLUMNS, n % self.COLUMNS)
        self.boxes.append(box)
        return box

    def raw(self) -> Any:
        return [b.property("choice") for b in self.boxes if b.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = list(value or [])
        for item in chosen:
            if item not in [b.property("choice") for b in self.boxes]:
                self._add_box(item).setText(tr("{value}（不在可选项中）").format(value=item))
        for b in self.boxes:
            b.blockSignals(True)
            b.setChecked(b.property("choice") in chosen)
            b.blockSignals(False)

    def focus_widgets(self) -> list[QWidget]:
        return list(self.boxes)


class BoolEditor(FieldEditor):
    discrete = True

    def __init__(self, field: Field):
        super().__init__(field)
        self.box = QCheckBox(tr("是"))
        self.box.toggled.connect(lambda _on: self._toggled())
        self.watch_focus(self.box)
        self.widget = self.box
        self._unset = False

    def _toggled(self) -> None:
        self._unset = False
        self.changed.emit()

    def raw(self) -> Any:
        # A stored "not filled in" stays so until the box is touched, so opening and
        # closing an old record changes nothing.
        return None if self._unset else self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(bool(value))
        self.box.blockSignals(False)
        self._unset = value is None


class MemberEditor(FieldEditor):
    # Typing part of a name filters the list; "not on the roster" waits until the person
    # moves on, as with any typed field.
    discrete = False

    def __init__(self, field: Field):
        super().__init__(field)
        self.picker = MemberPicker()
        self.picker.setMinimumWidth(180)
        self.picker.picked.connect(self.changed.emit)
        edit = self.picker.lineEdit()
        assert edit is not None  # the picker is an editable combo box
        edit.textEdited.connect(lambda _t: self.changed.emit())
        self.watch_focus(self.picker)
        self.widget = self.picker

    def set_roster(self, members: list[MemberInfo]) -> None:
        self.picker.set_roster(members)

    def raw(self) -> Any:
        return self.picker.member_id()  # raises ValueError for a name not on the roster

    def value(self) -> Any:
        return self.raw()

    def snapshot(self) -> Any:
        try:
            return ("value", self.picker.member_id())
        except ValueError:
            return ("raw", self.picker.currentText())

    def set_value(self, value: Any) -> None:
        self.picker.set_member_id(value)


class MembersEditor(FieldEditor):
    discrete = True

    def __init__(self, field: Field):
        super().__init__(field)
        self.picker = MembersPicker(tr("选择{field}").format(field=field.label))
        self.picker.picked.connect(self.changed.emit)
        self.widget = self.picker

    def set_roster(self, members: list[MemberInfo]) -> None:
        self.picker.set_roster(members)

    def raw(self) -> Any:
        return self.picker.member_ids()

    def set_value(self, value: Any) -> None:
        self.picker.set_member_ids(list(value or []))

    def focus_widgets(self) -> list[QWidget]:
        return [self.picker.choose_button, self.picker.clear_button]
