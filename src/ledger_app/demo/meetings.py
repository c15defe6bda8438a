"""The demo branch's meetings (RULES.md §2): who chaired, what was said, who came.

Each planned meeting carries its attendance (everyone due that day: the committee for a
支委会, the group for a 党小组会, the whole roster otherwise) and the photos to attach.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ledger_app.demo import calendar as cal
from ledger_app.demo import content as tx
from ledger_app.demo.people import Person
from ledger_app.demo.photos import meeting_photo
from ledger_app.store.attendance import Presence

if TYPE_CHECKING:
    from ledger_app.demo.generator import DemoBuilder

SHORT_ORG = "幸福里社区党支部"


@dataclass
class MeetingPlan:
    unit: int
    values: dict[str, Any]
    presences: list[tuple[Person, str, str]]     # (person, status, reason)
    photos: list[tuple[str, str, int, str]]      # (banner, stamp, variant, caption)


def due_for(b: DemoBuilder, unit: int, slot: cal.Slot) -> list[Person]:
    day = slot.day.isoformat()
    if "支部委员会" in slot.kinds:
        return [p for p in b.committee_on(unit, slot.day) if p.on_roster(day)]
    people = [p for p in b.units[unit] if p.on_roster(day)]
    if slot.group:
        people = [p for p in people if p.group == slot.group]
    return people


def presences(b: DemoBuilder, people: list[Person], day: date, must: set[int],
              committee: bool) -> list[tuple[Person, str, str]]:
    rng = b.rng
    result = []
    for p in people:
        key = id(p)
        if key in must:
            result.append((p, "present", ""))
            continue
        if p.role == "arrears" and day >= date(b.last_year, 6, 1):
            result.append((p, "leave", "在外地务工"))
            continue
        chance = 0.96 if committee else (0.84 if p.retired else 0.88)
        roll = rng.random()
        if roll < chance:
            result.append((p, "present", ""))
        elif roll < 0.992:
            pool = tx.LEAVE_REASONS_RETIRED if p.retired else tx.LEAVE_REASONS_WORKING
            result.append((p, "leave", rng.choice(pool)))
        else:
            result.append((p, "absent", rng.choice(tx.ABSENT_REASONS)))
    return result


def admissions_on(b: DemoBuilder, unit: int, day: date) -> list[str]:
    items = []
    for u, item in b.development:
        if u != unit:
            continue
        values = item["values"]
        if values.get("admission_date") == day.isoformat():
            items.append(f"讨论接收{values['name']}同志为预备党员")
        if values.get("confirm_meeting_date") == day.isoformat():
            items.append(f"讨论{values['name']}同志预备党员转正")
        if values.get("committee_review_date") == day.isoformat():
            items.append(f"审查发展对象{values['name']}同志的入党材料")
        if values.get("target_date") == day.isoformat():
            items.append(f"研究确定{values['name']}同志为发展对象")
        if values.get("activist_date") == day.isoformat():
            items.append(f"研究确定{values['name']}同志为入党积极分子")
    return items


def plan_meetings(b: DemoBuilder, unit: int) -> list[MeetingPlan]:
    rng = b.rng
    plans = []
    seqs: dict[tuple[int, str, str], int] = {}
    lectures = list(tx.LECTURES)
    rng.shuffle(lectures)
    for slot in b.slots[unit]:
        day, year, month = slot.day, slot.day.year, slot.day.month
        kind = slot.kinds[0]
        key = (year, kind, slot.group)
        seqs[key] = seqs.get(key, 0) + 1
        due = due_for(b, unit, slot)
        if not due:
            continue
        names = [p.name for p in due]
        sec = b.post_holder(unit, "书记", day)
        org = b.post_holder(unit, "组织委员", day)
        pro = b.post_holder(unit, "宣传委员", day)
        youth = b.post_holder(unit, "青年委员", day)
        invited = ""
        votes = ""
        decisions = ""
        photos: list[tuple[str, str, int, str]] = []
        stamp_base = f"{day:%Y/%m/%d} {slot.start}"
        if kind == "支部委员会":
            extra = "；".join(x for x in admissions_on(b, unit, day)
                             if "审查" in x or "研究确定" in x)
            chair, recorder = sec, org
            topic = tx.committee_topic(year, month, extra)
            content, votes, decisions = tx.committee_minutes(rng, year, month, sec.name,
                                                             names, extra)
        elif kind == "主题党日":
            chair, recorder = org, youth
            topic = f"{month}月主题党日：{tx.themed_day_topic(year, month)}"
            content = tx.themed_day_minutes(rng, tx.themed_day_topic(year, month), org.name,
                                            names)
            decisions = "本月党费已集中收缴，未到党员由党小组长联系补交。"
            if month % 2 == 1:
                banner = f"{SHORT_ORG}{month}月主题党日活动"
                photos = [(banner, stamp_base.replace(slot.start, "15:08"), month % 4,
                           "全体党员重温入党誓词"),
                          (banner, stamp_base.replace(slot.start, "15:41"), (month + 1) % 4,
                           "集中学习")]
        elif kind == "党小组会":
            leader = next((p for p in due if p.role == "leader"), due[0])
            others = [p for p in due if p is not leader]
            chair, recorder = leader, rng.choice(others) if others else leader
            theme = tx.month_theme(year, month, rng)
            topic = rng.choice(tx.GROUP_TOPICS).format(theme=theme)
            content = tx.group_minutes(rng, topic, leader.name, names)
            if rng.random() < 0.08:
                photos = [(f"{SHORT_ORG}{slot.group}学习会", stamp_base, 1, "党小组学习")]
        elif kind == "党课":
            lecture = lectures[(year * 4 + slot.quarter) % len(lectures)]
            chair, recorder = pro, youth
            topic = f"专题党课：{lecture}"
            speaker = sec if slot.quarter % 2 else pro
            post = "支部书记" if speaker is sec else "宣传委员"
            if slot.quarter == 4:
                invited = "桂花街道党工委组织委员 刘志明（讲授党课）"
                content = tx.lecture_minutes(rng, lecture, "刘志明", "桂花街道党工委组织委员",
                                             names, guest=True)
            else:
                content = tx.lecture_minutes(rng, lecture, speaker.name, post, names)
            photos = [(f"专题党课：{lecture}", stamp_base.replace(slot.start, "15:20"), 1,
                       "专题党课现场")]
        elif kind == "支部党员大会":
            chair, recorder = sec, pro
            if b.election_day and day == b.election_day and unit == 0:
                topic = "换届选举：选举产生新一届支部委员会"
                content = (f"{sec.name}主持会议。会议审议通过了选举办法，通过了总监票人、监票人、计票人"
                           f"名单，以无记名投票方式差额选举产生了新一届支部委员会。"
                           f"随后召开新一届支委会第一次会议，选举{sec.name}同志为支部书记。")
                decisions = "选举产生新一届支部委员会，报桂花街道党工委审批。"
                invited = "桂花街道党工委换届指导组 陈立新"
                photos = [(f"{SHORT_ORG}换届选举党员大会", stamp_base, 2, "党员投票"),
                          (f"{SHORT_ORG}换届选举党员大会",
                           stamp_base.replace(slot.start, "15:32"), 3, "监票计票")]
            else:
                business = {
                    1: ["通报上一年度党费收缴、使用和管理情况"],
                    2: ["讨论“七一”走访慰问和表彰安排"],
                    3: ["通报上半年党建工作情况，部署下半年重点工作"],
                    4: ["通报本年度发展党员工作情况", "部署年度组织生活会和民主评议党员工作"],
                }[slot.quarter]
                business = business + admissions_on(b, unit, day)
                business = [x for x in business if "审查" not in x and "研究确定" not in x]
                topic = f"第{'一二三四'[slot.quarter - 1]}季度支部党员大会：{business[-1]}"
                content, votes, decisions = tx.assembly_minutes(rng, year, slot.quarter,
                                                               sec.name, names, business)
                if slot.quarter in (2, 4):
                    photos = [(f"{SHORT_ORG}{year}年第{'一二三四'[slot.quarter - 1]}季度党员大会",
                               stamp_base.replace(slot.start, "15:26"), 0, "党员大会现场")]
        else:  # 组织生活会 with 民主评议党员
            chair, recorder = sec, org
            topic = f"{year}年度组织生活会暨民主评议党员大会"
            invited = "桂花街道党工委督导组 王卫东"
            content, decisions = tx.life_meeting_minutes(rng, year, sec.name, names)
            banner = f"{SHORT_ORG}{year}年度组织生活会"
            photos = [(banner, stamp_base.replace(slot.start, "09:12"), 2, "支部书记对照检查"),
                      (banner, stamp_base.replace(slot.start, "10:05"), 3, "开展批评与自我批评"),
                      (banner, stamp_base.replace(slot.start, "11:20"), 0, "民主测评")]
        must = {id(chair), id(recorder)}
        values = {
            "kinds": list(slot.kinds), "seq": seqs[key], "date": day.isoformat(),
            "start_time": slot.start, "end_time": slot.end,
            "place": tx.PLACES[0] if kind != "党小组会" else
            f"{'楼栋党员议事点' if rng.random() < 0.3 else '社区党员活动室'}",
            "party_group": slot.group or None, "topic": topic, "chair": chair,
            "recorder": recorder, "invited": invited or None, "content": content,
            "votes": votes or None, "decisions": decisions or None,
        }
        election = topic.startswith("换届选举")
        came = presences(b, due, day, must, kind == "支部委员会" or election)
        if election:
            # 预备党员 have no vote: the turnout counts full members only.
            voters = [s for p, s, _ in came if p.values["member_class"] == "正式党员"]
            present = voters.count("present")
            values["votes"] = (f"应到有选举权的党员 {len(voters)} 人，实到 {present} 人，"
                               "超过应到人数的五分之四，选举有效。各候选人均获得赞成票超过实到人数的半数。")
            b.election_turnout = (len(voters), present)
        plans.append(MeetingPlan(unit, values, came, photos))
    return plans


def photo(b: DemoBuilder, banner: str, stamp: str, variant: int,
          people: bool = True) -> bytes:
    key = (banner, stamp, variant, people)
    if key not in b.photo_cache:
        b.photo_cache[key] = meeting_photo(banner, stamp, variant, people=people)
    return b.photo_cache[key]


def write_meetings(b: DemoBuilder, plans: list[MeetingPlan],
                   attendance_weight: int) -> Iterator[str]:
    """The meetings, then who came and the photos: in pieces when ``b.chunk`` is set."""
    rows = []
    for plan in plans:
        values = dict(plan.values)
        values["chair"] = values["chair"].id
        values["recorder"] = values["recorder"].id
        rows.append(values)
    ids = yield from b.insert_steps("meeting", rows, "正在写入会议记录…")
    ledger = b.ledger
    done_weight = 0
    numbered = list(enumerate(zip(plans, ids), start=1))
    size = max(1, (b.chunk or len(numbered)) // 10)  # a meeting's roll call and photos
    for start in range(0, len(numbered), size):
        with ledger.transaction():
            for n, (plan, entry_id) in numbered[start:start + size]:
                ledger.attendance.set(entry_id, [Presence(p.id, status, reason)
                                                 for p, status, reason in plan.presences])
                for banner, stamp, variant, caption in plan.photos:
                    data = photo(b, banner, stamp, variant)
                    filename = "IMG_" + stamp.replace("/", "").replace(" ", "_") \
                        .replace(":", "") + "00.jpg"
                    ledger.attachments.add(entry_id, "photos", data, filename, caption)
                    b.summary["photos"] = b.summary.get("photos", 0) + 1
                if n % 50 == 0:
                    weight = attendance_weight * n // len(plans) - done_weight
                    done_weight += weight
                    b.tick(weight, "正在登记出席情况和会议照片…")
        yield "正在登记出席情况和会议照片…"
    b.tick(attendance_weight - done_weight, "正在登记出席情况和会议照片…")
