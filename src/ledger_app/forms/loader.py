"""Load a pack's TOML declarations into dataclasses, rejecting anything malformed.

A pack is a folder: ``pack.toml`` names the pack and its categories; every
``<category>/<type>.toml`` declares one record type. Reading a file and naming the line
of a mistake is ``declaration_file``; one field's table is ``field_declaration``; what
each feature needs the pack to declare is ``role_check``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ledger_app.forms.declaration_file import (
    KEY_PATTERN,
    DeclarationError,
    check_keys,
    expect,
    field_line,
    line_of,
    read_toml,
    renames_line,
    setting_line,
    table_range,
)
from ledger_app.forms.field_declaration import load_field
from ledger_app.forms.model import (
    CATEGORY_KEYS,
    TYPE_ROLES,
    Category,
    Field,
    Pack,
    RecordType,
)
from ledger_app.forms.role_check import FEATURE_ROLES, check_roles

__all__ = [
    "FEATURE_ROLES",
    "DeclarationError",
    "builtin_pack",
    "load_pack",
    "load_record_type",
]

PACK_KEYS = {"key", "label", "member_type", "member_noun", "emblem", "short_label", "org_types",
             "org_labels", "basis", "meetings_title", "term_label", "term_source"}
# 组织设置 entries a pack may relabel (上级党组织 → 上级关工委, 书记 → 执行主任, 党小组 → 工作小组).
ORG_LABEL_KEYS = ("parent_org", "secretary", "party_groups")
CATEGORY_KEYS_ALLOWED = {"label", "order"}
TYPE_KEYS = {"key", "label", "category", "order", "title_field", "date_field", "orientation",
             "record_pages", "renames", "removed", "description", "role", "expected_yearly",
             "unique", "print"}
# How a record type's records print besides its table: "table" (only the table) or
# "document" (each record as a 公文-style document: title, 文号, body, signature, date).
PRINT_KINDS = ("table", "document")


def load_record_type(path: Path, category: str | None = None) -> RecordType:
    data, text = read_toml(path)
    check_keys(path, text, data, {"record_type", "fields"}, "文件顶层")
    head = data.get("record_type")
    if not isinstance(head, dict):
        raise DeclarationError(path, "缺少 [record_type] 表")
    head_span = table_range(text, "[record_type]")
    check_keys(path, text, head, TYPE_KEYS, "[record_type]", span=head_span)
    key = head.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise DeclarationError(path, f"record_type.key 缺失或不合法: {key!r}",
                               setting_line(text, "key", head_span))
    label = head.get("label")
    if not isinstance(label, str) or not label.strip():
        raise DeclarationError(path, "record_type 缺少中文标签 label",
                               setting_line(text, "label", head_span))
    declared_category = head.get("category", category)
    if declared_category not in CATEGORY_KEYS:
        raise DeclarationError(path, f"未知的类别 {declared_category!r}（可用: "
                               f"{', '.join(CATEGORY_KEYS)}）",
                               setting_line(text, "category", head_span))
    if category and declared_category != category:
        raise DeclarationError(path, f"类别 category = {declared_category!r} 与所在文件夹 "
                               f"{category!r} 不符",
                               setting_line(text, "category", head_span))
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise DeclarationError(path, "至少要声明一个 [[fields]]")
    fields: list[Field] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_fields):
        f = load_field(path, text, raw, index)
        if f.key in seen:
            lines = [n for n, line in enumerate(text.splitlines(), 1)
                     if re.match(r'^\s*key\s*=\s*["\']' + re.escape(f.key) + r'["\']', line)]
            raise DeclarationError(path, "字段重复声明", lines[-1] if lines else None, f.key)
        seen[f.key] = index
        fields.append(f)
    if sum(1 for f in fields if f.type == "attendance") > 1:
        raise DeclarationError(path, "一个记录类型最多一个 attendance 字段")
    for name in ("title_field", "date_field"):
        value = head.get(name, "")
        if value and value not in seen:
            raise DeclarationError(path, f"{name} 指向不存在的字段 {value!r}",
                                   setting_line(text, name, head_span))
    date_field = head.get("date_field", "")
    if date_field and fields[seen[date_field]].type not in ("date", "month", "integer"):
        raise DeclarationError(path, "date_field 必须是 date、month 或 integer（年份）字段",
                               setting_line(text, "date_field", head_span))
    orientation = head.get("orientation", "auto")
    if orientation not in ("auto", "portrait", "landscape"):
        raise DeclarationError(path, f"orientation 只能是 auto/portrait/landscape: {orientation!r}",
                               setting_line(text, "orientation", head_span))
    print_as = head.get("print", "table")
    if print_as not in PRINT_KINDS:
        raise DeclarationError(path, f"print 只能是 {'/'.join(PRINT_KINDS)}: {print_as!r}",
                               setting_line(text, "print", head_span))
    if print_as == "document" and not any(f.type == "longtext" for f in fields):
        raise DeclarationError(path, "print = \"document\" 的记录类型需要一个 longtext 字段作正文",
                               setting_line(text, "print", head_span))
    renames = expect(path, text, head.get("renames", {}), dict, "renames")
    for old, new in renames.items():
        if new not in seen:
            raise DeclarationError(path, f"renames 把 {old!r} 改名为不存在的字段 {new!r}",
                                   renames_line(text, old), new)
        if old in seen:
            raise DeclarationError(path, f"renames 的旧名 {old!r} 仍是一个声明的字段",
                                   renames_line(text, old), old)
    for f in fields:
        if f.role and sum(1 for g in fields if g.role == f.role) > 1:
            raise DeclarationError(path, f"角色 {f.role!r} 被多个字段声明",
                                   field_line(text, f.key), f.key)
    type_role = head.get("role", "")
    if type_role and type_role not in TYPE_ROLES:
        raise DeclarationError(path, f"未知的记录类型角色 role = {type_role!r}（可用: "
                               f"{', '.join(sorted(TYPE_ROLES))}）",
                               setting_line(text, "role", head_span))
    removed = tuple(expect(path, text, head.get("removed", []), list, "removed"))
    for old in removed:
        if old in seen:
            raise DeclarationError(path, f"removed 列出的 {old!r} 仍是一个声明的字段",
                                   setting_line(text, "removed", head_span))
    unique = tuple(expect(path, text, head.get("unique", []), list, "unique"))
    for name in unique:
        if name not in seen or fields[seen[name]].detached or isinstance(name, bool):
            raise DeclarationError(path, f"unique 列出的 {name!r} 不是本记录类型的字段"
                                   "（只能用存储在表中的字段）",
                                   setting_line(text, "unique", head_span))
    if len(set(unique)) != len(unique):
        raise DeclarationError(path, "unique 中有重复的字段",
                               setting_line(text, "unique", head_span))
    return RecordType(
        key=key, label=label.strip(), category=declared_category, fields=tuple(fields),
        order=expect(path, text, head.get("order", 0), int, "order"),
        title_field=head.get("title_field", "") or fields[0].key,
        date_field=date_field, orientation=orientation,
        record_pages=bool(head.get("record_pages", False)), print_as=print_as,
        renames=dict(renames), removed=removed,
        description=expect(path, text, head.get("description", ""), str, "description"),
        role=type_role,
        expected_yearly=bool(expect(path, text, head.get("expected_yearly", False), bool,
                                     "expected_yearly")),
        unique=unique, source=path,
    )


def load_pack(folder: Path) -> Pack:
    pack_file = folder / "pack.toml"
    if not pack_file.is_file():
        raise DeclarationError(pack_file, "缺少 pack.toml")
    data, text = read_toml(pack_file)
    check_keys(pack_file, text, data, {"pack", "categories"}, "文件顶层")
    head = data.get("pack")
    if not isinstance(head, dict):
        raise DeclarationError(pack_file, "缺少 [pack] 表")
    check_keys(pack_file, text, head, PACK_KEYS, "[pack]")
    cats_raw = data.get("categories", {})
    categories: list[Category] = []
    all_types: dict[str, RecordType] = {}
    for cat_key, cat_raw in cats_raw.items():
        if cat_key not in CATEGORY_KEYS:
            raise DeclarationError(pack_file, f"未知的类别 {cat_key!r}",
                                   line_of(text, f"categories.{cat_key}"))
        check_keys(pack_file, text, cat_raw, CATEGORY_KEYS_ALLOWED, f"[categories.{cat_key}]")
        types: list[RecordType] = []
        cat_dir = folder / cat_key
        for path in sorted(cat_dir.glob("*.toml")) if cat_dir.is_dir() else []:
            rt = load_record_type(path, cat_key)
            if rt.key in all_types:
                raise DeclarationError(path, f"记录类型 {rt.key!r} 已在 "
                                       f"{all_types[rt.key].source} 中声明",
                                       setting_line(path.read_text(encoding="utf-8"), "key"))
            all_types[rt.key] = rt
            types.append(rt)
        types.sort(key=lambda t: (t.order, t.key))
        categories.append(Category(cat_key, cat_raw.get("label", cat_key),
                                   int(cat_raw.get("order", 0)), tuple(types)))
    categories.sort(key=lambda c: c.order)
    member_type = head.get("member_type", "")
    if member_type not in all_types:
        raise DeclarationError(pack_file, f"member_type 指向不存在的记录类型 {member_type!r}",
                               line_of(text, "member_type"))
    roles: dict[str, RecordType] = {}
    for rt in all_types.values():
        if rt.role and rt.role in roles and rt.role != "checklist_state":
            raise DeclarationError(rt.source or pack_file, f"记录类型角色 {rt.role!r} 已由 "
                                   f"{roles[rt.role].source} 声明")
        if rt.role:
            roles[rt.role] = rt
    emblem = head.get("emblem", "")
    if emblem not in ("", "party"):
        raise DeclarationError(pack_file, f"emblem 只能是 \"party\"（党徽）或留空: {emblem!r}",
                               line_of(text, "emblem"))
    label = head.get("label", folder.name)
    org_types = head.get("org_types", [head.get("short_label", label)])
    if not isinstance(org_types, list) or not org_types or \
            not all(isinstance(t, str) and t for t in org_types):
        raise DeclarationError(pack_file, "org_types 应是组织类型的列表，如 [\"党支部\", \"党总支\"]",
                               line_of(text, "org_types"))
    org_labels = head.get("org_labels", {})
    if not isinstance(org_labels, dict) or set(org_labels) - set(ORG_LABEL_KEYS):
        raise DeclarationError(pack_file, f"org_labels 只能改这些组织设置的名称："
                               f"{', '.join(ORG_LABEL_KEYS)}", line_of(text, "org_labels"))
    pack = Pack(key=head.get("key", folder.name), label=label,
                member_type=member_type, categories=tuple(categories), source=folder,
                member_noun=str(head.get("member_noun", "成员")), emblem=emblem,
                short_label=str(head.get("short_label", label)), org_types=tuple(org_types),
                org_labels=tuple((k, str(v)) for k, v in org_labels.items()),
                basis=str(head.get("basis", "")),
                meetings_title=str(head.get("meetings_title", "会议")),
                term_label=str(head.get("term_label", "委员会换届")),
                term_source=str(head.get("term_source", "")))
    check_roles(pack, pack_file, text)
    # Cadence and checklists refer to record types and their choices: loaded last.
    from ledger_app.forms.cadence import load_cadence
    from ledger_app.forms.checklists import load_checklists
    from ledger_app.forms.development import load_development

    return replace(pack, cadence=load_cadence(folder / "cadence.toml", pack),
                   checklists=load_checklists(folder / "checklists", pack),
                   development=load_development(folder / "development_steps.toml", pack))


_cache: dict[Path, Pack] = {}


def builtin_pack(name: str = "party_branch") -> Pack:
    """The pack shipped with the program, loaded once per process (and kept between
    starts by ``pack_cache`` while not a byte of it changes)."""
    from ledger_app.forms.pack_cache import load_cached
    from ledger_app.resources import forms_dir

    folder = (forms_dir() / name).resolve()
    if folder not in _cache:
        _cache[folder] = load_cached(folder, load_pack)
    return _cache[folder]
