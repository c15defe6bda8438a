"""Checklists (六有, 最强支部 五优 …) declared as data under ``<pack>/checklists/``.

A checklist names its items with their requirement text, the evidence expected and the
source, and the record type that holds its state: one record per year and item, whose
fields are found by role (checklist_year, checklist_item, checklist_met, evidence). A
broken declaration is refused with its file, line and item, like a record type.
"""

from __future__ import annotations

from pathlib import Path

from ledger_app.forms.loader import (
    KEY_PATTERN,
    DeclarationError,
    check_keys,
    read_toml,
    setting_line,
    table_range,
)
from ledger_app.forms.model import Checklist, ChecklistItem, Pack

HEAD_KEYS = {"key", "label", "state_type", "source", "local", "description"}
ITEM_KEYS = {"key", "label", "requirement", "evidence", "group"}
STATE_ROLES = ("checklist_year", "checklist_item", "checklist_met")


def load_checklists(folder: Path, pack: Pack) -> tuple[Checklist, ...]:
    if not folder.is_dir():
        return ()
    lists = [load_checklist(path, pack) for path in sorted(folder.glob("*.toml"))]
    keys = [c.key for c in lists]
    for c in lists:
        if keys.count(c.key) > 1:
            raise DeclarationError(c.path or folder, f"检查表 {c.key!r} 重复声明")
    return tuple(lists)


def load_checklist(path: Path, pack: Pack) -> Checklist:
    data, text = read_toml(path)
    check_keys(path, text, data, {"checklist", "items"}, "文件顶层")
    head = data.get("checklist")
    if not isinstance(head, dict):
        raise DeclarationError(path, "缺少 [checklist] 表")
    head_span = table_range(text, "[checklist]")
    check_keys(path, text, head, HEAD_KEYS, "[checklist]", span=head_span)
    key = head.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise DeclarationError(path, f"checklist.key 缺失或不合法: {key!r}",
                               setting_line(text, "key", head_span))
    label = head.get("label")
    if not isinstance(label, str) or not label:
        raise DeclarationError(path, "检查表缺少中文名称 label",
                               setting_line(text, "label", head_span))
    state_key = head.get("state_type", "")
    try:
        state = pack.record_type(state_key)
    except KeyError:
        raise DeclarationError(path, f"state_type 指向不存在的记录类型 {state_key!r}",
                               setting_line(text, "state_type", head_span)) from None
    for role in STATE_ROLES:
        if state.field_for(role) is None:
            raise DeclarationError(path, f"记录类型 {state_key} 没有声明角色为 {role} 的字段"
                                   f"（{state.source}）",
                                   setting_line(text, "state_type", head_span))
    item_field = state.field_for("checklist_item")
    allowed = set(item_field.choices) if item_field and item_field.choices else None
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise DeclarationError(path, "至少要声明一个 [[items]]")
    items: list[ChecklistItem] = []
    for index, raw in enumerate(raw_items):
        span = table_range(text, "[[items]]", index)
        ikey = raw.get("key") if isinstance(raw, dict) else None
        where = setting_line(text, "key", span) or span[0]
        if not isinstance(ikey, str) or not KEY_PATTERN.match(ikey):
            raise DeclarationError(path, f"第 {index + 1} 个检查项的 key 缺失或不合法: {ikey!r}",
                                   where)
        check_keys(path, text, raw, ITEM_KEYS, "[[items]]", ikey, span)
        if any(i.key == ikey for i in items):
            raise DeclarationError(path, "检查项重复声明", where, ikey)
        ilabel, requirement = raw.get("label"), raw.get("requirement")
        if not isinstance(ilabel, str) or not ilabel:
            raise DeclarationError(path, "检查项缺少名称 label", where, ikey)
        if not isinstance(requirement, str) or not requirement:
            raise DeclarationError(path, "检查项缺少要求 requirement（显示在勾选框旁）",
                                   setting_line(text, "label", span) or where, ikey)
        if item_field is not None and allowed is not None and ilabel not in allowed:
            raise DeclarationError(path, f"检查项 {ilabel!r} 不在 {state.label} 的"
                                   f"“{item_field.label}”选项里",
                                   setting_line(text, "label", span) or where, ikey)
        items.append(ChecklistItem(key=ikey, label=ilabel, requirement=requirement,
                                   evidence=str(raw.get("evidence", "")),
                                   group=str(raw.get("group", ""))))
    return Checklist(key=key, label=label, state_type=state_key, items=tuple(items),
                     source=str(head.get("source", "")), local=bool(head.get("local", False)),
                     description=str(head.get("description", "")), path=path)
