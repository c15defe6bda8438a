"""Print fonts: only TrueType-outline fonts are used, the bundled ones are always there,
and a character missing from one font is drawn with another (never an empty box)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from test_pdf_sample import RARE_NAME


def test_bundled_fonts_and_licences_are_shipped() -> None:
    from ledger_app.outputs.pdf.fonts import BUNDLED, is_truetype_outline
    from ledger_app.resources import resource_path

    for file_name, sub in BUNDLED.values():
        path = resource_path("fonts", file_name)
        assert is_truetype_outline(path, sub)
        licence = path.with_name(path.name.rsplit(".", 1)[0] + ".LICENSE.txt")
        assert licence.is_file() and licence.stat().st_size > 1000


def test_cff_fonts_are_refused(tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.fonts import is_truetype_outline

    otf = tmp_path / "cff.otf"
    otf.write_bytes(b"OTTO" + bytes(200))
    assert not is_truetype_outline(otf)
    ttc = tmp_path / "cff.ttc"           # a collection whose first face is CFF
    ttc.write_bytes(b"ttcf" + b"\x00\x01\x00\x00" + b"\x00\x00\x00\x01" + b"\x00\x00\x00\x10"
                    + b"OTTO" + bytes(64))
    assert not is_truetype_outline(ttc)
    assert not is_truetype_outline(tmp_path / "missing.ttf")


def test_every_role_has_a_font() -> None:
    from ledger_app.outputs.pdf.fonts import ROLES, fonts

    fs = fonts()
    for role in ROLES:
        assert fs.name(role)
        assert fs.by_role[role].covers("党支部工作台账")


def test_rare_character_falls_back_to_a_font_that_has_it() -> None:
    from ledger_app.outputs.pdf.fonts import fonts

    fs = fonts(use_system=False)
    sans = fs.by_role["sans"]
    rare = RARE_NAME[1]
    assert not sans.covers(rare)                # WenQuanYi Micro Hei lacks 䶮 ...
    runs = fs.runs(RARE_NAME, "sans")
    assert [t for _f, t in runs] == ["王", rare]
    assert runs[1][0] != sans.name              # ... so it is drawn with UMing
    assert fs.missing(RARE_NAME) == set()
    assert 'face="' in fs.markup(RARE_NAME, "sans")
    assert fs.missing("\U0002A6D6") == {"\U0002A6D6"}   # beyond every bundled font: reported


def test_rare_character_prints_in_a_heading(tmp_path: Path, ledger) -> None:
    """The cover draws the organisation name; a rare character in it still prints."""
    from ledger_app.outputs.pdf.cover import render_cover

    ledger.update_settings({"org_name": f"{RARE_NAME}社区党支部"})
    out = tmp_path / "cover.pdf"
    render_cover(ledger, out, "team", 2025)
    assert f"{RARE_NAME}社区党支部" in PdfReader(out).pages[0].extract_text()


def test_font_lookup_skips_duplicates(monkeypatch: pytest.MonkeyPatch) -> None:
    from ledger_app.outputs.pdf import fonts as fonts_module

    fs = fonts_module.fonts(use_system=True)
    names = [f.name for f in fs.chain]
    assert len(names) == len(set(names))


def test_a_system_font_without_digits_never_takes_a_role(tmp_path: Path, ledger,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Droid Sans Fallback (common on Linux and Kylin) has CJK but no digits: chosen for 黑体
    it printed titles' years and page numbers invisible. Here a real CJK font with its
    digits and Latin letters cut out stands in for it under its file name."""
    from fontTools import subset
    from fontTools.ttLib import TTFont as ToolsFont

    from ledger_app.outputs.pdf import fonts as fonts_module
    from ledger_app.outputs.pdf.table import render_table
    from ledger_app.resources import resource_path

    folder = tmp_path / "fonts"
    folder.mkdir()
    cjk_only = ToolsFont(str(resource_path("fonts", "wqy-microhei.ttc")), fontNumber=0)
    cutter = subset.Subsetter(subset.Options())
    cutter.populate(unicodes=range(0x4E00, 0x9FA6))
    cutter.subset(cjk_only)
    cjk_only.save(str(folder / "DroidSansFallbackFull.ttf"))
    monkeypatch.setattr(fonts_module, "font_dirs", lambda: [folder])

    fs = fonts_module.fonts(use_system=True)
    assert all(f.path.name != "DroidSansFallbackFull.ttf" for f in fs.by_role.values())
    ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2025-05-10", "topic": "学习"})
    out = tmp_path / "meetings.pdf"
    monkeypatch.setattr(fonts_module, "_fontset", fs)
    render_table(ledger, "meeting", out, None, date_from="2025-04-01", date_to="2025-06-30")
    assert "2025-04-01至2025-06-30" in PdfReader(out).pages[0].extract_text()
