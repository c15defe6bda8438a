"""Signed archives: a changed manifest, a forger's own key, a stripped signature and a
malformed manifest are each caught with a plain message; the 移交单 carries the digest."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from archive_support import ORG, build, make_ledger, rewrite_zip

from ledger_app.cli.main import main
from ledger_app.outputs.archive import verify_archive
from ledger_app.outputs.archive.layout import MANIFEST_NAME, SIGNATURE_NAME, SNAPSHOT_PATH
from ledger_app.store import Ledger, LedgerError
from ledger_app.store.signing import KEY_SETTING, ledger_fingerprint, normalise_fingerprint

TABLE = "01_基本队伍/党员名册.pdf"


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    folder = tmp_path_factory.mktemp("signed")
    ledger_path, _ = make_ledger(folder, ORG)
    with Ledger.open(ledger_path, readonly=True) as ledger:
        fp = ledger_fingerprint(ledger)
    result = build(ledger_path, folder / "原件.zip", categories=["team", "activities"])
    assert result.fingerprint == fp and result.warnings == []
    return ledger_path, result.path, fp


def _edit_manifest(src: Path, dst: Path, edit) -> None:
    def change(name: str, data: bytes):
        if name == MANIFEST_NAME:
            manifest = json.loads(data)
            edit(manifest)
            return name, json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        return name, data
    rewrite_zip(src, dst, change)


def test_a_new_ledger_has_one_key_kept_out_of_its_settings(signed, tmp_path: Path) -> None:
    ledger_path, _, fp = signed
    assert normalise_fingerprint(fp.lower().replace("-", " ")) == fp
    assert len(fp) == 39 and fp.count("-") == 7
    with Ledger.open(ledger_path) as ledger:          # a write open keeps the same key
        assert ledger_fingerprint(ledger) == fp
        assert KEY_SETTING not in ledger.settings()
    other, _ = make_ledger(tmp_path, ORG)
    with Ledger.open(other, readonly=True) as ledger:
        assert ledger_fingerprint(ledger) != fp       # every ledger its own key


def test_the_private_key_never_leaves_in_an_archive(signed, tmp_path: Path) -> None:
    ledger_path, archive, _ = signed
    conn = sqlite3.connect(ledger_path)
    private = json.loads(conn.execute("SELECT value FROM settings WHERE key = ?",
                                      (KEY_SETTING,)).fetchone()[0])["private"]
    conn.close()
    with zipfile.ZipFile(archive) as zf:
        (tmp_path / "s.ledger").write_bytes(zf.read(SNAPSHOT_PATH))
        everything = b"".join(zf.read(n) for n in zf.namelist())
    snap = sqlite3.connect(tmp_path / "s.ledger")
    keys = {k for (k,) in snap.execute("SELECT key FROM settings")}
    snap.close()
    assert KEY_SETTING not in keys and "org_name" in keys
    assert private.encode() not in everything
    assert base64.b64decode(private) not in everything


def test_verify_names_the_signer_and_checks_an_expected_key(
        signed, capsys: pytest.CaptureFixture[str]) -> None:
    _, archive, fp = signed
    report = verify_archive(archive)
    assert report.ok and report.signer == fp
    assert main(["verify", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "校验通过" in out and f"签名有效：签名密钥指纹 {fp}" in out
    assert main(["verify", str(archive), "--expect-key", fp.lower().replace("-", "")]) == 0
    wrong = "0000" + fp[4:]
    assert main(["verify", str(archive), "--expect-key", wrong]) == 1
    assert f"不是要求的 {wrong}" in capsys.readouterr().out
    assert main(["verify", str(archive), "--expect-key", "12AB"]) == 2
    assert "32 位十六进制" in capsys.readouterr().err


def test_a_changed_file_with_its_manifest_line_changed_too_is_caught(signed,
                                                                    tmp_path: Path) -> None:
    # The forgery the manifest alone could not catch: new content, new hash in the list.
    _, archive, _ = signed
    forged_pdf = b"%PDF-1.4\n% a different roster\n"

    def forge(name: str, data: bytes):
        if name == TABLE:
            return name, forged_pdf
        if name == MANIFEST_NAME:
            manifest = json.loads(data)
            for item in manifest["files"]:
                if item["path"] == TABLE:
                    item["size"] = len(forged_pdf)
                    item["sha256"] = hashlib.sha256(forged_pdf).hexdigest()
            return name, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
        return name, data

    forged = tmp_path / "伪造.zip"
    rewrite_zip(archive, forged, forge)
    report = verify_archive(forged)
    assert not report.changed and not report.missing   # every hash matches the new list …
    assert not report.ok and "签名不符" in report.signature_problem   # … but not the signature
    assert main(["verify", str(forged)]) == 1


def test_a_forger_who_signs_with_his_own_key_fails_the_expected_key(signed,
                                                                    tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ledger_app.outputs.archive.signature import sign

    _, archive, fp = signed
    own = Ed25519PrivateKey.generate()
    resigned = tmp_path / "另签.zip"
    with zipfile.ZipFile(archive) as zf:
        manifest = zf.read(MANIFEST_NAME)
    rewrite_zip(archive, resigned, lambda name, data: (
        name, sign(own, manifest) if name == SIGNATURE_NAME else data))
    report = verify_archive(resigned)
    assert report.ok and report.signer != fp      # a good signature, by someone else
    report = verify_archive(resigned, expect_key=fp)
    assert not report.ok and "不是由那个台账导出的" in report.signature_problem


def test_a_stripped_signature_fails_and_an_old_unsigned_archive_is_named(signed,
                                                                       tmp_path: Path) -> None:
    _, archive, fp = signed
    stripped = tmp_path / "去签名.zip"
    rewrite_zip(archive, stripped, lambda n, d: None if n == SIGNATURE_NAME else (n, d))
    report = verify_archive(stripped)
    assert not report.ok and "缺少签名文件" in report.signature_problem
    # An archive of format 1 (before signing) still passes, saying it cannot be traced.
    old = tmp_path / "早期.zip"
    _edit_manifest(stripped, old, lambda m: m.update(format_version=1))
    report = verify_archive(old)
    assert report.ok and report.unsigned_old and "未签名" in report.lines()[1]
    assert not verify_archive(old, expect_key=fp).ok


def test_a_garbled_signature_file_is_a_plain_message(signed, tmp_path: Path) -> None:
    _, archive, _ = signed
    for garbage in (b"", b"{not json", json.dumps({"format": "x"}).encode(),
                    json.dumps({"format": "grassroots-ledger-manifest-signature",
                                "algorithm": "Ed25519", "public_key": "!!",
                                "signature": "AA=="}).encode(), b"\xff\xfe" * 10):
        bad = tmp_path / "坏签名.zip"
        rewrite_zip(archive, bad, lambda n, d, g=garbage: (n, g if n == SIGNATURE_NAME else d))
        report = verify_archive(bad)
        assert not report.ok and SIGNATURE_NAME in report.signature_problem


@pytest.mark.parametrize("manifest, message", [
    (b"[1, 2]", "不是本程序的检查档案清单"),
    (b"\xff\xfe\x00", "已损坏"),
    (b"[" * 100_000 + b"]" * 100_000, "已损坏"),
    (json.dumps({"format": "grassroots-ledger-inspection-archive",
                 "format_version": "二"}).encode(), "格式版本"),
    (json.dumps({"format": "grassroots-ledger-inspection-archive", "format_version": 2,
                 "files": [{"path": "a", "size": -1, "sha256": "0" * 64}]}).encode(),
     "有一项格式不对"),
    (json.dumps({"format": "grassroots-ledger-inspection-archive", "format_version": 2,
                 "files": [], "organisation": "某支部"}).encode(), "组织信息格式不对"),
    (json.dumps({"format": "grassroots-ledger-inspection-archive", "format_version": 2,
                 "files": [], "categories": [{"label": "基本队伍"}]}).encode(), "类别格式不对"),
    (json.dumps({"format": "grassroots-ledger-inspection-archive", "format_version": 2,
                 "files": [{"path": "a", "size": 1, "sha256": "0" * 64,
                            "entry_id": "7"}]}).encode(), "有一项格式不对"),
])
def test_a_malformed_manifest_is_a_plain_message_without_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], manifest: bytes,
        message: str) -> None:
    bad = tmp_path / "坏清单.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr(MANIFEST_NAME, manifest)
    with pytest.raises(LedgerError, match=message):
        verify_archive(bad)
    assert main(["verify", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err


def test_the_handover_sheet_prints_the_digest_and_fingerprint(signed, tmp_path: Path,
                                                              capsys) -> None:
    from pypdf import PdfReader

    _, archive, fp = signed
    out = tmp_path / "移交单.pdf"
    assert main(["print", "handover", str(archive), "-o", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages).replace("\n", "")
    report = verify_archive(archive)
    zip_digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert len(PdfReader(out).pages) == 1
    assert fp in text and "测试街道第一社区党支部" in text and "移交人" in text
    assert report.manifest_sha256[:8] in text and report.manifest_sha256[-8:] in text
    assert zip_digest[:8] in text
    # A changed archive gets no 移交单.
    tampered = tmp_path / "改过.zip"
    rewrite_zip(archive, tampered, lambda n, d: (n, d + b"x" if n == TABLE else d))
    again = tmp_path / "不该有.pdf"
    assert main(["print", "handover", str(tampered), "-o", str(again)]) == 2
    assert "校验未通过" in capsys.readouterr().err and not again.exists()


def test_a_ledger_from_before_signing_gets_its_key_when_opened_for_writing(
        tmp_path: Path) -> None:
    old = tmp_path / "旧台账.ledger"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema_v1.ledger", old)
    with Ledger.open(old, readonly=True) as ledger:   # a read makes no key (and no change)
        assert ledger_fingerprint(ledger) is None
        result = __import__("ledger_app.outputs.archive", fromlist=["build_archive"]) \
            .build_archive(ledger, tmp_path / "未签名.zip", 2025, include_products=False)
    assert result.fingerprint is None and any("签名密钥" in w for w in result.warnings)
    with Ledger.open(old) as ledger:
        fp = ledger_fingerprint(ledger)
    assert fp is not None
    with Ledger.open(old, readonly=True) as ledger:
        assert ledger_fingerprint(ledger) == fp


def test_a_sealed_archive_verifies_opens_and_gets_its_handover(signed, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from ledger_app.outputs.archive import InspectionArchive
    from ledger_app.outputs.archive.crypto import PasswordError
    from ledger_app.outputs.archive.handover import print_handover

    ledger_path, _, fp = signed
    sealed = build(ledger_path, tmp_path / "加密.zip", categories=["activities"],
                   password="对的密码", include_products=False).path
    report = verify_archive(sealed, "对的密码", expect_key=fp)
    assert report.ok and report.sealed and report.manifest["encrypted"]
    with pytest.raises(PasswordError, match="设置了密码"):
        verify_archive(sealed)
    with pytest.raises(PasswordError, match="密码不对"):
        verify_archive(sealed, "错的密码")
    with InspectionArchive.open(sealed, "对的密码") as opened:
        folder = opened.folder.path
        photo = opened.attachment_file(next(iter(opened.attachment_paths)))
        assert photo.read_bytes()[:2] == b"\xff\xd8" and folder in photo.parents
        assert opened.report.sealed and opened.report.signer == fp
    assert not folder.exists()
    out = tmp_path / "加密移交单.pdf"
    print_handover(sealed, out, "对的密码")
    text = PdfReader(out).pages[0].extract_text().replace("\n", "")
    assert fp in text and hashlib.sha256(sealed.read_bytes()).hexdigest()[:8] in text


def test_an_archive_encrypted_entry_by_entry_by_an_earlier_version_still_verifies(
        signed, tmp_path: Path) -> None:
    import pyzipper

    _, archive, fp = signed
    older = tmp_path / "旧式加密.zip"
    with zipfile.ZipFile(archive) as zin, pyzipper.AESZipFile(
            older, "w", compression=zipfile.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as zout:
        zout.setpassword(b"pw")
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
    report = verify_archive(older, "pw")
    assert report.ok and not report.sealed and report.signer == fp


def test_the_binders_closing_sheet_prints_the_key_fingerprint_unmasked(signed,
                                                                      tmp_path: Path) -> None:
    from pypdf import PdfReader

    from ledger_app.outputs.pdf.binder import render_binder

    ledger_path, archive, fp = signed
    out = tmp_path / "装订册.pdf"
    with Ledger.open(ledger_path, readonly=True) as ledger:
        render_binder(ledger, out, 2025, categories=["team"], masked=True)
    closing = PdfReader(out).pages[-1].extract_text().replace("\n", "")
    assert "卷 内 备 考 表" in closing and fp in closing
    # … the same fingerprint the archive's signature carries.
    assert verify_archive(archive, expect_key=fp).ok


def test_info_names_the_fingerprint_for_scripts(signed, capsys) -> None:
    ledger_path, archive, fp = signed
    assert main(["info", str(ledger_path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["signing_key_fingerprint"] == fp
    assert main(["verify", str(archive), "--expect-key", info["signing_key_fingerprint"]]) == 0


def test_doctor_finds_a_damaged_signing_key(signed, tmp_path: Path, capsys) -> None:
    ledger_path, _, _ = signed
    copy = tmp_path / "坏密钥.ledger"
    shutil.copy(ledger_path, copy)
    assert main(["doctor", str(copy)]) == 0
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE settings SET value = ? WHERE key = ?",
                 (json.dumps({"private": "AAAA"}), KEY_SETTING))
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["doctor", str(copy)]) == 1
    assert "签名密钥已损坏" in capsys.readouterr().err
