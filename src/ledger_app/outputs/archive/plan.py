"""What goes into an archive and under which name, decided before anything is written.

The plan picks the period's records of the chosen categories and gives every file
its place: tables and workbooks in the category folder, each record's own pages and
its attachments in a folder per record type. Names are unique per folder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ledger_app.forms import values as fv
from ledger_app.forms.display import shown_text
from ledger_app.forms.model import Category, RecordType
from ledger_app.outputs.archive import layout
from ledger_app.store.attachments import Attachment
from ledger_app.store.errors import LedgerError


@dataclass
class AttachmentItem:
    path: str
    attachment: Attachment


@dataclass
class RecordItem:
    entry_id: int
    title: str
    label: str = ""                         # date, kind and title, for lists
    page: str | None = None                 # the record's own PDF, when its type prints one
    attachments: list[AttachmentItem] = field(default_factory=list)


@dataclass
class TypeItem:
    category: Category
    record_type: RecordType
    ids: list[int]
    table: str
    workbook: str
    records: list[RecordItem] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.ids)


@dataclass
class Plan:
    year: int
    date_from: str | None
    date_to: str | None
    categories: list[Category]
    types: list[TypeItem]
    binder: str

    @property
    def category_keys(self) -> list[str]:
        return [c.key for c in self.categories]

    def all_ids(self) -> list[int]:
        return [i for t in self.types for i in t.ids]


def check_period(year: int, date_from: str | None,
                 date_to: str | None) -> tuple[str | None, str | None]:
    """Normalised dates; LedgerError for a date that is not one or a reversed period."""
    if not 1900 <= int(year) <= 2200:
        raise LedgerError(f"年度 {year} 不对。")
    parsed: list[str | None] = []
    for label, text in (("开始日期", date_from), ("结束日期", date_to)):
        if text in (None, ""):
            parsed.append(None)
            continue
        value = fv.parse_date(str(text))
        if value is None:
            raise LedgerError(f"{label}“{text}”不是有效日期，请写成 2025-03-15 这样。")
        parsed.append(value)
    for label, value in zip(("开始日期", "结束日期"), parsed):
        if value and int(value[:4]) != int(year):
            raise LedgerError(f"{label} {value} 不在 {year} 年度内；跨年度请分年导出。")
    if parsed[0] and parsed[1] and parsed[0] > parsed[1]:
        raise LedgerError(f"开始日期 {parsed[0]} 晚于结束日期 {parsed[1]}。")
    return parsed[0], parsed[1]


def choose_categories(pack: Any, wanted: Sequence[str] | None) -> list[Category]:
    """Categories by key (``team``), label (``基本队伍``) or number (``1``); all when empty."""
    if not wanted:
        return list(pack.categories)
    chosen: list[Category] = []
    for word in wanted:
        for part in str(word).replace("，", ",").split(","):
            part = part.strip()
            if not part:
                continue
            match = [c for c in pack.categories
                     if part in (c.key, c.label, str(c.order), f"{c.order:02d}")]
            if not match:
                names = "、".join(f"{c.key}（{c.label}）" for c in pack.categories)
                raise LedgerError(f"没有“{part}”这个类别。可选：{names}。")
            if match[0] not in chosen:
                chosen.append(match[0])
    return sorted(chosen, key=lambda c: c.order)


def period_ids(ledger: Any, rt: RecordType, year: int, date_from: str | None,
               date_to: str | None) -> list[int]:
    """The type's live records of the year (and date range), oldest first."""
    ids = ledger.records.ids(rt.key, year, sort_field=rt.date_field or None)
    if not (date_from or date_to) or not rt.date_field:
        return ids
    f = rt.field(rt.date_field)
    if f.type not in ("date", "month"):
        return ids
    low = (date_from or "0000-01-01")[: 7 if f.type == "month" else 10]
    high = (date_to or "9999-12-31")[: 7 if f.type == "month" else 10]
    kept: list[int] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = ledger.records.rows(rt.key, chunk)
        for i in chunk:
            when = rows[i].get(rt.date_field)
            if when is None or low <= when <= high:
                kept.append(i)
    return kept


def make_plan(ledger: Any, year: int, date_from: str | None = None, date_to: str | None = None,
              categories: Sequence[str] | None = None, masked: bool = False,
              with_pages: bool = True) -> Plan:
    date_from, date_to = check_period(year, date_from, date_to)
    chosen = choose_categories(ledger.pack, categories)
    names = layout.FolderNames()
    def hide(text: str) -> str:
        return shown_text(text, masked)

    period = (f"{date_from or f'{year}-01-01'}至{date_to or f'{year}-12-31'}"
              if date_from or date_to else f"{year}年度")
    binder = names.claim(layout.INDEX_FOLDER, layout.clean_component(f"台账汇编_{period}.pdf"))
    names.claim(layout.INDEX_FOLDER, layout.INDEX_NAME)
    names.claim(layout.DATA_FOLDER, layout.SNAPSHOT_NAME)
    names.claim("", layout.MANIFEST_NAME)
    names.claim("", layout.SIGNATURE_NAME)
    types: list[TypeItem] = []
    for category in chosen:
        cat_folder = layout.category_folder(category)
        for rt in category.record_types:
            ids = period_ids(ledger, rt, year, date_from, date_to)
            label = layout.clean_component(rt.label)
            item = TypeItem(category, rt, ids,
                            table=names.claim(cat_folder, f"{label}.pdf"),
                            workbook=names.claim(cat_folder, f"{label}.xlsx"))
            has_files = rt.has_type("attachments")
            if ids and ((rt.prints_pages and with_pages) or has_files):
                type_folder = names.claim(cat_folder, label)
                item.records = _records(ledger, rt, ids, type_folder, names, hide,
                                        rt.prints_pages and with_pages)
            types.append(item)
    return Plan(year, date_from, date_to, chosen, types, binder)


def _records(ledger: Any, rt: RecordType, ids: list[int], folder: str,
             names: layout.FolderNames, hide: Callable[[str], str], pages: bool
             ) -> list[RecordItem]:
    items: list[RecordItem] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = ledger.records.rows(rt.key, chunk)
        for entry_id in chunk:
            values = rows[entry_id]
            title = hide(ledger.records.title(rt, values))
            attachments = ledger.attachments.of(entry_id) if rt.has_type("attachments") else []
            if not pages and not attachments:
                continue
            stem = hide(layout.record_stem(rt, values, title, entry_id))
            own = names.claim(folder, stem).rsplit("/", 1)[1]
            record = RecordItem(entry_id, title, stem.replace("_", " "))
            if pages:
                record.page = names.claim(folder, f"{own}.pdf")
            numbers = {"image": 0, "other": 0}
            for att in attachments:
                kind = "image" if att.is_image else "other"
                numbers[kind] += 1
                name = layout.attachment_name(hide(att.filename), hide(att.caption), att.mime,
                                              numbers[kind])
                record.attachments.append(
                    AttachmentItem(names.claim(f"{folder}/{own}", name), att))
            items.append(record)
    return items
