"""Every printed product read back: pages and their size, the Chinese text in them,
fonts embedded (as pdffonts reports), masking, and atomic writing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_pdf_sample import RARE_NAME, fill, photo_bytes

A4 = (595.3, 841.9)


def page_size(reader: PdfReader, index: int) -> tuple[float, float]:
    box = reader.pages[index].mediabox
    return float(box.width), float(box.height)


def is_portrait(size: tuple[float, float]) -> bool:
    return abs(size[0] - A4[0]) < 1 and abs(size[1] - A4[1]) < 1


def is_landscape(size: tuple[float, float]) -> bool:
    return abs(size[0] - A4[1]) < 1 and abs(size[1] - A4[0]) < 1


def text_of(path: Path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(path).pages]


def flat(text: str) -> str:
    """Text with line breaks and spaces removed (a header cell may wrap)."""
    return "".join(text.split())


def assert_fonts_embedded(path: Path) -> list[str]:
    """Every font in the file is embedded (pdffonts 'emb' column), and there is one."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    assert out, "no fonts at all"
    names = []
    for line in out:
        parts = line.split()
        # name type encoding emb sub uni object ID — type may be two words ("Type 1").
        emb = parts[-5]
        assert emb == "yes", f"font not embedded: {line}"
        names.append(parts[0])
    return names


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A filled ledger shared by this module's tests (opened once)."""
    from ledger_app.store import Ledger

    folder = tmp_path_factory.mktemp("sample")
    org = {"org_name": "测试街道第一社区党支部", "org_type": "党支部", "secretary": "王建国",
           "party_groups": ["第一党小组", "第二党小组"]}
    ledger = Ledger.create(folder / "样例.ledger", org)
    made = fill(ledger, members=60, meetings=3, photos=0)
    ledger.attachments.add(made["meetings"][0], "photos", photo_bytes(3000, 2000, seed=3),
                           "现场.jpg", caption="支部委员会会议现场")
    made["ledger"] = ledger
    yield made
    ledger.close()


def test_table_is_landscape_with_header_on_every_page(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.table import render_table

    out = tmp_path / "名册.pdf"
    pages = render_table(sample["ledger"], "roster", out)
    reader = PdfReader(out)
    assert pages == len(reader.pages) >= 2
    assert all(is_landscape(page_size(reader, i)) for i in range(pages))
    texts = text_of(out)
    assert "党员名册" in texts[0]
    assert "填报单位" in texts[0] and "测试街道第一社区党支部" in texts[0]
    assert "填报日期" in texts[0]
    for i, text in enumerate(texts, start=1):
        assert "公民身份号码" in text and "序号" in text      # header repeated
        assert f"第 {i} 页" in text and f"共 {pages} 页" in text
        assert "制表人" in text and "审核人" in text
    assert "党员名册" not in texts[1]                       # the title only on page one
    assert RARE_NAME in texts[0]
    assert_fonts_embedded(out)


def test_sensitive_fields_masked_unless_asked(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.table import render_table

    ledger = sample["ledger"]
    members = ledger.records.list("roster")
    ids = [m["id_number"] for m in members]
    phones = [m["phone"] for m in members]
    masked = tmp_path / "masked.pdf"
    render_table(ledger, "roster", masked)
    text = "".join(text_of(masked))
    assert not [n for n in ids if n in text]
    assert not [p for p in phones if p in text]
    assert f"{ids[0][:6]}********{ids[0][-4:]}" in text
    assert f"{phones[0][:3]}****{phones[0][-4:]}" in text
    full = tmp_path / "full.pdf"
    render_table(ledger, "roster", full, masked=False)
    text = "".join(text_of(full))
    assert all(n in text for n in ids)


def test_member_names_and_money_in_yuan(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.table import render_table

    ledger = sample["ledger"]
    out = tmp_path / "meetings.pdf"
    render_table(ledger, "meeting", out, year=2025)
    reader = PdfReader(out)
    text = "".join(text_of(out))
    chair = ledger.records.member_name(sample["members"][0])
    assert "会议记录（2025年度）" in text and chair in text
    assert is_landscape(page_size(reader, 0))
    dues = tmp_path / "dues-table.pdf"
    render_table(ledger, "dues", dues, year=2025)
    text = "".join(text_of(dues))
    first = ledger.records.list("dues", 2025)[0]
    assert "应交金额（元）" in flat(text)
    assert f"{first['due'] // 100}.{first['due'] % 100:02d}" in text


def test_portrait_table_for_a_narrow_declaration(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.table import page_kind, render_table

    ledger = sample["ledger"]
    rt = ledger.pack.record_type("work_plan")
    assert page_kind(rt) == "form"
    out = tmp_path / "plan.pdf"
    render_table(ledger, "work_plan", out, year=2025)
    reader = PdfReader(out)
    assert is_portrait(page_size(reader, 0))
    assert "本年度没有记录" in text_of(out)[0]


def test_cancel_leaves_no_file_and_keeps_an_old_one(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.binder import render_binder
    from ledger_app.outputs.pdf.table import render_table

    class Stop(Exception):
        pass

    def stop_later(done: int, total: int, message: str = "") -> None:
        if done > 40:
            raise Stop()

    out = tmp_path / "名册.pdf"
    with pytest.raises(Stop):
        render_table(sample["ledger"], "roster", out, progress=stop_later)
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"old")
    calls = []

    def stop_binder(done: int, total: int, message: str = "") -> None:
        calls.append(message)
        if len(calls) > 3:
            raise Stop()

    with pytest.raises(Stop):
        render_binder(sample["ledger"], out, 2025, progress=stop_binder)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["名册.pdf"]


def test_record_page_with_photo(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.photos import cache_dir
    from ledger_app.outputs.pdf.record_page import render_record

    ledger = sample["ledger"]
    meeting = sample["meetings"][0]
    out = tmp_path / "record.pdf"
    pages = render_record(ledger, meeting, out)
    reader = PdfReader(out)
    assert pages == len(reader.pages)
    assert is_portrait(page_size(reader, 0))
    text = "".join(text_of(out))
    tally = ledger.attendance.tally(meeting)
    for expected in ("支部党员大会、党课记录", "会议类型", "日期", "时间", "14:30", "地点", "主持人",
                     "记录人", "应到人数", f"{tally.due} 人", "实到人数", f"{tally.present} 人",
                     "外出学习", "列席人员", "会议内容", "表决情况", "决议",
                     "支部委员会会议现场", "主持人（签字）", "记录人（签字）"):
        assert expected in text, expected
    # The 3.5 MB photo went in at print resolution, and was cached for the next print.
    assert out.stat().st_size < 600_000
    assert list(cache_dir().glob("*.jpg"))
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 1 and max(images[0].image.size) <= 1400
    # the cached JPEG is copied in as it is (never decoded to raw RGB and kept in memory)
    cached = {p.read_bytes() for p in cache_dir().glob("*.jpg")}
    stream = images[0].indirect_reference.get_object()
    filters = stream["/Filter"]
    filters = list(filters) if isinstance(filters, list) else [filters]
    assert filters[-1] == "/DCTDecode"
    assert stream.get_data() in cached   # after undoing any ASCII85 wrapping
    assert_fonts_embedded(out)


def test_signin_sheet(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.signin import ROWS_PER_PAGE, render_signin

    ledger = sample["ledger"]
    meeting = sample["meetings"][0]
    out = tmp_path / "signin.pdf"
    pages = render_signin(ledger, meeting, out)
    assert pages == -(-60 // ROWS_PER_PAGE) == len(PdfReader(out).pages)
    texts = text_of(out)
    for text in texts:
        for word in ("签到表", "序号", "姓名", "职务", "签名", "备注", "应到 60 人"):
            assert word in text
    # Blank by default, although attendance is recorded: 实到 and reasons are written at
    # the meeting, never pre-printed.
    assert "实到＿＿＿＿人" in texts[0] and "实到 58" not in texts[0]
    assert "外出学习" not in "".join(texts)
    assert f"单位：{ledger.org_name}" in texts[0]
    assert RARE_NAME in texts[0]
    names = [m["name"] for m in ledger.records.members()]
    assert names[0] in texts[0] and names[-1] in texts[-1]
    # --filled: a record of who came, said to be one.
    render_signin(ledger, meeting, out, filled=True)
    texts = text_of(out)
    assert "实到 58 人" in texts[0] and "请假：外出学习" in texts[0]
    assert "按台账记录的出席情况打印" in texts[0]
    # A group meeting lists only its group, and names it.
    group_meeting = sample["meetings"][2]
    render_signin(ledger, group_meeting, out)
    group = [m for m in ledger.records.members() if m["party_group"] == "第一党小组"]
    assert f"应到 {len(group)} 人" in text_of(out)[0]
    assert "党小组：第一党小组" in text_of(out)[0]


def test_a_committee_meeting_signin_lists_the_committee_in_office(tmp_path: Path, ledger) -> None:
    """Who is due is the rules' answer: a 支部委员会 is due for the committee then in office,
    not the whole branch (it once printed 应到 33 / 缺席 29)."""
    from ledger_app.outputs.pdf.signin import render_signin

    ids = {name: ledger.records.insert("roster", {
        "name": name, "gender": "男", "birth_date": "1980-01-01", "member_class": "正式党员",
        "status": "在册", "joined_date": "2000-07-01"}) for name in
        ("张立国", "李秀英", "王志强", "赵建华", "刘玉兰", "陈思远", "杨桂芳", "周德明")}
    for name, post, end in (("张立国", "书记", None), ("李秀英", "组织委员", None),
                            ("王志强", "宣传委员", "2025-02-28")):
        ledger.records.insert("committee", {"member": ids[name], "post": post,
                                            "term_start": "2023-01-01", "term_end": end})
    meeting = ledger.records.insert("meeting", {"kinds": ["支部委员会"], "date": "2025-03-04",
                                                "topic": "研究三月工作"})
    out = tmp_path / "signin.pdf"
    render_signin(ledger, meeting, out)
    text = text_of(out)[0]
    assert "应到 2 人" in text
    assert "张立国" in text and "李秀英" in text
    assert "王志强" not in text and "周德明" not in text


def test_dues_register(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.common import PrintContext
    from ledger_app.outputs.pdf.dues_register import dues_rows, render_dues

    ledger = sample["ledger"]
    out = tmp_path / "dues.pdf"
    pages = render_dues(ledger, 2025, out)
    reader = PdfReader(out)
    assert pages == len(reader.pages) >= 2
    assert is_landscape(page_size(reader, 0))
    texts = text_of(out)
    assert "党费收缴登记表（2025年度）" in texts[0]
    for text in texts:
        assert "计算基数" in text and "12月" in text and "全年实交" in text
    assert "合计" in texts[-1]
    rows, total = dues_rows(PrintContext(ledger), 2025)
    assert len(rows) == 60
    paid = sum(r["paid"] or 0 for r in ledger.records.list("dues", 2025))
    assert total[-2] == f"{paid // 100}.{paid % 100:02d}"
    assert "未交：10月、11月、12月" in "".join(r[-1] for r in rows)


def test_cover(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.cover import render_cover

    out = tmp_path / "cover.pdf"
    render_cover(sample["ledger"], out, "team", 2025, "30年", 2)
    reader = PdfReader(out)
    assert len(reader.pages) == 1 and is_portrait(page_size(reader, 0))
    text = text_of(out)[0]
    for word in ("党支部工作台账", "基本队伍", "2025", "测试街道第一社区党支部", "保管期限", "30年",
                 "第 2 卷"):
        assert word in text
    assert_fonts_embedded(out)


@pytest.mark.parametrize("spine", [20, 30, 35, 40, 50, 55, 60, 75, 44.5])
def test_labels_for_every_spine_width(sample, tmp_path: Path, spine: float) -> None:
    from ledger_app.outputs.pdf.labels import render_labels, spines_per_sheet

    out = tmp_path / "labels.pdf"
    sheets = render_labels(sample["ledger"], out, 2025, spine_mm=spine)
    reader = PdfReader(out)
    per = spines_per_sheet(spine)
    assert sheets == len(reader.pages) == 3 + -(-5 // per)    # 2 front labels a sheet
    assert all(is_portrait(page_size(reader, i)) for i in range(sheets))
    spine_text = text_of(out)[3]
    assert f"盒脊宽 {spine:g} 毫米" in spine_text
    assert "基" in spine_text and "盒" in spine_text


def test_labels_reject_odd_width_and_bad_artwork(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.labels import render_labels
    from ledger_app.store.errors import LedgerError

    with pytest.raises(LedgerError, match="盒脊宽度"):
        render_labels(sample["ledger"], tmp_path / "x.pdf", 2025, spine_mm=5)
    bad = tmp_path / "emblem.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(LedgerError, match="党徽图片"):
        render_labels(sample["ledger"], tmp_path / "x.pdf", 2025, emblem_path=str(bad))
    assert not (tmp_path / "x.pdf").exists()


def test_every_declared_type_prints(sample, tmp_path: Path) -> None:
    """Walk the declaration: every record type prints as a table on the page it declares."""
    from ledger_app.outputs.pdf.table import page_kind, render_table

    ledger = sample["ledger"]
    out = tmp_path / "t.pdf"
    for rt in ledger.pack.record_types:
        pages = render_table(ledger, rt.key, out, year=2025)
        reader = PdfReader(out)
        assert pages == len(reader.pages) >= 1
        size = page_size(reader, 0)
        assert is_landscape(size) if page_kind(rt) == "landscape" else is_portrait(size)
        assert rt.label in flat(reader.pages[0].extract_text() or ""), rt.key


def test_any_record_prints_as_a_page(sample, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.record_page import render_record
    from ledger_app.store.errors import LedgerError

    ledger = sample["ledger"]
    member = sample["members"][0]
    out = tmp_path / "member.pdf"
    render_record(ledger, member, out)
    text = text_of(out)[0]
    number = ledger.records.get(member)["id_number"]
    assert "党员名册" in text and number not in text and number[-4:] in text
    assert "年度第" not in text
    with pytest.raises(LedgerError, match="找不到编号为 424242 的记录"):
        render_record(ledger, 424242, out)


def test_record_page_photos_come_from_the_rendition_made_when_attached() -> None:
    """The photo box of a record page must fit the stored rendition; otherwise every
    print (and every archive) decodes the multi-MB originals again."""
    from reportlab.lib.units import mm

    from ledger_app.outputs.pdf.common import page_frame_size
    from ledger_app.outputs.pdf.photos import target_pixels
    from ledger_app.outputs.pdf.record_page import PHOTO_MAX_HEIGHT
    from ledger_app.store.attachments import PRINT_SIZE

    width = page_frame_size("form")[0]
    assert target_pixels((width - 6 * mm) / 2, PHOTO_MAX_HEIGHT) <= PRINT_SIZE


def test_dues_register_leaves_out_members_before_they_transferred_in(ledger) -> None:
    from ledger_app.outputs.pdf.common import PrintContext
    from ledger_app.outputs.pdf.dues_register import dues_rows

    base = {"gender": "男", "birth_date": "1970-01-01", "member_class": "正式党员",
            "status": "在册", "joined_date": "1995-07-01"}
    ledger.records.insert("roster", dict(base, name="老党员"))
    ledger.records.insert("roster", dict(base, name="新转入", arrived_date="2026-02-01"))
    names = lambda year: {c for row in dues_rows(PrintContext(ledger), year)[0]  # noqa: E731
                          for c in row}
    assert "老党员" in names(2025) and "新转入" not in names(2025)
    assert {"老党员", "新转入"} <= names(2026)


def test_spine_labels_turn_brackets_and_use_a_wide_spine(ledger, tmp_path: Path) -> None:
    """Brackets on a spine take their vertical forms (︵︶), and a 75 mm spine sets its
    text large, the year across, instead of a thin column."""
    from ledger_app.outputs.pdf.labels import render_labels, vertical_text

    assert vertical_text("幸福里（第一）党支部《章程》") == "幸福里︵第一︶党支部︽章程︾"
    ledger.update_settings({"org_name": "幸福里社区（第一）党支部"})
    sizes: dict[float, list[tuple[str, float]]] = {}
    for spine in (20, 75):
        out = tmp_path / f"labels{spine}.pdf"
        render_labels(ledger, out, 2025, "team", spine_mm=spine)
        page = PdfReader(out).pages[1]
        runs: list[tuple[str, float]] = []
        page.extract_text(visitor_text=lambda t, cm, tm, fd, fs, runs=runs: runs.append(
            (t, fs * tm[0] * cm[0])) if t.strip() else None)
        text = "".join(t for t, _s in runs)
        assert "︵" in text and "︶" in text and "（" not in text, spine
        sizes[spine] = runs
    category = {spine: max(s for t, s in runs if t.strip() in "基本队伍")
                for spine, runs in sizes.items()}
    assert category[75] >= 40 and category[75] > 1.5 * category[20], category
    assert any("2025年度" in t for t, _s in sizes[75])       # set across the wide spine
