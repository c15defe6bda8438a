"""The Party emblem (党徽): hammer and sickle, gold on red, as a vector drawing.

The geometry is the official construction (制法说明 issued with 《中国共产党党旗党徽制作和
使用的若干规定》, restated as coordinates in shared/domain/EMBLEM.md): a 32 x 32 grid whose
lines are numbered 1..33, x to the right and y **downward**. Every point below is in those
grid numbers; the points the construction leaves to ruler and compass (L, Q, S, U, W and
where the sickle handle meets the blade) are computed here as line-circle intersections,
never measured by eye.

One geometry drives the PDF drawing (reportlab path operations) and the SVG file shipped
in ``resources/emblem/`` (whose viewBox is the grid itself, since SVG's y also points
down). The emblem is one flat shape: its four parts are closed subpaths of one path, all
wound the same way and filled with the nonzero rule, so where they overlap (the hammer
handle across the blade, the sickle handle into the blade) they merge with no seam, gap
or sliver. It is only ever scaled uniformly inside a square, never stretched, and nothing
is drawn over it (《中国共产党党徽党旗条例》; RULES.md §8). A user holding the official
artwork can point ``--emblem FILE`` or the ledger setting ``emblem_path`` at a PNG or JPG
instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas

from ledger_app.store.errors import LedgerError

GOLD = "#FFD700"
RED = "#C8102E"
Point = tuple[float, float]

GRID_FIRST, GRID_LAST = 1.0, 33.0          # grid line numbers at the square's edges
GRID_SPAN = GRID_LAST - GRID_FIRST         # 32 cells

# The two diagonals' directions (y downward): AC falls to the right, BD rises to the right.
AC: Point = (1.0, 1.0)
BD: Point = (1.0, -1.0)


# ---- the construction's points ----------------------------------------------------------------

@dataclass(frozen=True)
class Arc:
    """A circular arc from angle ``start`` to ``end`` (radians, y downward, so a growing
    angle turns clockwise on the page)."""
    centre: Point
    radius: float
    start: float
    end: float

    def at(self, angle: float) -> Point:
        return (self.centre[0] + self.radius * math.cos(angle),
                self.centre[1] + self.radius * math.sin(angle))


def _dist(p: Point, q: Point) -> float:
    return math.hypot(q[0] - p[0], q[1] - p[1])


def _angle(centre: Point, p: Point) -> float:
    return math.atan2(p[1] - centre[1], p[0] - centre[0])


def _line_meets_circle(origin: Point, direction: Point, centre: Point,
                       radius: float) -> tuple[float, float]:
    """Parameters t (origin + t * direction) where the line crosses the circle, smaller
    first."""
    dx, dy = direction
    ox, oy = origin[0] - centre[0], origin[1] - centre[1]
    a = dx * dx + dy * dy
    b = 2 * (ox * dx + oy * dy)
    c = ox * ox + oy * oy - radius * radius
    disc = b * b - 4 * a * c
    if disc < 0:
        raise ValueError("line misses circle")   # a construction error, not user input
    root = math.sqrt(disc)
    return ((-b - root) / (2 * a), (-b + root) / (2 * a))


def _first_hit(origin: Point, direction: Point, centre: Point, radius: float) -> Point:
    """Going from ``origin`` along ``direction``, the first point on the circle."""
    t = min(t for t in _line_meets_circle(origin, direction, centre, radius) if t >= 0)
    return (origin[0] + t * direction[0], origin[1] + t * direction[1])


def _lines_meet(p: Point, u: Point, q: Point, v: Point) -> Point:
    """Where the line through p along u crosses the line through q along v."""
    cross = u[0] * v[1] - u[1] * v[0]
    t = ((q[0] - p[0]) * v[1] - (q[1] - p[1]) * v[0]) / cross
    return (p[0] + t * u[0], p[1] + t * u[1])


@dataclass(frozen=True)
class Construction:
    """The named points and circles of 制法说明, in grid numbers (y downward)."""
    points: dict[str, Point]
    radii: dict[str, float]


@lru_cache(maxsize=1)
def construction() -> Construction:
    p: dict[str, Point] = {
        "E": (29, 33), "F": (33, 29), "G": (8.5, 18.5), "H": (19.5, 7.5),
        "I": (4, 14), "J": (17, 5), "K": (13.5, 1), "M": (17, 17), "N": (17, 1),
        "O": (17, 33), "P": (17, 15), "R": (11, 16.5), "T": (16.5, 16.5), "V": (16.5, 11),
        "X": (3.5, 30.5), "Y": (6, 30), "Z": (4, 28),
    }
    r: dict[str, float] = {"X": 2.5}
    hg = (p["G"][0] - p["H"][0], p["G"][1] - p["H"][1])     # from H through G, onward
    # Hammer head: the arc about K through J meets the line from I parallel to BD at L
    # (the crossing nearer I; the other lies above the square).
    r["K"] = _dist(p["K"], p["J"])
    p["L"] = _first_hit(p["I"], BD, p["K"], r["K"])
    # Sickle blade, outer edge: about M through N and (33, 17) to O, then about P from O
    # to where the extension of HG beyond G meets it (Q).
    r["M"] = _dist(p["M"], p["N"])
    r["P"] = _dist(p["P"], p["O"])
    p["Q"] = _first_hit(p["G"], hg, p["P"], r["P"])
    # Inner edge: about R from N to the horizontal through R (S, right of R); about T
    # from S to the vertical through T (U, below T); about V from U to HG beyond G (W).
    r["R"] = _dist(p["R"], p["N"])
    p["S"] = _first_hit(p["R"], (1, 0), p["R"], r["R"])
    r["T"] = _dist(p["T"], p["S"])
    p["U"] = _first_hit(p["T"], (0, 1), p["T"], r["T"])
    r["V"] = _dist(p["V"], p["U"])
    p["W"] = _first_hit(p["G"], hg, p["V"], r["V"])
    # Hammer handle: the sides through E and F parallel to AC end on the head's edge GH.
    p["E'"] = _lines_meet(p["E"], AC, p["G"], hg)
    p["F'"] = _lines_meet(p["F"], AC, p["G"], hg)
    # Sickle handle: the sides through Y and Z parallel to BD run up to the blade's outer
    # edge (circle P) and down to the round end (circle X), which Y and Z lie just outside.
    p["Y'"] = _first_hit(p["Y"], BD, p["P"], r["P"])
    p["Z'"] = _first_hit(p["Z"], BD, p["P"], r["P"])
    down_left = (-BD[0], -BD[1])
    p["Yx"] = _first_hit(p["Y"], down_left, p["X"], r["X"])
    p["Zx"] = _first_hit(p["Z"], down_left, p["X"], r["X"])
    return Construction(p, r)


# ---- the four parts as outlines ---------------------------------------------------------------

Segment = Point | Arc      # a point: a straight line to it; an arc: along it


def _arc(c: Construction, centre: str, start: Point, end: Point, turn: int) -> Arc:
    """The arc about ``centre`` from ``start`` to ``end``, turning clockwise on the page
    (turn=+1) or anticlockwise (-1)."""
    o = c.points[centre]
    a0, a1 = _angle(o, start), _angle(o, end)
    if turn > 0:
        while a1 <= a0:
            a1 += 2 * math.pi
    else:
        while a1 >= a0:
            a1 -= 2 * math.pi
    return Arc(o, c.radii[centre], a0, a1)


@lru_cache(maxsize=1)
def parts() -> dict[str, tuple[Point, tuple[Segment, ...]]]:
    """Each part as (start, segments): one closed outline, all four wound clockwise on
    the page so the nonzero fill merges them."""
    c = construction()
    p = c.points
    # The head: I up to L, the concave arc L→J through the bottom of circle K (so the top
    # edge dips into the head), then J–H, H–G, G–I.
    head = (p["I"], (p["L"], _arc(c, "K", p["L"], p["J"], -1), p["H"], p["G"], p["I"]))
    handle = (p["E'"], (p["F'"], p["F"], p["E"], p["E'"]))
    blade = (p["N"], (
        _arc(c, "M", p["N"], p["O"], +1),       # round the right side, through (33, 17)
        _arc(c, "P", p["O"], p["Q"], +1),       # on along the bottom, up to Q
        p["W"],                                  # the cut along HG
        _arc(c, "V", p["W"], p["U"], -1),
        _arc(c, "T", p["U"], p["S"], -1),
        _arc(c, "R", p["S"], p["N"], -1),
    ))
    # The sickle handle's top is closed with the chord Y'–Z', which lies inside the blade
    # (the blade's outer edge bulges outward there): the overlap leaves no hairline gap.
    sickle_handle = (p["Zx"], (p["Z'"], p["Y'"], p["Yx"],
                               _arc(c, "X", p["Yx"], p["Zx"], +1)))
    return {"hammer head": head, "hammer handle": handle, "sickle blade": blade,
            "sickle handle": sickle_handle}


# ---- outlines as path commands (one source for PDF and SVG) -----------------------------------

Command = tuple[str, tuple[float, ...]]     # ("M"|"L"|"C", coordinates) or ("Z", ())


def _arc_curves(arc: Arc) -> list[tuple[float, ...]]:
    """Cubic Béziers for the arc, one per quarter turn or less (error under 0.03 % of the
    radius, far below a printer dot)."""
    sweep = arc.end - arc.start
    n = max(1, math.ceil(abs(sweep) / (math.pi / 2) - 1e-9))
    step = sweep / n
    k = 4 / 3 * math.tan(step / 4) * arc.radius
    curves: list[tuple[float, ...]] = []
    for i in range(n):
        a0, a1 = arc.start + i * step, arc.start + (i + 1) * step
        p0, p1 = arc.at(a0), arc.at(a1)
        c1 = (p0[0] - k * math.sin(a0), p0[1] + k * math.cos(a0))
        c2 = (p1[0] + k * math.sin(a1), p1[1] - k * math.cos(a1))
        curves.append((*c1, *c2, *p1))
    return curves


@lru_cache(maxsize=1)
def outlines() -> dict[str, tuple[Command, ...]]:
    """Each part's closed outline as move/line/curve commands in grid numbers."""
    result: dict[str, tuple[Command, ...]] = {}
    for name, (start, segments) in parts().items():
        commands: list[Command] = [("M", start)]
        for seg in segments:
            if isinstance(seg, Arc):
                commands.extend(("C", curve) for curve in _arc_curves(seg))
            else:
                commands.append(("L", seg))
        commands.append(("Z", ()))
        result[name] = tuple(commands)
    return result


# ---- drawing ----------------------------------------------------------------------------------


def draw_emblem(canvas: Canvas, x: float, y: float, size: float, *,
                color: str = GOLD, background: str = RED, with_field: bool = False,
                artwork: str | None = None) -> None:
    """Draw the emblem into the square (x, y, size) without distortion.

    ``with_field`` paints the ``background`` square first (the emblem on its red field);
    otherwise it is drawn on whatever is behind. ``artwork`` (a PNG/JPG path) replaces the
    drawing, kept in proportion and centred."""
    if artwork:
        draw_artwork(canvas, artwork, x, y, size)
        return
    canvas.saveState()
    if with_field:
        canvas.setFillColor(colors.HexColor(background))
        canvas.rect(x, y, size, size, stroke=0, fill=1)
    # The one conversion from the construction's grid (lines 1..33, y downward) to the
    # page (points, y upward): grid line 1 at the square's left and top edges.
    s = size / GRID_SPAN
    canvas.transform(s, 0, 0, -s, x - GRID_FIRST * s, y + size + GRID_FIRST * s)
    canvas.setFillColor(colors.HexColor(color))
    path = canvas.beginPath()
    for commands in outlines().values():
        for op, xy in commands:
            if op == "M":
                path.moveTo(*xy)
            elif op == "L":
                path.lineTo(*xy)
            elif op == "C":
                path.curveTo(*xy)
            else:
                path.close()
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
    canvas.restoreState()


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


def _number(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".")


def svg_path_data() -> str:
    """The four outlines as one SVG path ``d``, in grid numbers (SVG's y points down too)."""
    subpaths = []
    for commands in outlines().values():
        words = []
        for op, xy in commands:
            pairs = [f"{_number(xy[i])},{_number(xy[i + 1])}" for i in range(0, len(xy), 2)]
            words.append(" ".join([op, *pairs]))
        subpaths.append(" ".join(words))
    return " ".join(subpaths)


def svg_text(color: str = GOLD, background: str = RED, with_field: bool = True) -> str:
    """The same emblem as SVG; its viewBox is the construction's grid, lines 1..33."""
    box = f"{_number(GRID_FIRST)} {_number(GRID_FIRST)} {_number(GRID_SPAN)} {_number(GRID_SPAN)}"
    lines = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}" '
             'width="100" height="100">',
             '<title>中国共产党党徽（按制法说明绘制）</title>']
    if with_field:
        lines.append(f'<rect x="{_number(GRID_FIRST)}" y="{_number(GRID_FIRST)}" '
                     f'width="{_number(GRID_SPAN)}" height="{_number(GRID_SPAN)}" '
                     f'fill="{background}"/>')
    lines.append(f'<path fill="{color}" fill-rule="nonzero" d="{svg_path_data()}"/>')
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # regenerate the shipped SVG file
    from ledger_app.resources import resource_path

    folder = resource_path("emblem")
    (folder / "party-emblem.svg").write_text(svg_text(), encoding="utf-8")
