"""Picking members from the roster for member / members fields.

The roster arrives already read (``MemberInfo`` list from the dialog's background
load), so picking never touches the database. Members who have left stay in the
list — an old meeting's chair may have transferred out since — but are marked and
greyed so nobody picks them by mistake for something new.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledger_app.ui.i18n import tr

LEFT_COLOUR = QColor("#888888")


# The status of someone whose roster record is gone (a status as 转出 is, for the label).
DELETED = "删除"  # i18n: data


@dataclass(frozen=True)
class MemberInfo:
    id: int
    name: str
    party_group: str = ""
    status: str = ""               # empty while on the roll; else why they left (转出 …)

    @property
    def left(self) -> bool:
        return bool(self.status)

    @property
    def label(self) -> str:
        """What a list shows: name, 党小组 and, for those who left, why."""
        parts = [self.name]
        if self.party_group:
            parts.append(self.party_group)
        text = " · ".join(parts)
        if self.status == DELETED:
            return tr("{name}（已删除）").format(name=text)
        return tr("{name}（已{status}）").format(name=text, status=self.status) if self.left \
            else text


def member_infos(records: Iterable[Any], people: Any) -> list[MemberInfo]:
    """Roster records (store Record objects) → MemberInfo, members on the roll first;
    ``people`` is the roster's record type, whose roles name the fields."""
    active = people.value_for("status", "active")
    infos = []
    for r in records:
        status = str(people.read(r, "status") or "")
        infos.append(MemberInfo(r.id, str(people.read(r, "person_name") or f"#{r.id}"),
                                str(people.read(r, "group") or ""),
                                "" if status == active else status))
    return sorted(infos, key=lambda m: (m.left, m.party_group, m.name))


def unknown_member(member_id: int) -> MemberInfo:
    """A stored id that no longer names a roster record: shown, never silently dropped."""
    return MemberInfo(member_id, tr("已删除的人员 #{id}").format(id=member_id), "", DELETED)


class MemberPicker(QComboBox):
    """One member: type part of a name or 党小组 to filter, or open the list."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        edit = self.lineEdit()
        assert edit is not None  # an editable combo box has one
        edit.setPlaceholderText(tr("输入姓名筛选，或点右侧箭头选择"))
        self._members: dict[int, MemberInfo] = {}
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        # Matching anywhere in "name · 党小组" lets 一组 or a surname's second character find people.
        completer = QCompleter(self._model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.currentIndexChanged.connect(lambda _i: self.picked.emit())
        self.set_roster([])

    def set_roster(self, members: list[MemberInfo]) -> None:
        keep = self.member_id()
        self._members = {m.id: m for m in members}
        self.blockSignals(True)
        self._model.clear()
        self._model.appendRow(QStandardItem(""))
        for m in members:
            self._add_item(m)
        self.blockSignals(False)
        self.set_member_id(keep)

    def _add_item(self, m: MemberInfo) -> None:
        item = QStandardItem(m.label)
        item.setData(m.id, Qt.ItemDataRole.UserRole)
        if m.left:
            item.setForeground(QBrush(LEFT_COLOUR))
        self._model.appendRow(item)

    def set_member_id(self, member_id: int | None) -> None:
        if member_id is None:
            self.setCurrentIndex(0)
            self.setEditText("")
            return
        if member_id not in self._members:
            info = unknown_member(member_id)
            self._members[member_id] = info
            self._add_item(info)
        self.setCurrentIndex(self.findData(member_id, Qt.ItemDataRole.UserRole))

    def member_id(self) -> int | None:
        """The picked id; raises ValueError when the typed text names nobody on the roster."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex()
        if index > 0 and self.itemText(index) == text:
            return int(self.itemData(index, Qt.ItemDataRole.UserRole))
        # Typed but not picked from the list: accept an unambiguous name.
        matches = [m for m in self._members.values() if m.name == text or m.label == text]
        if len(matches) == 1:
            return matches[0].id
        if len(matches) > 1:
            raise ValueError(tr("名册中有 {n} 个“{name}”，请从列表中选择").format(
                n=len(matches), name=text))
        raise ValueError(tr("名册中没有“{name}”，请从列表中选择").format(name=text))


class MembersPicker(QWidget):
    """Several members: the names chosen, and a checklist dialog to change them."""

    picked = Signal()

    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._title = title or tr("选择人员")
        self._members: dict[int, MemberInfo] = {}
        self._chosen: list[int] = []
        self.display = QLineEdit()
        self.display.setReadOnly(True)
        self.display.setPlaceholderText(tr("未选择"))
        self.choose_button = QPushButton(tr("选择…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.open_chooser)
        self.clear_button = QPushButton(tr("清空"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(lambda: self.set_member_ids([], emit=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.choose_button)

    def set_roster(self, members: list[MemberInfo]) -> None:
        self._members = {m.id: m for m in members}
        self._show()

    def set_member_ids(self, ids: list[int], emit: bool = False) -> None:
        self._chosen = list(ids)
        self._show()
        if emit:
            self.picked.emit()

    def member_ids(self) -> list[int]:
        return list(self._chosen)

    def _info(self, member_id: int) -> MemberInfo:
        return self._members.get(member_id) or unknown_member(member_id)

    def _show(self) -> None:
        names = [self._info(i).name for i in self._chosen]
        text = tr("、").join(names)
        if len(names) > 3:
            text += tr("（共 {n} 人）").format(n=len(names))
        self.display.setText(text)
        self.display.setToolTip("\n".join(self._info(i).label for i in self._chosen))

    def open_chooser(self) -> None:
        members = list(self._members.values())
        for i in self._chosen:
            if i not in self._members:
                members.append(unknown_member(i))
        dialog = MemberChecklistDialog(self._title, members, self._chosen, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_member_ids(dialog.chosen_ids(), emit=True)


class MemberChecklistDialog(QDialog):
    """Tick members in a list that filters as you type."""

    def __init__(self, title: str, members: list[MemberInfo], chosen: list[int],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(380, 480)
        self._order = list(chosen)  # keep the order people were chosen in
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("输入姓名或小组筛选"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        for m in members:
            item = QListWidgetItem(m.label)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if m.id in chosen
                               else Qt.CheckState.Unchecked)
            if m.left:
                item.setForeground(QBrush(LEFT_COLOUR))
            self.list.addItem(item)
        self.count_label = QLabel()
        self.filter.textChanged.connect(self._apply_filter)
        self.list.itemChanged.connect(self._update_count)
        all_button = QPushButton(tr("全选（筛选结果）"))
        all_button.setAutoDefault(False)
        all_button.clicked.connect(lambda: self._check_visible(True))
        none_button = QPushButton(tr("全不选"))
        none_button.setAutoDefault(False)
        none_button.clicked.connect(lambda: self._check_visible(False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._update_count()

    def _apply_filter(self, text: str) -> None:
        text = text.strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(text) and text not in item.text())

    def _check_visible(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            item = self.list.item(row)
            if not item.isHidden():
                item.setCheckState(state)

    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(tr("已选 {n} 人").format(n=len(self.chosen_ids())))

    def chosen_ids(self) -> list[int]:
        ticked = [int(item.data(Qt.ItemDataRole.UserRole)) for item in
                  (self.list.item(r) for r in range(self.list.count()))
                  if item.checkState() == Qt.CheckState.Checked]
        kept = [i for i in self._order if i in ticked]
        return kept + [i for i in ticked if i not in kept]
