"""Load TOML declarations into dataclasses, rejecting anything malformed.

A pack is a folder: ``pack.toml`` names the pack and its categories; every
``<category>/<type>.toml`` declares one record type. A mistake is reported as a
DeclarationError naming the file, the line and the field, so that whoever edits
a declaration sees at once where it is wrong.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ledger_app.forms.model import (
    CATEGORY_KEYS,
    DATE_PRECISIONS,
    FIELD_ROLES,
    FIELD_TYPES,
    ROLE_VALUES,
    TEXT_FORMATS,
    TYPE_ROLES,
    Category,
    Field,
    Pack,
    RecordType,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
RESERVED_FIELD_KEYS = {"id", "type_key", "year", "created_at", "updated_at", "deleted_at"}

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
FIELD_KEYS = {"key", "label", "type", "required", "choices", "sensitive", "print_width", "help",
              "format", "max_length", "default", "in_table", "aliases", "min", "max", "role",
              "role_values", "precision", "synonyms"}


class DeclarationError(ValueError):
    """A declaration file is broken; the message names file, line and field."""

    def __init__(self, path: Path, message: str, line: int | None = None,
                 field: str | None = None):
        self.path, self.line, self.field = path, line, field
        where = f"{path}" + (f":{line}" if line else "")
        what = f"字段 {field!r}: " if field else ""
        super().__init__(f"{where}: {what}{message}")


def _line_of(text: str, *needles: str) -> int | None:
    """1-based line of the first line containing all needles, for error messages."""
    for number, line in enumerate(text.splitlines(), start=1):
        if all(n in line for n in needles):
            return number
    return None


_HEADER = re.compile(r"^\s*\[")


# Line numbers are only needed for error messages, but are looked up for every field as
# it is loaded; the declaration's lines and table headers are therefore split and found
# once per file (the program loads 20 files at every start).
@lru_cache(maxsize=64)
def _lines(text: str) -> tuple[str, ...]:
    return tuple(text.splitlines())


@lru_cache(maxsize=64)
def _header_lines(text: str) -> tuple[int, ...]:
    """1-based numbers of every table header line (``[...]`` or ``[[...]]``)."""
    return tuple(n for n, line in enumerate(_lines(text), 1) if _HEADER.match(line))


@lru_cache(maxsize=256)
def _table_starts(text: str, header: str) -> tuple[int, ...]:
    wanted = re.compile(r"^\s*" + re.escape(header) + r"\s*(#.*)?$")
    lines = _lines(text)
    return tuple(n for n in _header_lines(text) if wanted.match(lines[n - 1]))


def _table_range(text: str, header: str, nth: int = 0) -> tuple[int, int]:
    """1-based (first, last) lines of the nth table headed ``header`` (e.g. ``[[fields]]``).

    The range runs to the line before the next table header; (1, end) if not found.
    """
    total = len(_lines(text))
    starts = _table_starts(text, header)
    if nth >= len(starts):
        return 1, total
    first = starts[nth]
    headers = _header_lines(text)
    after = bisect.bisect_right(headers, first)
    return first, (headers[after] - 1 if after < len(headers) else total)


def _first_match(text: str, pattern: re.Pattern[str],
                 span: tuple[int, int] | None) -> int | None:
    lines = _lines(text)
    first, last = span or (1, len(lines))
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return None


def _setting_line(text: str, name: str, span: tuple[int, int] | None = None) -> int | None:
    """1-based line where ``name = ...`` is assigned (inside span), else first mention."""
    pattern = re.compile(r'^\s*["\']?' + re.escape(name) + r'["\']?\s*=')
    return _first_match(text, pattern, span) or _line_of(text, name)


def _field_line(text: str, field_key: str, span: tuple[int, int] | None = None) -> int | None:
    pattern = re.compile(r'^\s*key\s*=\s*["\']' + re.escape(field_key) + r'["\']')
    return _first_match(text, pattern, span)


def _field_at_line(text: str, line: int) -> str | None:
    """The key of the [[fields]] table that contains the given line, if any."""
    lines = text.splitlines()
    nth = sum(1 for n in range(1, min(line, len(lines)) + 1)
              if re.match(r"^\s*\[\[fields\]\]", lines[n - 1])) - 1
    if nth < 0:
        return None
    first, last = _table_range(text, "[[fields]]", nth)
    for number in range(first, last + 1):
        match = re.match(r'^\s*key\s*=\s*["\']([^"\']*)["\']', lines[number - 1])
        if match:
            return match.group(1)
    return None


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DeclarationError(path, f"不是 UTF-8 编码的文本 ({exc.reason})") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:
            match = re.search(r"line (\d+)", str(exc))
            line = int(match.group(1)) if match else None
        raise DeclarationError(path, f"TOML 语法错误: {exc}", line,
                               _field_at_line(text, line) if line else None) from None


def _check_keys(path: Path, text: str, table: dict[str, Any], allowed: set[str],
                what: str, field: str | None = None,
                span: tuple[int, int] | None = None) -> None:
    for key in table:
        if key not in allowed:
            raise DeclarationError(path, f"{what}中有未知的键 {key!r}（允许: "
                                   f"{', '.join(sorted(allowed))}）",
                                   _setting_line(text, key, span), field)


def _expect(path: Path, text: str, value: Any, kind: type | tuple[type, ...], name: str,
            field: str | None = None) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DeclarationError(path, f"{name!r} 的类型不对: {value!r}", _line_of(text, name),
                               field)
    return value


def _load_field(path: Path, text: str, raw: Any, index: int) -> Field:
    if not isinstance(raw, dict):
        raise DeclarationError(path, f"第 {index + 1} 个字段不是表")
    span = _table_range(text, "[[fields]]", index)
    key = raw.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise DeclarationError(path, f"第 {index + 1} 个字段的 key 缺失或不合法: {key!r}"
                               "（小写字母开头，只用小写字母、数字和下划线）",
                               _setting_line(text, "key", span) if key else span[0])
    line = _field_line(text, key, span)
    _check_keys(path, text, raw, FIELD_KEYS, "字段声明", key, span)
    if key in RESERVED_FIELD_KEYS:
        raise DeclarationError(path, "这个 key 是保留字", line, key)
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise DeclarationError(path, "缺少中文标签 label", line, key)
    ftype = raw.get("type")
    if ftype not in FIELD_TYPES:
        raise DeclarationError(path, f"未知的字段类型 {ftype!r}（可用: {', '.join(FIELD_TYPES)}）",
                               _setting_line(text, "type", span) or line, key)
    choices = tuple(_expect(path, text, raw.get("choices", []), list, "choices", key))
    if ftype in ("choice", "multichoice"):
        if not choices:
            raise DeclarationError(path, "选择型字段必须列出 choices", line, key)
        if len(set(choices)) != len(choices):
            raise DeclarationError(path, "choices 有重复项", line, key)
        if not all(isinstance(c, str) and c for c in choices):
            raise DeclarationError(path, "choices 必须都是非空文字", line, key)
    elif choices:
        raise DeclarationError(path, f"{ftype} 类型的字段不能有 choices", line, key)
    fmt = raw.get("format", "")
    if fmt and (ftype != "text" or fmt not in TEXT_FORMATS):
        raise DeclarationError(path, f"format {fmt!r} 只能用于 text 字段，可选 "
                               f"{', '.join(TEXT_FORMATS)}", line, key)
    precision = raw.get("precision", "day")
    if precision not in DATE_PRECISIONS or (precision != "day" and ftype != "date"):
        raise DeclarationError(path, f"precision {precision!r} 只能用于 date 字段，可选 "
                               f"{', '.join(DATE_PRECISIONS)}",
                               _setting_line(text, "precision", span) or line, key)
    synonyms = _synonyms(path, text, raw, key, choices, span)
    default = raw.get("default")
    if default is not None and ftype in ("choice",) and default not in choices:
        raise DeclarationError(path, f"默认值 {default!r} 不在 choices 里", line, key)
    role, role_values = _field_role(path, text, raw, key, choices, span)
    width = raw.get("print_width", 20.0)
    if isinstance(width, bool) or not isinstance(width, (int, float)) or not 3 <= width <= 200:
        raise DeclarationError(path, f"print_width 应为 3–200 毫米: {width!r}", line, key)
    return Field(
        key=key, label=label.strip(), type=ftype,
        required=bool(_expect(path, text, raw.get("required", False), bool, "required", key)),
        choices=choices,
        sensitive=bool(_expect(path, text, raw.get("sensitive", False), bool, "sensitive", key)),
        print_width=float(width),
        help=_expect(path, text, raw.get("help", ""), str, "help", key),
        format=fmt,
        max_length=_expect(path, text, raw.get("max_length", 0), int, "max_length", key),
        default=default,
        in_table=bool(_expect(path, text, raw.get("in_table", True), bool, "in_table", key)),
        aliases=tuple(_expect(path, text, raw.get("aliases", []), list, "aliases", key)),
        minimum=raw.get("min"), maximum=raw.get("max"),
        role=role, role_values=role_values, precision=precision, synonyms=synonyms,
    )


def _synonyms(path: Path, text: str, raw: dict[str, Any], key: str,
              choices: tuple[str, ...], span: tuple[int, int]
              ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``synonyms = { "本科" = "大学本科", "大学" = ["大学本科", "大学专科"] }``."""
    table = raw.get("synonyms", {})
    line = _setting_line(text, "synonyms", span)
    if not isinstance(table, dict):
        raise DeclarationError(path, "synonyms 应是一个表，如 { \"本科\" = \"大学本科\" }",
                               line, key)
    if table and not choices:
        raise DeclarationError(path, "只有选择型字段能有 synonyms", line, key)
    found = []
    for word, meant in table.items():
        meanings = (meant,) if isinstance(meant, str) else meant
        if not isinstance(meanings, list | tuple) or not meanings or any(
                m not in choices for m in meanings):
            raise DeclarationError(path, f"synonyms 中 {word!r} 对应的 {meant!r} 不在 choices 里",
                                   line, key)
        if word in choices:
            raise DeclarationError(path, f"synonyms 中的 {word!r} 本身就是可选项", line, key)
        found.append((word, tuple(meanings)))
    return tuple(found)


def _field_role(path: Path, text: str, raw: dict[str, Any], key: str,
                choices: tuple[str, ...], span: tuple[int, int]
                ) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A field's declared role and the choices its role names (状态 "active" = 在册)."""
    role = raw.get("role", "")
    if role and role not in FIELD_ROLES:
        raise DeclarationError(path, f"未知的角色 role = {role!r}（可用: "
                               f"{', '.join(sorted(FIELD_ROLES))}）",
                               _setting_line(text, "role", span), key)
    values = raw.get("role_values", {})
    if not isinstance(values, dict):
        raise DeclarationError(path, "role_values 应是一个表，如 { active = \"在册\" }",
                               _setting_line(text, "role_values", span), key)
    wanted = ROLE_VALUES.get(role, ())
    for meaning, value in values.items():
        if meaning not in wanted:
            raise DeclarationError(path, f"角色 {role or '（无）'} 没有 {meaning!r} 这个取值"
                                   f"（可用: {', '.join(wanted) or '无'}）",
                                   _setting_line(text, "role_values", span), key)
        if value not in choices:
            raise DeclarationError(path, f"role_values 中的 {value!r} 不在 choices 里",
                                   _setting_line(text, "role_values", span), key)
    missing = [m for m in wanted if m not in values]
    if missing:
        raise DeclarationError(path, f"角色 {role} 须在 role_values 中写明 {', '.join(missing)}",
                               _setting_line(text, "role", span), key)
    return role, tuple(sorted(values.items()))


def _renames_line(text: str, old: str) -> int | None:
    """Line of ``old`` in ``renames = { old = "new" }`` or a ``[record_type.renames]`` table."""
    inline = re.compile(r'^\s*renames\s*=.*["\'\s{,]' + re.escape(old) + r'["\']?\s*=')
    for number, line in enumerate(text.splitlines(), start=1):
        if inline.match(line):
            return number
    return _setting_line(text, old, _table_range(text, "[record_type.renames]"))


def load_record_type(path: Path, category: str | None = None) -> RecordType:
    data, text = _read_toml(path)
    _check_keys(path, text, data, {"record_type", "fields"}, "文件顶层")
    head = data.get("record_type")
    if not isinstance(head, dict):
        raise DeclarationError(path, "缺少 [record_type] 表")
    head_span = _table_range(text, "[record_type]")
    _check_keys(path, text, head, TYPE_KEYS, "[record_type]", span=head_span)
    key = head.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise DeclarationError(path, f"record_type.key 缺失或不合法: {key!r}",
                               _setting_line(text, "key", head_span))
    label = head.get("label")
    if not isinstance(label, str) or not label.strip():
        raise DeclarationError(path, "record_type 缺少中文标签 label",
                               _setting_line(text, "label", head_span))
    declared_category = head.get("category", category)
    if declared_category not in CATEGORY_KEYS:
        raise DeclarationError(path, f"未知的类别 {declared_category!r}（可用: "
                               f"{', '.join(CATEGORY_KEYS)}）",
                               _setting_line(text, "category", head_span))
    if category and declared_category != category:
        raise DeclarationError(path, f"类别 category = {declared_category!r} 与所在文件夹 "
                               f"{category!r} 不符",
                               _setting_line(text, "category", head_span))
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise DeclarationError(path, "至少要声明一个 [[fields]]")
    fields: list[Field] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_fields):
        f = _load_field(path, text, raw, index)
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
                                   _setting_line(text, name, head_span))
    date_field = head.get("date_field", "")
    if date_field and fields[seen[date_field]].type not in ("date", "month", "integer"):
        raise DeclarationError(path, "date_field 必须是 date、month 或 integer（年份）字段",
                               _setting_line(text, "date_field", head_span))
    orientation = head.get("orientation", "auto")
    if orientation not in ("auto", "portrait", "landscape"):
        raise DeclarationError(path, f"orientation 只能是 auto/portrait/landscape: {orientation!r}",
                               _setting_line(text, "orientation", head_span))
    print_as = head.get("print", "table")
    if print_as not in PRINT_KINDS:
        raise DeclarationError(path, f"print 只能是 {'/'.join(PRINT_KINDS)}: {print_as!r}",
                               _setting_line(text, "print", head_span))
    if print_as == "document" and not any(f.type == "longtext" for f in fields):
        raise DeclarationError(path, "print = \"document\" 的记录类型需要一个 longtext 字段作正文",
                               _setting_line(text, "print", head_span))
    renames = _expect(path, text, head.get("renames", {}), dict, "renames")
    for old, new in renames.items():
        if new not in seen:
            raise DeclarationError(path, f"renames 把 {old!r} 改名为不存在的字段 {new!r}",
                                   _renames_line(text, old), new)
        if old in seen:
            raise DeclarationError(path, f"renames 的旧名 {old!r} 仍是一个声明的字段",
                                   _renames_line(text, old), old)
    for f in fields:
        if f.role and sum(1 for g in fields if g.role == f.role) > 1:
            raise DeclarationError(path, f"角色 {f.role!r} 被多个字段声明",
                                   _field_line(text, f.key), f.key)
    type_role = head.get("role", "")
    if type_role and type_role not in TYPE_ROLES:
        raise DeclarationError(path, f"未知的记录类型角色 role = {type_role!r}（可用: "
                               f"{', '.join(sorted(TYPE_ROLES))}）",
                               _setting_line(text, "role", head_span))
    removed = tuple(_expect(path, text, head.get("removed", []), list, "removed"))
    for old in removed:
        if old in seen:
            raise DeclarationError(path, f"removed 列出的 {old!r} 仍是一个声明的字段",
                                   _setting_line(text, "removed", head_span))
    unique = tuple(_expect(path, text, head.get("unique", []), list, "unique"))
    for name in unique:
        if name not in seen or fields[seen[name]].detached or isinstance(name, bool):
            raise DeclarationError(path, f"unique 列出的 {name!r} 不是本记录类型的字段"
                                   "（只能用存储在表中的字段）",
                                   _setting_line(text, "unique", head_span))
    if len(set(unique)) != len(unique):
        raise DeclarationError(path, "unique 中有重复的字段",
                               _setting_line(text, "unique", head_span))
    return RecordType(
        key=key, label=label.strip(), category=declared_category, fields=tuple(fields),
        order=_expect(path, text, head.get("order", 0), int, "order"),
        title_field=head.get("title_field", "") or fields[0].key,
        date_field=date_field, orientation=orientation,
        record_pages=bool(head.get("record_pages", False)), print_as=print_as,
        renames=dict(renames), removed=removed,
        description=_expect(path, text, head.get("description", ""), str, "description"),
        role=type_role,
        expected_yearly=bool(_expect(path, text, head.get("expected_yearly", False), bool,
                                     "expected_yearly")),
        unique=unique, source=path,
    )


def load_pack(folder: Path) -> Pack:
    pack_file = folder / "pack.toml"
    if not pack_file.is_file():
        raise DeclarationError(pack_file, "缺少 pack.toml")
    data, text = _read_toml(pack_file)
    _check_keys(pack_file, text, data, {"pack", "categories"}, "文件顶层")
    head = data.get("pack")
    if not isinstance(head, dict):
        raise DeclarationError(pack_file, "缺少 [pack] 表")
    _check_keys(pack_file, text, head, PACK_KEYS, "[pack]")
    cats_raw = data.get("categories", {})
    categories: list[Category] = []
    all_types: dict[str, RecordType] = {}
    for cat_key, cat_raw in cats_raw.items():
        if cat_key not in CATEGORY_KEYS:
            raise DeclarationError(pack_file, f"未知的类别 {cat_key!r}",
                                   _line_of(text, f"categories.{cat_key}"))
        _check_keys(pack_file, text, cat_raw, CATEGORY_KEYS_ALLOWED, f"[categories.{cat_key}]")
        types: list[RecordType] = []
        cat_dir = folder / cat_key
        for path in sorted(cat_dir.glob("*.toml")) if cat_dir.is_dir() else []:
            rt = load_record_type(path, cat_key)
            if rt.key in all_types:
                raise DeclarationError(path, f"记录类型 {rt.key!r} 已在 "
                                       f"{all_types[rt.key].source} 中声明",
                                       _setting_line(path.read_text(encoding="utf-8"), "key"))
            all_types[rt.key] = rt
            types.append(rt)
        types.sort(key=lambda t: (t.order, t.key))
        categories.append(Category(cat_key, cat_raw.get("label", cat_key),
                                   int(cat_raw.get("order", 0)), tuple(types)))
    categories.sort(key=lambda c: c.order)
    member_type = head.get("member_type", "")
    if member_type not in all_types:
        raise DeclarationError(pack_file, f"member_type 指向不存在的记录类型 {member_type!r}",
                               _line_of(text, "member_type"))
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
                               _line_of(text, "emblem"))
    label = head.get("label", folder.name)
    org_types = head.get("org_types", [head.get("short_label", label)])
    if not isinstance(org_types, list) or not org_types or \
            not all(isinstance(t, str) and t for t in org_types):
        raise DeclarationError(pack_file, "org_types 应是组织类型的列表，如 [\"党支部\", \"党总支\"]",
                               _line_of(text, "org_types"))
    org_labels = head.get("org_labels", {})
    if not isinstance(org_labels, dict) or set(org_labels) - set(ORG_LABEL_KEYS):
        raise DeclarationError(pack_file, f"org_labels 只能改这些组织设置的名称："
                               f"{', '.join(ORG_LABEL_KEYS)}", _line_of(text, "org_labels"))
    pack = Pack(key=head.get("key", folder.name), label=label,
                member_type=member_type, categories=tuple(categories), source=folder,
                member_noun=str(head.get("member_noun", "成员")), emblem=emblem,
                short_label=str(head.get("short_label", label)), org_types=tuple(org_types),
                org_labels=tuple((k, str(v)) for k, v in org_labels.items()),
                basis=str(head.get("basis", "")),
                meetings_title=str(head.get("meetings_title", "会议")),
                term_label=str(head.get("term_label", "委员会换届")),
                term_source=str(head.get("term_source", "")))
    _check_roles(pack, pack_file, text)
    # Cadence and checklists refer to record types and their choices: loaded last.
    from ledger_app.forms.cadence import load_cadence
    from ledger_app.forms.checklists import load_checklists
    from ledger_app.forms.development import load_development

    return replace(pack, cadence=load_cadence(folder / "cadence.toml", pack),
                   checklists=load_checklists(folder / "checklists", pack),
                   development=load_development(folder / "development_steps.toml", pack))


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


def _check_roles(pack: Pack, pack_file: Path, text: str) -> None:
    people = pack.record_type(pack.member_type)
    if people.role not in ("", "people"):
        raise DeclarationError(pack_file, f"member_type 指向的 {people.key} 声明了 role = "
                               f"{people.role!r}，名册应为 \"people\"（{people.source}）",
                               _line_of(text, "member_type"))
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
                span = _table_range(head, "[record_type]")
                raise DeclarationError(
                    source, f"记录类型 {rt.key}（{rt.label}）须有一个字段声明 "
                    f"role = \"{role}\"（{FIELD_ROLES[role]}）",
                    _setting_line(head, "role", span) or span[0])


_cache: dict[Path, Pack] = {}


def builtin_pack(name: str = "party_branch") -> Pack:
    """The pack shipped with the program, loaded once per process."""
    from ledger_app.resources import forms_dir

    folder = (forms_dir() / name).resolve()
    if folder not in _cache:
        _cache[folder] = load_pack(folder)
    return _cache[folder]
