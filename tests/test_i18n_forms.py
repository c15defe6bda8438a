"""The start dialog and the edit form in English: nothing Chinese left but data.

Data is what the ledger and its declarations hold (field labels, choices, record values,
names of people and 党小组, the pack's kinds of organisation) and what the core says
(the dues rule's reason); everything else the window writes must be English.
"""

from __future__ import annotations

from english_support import chinese_left, shown_texts

from ledger_app.store import Ledger


def record_data(ledger: Ledger, type_key: str, values: dict | None = None) -> set[str]:
    """What a record form shows that is data: its declaration's words, the roster's names
    and groups, the record's own values and those its text fields offer."""
    rt = ledger.pack.record_type(type_key)
    data = {rt.label, rt.description}
    for f in rt.fields:
        data |= {f.label, f.help, *f.choices}
    for value in (values or {}).values():
        data |= {str(v) for v in (value if isinstance(value, list) else [value])}
    people = ledger.pack.record_type(ledger.pack.member_type)
    for record in ledger.records.list(people.key):
        data |= {str(people.read(record, role) or "")
                 for role in ("person_name", "group", "status")}
    for f in rt.fields:  # a text field offers what earlier records hold
        if f.type == "text":
            data |= set(ledger.records.distinct_values(rt.key, f.key))
    return data


def open_form(qtbot, ledger, runner, type_key: str, entry_id: int | None):
    from ledger_app.ui.record_form import RecordDialog

    dialog = RecordDialog(ledger, runner, type_key, entry_id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.discard_and_close())
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.form.isEnabled() and runner.wait_idle(0), timeout=20000)
    return dialog


def test_the_start_dialog_in_english_keeps_only_the_kinds_of_organisation(
        qtbot, english, runner):
    from ledger_app.forms.packs import installed_pack, installed_packs, org_types
    from ledger_app.ui.start_dialog import StartDialog

    start = StartDialog(runner)
    qtbot.addWidget(start)
    start.show()
    qtbot.waitExposed(start)
    kinds = {installed_pack(key).short_label for key in installed_packs()} | {kind for kind, _pack in org_types()}
    assert start.windowTitle() == "Grassroots Ledger"
    assert start.demo_button.text() == "Open demo ledger"
    assert chinese_left(shown_texts(start, visible_only=True), kinds) == []
    start.show_new_ledger()
    assert start.new_panel.create_button.text() == "New ledger"
    assert chinese_left(shown_texts(start, visible_only=True), kinds) == []


def test_a_meeting_form_in_english_keeps_only_data(qtbot, english, runner, demo):
    meeting = demo.records.ids("meeting")[-1]
    values = demo.records.get(meeting).values
    dialog = open_form(qtbot, demo, runner, "meeting", meeting)
    attendance = dialog.form.attendance_editor()
    assert attendance.rows() and attendance.all_present.text() == "All present"
    assert dialog.save_button.text() == "Save" and dialog.cancel_button.text() == "Cancel"
    data = record_data(demo, "meeting", values)
    data |= {a.caption for a in demo.attachments.of(meeting)} | {
        a.filename for a in demo.attachments.of(meeting)}
    assert chinese_left(shown_texts(dialog, visible_only=True), data) == []

    # a mark without its reason: the form's own words say what is missing
    attendance.rows()[0].radios["leave"].setChecked(True)
    assert not dialog.save()
    assert "please give the reason" in dialog.form.error_text("attendance")
    assert dialog.status.text().startswith("Not saved: 1 to correct.")
    assert chinese_left(shown_texts(dialog, visible_only=True), data) == []


def test_a_new_meeting_and_a_dues_record_in_english_keep_only_data(
        qtbot, english, runner, demo):
    dialog = open_form(qtbot, demo, runner, "meeting", None)
    assert dialog.windowTitle() == f"New {demo.pack.record_type('meeting').label}"
    assert dialog.form.attendance_editor().note.text().startswith("Fill in the meeting date")
    assert not dialog.save()
    assert "Required" in {dialog.form.error_text(f.key)
                          for f in demo.pack.record_type("meeting").fields}
    assert chinese_left(shown_texts(dialog, visible_only=True),
                        record_data(demo, "meeting")) == []

    dues = open_form(qtbot, demo, runner, "dues", None)
    rt = demo.pack.record_type("dues")
    member, month = rt.key_for("person"), rt.key_for("dues_month")
    dues.form.editors[member].picker.setCurrentIndex(1)
    dues.form.editors[member].changed.emit()
    dues.form.editors[month].edit.setText("2026-03")
    dues.form.editors[month].changed.emit()
    due_key = rt.key_for("dues_due")
    qtbot.waitUntil(lambda: "is due" in dues.form.notice_text(due_key), timeout=20000)
    why = dues.form.notice_text(due_key).split("is due: ", 1)[1]  # the rule's reason: data
    assert chinese_left(shown_texts(dues, visible_only=True), record_data(demo, "dues") | {why}) == []
