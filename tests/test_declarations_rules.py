"""Roles, cadence and checklists are declarations too: a broken one is refused with its
file, line and field or item, like a record type."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledger_app.forms.loader import DeclarationError, builtin_pack, load_pack
from ledger_app.resources import forms_dir


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "party_branch"
    shutil.copytree(forms_dir() / "party_branch", folder)
    return folder


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once; the 1-based line where ``new`` now starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[:text.index(new)].count("\n") + 1


def refused(folder: Path) -> DeclarationError:
    with pytest.raises(DeclarationError) as info:
        load_pack(folder)
    return info.value


def test_the_builtin_pack_declares_the_roles_the_rules_need():
    pack = builtin_pack()
    people = pack.type_for("people")
    for role in ("person_name", "id_number", "group", "joined", "arrived", "left", "status",
                 "member_class", "seq"):
        assert people.field_for(role) is not None, role
    assert people.value_for("status", "active") == "在册"
    assert people.value_for("member_class", "full") == "正式党员"
    meetings = pack.type_for("meetings")
    assert meetings.field_for("meeting_kinds").type == "multichoice"
    assert pack.type_for("committee").field_for("post") is not None
    assert [c.key for c in pack.checklists] == ["six_haves", "wuyou"]
    assert [i.label for i in pack.checklists[0].items] == [
        "有场所", "有设施", "有标志", "有党旗", "有党报党刊", "有制度"]
    assert {r.key: (r.every, r.scope) for r in pack.cadence} == {
        "branch_assembly": ("quarter", "branch"), "committee_meeting": ("month", "committee"),
        "group_meeting": ("month", "group"), "party_lecture": ("quarter", "branch"),
        "theme_day": ("month", "branch"), "life_meeting": ("year", "branch"),
        "member_review": ("year", "branch"), "heart_talks": ("year", "pairs")}
    assert all(r.source for r in pack.cadence)
    assert [r.key for r in pack.cadence if r.local] == ["party_lecture", "heart_talks"]


def test_unknown_role(pack_copy: Path):
    path = pack_copy / "team" / "roster.toml"
    line = edit(path, 'role = "person_name"', 'role = "persons_name"')
    error = refused(pack_copy)
    assert (error.path, error.line, error.field) == (path, line, "name")
    assert "未知的角色" in str(error)


def test_a_role_value_not_among_the_choices(pack_copy: Path):
    path = pack_copy / "team" / "roster.toml"
    line = edit(path, 'role_values = { active = "在册" }', 'role_values = { active = "在职" }')
    error = refused(pack_copy)
    assert (error.path, error.line, error.field) == (path, line, "status")


def test_cadence_naming_a_meeting_kind_that_does_not_exist(pack_copy: Path):
    path = pack_copy / "cadence.toml"
    line = edit(path, 'kinds = ["党课"]', 'kinds = ["党课学习"]')
    error = refused(pack_copy)
    assert (error.path, error.line, error.field) == (path, line, "party_lecture")
    assert "党课学习" in str(error)


def test_cadence_with_an_unknown_period(pack_copy: Path):
    path = pack_copy / "cadence.toml"
    line = edit(path, 'every = "quarter"', 'every = "season"')
    error = refused(pack_copy)
    assert (error.path, error.line, error.field) == (path, line, "branch_assembly")


def test_checklist_item_not_among_the_state_types_choices(pack_copy: Path):
    path = pack_copy / "checklists" / "six_haves.toml"
    line = edit(path, 'label = "有党旗"', 'label = "有国旗"')
    error = refused(pack_copy)
    assert (error.path, error.line, error.field) == (path, line, "flag")
    assert "有国旗" in str(error)


def test_checklist_item_without_requirement_text(pack_copy: Path):
    path = pack_copy / "checklists" / "wuyou.toml"
    edit(path, 'requirement = "正面宣传引导有力，没有发生影响单位形象的负面事件"\n', "")
    error = refused(pack_copy)
    assert error.path == path and error.field == "image_friendly"
    assert error.line is not None and "requirement" in str(error)


def test_checklist_pointing_at_a_type_without_checklist_roles(pack_copy: Path):
    path = pack_copy / "checklists" / "six_haves.toml"
    line = edit(path, 'state_type = "six_haves"', 'state_type = "meeting"')
    error = refused(pack_copy)
    assert (error.path, error.line) == (path, line)
    assert "checklist_year" in str(error)
