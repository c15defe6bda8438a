"""A declaration file read, and where in it a mistake is.

Every TOML declaration (a pack's ``pack.toml``, a record type, ``cadence.toml``, a checklist,
the development steps) is read here; a mistake is reported as a DeclarationError naming the
file, the line and the field, so that whoever edits a declaration sees at once where it is
wrong. The line lookups below exist only for those messages.
"""

from __future__ import annotations

import bisect
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class DeclarationError(ValueError):
    """A declaration file is broken; the message names file, line and field."""

    def __init__(self, path: Path, message: str, line: int | None = None,
                 field: str | None = None):
        self.path, self.line, self.field = path, line, field
        where = f"{path}" + (f":{line}" if line else "")
        what = f"字段 {field!r}: " if field else ""
        super().__init__(f"{where}: {what}{message}")


def line_of(text: str, *needles: str) -> int | None:
    """1-based line of the first line containing all needles, for error messages."""
    for number, line in enumerate(_lines(text), start=1):
        if all(n in line for n in needles):
            return number
    return None


_HEADER = re.compile(r"^\s*\[")
_QUOTES = ('"', "'")
_FIELD_KEY = re.compile(r'^\s*key\s*=\s*["\']([^"\']*)["\']')


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


def table_range(text: str, header: str, nth: int = 0) -> tuple[int, int]:
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


# The two lookups below run for every field of every declaration at each start; they
# compare strings rather than compile a pattern per name (which cost more than the TOML).
def _assigns(line: str, name: str) -> bool:
    """Whether ``line`` assigns ``name`` (``name = …``, the key optionally quoted): the
    same lines as ``^\\s*["']?NAME["']?\\s*=``."""
    rest = line.lstrip()
    starts = (rest, rest[1:]) if rest.startswith(_QUOTES) else (rest,)
    for start in starts:
        if start.startswith(name):
            after = start[len(name):]
            if (after[1:] if after.startswith(_QUOTES) else after).lstrip().startswith("="):
                return True
    return False


def setting_line(text: str, name: str, span: tuple[int, int] | None = None) -> int | None:
    """1-based line where ``name = ...`` is assigned (inside span), else first mention."""
    lines = _lines(text)
    first, last = span or (1, len(lines))
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        if _assigns(lines[number - 1], name):
            return number
    return line_of(text, name)


@lru_cache(maxsize=64)
def _field_key_lines(text: str) -> dict[str, tuple[int, ...]]:
    """Each ``key = "…"`` value of the file and the 1-based lines assigning it."""
    found: dict[str, list[int]] = {}
    for number, line in enumerate(_lines(text), 1):
        match = _FIELD_KEY.match(line)
        if match:
            found.setdefault(match.group(1), []).append(number)
    return {key: tuple(numbers) for key, numbers in found.items()}


def field_line(text: str, field_key: str, span: tuple[int, int] | None = None) -> int | None:
    """1-based line of ``key = "field_key"`` (inside span)."""
    first, last = span or (1, len(_lines(text)))
    return next((n for n in _field_key_lines(text).get(field_key, ()) if first <= n <= last), None)


def field_at_line(text: str, line: int) -> str | None:
    """The key of the [[fields]] table that contains the given line, if any."""
    lines = text.splitlines()
    nth = sum(1 for n in range(1, min(line, len(lines)) + 1)
              if re.match(r"^\s*\[\[fields\]\]", lines[n - 1])) - 1
    if nth < 0:
        return None
    first, last = table_range(text, "[[fields]]", nth)
    for number in range(first, last + 1):
        match = re.match(r'^\s*key\s*=\s*["\']([^"\']*)["\']', lines[number - 1])
        if match:
            return match.group(1)
    return None


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
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
                               field_at_line(text, line) if line else None) from None


def check_keys(path: Path, text: str, table: dict[str, Any], allowed: set[str],
                what: str, field: str | None = None,
                span: tuple[int, int] | None = None) -> None:
    for key in table:
        if key not in allowed:
            raise DeclarationError(path, f"{what}中有未知的键 {key!r}（允许: "
                                   f"{', '.join(sorted(allowed))}）",
                                   setting_line(text, key, span), field)


def expect(path: Path, text: str, value: Any, kind: type | tuple[type, ...], name: str,
            field: str | None = None) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DeclarationError(path, f"{name!r} 的类型不对: {value!r}", line_of(text, name),
                               field)
    return value


def renames_line(text: str, old: str) -> int | None:
    """Line of ``old`` in ``renames = { old = "new" }`` or a ``[record_type.renames]`` table."""
    inline = re.compile(r'^\s*renames\s*=.*["\'\s{,]' + re.escape(old) + r'["\']?\s*=')
    for number, line in enumerate(text.splitlines(), start=1):
        if inline.match(line):
            return number
    return setting_line(text, old, table_range(text, "[record_type.renames]"))
