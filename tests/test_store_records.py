"""Records, recycle bin, search, attendance, attachments and the audit trail."""

from __future__ import annotations

import io
import sqlite3

import pytest
from PIL import Image

from ledger_app.store import LedgerError
from ledger_app.store.attendance import Presence
from ledger_app.store.search_text import index_tokens, match_expression


def member(ledger, name, **extra):
    values = {"name": name, "gender": "男", "birth_date": "1975-06-01",
              "member_class": "正式党员", "status": "在册", "party_group": "第一党小组"}
    values.update(extra)
    return ledger.records.insert("roster", values)


def meeting(ledger, date, topic, **extra):
    return ledger.records.insert("meeting", {"kinds": ["支部委员会"], "date": date,
                                             "topic": topic, **extra})


def png_bytes(color=(200, 30, 30), size=(800, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def test_values_are_stored_in_their_declared_form(ledger):
    mid = member(ledger, "李娜", gender="女", dues_base="4321.5", is_mobile=True,
                 id_number="11010519491231002x")
    values = ledger.records.get(mid).values
    assert values["dues_base"] == 432150          # money as integer 分
    assert values["is_mobile"] is True
    assert values["id_number"] == "11010519491231002X"
    dues = ledger.records.insert("dues", {"member": mid, "month": "2025年3月", "due": 4322})
    assert ledger.records.get(dues)["month"] == "2025-03"
    assert ledger.records.get(dues).year == 2025


def test_two_character_name_and_any_substring_are_found(ledger):
    zhang = member(ledger, "张伟")
    member(ledger, "张伟明")
    member(ledger, "王伟")
    mid = meeting(ledger, "2025-03-15", "学习贯彻党的二十届三中全会精神", chair=zhang,
                  content="同志们围绕基层治理现代化展开讨论")
    hits = dict(ledger.records.search("张伟"))
    assert set(hits) >= {zhang, mid}               # the meeting is found by its chair's name
    assert ledger.records.ids("roster", search="张伟") == sorted(
        ledger.records.ids("roster", search="张伟"))
    assert len(ledger.records.ids("roster", search="张伟")) == 2
    assert ledger.records.ids("roster", search="王伟") != []
    for substring in ("三中全会", "二十届三中", "治理现代", "基层", "神", "习"):
        assert mid in dict(ledger.records.search(substring)), substring
    assert mid not in dict(ledger.records.search("四中全会"))
    assert ledger.records.search("！？") == []


def test_search_tokens_are_bigrams():
    assert index_tokens("张伟") == ["张伟", "伟"]
    assert index_tokens("ABC 2025年") == ["abc", "2025", "年"]
    assert match_expression("委员会") == '"委员 员会"'


def test_sensitive_values_are_not_searchable(ledger):
    member(ledger, "赵敏", id_number="11010519491231002X", phone="13812345678")
    assert ledger.records.search("13812345678") == []


def test_delete_goes_to_the_recycle_bin_and_restores(ledger):
    mid = meeting(ledger, "2025-04-01", "主题党日活动")
    ledger.records.delete(mid)
    assert ledger.records.count("meeting") == 0
    assert ledger.records.search("主题党日") == []
    assert [r.id for r in ledger.records.recycle_bin()] == [mid]
    ledger.records.restore(mid)
    assert ledger.records.count("meeting") == 1
    assert mid in dict(ledger.records.search("主题党日"))
    with pytest.raises(LedgerError, match="回收站"):
        ledger.records.purge(mid)
    ledger.records.delete(mid)
    ledger.records.purge(mid)
    with pytest.raises(LedgerError):
        ledger.records.get(mid, include_deleted=True)


def test_years_and_counts_follow_the_date_field(ledger):
    meeting(ledger, "2024-12-30", "年终总结")
    meeting(ledger, "2025-01-05", "新年计划")
    member(ledger, "周强")  # the roster has no year: it belongs to every year
    assert ledger.records.counts(2025)["meeting"] == 1
    assert ledger.records.counts(2025)["roster"] == 1
    assert ledger.records.counts()["meeting"] == 2
    assert {2024, 2025} <= set(ledger.years())


def test_sorting_is_done_by_the_database(ledger):
    for name, seq in (("乙", 2), ("甲", 1), ("丙", 3)):
        member(ledger, name, seq=seq)
    ids = ledger.records.ids("roster", sort_field="seq", descending=True)
    assert [ledger.records.get(i)["name"] for i in ids] == ["丙", "乙", "甲"]
    page = ledger.records.rows("roster", ids[:2])
    assert set(page) == set(ids[:2])


def test_attendance_is_per_member_and_reasons_are_required(ledger):
    a, b, c = member(ledger, "甲"), member(ledger, "乙"), member(ledger, "丙")
    mid = meeting(ledger, "2025-05-10", "支委会")
    with pytest.raises(LedgerError, match="原因"):
        ledger.attendance.set(mid, [Presence(a, "present"), Presence(b, "leave")])
    ledger.attendance.set(mid, [Presence(a, "present"), Presence(b, "leave", "出差"),
                                Presence(c, "absent", "生病")])
    tally = ledger.attendance.tally(mid)
    assert (tally.due, tally.present, tally.leave, tally.absent) == (3, 1, 1, 1)
    assert {p.name for p in ledger.attendance.of(mid)} == {"甲", "乙", "丙"}


def test_members_on_the_roster_at_a_date(ledger):
    member(ledger, "在册者", joined_date="2000-01-01")
    member(ledger, "新党员", joined_date="2025-07-01", member_class="预备党员")
    member(ledger, "已转出", joined_date="2001-01-01", status="转出", left_date="2025-03-01")
    member(ledger, "转入者", joined_date="1998-07-01", arrived_date="2025-05-20")
    names = lambda d: {r["name"] for r in ledger.records.members(on_date=d)}  # noqa: E731
    assert names("2025-02-01") == {"在册者", "已转出"}
    assert names("2025-05-20") == {"在册者", "转入者"}
    assert names("2025-08-01") == {"在册者", "新党员", "转入者"}


def test_attachments_are_deduplicated_and_thumbnailed(ledger):
    mid = meeting(ledger, "2025-06-01", "党课")
    photo = png_bytes()
    first = ledger.attachments.add(mid, "photos", photo, "现场1.png")
    ledger.attachments.add(mid, "photos", photo, "现场2.png")
    assert ledger.query("SELECT count(*) FROM blobs")[0][0] == 1
    listed = ledger.attachments.of(mid)
    assert [a.filename for a in listed] == ["现场1.png", "现场2.png"]
    assert (listed[0].width, listed[0].height) == (800, 600)
    thumb = Image.open(io.BytesIO(ledger.attachments.thumbnail(listed[0].sha256)))
    assert max(thumb.size) <= 240
    assert ledger.attachments.data(listed[0].sha256) == photo
    ledger.attachments.remove(first)
    assert [a.filename for a in ledger.attachments.of(mid)] == ["现场2.png"]
    with pytest.raises(LedgerError, match="不是附件字段"):
        ledger.attachments.add(mid, "topic", photo, "x.png")


def test_audit_trail_records_changes_and_cannot_be_rewritten(ledger):
    mid = member(ledger, "钱进")
    ledger.records.update(mid, {"phone": "13900001111"})
    ledger.records.delete(mid)
    lines = ledger.audit.lines(mid)
    assert [line.action for line in lines] == ["delete", "update", "create"]
    assert lines[1].detail["phone"] == [None, "13900001111"]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), ledger.transaction() as conn:
        conn.execute("UPDATE audit SET summary = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), ledger.transaction() as conn:
        conn.execute("DELETE FROM audit")


def test_settings_changes_are_audited(ledger):
    ledger.update_settings({"secretary": "李书记"})
    assert ledger.setting("secretary") == "李书记"
    assert ledger.audit.lines()[0].action == "settings"


def test_ids_narrowed_to_a_period(ledger):
    march = meeting(ledger, "2025-03-15", "三月支委会")
    may = meeting(ledger, "2025-05-10", "五月支委会")
    roster = member(ledger, "孙立")
    assert ledger.records.ids("meeting", 2025, date_from="2025-04-01",
                              date_to="2025-06-30") == [may]
    assert ledger.records.ids("meeting", date_to="2025-03-15") == [march]
    # a year-less type is not narrowed by a period
    assert ledger.records.ids("roster", date_from="2025-04-01") == [roster]
    due = ledger.records.insert("dues", {"member": roster, "month": "2025-04", "due": 100})
    assert ledger.records.ids("dues", date_from="2025-04-15", date_to="2025-04-30") == [due]
