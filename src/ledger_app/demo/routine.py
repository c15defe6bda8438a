"""The routine of the demo branch: talks (谈心谈话), evaluations (民主评议) and dues.

Talks cover every 委员–委员 and 委员–党员 pair each year with a few missed; evaluations
follow each year's 组织生活会 with 优秀 under a third; dues are computed for every member
and month with ``rules.dues.monthly_due``, mostly paid on the 主题党日.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ledger_app.demo import calendar as cal
from ledger_app.demo import content as tx
from ledger_app.demo.meetings import MeetingPlan
from ledger_app.demo.people import Person
from ledger_app.rules.dues import monthly_due

if TYPE_CHECKING:
    from ledger_app.demo.generator import DemoBuilder


def talk_rows(b: DemoBuilder) -> list[dict[str, Any]]:
    rng = b.rng
    rows = []
    for unit, people in enumerate(b.units):
        for year in range(b.first_year, b.last_year + 1):
            mid = date(year, 7, 1)
            committee = b.committee_on(unit, mid)
            pairs: list[tuple[Person, Person]] = []
            for i, a in enumerate(committee):
                for other in committee[i + 1:]:
                    pairs.append((a, other))
                for other in people:
                    if other not in committee and other.on_roster(mid.isoformat()):
                        pairs.append((a, other))
            for talker, talkee in pairs:
                if rng.random() < 0.02:
                    continue  # a pair that was missed: a gap the reminders can show
                day = date(year, 1, 10) + timedelta(days=rng.randrange(340))
                if rng.random() < 0.35:  # many talks come just before the 组织生活会
                    day = date(year, 11, 1) + timedelta(days=rng.randrange(45))
                if day > b.today or not talkee.on_roster(day.isoformat()) \
                        or not talker.on_roster(day.isoformat()):
                    continue
                form = "电话或视频" if talkee.values["is_mobile"] else (
                    "上门走访" if talkee.retired and rng.random() < 0.3 else "个别面谈")
                rows.append({
                    "date": day.isoformat(), "talker": talker.id, "talkee": talkee.id,
                    "form": form,
                    "place": {"个别面谈": "社区党员活动室", "上门走访": "党员家中",
                              "电话或视频": "电话"}[form],
                    "topic": rng.choice(tx.TALK_TOPICS),
                    "content": rng.choice(tx.TALK_CONTENT).format(a=talker.name, b=talkee.name),
                    "follow_up": rng.choice(tx.TALK_FOLLOW_UP) or None,
                })
    rows.sort(key=lambda r: str(r["date"]))     # ISO dates: text order is date order
    return rows


def evaluation_rows(b: DemoBuilder, meetings: list[list[MeetingPlan]]) -> list[dict[str, Any]]:
    rng = b.rng
    rows = []
    for plans in meetings:
        for plan in plans:
            if "民主评议党员" not in plan.values["kinds"]:
                continue
            year = int(plan.values["date"][:4])
            people = [p for p, _, _ in plan.presences]
            order = list(people)
            rng.shuffle(order)
            # 预备党员 at the year's end take part without a grade (rules.transfers_evaluations).
            end = min(date(year, 12, 31), b.today).isoformat()
            probationary = {id(p) for p in people if p.values["member_class"] == "预备党员"
                            or (p.values.get("confirmed_date") or "") > end}
            full = [p for p in order if id(p) not in probationary]
            excellent = set(map(id, full[:len(full) // 4]))
            for person in people:
                grade: str | None = "优秀" if id(person) in excellent else "合格"
                if person.role == "late" and year == b.first_year:
                    grade = "基本合格"
                if id(person) in probationary:
                    grade = None
                rows.append({
                    "for_year": year, "member": person.id, "grade": grade,
                    "self_assessment": rng.choice(tx.EVALUATION_SELF),
                    "branch_comment": tx.EVALUATION_COMMENT[grade or "预备党员"],
                    "note": "已由支部书记谈话提醒，限期改正" if grade == "基本合格" else None,
                })
    return rows


def dues_rows(b: DemoBuilder) -> list[dict[str, Any]]:
    rng = b.rng
    rows = []
    months = [(y, m) for y in range(b.first_year, b.last_year + 1) for m in range(1, 13)
              if date(y, m, 1) <= b.today]
    for people in b.units:
        for person in people:
            joined = (person.values["joined_date"] or "")[:7]
            left = (person.values["left_date"] or "9999-12")[:7]
            # Dues of the month of a transfer were paid to the old branch (介绍信: 党费已交到).
            arrived = (person.values.get("arrived_date") or "")[:7]
            for year, month in months:
                ym = f"{year}-{month:02d}"
                # The month of leaving is still owed here (rules.dues), a death included.
                if ym < joined or ym > left or (arrived and ym <= arrived):
                    continue
                group = person.values["dues_group"]
                base = person.base_for(ym)
                owed = monthly_due(group, base)
                pay_day: date | None = cal.nth_weekday(year, month, 4, 1) + timedelta(
                    days=0 if rng.random() < 0.8 else rng.randrange(1, 12))
                paid: int | None = owed.amount
                note = None
                if person.role == "arrears" and ym >= f"{b.last_year}-08":
                    paid, pay_day, note = None, None, "流动党员外出务工，已电话提醒补交"
                elif person.role == "late" and ym in (f"{b.first_year}-04",
                                                      f"{b.first_year}-05",
                                                      f"{b.first_year}-06"):
                    pay_day = cal.nth_weekday(b.first_year, 7, 4, 1)
                    note = f"{b.first_year}年7月补交"
                if pay_day is not None and pay_day > b.today:
                    paid, pay_day = None, None
                rows.append({
                    "member": person.id, "month": ym, "base": base, "rate": owed.rate,
                    "due": owed.amount, "paid": paid,
                    "paid_date": pay_day.isoformat() if pay_day else None, "note": note,
                })
    return rows
