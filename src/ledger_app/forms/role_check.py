"""What each feature needs a pack to declare, checked once the pack is built."""

from __future__ import annotations

from pathlib import Path

from ledger_app.forms.declaration_file import (
    DeclarationError,
    line_of,
    setting_line,
    table_range,
)
from ledger_app.forms.model import FIELD_ROLES, Pack

# What each feature needs the pack to declare. A pack that lacks one is refused when it is
# loaded, naming the file and line to fix, instead of failing later inside a printout.
# Linking to people (member fields, attendance) needs the roster's name field.
PEOPLE_ROLES = ("person_name",)
FEATURE_ROLES = {
    # a record type with this role → the field roles it must declare
    "meetings": ("meeting_kinds",),
    "committee": ("person", "post"),
    "dues": ("person", "dues_month", "dues_due", "dues_paid"),
    "checklist_state": ("checklist_year", "checklist_item", "checklist_met"),
}


def check_roles(pack: Pack, pack_file: Path, text: str) -> None:
    people = pack.record_type(pack.member_type)
    if people.role not in ("", "people"):
        raise DeclarationError(pack_file, f"member_type 指向的 {people.key} 声明了 role = "
                               f"{people.role!r}，名册应为 \"people\"（{people.source}）",
                               line_of(text, "member_type"))
    links = any(f.type in ("member", "members", "attendance") for rt in pack.record_types
                for f in rt.fields)
    for rt in pack.record_types:
        wanted: tuple[str, ...]
        if rt is people:
            wanted = PEOPLE_ROLES if links else ()
        else:
            wanted = FEATURE_ROLES.get(rt.role, ())
        for role in wanted:
            if rt.field_for(role) is None:
                source = rt.source or pack_file
                head = source.read_text(encoding="utf-8") if rt.source else text
                span = table_range(head, "[record_type]")
                raise DeclarationError(
                    source, f"记录类型 {rt.key}（{rt.label}）须有一个字段声明 "
                    f"role = \"{role}\"（{FIELD_ROLES[role]}）",
                    setting_line(head, "role", span) or span[0])
