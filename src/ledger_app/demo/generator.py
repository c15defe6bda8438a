"""Write a whole demo branch into an open ledger: who, when they met, what they paid.

Rows are built in Python first, then each record type goes in with ``records.insert_many``
(one transaction per type), so a scale-30 benchmark ledger takes a minute rather than an
hour. ``report(done, total, message)`` is called as rows go in and may raise to cancel.

``steps()`` does the same work in pieces for a window that shows the demo while it is
written (ui.demo_fill): the first piece is the roster, committee, development and
transfers; with ``chunk`` set, every later piece is at most ``chunk`` rows (or photos), each
committed on its own, so the window's worker can answer the window between pieces. The
rows and their order are the same either way: the same seed gives the same ledger.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Generator, Iterator
from datetime import date, timedelta
from typing import Any

from ledger_app.demo import calendar as cal
from ledger_app.demo import development as dev
from ledger_app.demo import meetings as mt
from ledger_app.demo import names as nm
from ledger_app.demo import paperwork, routine
from ledger_app.demo.people import PeopleMaker, Person, make_unit, newcomer

Report = Callable[[int, int, str], None]

COMMUNITY = "幸福里社区"
ORG = {
    "org_name": "湘江市岳山区桂花街道幸福里社区党支部",
    "org_type": "党支部",
    "parent_org": "中共湘江市岳山区桂花街道工作委员会",
    "term_years": 5,
}


class DemoBuilder:
    def __init__(self, ledger: Any, *, scale: int, seed: int, today: date, years: int,
                 report: Report | None):
        self.ledger = ledger
        self.scale = scale
        self.rng = random.Random(seed)
        self.today = today
        self.last_year = today.year
        self.first_year = today.year - years + 1
        self.report = report
        self.done = 0
        self.total = 1
        self.groups = nm.group_names(2 * scale)
        self.maker = PeopleMaker(self.rng, COMMUNITY)
        self.units: list[list[Person]] = []
        self.slots: list[list[cal.Slot]] = []
        self.development: list[tuple[int, dict[str, Any]]] = []
        self.development_ids: list[int] = []
        self.election_day = self._election_day()
        self.photo_cache: dict[tuple[str, str, int, bool], bytes] = {}
        self.summary: dict[str, int] = {}
        self.election_turnout: tuple[int, int] | None = None
        self.chunk: int | None = None  # rows per piece in ``steps``; None: one per type

    # ---- the plan ----------------------------------------------------------------------

    def _election_day(self) -> date | None:
        day = cal.nth_weekday(self.last_year, 4, 4, 3)
        return day if day <= self.today else None

    def term_start(self) -> date:
        return self.election_day or cal.nth_weekday(self.last_year - 5, 4, 4, 3)

    def plan_people(self) -> None:
        for unit in range(self.scale):
            groups = (self.groups[2 * unit], self.groups[2 * unit + 1])
            people = make_unit(self.maker, unit, groups, self.first_year, self.last_year)
            self._plan_development(unit, people, groups)
            gaps = cal.first_unit_gaps(self.first_year, self.last_year) if unit == 0 \
                else cal.random_gaps(self.rng, self.first_year, self.last_year)
            self._keep_deciding_meetings(unit, gaps)
            slots = cal.schedule(self.first_year, self.today, groups, gaps)
            if unit == 0 and self.election_day:
                slots.append(cal.Slot(("支部党员大会",), self.election_day, "14:30", "17:00",
                                      quarter=2))
                slots.sort(key=lambda s: (s.day, s.start))
            self.units.append(people)
            self.slots.append(slots)

    def _keep_deciding_meetings(self, unit: int, gaps: cal.Gaps) -> None:
        """A 支委会 that decided a development step was held: move a gap off its month."""
        busy = {(int(v[:4]), int(v[5:7])) for u, item in self.development if u == unit
                for k in ("activist_date", "target_date", "committee_review_date")
                if (v := item["values"].get(k))}
        for year, month in sorted(gaps.committee & busy):
            gaps.committee.discard((year, month))
            free = [m for m in (*range(month + 1, 13), *range(month - 1, 0, -1))
                    if (year, m) not in busy]
            if free:
                gaps.committee.add((year, free[0]))

    def _plan_development(self, unit: int, people: list[Person], groups: tuple[str, str]) -> None:
        """Seven people at different stages; those admitted join the roster."""
        prev, last = self.last_year - 1, self.last_year
        today = self.today
        later = lambda days: today + timedelta(days=days)  # noqa: E731 - a would-be admission
        plans: list[tuple[str, str, tuple[int, int], dict[str, date], str]] = [
            # (name, gender, birth years, step dates, highest stage reached)
            ("", "女", (1995, 1999), dev.chain(cal.assembly_day(prev - 1, 3),
                                               cal.assembly_day(prev, 4)), "正式党员"),
            ("", "男", (1990, 1997), dev.chain(cal.assembly_day(prev, 4)), "预备党员"),
            ("", "女", (1996, 2001), dev.chain(cal.assembly_day(last, 2)), "预备党员"),
            ("", "男", (1993, 2000), dev.chain(later(60)), "发展对象"),
            ("", "女", (1998, 2003), dev.chain(later(400)), "入党积极分子"),
            ("", "男", (1988, 1995), dev.chain(later(320)), "入党积极分子"),
            ("张伟华" if unit == 0 else "", "男", (1999, 2004), dev.chain(later(700)),
             "入党申请人"),
        ]
        for hint, gender, born, steps, highest in plans:
            if steps["application_date"] > self.today:
                steps = {k: d - timedelta(days=200) for k, d in steps.items()}
            if hint:
                # One date that breaks a rule on purpose, so the demo shows the check at
                # work: the talk came 40 days after the application (the rule: 1 month).
                steps["talk_date"] = steps["application_date"] + timedelta(days=40)
            values = dev.record_values(steps, self.today, highest)
            group = groups[len(self.development) % 2]
            if values["stage"] in ("预备党员", "正式党员"):
                joined = values["admission_date"]
                confirmed = steps["probation_end"].isoformat() \
                    if values["stage"] == "正式党员" else None
                person = newcomer(self.maker, unit, group, gender, born, joined, confirmed)
                person.values["note"] = "由本支部发展入党。"
                people.append(person)
                name, birth = person.name, person.values["birth_date"]
                id_number, phone = person.values["id_number"], person.values["phone"]
                edu, workplace = person.values["education"], person.values["workplace"]
                values["party_group"] = group
            else:
                birth_d = date(self.rng.randint(*born), self.rng.randint(1, 12),
                               self.rng.randint(1, 28))
                name = hint or self.maker.names.name(gender, birth_d.year)
                birth = birth_d.isoformat()
                id_number = self.maker.ids.make(birth_d, gender)
                phone = self.maker.phones.mobile()
                edu = self.rng.choice(("大学本科", "大学专科", "研究生"))
                workplace = self.rng.choice(("幸福里社区网格员", "湘江银行桂花支行 柜员",
                                             "岳山区桂花小学 教师", "绿城物业 客服主管",
                                             "湘江大学 学生", "社区志愿者"))
                person = None
            values.update({"name": name, "gender": gender, "birth_date": birth,
                           "id_number": id_number, "ethnicity": "汉族", "education": edu,
                           "workplace": workplace, "phone": phone})
            self.development.append((unit, {"values": values, "person": person,
                                            "contacts": 2 if "activist_date" in values else 0}))

    # ---- running -----------------------------------------------------------------------

    def tick(self, n: int, message: str) -> None:
        self.done += n
        if self.report:
            self.report(min(self.done, self.total), self.total, message)

    def _counting(self, rows: list[dict[str, Any]], message: str) -> Iterator[dict[str, Any]]:
        for i, row in enumerate(rows, start=1):
            if i % 500 == 0:
                self.tick(500, message)
            yield row
        self.tick(len(rows) % 500, message)

    def insert(self, type_key: str, rows: list[dict[str, Any]], message: str) -> list[int]:
        ids = self.ledger.records.insert_many(type_key, self._counting(rows, message))
        self.summary[type_key] = self.summary.get(type_key, 0) + len(ids)
        return ids

    def insert_steps(self, type_key: str, rows: list[dict[str, Any]],
                     message: str) -> Generator[str, None, list[int]]:
        """``insert`` in pieces of ``chunk`` rows, yielding after each (once when unchunked)."""
        if not rows:
            return self.insert(type_key, rows, message)
        size = self.chunk or len(rows)
        ids: list[int] = []
        for start in range(0, len(rows), size):
            ids += self.insert(type_key, rows[start:start + size], message)
            yield message
        return ids

    def run(self) -> dict[str, int]:
        for _ in self.steps():
            pass
        return self.summary

    def steps(self) -> Iterator[str]:
        """The whole demo, yielding between pieces (see the module's docstring)."""
        if self.report:
            self.report(0, 1, "正在准备演示数据…")
        if not self.units:
            self.plan_people()
        roster = [p for people in self.units for p in people]
        meetings = [mt.plan_meetings(self, u) for u in range(self.scale)]
        all_meetings = [m for ms in meetings for m in ms]
        attendance_weight = sum(len(m.presences) for m in all_meetings) // 20
        self.total = (len(roster) + len(all_meetings) + attendance_weight
                      + self._estimate_rest(roster))
        for seq, person in enumerate(roster, start=1):
            person.values["seq"] = seq
        ids = self.insert("roster", [p.values for p in roster], "正在写入党员名册…")
        for person, entry_id in zip(roster, ids):
            person.id = entry_id
        self.insert("committee", self.committee_rows(), "正在写入班子成员…")
        self.development_ids = self.insert("development", self.development_rows(),
                                           "正在写入发展党员登记…")
        self.insert("transfer", self.transfer_rows(), "正在写入转入转出…")
        yield "名册已写入"  # the first piece: enough for a window to show the branch
        yield from mt.write_meetings(self, all_meetings, attendance_weight)
        yield from self.insert_steps("talk", routine.talk_rows(self), "正在写入谈心谈话…")
        yield from self.insert_steps("evaluation", routine.evaluation_rows(self, meetings),
                                     "正在写入民主评议…")
        yield from self.insert_steps("dues", routine.dues_rows(self), "正在写入党费收缴…")
        yield from self.write_paperwork()
        if self.report:
            self.report(self.total, self.total, "演示台账已生成。")

    def _estimate_rest(self, roster: list[Person]) -> int:
        months = (self.last_year - self.first_year) * 12 + self.today.month
        return len(roster) * (months + 10) + 300

    # ---- committee and people --------------------------------------------------------

    def committee_on(self, unit: int, day: date) -> list[Person]:
        """The 支委会 members on a day: the 宣传委员 changed at the 换届."""
        people = self.units[unit]
        before = self.election_day and day < self.election_day
        chosen: list[Person] = []
        for post in ("书记", "组织委员", "宣传委员", "纪检委员", "青年委员"):
            if before and post == "宣传委员":
                chosen.extend(p for p in people if p.former_post == post)
            else:
                chosen.extend(p for p in people if p.post == post)
        return chosen

    def post_holder(self, unit: int, post: str, day: date) -> Person:
        for person in self.committee_on(unit, day):
            if person.post == post or (person.former_post == post and not person.post):
                return person
        return self.committee_on(unit, day)[0]

    def committee_rows(self) -> list[dict[str, Any]]:
        start = self.term_start()
        end = start.replace(year=start.year + 5) - timedelta(days=1)
        duties = {
            "书记": "主持支部全面工作，抓班子带队伍，负责党建工作责任制落实和意识形态工作。",
            "组织委员": "负责组织发展、党员教育管理、党费收缴、组织关系接转和“三会一课”组织工作。",
            "宣传委员": "负责理论学习、宣传报道、党课安排、党务公开栏和学习资料管理。",
            "纪检委员": "负责党风廉政建设和纪律监督，协助做好民主评议党员工作。",
            "青年委员": "负责青年党员和入党积极分子联系培养，组织志愿服务活动。",
        }
        rows = []
        people = self.units[0]
        posts = ("书记", "组织委员", "宣传委员", "纪检委员", "青年委员")
        if self.election_day:
            # The term before the 换届 is recorded too, ending the day before the new one:
            # a binder of a year before the election shows the committee then in office.
            before = start - timedelta(days=1)
            for post in posts:
                person = self.post_holder(0, post, before)
                leaving = person.former_post == post and not person.post
                rows.append({"member": person.id, "post": post,
                             "responsibilities": duties[post],
                             "term_start": start.replace(year=start.year - 5).isoformat(),
                             "term_end": before.isoformat(),
                             "note": "因年龄原因换届时不再提名，已卸任" if leaving
                             else "换届时连任"})
        for post in posts:
            person = next(p for p in people if p.post == post)
            rows.append({"member": person.id, "post": post, "responsibilities": duties[post],
                         "term_start": start.isoformat(), "term_end": end.isoformat(),
                         "note": "" if person.former_post or post != "宣传委员" or not self.election_day
                         else "换届新当选"})
        return rows

    def development_rows(self) -> list[dict[str, Any]]:
        rows = []
        for unit, item in self.development:
            values = dict(item["values"])
            full = [p for p in self.units[unit] if not p.post and p.values["status"] == "在册"
                    and p.values["member_class"] == "正式党员" and p.id]
            pair = self.rng.sample(full, 2)
            if "activist_date" in values:
                values["contacts"] = [p.id for p in pair]
            if "target_date" in values:
                values["introducers"] = [p.id for p in pair]
            if values["stage"] == "入党积极分子":
                values["note"] = "按季度提交思想汇报，培养联系人每季度谈话一次。"
            elif values["stage"] == "发展对象":
                values["note"] = "政审合格，已参加街道党工委发展对象集中培训。"
            elif values["stage"] == "预备党员" and values.get("confirm_application_date"):
                values["note"] = "已提交转正申请，待预备期满后提交支部大会讨论。"
            rows.append(values)
        return rows

    def transfer_rows(self) -> list[dict[str, Any]]:
        rows = []
        n = 0
        for people in self.units:
            for person in people:
                if person.role in ("moved", "moving_now"):
                    n += 1
                    left = date.fromisoformat(person.values["left_date"])
                    returned = person.role == "moved"
                    rows.append({
                        "direction": "转出", "member_name": person.name, "member": person.id,
                        "member_class": person.values["member_class"], "date": left.isoformat(),
                        "from_org": ORG["org_name"],
                        "to_org": self.rng.choice(("湘江市雨湖区江南街道江南社区党支部",
                                                   "长岭市开福区东风路街道新河社区党委第二党支部",
                                                   "湘江市高新区麓谷街道麓谷社区党支部")),
                        "letter_no": f"桂街组转〔{left.year}〕{n:03d}号",
                        "dues_paid_to": left.strftime("%Y-%m"), "valid_days": 30,
                        "receipt_returned": returned,
                        "receipt_date":
                            (left + timedelta(days=12)).isoformat() if returned else None,
                        "phone": person.values["phone"],
                        "note": "" if returned else "回执尚未退回，已电话联系接收支部",
                    })
                elif person.role == "arrived":
                    day = date.fromisoformat(person.values["arrived_date"])
                    rows.append({
                        "direction": "转入", "member_name": person.name, "member": person.id,
                        "member_class": "正式党员", "date": day.isoformat(),
                        "from_org": "湘江市天心区坡子街街道青山祠社区党支部", "to_org": ORG["org_name"],
                        "letter_no": f"天坡组转〔{day.year}〕021号",
                        "dues_paid_to": day.strftime("%Y-%m"), "valid_days": 20,
                        "receipt_returned": True,
                        "receipt_date": (day + timedelta(days=2)).isoformat(),
                        "phone": person.values["phone"], "note": "已编入党小组",
                    })
            arrival = date(self.last_year, 11, 20)
            if arrival <= self.today:
                gender = self.rng.choice(("男", "女"))
                rows.append({
                    "direction": "转入", "member_name": self.maker.names.name(gender, 1990),
                    "member_class": "正式党员", "date": arrival.isoformat(),
                    "from_org": "湘江市岳麓区望城坡街道金峰社区党支部", "to_org": ORG["org_name"],
                    "letter_no": f"岳望组转〔{arrival.year}〕047号",
                    "dues_paid_to": (arrival.replace(day=1) - timedelta(days=1)).strftime("%Y-%m"),
                    "valid_days": 30, "receipt_returned": True,
                    "receipt_date": (arrival + timedelta(days=1)).isoformat(),
                    "phone": self.maker.phones.mobile(),
                    "note": "介绍信已收到，待录入党员名册并编入党小组",
                })
        return rows

    # ---- venue, rules and funding ------------------------------------------------------

    def checklist_evidence(self, type_key: str, rows: list[dict[str, Any]], ids: list[int],
                           photo: bytes) -> None:
        """A photo behind every item assessed as met, except one the home page points out:
        the latest year's 有党报党刊, recorded as met with no photo yet."""
        with self.ledger.transaction():
            for values, entry_id in zip(rows, ids):
                if not values.get("met") or (values["item"] == "有党报党刊"
                                             and values["for_year"] == self.last_year):
                    continue
                self.ledger.attachments.add(entry_id, "evidence", photo, "党员活动室.jpg",
                                            f"{values['item']}佐证")
                self.summary["photos"] = self.summary.get("photos", 0) + 1

    def activity_photos(self, rows: list[dict[str, Any]], ids: list[int]) -> Iterator[str]:
        """One photo of each activity, so its record page shows what a real one does."""
        pairs = list(enumerate(zip(rows, ids)))
        size = max(1, (self.chunk or len(pairs)) // 10)  # a photo costs about 10 rows
        for start in range(0, len(pairs), size):
            with self.ledger.transaction():
                for n, (values, entry_id) in pairs[start:start + size]:
                    day = values["date"]
                    stamp = f"{day.replace('-', '/')} {9 + n % 6:02d}:{(17 * n) % 60:02d}"
                    data = mt.photo(self, f"{mt.SHORT_ORG}{values['topic']}", stamp, n % 4)
                    self.ledger.attachments.add(entry_id, "photos", data,
                                                f"IMG_{day.replace('-', '')}_{n + 1:03d}.jpg",
                                                "活动现场")
                    self.summary["photos"] = self.summary.get("photos", 0) + 1
            yield "正在写入党员活动照片…"

    def development_documents(self) -> None:
        """Each person's 入党申请书 scan, and the 入党志愿书 and 转正申请书 of those who
        reached them, captioned with their step so the 发展党员时间线 lists them there."""
        from ledger_app.demo.photos import document_scan

        papers = (("application_date", 1, "入党申请书"), ("form_filled_date", 14, "入党志愿书"),
                  ("confirm_application_date", 22, "转正申请书"))
        with self.ledger.transaction():
            for (_unit, item), entry_id in zip(self.development, self.development_ids):
                values = item["values"]
                for key, step, title in papers:
                    day = values.get(key)
                    if not day:
                        continue
                    day = str(day)
                    self.ledger.attachments.add(
                        entry_id, "documents", document_scan(title, values["name"], day),
                        f"{values['name']}{title}.jpg", f"第 {step} 步 {title}（{day}）")
                    self.summary["photos"] = self.summary.get("photos", 0) + 1

    def write_paperwork(self) -> Iterator[str]:
        self.development_documents()
        people = self.units[0]
        sec = next(p for p in people if p.post == "书记")
        org = next(p for p in people if p.post == "组织委员")
        pro = next(p for p in people if p.post == "宣传委员")
        room_photo = mt.photo(self, "党员活动室", f"{self.first_year}/03/12 10:20", 1,
                              people=False)
        context = paperwork.Context(first_year=self.first_year, last_year=self.last_year,
                                    today=self.today, org_name=str(ORG["org_name"]),
                                    secretary=sec.name, propaganda=pro.name,
                                    treasurer_id=org.id, organiser_id=sec.id,
                                    participants=[p.id for p in people
                                                  if p.values["status"] == "在册"],
                                    rng=self.rng, term_start=self.term_start(),
                                    election_day=self.election_day,
                                    turnout=self.election_turnout)
        for type_key, rows, message in paperwork.all_rows(context):
            ids = yield from self.insert_steps(type_key, rows, message)
            if type_key == "activity":
                yield from self.activity_photos(rows, ids)
            if type_key in ("six_haves", "strongest_branch"):
                self.checklist_evidence(type_key, rows, ids, room_photo)
            if type_key == "room_building":
                with self.ledger.transaction():
                    for entry_id in ids[:4]:
                        self.ledger.attachments.add(entry_id, "photos", room_photo,
                                                    "党员活动室.jpg", "党员活动室现状")
                        self.summary["photos"] = self.summary.get("photos", 0) + 1

