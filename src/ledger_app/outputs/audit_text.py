"""The audit trail (留痕) as people read it: when, who, what, which record, what changed.

The trail keeps before/after values as stored; every reader — ``ledger-app audit``, the
window's 留痕 view — turns them into text here, through ``forms.display`` field by field, so
a masked view hides a sensitive field's old and new value exactly as a masked table hides
it, and numbers typed into free text too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledger_app.forms.display import display, shown_text

if TYPE_CHECKING:
    from ledger_app.store.audit import AuditLine
    from ledger_app.store.ledger import Ledger

ACTION_LABELS = {
    "create": "新增", "create_many": "批量新增", "update": "修改",
    "delete": "删除（移入回收站）", "restore": "从回收站恢复", "purge": "彻底删除",
    "attach": "添加附件", "detach": "移除附件", "caption": "修改附件说明",
    "settings": "修改组织设置", "create_ledger": "新建台账", "import": "Excel 导入",
    "undo_import": "撤销导入", "show_sensitive": "显示敏感信息",
}
MAX_VALUE_CHARS = 60     # a changed 会议内容 is shown by its start; the record holds all of it


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def action_for(label_or_key: str) -> str:
    """The stored action for a label or key typed on the command line."""
    for key, label in ACTION_LABELS.items():
        if label_or_key in (key, label):
            return key
    return label_or_key


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str             # 2025-03-15 14:02:11
    actor: str
    action: str         # as people say it
    record: str         # 会议记录 #12, or ""
    summary: str
    changes: list[str]  # 字段：前 → 后


def audit_rows(ledger: Ledger, lines: list[AuditLine], masked: bool) -> list[AuditRow]:
    """Readable rows for these lines (masked as chosen)."""
    return [_row(ledger, line, masked) for line in lines]


def _row(ledger: Ledger, line: AuditLine, masked: bool) -> AuditRow:
    rt = None
    if line.type_key:
        try:
            rt = ledger.pack.record_type(line.type_key)
        except Exception:
            rt = None
    record = ""
    if line.entry_id is not None:
        record = f"{rt.label if rt else line.type_key or '记录'} #{line.entry_id}"
    elif rt is not None:
        record = rt.label
    return AuditRow(line.id, line.at.replace("T", " "), line.actor, action_label(line.action),
                    record, shown_text(line.summary, masked),
                    _changes(ledger, rt, line.detail, masked))


def _changes(ledger: Ledger, rt: Any, detail: Any, masked: bool) -> list[str]:
    if not isinstance(detail, dict):
        return []
    fields = {f.key: f for f in rt.stored_fields} if rt is not None else {}
    values = detail.get("after") or detail.get("before")
    if isinstance(values, dict) and set(detail) <= {"after", "before"}:
        word = "新增为" if "after" in detail else "删除前为"
        return [f"{_label(fields, k)}：{word} {_shown(ledger, fields.get(k), v, masked)}"
                for k, v in values.items() if v not in (None, "", [])]
    out = []
    for key, value in detail.items():
        if isinstance(value, list) and len(value) == 2 and not key.startswith("_") \
                and (key in fields or rt is None):
            before, after = (_shown(ledger, fields.get(key), v, masked) for v in value)
            out.append(f"{_label(fields, key)}：{before or '（空）'} → {after or '（空）'}")
    return out


def _label(fields: dict[str, Any], key: str) -> str:
    field = fields.get(key)
    return field.label if field is not None else key


def _shown(ledger: Ledger, field: Any, value: Any, masked: bool) -> str:
    if field is not None:
        text = display(field, value, masked, ledger.records.member_name)
    elif isinstance(value, str):
        text = shown_text(value, masked)
    else:
        text = "" if value is None else shown_text(str(value), masked)
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS] + "…"


def scope_text(date_from: str | None, date_to: str | None, action: str | None,
               user: str | None, record: int | None) -> str:
    """Which lines a printout holds, as its second line says."""
    parts = []
    if date_from or date_to:
        parts.append(f"{date_from or '最早'} 至 {date_to or '今'}")
    if action:
        parts.append(f"操作：{action}")
    if user:
        parts.append(f"操作人：{user}")
    if record is not None:
        parts.append(f"记录 #{record}")
    return "；".join(parts) or "全部留痕"
