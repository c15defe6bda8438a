"""An image too large to decode safely is refused with a plain message before decoding,
and the record is left as it was; ordinary photos still attach."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from ledger_app.store import Ledger
from ledger_app.store.attachments import MAX_PIXELS, ImageTooLargeError

pytestmark = pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")   # 1 bit a pixel: cheap to make
    return out.getvalue()


@pytest.fixture
def ledger(tmp_path: Path):
    with Ledger.create(tmp_path / "图片.ledger", {"org_name": "图片测试支部"}) as ledger:
        yield ledger


@pytest.mark.parametrize("size, message", [
    ((13_300, 13_300), "13300 × 13300 像素"),         # 177 megapixels: Pillow only warns
    ((20_000, 20_000), "像素太多"),                   # 400 megapixels: Pillow itself refuses
    ((8_000, 6_000), "8000 × 6000 像素"),             # 48 megapixels: Pillow would decode it
])
def test_a_pixel_bomb_is_refused_and_nothing_changes(ledger, size, message) -> None:
    data = png(*size)
    assert len(data) < 1_000_000 and size[0] * size[1] > MAX_PIXELS
    meeting = ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2025-03-01",
                                                "topic": "图片"})
    audit_before = len(ledger.audit.lines())
    with pytest.raises(ImageTooLargeError, match=message):
        ledger.attachments.add(meeting, "photos", data, "大图.png")
    assert ledger.attachments.of(meeting) == []
    assert ledger.query("SELECT count(*) FROM blobs")[0][0] == 0
    assert len(ledger.audit.lines()) == audit_before


def test_an_ordinary_large_photo_still_attaches(ledger) -> None:
    out = io.BytesIO()
    Image.new("RGB", (4000, 3000), (200, 30, 30)).save(out, "JPEG")
    meeting = ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2025-03-01",
                                                "topic": "图片"})
    ledger.attachments.add(meeting, "photos", out.getvalue(), "现场.jpg")
    [attached] = ledger.attachments.of(meeting)
    assert (attached.width, attached.height) == (4000, 3000)
    assert ledger.attachments.thumbnail(attached.sha256)
