"""The Party emblem (党徽): hammer and sickle, gold on red, as a vector drawing.

One geometry drives both the PDF drawing (reportlab path operations) and the SVG file
shipped in ``resources/emblem/`` for the window. The emblem is only ever scaled
uniformly inside a square, never stretched, and nothing is drawn over it
(《中国共产党党徽党旗条例》; RULES.md §8). A user holding the official artwork can point
``--emblem FILE`` or the ledger setting ``emblem_path`` at a PNG or JPG instead.

Geometry, in a 100 x 100 square with y pointing up: the sickle's handle lies at the
lower left; its blade sweeps counter-clockwise round the bottom and the right side and
ends in a point at the upper left. The hammer crosses it from its head at the upper
left to the end of its handle beyond the blade at the lower right, separated from the
sickle by a thin gap in the background colour.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from ledger_app.store.errors import LedgerError

GOLD = "#FFD700"
RED = "#C8102E"
Point = tuple[float, float]

# Sickle blade: a circular arc whose width tapers from the handle to the tip.
_CENTRE = (51.0, 50.0)
_OUTER_R = 39.0
_HANDLE_ANGLE = -128.0     # degrees: where the blade meets the handle (lower left)
_TIP_ANGLE = 142.0         # degrees, reached counter-clockwise: the tip (upper left)
_MAX_WIDTH = 13.0
_GAP = 2.6                 # background-coloured gap round the hammer


def _polar(r: float, degrees: float) -> Point:
    a = math.radians(degrees)
    return (_CENTRE[0] + r * math.cos(a), _CENTRE[1] + r * math.sin(a))


def _blade_width(t: float) -> float:
    """Width of the blade at t (0 at the handle, 1 at the tip): full near the handle
    and through the lower curve, narrowing to a sharp point."""
    if t < 0.08:
        return _MAX_WIDTH * (0.78 + 0.22 * t / 0.08)
    return _MAX_WIDTH * math.sin(math.pi / 2 * min(1.0, (1 - t) / 0.92)) ** 0.85


@lru_cache(maxsize=1)
def _blade() -> tuple[Point, ...]:
    steps = 90
    sweep = (_TIP_ANGLE + 360.0) - (360.0 + _HANDLE_ANGLE)
    outer, inner = [], []
    for i in range(steps + 1):
        t = i / steps
        angle = _HANDLE_ANGLE + sweep * t
        outer.append(_polar(_OUTER_R, angle))
        inner.append(_polar(_OUTER_R - _blade_width(t), angle))
    return tuple(outer + inner[::-1][1:])


def _rect_along(start: Point, end: Point, half_width: float) -> tuple[Point, ...]:
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    nx, ny = -dy / length * half_width, dx / length * half_width
    return ((start[0] + nx, start[1] + ny), (end[0] + nx, end[1] + ny),
            (end[0] - nx, end[1] - ny), (start[0] - nx, start[1] - ny))


def _sickle_handle() -> list[tuple[Point, ...]]:
    mid = _polar(_OUTER_R - _MAX_WIDTH * 0.39, _HANDLE_ANGLE)
    direction = math.radians(_HANDLE_ANGLE - 4)
    end = (mid[0] + 19 * math.cos(direction), mid[1] + 17 * math.sin(direction))
    collar_end = (mid[0] + 4.5 * math.cos(direction), mid[1] + 4.5 * math.sin(direction))
    return [_rect_along(mid, collar_end, 6.2), _rect_along(collar_end, end, 4.6)]


def _hammer() -> list[tuple[Point, ...]]:
    head_centre = (30.0, 69.0)
    handle_end = (86.0, 13.0)
    dx, dy = handle_end[0] - head_centre[0], handle_end[1] - head_centre[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    handle_start = (head_centre[0] + ux * 5, head_centre[1] + uy * 5)
    handle = _rect_along(handle_start, handle_end, 4.8)
    # The head: a block across the handle, longer on the striking side.
    px, py = -uy, ux
    back, front = -7.5, 7.5
    left, right = -19.0, 13.0
    head = tuple((head_centre[0] + ux * a + px * b, head_centre[1] + uy * a + py * b)
                 for a, b in ((back, left), (back, right), (front, right), (front, left)))
    return [handle, head]


def shapes() -> dict[str, list[tuple[Point, ...]]]:
    """Polygons in the 100 x 100 square: the sickle first, the hammer drawn over it."""
    return {"sickle": [_blade(), *_sickle_handle()], "hammer": _hammer()}


# ---- drawing ----------------------------------------------------------------------------------


def draw_emblem(canvas: Canvas, x: float, y: float, size: float, *,
                color: str = GOLD, background: str = RED, with_field: bool = False,
                artwork: str | None = None) -> None:
    """Draw the emblem into the square (x, y, size) without distortion.

    ``with_field`` paints the background square first (the emblem on its red field);
    otherwise the page behind must already be ``background`` (the gaps use that colour).
    ``artwork`` (a PNG/JPG path) replaces the drawing, kept in proportion and centred."""
    if artwork:
        draw_artwork(canvas, artwork, x, y, size)
        return
    scale = size / 100.0
    canvas.saveState()
    if with_field:
        canvas.setFillColor(colors.HexColor(background))
        canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    fg, bg = colors.HexColor(color), colors.HexColor(background)
    canvas.setLineJoin(1)
    parts = shapes()
    canvas.setFillColor(fg)
    for poly in parts["sickle"]:
        _fill(canvas, poly)
    canvas.setStrokeColor(bg)
    canvas.setLineWidth(_GAP * 2)
    for poly in parts["hammer"]:
        _fill(canvas, poly, stroke=True)
    for poly in parts["hammer"]:
        _fill(canvas, poly)
    canvas.restoreState()


def _fill(canvas: Canvas, poly: Sequence[Point], stroke: bool = False) -> None:
    path = canvas.beginPath()
    path.moveTo(*poly[0])
    for p in poly[1:]:
        path.lineTo(*p)
    path.close()
    canvas.drawPath(path, stroke=1 if stroke else 0, fill=0 if stroke else 1)


def check_artwork(path: str | Path) -> Path:
    """The user's artwork file, checked: an image reportlab and Pillow can read."""
    p = Path(path)
    if not p.is_file():
        raise LedgerError(f"找不到党徽图片文件 {p}。")
    if p.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        raise LedgerError(f"党徽图片 {p.name} 的格式不支持，请使用 PNG 或 JPG 图片。")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(p) as image:
            image.verify()
    except (UnidentifiedImageError, OSError) as exc:
        raise LedgerError(f"党徽图片 {p.name} 无法读取，文件可能已损坏。") from exc
    return p


def draw_artwork(canvas: Canvas, path: str | Path, x: float, y: float, size: float) -> None:
    """The user's artwork, fitted into the square keeping its proportions, centred."""
    p = check_artwork(path)
    canvas.drawImage(str(p), x, y, size, size, preserveAspectRatio=True, anchor="c",
                     mask="auto")


# ---- SVG for the window -----------------------------------------------------------------------


def svg_text(color: str = GOLD, background: str = RED, with_field: bool = True) -> str:
    """The same emblem as SVG (y flipped to SVG's downward axis)."""

    def points(poly: Sequence[Point]) -> str:
        return " ".join(f"{px:.2f},{100 - py:.2f}" for px, py in poly)

    parts = shapes()
    lines = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" '
             'width="100" height="100">',
             '<title>中国共产党党徽（矢量绘制）</title>']
    if with_field:
        lines.append(f'<rect width="100" height="100" fill="{background}"/>')
    for poly in parts["sickle"]:
        lines.append(f'<polygon points="{points(poly)}" fill="{color}"/>')
    for poly in parts["hammer"]:
        lines.append(f'<polygon points="{points(poly)}" fill="none" stroke="{background}" '
                     f'stroke-width="{_GAP * 2}" stroke-linejoin="round"/>')
    for poly in parts["hammer"]:
        lines.append(f'<polygon points="{points(poly)}" fill="{color}"/>')
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # regenerate the shipped SVG files
    from ledger_app.resources import resource_path

    folder = resource_path("emblem")
    (folder / "party-emblem.svg").write_text(svg_text(), encoding="utf-8")

