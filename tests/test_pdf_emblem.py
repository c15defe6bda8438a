"""The Party emblem: one geometry for PDF and SVG, inside its square, never stretched,
and the user's own artwork used in its place when given."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader


def test_shipped_svg_is_the_drawn_geometry() -> None:
    from ledger_app.outputs.pdf.emblem import svg_text
    from ledger_app.resources import resource_path

    shipped = resource_path("emblem", "party-emblem.svg").read_text(encoding="utf-8")
    assert shipped == svg_text()
    assert 'viewBox="0 0 100 100"' in shipped and "#FFD700" in shipped


def test_emblem_stays_inside_its_square() -> None:
    from ledger_app.outputs.pdf.emblem import shapes

    points = [p for polys in shapes().values() for poly in polys for p in poly]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    assert min(xs) >= 0 and min(ys) >= 0 and max(xs) <= 100 and max(ys) <= 100
    # It fills the square in both directions (a squashed drawing would not).
    assert max(xs) - min(xs) > 75 and max(ys) - min(ys) > 75


def test_emblem_renders_gold_on_red(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    from ledger_app.outputs.pdf.emblem import draw_emblem

    pdf = tmp_path / "emblem.pdf"
    c = Canvas(str(pdf), pagesize=(200, 200))
    draw_emblem(c, 0, 0, 200, with_field=True)
    c.save()
    pytest.importorskip("PySide6.QtPdf")
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(pdf))
    image = doc.render(0, QSize(100, 100))
    buffer = io.BytesIO()
    from PySide6.QtCore import QBuffer, QIODevice

    qbuf = QBuffer()
    qbuf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(qbuf, "PNG")
    buffer.write(bytes(qbuf.data()))
    picture = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    colours = picture.getcolors(100 * 100)
    gold = sum(n for n, (r, g, b) in colours if r > 230 and g > 190 and b < 80)
    red = sum(n for n, (r, g, b) in colours if r > 170 and g < 50 and b < 80)
    assert gold > 1200 and red > 4000


def test_user_artwork_is_used_and_kept_in_proportion(tmp_path: Path, ledger) -> None:
    from PIL import Image

    from ledger_app.outputs.pdf.cover import render_cover

    art = tmp_path / "official.png"
    Image.new("RGB", (400, 200), (255, 215, 0)).save(art)
    out = tmp_path / "cover.pdf"
    render_cover(ledger, out, "team", 2025, emblem_path=str(art))
    images = PdfReader(out).pages[0].images
    assert len(images) == 1 and images[0].image.size == (400, 200)
    # The ledger setting does the same when no file is given on the call.
    ledger.update_settings({"emblem_path": str(art)})
    render_cover(ledger, out, "team", 2025)
    assert len(PdfReader(out).pages[0].images) == 1
