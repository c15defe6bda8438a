"""Names inside the archive (masking itself is tested in test_forms_display.py)."""

from __future__ import annotations

import pytest

from ledger_app.outputs.archive import layout
from ledger_app.outputs.archive.safe_extract import name_problem


@pytest.mark.parametrize("raw, expected", [
    ("2025-03-15_支部委员会", "2025-03-15_支部委员会"),
    ('会议<1>:"记录"/a\\b|c?d*', "会议_1___记录__a_b_c_d_"),
    ("尾巴. . ", "尾巴"),
    ("CON", "_CON"), ("con.txt", "_con.txt"), ("COM1.jpg", "_COM1.jpg"), ("LPT9", "_LPT9"),
    ("nul .pdf", "_nul .pdf"), ("CONSOLE.pdf", "CONSOLE.pdf"),
    ("", "未命名"), ("...", "未命名"), ("a\x00b\x1fc", "a_b_c"),
])
def test_clean_component_is_safe_on_windows(raw: str, expected: str) -> None:
    cleaned = layout.clean_component(raw)
    assert cleaned == expected
    assert name_problem(cleaned) is None


def test_long_names_keep_their_extension() -> None:
    name = layout.clean_component("很长的名字" * 30 + ".jpg")
    assert len(name) <= layout.MAX_COMPONENT and name.endswith(".jpg")


def test_clashing_names_are_numbered_as_windows_compares() -> None:
    names = layout.FolderNames()
    assert names.claim("a", "照片1.jpg") == "a/照片1.jpg"
    assert names.claim("a", "照片1.JPG") == "a/照片1（2）.JPG"
    assert names.claim("a", "照片1.jpg") == "a/照片1（3）.jpg"
    assert names.claim("b", "照片1.jpg") == "b/照片1.jpg"


def test_attachment_names_are_readable() -> None:
    assert layout.attachment_name("IMG_0001.JPG", "", "image/jpeg", 1) == "照片1.jpg"
    assert layout.attachment_name("scan.png", "签到表", "image/png", 2) == "签到表.png"
    assert layout.attachment_name("会议通知.docx", "", "application/msword", 1) == "会议通知.docx"
    assert layout.attachment_name("x.bin", "", "application/octet-stream", 3) == "文件3.bin"
    assert layout.attachment_name("noext", "", "image/jpeg", 2) == "照片2.jpg"
