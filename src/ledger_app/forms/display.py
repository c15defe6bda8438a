"""How a stored value is shown as text, and how personal numbers are hidden.

Every output (the window's tables, printouts, workbooks, the inspection archive) shows
values through ``display`` and hides them through ``mask`` and ``redact_free_text``, so a
value looks the same, and is hidden the same way, wherever it appears.

The rules, said once:

- ID numbers (公民身份号码, 18 characters, or 15 for the old cards) keep their first 6
  and last 4 characters: the region and the check part, never the birth date.
- Mobile numbers keep their first 3 and last 4 digits (138****5678). A landline keeps
  its area code (public knowledge) and the last 4 digits of the local number. A local
  number written without its area code (7 or 8 digits) keeps its last digits but always
  hides at least 4, so "1234567" is "****567": with fewer hidden digits the number could
  simply be tried.
- Any other sensitive value hides at least half of itself: a quarter at each end is
  kept (at most 6 at the front and 4 at the end), so a value of one to three characters
  is hidden entirely.
- Free text in a masked output (remarks, meeting content, captions, titles, file names)
  has ID-shaped and phone-shaped numbers hidden by the same rules, also when written
  with spaces or dashes between groups, in full-width digits or after +86. Dates,
  amounts, years and document numbers such as 〔2024〕3号 are left alone: only numbers
  of those exact shapes are touched, and never a bare 7- or 8-digit number (which in
  free text is as likely an amount or a date as a phone).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ledger_app.forms import dates
from ledger_app.forms import values as fv
from ledger_app.forms.model import Field

HIDDEN = "*"
LIST_SEPARATOR = "、"
BOOL_WORDS = ("是", "否")

MASKING_NOTE = ("身份证号只显示前 6 位和后 4 位，手机号只显示前 3 位和后 4 位，固定电话只显示"
                "区号和后 4 位；备注、会议内容等文字中的身份证号和电话号码也同样隐藏。")

# Half-width and full-width digits: numbers are typed both ways in Chinese text.
_D = "[0-9０-９]"
# Between groups of digits: nothing, or a dash with at most two spaces around it, or
# one or two spaces (138 1234 5678, 138-1234-5678, 110101 19900307 1234).
_SEP = "(?:[ \u3000\u00a0]{0,2}[-－‐‑–—][ \u3000\u00a0]{0,2}|[ \u3000\u00a0]{1,2})?"
_NO_DIGIT_BEFORE = f"(?<!{_D})"
_NO_DIGIT_AFTER = f"(?!{_D})"
_ID_LAST = "[0-9０-９XxＸｘ]"

_ID18 = f"{_D}{{6}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}{_SEP}{_D}{{3}}{_ID_LAST}(?![0-9０-９A-Za-z])"
_ID15 = f"{_D}{{6}}{_SEP}{_D}{{6}}{_SEP}{_D}{{3}}{_NO_DIGIT_AFTER}"
_MOBILE = (f"(?P<prefix>(?:(?:[+＋]|00|００)[ \u3000]?)?(?:86|８６){_SEP})?"
           f"(?P<mobile>[1１][3-9３-９]{_D}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}){_NO_DIGIT_AFTER}")
# Area codes: 010 and 02X have three digits, all others four; a local number (7 or 8
# digits) never starts with 0.
_AREA = f"[0０](?:[1１][0０]|[2２]{_D}|[3-9３-９]{_D}{{2}})"
_LANDLINE = (f"(?P<area>[(（][ ]?{_AREA}[ ]?[)）][ ]?|{_AREA}{_SEP})"
             f"(?P<local>[1-9１-９]{_D}{{2,3}}{_SEP}{_D}{{4}}){_NO_DIGIT_AFTER}")



@cache
def _shapes() -> re.Pattern[str]:
    """Every ID and phone shape, compiled when first needed (a few milliseconds the
    window's first screen does without). The leading lookahead lets the search skip, at
    C speed, every character that cannot start a number (7 times faster on a meeting's
    text than trying each alternative there)."""
    return re.compile(f"(?=[0-9０-９+＋(（]){_NO_DIGIT_BEFORE}"
                      f"(?:(?P<id>{_ID18}|{_ID15})|{_MOBILE}|{_LANDLINE})")


# A quick test that lets text with no run of 3 digits skip the full search.
_MAYBE = re.compile(f"{_D}{{3}}")
_DIGIT_LIKE = re.compile("[0-9０-９XxＸｘ]")
_DIGIT = re.compile(_D)


def _hide_digits(text: str, keep_head: int, keep_tail: int, pattern: re.Pattern[str] = _DIGIT
                 ) -> str:
    """Hide the digits of ``text`` except the first ``keep_head`` and last ``keep_tail``;
    spaces, dashes and brackets stay where they are, so the shape is still readable."""
    body = text[:-1] if pattern is _DIGIT_LIKE and text[-1:] in ("X", "x") else text
    if body.isascii() and body.isdigit():   # the usual stored value: plain slicing
        end = len(text) - keep_tail
        return text[:keep_head] + HIDDEN * max(0, end - keep_head) + text[max(end, keep_head):]
    positions = [m.start() for m in pattern.finditer(text)]
    chars = list(text)
    for i in positions[keep_head:len(positions) - keep_tail]:
        chars[i] = HIDDEN
    return "".join(chars)


def _local_tail(digits: int) -> int:
    """Digits a local number keeps at its end: up to 4, but at least 4 stay hidden."""
    return max(0, min(4, digits - 4))


def _hide_shape(m: re.Match[str]) -> str:
    if m["id"]:
        return _hide_digits(m["id"], 6, 4, _DIGIT_LIKE)
    if m["mobile"]:
        return (m["prefix"] or "") + _hide_digits(m["mobile"], 3, 4)
    local = m["local"]
    return m["area"] + _hide_digits(local, 0, _local_tail(len(_DIGIT.findall(local))))


def redact_free_text(text: str) -> str:
    """Hide ID-shaped and phone-shaped numbers inside free text; leave the rest as it is."""
    if not text or not _MAYBE.search(text):
        return text
    return _shapes().sub(_hide_shape, text)


def _mask_phone(value: str) -> str:
    if len(value) == 11 and value[0] == "1" and value.isascii() and value.isdigit():
        return value[:3] + "****" + value[7:]   # a plain mobile, the usual stored value
    shaped = _shapes().sub(_hide_shape, value)
    if shaped != value:
        return shaped
    digits = len(_DIGIT.findall(value))
    if digits == 0:
        return _mask_other(value)
    if digits >= 11:
        return _hide_digits(value, 3, 4)
    return _hide_digits(value, 0, _local_tail(digits))


def _mask_other(value: str) -> str:
    keep = len(value) // 4
    head, tail = min(6, keep), min(4, keep)
    return value[:head] + HIDDEN * (len(value) - head - tail) + value[len(value) - tail:]


def mask(field: Field, value: str) -> str:
    """A sensitive field's value as a masked output shows it (see the module's rules)."""
    if not value:
        return value
    if field.format == "idcard" and len(_DIGIT_LIKE.findall(value)) >= 15:
        return _hide_digits(value, 6, 4, _DIGIT_LIKE)
    if field.format == "phone":
        return _mask_phone(value)
    return _mask_other(value)


def _no_name(member_id: int) -> str:
    return ""


def display(field: Field, value: Any, masked: bool = False,
            member_name: Callable[[int], str] = _no_name) -> str:
    """A stored value as text: dates as stored (2025-03-15, 2025-03) except a month-only
    value of a date field ("2003年7月", so it does not read as a typo for a day), money in 元 with two
    decimals, 是/否, lists joined with 、, members by name (``member_name`` looks them up;
    the caller knows where names come from). ``masked`` hides sensitive fields and the
    numbers inside free text."""
    if fv.is_empty(value):
        return ""
    t = field.type
    if t == "money":
        return fv.format_money(int(value))
    if t == "bool":
        return BOOL_WORDS[0] if value else BOOL_WORDS[1]
    if t == "multichoice":
        return LIST_SEPARATOR.join(str(v) for v in value)
    if t == "member":
        return member_name(int(value))
    if t == "members":
        return LIST_SEPARATOR.join(member_name(int(v)) for v in value)
    if t in ("attachments", "attendance"):
        return ""   # kept outside the record; each output shows them its own way
    if field.month_precision and len(str(value)) == 7:
        return dates.chinese(value)   # "2003年7月": plainly a month, never a padded day
    text = str(value)
    if not masked:
        return text
    if field.sensitive:
        return mask(field, text)
    if t in ("text", "longtext"):
        return redact_free_text(text)
    return text


def shown_text(text: str, masked: bool) -> str:
    """Text that is not a field's value (a caption, a file name, a title) as an output
    shows it."""
    return redact_free_text(text) if masked else text
