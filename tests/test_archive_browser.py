"""The index page as a browser sees it: headless Chromium loads it from the unpacked folder."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from archive_support import ORG, build, make_ledger

from ledger_app.outputs.archive import layout

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") \
    or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed")
def test_index_opens_offline_in_chromium_and_every_link_resolves(tmp_path: Path) -> None:
    ledger_path, _ = make_ledger(tmp_path, ORG)
    result = build(ledger_path, tmp_path / "档案.zip")
    unpacked = tmp_path / "解压后的 档案#1"          # spaces and '#' in the folder name too
    with zipfile.ZipFile(result.path) as zf:
        zf.extractall(unpacked)
    index = unpacked / layout.INDEX_PATH
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--no-first-run", f"--user-data-dir={profile}",
         "--dump-dom", index.as_uri()],
        capture_output=True, timeout=120, text=True).stdout
    assert ORG["org_name"] in dom and "基本活动" in dom
    links = re.findall(r'<a href="([^"]+)"', dom)
    files = [link for link in links if not link.startswith("#")]
    assert len(files) >= 40
    base = index.as_uri()
    for link in files:
        url = urlparse(urljoin(base, link.replace("&amp;", "&")))
        assert url.scheme == "file", link
        assert Path(unquote(url.path)).is_file(), link
    linked = {Path(unquote(urlparse(urljoin(base, link)).path)).resolve() for link in files}
    photos = {(unpacked / f["path"]).resolve() for f in result.manifest["files"]
              if f["kind"] == "attachment"}
    assert photos and photos <= linked
