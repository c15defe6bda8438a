"""组织设置 → 检查规则: the [local] cadence values, the 换届 warning and the day the electronic
ledger begins, stored in the ledger and read by the rules (real dialog, real ledger)."""

from __future__ import annotations

import datetime as dt

from ledger_app.rules.check import check_ledger
from ledger_app.store import Ledger
from ledger_app.ui.settings_dialog import SettingsDialog


def opened(qtbot, ledger: Ledger, runner) -> SettingsDialog:
    dialog = SettingsDialog(ledger, runner)
    qtbot.addWidget(dialog)
    assert runner.wait_idle(10000)
    assert dialog.rules.isEnabled()
    return dialog


def test_local_values_show_their_default_and_only_changes_are_stored(qtbot, ledger, runner):
    dialog = opened(qtbot, ledger, runner)
    # 党课 is [local] in the party pack; 支部党员大会 is national and not offered.
    assert list(dialog.rules.rows) == ["party_lecture"]
    lecture = dialog.rules.rows["party_lecture"]
    assert lecture.default.text() == "默认：每季度 1 次"
    assert lecture.every.currentText() == "每季度" and lecture.count.value() == 1
    assert dialog.rules.warn_months.value() == 6
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert ledger.setting("cadence") == {}                  # nothing differs from the default
    assert ledger.setting("term_warn_months") == 6


def test_a_changed_lecture_cadence_is_what_the_rules_apply(qtbot, ledger, runner):
    ledger.records.insert("roster", {"name": "党员甲", "gender": "男", "birth_date": "1980-01-01",
                                     "member_class": "正式党员", "status": "在册",
                                     "joined_date": "2000-07-01"})
    ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2025-02-10", "topic": "党课"})
    dialog = opened(qtbot, ledger, runner)
    lecture = dialog.rules.rows["party_lecture"]
    lecture.every.setCurrentIndex(lecture.every.findData("half_year"))
    lecture.count.setValue(2)
    dialog.rules.warn_months.setValue(12)
    dialog.rules.kept_since.setText("2025-01")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert ledger.setting("cadence") == {"party_lecture": {"every": "half_year", "count": 2}}
    assert ledger.setting("term_warn_months") == 12
    assert ledger.setting("kept_since") == "2025-01-01"
    report = check_ledger(ledger, 2025, dt.date(2025, 12, 31))
    lecture_row = next(r for r in report.rows if r.requirement.key == "party_lecture")
    assert [(c.period.label, c.required, c.held, c.state) for c in lecture_row.cells] == [
        ("2025年上半年", 2, 1, "missing"), ("2025年下半年", 2, 0, "due")]
    whys = [f.why for f in report.findings if f.rule == "cadence.party_lecture"]
    assert whys[0].startswith("2025年上半年只召开了 1 次党课，应至少 2 次")
    # The term (2024-01-01, 5 years) ends 2029-01-01: with 12 months' warning, 2028-03 warns.
    later = check_ledger(ledger, 2028, dt.date(2028, 3, 1))
    assert any(f.rule == "org.term_due" and "提前 12 个月提醒" in f.why for f in later.findings)
    # Opened again, the dialog shows what was stored.
    again = opened(qtbot, ledger, runner)
    row = again.rules.rows["party_lecture"]
    assert row.every.currentData() == "half_year" and row.count.value() == 2
    assert again.rules.kept_since.text() == "2025-01-01"


def test_a_bad_start_date_is_refused_and_nothing_is_saved(qtbot, ledger, runner):
    dialog = opened(qtbot, ledger, runner)
    dialog.rules.kept_since.setText("2025-13-45")
    dialog.rules.warn_months.setValue(3)
    dialog.save()
    assert runner.wait_idle(5000)
    assert dialog.isVisible() or not dialog.result()
    assert "电子台账启用日期“2025-13-45”不是有效日期" in dialog.form.problem_label.text()
    assert ledger.setting("term_warn_months") is None


def development(ledger, review: str, admitted: str) -> None:
    ledger.records.insert("development", {
        "name": "李明", "stage": "预备党员", "application_date": "2023-01-05",
        "political_review_date": review, "admission_date": admitted})


def test_the_political_review_validity_is_set_here_and_applied(qtbot, ledger, runner):
    # 政审 on 1 March 2024, 支部大会 on 2 March 2025: a day past the pack's 12 months.
    development(ledger, "2024-03-01", "2025-03-02")
    dialog = opened(qtbot, ledger, runner)
    box, default = dialog.rules.step_values["political_review_valid_months"]
    assert (box.value(), default) == (12, 12)
    assert box.accessibleName() == "政治审查有效期"
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert ledger.setting("political_review_valid_months") is None   # the default: not stored
    (why,) = [f.why for f in check_ledger(ledger, 2025, dt.date(2025, 12, 31)).findings
              if f.rule == "development.valid_until"]
    assert "已超过 1 年，政治审查结论已过有效期。依据：" in why
    dialog = opened(qtbot, ledger, runner)
    dialog.rules.step_values["political_review_valid_months"][0].setValue(18)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert ledger.setting("political_review_valid_months") == 18
    assert [f for f in check_ledger(ledger, 2025, dt.date(2025, 12, 31)).findings
            if f.rule == "development.valid_until"] == []
    again = opened(qtbot, ledger, runner)
    assert again.rules.step_values["political_review_valid_months"][0].value() == 18


def test_a_shorter_local_validity_is_named_in_the_why(qtbot, ledger, runner):
    # 6 months set here: 1 March 2025 + 6 months = 1 September; the 支部大会 on 2 September.
    development(ledger, "2025-03-01", "2025-09-02")
    dialog = opened(qtbot, ledger, runner)
    dialog.rules.step_values["political_review_valid_months"][0].setValue(6)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    (why,) = [f.why for f in check_ledger(ledger, 2025, dt.date(2025, 12, 31)).findings
              if f.rule == "development.valid_until"]
    assert ("第 10 步“政治审查”（2025年3月1日）到第 15 步“支部大会讨论”（2025年9月2日）已超过 6 个月，"
            "政治审查结论已过有效期（本台账在组织设置中定为 6 个月，默认 1 年）") in why
    ledger.records.update(ledger.records.ids("development")[0], {"admission_date": "2025-09-01"})
    assert [f for f in check_ledger(ledger, 2025, dt.date(2025, 12, 31)).findings
            if f.rule == "development.valid_until"] == []
