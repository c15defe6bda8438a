"""The shipped declarations keep their invariants, and the loader rejects broken ones.

Every rejection test writes one broken record-type file into a throw-away pack and checks
that the DeclarationError names the file, the line that is wrong and the field concerned.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ledger_app.forms.loader import DeclarationError, builtin_pack, load_pack
from ledger_app.forms.model import CATEGORY_KEYS, FIELD_TYPES, TEXT_FORMATS
from ledger_app.forms.packs import installed_packs

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
CJK = re.compile(r"[\u4e00-\u9fff]")
CHOICE_TYPES = ("choice", "multichoice")
PAGE_WIDTH = {"portrait": 180.0, "landscape": 267.0, "auto": 267.0}

# RULES.md §5: the roster's must-have columns, by label.
ROSTER_MUST_HAVE = ("序号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "籍贯", "学历",
                    "党小组", "人员类别", "入党日期", "转正日期", "工作单位及职务", "联系电话",
                    "状态", "备注")

# Record types whose printed table is known to be wider than the page and which this test
# may not change. Each entry must stay true: once fixed, the entry has to be removed.
KNOWN_OVERWIDE: dict[str, str] = {}


@pytest.mark.parametrize("pack_key", installed_packs())
def test_builtin_declarations_keep_their_invariants(pack_key):
    pack = builtin_pack(pack_key)
    assert pack.record_type(pack.member_type).category == "team"
    assert CJK.search(pack.label) and CJK.search(pack.member_noun)
    # Five categories (DESIGN: 五类台账), each one the program knows.
    assert len(pack.categories) == 5 and {c.key for c in pack.categories} <= set(CATEGORY_KEYS)
    for category in pack.categories:
        assert CJK.search(category.label), category.key
        assert category.record_types, f"category {category.key} has no record type"

    type_keys = [rt.key for rt in pack.record_types]
    assert len(type_keys) == len(set(type_keys)), "record type keys repeat"
    problems: list[str] = []
    for rt in pack.record_types:
        where = f"{rt.category}/{rt.key}"
        if not SNAKE.match(rt.key):
            problems.append(f"{where}: key not snake_case")
        if not CJK.search(rt.label):
            problems.append(f"{where}: label {rt.label!r} has no Chinese")
        if rt.source is None or rt.source.parent.name != rt.category \
                or rt.source.stem != rt.key:
            problems.append(f"{where}: declared in {rt.source}, expected {where}.toml")
        keys = [f.key for f in rt.fields]
        if len(keys) != len(set(keys)):
            problems.append(f"{where}: field keys repeat")
        for f in rt.fields:
            fwhere = f"{where}.{f.key}"
            if not SNAKE.match(f.key):
                problems.append(f"{fwhere}: key not snake_case")
            if not f.label.strip() or not CJK.search(f.label):
                problems.append(f"{fwhere}: label {f.label!r} has no Chinese")
            if f.type not in FIELD_TYPES:
                problems.append(f"{fwhere}: unknown type {f.type!r}")
            if (f.type in CHOICE_TYPES) != bool(f.choices):
                problems.append(f"{fwhere}: choices present iff choice type")
            if len(set(f.choices)) != len(f.choices):
                problems.append(f"{fwhere}: choices repeat")
            if f.format and f.format not in TEXT_FORMATS:
                problems.append(f"{fwhere}: unknown format {f.format!r}")
            if f.format in TEXT_FORMATS and not f.sensitive:
                problems.append(f"{fwhere}: format {f.format} but not sensitive")
            if re.search("身份证|身份号码|电话|手机", f.label) and f.type == "text" \
                    and not (f.format and f.sensitive):
                problems.append(f"{fwhere}: ID/phone field without format and sensitive")
            if f.type == "choice" and f.default is not None and f.default not in f.choices:
                problems.append(f"{fwhere}: default not among choices")
            if f.minimum is not None and f.maximum is not None and f.minimum > f.maximum:
                problems.append(f"{fwhere}: min > max")
            if len(set(f.aliases)) != len(f.aliases) or f.label in f.aliases:
                problems.append(f"{fwhere}: aliases repeat or repeat the label")
        if rt.title_field not in keys:
            problems.append(f"{where}: title_field {rt.title_field!r} missing")
        if rt.date_field:
            if rt.date_field not in keys:
                problems.append(f"{where}: date_field {rt.date_field!r} missing")
            elif rt.field(rt.date_field).type not in ("date", "month", "integer"):
                problems.append(f"{where}: date_field is not a date, month or integer")
        if rt.orientation not in PAGE_WIDTH:
            problems.append(f"{where}: orientation {rt.orientation!r}")
        else:
            width = sum(f.print_width for f in rt.table_fields)
            limit = PAGE_WIDTH[rt.orientation]
            if rt.key in KNOWN_OVERWIDE:
                if width <= limit:
                    problems.append(f"{where}: fits now ({width} mm); drop it from KNOWN_OVERWIDE")
            elif width > limit:
                problems.append(f"{where}: table is {width} mm wide, more than {limit} mm "
                                f"({rt.orientation})")
    assert not problems, "\n".join(problems)

    if pack.key == "party_branch":
        roster_labels = {f.label for f in pack.record_type("roster").fields}
        assert not [label for label in ROSTER_MUST_HAVE if label not in roster_labels]


def test_record_types_named_in_design_exist():
    pack = builtin_pack()
    expected = {
        "team": {"roster", "transfer", "development", "committee"},
        "activities": {"meeting", "talk", "evaluation", "activity"},
        "venue": {"six_haves", "election", "publicity", "room_building"},
        "rules": {"work_plan", "work_summary", "study_plan", "regulation", "superior_doc"},
        "funding": {"dues", "funds", "study_material"},
    }
    for category, keys in expected.items():
        assert keys <= {rt.key for rt in pack.category(category).record_types}, category
    six = pack.record_type("six_haves").field("item").choices
    assert six == ("有场所", "有设施", "有标志", "有党旗", "有党报党刊", "有制度")
    stages = pack.record_type("development").field("stage").choices
    assert stages == ("入党申请人", "入党积极分子", "发展对象", "预备党员", "正式党员")


# --- rejections ---------------------------------------------------------------------------

PACK_TOML = """\
[pack]
key = "sample_pack"
label = "样例"
member_type = "sample"

[categories.{category}]
label = "样例类别"
order = 1
"""

GOOD_TYPE = """\
# 样例记录 — a comment that mentions title and venue_name on purpose
[record_type]
key = "sample"
label = "样例记录"
category = "{category}"
title_field = "topic"
date_field = "date"

[[fields]]
key = "topic"
label = "主题"
type = "text"

[[fields]]
key = "date"
label = "日期"
type = "date"

[[fields]]
key = "place"
label = "地点"
type = "text"
"""


def make_pack(tmp_path: Path, type_text: str, category: str = "team",
              folder: str | None = None) -> Path:
    """A pack with pack.toml and one category folder holding ``sample.toml``."""
    root = tmp_path / "pack"
    (root / (folder or category)).mkdir(parents=True)
    (root / "pack.toml").write_text(PACK_TOML.replace("{category}", folder or category),
                                    encoding="utf-8")
    path = root / (folder or category) / "sample.toml"
    path.write_text(type_text.replace("{category}", category), encoding="utf-8")
    return path


def line_of(path: Path, exact: str, occurrence: int = 1) -> int:
    numbers = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if line == exact]
    assert len(numbers) >= occurrence, f"{exact!r} not in {path}"
    return numbers[occurrence - 1]


def rejected(path: Path) -> DeclarationError:
    with pytest.raises(DeclarationError) as info:
        load_pack(path.parent.parent)
    return info.value


def assert_names(error: DeclarationError, path: Path, line: int, *names: str) -> None:
    message = str(error)
    assert str(path) in message and error.path == path
    assert error.line == line and f"{path}:{line}:" in message, message
    detail = message.split(f"{path}:{line}:", 1)[-1]   # not the path, which names the test
    for name in names:
        assert name in detail, f"{name!r} not in {message}"


def test_good_sample_loads(tmp_path):
    path = make_pack(tmp_path, GOOD_TYPE)
    pack = load_pack(path.parent.parent)
    assert [f.key for f in pack.record_type("sample").fields] == ["topic", "date", "place"]


def test_unknown_key_in_a_field(tmp_path):
    text = GOOD_TYPE.replace('label = "地点"\n', 'label = "地点"\ntitle = "活动地点"\n')
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'title = "活动地点"'), "'place'", "'title'")
    assert error.field == "place"


def test_duplicate_field_key(tmp_path):
    text = GOOD_TYPE.replace('key = "place"', 'key = "date"')
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'key = "date"', occurrence=2), "'date'", "重复")


def test_unknown_field_type(tmp_path):
    text = GOOD_TYPE.replace('label = "地点"\ntype = "text"', 'label = "地点"\ntype = "string"')
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'type = "string"'), "'place'", "'string'")


def test_choice_without_choices(tmp_path):
    text = GOOD_TYPE + '\n[[fields]]\nkey = "kind"\nlabel = "类型"\ntype = "choice"\n'
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'key = "kind"'), "'kind'", "choices")


def test_bad_toml_syntax(tmp_path):
    text = GOOD_TYPE.replace('label = "地点"', 'label = "地点')
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'label = "地点'), "'place'", "TOML")


def test_folder_and_category_disagree(tmp_path):
    path = make_pack(tmp_path, GOOD_TYPE, category="activities", folder="team")
    error = rejected(path)
    assert_names(error, path, line_of(path, 'category = "activities"'),
                 "category", "'activities'", "'team'")


def test_title_field_pointing_nowhere(tmp_path):
    text = GOOD_TYPE.replace('title_field = "topic"', 'title_field = "subject"')
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'title_field = "subject"'), "title_field",
                 "'subject'")


def test_rename_to_missing_field(tmp_path):
    text = GOOD_TYPE.replace('date_field = "date"\n',
                             'date_field = "date"\nrenames = { venue_name = "venue" }\n')
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'renames = { venue_name = "venue" }'),
                 "'venue_name'", "'venue'")


def test_rename_in_a_subtable_to_missing_field(tmp_path):
    head, fields = GOOD_TYPE.split("\n[[fields]]", 1)
    text = head + '\n[record_type.renames]\nvenue_name = "venue"\n\n[[fields]]' + fields
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'venue_name = "venue"'), "'venue_name'", "'venue'")


def test_month_precision_only_on_a_date(tmp_path):
    text = GOOD_TYPE.replace('label = "地点"\ntype = "text"',
                             'label = "地点"\ntype = "text"\nprecision = "month"')
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'precision = "month"'), "'place'", "precision")
    text = GOOD_TYPE.replace('label = "日期"\ntype = "date"',
                             'label = "日期"\ntype = "date"\nprecision = "month"')
    path = make_pack(tmp_path / "ok", text)
    assert load_pack(path.parent.parent).record_type("sample").field("date").month_precision


def test_synonym_naming_no_choice(tmp_path):
    text = GOOD_TYPE + ('\n[[fields]]\nkey = "kind"\nlabel = "类型"\ntype = "choice"\n'
                        'choices = ["甲", "乙"]\nsynonyms = { "丙" = ["甲", "丁"] }\n')
    path = make_pack(tmp_path, text)
    error = rejected(path)
    assert_names(error, path, line_of(path, 'synonyms = { "丙" = ["甲", "丁"] }'), "'kind'",
                 "丁")
