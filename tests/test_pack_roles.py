"""No module outside ``forms`` names a pack's field keys or record type keys.

Rules, outputs and the window find "the person's name", "the meeting's kinds", "the
checklist item" through the roles the declarations give them, so that a 关工委 or 工会 pack
whose roster has 会员 and no 入党日期 works in every module. The test reads the source for
the ways a field key is used — ``record["name"]``, ``values.get("kinds")``,
``f.key == "seq"``, ``rt.key == "meeting"``, ``records.list("dues")`` — with any key of the
Party pack (the pack every module was first written for). ``demo`` is exempt: it writes a
pack's sample content and is allowed to know that pack's fields.
"""

from __future__ import annotations

import re
from pathlib import Path

from ledger_app.forms.packs import installed_pack

SRC = Path(__file__).resolve().parents[1] / "src" / "ledger_app"
EXEMPT = ("forms", "demo")
# Party field keys that are also the keys of other dictionaries: the archive's manifest
# (files, period, label, kind, source, category, path) and the organisation settings
# (org_name, term_start, term_years). Reading those dictionaries is not reading a field.
# Also: print style names (title), the home page's colours (held, due) and the "date" of values keyed
# by role (RecordType.prefill turns it into the type's date field).
ALSO_OTHER_KEYS = {"files", "period", "label", "kind", "source", "category", "path", "summary",
                   "org_name", "term_start", "term_years", "attachment", "record", "id",
                   "title", "held", "due", "date"}


def _uses(keys: set[str]) -> list[re.Pattern[str]]:
    alt = "|".join(sorted(map(re.escape, keys)))
    q = rf"""["']({alt})["']"""
    return [
        re.compile(r"\[\s*" + q + r"\s*\]"),                       # record["name"]
        re.compile(r"\.get\(\s*" + q),                              # values.get("kinds")
        re.compile(r"\bkey\s*[!=]=\s*" + q),                        # f.key == "seq"
        re.compile(q + r"\s*[!=]=\s*\w+(\.\w+)*\.key\b"),           # "seq" == f.key
        re.compile(r"\bkey\s+(not\s+)?in\s+\(\s*" + q),             # f.key in ("seq", …)
        re.compile(r"type_key\s*[!=]=\s*" + q),                     # type_key == "dues"
        re.compile(r"records\.\w+\(\s*" + q),                       # records.list("dues")
        re.compile(r"\.field\(\s*" + q),                            # rt.field("item")
        # SQL naming a field: SELECT id, name FROM "t_roster"
        re.compile(rf"SELECT\b[^\"']*?(?<![{{\w])({alt})(?![}}\w])[^\"']*?\bFROM\s+\"?(t_|\{{)"),
    ]


def offending_lines(source_root: Path, keys: set[str]) -> list[str]:
    patterns = _uses(keys)
    found = []
    for path in sorted(source_root.rglob("*.py")):
        rel = path.relative_to(source_root)
        if rel.parts[0] in EXEMPT:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("#"):
                continue
            if any(p.search(line) for p in patterns):
                found.append(f"{rel}:{number}: {line.strip()}")
    return found


def party_keys() -> set[str]:
    pack = installed_pack("party_branch")
    keys = {rt.key for rt in pack.record_types}
    for rt in pack.record_types:
        keys |= {f.key for f in rt.fields}
    return keys - ALSO_OTHER_KEYS


def test_no_module_outside_forms_names_the_party_packs_fields():
    found = offending_lines(SRC, party_keys())
    assert not found, "用角色（role）而不是字段名读取字段：\n" + "\n".join(found)


def test_the_check_catches_each_way_of_naming_a_field(tmp_path):
    # The test above can fail: each pattern it looks for is caught in a planted module.
    planted = tmp_path / "ui" / "planted.py"
    planted.parent.mkdir()
    lines = ['name = record["name"]', 'kinds = values.get("kinds")', 'if f.key == "seq":',
             'if "seq" == field.key:', 'if rt.key == "meeting":', 'if type_key == "dues":',
             'rows = ledger.records.list("dues", year)', 'item = rt.field("item")',
             'sql = f\'SELECT id, name FROM "{table}"\'',
             '# record["name"] in a comment is fine', 'label = "姓名"']
    planted.write_text("\n".join(lines), encoding="utf-8")
    found = offending_lines(tmp_path, party_keys())
    assert len(found) == 9, found


def test_a_pack_missing_a_role_its_features_need_is_refused_naming_file_and_line(tmp_path):
    import shutil

    import pytest

    from ledger_app.forms.loader import DeclarationError, load_pack
    from ledger_app.resources import forms_dir

    pack = tmp_path / "party_branch"
    shutil.copytree(forms_dir() / "party_branch", pack)
    meeting = pack / "activities" / "meeting.toml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace('role = "meeting_kinds"\n', ""), encoding="utf-8")
    with pytest.raises(DeclarationError) as caught:
        load_pack(pack)
    role_line = text.splitlines().index('role = "meetings"') + 1
    assert caught.value.path == meeting and caught.value.line == role_line
    assert 'role = "meeting_kinds"' in str(caught.value) and "会议记录" in str(caught.value)
