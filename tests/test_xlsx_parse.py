"""Cell values the way people type them → stored values (outputs/xlsx/parse.py)."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from ledger_app.forms.idcard import check_digit
from ledger_app.forms.loader import builtin_pack
from ledger_app.outputs.xlsx.parse import (
    CellDoubt,
    CellProblem,
    MemberIndex,
    is_month_format,
    parse_cell,
)

PACK = builtin_pack()
ROSTER = PACK.record_type("roster")
DUES = PACK.record_type("dues")


def f(rt, key):
    return rt.field(key)


def valid_id(first17: str = "43010519800101123") -> str:
    return first17 + check_digit(first17)


@pytest.mark.parametrize("raw,fmt,expected", [
    (datetime(2005, 7, 1), "yyyy-mm-dd", "2005-07-01"),
    (38534, "General", "2005-07-01"),            # an Excel date serial
    (38534.5, "General", "2005-07-01"),          # serial with a time of day
    ("2005.07.01", None, "2005-07-01"),
    ("2005年7月1日", None, "2005-07-01"),
    ("2005/7/1", None, "2005-07-01"),
    ("2005-7-1", None, "2005-07-01"),
    ("２００５年７月１日", None, "2005-07-01"),    # full-width digits
    (" 2005-07-01 ", None, "2005-07-01"),
    (20050701, "General", "2005-07-01"),
    ("20050701", None, "2005-07-01"),
    ("2005-07-01 00:00:00", None, "2005-07-01"),
])
def test_dates_typed_many_ways(raw, fmt, expected):
    assert parse_cell(f(ROSTER, "birth_date"), raw, fmt, None) == expected


@pytest.mark.parametrize("raw,fmt", [
    ("2005.07", None), ("2005年7月", None), ("2005-07", None), ("200507", None),
    (2005.07, "General"), (datetime(2005, 7, 1), "yyyy-mm"),
    (datetime(2005, 7, 1), 'yyyy"年"m"月"'),
])
def test_year_month_in_a_date_column_that_needs_the_day_is_a_doubt(raw, fmt):
    with pytest.raises(CellDoubt, match="只有年月（2005年7月），这一项须写到日，留空待核实") as caught:
        parse_cell(f(ROSTER, "arrived_date"), raw, fmt, None)
    assert caught.value.candidates == ("2005-07",)


@pytest.mark.parametrize("raw,fmt", [
    ("2005.07", None), ("2005年7月", None), ("2005-07", None), ("200507", None),
    (2005.07, "General"), (datetime(2005, 7, 1), "yyyy-mm"),
    (datetime(2005, 7, 1), 'yyyy"年"m"月"'),
])
def test_year_month_in_a_month_precision_date_column_is_kept_as_a_month(raw, fmt):
    assert parse_cell(f(ROSTER, "birth_date"), raw, fmt, None) == "2005-07"


def test_ambiguous_number_cell_is_a_doubt_text_cell_is_january():
    with pytest.raises(CellDoubt, match="说不清是 2003 年 1 月还是 10 月") as caught:
        parse_cell(f(ROSTER, "joined_date"), 2003.1, "General", None)
    assert caught.value.candidates == ("2003-01", "2003-10")
    assert parse_cell(f(ROSTER, "joined_date"), "2003.1", None, None) == "2003-01"


@pytest.mark.parametrize("raw,fmt,expected", [
    ("2005.07", None, "2005-07"), ("2005年7月", None, "2005-07"), ("2005-07", None, "2005-07"),
    ("2005/7", None, "2005-07"), (2005.07, "General", "2005-07"), (2005.12, "General", "2005-12"),
    (2005.1, "0.00", "2005-10"), (2005.2, "General", "2005-02"), (200507, "General", "2005-07"),
    (datetime(2005, 7, 1), "yyyy-mm", "2005-07"), (datetime(2005, 7, 15), "yyyy-mm-dd", "2005-07"),
    ("2005年7月1日", None, "2005-07"),
])
def test_month_fields_keep_year_month(raw, fmt, expected):
    assert parse_cell(f(DUES, "month"), raw, fmt, None) == expected


def test_ambiguous_one_decimal_month_is_refused():
    with pytest.raises(CellProblem, match="1 月还是 10 月"):
        parse_cell(f(DUES, "month"), 2005.1, "General", None)


def test_year_only_is_refused():
    with pytest.raises(CellProblem, match="只有年份"):
        parse_cell(f(ROSTER, "birth_date"), 1980, "General", None)


def test_impossible_date_is_refused():
    with pytest.raises(CellProblem, match="没有这一天"):
        parse_cell(f(ROSTER, "birth_date"), "2005年2月30日", None, None)


def test_month_format_detection():
    assert is_month_format("yyyy-mm")
    assert is_month_format('yyyy"年"m"月"')
    assert is_month_format("mmm-yy")
    assert not is_month_format("yyyy-mm-dd")
    assert not is_month_format("yyyy/m/d h:mm")
    assert not is_month_format("General")


def test_valid_id_number_as_text_and_with_spaces_and_lowercase_x():
    number = "11010519491231002X"
    assert parse_cell(f(ROSTER, "id_number"), number, None, None) == number
    assert parse_cell(f(ROSTER, "id_number"), " 110105 19491231 002x ", None, None) == number
    assert parse_cell(f(ROSTER, "id_number"), "'" + number, None, None) == number


@pytest.mark.parametrize("raw", [4.30105198001011e17, 430105198001011000, "4.30105198001011E+17"])
def test_id_number_mangled_into_a_number_is_refused_with_the_reason(raw):
    with pytest.raises(CellProblem, match="15 位有效数字") as info:
        parse_cell(f(ROSTER, "id_number"), raw, "General", None)
    assert "E+17" in str(info.value)


def test_id_number_with_a_wrong_check_digit_names_the_expected_one():
    good = valid_id()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(CellProblem, match=f"应为 {good[-1]}"):
        parse_cell(f(ROSTER, "id_number"), bad, None, None)


def test_masked_id_number_is_refused():
    with pytest.raises(CellProblem, match="打码"):
        parse_cell(f(ROSTER, "id_number"), "110105********002X", None, None)


def test_phone_from_a_numeric_cell():
    assert parse_cell(f(ROSTER, "phone"), 13812345678, "General", None) == "13812345678"


@pytest.mark.parametrize("raw,expected", [("汉", "汉族"), ("汉族", "汉族"), ("蒙古", "蒙古族"),
                                          (" 回 ", "回族"), ("其他", "其他")])
def test_ethnicity(raw, expected):
    assert parse_cell(f(ROSTER, "ethnicity"), raw, None, None) == expected


@pytest.mark.parametrize("raw,expected", [("张 伟", "张伟"), ("张　伟", "张伟"), (" 欧阳  娜娜 ", "欧阳娜娜"),
                                          ("买买提·艾力", "买买提·艾力"), ("Anna Li", "Anna Li")])
def test_stray_spaces_inside_names(raw, expected):
    assert parse_cell(f(ROSTER, "name"), raw, None, ROSTER.title_field) == expected


@pytest.mark.parametrize("raw,expected", [("男", "男"), ("男 ", "男"), ("本科", "大学本科"),
                                          ("大专", "大学专科"), ("正式", "正式党员"),
                                          ("预 备党员", "预备党员")])
def test_choices_with_common_wording(raw, expected):
    key = {"男": "gender", "男 ": "gender"}.get(raw, "education" if "科" in raw or "专" in raw
                                              else "member_class")
    assert parse_cell(f(ROSTER, key), raw, None, None) == expected


def test_unknown_choice_lists_the_options():
    with pytest.raises(CellProblem, match="正式党员、预备党员"):
        parse_cell(f(ROSTER, "member_class"), "群众", None, None)


@pytest.mark.parametrize("raw,expected", [("是", True), ("否", False), ("√", True), (True, True),
                                          (0, False)])
def test_yes_no(raw, expected):
    assert parse_cell(f(ROSTER, "is_mobile"), raw, None, None) is expected


@pytest.mark.parametrize("raw,expected", [(12.5, 1250), (12, 1200), ("12.50元", 1250),
                                          ("￥1,234.56", 123456), (0.1 + 0.2, 30),
                                          ("１２.５", 1250)])
def test_money_to_fen(raw, expected):
    assert parse_cell(f(DUES, "due"), raw, "0.00", None) == expected


def test_money_with_three_decimals_is_refused():
    with pytest.raises(CellProblem, match="两位小数"):
        parse_cell(f(DUES, "due"), 12.345, "General", None)


def test_integer_from_float_and_fullwidth_text():
    assert parse_cell(f(ROSTER, "seq"), 3.0, "General", None) == 3
    assert parse_cell(f(ROSTER, "seq"), "１２", None, None) == 12
    with pytest.raises(CellProblem):
        parse_cell(f(ROSTER, "seq"), 2.5, "General", None)


def test_members_resolve_by_name():
    index = MemberIndex({1: "张伟", 2: "李娜", 3: "王芳", 4: "王芳"})
    meeting = PACK.record_type("meeting")
    assert parse_cell(meeting.field("chair"), "张 伟", None, index) == 1
    activity = PACK.record_type("activity")
    assert parse_cell(activity.field("participants"), "张伟、李娜,张伟", None, index) == [1, 2, 1]
    with pytest.raises(CellProblem, match="没有“赵六”"):
        parse_cell(meeting.field("chair"), "赵六", None, index)
    with pytest.raises(CellProblem, match="2 个“王芳”"):
        parse_cell(meeting.field("chair"), "王芳", None, index)


def test_time_cell_in_a_text_field():
    meeting = PACK.record_type("meeting")
    assert parse_cell(meeting.field("start_time"), time(14, 30), "h:mm", None) == "14:30"


def test_empty_cells():
    assert parse_cell(f(ROSTER, "birth_date"), "  ", None, None) is None
    assert parse_cell(PACK.record_type("meeting").field("kinds"), None, None, None) == []


def test_landline_that_lost_its_leading_zero_is_refused():
    with pytest.raises(CellProblem, match="开头的 0 已丢失"):
        parse_cell(f(ROSTER, "phone"), 73184512345, "General", None)


def test_old_fifteen_digit_id_asks_for_the_new_number():
    with pytest.raises(CellProblem, match="15 位的老身份证号码"):
        parse_cell(f(ROSTER, "id_number"), "430105800701123", None, None)
