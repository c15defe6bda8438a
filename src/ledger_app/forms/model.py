"""Plain dataclasses for declared record types: what every other layer reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

# Every declared field has one of these types. The store, the UI, Excel and PDF
# each map them; a test checks every layer knows every type.
FIELD_TYPES = (
    "text",         # one line of text
    "longtext",     # paragraphs (meeting content, summaries)
    "date",         # YYYY-MM-DD
    "month",        # YYYY-MM: a year-month with no invented day
    "integer",
    "money",        # integer 分 (fen), never float
    "choice",       # one of `choices`
    "multichoice",  # several of `choices`
    "bool",
    "member",       # link to one roster record
    "members",      # links to several roster records
    "attachments",  # photos, scans, documents (kept in the attachments table)
    "attendance",   # per-member presence for a meeting (kept in the attendance table)
)

# Types whose values live outside the record's own table.
DETACHED_TYPES = ("attachments", "attendance")

TEXT_FORMATS = ("idcard", "phone")

DATE_PRECISIONS = ("day", "month")

# The five of a Party branch (DESIGN) and 组织机构与班子, which a 关工委 or 工会 keeps apart.
CATEGORY_KEYS = ("team", "activities", "venue", "rules", "funding", "organisation")

# Roles: what a field or a record type *means*, so that rules and outputs ask the
# declaration for "the person's name" instead of spelling a pack's field keys.
FIELD_ROLES = {
    # people (the roster)
    "person_name": "姓名", "id_number": "公民身份号码", "gender": "性别",
    "birth_date": "出生日期", "group": "所在小组", "member_class": "人员类别",
    "joined": "加入日期", "confirmed": "转正日期", "arrived": "转入本组织日期",
    "left": "离开日期", "status": "状态", "seq": "序号", "phone": "联系电话",
    "dues_group": "党费类别", "dues_base": "党费计算基数", "ethnicity": "民族",
    "person_post": "本人职务",
    "dues_base_from": "新基数起算月份", "dues_paid_date": "交纳日期",
    # transfers (转入转出)
    "transfer_direction": "转接方向", "dues_paid_to": "党费交至", "letter_no": "介绍信编号",
    "receipt_returned": "回执已退回", "receipt_date": "回执日期", "valid_days": "有效期",
    "from_org": "转出党组织", "to_org": "转入党组织",
    # 民主评议: one record per member and year
    "eval_year": "评议年度", "eval_grade": "评定等次", "eval_self": "个人自评", "eval_peer": "党员互评",
    "eval_comment": "支部评定意见",
    # meetings
    "meeting_kinds": "会议类型", "meeting_group": "会议所属小组", "place": "地点",
    "chair": "主持人", "recorder": "记录人", "start_time": "开始时间", "end_time": "结束时间",
    # a link to one person (committee post, dues, evaluation)
    "person": "人员",
    # dues: one record per member and month
    "dues_month": "所属月份", "dues_rate": "交纳比例", "dues_due": "应交金额",
    "dues_paid": "实交金额", "note": "备注",
    # committee
    "post": "职务", "term_start": "任期开始", "term_end": "任期届满",
    # checklist state: one record per year and item
    "checklist_year": "年度", "checklist_item": "检查项目", "checklist_met": "是否达标",
    "checklist_note": "情况说明", "evidence": "佐证材料",
    # talks
    "talker": "谈话人", "talkee": "谈话对象",
    # documents printed as 公文-style pages (print = "document")
    "doc_number": "文号", "doc_date": "成文日期", "issuer": "发文机关",
    # cash book (经费收支): printed with its totals and balance
    "cash_direction": "收支", "cash_amount": "金额",
    # member development (发展党员): the stage and the dates that start each stage, so a
    # printout of a past period shows the stage each person had reached then
    "dev_stage": "发展阶段", "dev_applied": "递交申请日期", "dev_activist": "确定积极分子日期",
    "dev_target": "确定发展对象日期", "dev_admitted": "接收预备党员日期",
    "dev_full": "批准转正日期",
}
TYPE_ROLES = {
    "people": "人员名册", "meetings": "会议记录", "committee": "班子成员",
    "talks": "谈心谈话", "evaluations": "民主评议", "dues": "党费", "development": "发展党员",
    "transfers": "转入转出", "checklist_state": "检查项目记录", "elections": "成立和换届",
}
# The values a role's choice field must name, e.g. which 状态 means "still in the branch".
ROLE_VALUES = {
    "status": ("active",),
    "member_class": ("full", "probationary"),
    "post": ("secretary",),
    "cash_direction": ("income", "expense"),
    "dev_stage": ("applicant", "activist", "target", "probationary", "full"),
    "transfer_direction": ("in", "out"),
    "eval_grade": ("excellent",),
}


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str
    required: bool = False
    choices: tuple[str, ...] = ()
    sensitive: bool = False
    print_width: float = 20.0      # millimetres in a printed table
    help: str = ""
    format: str = ""               # extra check for text: "idcard" or "phone"
    max_length: int = 0            # 0: no limit
    default: object = None
    in_table: bool = True          # shown as a column in tables and prints
    aliases: tuple[str, ...] = ()  # other header spellings seen in spreadsheets
    minimum: int | None = None
    maximum: int | None = None
    role: str = ""                 # what the field means (FIELD_ROLES)
    role_values: tuple[tuple[str, str], ...] = ()  # e.g. (("active", "在册"),)
    # A date field with precision "month" also holds a year-month ("2003-07") when only the
    # month is known (出生年月, 入党时间 on real rosters); it is never padded to a day.
    precision: str = "day"
    # How people write a choice in spreadsheets: 本科 → (大学本科,); a value with several
    # meanings (学历 "大学" → 大学本科 or 大学专科) is a doubt, never a guess.
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def detached(self) -> bool:
        return self.type in DETACHED_TYPES

    def synonym(self, text: str) -> tuple[str, ...]:
        """The choices ``text`` may mean by the declared synonyms (empty: none declared)."""
        return dict(self.synonyms).get(text, ())

    @property
    def month_precision(self) -> bool:
        return self.type == "date" and self.precision == "month"


@dataclass(frozen=True)
class RecordType:
    key: str
    label: str
    category: str
    fields: tuple[Field, ...]
    order: int = 0
    title_field: str = ""          # field naming a record in lists and messages
    date_field: str = ""           # field deciding which year a record belongs to
    orientation: str = "auto"      # printed table: auto, portrait or landscape
    record_pages: bool = False     # each record also prints as its own page
    print_as: str = "table"        # "document": each record also prints as a 公文-style document
    renames: dict[str, str] = field(default_factory=dict)   # old column -> new field
    removed: tuple[str, ...] = ()  # columns dropped from the declaration on purpose
    description: str = ""
    role: str = ""                 # what the record type is for (TYPE_ROLES)
    expected_yearly: bool = False  # a year without one of these is a finding
    # Fields that together name at most one live record (党费: member + month); the store,
    # the form, imports and batch fills all refuse a second one.
    unique: tuple[str, ...] = ()
    source: Path | None = None

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(f"{self.key} has no field {key!r}")

    @cached_property   # asked for on every record written: a declaration never changes
    def stored_fields(self) -> tuple[Field, ...]:
        """Fields that are columns of the record type's own table."""
        return tuple(f for f in self.fields if not f.detached)

    @property
    def table_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.in_table and not f.detached)

    def has_type(self, field_type: str) -> bool:
        return any(f.type == field_type for f in self.fields)

    def field_for(self, role: str) -> Field | None:
        """The field declared with ``role``, if the type has one."""
        # Every module reads fields through roles, the rules once per record and role
        # (tens of thousands of calls on a large ledger): the index is built on first use.
        index = self.__dict__.get("_by_role")
        if index is None:
            index = {}
            for f in self.fields:
                if f.role:
                    index.setdefault(f.role, f)
            object.__setattr__(self, "_by_role", index)
        return index.get(role)

    def key_for(self, role: str) -> str | None:
        f = self.field_for(role)
        return f.key if f is not None else None

    def read(self, values: Any, role: str) -> Any:
        """The value of the field with ``role`` in a record's values (None if the type
        declares no such field): how every module outside ``forms`` reads a field."""
        key = self.key_for(role)
        if key is None:
            return None
        return values.get(key) if isinstance(values, dict) else values[key]

    def value_for(self, role: str, meaning: str) -> str | None:
        """The choice that means ``meaning`` for the field with ``role`` (e.g. the 状态
        that means "active")."""
        f = self.field_for(role)
        return dict(f.role_values).get(meaning) if f is not None else None

    def prefill(self, by_role: dict[str, object]) -> dict[str, object]:
        """Field values from values keyed by role ("date": the type's date field)."""
        out: dict[str, object] = {}
        for role, value in by_role.items():
            key = self.date_field if role == "date" else self.key_for(role)
            if key:
                out[key] = value
        return out

    def unique_key(self, values: dict[str, object]) -> tuple[object, ...] | None:
        """The values that must not repeat (``unique``), or None when the type declares
        none or one of them is still empty (an incomplete record names nothing yet)."""
        if not self.unique:
            return None
        key = tuple(values.get(k) for k in self.unique)
        return None if any(v in (None, "", [], ()) for v in key) else key

    @property
    def prints_pages(self) -> bool:
        """Each record also prints on pages of its own (a meeting's record page, a
        document's text), in the binder and the archive."""
        return self.record_pages or self.print_as == "document"

    def attachments_field(self) -> Field | None:
        for f in self.fields:
            if f.type == "attachments":
                return f
        return None


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    order: int
    record_types: tuple[RecordType, ...]


@dataclass(frozen=True)
class Pack:
    key: str
    label: str
    member_type: str               # the record type whose records are "members"
    categories: tuple[Category, ...]
    member_noun: str = "党员"       # what a member is called: 党员, 会员, 五老 …
    emblem: str = ""               # "party": the Party emblem on covers and labels; "": none
    short_label: str = ""          # the organisation kind in titles (党支部, 关工委, 工会)
    org_types: tuple[str, ...] = ()  # the 组织类型 a new ledger of this pack may pick
    org_labels: tuple[tuple[str, str], ...] = ()  # 组织设置 labels: secretary → 执行主任 …
    basis: str = ""                # what the 自查表 is checked against (依据)
    meetings_title: str = "会议"    # the 自查表's meetings heading: “三会一课”等会议
    term_label: str = "委员会换届"   # what 换届 is called (支部委员会换届, 工会委员会换届)
    term_source: str = ""          # the rule for the term, quoted in 换届 findings
    source: Path | None = None
    cadence: tuple[Requirement, ...] = ()
    checklists: tuple[Checklist, ...] = ()
    development: Any = None      # forms.development.DevelopmentPlan, if the pack has one

    @property
    def record_types(self) -> tuple[RecordType, ...]:
        return tuple(rt for c in self.categories for rt in c.record_types)

    def record_type(self, key: str) -> RecordType:
        for rt in self.record_types:
            if rt.key == key:
                return rt
        raise KeyError(f"pack {self.key} has no record type {key!r}")

    def category(self, key: str) -> Category:
        for c in self.categories:
            if c.key == key:
                return c
        raise KeyError(f"pack {self.key} has no category {key!r}")

    def category_of(self, type_key: str) -> Category:
        return self.category(self.record_type(type_key).category)

    def type_for(self, role: str) -> RecordType | None:
        """The record type declared with ``role`` (the roster: "people")."""
        if role == "people":
            return self.record_type(self.member_type)
        for rt in self.record_types:
            if rt.role == role:
                return rt
        return None


@dataclass(frozen=True)
class Requirement:
    """One line of the meeting cadence (RULES.md §2): a kind of meeting that must be held
    ``count`` times in every ``every`` (month, quarter, half_year, year)."""
    key: str
    label: str                     # e.g. 支部党员大会
    kinds: tuple[str, ...]         # meeting kinds (or record types) that count for it
    every: str
    count: int = 1
    scope: str = "branch"          # who is due: branch, committee or group
    applies: str = "always"        # always, has_committee or has_groups
    source: str = ""               # the rule, quoted in every finding's why
    local: bool = False            # [local]: a default the ledger's settings may change
    record_type: str = ""          # counted from this record type instead of meetings
    note: str = ""


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str                     # the value in the state type's item field
    requirement: str               # the requirement text, shown beside the tick
    evidence: str = ""             # what evidence is expected
    group: str = ""                # heading the item sits under (五优: 支部班子优 …)


@dataclass(frozen=True)
class Checklist:
    key: str
    label: str
    state_type: str                # record type: one record per year and item
    items: tuple[ChecklistItem, ...]
    source: str = ""
    local: bool = False
    description: str = ""
    path: Path | None = None
