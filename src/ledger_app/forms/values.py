"""Turn what a person typed into a stored value, and check a record against its declaration.

Stored values by field type: text/longtext/choice -> str; date -> "YYYY-MM-DD" (or
"YYYY-MM" where the field declares ``precision = "month"``: the day is not known);
month -> "YYYY-MM"; integer -> int; money -> int 分; multichoice -> list[str];
bool -> bool; member -> int (roster record id); members -> list[int].
Every problem is reported in plain Chinese, keyed by field.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ledger_app.forms import idcard
from ledger_app.forms.model import Field, RecordType

_DATE = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")
_MONTH = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?\s*$")
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－／：，", "0123456789.-/:,")


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def parse_date(text: str) -> str | None:
    m = _DATE.match(text.translate(_FULLWIDTH))
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def parse_month(text: str) -> str | None:
    text = text.translate(_FULLWIDTH)
    m = _MONTH.match(text)
    if m and 1 <= int(m[2]) <= 12:
        return f"{int(m[1]):04d}-{int(m[2]):02d}"
    full = parse_date(text)
    return full[:7] if full else None


def parse_date_or_month(text: str) -> str | None:
    """"2024/3/5" → "2024-03-05"; "2024年3月", "2024.3", "2024-03" → "2024-03" (the day is
    not known and is not invented)."""
    full = parse_date(text)
    if full is not None:
        return full
    m = _MONTH.match(text.translate(_FULLWIDTH))
    if m and 1 <= int(m[2]) <= 12:
        return f"{int(m[1]):04d}-{int(m[2]):02d}"
    return None


def normalise_phone(text: str) -> str:
    """One spelling for a number written many ways: full-width digits, spaces, dashes or
    dots inside a mobile, a +86 / 0086 / 86 country prefix, (0731) for the area code.
    138-0000-0003 → 13800000003; +86 731 8451 2345 → 0731-84512345. What is not
    recognisably a phone is returned squeezed, for ``check`` to name."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    digits = re.sub(r"[-().]", "", t)
    m = re.fullmatch(r"(?:\+?86|0086)?(1[3-9]\d{9})", digits)
    if m:
        return m[1]
    national = re.sub(r"^(?:\+86|0086)-?\(?0?", "0", t) if re.match(r"^(\+86|0086)", t) else t
    # Area codes: 010 and 02X have three digits, all others four (GB/T 13728 numbering).
    m = re.fullmatch(r"\(?(0(?:10|2\d|[3-9]\d{2}))\)?-?([1-9]\d{2,3})-?(\d{4})(?:-(\d{1,6}))?",
                     national)
    if m:
        return f"{m[1]}-{m[2]}{m[3]}" + (f"-{m[4]}" if m[4] else "")
    return t


def parse_money(text: str) -> int | None:
    """'12.5' or '12.50元' -> 1250 分; None when it is not an amount."""
    cleaned = text.translate(_FULLWIDTH).replace(",", "").replace("元", "").replace("¥", "").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    exponent = amount.as_tuple().exponent
    # NaN and infinities have a letter for an exponent: not an amount either.
    if not isinstance(exponent, int) or (amount != amount.quantize(Decimal("0.01"))
                                         and exponent < -2):
        return None
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def format_money(fen: int | None) -> str:
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def coerce(field: Field, raw: Any) -> Any:
    """Best-effort conversion of typed or imported input; raises ValueError with a reason."""
    if is_empty(raw):
        return [] if field.type in ("multichoice", "members") else None
    t = field.type
    if t in ("text", "longtext", "choice"):
        value = str(raw).strip() if t != "longtext" else str(raw).rstrip()
        if field.format == "idcard":
            value = value.upper().translate(_FULLWIDTH).replace(" ", "")
        elif field.format == "phone":
            value = normalise_phone(value)
        return value or None
    if t == "date":
        if isinstance(raw, date):
            return raw.isoformat()[:10]
        if field.month_precision:
            parsed = parse_date_or_month(str(raw))
            if parsed is None:
                raise ValueError(f"“{raw}”不是有效日期，请写成 2025-03-15，只知道年月时写 2025-03")
            return parsed
        parsed = parse_date(str(raw))
        if parsed is None:
            if parse_month(str(raw)) is not None and _MONTH.match(str(raw).translate(_FULLWIDTH)):
                raise ValueError(f"“{raw}”只有年月，{field.label}须写到日，如 2025-03-15")
            raise ValueError(f"“{raw}”不是有效日期，请写成 2025-03-15")
        return parsed
    if t == "month":
        if isinstance(raw, date):
            return raw.isoformat()[:7]
        parsed = parse_month(str(raw))
        if parsed is None:
            raise ValueError(f"“{raw}”不是有效年月，请写成 2025-03")
        return parsed
    if t == "integer":
        if isinstance(raw, bool):
            raise ValueError("应为整数")
        if isinstance(raw, int):
            return raw
        text = str(raw).translate(_FULLWIDTH).strip()
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError(f"“{raw}”不是整数")
        return int(text)
    if t == "money":
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        cents = parse_money(str(raw))
        if cents is None:
            raise ValueError(f"“{raw}”不是金额，请写成 12.50")
        return cents
    if t == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip()
        if text in ("是", "有", "1", "true", "True", "√", "✓", "Y", "y"):
            return True
        if text in ("否", "无", "0", "false", "False", "×", "N", "n"):
            return False
        raise ValueError(f"“{raw}”应为 是 或 否")
    if t == "multichoice":
        items = raw if isinstance(raw, (list, tuple)) else re.split(r"[、,，;；/]\s*", str(raw))
        return [str(i).strip() for i in items if str(i).strip()]
    if t == "member":
        return int(raw)
    if t == "members":
        return [int(i) for i in raw]
    return raw


def check(field: Field, value: Any) -> str | None:
    """A plain Chinese problem with an already-coerced value, or None."""
    if is_empty(value):
        return "必填" if field.required else None
    t = field.type
    if t in ("text", "longtext", "choice"):
        if not isinstance(value, str):
            return "应为文字"
        if field.max_length and len(value) > field.max_length:
            return f"最多 {field.max_length} 个字，现在 {len(value)} 个"
        if t == "choice" and value not in field.choices:
            return f"“{value}”不在可选项中（{'、'.join(field.choices)}）"
        if field.format == "idcard":
            reason = idcard.problem(value)
            return f"身份证号码{reason}" if reason else None
        if field.format == "phone" and not _PHONE.match(value):
            return "电话号码格式不对：手机 11 位，座机如 0731-12345678"
    elif t == "multichoice":
        bad = [v for v in value if v not in field.choices]
        if bad:
            return f"“{'、'.join(bad)}”不在可选项中"
    elif t == "date":
        if field.month_precision and isinstance(value, str) and parse_month(value) == value:
            return None
        if not isinstance(value, str) or parse_date(value) != value:
            return ("日期格式应为 YYYY-MM-DD 或 YYYY-MM" if field.month_precision
                    else "日期格式应为 YYYY-MM-DD")
    elif t == "month":
        if not isinstance(value, str) or parse_month(value) != value:
            return "年月格式应为 YYYY-MM"
    elif t in ("integer", "money", "member"):
        if not isinstance(value, int) or isinstance(value, bool):
            return "应为整数"
        if field.minimum is not None and value < field.minimum:
            return f"不能小于 {field.minimum}"
        if field.maximum is not None and value > field.maximum:
            return f"不能大于 {field.maximum}"
    elif t == "members":
        if not all(isinstance(v, int) for v in value):
            return "应为党员列表"
    elif t == "bool":
        if not isinstance(value, bool):
            return "应为 是 或 否"
    return None


def validate(record_type: RecordType, values: dict[str, Any]) -> dict[str, str]:
    """Every problem of a record, keyed by field key; empty when the record is fine."""
    problems: dict[str, str] = {}
    for f in record_type.stored_fields:
        message = check(f, values.get(f.key))
        if message:
            problems[f.key] = message
    unknown = set(values) - {f.key for f in record_type.stored_fields}
    for key in sorted(unknown):
        problems[key] = f"{record_type.label}没有这个字段"
    return problems


def year_of(record_type: RecordType, values: dict[str, Any]) -> int | None:
    """Which year's ledger a record belongs to, from its declared date field."""
    if not record_type.date_field:
        return None
    value = values.get(record_type.date_field)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None
