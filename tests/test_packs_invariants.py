"""Invariants every shipped pack keeps (issue 14): the 党支部, 关工委 and 工会 packs are data,
and each works end to end from the command line — a new ledger, a demo that prints a binder,
exports its people list to a workbook and imports it back, builds an inspection archive that
verifies, and a check. A new pack added under ``forms/`` is tested by adding nothing here.
"""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ledger_app.cli.main import main
from ledger_app.demo import DEMO_PACKS, create_demo
from ledger_app.forms.loader import FEATURE_ROLES
from ledger_app.forms.packs import installed_pack, installed_packs
from ledger_app.store import Ledger

TODAY = date(2026, 6, 30)
PACKS = installed_packs()
# Words a 关工委 or 工会 binder must not print: it has no Party members, dues or branch.
PARTY_WORDS = re.compile("党员|党费|党支部|支部委员会|党小组")


def test_every_shipped_pack_is_tested_and_has_a_demo():
    assert {"party_branch", "ggw", "union"} <= set(PACKS)
    assert set(PACKS) == set(DEMO_PACKS)


@pytest.mark.parametrize("key", PACKS)
def test_pack_declares_the_roles_its_features_need(key):
    pack = installed_pack(key)
    people = pack.record_type(pack.member_type)
    for role in ("person_name", "status", "joined", "left", "seq"):
        assert people.field_for(role) is not None, f"{key} roster lacks {role}"
    assert people.value_for("status", "active")
    meetings = pack.type_for("meetings")
    assert meetings is not None and meetings.date_field and meetings.has_type("attendance")
    for rt in pack.record_types:
        for role in FEATURE_ROLES.get(rt.role, ()):
            assert rt.field_for(role) is not None, f"{key}/{rt.key} lacks {role}"
    assert pack.cadence and pack.checklists
    assert len(pack.categories) == 5 and all(c.record_types for c in pack.categories)
    # Only the Party's pack carries the Party emblem and talks of 党员.
    assert (pack.emblem == "party") == (key == "party_branch")
    assert (pack.member_noun == "党员") == (key == "party_branch")


@pytest.mark.parametrize("key", PACKS)
def test_new_ledger_is_kept_with_its_pack_and_reopens_with_it(key, tmp_path):
    path = tmp_path / f"{key}.ledger"
    assert main(["new", str(path), "--pack", key, "--name", "测试组织"]) == 0
    with Ledger.open(path) as ledger:
        assert ledger.pack.key == key
        assert {rt.key for rt in ledger.pack.record_types} == \
            {rt.key for rt in installed_pack(key).record_types}
        assert ledger.setting("org_type") == installed_pack(key).org_types[0]


def test_a_ledger_of_a_pack_this_program_lacks_is_refused_plainly(tmp_path):
    path = tmp_path / "x.ledger"
    main(["new", str(path), "--pack", "ggw", "--name", "测试关工委"])
    with Ledger.open(path) as ledger:
        ledger.update_settings({"_pack": "womens_federation"})
    with pytest.raises(Exception) as caught:
        Ledger.open(path)
    assert "womens_federation" in str(caught.value) and "已安装" in str(caught.value)


@pytest.mark.parametrize("key", PACKS)
def test_entry_template_without_a_ledger_follows_the_pack(key, tmp_path):
    people = installed_pack(key).record_type(installed_pack(key).member_type)
    out = tmp_path / "template.xlsx"
    assert main(["template-xlsx", "--pack", key, "--type", people.label, "-o", str(out)]) == 0
    sheet = load_workbook(out, read_only=True).worksheets[0]
    texts = {str(c.value) for row in sheet.iter_rows(max_row=6) for c in row if c.value}
    wanted = {f.label for f in people.table_fields if f.required}
    assert wanted <= {t.rstrip("*＊ ") for t in texts} | texts, wanted - texts


@pytest.fixture(scope="module")
def demos(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("demos")
    return {key: create_demo(folder / f"{key}.ledger", today=TODAY, pack=key) for key in PACKS}


@pytest.mark.slow
@pytest.mark.parametrize("key", PACKS)
def test_demo_prints_exports_imports_archives_and_checks(key, demos, tmp_path, capsys):
    path = demos[key]
    pack = installed_pack(key)
    people = pack.record_type(pack.member_type)
    with Ledger.open(path, readonly=True) as ledger:
        counts = ledger.records.counts()
        on_roll = len(ledger.records.members(TODAY.isoformat()))
    assert counts[people.key] >= 20 and on_roll >= 20
    assert all(counts[rt.key] for rt in pack.record_types if rt.role != "transfers"), counts
    if key != "party_branch":
        # The small demos cover every record type of their pack.
        assert all(counts.values()), counts

    # A binder: cover, contents and each category, with no Party wording where there are
    # no Party members.
    binder = tmp_path / "binder.pdf"
    assert main(["print", "binder", str(path), "--year", str(TODAY.year), "-o", str(binder),
                 "--quiet"]) == 0
    text = "".join(page.extract_text() or "" for page in PdfReader(binder).pages)
    for category in pack.categories:
        assert category.label in text
    assert people.label in text
    if key != "party_branch":
        assert not PARTY_WORDS.findall(text), sorted(set(PARTY_WORDS.findall(text)))

    # The people list to a workbook and back: every row is recognised as already there.
    book = tmp_path / "people.xlsx"
    assert main(["export-xlsx", str(path), "--type", people.key, "-o", str(book),
                 "--unmasked"]) == 0
    sheet = load_workbook(book, read_only=True).worksheets[0]
    labels = [c.value for row in sheet.iter_rows(max_row=6) for c in row if c.value]
    assert people.field_for("person_name").label in labels
    capsys.readouterr()
    assert main(["import-xlsx", str(path), str(book), "--type", people.key, "--dry-run",
                 "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert len(preview["rows"]) == counts[people.key]
    assert not preview["counts"].get("error") and not preview["counts"].get("new"), \
        preview["counts"]

    # An inspection archive that verifies.
    archive = tmp_path / "archive.zip"
    assert main(["archive", str(path), "--year", str(TODAY.year), "-o", str(archive)]) == 0
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    assert any(name.endswith(".pdf") for name in names)
    assert any(pack.categories[0].label in name for name in names)
    assert main(["verify", str(archive)]) == 0

    # The rules run over the pack's own cadence and checklists.
    capsys.readouterr()
    assert main(["check", str(path), "--year", str(TODAY.year)]) in (0, 1, 2)
    assert path.name not in capsys.readouterr().err


def test_findings_speak_of_the_organisation_s_own_term_and_paperwork(tmp_path, capsys):
    path = tmp_path / "union.ledger"
    assert main(["new", str(path), "--pack", "union", "--name", "青石镇总工会",
                 "--term-start", "2020-03-01", "--term-years", "5"]) == 0
    with Ledger.open(path) as ledger:    # records kept from January, whenever the test runs
        ledger.update_settings({"kept_since": "2026-01-01"})
        people = ledger.pack.record_type(ledger.pack.member_type)
        ledger.records.insert(people.key, people.prefill({
            "person_name": "王芳", "gender": "女", "joined": "2020-05-01",
            "status": people.value_for("status", "active")}))
    capsys.readouterr()
    main(["check", str(path), "--year", "2026", "--as-of", "2026-06-30", "--json"])
    findings = json.loads(capsys.readouterr().out)
    term = next(f for f in findings if f["rule"] == "org.term_overdue")
    assert term["subject"]["label"] == "工会委员会换届"
    assert "工会法" in term["why"] and "党" not in term["why"]
    audit = next(f for f in findings if f["rule"] == "cadence.fund_audit")
    assert "尚未完成经费审查" in audit["why"]   # paperwork is 完成, meetings are 召开
    assert not [f for f in findings if "党员" in f["why"] or "支部" in f["why"]]


def _gold_pixels(pdf: Path) -> int:
    """Gold pixels on the first page rendered at 100×141: the emblem is the only gold."""
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(pdf))
    image = doc.render(0, QSize(100, 141))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    return sum(n for n, (r, g, b) in picture.getcolors(100 * 141)
               if r > 230 and g > 190 and b < 80)


@pytest.mark.parametrize("key, emblem", [("party_branch", True), ("ggw", False),
                                         ("union", False)])
def test_covers_carry_the_party_emblem_only_on_party_ledgers(key, emblem, tmp_path):
    pytest.importorskip("PySide6.QtPdf")
    from PIL import Image

    path = tmp_path / "l.ledger"
    main(["new", str(path), "--pack", key, "--name", "测试组织"])
    cover = tmp_path / "cover.pdf"
    assert main(["print", "cover", str(path), "--year", "2026", "-o", str(cover),
                 "--quiet"]) == 0
    gold = _gold_pixels(cover)
    assert (gold > 100) if emblem else gold == 0, gold
    # An emblem file the user supplies is printed on any kind of ledger.
    own = tmp_path / "会徽.png"
    Image.new("RGB", (64, 64), (255, 215, 0)).save(own)
    assert main(["print", "cover", str(path), "--year", "2026", "--emblem", str(own),
                 "-o", str(cover), "--quiet"]) == 0
    assert _gold_pixels(cover) > 100
