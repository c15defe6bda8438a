"""Which existing record an imported row is.

Strong keys say "this is the same person / the same payment": the ID number; name and
birth date; a member and the period (党费收缴: 党员 + 月份; 民主评议: 党员 + 年度). A row
matching on a strong key can update the record or be skipped, and the same strong key
twice in one file is an error.

Other record types (meetings, expenses, documents) have no such key: two expenses with
the same 摘要 on the same day are both real. There a row matches only a record that is
identical in every column the file fills — re-importing the same file then skips what is
already there instead of doubling it — and nothing is ever updated or refused as a repeat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledger_app.forms import values as fv
from ledger_app.forms.model import RecordType

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

Key = tuple[str, ...]


def strong_keys(rt: RecordType) -> list[Key]:
    fields = {f.key: f for f in rt.stored_fields}
    keys: list[Key] = []
    # Declared uniqueness (``unique = [...]`` in the TOML) is the strongest key: the store
    # refuses a second record with it, so the import must update or skip, never add.
    declared = tuple(getattr(rt, "unique", ()))
    if declared:
        keys.append(declared)
    ids = [f.key for f in rt.stored_fields if f.format == "idcard"]
    if ids and (ids[0],) not in keys:
        keys.append((ids[0],))
    title = fields.get(rt.title_field)
    born = rt.key_for("birth_date")
    if title is not None and born in fields and title.key != born:
        keys.append((title.key, born))
    elif title is not None and title.type == "member" and rt.date_field:
        keys.append((title.key, rt.date_field))
    return keys


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


class ExistingIndex:
    def __init__(self, ledger: Ledger, rt: RecordType, filled: list[str]):
        self.rt = rt
        self.keys = strong_keys(rt)
        self.strong = bool(self.keys)
        if not self.strong:
            self.keys = [tuple(filled)] if filled else []
        self.values: dict[int, dict[str, Any]] = {}
        self.index: list[dict[tuple, list[int]]] = [{} for _ in self.keys]
        if not self.keys or not ledger.records.count(rt.key):
            return
        ids = ledger.records.ids(rt.key)
        for start in range(0, len(ids), 1000):
            page = ledger.records.rows(rt.key, ids[start:start + 1000])
            for entry_id, values in page.items():
                self.values[entry_id] = values
                for slot, key in zip(self.index, self.keys):
                    found = self._key(values, key)
                    if found is not None:
                        slot.setdefault(found, []).append(entry_id)

    def _key(self, values: dict[str, Any], key: Key) -> tuple | None:
        parts = tuple(_hashable(values.get(k)) for k in key)
        if self.strong and any(p is None or p == "" or p == () for p in parts):
            return None
        return (key, *parts)

    def key_of(self, values: dict[str, Any]) -> tuple | None:
        """The strongest key the row has, to spot one record twice in a file (strong keys only)."""
        if not self.strong:
            return None
        for key in self.keys:
            found = self._key(values, key)
            if found is not None:
                return found
        return None

    def find(self, values: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
        first = self.keys[0] if self.keys else ()
        for n, (slot, key) in enumerate(zip(self.index, self.keys)):
            found = self._key(values, key)
            if found is None or found not in slot:
                continue
            ids = slot[found]
            if n and self.strong:
                # Same name and birth date but a different ID number: another person.
                ids = [i for i in ids if not self._conflict(values, self.values[i], first)]
            if ids:
                return [(i, self.values[i]) for i in ids]
        return self._by_name_alone(values)

    def _by_name_alone(self, values: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
        """A row with neither ID number nor birth date (2003.1 left 待核实) still names one
        person when exactly one record has that name and nothing of the two disagrees:
        re-importing the same roster must not add them twice."""
        name = self.rt.key_for("person_name") or self.rt.title_field
        if not self.strong or not name or fv.is_empty(values.get(name)) or any(
                self._key(values, key) is not None for key in self.keys):
            return []
        found = [(i, v) for i, v in self.values.items() if v.get(name) == values[name]
                 and not any(self._conflict(values, v, key) for key in self.keys)
                 and not any(not fv.is_empty(values.get(k)) and not fv.is_empty(v.get(k))
                             and values.get(k) != v.get(k) for key in self.keys for k in key)]
        return found if len(found) == 1 else []

    def _conflict(self, a: dict[str, Any], b: dict[str, Any], key: Key) -> bool:
        ka, kb = self._key(a, key), self._key(b, key)
        return ka is not None and kb is not None and ka != kb

    def describe(self, key: tuple | None) -> str:
        if not key:
            return ""
        return "、".join(self.rt.field(k).label for k in key[0])
