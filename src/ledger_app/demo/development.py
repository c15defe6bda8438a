"""People on their way into the Party (RULES.md §4), with step dates that keep the rules.

Each chain is built back from the day the 支部大会 admits (or would admit) the person, so
the intervals the program checks hold: talk within a month of applying, ≥1 year as an
activist, 政审 and training shortly before, 支部大会 within a month of the 预审, approval
within 3 months, 预备期 of one year. Steps after ``today`` are left empty.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ledger_app.demo.calendar import nth_weekday
from ledger_app.forms.dates import add_months


def committee_day(day: date) -> date:
    """The 支委会 of that month (first Tuesday): the branch decides these steps there."""
    return nth_weekday(day.year, day.month, 1, 1)


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def chain(admission: date, confirm_meeting: date | None = None) -> dict[str, date]:
    """Every step date of someone admitted on ``admission`` (a 支部党员大会 day)."""
    target = committee_day(admission - timedelta(days=120))
    activist = committee_day(_years_later(target, -1) - timedelta(days=30))
    application = activist - timedelta(days=240)
    probation_end = _years_later(admission, 1)
    steps = {
        "application_date": application,
        "talk_date": application + timedelta(days=16),
        "activist_date": activist,
        "activist_filed_date": activist + timedelta(days=10),
        "target_date": target,
        "target_filed_date": target + timedelta(days=9),
        "political_review_date": target + timedelta(days=40),
        "training_start": target + timedelta(days=28),
        "training_end": target + timedelta(days=32),
        "committee_review_date": committee_day(admission - timedelta(days=42)),
        "pre_review_date": admission - timedelta(days=26),
        "form_filled_date": admission - timedelta(days=12),
        "admission_date": admission,
        "superior_talk_date": admission + timedelta(days=20),
        "approval_date": admission + timedelta(days=55),
        "record_filed_date": admission + timedelta(days=70),
        "oath_date": admission + timedelta(days=100),
        "probation_end": probation_end,
        "confirm_application_date": probation_end - timedelta(days=20),
    }
    if confirm_meeting:
        steps["confirm_meeting_date"] = confirm_meeting
        steps["confirm_approval_date"] = confirm_meeting + timedelta(days=25)
        steps["archived_date"] = confirm_meeting + timedelta(days=55)
    return steps


# Fields that belong to each stage: a person who stopped at a stage has only these.
STAGE_ORDER = ("入党申请人", "入党积极分子", "发展对象", "预备党员", "正式党员")
_STAGE_OF = {
    "application_date": 0, "talk_date": 0,
    "activist_date": 1, "activist_filed_date": 1,
    "target_date": 2, "target_filed_date": 2, "political_review_date": 2,
    "training_start": 2, "training_end": 2, "committee_review_date": 2,
    "pre_review_date": 2, "form_filled_date": 2,
    "admission_date": 3, "superior_talk_date": 3, "approval_date": 3, "record_filed_date": 3,
    "oath_date": 3, "probation_end": 3, "confirm_application_date": 3,
    "confirm_meeting_date": 3, "confirm_approval_date": 4, "archived_date": 4,
}


def record_values(steps: dict[str, date], today: date, highest: str) -> dict[str, Any]:
    """Step dates up to ``highest`` stage and not after today, with the stage they reach."""
    limit = STAGE_ORDER.index(highest)
    kept = {k: d for k, d in steps.items() if _STAGE_OF[k] <= limit and d <= today}
    reached = max((_STAGE_OF[k] for k in kept), default=0)
    if "admission_date" in kept:
        # The end of 预备期 is a date fixed at admission, not an event: known in advance.
        kept["probation_end"] = steps["probation_end"]
    values: dict[str, Any] = {k: d.isoformat() for k, d in kept.items()}
    values["stage"] = STAGE_ORDER[reached]
    review = latest_review(kept, today)
    if review:
        values["last_review_date"] = review.isoformat()
    if "training_start" in kept:
        values["training_hours"] = 32
    return values


def latest_review(kept: dict[str, date], today: date) -> date | None:
    """The 支委会's latest 考察 of an activist: one every five months or so from the day
    the activist was confirmed until the 支部大会 admits them (RULES.md §4: every half-year)."""
    if "activist_date" not in kept:
        return None
    stop = kept.get("admission_date", today)
    latest, day = None, kept["activist_date"]
    while True:
        day = committee_day(add_months(day, 5))
        if day >= stop or day > today:
            return latest
        latest = day
