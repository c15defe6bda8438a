"""Streamed saving writes exactly the PDF reportlab would have written, without keeping it."""

from __future__ import annotations

import io
import threading
from pathlib import Path

from PIL import Image
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from ledger_app.outputs.pdf import streaming


def draw(target, photo: Path) -> None:
    canvas = Canvas(target)
    canvas.drawString(72, 720, "photo page")
    canvas.drawImage(str(photo), 72, 400, width=200, height=150)
    canvas.showPage()
    canvas.drawImage(str(photo), 72, 400, width=100, height=75)  # the same photo again
    canvas.showPage()
    canvas.save()


def test_streamed_output_is_byte_for_byte_the_same(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)   # no dates or random ids in the file
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (700, 525), (200, 40, 40)).save(photo, "JPEG", quality=78)
    plain = io.BytesIO()
    draw(plain, photo)
    streamed_path = tmp_path / "streamed.pdf"
    with open(streamed_path, "wb") as fh, streaming.streamed(fh):
        draw(fh, photo)
    assert streamed_path.read_bytes() == plain.getvalue()
    assert photo.read_bytes() in plain.getvalue()      # the JPEG copied in once, as it is
    assert plain.getvalue().count(photo.read_bytes()) == 1


def test_images_are_not_held_while_streaming(tmp_path: Path) -> None:
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    photo = tmp_path / "p.jpg"
    Image.new("RGB", (64, 48), (10, 120, 40)).save(photo, "JPEG")
    held = []
    with open(tmp_path / "x.pdf", "wb") as fh, streaming.streamed(fh):
        held.append(PDFImageXObject("p", str(photo)).streamContent)
    normal = PDFImageXObject("p", str(photo)).streamContent
    assert isinstance(held[0], streaming._JPEGFile) and held[0].read() == photo.read_bytes()
    assert normal == photo.read_bytes()   # outside the block reportlab behaves as shipped


def test_other_threads_are_not_streamed(tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (64, 48)).save(photo, "JPEG")
    out = {}

    def other() -> None:
        buffer = io.BytesIO()
        draw(buffer, photo)
        out["bytes"] = buffer.getvalue()

    with open(tmp_path / "x.pdf", "wb") as fh, streaming.streamed(fh):
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert out["bytes"].startswith(b"%PDF") and b"%%EOF" in out["bytes"]
