"""Chinese citizen ID numbers (公民身份号码), GB 11643-1999."""

from __future__ import annotations

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def problem(value: str) -> str | None:
    """None when the number is valid, else a plain Chinese reason."""
    value = value.strip().upper()
    if len(value) != 18:
        return f"应为 18 位，现在是 {len(value)} 位"
    if not _SHAPE.match(value):
        return "前 17 位应为数字，最后一位为数字或 X"
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return f"其中的出生日期 {value[6:14]} 不存在"
    expected = check_digit(value[:17])
    if value[17] != expected:
        return f"校验位不对（按 GB 11643 应为 {expected}），请核对是否抄错"
    return None


def birth_date(value: str) -> str | None:
    """The YYYY-MM-DD birth date inside a valid number."""
    if problem(value):
        return None
    return f"{value[6:10]}-{value[10:12]}-{value[12:14]}"



def gender(value: str) -> str | None:
    """男 or 女 from a valid number: the 17th digit is odd for men, even for women
    (GB 11643-1999 §4.3, 顺序码)."""
    if problem(value):
        return None
    return "男" if int(value[16]) % 2 else "女"
