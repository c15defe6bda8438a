"""One way to show and hide a value: hand-written expectations at every boundary."""

from __future__ import annotations

import pytest

from ledger_app.forms.display import display, mask, redact_free_text, shown_text
from ledger_app.forms.model import Field

ID = Field("id_number", "公民身份号码", "text", sensitive=True, format="idcard")
PHONE = Field("phone", "联系电话", "text", sensitive=True, format="phone")
SECRET = Field("address", "家庭住址", "text", sensitive=True)
NOTE = Field("note", "备注", "text")
CONTENT = Field("content", "会议内容", "longtext")
KIND = Field("kind", "类型", "choice", choices=("甲", "乙"))


# ---- sensitive fields -----------------------------------------------------------------------

@pytest.mark.parametrize("value, shown", [
    ("110101199003071234", "110101********1234"),
    ("11010119900307123X", "110101********123X"),
    ("110101900307123", "110101*****7123"),            # old 15-digit card
    ("1101011990", "11******90"),                      # not an ID at all: the general rule
    ("12", "**"),
])
def test_id_numbers_keep_first_six_and_last_four(value, shown):
    assert mask(ID, value) == shown


@pytest.mark.parametrize("value, shown", [
    ("13812345678", "138****5678"),
    ("138 1234 5678", "138 **** 5678"),
    ("+86 13812345678", "+86 138****5678"),
    ("010-12345678", "010-****5678"),                  # area code stays, local keeps last 4
    ("0731-12345678", "0731-****5678"),
    ("0731-1234567", "0731-****567"),                  # 7-digit local: at least 4 hidden
    ("12345678", "****5678"),                          # landline without area code
    ("1234567", "****567"),
    ("5678", "****"),
    ("12", "**"),
    ("分机", "**"),                                    # no digits: the general rule
])
def test_phones(value, shown):
    assert mask(PHONE, value) == shown


@pytest.mark.parametrize("value, shown", [
    ("张三", "**"),             # a two-character value is hidden too
    ("王小明", "***"),
    ("北京市东", "北**东"),
    ("北京市东城区和平里街道", "北京*******街道"),
    ("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十", "一二三四五六" + "*" * 20 + "七八九十"),
])
def test_other_sensitive_values_hide_at_least_half(value, shown):
    assert mask(SECRET, value) == shown


# ---- display ------------------------------------------------------------------------------

def test_display_by_type():
    names = {7: "张伟", 9: "李娜"}.__getitem__
    assert display(Field("d", "日期", "date"), "2025-03-15") == "2025-03-15"
    assert display(Field("m", "月份", "month"), "2025-03") == "2025-03"
    assert display(Field("a", "金额", "money"), 1250) == "12.50"
    assert display(Field("a", "金额", "money"), -5) == "-0.05"
    assert display(Field("n", "人数", "integer"), 35) == "35"
    assert display(Field("b", "是否", "bool"), True) == "是"
    assert display(Field("b", "是否", "bool"), False) == "否"
    assert display(Field("k", "类型", "multichoice"), ["党课", "主题党日"]) == "党课、主题党日"
    assert display(Field("c", "主持人", "member"), 7, member_name=names) == "张伟"
    assert display(Field("p", "参加人员", "members"), [9, 7], member_name=names) == "李娜、张伟"
    assert display(NOTE, None) == ""
    assert display(NOTE, "") == ""
    assert display(Field("k", "类型", "multichoice"), []) == ""


def test_display_masks_only_when_asked():
    assert display(ID, "110101199003071234", masked=False) == "110101199003071234"
    assert display(ID, "110101199003071234", masked=True) == "110101********1234"
    assert display(PHONE, "1234567", masked=True) == "****567"
    assert display(NOTE, "电话13812345678", masked=True) == "电话138****5678"
    assert display(NOTE, "电话13812345678", masked=False) == "电话13812345678"
    assert display(CONTENT, "联系：010-87654321", masked=True) == "联系：010-****4321"
    assert display(KIND, "甲", masked=True) == "甲"


# ---- free text ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("身份证110101199003071234。", "身份证110101********1234。"),
    ("号码11010119900307123x", "号码110101********123x"),
    ("110101 19900307 1234", "110101 ******** 1234"),
    ("110101-1990-0307-1234", "110101-****-****-1234"),
    ("１１０１０１１９９００３０７１２３４", "１１０１０１********１２３４"),
    ("旧证110101900307123号", "旧证110101*****7123号"),
    ("电话13812345678", "电话138****5678"),
    ("电话 138 1234 5678", "电话 138 **** 5678"),
    ("电话138-1234-5678", "电话138-****-5678"),
    ("+86 138 1234 5678", "+86 138 **** 5678"),
    ("8613812345678", "86138****5678"),
    ("0086-138-1234-5678", "0086-138-****-5678"),
    ("＋８６ １３８１２３４５６７８", "＋８６ １３８****５６７８"),
    ("手机：１３８－１２３４－５６７８", "手机：１３８－****－５６７８"),
    ("座机0731-84567890转", "座机0731-****7890转"),
    ("座机（010）87654321", "座机（010）****4321"),
    ("座机 0755 8456789", "座机 0755 ****789"),
    ("两个号码13812345678、13987654321", "两个号码138****5678、139****4321"),
])
def test_numbers_in_free_text_are_hidden(text, shown):
    assert redact_free_text(text) == shown


@pytest.mark.parametrize("text", [
    "2024-03-15", "2024年3月15日", "20240315", "2024.03.15", "2024/3/15 14:30",
    "京组发〔2024〕3号", "〔2023〕12号文件", "2024年度", "第 35 次", "到会 35 人",
    "收党费 1380.50 元", "金额 12345678.00 元", "1,234,567 元", "12345678",
    "1234567", "一张 16 位卡号 6222021234567890", "编号 13812345678901",
    "会议于2024年3月15日14:30召开，到会35人，收党费1380.50元",
    "2024-01-01至2024-12-31", "5,000.00", "",
])
def test_dates_amounts_and_document_numbers_are_left_alone(text):
    assert redact_free_text(text) == text


def test_a_masked_number_is_not_masked_again():
    once = redact_free_text("电话 13812345678，身份证 110101199003071234")
    assert redact_free_text(once) == once == "电话 138****5678，身份证 110101********1234"


def test_shown_text():
    assert shown_text("照片：张伟13812345678.jpg", masked=True) == "照片：张伟138****5678.jpg"
    assert shown_text("照片：张伟13812345678.jpg", masked=False) == "照片：张伟13812345678.jpg"
