"""The pack's member-development steps (``development_steps.toml``): the 25 steps of
《中国共产党发展党员工作细则》 with the field holding each step's date and the date rules
(RULES.md §4). Data, not code, like the cadence: ``rules.development`` applies the checks,
the window draws the timeline from the steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ledger_app.forms.loader import (
    DeclarationError,
    check_keys,
    read_toml,
    setting_line,
    table_range,
)
from ledger_app.forms.model import Pack

# Each check kind and the keys it takes besides ``kind`` and ``rule``.
CHECK_KEYS: dict[str, set[str]] = {
    "min_age": {"field", "years"},
    "within": {"after", "months", "days", "alert_months"},
    "at_least": {"after", "years", "months"},
    "valid_until": {"until", "months", "setting"},
    "training": {"end_field", "hours_field", "days", "hours"},
    "people": {"count", "max_count", "full", "dated_by"},
    "probation": {"after", "months", "extension_field"},
    "extension": {"after", "months", "extension_field", "min_months", "max_months"},
    "due": {"after", "months", "before_days", "unless_field"},
    "every": {"after", "until", "months", "before_days"},
    "delayed": {"after", "months", "when_field", "before_days"},
}
STEP_KEYS = {"number", "stage", "label", "field", "checks", "ordered"}
# Fields a check names besides its step's own (checked against the record type; read by
# ``rules.gather`` with the steps' fields).
FIELD_PARAMS = ("field", "end_field", "hours_field", "extension_field", "unless_field",
                "when_field")


@dataclass(frozen=True)
class StepCheck:
    kind: str
    rule: str                      # quoted in every finding's why
    params: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


@dataclass(frozen=True)
class Step:
    number: int
    stage: str
    label: str
    field: str = ""                # the development record's field for this step
    checks: tuple[StepCheck, ...] = ()
    # False for a date that is not a point in the sequence (预备期满 is fixed in advance,
    # the latest 考察 goes on into the next stage): the step-order check passes it by.
    ordered: bool = True


@dataclass(frozen=True)
class DevelopmentPlan:
    record_type: str
    source: str
    steps: tuple[Step, ...]

    @cached_property
    def _by_number(self) -> dict[int, Step]:
        return {s.number: s for s in self.steps}

    def step(self, number: int) -> Step:
        return self._by_number[number]

    def settings(self) -> tuple[tuple[Step, StepCheck], ...]:
        """The checks whose value is a ledger setting [local] (``setting = …``, with the
        pack's default in ``months``): 组织设置 offers each beside its default."""
        return tuple((s, c) for s in self.steps for c in s.checks if c.get("setting"))


def load_development(path: Path, pack: Pack) -> DevelopmentPlan | None:
    if not path.is_file():
        return None
    data, text = read_toml(path)
    check_keys(path, text, data, {"development", "step"}, "文件顶层")
    head = data.get("development")
    if not isinstance(head, dict):
        raise DeclarationError(path, "缺少 [development] 表")
    check_keys(path, text, head, {"record_type", "source"}, "[development]")
    type_key = head.get("record_type")
    try:
        rt = pack.record_type(str(type_key))
    except KeyError:
        raise DeclarationError(path, f"record_type 指向不存在的记录类型 {type_key!r}",
                               setting_line(text, "record_type")) from None
    fields = {f.key: f for f in rt.fields}
    steps: list[Step] = []
    for index, raw in enumerate(data.get("step", [])):
        span = table_range(text, "[[step]]", index)
        where = setting_line(text, "number", span) or span[0]
        if not isinstance(raw, dict):
            raise DeclarationError(path, f"第 {index + 1} 个步骤不是表", where)
        check_keys(path, text, raw, STEP_KEYS, "[[step]]", None, span)
        number = raw.get("number")
        if number != index + 1:
            raise DeclarationError(path, f"步骤应按 1、2、3…… 顺序编号，这里是 {number!r}", where)
        label, stage = raw.get("label"), raw.get("stage")
        if not isinstance(label, str) or not label or not isinstance(stage, str) or not stage:
            raise DeclarationError(path, f"第 {number} 步缺少 label 或 stage", where)
        key = raw.get("field", "")
        if key and key not in fields:
            raise DeclarationError(path, f"第 {number} 步的 field {key!r} 不是 {rt.key} 的字段",
                                   setting_line(text, "field", span) or where)
        checks = []
        for check in raw.get("checks", []):
            checks.append(_check(path, text, span, number, check, fields, rt.key))
        ordered = raw.get("ordered", True)
        if not isinstance(ordered, bool):
            raise DeclarationError(path, f"第 {number} 步的 ordered 应为 true 或 false",
                                   setting_line(text, "ordered", span) or where)
        steps.append(Step(number, stage, label, key, tuple(checks), ordered))
    numbers = {s.number for s in steps}
    for s in steps:
        for c in s.checks:
            for ref in ("after", "until", "dated_by"):
                if ref in c.params and c.params[ref] not in numbers:
                    raise DeclarationError(path, f"第 {s.number} 步的 {ref} = {c.params[ref]!r} "
                                           "不是一个步骤", _line_of_step(text, s.number))
    return DevelopmentPlan(rt.key, str(head.get("source", "")), tuple(steps))


def _line_of_step(text: str, number: int) -> int | None:
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip().replace(" ", "") == f"number={number}":
            return n
    return None


def _check(path: Path, text: str, span: tuple[int, int], number: int, raw: Any,
           fields: dict[str, Any], type_key: str) -> StepCheck:
    where = setting_line(text, "checks", span) or span[0]
    if not isinstance(raw, dict) or raw.get("kind") not in CHECK_KEYS:
        kind = raw.get("kind") if isinstance(raw, dict) else raw
        raise DeclarationError(path, f"第 {number} 步有未知的检查 kind = {kind!r}（可用: "
                               f"{', '.join(CHECK_KEYS)}）", where)
    kind = raw["kind"]
    unknown = set(raw) - CHECK_KEYS[kind] - {"kind", "rule"}
    if unknown:
        raise DeclarationError(path, f"第 {number} 步的 {kind} 检查有未知的键 "
                               f"{', '.join(sorted(unknown))}", where)
    if not isinstance(raw.get("rule"), str) or not raw["rule"]:
        raise DeclarationError(path, f"第 {number} 步的 {kind} 检查缺少 rule（依据）", where)
    for name in FIELD_PARAMS:
        if name in raw and raw[name] not in fields:
            raise DeclarationError(path, f"第 {number} 步的 {name} {raw[name]!r} 不是 "
                                   f"{type_key} 的字段", where)
    params = {k: v for k, v in raw.items() if k not in ("kind", "rule")}
    return StepCheck(kind, raw["rule"], params)
