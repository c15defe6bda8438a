"""What a valid 身份证号码 settles about the rest of a person's record.

A citizen ID number carries its holder's birth date (digits 7–14) and sex (digit 17, odd
for men; GB 11643-1999), checked by its last digit. Rosters often hold the birth date to
the month only, or as a number cell Excel has shortened (1985.10 → 1985.1, January or
October), and some have no 性别 column at all. With a valid number:

- an empty birth date or 性别 is filled from it;
- a year-month that agrees is completed to the day (the preview says so);
- an ambiguous value is settled by it when one of its meanings agrees;
- a value that disagrees is a warning showing both, and the field is left for the
  secretary to check (待核实): either may be the typing error, so neither is guessed.

Without a valid number nothing is settled: "2003.1" stays unknown, never January.
Used by the import (``outputs.xlsx``) and the edit form alike; fields are found by role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ledger_app.forms import dates, idcard
from ledger_app.forms.model import RecordType


@dataclass(frozen=True)
class Note:
    field: str          # field key
    level: str          # "info": completed or settled; "warning": the field is 待核实
    message: str        # without the field's label: shown under or beside the field


@dataclass
class Settlement:
    filled: dict[str, Any] = field(default_factory=dict)     # field key -> value to store
    doubtful: dict[str, str] = field(default_factory=dict)   # field key -> why it is 待核实
    notes: list[Note] = field(default_factory=list)


def settle_with_id(rt: RecordType, values: dict[str, Any],
                   candidates: dict[str, tuple[str, ...]] | None = None) -> Settlement:
    """What the record's ID number says about its birth date and 性别.

    ``values`` are stored values; ``candidates`` the possible year-months of a field whose
    cell was ambiguous (the field itself is then empty in ``values``)."""
    out = Settlement()
    id_key = rt.key_for("id_number")
    number = values.get(id_key) if id_key else None
    if not isinstance(number, str) or idcard.problem(number):
        return out
    birth = idcard.birth_date(number)
    birth_field = rt.field_for("birth_date")
    if birth_field is not None and birth is not None:
        _settle_birth(out, birth_field.key, values.get(birth_field.key),
                      birth, (candidates or {}).get(birth_field.key, ()))
    gender_field = rt.field_for("gender")
    sex = idcard.gender(number)
    if gender_field is not None and sex in gender_field.choices:
        typed = values.get(gender_field.key)
        if typed in (None, ""):
            out.filled[gender_field.key] = sex
            out.notes.append(Note(gender_field.key, "info", f"按身份证号码填为“{sex}”"))
        elif typed != sex:
            out.doubtful[gender_field.key] = f"写的是“{typed}”，身份证号码表明是“{sex}”，请核实"
            out.notes.append(Note(gender_field.key, "warning", out.doubtful[gender_field.key]))
    return out


def _settle_birth(out: Settlement, key: str, typed: Any, birth: str,
                  candidates: tuple[str, ...]) -> None:
    shown = dates.chinese(birth)
    if candidates:
        agreeing = [c for c in candidates if birth.startswith(c)]
        if agreeing:
            out.filled[key] = birth
            words = "或".join(dates.chinese(c) for c in candidates)
            out.notes.append(Note(key, "info", f"原写法可能是{words}，按身份证号码确定为{shown}"))
        else:
            out.doubtful[key] = (f"可能是{'或'.join(dates.chinese(c) for c in candidates)}，"
                                 f"身份证号码表明是{shown}，请核实")
            out.notes.append(Note(key, "warning", out.doubtful[key]))
        return
    if typed in (None, ""):
        out.filled[key] = birth
        out.notes.append(Note(key, "info", f"按身份证号码填为{shown}"))
        return
    span = dates.span(typed)
    if span is None:
        return
    day = dates.span(birth)
    if day is None:
        return
    if span.first <= day.first <= span.last:   # agrees (a month or year containing the day)
        if not span.exact:
            out.filled[key] = birth
            out.notes.append(Note(key, "info", f"{dates.chinese(typed)}与身份证号码一致，"
                                                f"已补全为{shown}"))
        return
    out.doubtful[key] = f"写的是{dates.chinese(typed)}，身份证号码表明是{shown}，请核实"
    out.notes.append(Note(key, "warning", out.doubtful[key]))
