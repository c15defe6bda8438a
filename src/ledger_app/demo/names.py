"""Believable people for the demo: names, ID numbers, phones, places and workplaces.

Everything is drawn from a ``random.Random`` the caller seeds, so a demo is reproducible.
ID numbers follow GB 11643-1999 (region, birth date, sequence with the sex digit, check
digit), so the ledger's own ID check accepts every one of them.
"""

from __future__ import annotations

import random
from datetime import date

from ledger_app.forms.idcard import check_digit

# Common surnames, the most frequent first (drawn with falling weights).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
    "程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤"
)

# Given names by generation: names follow fashions, so a 1950s member and a 2000s
# member should not sound alike.
_OLDER_MALE_PAIRS = ("建国", "国强", "志刚", "文华", "德明", "永福", "庆生", "建华", "卫东",
                     "海军", "红兵", "新民", "立新", "铁柱", "忠诚", "耀祖", "解放", "国庆")
_OLDER_FEMALE_PAIRS = ("秀英", "桂兰", "玉珍", "淑芬", "凤英", "美兰", "素珍", "翠华", "红梅",
                       "丽华", "建英", "春兰", "月娥", "金凤", "玉兰", "爱华")
_MIDDLE_MALE_PAIRS = ("志强", "海涛", "建平", "晓东", "立军", "伟民", "永刚", "俊峰", "振华",
                      "宏伟", "晓明", "国栋", "卫平", "小平", "红军", "利民", "新华", "家辉")
_MIDDLE_FEMALE_PAIRS = ("丽娟", "晓燕", "春梅", "海燕", "小红", "艳玲", "晓玲", "丽萍", "文静",
                        "秀梅", "慧敏", "雪梅", "爱玲", "晓红", "桂芳", "敏")
_YOUNGER_MALE_PAIRS = ("浩然", "宇轩", "子豪", "博文", "俊杰", "明哲", "思远", "一鸣", "嘉豪",
                       "天佑", "家乐", "鹏飞", "晨阳", "子健", "文博", "志远", "昊天")
_YOUNGER_FEMALE_PAIRS = ("欣怡", "雨桐", "梓涵", "诗琪", "佳怡", "思雨", "梦瑶", "婧琳", "雪晴",
                         "语嫣", "晓彤", "若曦", "佳慧", "可馨", "紫萱", "心怡")
_SINGLE_MALE = "伟强军磊洋勇杰涛斌超明刚平辉鹏华飞鑫波宁"
_SINGLE_FEMALE = "芳娟敏静丽艳娜霞燕玲婷雪琳颖萍红洁"

# Ethnic groups of the region the demo is set in (Hunan): mostly 汉族.
ETHNICITIES = (("汉族", 90), ("土家族", 4), ("苗族", 3), ("回族", 2), ("侗族", 1))

# Six-digit region codes (住址编码) of counties in Hunan: the first part of an ID number.
REGIONS = (
    ("430104", "湖南长沙"), ("430102", "湖南长沙"), ("430111", "湖南长沙"),
    ("430121", "湖南长沙"), ("430181", "湖南浏阳"), ("430202", "湖南株洲"),
    ("430302", "湖南湘潭"), ("430321", "湖南湘潭"), ("430421", "湖南衡阳"),
    ("430521", "湖南邵东"), ("430602", "湖南岳阳"), ("430682", "湖南临湘"),
    ("430702", "湖南常德"), ("430902", "湖南益阳"), ("431002", "湖南郴州"),
    ("431102", "湖南永州"), ("431202", "湖南怀化"), ("431302", "湖南娄底"),
    ("433101", "湖南吉首"), ("420106", "湖北武汉"), ("360102", "江西南昌"),
)

MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                   "151", "152", "153", "155", "156", "158", "159", "176", "177", "180",
                   "181", "185", "186", "187", "188", "189", "199")

STREETS = ("桂花路", "幸福里", "芙蓉北路", "枫林三路", "银杉路", "望岳路", "金星中路", "湘江北路")


def pick_weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def surname(rng: random.Random) -> str:
    # Zipf-like: the first surnames are far more common, as in real rosters.
    weights = [1.0 / (i + 4) for i in range(len(SURNAMES))]
    return rng.choices(SURNAMES, weights=weights)[0]


def given_name(rng: random.Random, gender: str, birth_year: int) -> str:
    male = gender == "男"
    if rng.random() < 0.22:  # a one-character given name: a two-character full name
        return rng.choice(_SINGLE_MALE if male else _SINGLE_FEMALE)
    pool: tuple[str, ...]
    if birth_year < 1962:
        pool = _OLDER_MALE_PAIRS if male else _OLDER_FEMALE_PAIRS
    elif birth_year < 1985:
        pool = _MIDDLE_MALE_PAIRS if male else _MIDDLE_FEMALE_PAIRS
    else:
        pool = _YOUNGER_MALE_PAIRS if male else _YOUNGER_FEMALE_PAIRS
    return rng.choice(pool)


class NameBook:
    """Hands out full names, avoiding repeats while it can (a real roster rarely has twins)."""

    def __init__(self, rng: random.Random, reserved: tuple[str, ...] = ()):
        self.rng = rng
        self.used: set[str] = set(reserved)

    def name(self, gender: str, birth_year: int) -> str:
        candidate = ""
        for _ in range(40):
            candidate = surname(self.rng) + given_name(self.rng, gender, birth_year)
            if candidate not in self.used:
                break
        self.used.add(candidate)
        return candidate


class IdNumbers:
    """Valid 18-digit 公民身份号码, unique within one demo."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def make(self, birth: date, gender: str, region: str | None = None) -> str:
        while True:
            code = region or self.rng.choice(REGIONS)[0]
            seq = self.rng.randrange(0, 100) * 10 + self.rng.randrange(0, 10)
            # The 17th digit is odd for men, even for women.
            if (seq % 2 == 1) != (gender == "男"):
                seq = seq + 1 if seq % 10 != 9 else seq - 1
            first17 = f"{code}{birth:%Y%m%d}{seq:03d}"
            number = first17 + check_digit(first17)
            if number not in self.used:
                self.used.add(number)
                return number


class Phones:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def mobile(self) -> str:
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10 ** 8):08d}"
            if number not in self.used:
                self.used.add(number)
                return number


def native_place(rng: random.Random) -> tuple[str, str]:
    """(region code, 籍贯) chosen together, so the ID number matches the 籍贯 most of the time."""
    code, place = rng.choice(REGIONS)
    return code, place


def address(rng: random.Random, community: str) -> str:
    return (f"{community}{rng.choice(STREETS)}{rng.randrange(1, 60)}号"
            f"{rng.randrange(1, 12)}栋{rng.randrange(1, 6)}单元"
            f"{rng.randrange(1, 18)}0{rng.randrange(1, 5)}")


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals, for 第二十三党小组."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    head = "十" if tens == 1 else digits[tens] + "十"
    return head + (digits[ones] if ones else "")


def group_names(count: int) -> list[str]:
    return [f"第{chinese_number(i + 1)}党小组" for i in range(count)]
