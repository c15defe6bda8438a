"""A shipped pack kept between starts (forms.pack_cache): the same pack as built from its
files, never a stale one after any byte changes, and a broken declaration refused with its
file and line exactly as without the cache. Real pack folders copied into tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ledger_app.forms.loader import DeclarationError, builtin_pack, load_pack
from ledger_app.forms.pack_cache import cache_folder, load_cached
from ledger_app.resources import forms_dir


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "forms" / "party_branch"
    shutil.copytree(forms_dir() / "party_branch", copy)
    return copy


def kept_files() -> list[Path]:
    return sorted(cache_folder().glob("*.pickle"))


def test_the_kept_pack_is_the_pack_built_from_the_files(folder):
    first = load_cached(folder, load_pack)
    (kept,) = kept_files()
    again = load_cached(folder, load_pack)
    assert again == first == load_pack(folder)
    assert again is not first                     # read back from the kept file
    assert kept_files() == [kept]
    assert again.record_type("roster").label == "党员名册"
    assert again.cadence == first.cadence and again.checklists == first.checklists


def test_a_changed_byte_gives_the_changed_pack_never_the_kept_one(folder):
    load_cached(folder, load_pack)
    roster = folder / "team" / "roster.toml"
    roster.write_text(roster.read_text(encoding="utf-8").replace(
        'label = "党员名册"', 'label = "党员花名册"', 1), encoding="utf-8")
    changed = load_cached(folder, load_pack)
    assert changed.record_type("roster").label == "党员花名册"
    assert len(kept_files()) == 1                 # the pack from before the change is gone
    # A new declaration file counts too.
    extra = folder / "rules" / "zz_note.toml"
    extra.write_text('[record_type]\nkey = "zz_note"\nlabel = "备忘"\n\n'
                     '[[fields]]\nkey = "text"\nlabel = "内容"\ntype = "text"\n',
                     encoding="utf-8")
    assert load_cached(folder, load_pack).record_type("zz_note").label == "备忘"


def test_a_broken_declaration_is_refused_with_its_file_and_line_after_a_kept_pack(folder):
    load_cached(folder, load_pack)
    roster = folder / "team" / "roster.toml"
    lines = roster.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.strip() == 'type = "date"')
    lines[number - 1] = 'type = "datum"'
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DeclarationError) as plain:
        load_pack(folder)
    with pytest.raises(DeclarationError) as cached:
        load_cached(folder, load_pack)
    assert str(cached.value) == str(plain.value)
    assert (cached.value.path, cached.value.line) == (roster, number)
    assert "datum" in str(cached.value)
    with pytest.raises(DeclarationError):      # and again: nothing was kept for it
        load_cached(folder, load_pack)


def test_a_damaged_kept_file_or_an_unwritable_cache_builds_the_pack_as_before(folder, tmp_path,
                                                                              monkeypatch):
    load_cached(folder, load_pack)
    (kept,) = kept_files()
    kept.write_bytes(b"not a pickle")
    assert load_cached(folder, load_pack) == load_pack(folder)
    assert kept.read_bytes() != b"not a pickle"   # replaced by a good one
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))   # the cache folder cannot be made
    assert load_cached(folder, load_pack) == load_pack(folder)


def test_every_shipped_pack_comes_back_the_same_from_the_cache():
    for key in ("party_branch", "ggw", "union"):
        folder = (forms_dir() / key).resolve()
        load_cached(folder, load_pack)
        assert load_cached(folder, load_pack) == load_pack(folder) == builtin_pack(key)
    assert len(kept_files()) == 3
