"""Plain dataclasses for declared record types: what every other layer reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Every declared field has one of these types. The store, the UI, Excel and PDF
# each map them; a test checks every layer knows every type.
FIELD_TYPES = (
    "text",         # one line of text
    "longtext",     # paragraphs (meeting content, summaries)
    "date",         # YYYY-MM-DD
    "month",        # YYYY-MM: a year-month with no invented day
    "integer",
    "money",        # integer 分 (fen), never float
    "choice",       # one of `choices`
    "multichoice",  # several of `choices`
    "bool",
    "member",       # link to one roster record
    "members",      # links to several roster records
    "attachments",  # photos, scans, documents (kept in the attachments table)
    "attendance",   # per-member presence for a meeting (kept in the attendance table)
)

# Types whose values live outside the record's own table.
DETACHED_TYPES = ("attachments", "attendance")

TEXT_FORMATS = ("idcard", "phone")

CATEGORY_KEYS = ("team", "activities", "venue", "rules", "funding")


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str
    required: bool = False
    choices: tuple[str, ...] = ()
    sensitive: bool = False
    print_width: float = 20.0      # millimetres in a printed table
    help: str = ""
    format: str = ""               # extra check for text: "idcard" or "phone"
    max_length: int = 0            # 0: no limit
    default: object = None
    in_table: bool = True          # shown as a column in tables and prints
    aliases: tuple[str, ...] = ()  # other header spellings seen in spreadsheets
    minimum: int | None = None
    maximum: int | None = None

    @property
    def detached(self) -> bool:
        return self.type in DETACHED_TYPES


@dataclass(frozen=True)
class RecordType:
    key: str
    label: str
    category: str
    fields: tuple[Field, ...]
    order: int = 0
    title_field: str = ""          # field naming a record in lists and messages
    date_field: str = ""           # field deciding which year a record belongs to
    orientation: str = "auto"      # printed table: auto, portrait or landscape
    record_pages: bool = False     # each record also prints as its own page
    renames: dict[str, str] = field(default_factory=dict)   # old column -> new field
    removed: tuple[str, ...] = ()  # columns dropped from the declaration on purpose
    description: str = ""
    source: Path | None = None

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(f"{self.key} has no field {key!r}")

    @property
    def stored_fields(self) -> tuple[Field, ...]:
        """Fields that are columns of the record type's own table."""
        return tuple(f for f in self.fields if not f.detached)

    @property
    def table_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.in_table and not f.detached)

    def has_type(self, field_type: str) -> bool:
        return any(f.type == field_type for f in self.fields)


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    order: int
    record_types: tuple[RecordType, ...]


@dataclass(frozen=True)
class Pack:
    key: str
    label: str
    member_type: str               # the record type whose records are "members"
    categories: tuple[Category, ...]
    source: Path | None = None

    @property
    def record_types(self) -> tuple[RecordType, ...]:
        return tuple(rt for c in self.categories for rt in c.record_types)

    def record_type(self, key: str) -> RecordType:
        for rt in self.record_types:
            if rt.key == key:
                return rt
        raise KeyError(f"pack {self.key} has no record type {key!r}")

    def category(self, key: str) -> Category:
        for c in self.categories:
            if c.key == key:
                return c
        raise KeyError(f"pack {self.key} has no category {key!r}")

    def category_of(self, type_key: str) -> Category:
        return self.category(self.record_type(type_key).category)
