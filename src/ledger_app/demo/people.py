"""The demo branch's members: one 'unit' of about 35 people in two 党小组.

A unit has long-standing members (retired and working), a committee of five, two
党小组长, three who leave during the period (two 转出, one 去世), and the people the
development records bring in (one recently confirmed, two 预备党员). Benchmark scales
repeat the unit with fresh people and new 党小组.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ledger_app.demo import names as nm

COMMITTEE_POSTS = ("书记", "组织委员", "宣传委员", "纪检委员", "青年委员")

RETIRED_WORKPLACES = ("退休（原湘江纺织厂职工）", "退休（原市第三中学教师）", "退休（原区人民医院医生）",
                      "退休（原湘江机械厂工程师）", "退休（原市供销社职工）", "退休（原区税务局干部）",
                      "退休（原桂花街道办事处干部）", "退休（原市百货公司职工）", "退休（原市自来水公司职工）")
WORKING_WORKPLACES = ("幸福里社区居委会 干事", "桂花街道办事处 科员", "湘江市第三中学 教师",
                      "岳山区人民医院 护士", "湘江银行桂花支行 客户经理", "湘江燃气公司 维修班班长",
                      "绿城物业幸福里项目部 经理", "岳山区市场监督管理局 科员", "湘江电力公司 工程师",
                      "个体经营（社区便民超市）", "湘江市第一人民医院 主治医师", "岳山区桂花小学 教师",
                      "湘江日报社 编辑", "中建五局 项目经理", "岳山区城管执法局 队员")


@dataclass
class Person:
    """A roster member while the demo is being written; ``id`` is set once inserted."""

    values: dict[str, Any]
    unit: int
    post: str = ""                 # committee post now ("" for none)
    former_post: str = ""          # post held until the 换届
    role: str = ""                 # 'leader' (党小组长), 'arrears', 'late', 'mobile', 'p1', ...
    bases: list[tuple[str, int]] = field(default_factory=list)  # (from month, base 分)
    id: int = 0

    @property
    def name(self) -> str:
        return str(self.values["name"])

    @property
    def group(self) -> str:
        return str(self.values["party_group"])

    @property
    def retired(self) -> bool:
        return self.values.get("dues_group") == "离退休"

    def on_roster(self, day: str) -> bool:
        """Same test as records.members(on_date): joined and arrived by then, not yet left."""
        joined, left = self.values.get("joined_date"), self.values.get("left_date")
        if joined and joined > day:
            return False
        arrived = self.values.get("arrived_date")
        if arrived and arrived > day:
            return False
        return not (self.values.get("status") != "在册" and (not left or left <= day))

    def base_for(self, month: str) -> int | None:
        base = None
        for start, amount in self.bases:
            if start <= month:
                base = amount
        return base


def _birth(rng: random.Random, first: int, last: int) -> date:
    start = date(first, 1, 1)
    return start + timedelta(days=rng.randrange((date(last, 12, 31) - start).days))


def _education(rng: random.Random, birth_year: int) -> tuple[str, str]:
    if birth_year < 1960:
        edu = rng.choice(("初中", "高中", "高中", "中专", "大学专科"))
    elif birth_year < 1980:
        edu = rng.choice(("高中", "中专", "大学专科", "大学本科", "大学本科"))
    else:
        edu = rng.choice(("大学专科", "大学本科", "大学本科", "大学本科", "研究生"))
    degree = {"大学本科": "学士", "研究生": "硕士"}.get(edu, "无")
    return edu, degree


class PeopleMaker:
    def __init__(self, rng: random.Random, community: str):
        self.rng = rng
        self.community = community
        self.names = nm.NameBook(rng, reserved=("张伟",))
        self.ids = nm.IdNumbers(rng)
        self.phones = nm.Phones(rng)

    def person(self, unit: int, group: str, *, kind: str, name: str | None = None,
               gender: str | None = None, born: tuple[int, int] | None = None,
               joined_by: int = 2019) -> Person:
        """One long-standing member; ``kind`` is 'retired', 'working' or a fixed dues group."""
        rng = self.rng
        gender = gender or rng.choice(("男", "男", "女"))
        if born is None:
            born = (1942, 1963) if kind == "retired" else (1968, 1996)
        birth = _birth(rng, *born)
        name = name or self.names.name(gender, birth.year)
        code, place = nm.native_place(rng)
        if rng.random() < 0.3:  # born elsewhere than the 籍贯 county
            code = rng.choice(nm.REGIONS)[0]
        edu, degree = _education(rng, birth.year)
        first_join = birth.year + 19
        last_join = max(first_join, min(joined_by, birth.year + 50))
        joined = _birth(rng, first_join, last_join)
        confirmed = joined + timedelta(days=365)  # 预备期: one year
        dues_group = {"retired": "离退休", "working": "在职"}.get(kind, kind)
        if kind == "retired":
            workplace = rng.choice(RETIRED_WORKPLACES)
            base = int(rng.triangular(2600, 6800, 4200)) // 10 * 1000
        elif kind == "working":
            workplace = rng.choice(WORKING_WORKPLACES)
            base = int(rng.triangular(2900, 13500, 5200)) // 10 * 1000
        else:
            workplace = "无固定工作" if kind == "下岗失业" else "社区公益性岗位"
            base = None
        ethnicity = nm.pick_weighted(rng, nm.ETHNICITIES)
        values: dict[str, Any] = {
            "name": name, "gender": gender, "ethnicity": ethnicity,
            "birth_date": birth.isoformat(), "id_number": self.ids.make(birth, gender, code),
            "native_place": place, "education": edu, "degree": degree, "party_group": group,
            "member_class": "正式党员", "joined_date": joined.isoformat(),
            "confirmed_date": confirmed.isoformat(), "workplace": workplace, "party_post": "",
            "phone": self.phones.mobile(), "status": "在册", "left_date": None,
            "residence": nm.address(rng, self.community), "household": place,
            "is_mobile": False, "is_lost_contact": False, "dues_group": dues_group,
            "dues_base": base, "note": "",
        }
        return Person(values, unit, bases=[("1900-01", base)] if base else [])


def make_unit(maker: PeopleMaker, unit: int, groups: tuple[str, str], first_year: int,
              last_year: int) -> list[Person]:
    """About 35 people of one unit, in their roster order (committee first)."""
    rng = maker.rng
    g1, g2 = groups
    people: list[Person] = []

    def add(group: str, kind: str, **kw: Any) -> Person:
        p = maker.person(unit, group, kind=kind, **kw)
        people.append(p)
        return p

    # The committee: a working 书记 (as is usual in a community), the others mixed.
    sec = add(g1, "working", gender="女", born=(1976, 1984))
    sec.values["workplace"] = "幸福里社区居委会 主任"
    sec.bases = [("1900-01", 586000)]
    sec.values["dues_base"] = 586000
    org = add(g1, "working", born=(1980, 1990))
    pro = add(g2, "working", born=(1985, 1995))
    dis = add(g2, "retired", born=(1955, 1962))
    youth = add(g1, "working", born=(1992, 1998))
    for person, post in zip((sec, org, pro, dis, youth), COMMITTEE_POSTS):
        person.post = post
    pro.former_post = ""
    # The 宣传委员 before the 换届: a retired teacher who stepped down.
    old_pro = add(g2, "retired", born=(1948, 1953))
    old_pro.values["workplace"] = "退休（原市第三中学教师）"
    old_pro.former_post = "宣传委员"
    # Group leaders.
    lead1 = add(g1, "retired")
    lead2 = add(g2, "retired")
    lead1.role = lead2.role = "leader"
    lead1.values["party_post"] = f"{g1}组长"
    lead2.values["party_post"] = f"{g2}组长"
    # 张伟 for search demos (in the first unit only; later units get ordinary names).
    add(g1, "working", name="张伟" if unit == 0 else None, gender="男", born=(1978, 1986))
    # The rest of the long-standing members.
    for i in range(20):
        group = g1 if i % 2 == 0 else g2
        kind = "retired" if i % 5 in (1, 3) else "working"
        if i == 7:
            kind = "下岗失业"
        add(group, kind)
    people[-3].role = "arrears"     # a 流动党员 working away who stopped paying
    people[-3].values.update({"is_mobile": True, "workplace": "外出务工（广东深圳）",
                              "dues_group": "在职", "note": "流动党员，外出务工，已纳入流动党员管理。"})
    people[-6].role = "late"        # paid three months late once
    # Leavers: a young member moving house, an old member who dies, one moving away now.
    mover = add(g2, "working", born=(1988, 1996))
    mover.role = "moved"
    mover.values.update({"status": "转出", "left_date": f"{first_year}-07-15",
                         "note": "随工作调动转出组织关系。"})
    old = add(g1, "retired", born=(1933, 1938), joined_by=1975)
    old.role = "died"
    old.values.update({"status": "去世", "left_date": f"{last_year}-03-08",
                       "note": "因病去世，支部已慰问家属。"})
    leaving = add(g1, "working", born=(1983, 1990))
    leaving.role = "moving_now"
    leaving.values.update({"status": "转出", "left_date": f"{last_year}-11-10",
                           "note": "购房迁居，组织关系转至新居住地社区。"})
    # A member who transferred in during the first year (the 转入 record is kept too):
    # not 应到 at meetings, nor owing dues here, before arriving.
    arrived = add(g2, "working", born=(1985, 1993))
    arrived.role = "arrived"
    arrived.values["note"] = "组织关系由外地转入。"
    arrived.values["arrived_date"] = f"{first_year}-05-10"   # as on its 转入 record
    for person in people:
        if person.post:
            person.values["party_post"] = f"支部{person.post}"
    # New base from the first January of the later year for some working members.
    for person in people:
        if person.values["dues_group"] == "在职" and person.bases and rng.random() < 0.4:
            raised = int(person.bases[-1][1] * rng.uniform(1.03, 1.08)) // 1000 * 1000
            person.bases.append((f"{last_year}-01", raised))
            person.values["dues_base"] = raised
            person.values["dues_base_from"] = f"{last_year}-01"
    return people


def newcomer(maker: PeopleMaker, unit: int, group: str, gender: str, born: tuple[int, int],
             joined: str, confirmed: str | None) -> Person:
    """A member admitted through the development records (预备党员 or just confirmed)."""
    p = maker.person(unit, group, kind="working", gender=gender, born=born)
    p.values.update({"joined_date": joined, "confirmed_date": confirmed,
                     "member_class": "正式党员" if confirmed else "预备党员"})
    return p
