"""One table model for every record type, built from its declaration.

The model keeps only the ordered list of record ids (``records.ids``: filtered,
searched and sorted in SQL) and reads the rows a page at a time from a separate
read connection, keeping a few pages in a small LRU cache. A table of 100,000
records therefore costs one list of ints, not 100,000 Python records.

The id query can run on the TaskRunner (``runner`` given: the window never
waits) or right away on the read connection (``runner=None``: tests, scripts).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from shiboken6 import isValid

from ledger_app.forms.display import display
from ledger_app.forms.model import Field, RecordType
from ledger_app.ui.i18n import tr

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.store.reading import Reader
    from ledger_app.ui.tasks import TaskRunner

RecordIdRole = int(Qt.ItemDataRole.UserRole) + 1   # the record's id (int)
RawValueRole = int(Qt.ItemDataRole.UserRole) + 2   # the stored value, unformatted
FieldKeyRole = int(Qt.ItemDataRole.UserRole) + 3   # header: the column's field key

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)

_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # read-only cells

PAGE_SIZE = 200
CACHED_PAGES = 8
LONGTEXT_CELL = 40     # characters of a long text shown in a cell (the tooltip has all)
TOOLTIP_FROM = 12      # a cell text this long may be cut off: its tooltip shows it whole

# Sorting by these would order by stored ids or JSON, which means nothing to a reader.
UNSORTABLE_TYPES = ("member", "members")

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the table's (only) parent


def column_label(field: Field) -> str:
    if field.type == "money" and "元" not in field.label:  # i18n: data — the label says 元
        return tr("{label}（元）").format(label=field.label)
    return field.label


class RecordTableModel(QAbstractTableModel):
    """Rows = records of one type (one year or all, optionally searched)."""

    # Emitted on the GUI thread once a new id list is in place (filter, sort, refresh).
    reloaded = Signal()

    def __init__(self, ledger: Ledger, type_key: str, reader: Reader,
                 runner: TaskRunner | None = None, parent: Any = None,
                 page_size: int = PAGE_SIZE, cached_pages: int = CACHED_PAGES):
        super().__init__(parent)
        self.ledger = ledger
        self.record_type: RecordType = ledger.pack.record_type(type_key)
        self.fields: tuple[Field, ...] = self.record_type.table_fields
        self._alignments = [_RIGHT if f.type in ("money", "integer") else _LEFT
                            for f in self.fields]
        self.reader = reader
        self.runner = runner
        self.page_size = page_size
        self.cached_pages = cached_pages
        self.year: int | None = None
        self.search = ""
        self.pending_only = False
        self.sort_field: str | None = None
        self.descending = False
        self.show_sensitive = False
        self.page_reads = 0            # how many pages came from the database (tests, benchmarks)
        self._ids: list[int] = []
        self._rows_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        self._member_names: dict[int, str] = {}
        self._generation = 0

    @property
    def type_key(self) -> str:
        return self.record_type.key

    # ---- what is shown -------------------------------------------------------------------

    def set_pending_only(self, only: bool) -> None:
        """Only the records with a field 待核实 (left blank by an import, with why)."""
        if only != self.pending_only:
            self.pending_only = only
            self.reload()

    def set_filter(self, year: int | None, search: str = "") -> None:
        self.year = year
        self.search = search.strip()
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.fields):
            self.sort_field = None  # -1: the declaration's own order (date, then entry)
        elif self.fields[column].type in UNSORTABLE_TYPES:
            return
        else:
            self.sort_field = self.fields[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.fields) and self.fields[column].type not in UNSORTABLE_TYPES

    def set_show_sensitive(self, show: bool) -> None:
        if show == self.show_sensitive:
            return
        self.show_sensitive = show
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self.fields) - 1))

    def reload(self) -> None:
        """Query the ids again (after a filter, sort or any change to the records)."""
        self._generation += 1
        generation = self._generation
        args = (self.type_key, self.year, self.search or None, self.sort_field, self.descending)
        pending = self.pending_only
        if self.runner is None:
            self._apply_ids(generation, self.ledger.records.ids(*args, conn=self.reader,
                                                                pending_only=pending))
            return
        records = self.ledger.records
        # On the worker, through the ledger's own connection (guarded by its lock):
        # the read connection belongs to the GUI thread.
        self.runner.run(lambda: records.ids(*args, pending_only=pending),
                        lambda ids: self._apply_ids(generation, ids))

    def preload(self, year: int | None, search: str, ids: list[int]) -> None:
        """Show ids already queried with this filter (the first screen's one job)."""
        self.year = year
        self.search = search.strip()
        self._generation += 1
        self._apply_ids(self._generation, ids)

    def invalidate(self) -> None:
        """Forget cached rows and member names (a member was renamed, a row changed)."""
        self._pages.clear()
        self._member_names.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self.fields) - 1))

    def retire(self) -> None:
        """The window dropped this model: answers still on their way are ignored."""
        self._generation += 1

    def _apply_ids(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation or not isValid(self):
            return  # an older query answered after a newer one was asked, or nobody looks
        self.beginResetModel()
        self._ids = ids
        self._rows_of = None
        self._pages.clear()
        self.endResetModel()
        self.reloaded.emit()

    # ---- ids and rows --------------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        return self._ids

    def record_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        if self._rows_of is None:
            self._rows_of = {rid: row for row, rid in enumerate(self._ids)}
        return self._rows_of.get(record_id)

    def values_of(self, row: int) -> dict[str, Any] | None:
        """Stored values of one row (read straight from the ledger; not cached)."""
        record_id = self.record_id(row)
        if record_id is None:
            return None
        return self.ledger.records.rows(self.type_key, [record_id], conn=self.reader).get(record_id)

    def _page(self, number: int) -> list[tuple[Any, ...]]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        ids = self._ids[number * self.page_size:(number + 1) * self.page_size]
        found = self.ledger.records.rows(self.type_key, ids, conn=self.reader)
        self.page_reads += 1
        self._load_member_names(found.values())
        empty: dict[str, Any] = {}
        page = [tuple((found.get(i) or empty).get(f.key) for f in self.fields) for i in ids]
        self._pages[number] = page
        while len(self._pages) > self.cached_pages:
            self._pages.popitem(last=False)
        return page

    def _load_member_names(self, rows: Any) -> None:
        wanted: set[int] = set()
        member_columns = [f.key for f in self.fields if f.type in ("member", "members")]
        if not member_columns:
            return
        for values in rows:
            for key in member_columns:
                value = values.get(key)
                if isinstance(value, list):
                    wanted.update(value)
                elif value is not None:
                    wanted.add(value)
        missing = sorted(wanted - set(self._member_names))
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            self._member_names.update(self.ledger.records.member_names(self.reader, chunk))
        for member_id in missing:
            self._member_names.setdefault(member_id, tr("（已删除 #{id}）").format(id=member_id))

    # ---- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            return None
        if not 0 <= section < len(self.fields):
            return None
        field = self.fields[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column_label(field)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = field.help or field.label
            if field.type in UNSORTABLE_TYPES:
                tip += tr("（此列不能排序）")
            return tip
        if role == FieldKeyRole:
            return field.key
        return None

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        # Called for every visible cell and role on each paint: plain int compares only.
        if not index.isValid():
            return None
        row = index.row()
        if row >= len(self._ids):
            return None
        if role == RecordIdRole:
            return self._ids[row]
        if role == ALIGNMENT:
            return self._alignments[index.column()]
        if role != DISPLAY and role != TOOLTIP and role != RawValueRole:
            return None
        column = index.column()
        field = self.fields[column]
        value = self._page(row // self.page_size)[row % self.page_size][column]
        if role == RawValueRole:
            return value
        text = self.format(field, value)
        if role == TOOLTIP:
            # The whole text of a long cell: the column may cut it off.
            if field.type == "longtext" and value:
                return text
            return text if len(text) > TOOLTIP_FROM else None
        if field.type == "longtext":
            first = text.strip().splitlines()[0] if text.strip() else ""
            return first[:LONGTEXT_CELL] + ("…" if len(first) > LONGTEXT_CELL
                                            or first != text.strip() else "")
        return text

    def format(self, field: Field, value: Any) -> str:
        """The text a cell shows for a stored value (masked until 显示敏感信息)."""
        return display(field, value, not self.show_sensitive, self._member_name)

    def _member_name(self, member_id: int) -> str:
        return self._member_names.get(member_id, "")

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS
