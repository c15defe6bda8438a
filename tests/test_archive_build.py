"""Building an inspection archive from a real ledger, checked with the standard unzip tools."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from archive_support import ORG, build, make_ledger
from archive_support import scan_texts as _scan

from ledger_app.outputs.archive import layout, products
from ledger_app.outputs.archive.safe_extract import entry_name
from ledger_app.store import Ledger, LedgerError


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("archive")
    ledger_path, facts = make_ledger(folder, ORG)
    result = build(ledger_path, folder / "检查档案.zip")
    return ledger_path, facts, result


def extra_ids(extra: bytes) -> list[int]:
    import struct

    ids, at = [], 0
    while at + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, at)
        ids.append(tag)
        at += 4 + size
    return ids


def names_of(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return [i.filename for i in zf.infolist()]


def test_layout_of_the_archive(built) -> None:
    _, _facts, result = built
    names = names_of(result.path)
    assert "manifest.json" in names and layout.INDEX_PATH in names and layout.SNAPSHOT_PATH in names
    for folder in ("01_基本队伍", "02_基本活动", "03_基本阵地", "04_基本制度", "05_基本保障"):
        assert any(n.startswith(folder + "/") for n in names), folder
    assert "01_基本队伍/党员名册.pdf" in names and "01_基本队伍/党员名册.xlsx" in names
    meeting = "02_基本活动/会议记录/2025-03-15_支部委员会_研究发展党员工作"
    assert f"{meeting}/照片1.jpg" in names and f"{meeting}/照片2.jpg" in names
    assert f"{meeting}/签到表.png" in names and f"{meeting}/签到表（2）.png" in names
    # The second meeting with the same date, kind and topic gets its own folder.
    assert any(n.startswith(f"{meeting}（2）/") for n in names)
    assert "03_基本阵地/六有建设/2025_有场所/照片1.jpg" in names
    assert f"{meeting}.pdf" in names and f"{meeting}（2）.pdf" in names
    assert "00_目录/台账汇编_2025年度.pdf" in names
    # A meeting of 2024 stays out of the 2025 archive.
    assert not any("上一年度" in n for n in names)
    assert len(names) == len(set(names))


def test_every_name_is_utf8_flagged_with_unicode_path_field(built) -> None:
    _, _, result = built
    with zipfile.ZipFile(result.path) as zf:
        for info in zf.infolist():
            assert info.flag_bits & 0x800, info.filename
            assert extra_ids(info.extra) == [0x7075], info.filename
            # Read the way an old tool does: ignore the flag, use the extra field.
            info.flag_bits &= ~0x800
            assert entry_name(info) == info.filename


def test_manifest_lists_every_other_file_with_size_and_hash(built) -> None:
    import hashlib

    _, _, result = built
    manifest = result.manifest
    assert manifest["organisation"]["org_name"] == ORG["org_name"]
    assert manifest["period"] == {"year": 2025, "from": None, "to": None, "label": "2025 年度"}
    assert manifest["masked"] is True and manifest["program"]["version"]
    assert manifest["counts"]["meeting"] == 3 and manifest["counts"]["roster"] == 4
    assert any("manifest.json 本身不在文件清单中" in n for n in manifest["notes"])
    with zipfile.ZipFile(result.path) as zf:
        on_disk = json.loads(zf.read("manifest.json"))
        assert on_disk["files"] == manifest["files"]
        listed = {f["path"]: f for f in manifest["files"]}
        assert set(listed) == set(zf.namelist()) - {"manifest.json", "manifest.sig"}
        for name, item in listed.items():
            data = zf.read(name)
            assert item["size"] == len(data)
            assert item["sha256"] == hashlib.sha256(data).hexdigest()


@pytest.mark.skipif(not shutil.which("unzip"), reason="Info-ZIP unzip not installed")
def test_info_zip_unzip_tests_and_lists_chinese_names(built) -> None:
    _, _, result = built
    tested = subprocess.run(["unzip", "-t", str(result.path)], capture_output=True)
    assert tested.returncode == 0, tested.stdout.decode(errors="replace")
    listing = subprocess.run(["unzip", "-l", str(result.path)], capture_output=True,
                             env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}).stdout.decode()
    assert "02_基本活动/会议记录/2025-03-15_支部委员会_研究发展党员工作/照片1.jpg" in listing


@pytest.mark.skipif(not shutil.which("bsdtar"), reason="bsdtar not installed")
def test_bsdtar_lists_chinese_names(built) -> None:
    _, _, result = built
    out = subprocess.run(["bsdtar", "-tf", str(result.path)], capture_output=True,
                         env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}, check=True)
    assert set(out.stdout.decode().split("\n")) - {""} == set(names_of(result.path))


@pytest.mark.skipif(not shutil.which("7z"), reason="7-Zip (p7zip-full) not installed")
def test_7zip_tests_and_lists_chinese_names(built) -> None:
    _, _, result = built
    tested = subprocess.run(["7z", "t", str(result.path)], capture_output=True)
    assert tested.returncode == 0 and b"Everything is Ok" in tested.stdout
    listing = subprocess.run(["7z", "l", "-slt", str(result.path)], capture_output=True,
                             env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}).stdout.decode()
    paths = {line[7:] for line in listing.splitlines() if line.startswith("Path = ")}
    assert set(names_of(result.path)) <= paths


def test_index_links_every_product_and_photo(built, tmp_path: Path) -> None:
    _, _, result = built
    with zipfile.ZipFile(result.path) as zf:
        zf.extractall(tmp_path)
    page = (tmp_path / layout.INDEX_PATH).read_text("utf-8")
    assert ORG["org_name"] in page and "2025 年度" in page
    assert page.index("请先把整个压缩包解压") < page.index("组织名称")   # said before anything
    assert "<script" not in page and "http://" not in page and "https://" not in page
    for label in ("基本队伍", "基本活动", "基本阵地", "基本制度", "基本保障"):
        assert label in page
    links = re.findall(r'href="([^"#]+)"', page)
    assert all(not re.search(r"[^\x21-\x7e]", link) for link in links), "links percent-encoded"
    targets = {(tmp_path / layout.INDEX_FOLDER / unquote(link)).resolve() for link in links}
    assert all(t.is_file() for t in targets)
    wanted = {(tmp_path / f["path"]).resolve() for f in result.manifest["files"]
              if f["kind"] in ("binder", "table", "workbook", "record", "attachment")}
    assert wanted <= targets


def test_snapshot_is_a_read_only_ledger_of_the_period(built, tmp_path: Path) -> None:
    _, facts, result = built
    with zipfile.ZipFile(result.path) as zf:
        (tmp_path / "copy.ledger").write_bytes(zf.read(layout.SNAPSHOT_PATH))
    with Ledger.open(tmp_path / "copy.ledger", readonly=True) as copy:
        assert copy.records.count("meeting") == 3        # the 2024 meeting is left out
        assert copy.records.count("roster") == 4
        first = copy.records.get(facts["meetings"][0])
        assert copy.records.member_name(first["chair"]) == "张三"
        assert copy.attendance.tally(first.id).due == 4
        photos = copy.attachments.of(first.id)
        assert len(photos) == 4 and copy.attachments.thumbnail(photos[0].sha256)
        # No photo contents or print copies (the photos are files in the archive) ...
        assert copy.attachments.data(photos[0].sha256) == b""
        assert copy.attachments.print_rendition(photos[0].sha256) is None
        # ... yet a record page printed from the copy still shows its photos.
        products.record(copy, first.id, tmp_path / "page.pdf", True)
        from pypdf import PdfReader
        images = [i for page in PdfReader(tmp_path / "page.pdf").pages for i in page.images]
        assert len(images) == 4
        member = copy.records.get(facts["members"][0])
        assert member["id_number"] == facts["ids"][0][:6] + "********" + facts["ids"][0][-4:]
        assert member["phone"] == facts["phones"][0][:3] + "****" + facts["phones"][0][-4:]
        with pytest.raises(LedgerError):
            copy.records.update(member.id, {"name": "改名"})


def test_masked_archive_holds_no_full_id_number_or_phone(built, tmp_path: Path) -> None:
    _, facts, result = built
    everything = _scan(result.path, tmp_path)
    assert facts["ids"][0][:6] in everything          # the scan does see the masked numbers
    for secret in facts["ids"] + facts["phones"]:
        assert secret not in everything, secret


def test_numbers_typed_into_free_text_are_masked_in_the_archives_own_files(
        built, tmp_path: Path) -> None:
    ledger_path, facts, _ = built
    copy = tmp_path / "notes.ledger"
    shutil.copy(ledger_path, copy)
    with Ledger.open(copy) as ledger:
        ledger.records.update(facts["members"][1], {"note": f"手机 {facts['phones'][1]}"})
        ledger.records.update(facts["meetings"][0],
                              {"content": f"张三（身份证 {facts['ids'][0]}）发言"})
    result = build(copy, tmp_path / "notes.zip", include_products=False)
    everything = _scan(result.path, tmp_path)
    assert "手机 139****" in everything
    for secret in facts["ids"] + facts["phones"]:
        assert secret not in everything, secret


def test_unmasked_archive_keeps_full_numbers_and_says_so(built, tmp_path: Path) -> None:
    ledger_path, facts, _ = built
    result = build(ledger_path, tmp_path / "full.zip", masked=False,
                   categories=["team"])
    assert result.manifest["masked"] is False
    with zipfile.ZipFile(result.path) as zf:
        (tmp_path / "c.ledger").write_bytes(zf.read(layout.SNAPSHOT_PATH))
    with Ledger.open(tmp_path / "c.ledger", readonly=True) as copy:
        assert copy.records.get(facts["members"][0])["id_number"] == facts["ids"][0]
    assert [c["key"] for c in result.manifest["categories"]] == ["team"]


@pytest.mark.skipif(not shutil.which("7z"), reason="7-Zip (p7zip-full) not installed")
def test_password_encrypts_with_aes256_that_7zip_opens(built, tmp_path: Path) -> None:
    ledger_path, _, _ = built
    result = build(ledger_path, tmp_path / "secret.zip", password="正确密码123",
                   categories=["venue"])
    assert result.manifest["encrypted"] is True
    listing = subprocess.run(["7z", "l", "-slt", "-p正确密码123", str(result.path)],
                             capture_output=True, env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    methods = {line for line in listing.stdout.decode().splitlines() if line.startswith("Method")}
    assert methods <= {"Method = AES-256 Store", "Method = AES-256 Deflate"} and methods
    good = subprocess.run(["7z", "t", "-p正确密码123", str(result.path)], capture_output=True,
                          env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    assert good.returncode == 0
    bad = subprocess.run(["7z", "t", "-pwrong", str(result.path)], capture_output=True)
    assert bad.returncode != 0
    # Not even the names show without the password: one sealed entry, nothing else.
    raw = result.path.read_bytes()
    for hidden in ("manifest.json", "基本阵地", "六有", ".pdf", ".jpg"):
        assert hidden.encode("utf-8") not in raw, hidden
    listed = subprocess.run(["7z", "l", str(result.path)], capture_output=True,
                            env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}).stdout.decode()
    assert "档案内容.zip" in listed and "1 files" in listed
    with zipfile.ZipFile(result.path) as zf:
        assert zf.namelist() == ["档案内容.zip"]
        with pytest.raises(RuntimeError):
            zf.read("档案内容.zip")
        for info in zf.infolist():  # AES field and the Unicode Path field side by side
            assert info.flag_bits & 0x801 == 0x801
            assert sorted(extra_ids(info.extra)) == [0x7075, 0x9901], info.filename


def test_date_range_and_category_choice(built, tmp_path: Path) -> None:
    ledger_path, _, _ = built
    result = build(ledger_path, tmp_path / "q2.zip", date_from="2025-04-01",
                   date_to="2025-06-30", categories=["基本活动"])
    assert result.manifest["counts"] == {"meeting": 1, "talk": 0, "evaluation": 0,
                                         "activity": 0}
    assert result.manifest["period"]["label"] == "2025-04-01 至 2025-06-30"
    assert not any("2025-03-15" in n for n in names_of(result.path))
    # the meeting table and workbook cover the period too, not the whole year
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader
    with zipfile.ZipFile(result.path) as zf:
        (book,) = [n for n in zf.namelist() if n.endswith("会议记录.xlsx")]
        (table,) = [n for n in zf.namelist() if n.endswith("会议记录.pdf")]
        sheet = load_workbook(io.BytesIO(zf.read(book)), read_only=True).worksheets[0]
        cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(zf.read(table))).pages)
    assert any("2025-04-01至2025-06-30" in c for c in cells)
    assert not any("2025-03-15" in c for c in cells)
    assert "2025-03-15" not in text and "2025-04-01至2025-06-30" in text
    with pytest.raises(LedgerError, match="没有“宣传”这个类别"):
        build(ledger_path, tmp_path / "x.zip", categories=["宣传"])
    with pytest.raises(LedgerError, match="晚于"):
        build(ledger_path, tmp_path / "x.zip", date_from="2025-06-01", date_to="2025-01-01")
    with pytest.raises(LedgerError, match="不在 2025 年度内"):
        build(ledger_path, tmp_path / "x.zip", date_from="2024-10-01")
    with pytest.raises(LedgerError, match="不是有效日期"):
        build(ledger_path, tmp_path / "x.zip", date_to="2025-02-30")
    assert not (tmp_path / "x.zip").exists()


def test_cancel_and_failure_leave_no_partial_zip(built, tmp_path: Path) -> None:
    ledger_path, _, _ = built
    calls = []

    def cancel_midway(done: int, total: int, message: str) -> None:
        calls.append(done)
        if done >= 5:
            raise KeyboardInterrupt

    out = tmp_path / "cancelled.zip"
    out.write_bytes(b"an older archive")
    with pytest.raises(KeyboardInterrupt):
        build(ledger_path, out, progress=cancel_midway)
    assert out.read_bytes() == b"an older archive"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cancelled.zip"]
    with pytest.raises(LedgerError):
        build(ledger_path, tmp_path / "missing-folder" / "a.zip")


def test_a_year_without_records_is_pointed_out(built, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from ledger_app.cli.main import main

    ledger_path, _, _ = built
    assert main(["archive", str(ledger_path), "--year", "2052", "-o",
                 str(tmp_path / "a.zip")]) == 0
    err = capsys.readouterr().err
    assert "台账中没有 2052 年度的记录" in err and "2025、2024" in err
    assert main(["archive", str(ledger_path), "--year", "2025", "-o",
                 str(tmp_path / "b.zip")]) == 0
    assert "注意" not in capsys.readouterr().err


def test_cli_says_in_chinese_why_the_archive_could_not_be_saved(
        built, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ledger_app.cli.main import main

    ledger_path, _, _ = built
    (tmp_path / "占用.zip").mkdir()   # a folder where the zip should go
    assert main(["archive", str(ledger_path), "--year", "2025", "--categories", "rules",
                 "-o", str(tmp_path / "占用.zip")]) == 2
    err = capsys.readouterr().err
    assert "无法写入检查档案：这是一个文件夹，不是文件" in err and "directory" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["占用.zip"]   # nothing left over


def test_cli_archive_and_verify(built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    from ledger_app.cli.main import main

    ledger_path, _, _ = built
    out = tmp_path / "cli.zip"
    monkeypatch.setenv("LEDGER_ARCHIVE_PASSWORD", "pw-123")
    assert main(["archive", str(ledger_path), "--year", "2025", "--categories", "venue",
                 "rules", "--password", "-o", str(out)]) == 0
    assert "已导出检查档案" in capsys.readouterr().out
    assert main(["verify", str(out), "--password"]) == 0
    assert "校验通过" in capsys.readouterr().out
    monkeypatch.setenv("LEDGER_ARCHIVE_PASSWORD", "wrong")
    assert main(["verify", str(out)]) == 2
    assert "密码不对" in capsys.readouterr().err
    monkeypatch.delenv("LEDGER_ARCHIVE_PASSWORD")
    assert main(["verify", str(out)]) == 2
    assert "设置了密码" in capsys.readouterr().err


def test_archive_made_while_the_window_has_the_ledger_open(tmp_path: Path) -> None:
    # The window keeps its latest changes in the write-ahead log until it closes; an
    # archive made from the command line meanwhile must hold them, snapshot included.
    ledger_path, _ = make_ledger(tmp_path, ORG)
    with Ledger.open(ledger_path) as window:
        fresh = window.records.insert("meeting", {
            "kinds": ["党课"], "date": "2025-09-01", "topic": "刚刚录入的党课", "content": "内容"})
        result = build(ledger_path, tmp_path / "a.zip")
        assert result.manifest["counts"]["meeting"] == 4
        with zipfile.ZipFile(result.path) as zf:
            (tmp_path / "copy.ledger").write_bytes(zf.read(layout.SNAPSHOT_PATH))
        with Ledger.open(tmp_path / "copy.ledger", readonly=True) as copy:
            assert copy.records.get(fresh)["topic"] == "刚刚录入的党课"
