"""The five categories and their record types, with a count beside each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ledger_app.forms.model import Pack
from ledger_app.ui.i18n import tr, tr_noop

TypeKeyRole = int(Qt.ItemDataRole.UserRole) + 1
HomeRole = int(Qt.ItemDataRole.UserRole) + 2
HOME_LABEL = tr_noop("首页（自查）")  # shown through tr()


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


class CategoryTree(QTreeWidget):
    """首页 first, then categories (bold, not selectable) → record types;
    ``type_selected(key)`` on a pick, ``home_selected`` for the home page."""

    type_selected = Signal(str)
    home_selected = Signal()

    def __init__(self, pack: Pack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._type_items: dict[str, QTreeWidgetItem] = {}
        self._category_items: list[QTreeWidgetItem] = []
        self.set_pack(pack)
        self.currentItemChanged.connect(self._current_changed)

    def set_pack(self, pack: Pack) -> None:
        self.blockSignals(True)
        self.clear()
        self._type_items.clear()
        self._category_items.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        self._home_item = QTreeWidgetItem([tr(HOME_LABEL), ""])
        self._home_item.setFont(0, bold)
        self._home_item.setData(0, HomeRole, True)
        self._home_item.setToolTip(0, tr("本年度会议是否按期召开、检查项对照、需要处理的问题（Ctrl+0）"))
        self.addTopLevelItem(self._home_item)
        for number, category in enumerate(sorted(pack.categories, key=lambda c: c.order), 1):
            top = QTreeWidgetItem([category.label, ""])
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setToolTip(0, tr("{category}（Ctrl+{number}）").format(
                category=category.label, number=number) if number <= 9 else category.label)
            self.addTopLevelItem(top)
            self._category_items.append(top)
            for rt in sorted(category.record_types, key=lambda r: r.order):
                item = QTreeWidgetItem([rt.label, ""])
                item.setData(0, TypeKeyRole, rt.key)
                item.setToolTip(0, rt.description or rt.label)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                item.setForeground(1, self.palette().placeholderText())
                top.addChild(item)
                self._type_items[rt.key] = item
        self.expandAll()
        self.blockSignals(False)

    def set_counts(self, counts: dict[str, int]) -> None:
        for key, item in self._type_items.items():
            item.setText(1, str(counts.get(key, 0)))
        for top in self._category_items:
            total = sum(counts.get(item.data(0, TypeKeyRole), 0) for item in _children(top))
            top.setText(1, str(total))

    def count_of(self, type_key: str) -> int | None:
        text = self._type_items[type_key].text(1)
        return int(text) if text else None

    def current_type(self) -> str | None:
        item = self.currentItem()
        return item.data(0, TypeKeyRole) if item is not None else None

    def select_type(self, type_key: str) -> None:
        item = self._type_items.get(type_key)
        if item is not None:
            self.setCurrentItem(item)

    def select_home(self) -> None:
        """Mark 首页 as current without asking for it again."""
        self.blockSignals(True)
        self.setCurrentItem(self._home_item)
        self.blockSignals(False)

    def select_category(self, number: int) -> None:
        """Jump to the first record type of the category numbered from 1 (Ctrl+1..5)."""
        if 1 <= number <= len(self._category_items):
            first = _children(self._category_items[number - 1])[:1]
            if first:
                self.setCurrentItem(first[0])

    def type_keys(self) -> list[str]:
        return list(self._type_items)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(0, TypeKeyRole)
        if key:
            self.type_selected.emit(key)
        elif current.data(0, HomeRole):
            self.home_selected.emit()
