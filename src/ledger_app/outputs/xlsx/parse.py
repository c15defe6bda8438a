"""Turn one spreadsheet cell into a stored value, the way people really type them.

Dates come as Excel dates, serial numbers, 2005.07.01, 2005年7月1日, 2005/7/1 or
20050701; a year-month (2005.07, 2005年7月, 2005-07, or a date cell formatted to show
only the month) stays a year-month: for a month field, or a date field declared with
``precision = "month"``, it is the value; for a date field that needs the day it is left
blank and 待核实 (no invented day). ID numbers that Excel turned into numbers have lost
their last digits and are refused, never stored.

Two kinds of problem, each with a plain Chinese reason: a ``CellProblem`` means storing
the row would store a wrong value (the row is refused); a ``CellDoubt`` means the cell's
meaning is not certain (a number cell 2003.1 is January or October; 学历 "大学" is 本科 or
专科): the row is imported with that field blank and marked 待核实, never with a guess.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ledger_app.forms import idcard
from ledger_app.forms import values as fv
from ledger_app.forms.model import Field

ETHNIC_GROUPS = [
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
    "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
    "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜",
    "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯",
    "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂",
    "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴",
    "基诺",
]
TRUE_WORDS = {"是", "有", "1", "true", "√", "✓", "y", "yes", "已", "已上墙", "达标", "已退回"}
FALSE_WORDS = {"否", "无", "0", "false", "×", "✗", "n", "no", "未", "没有", "不达标", "未退回"}
LIST_SPLIT = re.compile(r"\s*[、,，;；/]\s*")
_FULL_DATE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?"
                        r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff·])\s+(?=[\u3400-\u9fff·])")
_EXCEL_EPOCH = datetime(1899, 12, 30)
LAST_SERIAL = 2958465   # 9999-12-31


class CellProblem(ValueError):
    """The cell's value cannot be stored; ``str()`` says why in plain Chinese."""


class CellDoubt(CellProblem):
    """The cell may mean more than one thing, or is not known well enough to store: the
    field stays blank and 待核实. ``candidates`` are what it may mean (year-months for a
    date), so that a row's 身份证号码 can settle it."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()):
        super().__init__(message)
        self.candidates = candidates


def is_month_format(fmt: str | None) -> bool:
    """A date number format showing only year and month (yyyy-mm, yyyy"年"m"月", mmm-yy)."""
    if not fmt:
        return False
    core = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", fmt).lower()
    return "y" in core and "m" in core and "d" not in core and "h" not in core


def has_two_decimals(fmt: str | None) -> bool:
    return fmt is not None and "0.00" in fmt


def display(value: Any) -> str:
    """How a raw value reads in a message."""
    if isinstance(value, float):
        if abs(value) >= 1e15:
            return f"{value:.14E}".replace("E+", "E+").rstrip()
        return f"{value:.15g}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    return str(value)


def as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.15g}"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, time):
        return value.strftime("%H:%M") if not value.second else value.strftime("%H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def halfwidth(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def squeeze_name(text: str) -> str:
    """"张 伟" and "张　伟" are 张伟: padding between characters is how rosters align names."""
    return _CJK_GAP.sub("", text.strip())


# ---- dates ----------------------------------------------------------------------------------

def _serial_to_date(number: float) -> date:
    from datetime import timedelta

    if not 1 <= number <= LAST_SERIAL:
        raise CellProblem(f"“{display(number)}”不是有效日期")
    day = _EXCEL_EPOCH + timedelta(days=int(number))
    if number < 61:  # Excel's invented 1900-02-29
        day += timedelta(days=1)
    return day.date()


def _number_date(number: float, fmt: str | None) -> tuple[str, str]:
    """('date', 'YYYY-MM-DD') or ('month', 'YYYY-MM') from a numeric cell."""
    if isinstance(number, float) and not number.is_integer():
        text = f"{number:.2f}" if has_two_decimals(fmt) else repr(number)
        m = re.fullmatch(r"(\d{4})\.(\d{1,2})", text)
        if m and 1900 <= int(m[1]) <= 2100:
            year, digits = int(m[1]), m[2]
            if len(digits) == 1 and digits == "1":
                raise CellDoubt(
                    f"“{text}”说不清是 {year} 年 1 月还是 10 月（Excel 会把 {year}.10 存成 {year}.1），"
                    f"待核实。以后可把这一格设为文本，写成 {year}-01 或 {year}-10",
                    (f"{year:04d}-01", f"{year:04d}-10"))
            month = int(digits)
            if not 1 <= month <= 12:
                raise CellProblem(f"“{text}”不是有效年月")
            return "month", f"{year:04d}-{month:02d}"
        if 1 <= number <= LAST_SERIAL:
            return "date", _serial_to_date(number).isoformat()
        raise CellProblem(f"“{display(number)}”不是日期")
    whole = int(number)
    digits = str(abs(whole))
    if len(digits) == 8:
        return _compact(digits)
    if len(digits) == 6 and 1 <= whole % 100 <= 12 and 1900 <= whole // 100 <= 2100:
        return "month", f"{whole // 100:04d}-{whole % 100:02d}"
    if len(digits) == 4 and 1900 <= whole <= 2100:
        raise CellDoubt(f"“{whole}”只有年份，缺少月和日，待核实")
    return "date", _serial_to_date(whole).isoformat()


def _compact(digits: str) -> tuple[str, str]:
    m = _COMPACT.match(digits)
    if not m:
        raise CellProblem(f"“{digits}”不是日期")
    if m[3] is None:
        if 1 <= int(m[2]) <= 12:
            return "month", f"{m[1]}-{m[2]}"
        raise CellProblem(f"“{digits}”不是有效年月")
    try:
        return "date", date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise CellProblem(f"“{digits}”不是有效日期（没有这一天）") from None


def _text_date(text: str) -> tuple[str, str]:
    text = halfwidth(text).strip().lstrip("'")
    m = _FULL_DATE.match(text)
    if m:
        try:
            return "date", date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            raise CellProblem(f"“{text}”不是有效日期（没有这一天）") from None
    m = _YEAR_MONTH.match(text)
    if m:
        if 1 <= int(m[2]) <= 12:
            return "month", f"{int(m[1]):04d}-{int(m[2]):02d}"
        raise CellProblem(f"“{text}”不是有效年月")
    if text.isdigit() and len(text) in (6, 8):
        return _compact(text)
    if re.fullmatch(r"\d{4}\s*年?", text):
        raise CellDoubt(f"“{text}”只有年份，缺少月和日，待核实")
    raise CellProblem(f"“{text}”不是日期，请写成 2005-07-01 这样的格式")


def date_or_month(value: Any, fmt: str | None) -> tuple[str, str]:
    if isinstance(value, datetime):
        if is_month_format(fmt):
            return "month", value.strftime("%Y-%m")
        return "date", value.date().isoformat()
    if isinstance(value, date):
        return "date", value.isoformat()
    if isinstance(value, bool):
        raise CellProblem("应为日期")
    if isinstance(value, (int, float)):
        return _number_date(value, fmt)
    if isinstance(value, time):
        raise CellProblem("这一格是时间，不是日期")
    return _text_date(str(value))


def parse_date_cell(value: Any, fmt: str | None, month_ok: bool = False) -> str:
    """A day ("YYYY-MM-DD"), or a year-month where ``month_ok`` (a field declared with
    ``precision = "month"``)."""
    kind, text = date_or_month(value, fmt)
    if kind == "month" and not month_ok:
        year, month = text.split("-")
        raise CellDoubt(f"只有年月（{int(year)}年{int(month)}月），这一项须写到日，留空待核实"
                        f"（不随意补 1 日）", (text,))
    return text


def parse_month_cell(value: Any, fmt: str | None) -> str:
    _kind, text = date_or_month(value, fmt)
    return text[:7]


# ---- other types ----------------------------------------------------------------------------

ID_LOST_DIGITS = ("身份证号码被 Excel 存成了数字（显示为 {shown}）：Excel 的数字只保留 15 位有效数字，"
                  "18 位号码的后几位已经丢失，无法还原，这一行不导入。请在 Excel 中把该列设为“文本”"
                  "格式，重新输入或粘贴正确号码后再导入")


def parse_idcard(value: Any) -> str:
    if isinstance(value, bool):
        raise CellProblem("应为身份证号码")
    if isinstance(value, float) and (not value.is_integer() or abs(value) >= 1e15):
        raise CellProblem(ID_LOST_DIGITS.format(shown=f"{value:.14E}"))
    if isinstance(value, int) and abs(value) >= 10 ** 15:
        raise CellProblem(ID_LOST_DIGITS.format(shown=f"{value:.14E}"))
    text = halfwidth(as_text(value)).strip().lstrip("'").replace(" ", "").upper()
    if _SCIENTIFIC.match(text):
        raise CellProblem(ID_LOST_DIGITS.format(shown=text))
    if "*" in text:
        raise CellProblem("身份证号码已打码（部分数字被 * 隐藏），不能导入。请使用未打码的原始号码"
                          "（导出时勾选“不隐藏敏感信息”）")
    if len(text) == 15 and text.isdigit():
        raise CellProblem("这是 15 位的老身份证号码，请改为 18 位号码（第二代身份证上的号码）")
    problem = idcard.problem(text)
    if problem:
        raise CellProblem(f"身份证号码{problem}")
    return text


def parse_phone(field: Field, value: Any) -> str:
    """One spelling of a phone (``forms.values.normalise_phone``); a cell that is not
    recognisably a phone is a doubt: the number is not lost, it is for the secretary to read."""
    if isinstance(value, float) and not value.is_integer():
        raise CellDoubt(f"“{display(value)}”不是电话号码，留空待核实")
    text = halfwidth(as_text(value)).strip().lstrip("'").replace(" ", "")
    if "*" in text:
        raise CellDoubt("电话号码已打码（部分数字被 * 隐藏），留空待核实")
    if isinstance(value, (int, float)) and not text.startswith("1") and len(text) in (9, 10, 11):
        # 0731-84512345 typed into a number cell becomes 73184512345.
        raise CellDoubt(f"电话号码被 Excel 存成了数字，开头的 0 已丢失（现在是 {text}），留空待核实。"
                        "以后请把该列设为“文本”格式")
    phone = fv.normalise_phone(text)
    problem = fv.check(field, phone)
    if problem:
        raise CellDoubt(f"“{as_text(value)}”：{problem}，留空待核实")
    return phone


def parse_integer(value: Any) -> int:
    if isinstance(value, bool):
        raise CellProblem("应为整数")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellProblem(f"“{display(value)}”不是整数")
    text = halfwidth(as_text(value)).strip().replace(",", "")
    if re.fullmatch(r"[+-]?\d+(\.0+)?", text):
        return int(text.split(".")[0])
    raise CellProblem(f"“{text}”不是整数")


def parse_money(value: Any) -> int:
    """Yuan in the cell → integer 分."""
    if isinstance(value, bool):
        raise CellProblem("应为金额")
    if isinstance(value, int):
        return value * 100
    if isinstance(value, float):
        exact = Decimal(repr(value))
        cents = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        # A formula's 0.1 + 0.2 is 0.30000000000000004: that is still 0.30, not a third decimal.
        if abs(exact - cents) > Decimal("1e-9"):
            raise CellProblem(f"“{display(value)}”超过两位小数，金额只记到分")
        return int(cents.scaleb(2))
    text = halfwidth(as_text(value)).strip().replace("￥", "").replace("¥", "")
    parsed = fv.parse_money(text)
    if parsed is None:
        try:
            Decimal(text.replace(",", "").replace("元", ""))
        except InvalidOperation:
            raise CellProblem(f"“{text}”不是金额，请写成 12.50") from None
        raise CellProblem(f"“{text}”超过两位小数，金额只记到分")
    return parsed


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = halfwidth(as_text(value)).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellProblem(f"“{as_text(value)}”应为 是 或 否")


def parse_choice(field: Field, value: Any) -> str:
    text = as_text(value).strip()
    if text in field.choices:
        return text
    squeezed = re.sub(r"\s+", "", halfwidth(text))
    for choice in field.choices:
        if re.sub(r"\s+", "", halfwidth(choice)) == squeezed:
            return choice
    meant = field.synonym(squeezed)
    if len(meant) == 1:
        return meant[0]
    if not meant and len(squeezed) >= 2:
        meant = tuple(c for c in field.choices if squeezed in c or (len(c) >= 2 and c in squeezed))
        if len(meant) == 1:
            return meant[0]
    if len(meant) > 1:
        raise CellDoubt(f"“{text}”可能是{'或'.join(meant)}，留空待核实")
    raise CellDoubt(f"“{text}”不在可选项中（{'、'.join(field.choices)}），留空待核实")


def parse_ethnicity(text: str) -> str:
    """"汉" → "汉族"; anything else stays as typed."""
    short = re.sub(r"\s+", "", text)
    if short in ETHNIC_GROUPS:
        return short + "族"
    if short.endswith("族") and short[:-1] in ETHNIC_GROUPS:
        return short
    return text


class MemberIndex:
    """Roster names → record ids, for columns naming members."""

    def __init__(self, names: dict[int, str], roster: str = "名册"):
        self.roster = roster
        self.by_name: dict[str, list[int]] = {}
        for member_id, name in names.items():
            self.by_name.setdefault(squeeze_name(name or ""), []).append(member_id)

    def resolve(self, name: str) -> int:
        key = squeeze_name(name)
        found = self.by_name.get(key, [])
        if not found:
            raise CellProblem(f"{self.roster}中没有“{key}”，请先在名册中登记，或核对姓名")
        if len(found) > 1:
            raise CellProblem(f"{self.roster}中有 {len(found)} 个“{key}”，无法确定是哪一位，请在程序中逐条填写")
        return found[0]


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_name_field(field: Field, title_field: str) -> bool:
    return field.type == "text" and ((field.key == title_field and "名" in field.label)
                                     or field.role == "person_name" or "姓名" in field.label)


def parse_cell(field: Field, value: Any, fmt: str | None, members: MemberIndex | None,
               title_field: str = "") -> Any:
    """The stored value for one cell; None for an empty cell; raises CellProblem."""
    if is_blank(value):
        return [] if field.type in ("multichoice", "members") else None
    t = field.type
    if t == "date":
        return parse_date_cell(value, fmt, field.month_precision)
    if t == "month":
        return parse_month_cell(value, fmt)
    if t == "integer":
        return parse_integer(value)
    if t == "money":
        return parse_money(value)
    if t == "bool":
        return parse_bool(value)
    if t == "choice":
        return parse_choice(field, value)
    if t == "multichoice":
        return [parse_choice(field, part) for part in LIST_SPLIT.split(as_text(value).strip())
                if part.strip()]
    if t in ("member", "members"):
        if members is None:
            raise CellProblem("无法对照名册")
        if t == "member":
            return members.resolve(as_text(value))
        return [members.resolve(part) for part in LIST_SPLIT.split(as_text(value).strip())
                if part.strip()]
    if field.format == "idcard":
        return parse_idcard(value)
    if field.format == "phone":
        return parse_phone(field, value)
    if t == "longtext":
        return as_text(value).rstrip() or None
    text = as_text(value).strip()
    if field.role == "ethnicity" or field.label == "民族":
        return parse_ethnicity(text)
    if is_name_field(field, title_field):
        return squeeze_name(text)
    return text or None
