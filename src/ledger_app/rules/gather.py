"""Read the ledger into ``rules.facts`` — the one rules module that touches the ledger.

Fields are found by the declarations' roles, never by a pack's field keys, so another
pack's roster (会员 instead of 党员) feeds the same rules.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ledger_app.forms import dates
from ledger_app.forms.cadence import with_overrides
from ledger_app.forms.model import RecordType
from ledger_app.rules import collector
from ledger_app.rules.dues import DuesMember
from ledger_app.rules.facts import (
    ChecklistEntry,
    DuesFacts,
    LedgerFacts,
    Meeting,
    Member,
    OrgFacts,
    Post,
    Talk,
)
from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.forms.model import Pack
    from ledger_app.rules.dues_grid import DuesYear
    from ledger_app.store import Ledger


def _get(rt: RecordType, values: dict[str, Any], role: str) -> Any:
    key = rt.key_for(role)
    return values.get(key) if key else None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


MEMBER_ROLES = ("person_name", "group", "member_class", "joined", "arrived", "left", "status",
                "confirmed")


def read_members(ledger: Ledger) -> list[Member]:
    return _members(ledger, _roster_rows(ledger))


def _roster_rows(ledger: Ledger, dues: bool = False) -> list[tuple[int, dict[str, Any]]]:
    """The roster's rows with the fields the rules read (with ``dues``: the dues roles
    too), in one query."""
    rt = ledger.pack.record_type(ledger.pack.member_type)
    wanted = [f.key for f in rt.stored_fields if f.required]
    roles = MEMBER_ROLES + (DUES_ROLES if dues else ())
    return ledger.records.fields_of(rt.key, [rt.title_field, *(rt.key_for(r) or "" for r in roles),
                                             *wanted])


def _members(ledger: Ledger, rows: list[tuple[int, dict[str, Any]]]) -> list[Member]:
    rt = ledger.pack.record_type(ledger.pack.member_type)
    full_value = rt.value_for("member_class", "full")
    active_value = rt.value_for("status", "active")
    wanted = [f for f in rt.stored_fields if f.required]
    joined = rt.field_for("joined")
    # The keys once, not per row (by role; a role the pack lacks reads as None).
    name_k, group_k, class_k, joined_k, arrived_k, left_k, status_k, confirmed_k = (
        rt.key_for(role) for role in MEMBER_ROLES)
    title_k = rt.title_field
    wanted_keys = [(f.key, f.label) for f in wanted]

    def get(v: dict[str, Any], key: str | None) -> Any:
        return v.get(key) if key else None

    out = []
    for entry_id, v in rows:
        missing = [label for key, label in wanted_keys if v.get(key) in (None, "", [])]
        if joined is not None and not v.get(joined.key) and joined.label not in missing:
            missing.append(joined.label)
        klass = get(v, class_k)
        status = get(v, status_k)
        out.append(Member(
            id=entry_id, name=_text(get(v, name_k) or v.get(title_k)),
            group=_text(get(v, group_k)),
            full=None if klass is None or full_value is None else klass == full_value,
            joined=get(v, joined_k), arrived=get(v, arrived_k),
            confirmed=get(v, confirmed_k), left=get(v, left_k),
            active=status in (None, "") or active_value is None or status == active_value,
            missing=tuple(missing)))
    return out


DUES_ROLES = ("person_name", "dues_group", "dues_base", "dues_base_from", "joined", "arrived",
              "left", "status", "seq")


def read_paid_to(ledger: Ledger) -> dict[int, str]:
    """Per member, the latest 党费已交到 on a 转入 介绍信 linked to them."""
    tt = ledger.pack.type_for("transfers")
    if tt is None or not tt.key_for("dues_paid_to") or not tt.key_for("person"):
        return {}
    incoming = tt.value_for("transfer_direction", "in")
    keys = [tt.key_for(r) or "" for r in ("transfer_direction", "person", "dues_paid_to")]
    out: dict[int, str] = {}
    for _i, v in ledger.records.fields_of(tt.key, keys):
        member, paid_to = _get(tt, v, "person"), _get(tt, v, "dues_paid_to")
        if member is None or not paid_to or _get(tt, v, "transfer_direction") != incoming:
            continue
        out[int(member)] = max(out.get(int(member), ""), str(paid_to))
    return out


def read_dues_members(ledger: Ledger,
                      rows: list[tuple[int, dict[str, Any]]] | None = None) -> list[DuesMember]:
    """The roster as the dues rules need it (RULES.md §3), fields found by role."""
    rt = ledger.pack.record_type(ledger.pack.member_type)
    paid_to = read_paid_to(ledger)
    active_value = rt.value_for("status", "active")
    if rows is None:
        rows = _roster_rows(ledger, dues=True)
    # The keys once, not per row (by role: another pack's roster names them differently).
    name_k, group_k, base_k, from_k, joined_k, arrived_k, left_k, status_k, seq_k = (
        rt.key_for(role) or "" for role in DUES_ROLES)
    out = []
    for entry_id, v in rows:
        status = v.get(status_k)
        base = v.get(base_k)
        out.append(DuesMember(
            id=entry_id, name=_text(v.get(name_k) or v.get(rt.title_field)),
            group=_text(v.get(group_k)) or "在职",
            base=int(base) if base is not None else None,
            base_from=v.get(from_k) or None,
            joined=v.get(joined_k), arrived=v.get(arrived_k),
            left=v.get(left_k), paid_to=paid_to.get(entry_id), seq=v.get(seq_k),
            active=status in (None, "") or active_value is None or status == active_value))
    return out


def read_dues(ledger: Ledger, year: int, rows: list[tuple[int, dict[str, Any]]] | None = None
              ) -> tuple[DuesFacts | None, list[tuple[tuple[int, ...], str]]]:
    """Dues of the year and the one before (arrears run across New Year), read through the
    (person, month) index with the few unpaid and recycled records; and the year's
    duplicated (person, month) keys found on the way."""
    from ledger_app.store import dues as store_dues

    rt = store_dues.dues_type(ledger)
    if rt is None:
        return None, []
    window = (f"{year - 1}-01", f"{year}-12")
    found = store_dues.paid_months(ledger, *window)
    recorded = ((found.first_recorded, found.last_recorded)
                if found.first_recorded and found.last_recorded else None)
    this_year = [(m, month) for m, month in found.repeated if month.startswith(f"{year}-")]
    person = rt.key_for("person") or ""
    duplicates = ledger.records.duplicates_of(
        rt.key, [{person: m, rt.date_field: month} for m, month in this_year])
    return (DuesFacts(rt.key, tuple(read_dues_members(ledger, rows)), found.paid, window,
                      recorded), duplicates)


def read_dues_year(ledger: Ledger, year: int, as_of: dt.date | None = None) -> DuesYear:
    """The year's dues grid (the window's 党费收缴表 and the printed register), with the
    arrears the check reports (kept while the ledger is unchanged: ``store.derived``)."""
    as_of = as_of or dt.date.today()
    return ledger.derived.get(("dues_grid", year, as_of),
                              lambda: _dues_year(ledger, year, as_of))


def _dues_year(ledger: Ledger, year: int, as_of: dt.date) -> DuesYear:
    from ledger_app.rules.dues import rounding_of
    from ledger_app.rules.dues_findings import arrears_findings
    from ledger_app.rules.dues_grid import DuesYear, build_grid
    from ledger_app.store import dues as store_dues

    with collector.paused():
        facts, _duplicates = ledger.derived.get(("dues", year), lambda: read_dues(ledger, year))
        if facts is None:
            return DuesYear(year, ())
        cells = store_dues.cells(ledger, f"{year}-01", f"{year}-12")
        newer = [m.id for m in facts.members if m.base_from and m.base_from > f"{year}-01"]
        return build_grid(year, facts.members, cells, as_of,
                          arrears_findings(facts, year, as_of),
                          store_dues.base_history(ledger, newer),
                          rounding_of(ledger.setting("dues_rounding")))


def read_development(ledger: Ledger) -> tuple[Any, ...]:
    """Each development record's step values (the fields the pack's steps name)."""
    from ledger_app.forms.development import FIELD_PARAMS
    from ledger_app.rules.development import Person

    plan = ledger.pack.development
    if plan is None:
        return ()
    rt = ledger.pack.record_type(plan.record_type)
    keys = {rt.title_field}
    for step in plan.steps:
        keys.add(step.field)
        for check in step.checks:
            keys |= {str(check.get(k)) for k in FIELD_PARAMS if check.get(k)}
    return tuple(Person(i, _text(v.get(rt.title_field)), v)
                 for i, v in ledger.records.fields_of(rt.key, sorted(k for k in keys if k)))


def read_transfers(ledger: Ledger) -> tuple[Any, ...]:
    from ledger_app.rules.transfers_evaluations import Transfer

    tt = ledger.pack.type_for("transfers")
    if tt is None:
        return ()
    outgoing = tt.value_for("transfer_direction", "out")
    roles = ("person_name", "transfer_direction", "letter_no", "receipt_returned", "receipt_date")
    out = []
    for i, v in ledger.records.fields_of(tt.key, [tt.date_field,
                                                  *(tt.key_for(r) or "" for r in roles)]):
        out.append(Transfer(i, _text(_get(tt, v, "person_name")),
                            outgoing is not None and _get(tt, v, "transfer_direction") == outgoing,
                            dates.as_date(v.get(tt.date_field)), _text(_get(tt, v, "letter_no")),
                            bool(_get(tt, v, "receipt_returned") or _get(tt, v, "receipt_date"))))
    return tuple(out)


def read_evaluations(ledger: Ledger, year: int) -> tuple[Any, ...]:
    from ledger_app.rules.transfers_evaluations import Evaluation

    et = ledger.pack.type_for("evaluations")
    if et is None or not et.key_for("eval_grade"):
        return ()
    excellent = et.value_for("eval_grade", "excellent")
    out = []
    for i, v in ledger.records.fields_of(et.key, [et.key_for(r) or "" for r in
                                                  ("person", "eval_grade", "eval_year")], year):
        if _get(et, v, "eval_year") not in (None, year):
            continue
        grade = _text(_get(et, v, "eval_grade"))
        out.append(Evaluation(i, _get(et, v, "person"), grade, grade == excellent))
    return tuple(out)


def read_month_due(ledger: Ledger, member_id: int, month: str) -> Any:
    """What one member owes for one month, with the rule applied (the dues edit form)."""
    from ledger_app.rules.dues import DuesMember, due_for, rounding_of
    from ledger_app.store import dues as store_dues

    found = [m for m in read_dues_members(ledger) if m.id == member_id]
    member = found[0] if found else DuesMember(member_id, f"#{member_id}")
    history = store_dues.base_history(ledger, [member_id]).get(member_id) \
        if member.base_from and month < member.base_from else None
    return due_for(member, month, history, rounding_of(ledger.setting("dues_rounding")))


def transfer_roster_changes(ledger: Ledger, record_id: int
                            ) -> tuple[int | None, dict[str, Any], str]:
    """What a saved 转入转出 record means for its linked roster member: (member id, changes
    by field key, the question to ask first or ""). A 转入 fills an empty 转入本支部日期;
    a 转出 of a member still in the branch sets 状态 and 离开日期 — asked first."""
    tt = ledger.pack.type_for("transfers")
    people = ledger.pack.record_type(ledger.pack.member_type)
    record = ledger.records.get(record_id)
    if tt is None or record.type_key != tt.key:
        return None, {}, ""
    member_id = _get(tt, record.values, "person")
    day = record.values.get(tt.date_field)
    if member_id is None or not day:
        return None, {}, ""
    try:
        member = ledger.records.get(int(member_id)).values
    except LedgerError:
        return None, {}, ""
    direction = _get(tt, record.values, "transfer_direction")
    name = _text(_get(people, member, "person_name"))
    arrived, left, status = (people.key_for(r) for r in ("arrived", "left", "status"))
    if direction == tt.value_for("transfer_direction", "in"):
        if arrived and not member.get(arrived):
            return int(member_id), {arrived: day}, ""
        return None, {}, ""
    gone = tt.value_for("transfer_direction", "out")
    status_field = people.field_for("status")
    if (direction == gone and status and left and status_field is not None
            and gone in status_field.choices
            and member.get(status) == people.value_for("status", "active")):
        return int(member_id), {status: gone, left: day}, (
            f"这条记录是{name}转出本支部。要把党员名册中{name}的状态改为“{gone}”、离开日期记为 "
            f"{dates.chinese(day)}吗？（此后不再算应到会、应交党费，记录保留。）")
    return None, {}, ""


def read_duplicates(ledger: Ledger, year: int, skip: str = ""
                    ) -> list[tuple[str, tuple[int, ...], str]]:
    out = []
    for rt in ledger.pack.record_types:
        if rt.key != skip:
            out += [(rt.key, ids, said) for ids, said in ledger.records.duplicates(rt.key, year)]
    return out


def read_pending(ledger: Ledger) -> tuple[tuple[str, tuple[int, ...], tuple[str, ...]], ...]:
    """Per record type: the records with a field 待核实 and which fields (by label)."""
    found: dict[str, tuple[set[int], set[str]]] = {}
    for mark in ledger.pending.listing():
        ids, keys = found.setdefault(mark.type_key, (set(), set()))
        ids.add(mark.entry_id)
        keys.add(mark.field_key)
    out = []
    for type_key, (ids, keys) in sorted(found.items()):
        rt = ledger.pack.record_type(type_key)
        labels = tuple(f.label for f in rt.fields if f.key in keys)
        out.append((type_key, tuple(sorted(ids)), labels))
    return tuple(out)


def read_posts(ledger: Ledger, names: dict[int, str]) -> list[Post]:
    rt = ledger.pack.type_for("committee")
    if rt is None:
        return []
    secretary = rt.value_for("post", "secretary")
    out = []
    for r in ledger.records.list(rt.key):
        member = _get(rt, r.values, "person")
        post = _text(_get(rt, r.values, "post"))
        out.append(Post(r.id, member, names.get(member, _text(member)), post,
                        bool(secretary) and post == secretary,
                        _get(rt, r.values, "term_start"), _get(rt, r.values, "term_end")))
    return out


def _date_of(rt: RecordType, values: dict[str, Any]) -> dt.date | None:
    if not rt.date_field:
        return None
    value = values.get(rt.date_field)
    if isinstance(value, int):
        return dt.date(value, 1, 1)
    s = dates.span(value)
    return s.first if s else None


def year_facts(ledger: Ledger, year: int) -> LedgerFacts:
    """``gather`` kept while the ledger is unchanged (``store.derived``): the home page
    shown again, the 自查表 or the checklist view after it read nothing anew."""
    return ledger.derived.get(("facts", year), lambda: gather(ledger, year))


def gather(ledger: Ledger, year: int) -> LedgerFacts:
    pack = ledger.pack
    settings = ledger.settings()
    roster = _roster_rows(ledger, dues=True)
    members = _members(ledger, roster)
    names = {m.id: m.name for m in members}
    requirements = with_overrides(pack.cadence, settings.get("cadence"))

    meetings: list[Meeting] = []
    mt = pack.type_for("meetings")
    if mt is not None:
        roles = ("meeting_kinds", "meeting_group")
        rows = ledger.records.fields_of(
            mt.key, [mt.date_field, mt.title_field, *(mt.key_for(r) or "" for r in roles)], year)
        tallies = ledger.attendance.tallies(i for i, _v in rows)
        kinds_k, group_k = (mt.key_for(r) for r in roles)
        for entry_id, v in rows:
            day = dates.as_date(v.get(mt.date_field))
            if day is None:
                continue
            tally = tallies.get(entry_id)
            meetings.append(Meeting(entry_id, day,
                                    tuple((v.get(kinds_k) if kinds_k else None) or ()),
                                    _text(v.get(group_k) if group_k else None),
                                    _text(v.get(mt.title_field)),
                                    tally.due if tally else 0, tally.present if tally else 0))
    talks: list[Talk] = []
    tt = pack.type_for("talks")
    if tt is not None:
        talker_k, talkee_k = tt.key_for("talker"), tt.key_for("talkee")
        keys = [tt.date_field, talker_k or "", talkee_k or ""]
        for entry_id, v in ledger.records.fields_of(tt.key, keys, year):
            day = dates.as_date(v.get(tt.date_field))
            if day is not None:
                talks.append(Talk(entry_id, day, v.get(talker_k) if talker_k else None,
                                  v.get(talkee_k) if talkee_k else None))

    typed: dict[str, list[tuple[int, dt.date | None]]] = {}
    wanted_types = {r.record_type for r in requirements if r.record_type and r.scope != "pairs"}
    wanted_types |= {rt.key for rt in pack.record_types if rt.expected_yearly}
    for key in sorted(wanted_types):
        rt = pack.record_type(key)
        typed[key] = [(i, _date_of(rt, v))
                      for i, v in ledger.records.fields_of(key, [rt.date_field], year)]

    entries: dict[str, tuple[ChecklistEntry, ...]] = {}
    for checklist in pack.checklists:
        st = pack.record_type(checklist.state_type)
        state_roles = ("checklist_year", "checklist_item", "checklist_met", "checklist_note")
        rows = ledger.records.fields_of(st.key, [st.key_for(r) or "" for r in state_roles],
                                        year)
        evidence = ledger.attachments.counts(i for i, _v in rows)
        entries[checklist.key] = tuple(
            ChecklistEntry(i, int(_get(st, v, "checklist_year") or year),
                           _text(_get(st, v, "checklist_item")),
                           _get(st, v, "checklist_met"),
                           _text(_get(st, v, "checklist_note")), evidence.get(i, 0))
            for i, v in rows)

    kept_since = dates.as_date(settings.get("kept_since"))
    if kept_since is None and mt is not None:
        first = dates.span(ledger.records.earliest(mt.key))
        kept_since = first.first.replace(day=1) if first else None
    if kept_since is None:
        # No meeting recorded yet: judge from the month the ledger was created.
        created = dates.span(str(settings.get("_created_at") or "")[:10])
        kept_since = created.first.replace(day=1) if created else None
    dues, dues_duplicates = ledger.derived.get(("dues", year),
                                               lambda: read_dues(ledger, year, roster))
    duplicates = read_duplicates(ledger, year, skip=dues.type_key if dues else "")
    duplicates += [(dues.type_key, ids, said) for ids, said in dues_duplicates] if dues else []
    term_years = settings.get("term_years")
    org = OrgFacts(
        name=ledger.org_name, term_start=settings.get("term_start") or None,
        term_years=int(term_years) if isinstance(term_years, int) or
        (isinstance(term_years, str) and term_years.isdigit()) else None,
        term_warn_months=int(settings.get("term_warn_months") or 6),
        groups=tuple(ledger.party_groups()), kept_since=kept_since,
        term_label=pack.term_label, term_source=pack.term_source or OrgFacts.term_source)
    return LedgerFacts(
        year=year, org=org, requirements=requirements,
        members=tuple(members), meetings=tuple(sorted(meetings, key=lambda m: m.date)),
        posts=tuple(read_posts(ledger, names)), talks=tuple(talks), typed=typed,
        checklist_entries=entries,
        dues=dues, duplicates=tuple(duplicates), pending=read_pending(ledger),
        development=read_development(ledger),
        settings=settings, transfers=read_transfers(ledger),
        evaluations=read_evaluations(ledger, year), **pack_facts(pack))


def pack_facts(pack: Pack) -> dict[str, Any]:
    """What the rules take from the pack itself, whatever the ledger holds: its
    checklists, types, labels and categories (one place for gather and hand-made facts)."""
    people = pack.record_type(pack.member_type)
    return dict(
        checklists=pack.checklists,
        expected_yearly=tuple((rt.key, rt.label, rt.category) for rt in pack.record_types
                              if rt.expected_yearly),
        categories={rt.key: rt.category for rt in pack.record_types},
        labels={rt.key: rt.label for rt in pack.record_types},
        category_labels={c.key: c.label for c in pack.categories},
        people_label=people.label,
        joined_label=getattr(people.field_for("joined"), "label", ""),
        dues_kept=pack.type_for("dues") is not None,
        development_plan=pack.development,
        role_categories={rt.role: rt.category for rt in pack.record_types if rt.role})


def due_at_meeting(ledger: Ledger, kinds: list[str] | tuple[str, ...], day: str | None,
                   group: str = "") -> list[Any]:
    """The roster records due (应到) at a meeting of ``kinds`` on ``day`` — the one answer
    the attendance editor, the sign-in sheet and the checks share (RULES.md §2)."""
    from ledger_app.rules.membership import due_members

    when = dates.as_date(day)
    if when is None:
        return []
    members = read_members(ledger)
    posts = read_posts(ledger, {m.id: m.name for m in members})
    requirements = with_overrides(ledger.pack.cadence, ledger.setting("cadence"))
    due = {m.id for m in due_members(tuple(kinds or ()), when, group, members, posts,
                                     requirements)}
    people = ledger.pack.record_type(ledger.pack.member_type)
    seq, group_key = people.key_for("seq"), people.key_for("group")
    records = [r for r in ledger.records.members(include_left=True) if r.id in due]
    return sorted(records, key=lambda r: (str(r[group_key] or "") if group_key else "",
                                          r[seq] is None if seq else True,
                                          (r[seq] or 0) if seq else 0, r.id))
