"""The 发展党员 checks added to the pack's steps (RULES.md §4), each at its edges with
hand-written dates: 培养联系人 1–2 正式党员 (step 5), the half-yearly 考察 of an activist
(step 6), an extension of 预备期 of 6–12 months, once (step 21), and the 转正 discussion of a
预备党员 who came in during 预备期, delayed at most 6 months (step 23)."""

from __future__ import annotations

import datetime as dt

import pytest

from ledger_app.forms.loader import builtin_pack
from ledger_app.rules.development import Person, development_findings, problems_of, timeline

PLAN = builtin_pack().development
D = dt.date
FULL = frozenset({1, 2, 3})


def person(values):
    return Person(9, "李明", {"name": "李明", **values})


def at_step(step, values, as_of):
    """(severity, why) of the problems on one step."""
    return [(p.severity, p.why) for p in problems_of(PLAN, person(values), FULL, {}, as_of)
            if p.step == step]


def severities(step, values, as_of):
    return [s for s, _why in at_step(step, values, as_of)]


# --- step 5: 培养联系人, one or two 正式党员 ------------------------------------------------

@pytest.mark.parametrize("contacts, expected", [
    ([], ["warn"]), ([1], []), ([1, 2], []), ([1, 2, 3], ["warn"]),
])
def test_one_or_two_contacts(contacts, expected):
    values = {"activist_date": "2025-03-10", "contacts": contacts,
              "last_review_date": "2025-05-01"}
    assert severities(5, values, D(2025, 6, 1)) == expected


def test_the_contacts_why_names_the_count_and_the_day_the_activist_was_confirmed():
    (why,) = [w for _s, w in at_step(5, {"activist_date": "2025-03-10", "contacts": [1, 2, 3]},
                                     D(2025, 6, 1))]
    assert why.startswith("李明：第 5 步“指定培养联系人”记录了 3 人，应为 1–2 名正式党员"
                          "（第 3 步“推荐和确定入党积极分子”（2025年3月10日））。依据：《中国共产党发展党员工作细则》")


def test_a_contact_who_is_not_a_full_member():
    (why,) = [w for _s, w in at_step(5, {"activist_date": "2025-03-10", "contacts": [1, 7]},
                                     D(2025, 6, 1))]
    assert "第 5 步“指定培养联系人”中有人不是正式党员" in why


def test_no_contacts_and_no_activist_yet_says_nothing():
    assert severities(5, {"application_date": "2025-03-10"}, D(2025, 6, 1)) == []


@pytest.mark.parametrize("year, expected", [(2025, 1), (2026, 0)])
def test_the_contacts_finding_belongs_to_the_year_the_activist_was_confirmed(year, expected):
    found = development_findings(PLAN, [person({"activist_date": "2025-12-31",
                                                "last_review_date": "2026-03-01"})],
                                 FULL, {}, year, D(2026, 3, 10), "team")
    assert [f.rule for f in found].count("development.people") == expected


# --- step 6: 考察 every half-year until the 支部大会 ---------------------------------------

@pytest.mark.parametrize("as_of, expected", [
    (D(2025, 6, 30), []),                 # 31 January + 6 months = 31 July; 30 days before: 1 July
    (D(2025, 7, 1), ["info"]),
    (D(2025, 7, 31), ["info"]),           # the deadline itself
    (D(2025, 8, 1), ["warn"]),
])
def test_the_first_review_half_a_year_after_the_activist_was_confirmed(as_of, expected):
    assert severities(6, {"activist_date": "2025-01-31", "contacts": [1]}, as_of) == expected


@pytest.mark.parametrize("review, as_of, expected", [
    ("2025-08-31", D(2026, 2, 28), ["info"]),    # 31 August + 6 months = 28 February 2026
    ("2025-08-31", D(2026, 3, 1), ["warn"]),
    ("2023-08-31", D(2024, 2, 29), ["info"]),    # … 29 February in a leap year
    ("2023-08-31", D(2024, 3, 1), ["warn"]),
    ("2025-08", D(2026, 2, 28), ["info"]),       # a month-only review: from the month's end
    ("2025-08", D(2026, 1, 28), []),
])
def test_the_next_review_half_a_year_after_the_latest(review, as_of, expected):
    values = {"activist_date": "2023-01-10", "contacts": [1], "last_review_date": review}
    assert severities(6, values, as_of) == expected


def test_the_review_why_names_the_latest_review_and_the_deadline():
    ((severity, why),) = at_step(6, {"activist_date": "2025-01-10", "contacts": [1],
                                     "last_review_date": "2025-08-31"}, D(2026, 3, 3))
    assert severity == "warn"
    assert why == ("李明：最近一次第 6 步“培养教育考察”（2025年8月31日）；在“支部大会讨论”之前每 6 个月"
                   "应有一次，下一次应在 2026年2月28日前，已过 3 天。依据：《中国共产党发展党员工作细则》："
                   "党支部每半年对入党积极分子进行一次考察")


def test_no_review_is_due_once_admitted_and_the_latest_review_breaks_no_order():
    values = {"activist_date": "2023-01-10", "contacts": [1], "target_date": "2024-02-01",
              "last_review_date": "2024-07-01", "admission_date": "2024-09-01",
              "introducers": [1, 2]}
    assert severities(6, values, D(2026, 3, 1)) == []
    # The latest 考察 (July 2024) after the 发展对象 was named (February): no order problem.
    assert [p for p in problems_of(PLAN, person(values), FULL, {}, D(2026, 3, 1))
            if p.rule == "order"] == []


def test_a_review_dated_before_the_activist_counts_from_the_activist():
    values = {"activist_date": "2025-01-31", "contacts": [1], "last_review_date": "2024-12-01"}
    assert severities(6, values, D(2025, 8, 1)) == ["warn"]


@pytest.mark.parametrize("year, expected", [(2025, 0), (2026, 1)])
def test_a_review_reminder_belongs_to_the_year_it_is_asked_in(year, expected):
    found = development_findings(PLAN, [person({"activist_date": "2025-01-31", "contacts": [1],
                                                "last_review_date": "2025-08-31"})],
                                 FULL, {}, year, D(2026, 3, 1), "team")
    assert [f.rule for f in found].count("development.every") == expected


def test_the_timeline_shows_the_latest_review_on_step_6():
    states = timeline(PLAN, person({"activist_date": "2025-01-31", "contacts": [1],
                                    "last_review_date": "2025-08-31"}), FULL, {}, D(2025, 9, 1))
    assert (states[5].step.number, states[5].shown, states[5].done) == (6, "2025年8月31日", True)


# --- step 21: 预备期 extended once, 6 to 12 months ----------------------------------------

ADMITTED = {"activist_date": "2023-01-10", "contacts": [1], "admission_date": "2024-05-10",
            "introducers": [1, 2]}


@pytest.mark.parametrize("months, probation_end, expected", [
    (5, "2025-10-10", ["warn"]),
    (6, "2025-11-10", []),
    (12, "2026-05-10", []),
    (13, "2026-06-10", ["warn"]),
    (18, "2026-11-10", ["warn"]),        # two extensions of 6 and 12 months, written as one
])
def test_an_extension_of_six_to_twelve_months(months, probation_end, expected):
    values = {**ADMITTED, "extension_months": months, "probation_end": probation_end}
    # The probation end itself is right in every case: only the extension is judged.
    assert severities(21, values, D(2025, 1, 1)) == expected


def test_the_extension_why_and_its_date():
    values = {**ADMITTED, "extension_months": 18, "probation_end": "2026-11-10"}
    (problem,) = [p for p in problems_of(PLAN, person(values), FULL, {}, D(2025, 1, 1))
                  if p.rule == "extension"]
    assert problem.why.startswith(
        "李明：延长预备期记为 18 个月，应为 6 至 12 个月且只能延长一次（第 15 步“支部大会讨论”"
        "（2024年5月10日）起的一年预备期满于 2025年5月10日）。依据：《中国共产党发展党员工作细则》")
    assert problem.day == D(2026, 11, 10)          # the 预备期满 recorded
    values.pop("probation_end")
    (problem,) = [p for p in problems_of(PLAN, person({**ADMITTED, "admission_date": "2024-02-29",
                                                        "extension_months": 13}),
                                         FULL, {}, D(2025, 1, 1)) if p.rule == "extension"]
    assert problem.day == D(2025, 2, 28)           # none recorded: a year from 29 February


# --- step 23: a 预备党员 transferred in during 预备期, discussed at most 6 months late ----

TRANSFERRED = {**ADMITTED, "admission_date": "2024-03-01", "probation_end": "2025-03-01",
               "transferred_in_date": "2024-10-08"}


@pytest.mark.parametrize("meeting, expected", [
    ("2025-03-01", []),
    ("2025-09-01", []),                   # 1 March + 6 months
    ("2025-09-02", ["warn"]),
])
def test_a_transferred_in_member_discussed_within_six_months(meeting, expected):
    values = {**TRANSFERRED, "confirm_meeting_date": meeting}
    assert severities(23, values, D(2025, 10, 1)) == expected


@pytest.mark.parametrize("as_of, expected", [
    (D(2025, 3, 2), []),                  # past 预备期满, but the delay is allowed
    (D(2025, 7, 17), []),
    (D(2025, 7, 18), ["info"]),           # 45 days before 1 September
    (D(2025, 9, 1), ["info"]),
    (D(2025, 9, 2), ["warn"]),
])
def test_a_transferred_in_member_not_yet_discussed(as_of, expected):
    assert severities(23, TRANSFERRED, as_of) == expected


def test_without_a_transfer_the_discussion_is_due_at_the_end_of_probation():
    values = {k: v for k, v in TRANSFERRED.items() if k != "transferred_in_date"}
    assert severities(23, values, D(2025, 3, 2)) == ["warn"]


def test_the_delay_from_the_last_day_of_august_and_its_why():
    values = {**TRANSFERRED, "probation_end": "2025-08-31", "confirm_meeting_date": "2026-03-01"}
    ((severity, why),) = at_step(23, values, D(2026, 3, 10))
    assert severity == "warn"
    assert why.startswith(
        "李明：预备期内转入本支部（2024年10月8日），第 21 步“继续教育考察（至预备期满）”（2025年8月31日）"
        "后讨论转正最多可推迟 6 个月，应在 2026年2月28日前，第 23 步“支部大会讨论转正”（2026年3月1日）已超过。"
        "依据：《中国共产党发展党员工作细则》")
    assert severities(23, {**values, "confirm_meeting_date": "2026-02-28"}, D(2026, 3, 10)) == []


@pytest.mark.parametrize("old, new, said", [
    ('ordered = false\nchecks = [{ kind = "every"', 'ordered = "no"\nchecks = [{ kind = "every"',
     "第 6 步的 ordered 应为 true 或 false"),
    ('unless_field = "transferred_in_date"', 'unless_field = "moved_in"',
     "第 23 步的 unless_field 'moved_in' 不是 development 的字段"),
    ("dated_by = 3,", "dated_by = 30,", "第 5 步的 dated_by = 30 不是一个步骤"),
])
def test_a_broken_step_declaration_is_refused_naming_the_step(tmp_path, old, new, said):
    import shutil

    from ledger_app.forms.loader import DeclarationError, load_pack

    folder = tmp_path / "party_branch"
    shutil.copytree(builtin_pack().source, folder)
    steps = folder / "development_steps.toml"
    text = steps.read_text(encoding="utf-8")
    assert old in text
    steps.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DeclarationError, match=said):
        load_pack(folder)


def test_a_real_ledger_reports_the_new_checks_and_follows_its_changes(tmp_path, capsys):
    import json

    from ledger_app.cli.main import main
    from ledger_app.rules.check import check_ledger
    from ledger_app.store import Ledger

    path = tmp_path / "b.ledger"
    assert main(["new", str(path), "--name", "测试支部"]) == 0
    with Ledger.open(path) as ledger:
        full = [ledger.records.insert("roster", {
            "name": name, "gender": "男", "birth_date": "1980-01-01", "member_class": "正式党员",
            "status": "在册", "joined_date": "2000-07-01"}) for name in ("甲", "乙", "丙")]
        record = ledger.records.insert("development", {
            "name": "李明", "stage": "入党积极分子", "application_date": "2025-01-10",
            "talk_date": "2025-01-20", "activist_date": "2025-03-04", "contacts": full,
            "last_review_date": "2025-08-05"})
        found = check_ledger(ledger, 2026, D(2026, 2, 10)).findings
        # 3 contacts; the next 考察 was due by 5 February 2026.
        assert sorted((f.rule, f.severity) for f in found if f.rule.startswith("development.")) \
            == [("development.every", "warn")]
        assert [(f.rule, f.records) for f in check_ledger(ledger, 2025, D(2026, 2, 10)).findings
                if f.rule.startswith("development.")] == [("development.people", (record,))]
        ledger.records.update(record, {"contacts": full[:2], "last_review_date": "2026-02-03"})
        assert [f.rule for f in check_ledger(ledger, 2026, D(2026, 2, 10)).findings
                if f.rule.startswith("development.")] == []
        assert [f.rule for f in check_ledger(ledger, 2025, D(2026, 2, 10)).findings
                if f.rule.startswith("development.")] == []
    capsys.readouterr()
    main(["check", str(path), "--year", "2026", "--as-of", "2026-08-10", "--json"])
    whys = [f["why"] for f in json.loads(capsys.readouterr().out)
            if f["rule"] == "development.every"]
    assert whys == ["李明：最近一次第 6 步“培养教育考察”（2026年2月3日）；在“支部大会讨论”之前每 6 个月应有一次，"
                    "下一次应在 2026年8月3日前，已过 7 天。依据：《中国共产党发展党员工作细则》：党支部每半年对"
                    "入党积极分子进行一次考察"]
