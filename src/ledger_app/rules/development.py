"""Member development (发展党员), RULES.md §4: each person's timeline of the pack's 25 steps
and the date rules on it, as findings naming the person, the step and both dates.

Pure: the steps come from the pack (``forms.development``), the people's step values from
``rules.gather``. A date known only to the month is a span of days: where a rule cannot
be settled without the day, the finding says so (提示) instead of guessing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ledger_app.forms import dates
from ledger_app.forms.dates import Span, add_months
from ledger_app.forms.development import DevelopmentPlan, Step, StepCheck
from ledger_app.rules.findings import Finding, Period, Subject
from ledger_app.rules.periods import whole_year


@dataclass(frozen=True)
class Person:
    """One development record: its id, name and values by field key."""
    id: int
    name: str
    values: dict[str, Any]
    birth_field: str = ""


@dataclass
class StepState:
    step: Step
    value: Any = None              # a date text, a list of member ids, a text, or None
    shown: str = ""                # the value as the timeline shows it
    done: bool = False
    notes: list[tuple[str, str]] = field(default_factory=list)   # (severity, why)


@dataclass(frozen=True)
class Problem:
    severity: str                  # alert, warn, info
    step: int
    why: str
    day: dt.date | None            # the date the problem is about (its year is judged)
    rule: str


ORDER_RULE = ("《中国共产党发展党员工作细则》：发展党员经过入党申请、入党积极分子、发展对象、"
              "接收预备党员、转正五个阶段，依次进行")


def _months_text(months: int) -> str:
    return f"{months // 12} 年" if months % 12 == 0 and months else f"{months} 个月"


@lru_cache(maxsize=16384)
def _text_span(value: str) -> Span | None:
    return dates.span(value)


def _span(value: Any) -> Span | None:
    # Asked ~45 times per person per check: one cached lookup, not the general parser.
    return _text_span(value) if isinstance(value, str) and value else None


def _step_text(step: Step, value: Any) -> str:
    return f"第 {step.number} 步“{step.label}”（{dates.chinese(value)}）"


def _both(step: Step, value: Any, earlier: Step, earlier_value: Any) -> str:
    return f"{_step_text(step, value)}与{_step_text(earlier, earlier_value)}"


class _Checker:
    def __init__(self, plan: DevelopmentPlan, person: Person, full_ids: frozenset[int],
                 settings: dict[str, Any], as_of: dt.date):
        self.plan, self.person, self.full_ids = plan, person, full_ids
        self.settings, self.as_of = settings, as_of
        self.problems: list[Problem] = []

    def value(self, step: int) -> Any:
        s = self.plan.step(step)
        return self.person.values.get(s.field) if s.field else None

    def add(self, severity: str, step: Step, why: str, check: StepCheck | None,
            day: dt.date | None) -> None:
        rule = f"{why}。依据：{check.rule}" if check is not None else why
        self.problems.append(Problem(severity, step.number, f"{self.person.name}：{rule}", day,
                                     check.kind if check else "order"))

    def gap(self, step: Step, check: StepCheck, earlier_step: int, months: int,
            at_most: bool, alert_months: int | None = None, days: int = 0) -> None:
        """``step`` comes at most (or at least) ``months`` after ``earlier_step``."""
        later_value, earlier_value = self.person.values.get(step.field), self.value(earlier_step)
        later, earlier = _span(later_value), _span(earlier_value)
        if later is None or earlier is None:
            return

        def bound(day: dt.date) -> dt.date:
            return day + dt.timedelta(days=days) if days else add_months(day, months)

        if at_most:
            broken = later.first > bound(earlier.last)
            fine = later.last <= bound(earlier.first)
            if fine and not broken:
                return   # the common case: no text to write
            limit = f"{days} 天" if days else _months_text(months)
            both = _both(step, later_value, self.plan.step(earlier_step), earlier_value)
            if broken:
                severity = "warn"
                if alert_months is not None and later.first > add_months(earlier.last,
                                                                         alert_months):
                    severity, limit = "alert", f"{limit}（最长 {_months_text(alert_months)}）"
                self.add(severity, step, f"{both}相隔超过 {limit}", check, later.first)
            elif not fine:
                self.add("info", step, f"{both}相隔是否超过 {limit}，日期只记到月，无法确定",
                         check, later.first)
        else:
            fine = later.first >= bound(earlier.last)
            broken = later.last < bound(earlier.first)
            if fine and not broken:
                return
            limit = f"{days} 天" if days else _months_text(months)
            both = _both(step, later_value, self.plan.step(earlier_step), earlier_value)
            if broken:
                self.add("warn", step, f"{both}相隔不满 {limit}", check, later.first)
            elif not fine:
                self.add("info", step, f"{both}相隔是否满 {limit}，日期只记到月，无法确定",
                         check, later.first)

    def run(self, check: StepCheck, step: Step) -> None:
        kind, values = check.kind, self.person.values
        mine = values.get(step.field) if step.field else None
        if kind in ("within", "at_least"):
            months = int(check.get("months", 0)) + 12 * int(check.get("years", 0))
            self.gap(step, check, int(check.get("after")), months, kind == "within",
                     check.get("alert_months"), int(check.get("days", 0)))
        elif kind == "valid_until":
            default = int(check.get("months"))
            months = int(self.settings.get(check.get("setting", ""), 0) or default)
            until = self.plan.step(int(check.get("until")))
            later, earlier = _span(values.get(until.field)), _span(mine)
            if later is None or earlier is None:
                return
            if later.first > add_months(earlier.last, months):
                # A [local] value changed in 组织设置 is named, as the cadence does.
                local = (f"（本台账在组织设置中定为 {_months_text(months)}，默认 "
                         f"{_months_text(default)}）" if months != default else "")
                self.add("warn", until, f"{_step_text(step, mine)}到"
                         f"{_step_text(until, values.get(until.field))}已超过 "
                         f"{_months_text(months)}，{step.label}结论已过有效期{local}", check,
                         later.first)
        elif kind == "min_age":
            birth, day = _span(values.get(check.get("field"))), _span(mine)
            years = int(check.get("years"))
            if birth is None or day is None:
                return
            came_of_age = add_months(birth.last, 12 * years)
            if day.last < add_months(birth.first, 12 * years):
                self.add("alert", step, f"{_step_text(step, mine)}时未满 {years} 周岁（出生日期 "
                         f"{dates.chinese(values.get(check.get('field')))}）", check, day.first)
            elif day.first < came_of_age:
                self.add("info", step, f"{_step_text(step, mine)}时是否年满 {years} 周岁，"
                         "日期只记到月，无法确定", check, day.first)
        elif kind == "training":
            start, end = _span(mine), _span(values.get(check.get("end_field")))
            hours = values.get(check.get("hours_field"))
            if start is None:
                return
            days = (end.last - start.first).days + 1 if end is not None else None
            if (hours is not None and hours >= int(check.get("hours"))) or \
                    (days is not None and end is not None and start.exact and end.exact
                     and days >= int(check.get("days"))):
                return
            said = "、".join(x for x in (f"{days} 天" if days is not None and start.exact
                                          and end is not None and end.exact else "",
                                          f"{hours} 学时" if hours is not None else "") if x)
            self.add("warn", step, f"{_step_text(step, mine)}集中培训"
                     f"{'只有' + said if said else '没有记录天数或学时'}，不足 "
                     f"{check.get('days')} 天或 {check.get('hours')} 学时", check, start.first)
        elif kind == "people":
            count = int(check.get("count"))
            most = int(check.get("max_count", count))
            people = [int(p) for p in (mine or [])]
            # The finding is dated by a step (入党介绍人 by the 支部大会 that admitted the
            # person, 培养联系人 by the day the activist was confirmed): say which.
            dated_by = self.plan.step(int(check.get("dated_by"))) \
                if check.get("dated_by") else None
            reached = self.value(dated_by.number) if dated_by else None
            if not people and not reached:
                return
            day = _span(reached)
            when = f"（{_step_text(dated_by, reached)}）" if day and dated_by else ""
            if not count <= len(people) <= most:
                wanted = f"{count}–{most}" if most != count else f"{count}"
                self.add("warn", step, f"第 {step.number} 步“{step.label}”记录了 {len(people)} 人，"
                         f"应为 {wanted} 名正式党员{when}", check, day.first if day else None)
            elif check.get("full") and any(p not in self.full_ids for p in people):
                self.add("warn", step, f"第 {step.number} 步“{step.label}”中有人不是正式党员{when}",
                         check, day.first if day else None)
        elif kind == "probation":
            start = _span(self.value(int(check.get("after"))))
            stored = _span(mine)
            if start is None or stored is None:
                return
            extra = values.get(check.get("extension_field")) or 0
            months = int(check.get("months")) + int(extra)
            expected_first, expected_last = (add_months(start.first, months),
                                             add_months(start.last, months))
            if stored.last < expected_first or stored.first > expected_last:
                after = self.plan.step(int(check.get("after")))
                self.add("warn", step, f"预备期满日期记为 {dates.chinese(mine)}，但从"
                         f"{_step_text(after, self.value(after.number))}起算"
                         f"{'（含延长 ' + str(extra) + ' 个月）' if extra else ''}应为 "
                         f"{dates.chinese(expected_first.isoformat())}", check, stored.first)
        elif kind == "every":
            self.every(check, step)
        elif kind == "extension":
            self.extension(check, step)
        elif kind == "delayed":
            self.delayed(check, step)
        elif kind == "due":
            if mine not in (None, "", []) or values.get(check.get("unless_field")):
                return
            earlier = _span(self.value(int(check.get("after"))))
            if earlier is None:
                return
            deadline = add_months(earlier.last, int(check.get("months")))
            after = self.plan.step(int(check.get("after")))
            said = (f"{_step_text(after, self.value(after.number))}后，第 {step.number} 步"
                    f"“{step.label}”应在 {dates.chinese(deadline.isoformat())}前完成")
            if self.as_of > deadline:
                self.add("warn", step, f"{said}，至今未记录", check, self.as_of)
            elif self.as_of >= deadline - dt.timedelta(days=int(check.get("before_days", 30))):
                self.add("info", step, f"{said}，即将到期", check, self.as_of)

    def every(self, check: StepCheck, step: Step) -> None:
        """A review that comes back every ``months`` while step ``after`` is done and step
        ``until`` is not: from its latest date (or, before the first, from ``after``'s)."""
        after, until = self.plan.step(int(check.get("after"))), self.plan.step(int(check.get("until")))
        start, mine = _span(self.value(after.number)), self.person.values.get(step.field)
        if start is None or self.value(until.number) not in (None, "", []):
            return
        months, last = int(check.get("months")), _span(mine)
        since = last if last is not None and last.first >= start.first else start
        deadline = add_months(since.last, months)
        if self.as_of < deadline - dt.timedelta(days=int(check.get("before_days", 30))):
            return
        basis = (f"最近一次{_step_text(step, mine)}" if since is last else
                 f"{_step_text(after, self.value(after.number))}后还没有记录“{step.label}”")
        said = (f"{basis}；在“{until.label}”之前每 {_months_text(months)}应有一次，"
                f"下一次应在 {dates.chinese(deadline.isoformat())}前")
        if self.as_of > deadline:
            self.add("warn", step, f"{said}，已过 {(self.as_of - deadline).days} 天", check,
                     self.as_of)
        else:
            self.add("info", step, f"{said}，即将到期", check, self.as_of)

    def extension(self, check: StepCheck, step: Step) -> None:
        """The 预备期 extended once, by ``min_months`` to ``max_months``."""
        extra = self.person.values.get(check.get("extension_field"))
        low, high = int(check.get("min_months")), int(check.get("max_months"))
        if extra is None or extra == "" or low <= int(extra) <= high:
            return
        after = self.plan.step(int(check.get("after")))
        start = _span(self.value(after.number))
        if start is None:
            return
        # Decided when the first year of 预备期 ends; dated by the 预备期满 recorded (a date
        # stored in the year is what brings a record into a year's check), else by that end.
        ends = add_months(start.first, int(check.get("months")))
        recorded = _span(self.person.values.get(step.field))
        self.add("warn", step, f"延长预备期记为 {extra} 个月，应为 {low} 至 {high} 个月且只能延长一次"
                 f"（{_step_text(after, self.value(after.number))}起的一年预备期满于 "
                 f"{dates.chinese(ends.isoformat())}）", check,
                 recorded.first if recorded else ends)

    def delayed(self, check: StepCheck, step: Step) -> None:
        """For someone who came in during 预备期 (``when_field``), this step may come up to
        ``months`` after step ``after`` instead of at once."""
        values = self.person.values
        moved_value = values.get(check.get("when_field"))
        moved, ends = _span(moved_value), _span(self.value(int(check.get("after"))))
        if moved is None or ends is None:
            return
        after, months = self.plan.step(int(check.get("after"))), int(check.get("months"))
        deadline = add_months(ends.last, months)
        basis = (f"预备期内转入本支部（{dates.chinese(moved_value)}），"
                 f"{_step_text(after, self.value(after.number))}后讨论转正最多可推迟 "
                 f"{_months_text(months)}，应在 {dates.chinese(deadline.isoformat())}前")
        mine = values.get(step.field)
        held = _span(mine)
        if held is not None:
            if held.first > deadline:
                self.add("warn", step, f"{basis}，{_step_text(step, mine)}已超过", check,
                         held.first)
        elif self.as_of > deadline:
            self.add("warn", step, f"{basis}，至今未记录", check, self.as_of)
        elif self.as_of >= deadline - dt.timedelta(days=int(check.get("before_days", 30))):
            self.add("info", step, f"{basis}，即将到期", check, self.as_of)

    def order(self) -> None:
        """No step may come before a step of an earlier stage (certain cases only). Within a
        stage the order may vary (政审 and 集中培训 often overlap)."""
        latest: tuple[Step, Any, Span] | None = None      # the latest of earlier stages
        stage_latest: tuple[Step, Any, Span] | None = None
        stage = ""
        for step in self.plan.steps:
            if step.stage != stage:
                stage = step.stage
                if stage_latest is not None and (latest is None
                                                 or stage_latest[2].first >= latest[2].first):
                    latest = stage_latest
                stage_latest = None
            value = self.person.values.get(step.field) if step.field else None
            s = _span(value)
            if s is None or not step.ordered:
                continue
            if latest is not None and s.last < latest[2].first:
                self.add("warn", step, f"{_step_text(step, value)}早于上一阶段的"
                         f"{_step_text(latest[0], latest[1])}，步骤顺序不对。依据：{ORDER_RULE}",
                         None, s.first)
            if stage_latest is None or s.first >= stage_latest[2].first:
                stage_latest = (step, value, s)


def problems_of(plan: DevelopmentPlan, person: Person, full_ids: frozenset[int],
                settings: dict[str, Any], as_of: dt.date) -> list[Problem]:
    checker = _Checker(plan, person, full_ids, settings, as_of)
    checker.order()
    for step in plan.steps:
        for check in step.checks:
            checker.run(check, step)
    return checker.problems


def timeline(plan: DevelopmentPlan, person: Person, full_ids: frozenset[int],
             settings: dict[str, Any], as_of: dt.date,
             member_name: Any = lambda i: f"#{i}") -> list[StepState]:
    """The 25 steps of one person with their values and the problems on each."""
    states = []
    found = problems_of(plan, person, full_ids, settings, as_of)
    for step in plan.steps:
        value = person.values.get(step.field) if step.field else None
        if isinstance(value, list):
            shown = "、".join(member_name(int(v)) for v in value)
        elif isinstance(value, str) and _span(value) is not None:
            shown = dates.chinese(value)
        else:
            shown = "" if value in (None, "") else str(value)
        state = StepState(step, value, shown, bool(shown))
        state.notes = [(p.severity, p.why) for p in found if p.step == step.number]
        states.append(state)
    return states


def development_findings(plan: DevelopmentPlan | None, people: Iterable[Person],
                         full_ids: frozenset[int], settings: dict[str, Any], year: int,
                         as_of: dt.date, category: str) -> list[Finding]:
    """The year's development findings: a broken date rule whose date falls in the year;
    reminders (a step due soon or overdue) for the year that contains ``as_of``."""
    if plan is None:
        return []
    out = []
    current = year == as_of.year
    last = plan.steps[-1].field
    for person in people:
        # Only a date in the year can break a rule that year; reminders only in the year of
        # ``as_of``, and none once the last step (归档) is done: skip the rest unread.
        touched = any(isinstance(v, str) and v[:4] == str(year) for v in person.values.values())
        if not touched and not (current and not person.values.get(last)):
            continue
        for p in problems_of(plan, person, full_ids, settings, as_of):
            if p.day is None or p.day.year != year:
                continue
            out.append(Finding(f"development.{p.rule}", p.severity, category, whole_year(year),
                               Subject("person", person.name, person.id), p.why,
                               records=(person.id,)))
    return out


__all__ = [
    "Period",
    "Person",
    "Problem",
    "StepState",
    "development_findings",
    "problems_of",
    "timeline",
]
