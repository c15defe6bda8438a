"""The pack's meeting cadence (``cadence.toml``): which meetings a branch owes, how often.

Cadence is data, not code: another pack brings its own file. Each requirement names
the meeting kinds that count for it (values of the meetings type's kinds field), the
period, who is due, when it applies and the rule it comes from, which every finding
quotes. A requirement marked ``local`` is a default the ledger's 组织设置 may change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ledger_app.forms.loader import (
    DeclarationError,
    check_keys,
    read_toml,
    setting_line,
    table_range,
)
from ledger_app.forms.model import Pack, Requirement

PERIODS = {"month": "每月", "quarter": "每季度", "half_year": "每半年", "year": "每年"}
SCOPES = {"branch": "全体成员", "committee": "委员会成员", "group": "小组成员",
          "pairs": "委员之间、委员与每名成员"}
APPLIES = ("always", "has_committee", "has_groups")
REQUIREMENT_KEYS = {"key", "label", "kinds", "every", "count", "scope", "applies", "source",
                    "local", "record_type", "note"}


def load_cadence(path: Path, pack: Pack) -> tuple[Requirement, ...]:
    if not path.is_file():
        return ()
    data, text = read_toml(path)
    check_keys(path, text, data, {"requirement"}, "文件顶层")
    raw_list = data.get("requirement", [])
    if not isinstance(raw_list, list):
        raise DeclarationError(path, "requirement 应写成 [[requirement]] 表")
    meetings = pack.type_for("meetings")
    kinds_field = meetings.field_for("meeting_kinds") if meetings else None
    known_kinds = set(kinds_field.choices) if kinds_field else set()
    seen: set[str] = set()
    out: list[Requirement] = []
    for index, raw in enumerate(raw_list):
        span = table_range(text, "[[requirement]]", index)
        key = raw.get("key") if isinstance(raw, dict) else None
        where = setting_line(text, "key", span) or span[0]
        if not isinstance(key, str) or not key:
            raise DeclarationError(path, f"第 {index + 1} 条要求缺少 key", where)
        check_keys(path, text, raw, REQUIREMENT_KEYS, "[[requirement]]", key, span)
        if key in seen:
            raise DeclarationError(path, "要求重复声明", where, key)
        seen.add(key)

        def line(name: str, span: tuple[int, int] = span, where: int = where) -> int | None:
            return setting_line(text, name, span) or where

        label = raw.get("label")
        if not isinstance(label, str) or not label:
            raise DeclarationError(path, "缺少中文名称 label", where, key)
        every = raw.get("every")
        if every not in PERIODS:
            raise DeclarationError(path, f"every 只能是 {', '.join(PERIODS)}: {every!r}",
                                   line("every"), key)
        count = raw.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise DeclarationError(path, f"count 应为正整数: {count!r}", line("count"), key)
        scope = raw.get("scope", "branch")
        if scope not in SCOPES:
            raise DeclarationError(path, f"scope 只能是 {', '.join(SCOPES)}: {scope!r}",
                                   line("scope"), key)
        applies = raw.get("applies", "always")
        if applies not in APPLIES:
            raise DeclarationError(path, f"applies 只能是 {', '.join(APPLIES)}: {applies!r}",
                                   line("applies"), key)
        kinds = raw.get("kinds", [])
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise DeclarationError(path, "kinds 应是会议类型的列表", line("kinds"), key)
        for kind in kinds:
            if kind not in known_kinds:
                raise DeclarationError(path, f"会议类型 {kind!r} 不在会议记录的类型选项里"
                                       f"（{'、'.join(sorted(known_kinds)) or '本包没有会议记录'}）",
                                       line("kinds"), key)
        record_type = raw.get("record_type", "")
        if record_type and record_type not in {rt.key for rt in pack.record_types}:
            raise DeclarationError(path, f"record_type 指向不存在的记录类型 {record_type!r}",
                                   line("record_type"), key)
        if not kinds and not record_type:
            raise DeclarationError(path, "须写明 kinds（会议类型）或 record_type", where, key)
        if scope == "pairs" and not record_type:
            raise DeclarationError(path, "scope = \"pairs\"（谈心谈话）须写明 record_type",
                                   line("scope"), key)
        source = raw.get("source", "")
        if not isinstance(source, str) or not source:
            raise DeclarationError(path, "须写明依据 source（哪一条规定）", where, key)
        out.append(Requirement(
            key=key, label=label, kinds=tuple(kinds), every=every, count=count, scope=scope,
            applies=applies, source=source, local=bool(raw.get("local", False)),
            record_type=record_type, note=str(raw.get("note", ""))))
    return tuple(out)


def with_overrides(requirements: tuple[Requirement, ...],
                   overrides: dict[str, Any] | None) -> tuple[Requirement, ...]:
    """The cadence as this ledger applies it: [local] requirements take the period and
    count set in 组织设置 (setting ``cadence``: {key: {"every": …, "count": …}})."""
    from dataclasses import replace

    if not overrides:
        return requirements
    out = []
    for req in requirements:
        change = overrides.get(req.key) if req.local else None
        if isinstance(change, dict):
            every = change.get("every", req.every)
            count = change.get("count", req.count)
            if every in PERIODS and isinstance(count, int) and count >= 1:
                # The why quotes the source: it must also say what this ledger applies.
                source = (f"{req.source}；本台账在组织设置中定为{PERIODS[every]} {count} 次"
                          if (every, count) != (req.every, req.count) else req.source)
                req = replace(req, every=every, count=count, source=source)
        out.append(req)
    return tuple(out)
