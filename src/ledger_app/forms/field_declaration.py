"""One ``[[fields]]`` table of a record type's declaration checked into a Field.

Its key, label and type; choices, format, precision and synonyms; its role and the choices
that role names (状态 "active" = 在册); every mistake named by file, line and field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ledger_app.forms.declaration_file import (
    KEY_PATTERN,
    DeclarationError,
    check_keys,
    expect,
    field_line,
    setting_line,
    table_range,
)
from ledger_app.forms.model import (
    DATE_PRECISIONS,
    FIELD_ROLES,
    FIELD_TYPES,
    ROLE_VALUES,
    TEXT_FORMATS,
    Field,
)

RESERVED_FIELD_KEYS = {"id", "type_key", "year", "created_at", "updated_at", "deleted_at"}
FIELD_KEYS = {"key", "label", "type", "required", "choices", "sensitive", "print_width", "help",
              "format", "max_length", "default", "in_table", "aliases", "min", "max", "role",
              "role_values", "precision", "synonyms"}


def load_field(path: Path, text: str, raw: Any, index: int) -> Field:
    if not isinstance(raw, dict):
        raise DeclarationError(path, f"第 {index + 1} 个字段不是表")
    span = table_range(text, "[[fields]]", index)
    key = raw.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise DeclarationError(path, f"第 {index + 1} 个字段的 key 缺失或不合法: {key!r}"
                               "（小写字母开头，只用小写字母、数字和下划线）",
                               setting_line(text, "key", span) if key else span[0])
    line = field_line(text, key, span)
    check_keys(path, text, raw, FIELD_KEYS, "字段声明", key, span)
    if key in RESERVED_FIELD_KEYS:
        raise DeclarationError(path, "这个 key 是保留字", line, key)
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise DeclarationError(path, "缺少中文标签 label", line, key)
    ftype = raw.get("type")
    if ftype not in FIELD_TYPES:
        raise DeclarationError(path, f"未知的字段类型 {ftype!r}（可用: {', '.join(FIELD_TYPES)}）",
                               setting_line(text, "type", span) or line, key)
    choices = tuple(expect(path, text, raw.get("choices", []), list, "choices", key))
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
                               setting_line(text, "precision", span) or line, key)
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
        required=bool(expect(path, text, raw.get("required", False), bool, "required", key)),
        choices=choices,
        sensitive=bool(expect(path, text, raw.get("sensitive", False), bool, "sensitive", key)),
        print_width=float(width),
        help=expect(path, text, raw.get("help", ""), str, "help", key),
        format=fmt,
        max_length=expect(path, text, raw.get("max_length", 0), int, "max_length", key),
        default=default,
        in_table=bool(expect(path, text, raw.get("in_table", True), bool, "in_table", key)),
        aliases=tuple(expect(path, text, raw.get("aliases", []), list, "aliases", key)),
        minimum=raw.get("min"), maximum=raw.get("max"),
        role=role, role_values=role_values, precision=precision, synonyms=synonyms,
    )


def _synonyms(path: Path, text: str, raw: dict[str, Any], key: str,
              choices: tuple[str, ...], span: tuple[int, int]
              ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``synonyms = { "本科" = "大学本科", "大学" = ["大学本科", "大学专科"] }``."""
    table = raw.get("synonyms", {})
    if table == {}:   # most fields: no line to look up
        return ()
    line = setting_line(text, "synonyms", span)
    if not isinstance(table, dict):
        raise DeclarationError(path, "synonyms 应是一个表，如 { \"本科\" = \"大学本科\" }",
                               line, key)
    if not choices:
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
                               setting_line(text, "role", span), key)
    values = raw.get("role_values", {})
    if not isinstance(values, dict):
        raise DeclarationError(path, "role_values 应是一个表，如 { active = \"在册\" }",
                               setting_line(text, "role_values", span), key)
    wanted = ROLE_VALUES.get(role, ())
    for meaning, value in values.items():
        if meaning not in wanted:
            raise DeclarationError(path, f"角色 {role or '（无）'} 没有 {meaning!r} 这个取值"
                                   f"（可用: {', '.join(wanted) or '无'}）",
                                   setting_line(text, "role_values", span), key)
        if value not in choices:
            raise DeclarationError(path, f"role_values 中的 {value!r} 不在 choices 里",
                                   setting_line(text, "role_values", span), key)
    missing = [m for m in wanted if m not in values]
    if missing:
        raise DeclarationError(path, f"角色 {role} 须在 role_values 中写明 {', '.join(missing)}",
                               setting_line(text, "role", span), key)
    return role, tuple(sorted(values.items()))
