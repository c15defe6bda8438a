"""What every small-organisation demo (关工委, 工会) does the same way: people with valid ID
and phone numbers, meetings held by today numbered within their kind, their attendance
taken from those due on the day (the same rule the window uses), yearly plans and
summaries, 上级文件 and 经费收支, photos, and a checklist assessed item by item with evidence.

The pack-specific content (who, which meetings, which activities) lives in ``demo.ggw`` and
``demo.union``, each a ``steps(org)`` generator that yields after each of its ``PIECES``
committed pieces, the roster first; this module finds fields through roles, so it serves
any pack.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ledger_app.demo import names as nm
from ledger_app.demo.photos import meeting_photo
from ledger_app.store.attendance import Presence

Report = Callable[[int, int, str], None]

LEAVE_REASONS = ("外出探亲", "身体不适", "家中有事", "参加其他会议", "外地就医")
PHOTO_CHUNK = 6  # photos made and written per piece: a piece stays well under a second


@dataclass
class SmallOrg:
    ledger: Any
    rng: random.Random
    today: date
    short: str                      # banner on photos: 桂花街道关工委
    report: Report | None = None
    summary: dict[str, int] = field(default_factory=dict)
    photos: dict[tuple[str, str, int], bytes] = field(default_factory=dict)
    # Photos to attach: (entry id, field, (banner, day, variant, people), file name, caption)
    queued: list[tuple[int, str, tuple[str, str, int, bool], str, str]] = field(
        default_factory=list)
    done: int = 0                   # pieces written so far, of ``total`` (the pack's PIECES)
    total: int = 1

    def __post_init__(self) -> None:
        self.names = nm.NameBook(self.rng)
        self.ids = nm.IdNumbers(self.rng)
        self.phones = nm.Phones(self.rng)
        self.people_type = self.ledger.pack.record_type(self.ledger.pack.member_type)

    @property
    def years(self) -> tuple[int, int]:
        return self.today.year - 1, self.today.year

    def past(self, day: date) -> bool:
        return day <= self.today

    def step(self, message: str) -> None:
        if self.report is not None:
            self.report(min(self.done, self.total), self.total, message)

    def piece(self, message: str) -> Iterator[str]:
        """One piece of the demo is committed: its photos are made and written a few at a
        time, then the piece is counted and ``message`` says what comes next (a pack's
        ``steps`` yields from this, so a window can show the demo between pieces)."""
        while self.queued:
            batch, self.queued = self.queued[:PHOTO_CHUNK], self.queued[PHOTO_CHUNK:]
            with self.ledger.transaction():
                for entry_id, field_key, (banner, day, variant, people), name, caption in batch:
                    self.ledger.attachments.add(entry_id, field_key,
                                                self.photo(banner, day, variant, people),
                                                name, caption)
                    self.summary["photos"] = self.summary.get("photos", 0) + 1
            yield "正在写入照片……"
        self.done += 1
        self.step(message)
        yield message

    # ---- people ------------------------------------------------------------------------

    def person(self, gender: str, born: date) -> dict[str, Any]:
        """The fields every roster has, by role: name, gender, birth date, ID, phone."""
        rt = self.people_type
        return rt.prefill({"person_name": self.names.name(gender, born.year),
                           "gender": gender, "birth_date": born.isoformat(),
                           "id_number": self.ids.make(born, gender),
                           "phone": self.phones.mobile(),
                           "status": rt.value_for("status", "active")})

    def birth(self, first_year: int, last_year: int) -> date:
        year = self.rng.randint(first_year, last_year)
        return date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))

    def insert(self, type_key: str, rows: list[dict[str, Any]]) -> list[int]:
        rt = self.ledger.pack.record_type(type_key)
        self.step(f"正在写入{rt.label}……")
        ids = self.ledger.records.insert_many(type_key, rows)
        self.summary[type_key] = self.summary.get(type_key, 0) + len(ids)
        return ids

    # ---- paperwork both small demos keep the same way ---------------------------------------

    def superior_docs(self, doc_no: str, issuer: str,
                      docs: tuple[tuple[int, int, str], ...]) -> None:
        """上级文件 of both years: (number, month, title), sent on the 5th, received the 8th;
        ``doc_no`` is a pattern with {year} and {n} (岳关〔{year}〕{n}号)."""
        rows = [{"doc_no": doc_no.format(year=year, n=n), "title": title, "issuer": issuer,
                 "date": f"{year}-{month:02d}-05", "received_date": f"{year}-{month:02d}-08",
                 "handling": "已传达并落实"}
                for year in self.years for n, month, title in docs
                if self.past(date(year, month, 8))]
        self.insert("superior_doc", rows)

    def yearly_documents(self, type_key: str, years: tuple[int, ...] | list[int], title: str,
                         adopted: str, content: str) -> None:
        """A 年度 work plan or summary for each of ``years``; ``title`` and ``adopted`` are
        patterns with {year} and {next} (the year after: a summary adopted in January)."""
        self.insert(type_key, [
            {"for_year": year, "period": "年度",
             "title": title.format(year=year, next=year + 1),
             "adopted_date": adopted.format(year=year, next=year + 1), "content": content}
            for year in years])

    def funds(self, items: tuple[tuple[int, str, str, str, int], ...], handler: int) -> None:
        """经费收支 of both years: (month, 收入/支出, subject, item, 分) on the 15th."""
        rows = []
        for year in self.years:
            for n, (month, direction, subject, item, amount) in enumerate(items, 1):
                when = date(year, month, 15)
                if self.past(when):
                    rows.append({"date": when.isoformat(), "direction": direction,
                                 "subject": subject, "item": item, "amount": amount,
                                 "handler": handler, "voucher_no": f"{year}-{n:03d}"})
        self.insert("funds", rows)

    # ---- photos ------------------------------------------------------------------------

    def photo(self, banner: str, day: str, variant: int, people: bool = True) -> bytes:
        key = (banner, day, variant)
        if key not in self.photos:
            stamp = f"{day.replace('-', '/')} {9 + variant % 6:02d}:{(17 * variant) % 60:02d}"
            self.photos[key] = meeting_photo(f"{self.short}{banner}", stamp, variant,
                                             people=people)
        return self.photos[key]

    def attach(self, entry_id: int, field_key: str, photo: tuple[str, str, int, bool],
               name: str, caption: str) -> None:
        """Attach the photo ``(banner, day, variant, people)`` to a record with the next
        ``piece`` (making a photo is the slow part of a demo)."""
        self.queued.append((entry_id, field_key, photo, name, caption))

    # ---- meetings ----------------------------------------------------------------------

    def held_meetings(self, year: int, plan: list[tuple[int, int, list[str], str]]
                      ) -> list[tuple[date, list[str], str, int]]:
        """A year's planned meetings, (month, day, kinds, topic), that were held by today, in
        date order, each with its number within its first kind (第3次例会)."""
        seq: dict[str, int] = {}
        held = []
        for month, day, kinds, topic in sorted(plan):
            when = date(year, month, day)
            if not self.past(when):
                continue
            seq[kinds[0]] = seq.get(kinds[0], 0) + 1
            held.append((when, kinds, topic, seq[kinds[0]]))
        return held

    def meetings(self, type_key: str, rows: list[dict[str, Any]], absent_share: float) -> None:
        """Insert meetings, then take each one's attendance from those due that day: most
        present, a few on leave with a reason; a photo of each."""
        from ledger_app.rules.gather import due_at_meeting

        rt = self.ledger.pack.record_type(type_key)
        photo_key = rt.attachments_field().key if rt.attachments_field() else None
        ids = self.insert(type_key, rows)
        with self.ledger.transaction():
            for n, (values, entry_id) in enumerate(zip(rows, ids, strict=True)):
                day = values[rt.date_field]
                due = due_at_meeting(self.ledger, rt.read(values, "meeting_kinds") or [], day)
                presences = []
                for member in due:
                    if self.rng.random() < absent_share:
                        presences.append(Presence(member.id, "leave",
                                                  self.rng.choice(LEAVE_REASONS)))
                    else:
                        presences.append(Presence(member.id, "present"))
                if presences:
                    self.ledger.attendance.set(entry_id, presences)
                if photo_key:
                    kinds = "、".join(rt.read(values, "meeting_kinds") or [])
                    self.attach(entry_id, photo_key, (kinds, day, n, True),
                                f"IMG_{day.replace('-', '')}_{n + 1:03d}.jpg", "会议现场")

    def with_photos(self, type_key: str, rows: list[dict[str, Any]], banner_key: str,
                    caption: str) -> list[int]:
        rt = self.ledger.pack.record_type(type_key)
        ids = self.insert(type_key, rows)
        photo_field = rt.attachments_field()
        if photo_field is None:
            return ids
        for n, (values, entry_id) in enumerate(zip(rows, ids, strict=True)):
            day = str(values.get(rt.date_field) or self.today.isoformat())
            self.attach(entry_id, photo_field.key, (str(values[banner_key]), day, n, True),
                        f"IMG_{day.replace('-', '')}_{n + 1:03d}.jpg", caption)
        return ids

    # ---- checklists --------------------------------------------------------------------

    def checklist(self, unmet: dict[int, set[str]], no_evidence: dict[int, set[str]],
                  notes: dict[str, str]) -> None:
        """Every checklist of the pack assessed each year, item by item: met with an
        evidence photo, except the items listed as not met (or met, evidence missing) in a
        year; this year's assessment is left out for items after today's month."""
        for checklist in self.ledger.pack.checklists:
            rt = self.ledger.pack.record_type(checklist.state_type)
            evidence = rt.field_for("evidence")
            rows = []
            for year in self.years:
                checked = date(year, 11, 20) if date(year, 11, 20) <= self.today else self.today
                for item in checklist.items:
                    met = item.label not in unmet.get(year, set())
                    values = rt.prefill({
                        "checklist_year": year, "checklist_item": item.label,
                        "checklist_met": met,
                        "checklist_note": notes.get(item.key, f"{year}年已落实，见佐证材料")
                        if met else "尚未达到要求，列入下年度工作计划整改"})
                    if rt.date_field and rt.date_field not in values:
                        values[rt.date_field] = year
                    checked_key = next((f.key for f in rt.fields if f.type == "date"), None)
                    if checked_key:
                        values[checked_key] = checked.isoformat()
                    rows.append(values)
            ids = self.insert(rt.key, rows)
            if evidence is None:
                continue
            for n, (values, entry_id) in enumerate(zip(rows, ids, strict=True)):
                year = rt.read(values, "checklist_year")
                label = rt.read(values, "checklist_item")
                if not rt.read(values, "checklist_met") or \
                        label in no_evidence.get(year, set()):
                    continue
                day = str(values.get(next((f.key for f in rt.fields if f.type == "date"),
                                          ""), f"{year}-11-20"))
                self.attach(entry_id, evidence.key, (label, day, n % 4, n % 3 == 0),
                            f"{label}佐证.jpg", f"{label}佐证")
