"""Meeting photos the program draws itself (no downloads): a room seen from the back.

A red banner carries the meeting's title in Chinese, rows of simple seated figures face a
speaker's table, and a camera-style date stamp sits in the corner. Drawing the room is the
slow part, so each (banner, layout) is drawn once and only the stamp differs per photo.
"""

from __future__ import annotations

import io
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from ledger_app.resources import resource_path

WIDTH, HEIGHT = 1600, 1200   # the scene is drawn at this size ...
# ... and stored at this one: a phone photo as sent through WeChat is about this size, and
# every photo a new demo holds is decoded again for its thumbnail and print rendition when
# attached: at 1600×1200 the photos were most of the time `ledger-app --demo` kept a
# newcomer waiting (issue 15). Prints use a 700 px rendition either way.
PHOTO_WIDTH, PHOTO_HEIGHT = 1024, 768

_WALL = ((236, 228, 214), (229, 233, 226), (238, 232, 222))
_FLOOR = ((176, 150, 120), (160, 140, 118), (190, 170, 140))
_CLOTHES = ((40, 48, 70), (70, 70, 78), (30, 60, 110), (120, 30, 36), (235, 235, 235),
            (90, 110, 90), (60, 40, 35), (25, 25, 30), (150, 150, 160))
_HAIR = ((20, 20, 22), (35, 30, 28), (60, 55, 50), (140, 140, 140), (200, 200, 200))


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), size, index=0)


def _fit_font(text: str, max_width: int, start: int) -> ImageFont.FreeTypeFont:
    size = start
    while size > 24:
        font = _font(size)
        if font.getlength(text) <= max_width:
            return font
        size -= 4
    return _font(size)


def _figure(draw: ImageDraw.ImageDraw, x: int, y: int, scale: float, rng: random.Random) -> None:
    """One seated person seen from behind: shoulders, neck, head with hair."""
    w = int(110 * scale)
    h = int(90 * scale)
    body = rng.choice(_CLOTHES)
    draw.rounded_rectangle((x - w // 2, y, x + w // 2, y + h), radius=int(34 * scale), fill=body)
    head = int(30 * scale)
    cy = y - int(18 * scale)
    draw.ellipse((x - head, cy - head, x + head, cy + head), fill=(222, 188, 160))
    hair = rng.choice(_HAIR)
    draw.chord((x - head - 2, cy - head - 4, x + head + 2, cy + head + 2), 180, 360, fill=hair)
    draw.rectangle((x - head, cy - 4, x + head, cy + int(head * 0.55)), fill=hair)


def _chair(draw: ImageDraw.ImageDraw, x: int, y: int, scale: float) -> None:
    w, h = int(70 * scale), int(60 * scale)
    draw.rectangle((x - w // 2, y - h, x + w // 2, y + h // 3), fill=(120, 60, 40))
    draw.rectangle((x - w // 2 + 6, y - h + 6, x + w // 2 - 6, y - h // 3), fill=(150, 80, 55))


def _room(banner: str, variant: int, people: bool = True) -> Image.Image:
    rng = random.Random(f"{banner}|{variant}")
    image = Image.new("RGB", (WIDTH, HEIGHT), _WALL[variant % len(_WALL)])
    draw = ImageDraw.Draw(image)
    horizon = 640
    draw.rectangle((0, horizon, WIDTH, HEIGHT), fill=_FLOOR[variant % len(_FLOOR)])
    # Side walls in perspective give the room some depth.
    draw.polygon([(0, 0), (170, 90), (170, horizon - 30), (0, horizon + 80)], fill=(214, 206, 190))
    draw.polygon([(WIDTH, 0), (WIDTH - 170, 90), (WIDTH - 170, horizon - 30),
                  (WIDTH, horizon + 80)], fill=(214, 206, 190))
    # The banner: white characters on red, as every meeting-room banner is.
    draw.rectangle((220, 110, WIDTH - 220, 250), fill=(196, 18, 24))
    draw.rectangle((220, 110, WIDTH - 220, 118), fill=(230, 180, 60))
    draw.rectangle((220, 242, WIDTH - 220, 250), fill=(230, 180, 60))
    font = _fit_font(banner, WIDTH - 520, 76)
    text_w = font.getlength(banner)
    draw.text(((WIDTH - text_w) / 2, 180), banner, font=font, fill=(255, 236, 120), anchor="lm")
    # A screen or notice board below the banner, and the speaker's table.
    if variant % 2 == 0:
        draw.rectangle((560, 290, 1040, 560), fill=(40, 60, 110))
        draw.rectangle((580, 310, 1020, 540), fill=(210, 60, 50))
        small = _font(40)
        draw.text((800, 395), "不忘初心", font=small, fill=(255, 240, 200), anchor="mm")
        draw.text((800, 455), "牢记使命", font=small, fill=(255, 240, 200), anchor="mm")
    else:
        draw.rectangle((500, 300, 1100, 560), fill=(245, 245, 240), outline=(150, 120, 90), width=8)
        for row in range(5):
            draw.rectangle((540, 330 + row * 44, 1060 - rng.randrange(0, 200), 348 + row * 44),
                           fill=(120, 120, 130))
    draw.rectangle((480, 600, 1120, 690), fill=(150, 30, 30))
    draw.rectangle((480, 600, 1120, 612), fill=(120, 20, 20))
    for x in (650, 950):
        if people:
            _figure(draw, x, 545, 0.8, rng)
    # Rows of members, smaller towards the front table, larger near the camera.
    for row in range(3):
        scale = 1.0 + row * 0.45
        y = 760 + row * 170
        count = 6 - row
        spacing = (WIDTH - 200) // count
        draw.rectangle((60, y + int(70 * scale), WIDTH - 60, y + int(86 * scale)),
                       fill=(120, 90, 60))
        for i in range(count):
            if people and rng.random() < 0.12:
                continue  # an empty seat
            x = 100 + spacing // 2 + i * spacing + rng.randrange(-20, 20)
            if people:
                _figure(draw, x, y, scale, rng)
            else:
                _chair(draw, x, y + int(40 * scale), scale)
    return image


@lru_cache(maxsize=32)
def _room_cached(banner: str, variant: int, people: bool) -> Image.Image:
    return _room(banner, variant, people).resize((PHOTO_WIDTH, PHOTO_HEIGHT),
                                                 Image.Resampling.LANCZOS)


def meeting_photo(banner: str, stamp: str, variant: int = 0, quality: int = 82,
                  people: bool = True) -> bytes:
    """A 1024×768 JPEG of a meeting under ``banner``, stamped like a camera (``stamp``);
    without ``people``, the empty room (for the 活动室 records)."""
    image = _room_cached(banner, variant % 4, people).copy()
    draw = ImageDraw.Draw(image)
    font = _font(28)
    draw.text((PHOTO_WIDTH - 26, PHOTO_HEIGHT - 26), stamp, font=font, fill=(255, 140, 30),
              anchor="rd",
              stroke_width=2, stroke_fill=(90, 40, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=False)
    return out.getvalue()


def document_scan(title: str, name: str, day: str) -> bytes:
    """A 560×792 JPEG of a handwritten-looking paper (入党申请书, 入党志愿书 …) as a phone
    scan of it looks: the title, ``name``'s salutation and ruled lines, signed and dated
    ``day`` (a 发展党员登记's 入党材料)."""
    image = Image.new("RGB", (700, 990), (250, 249, 244))
    draw = ImageDraw.Draw(image)
    draw.text((350, 90), title, font=_font(40), fill=(20, 20, 20), anchor="mm")
    draw.text((70, 170), "敬爱的党组织：", font=_font(24), fill=(30, 30, 60))
    rng = random.Random(f"{title}{name}{day}")
    for n, y in enumerate(range(220, 800, 40)):
        draw.line((70, y + 28, 630, y + 28), fill=(205, 205, 215), width=1)
        end = 630 if n % 5 != 4 else rng.randint(250, 560)
        x = 70 + (48 if n % 5 == 0 else 0)
        while x < end - 20:
            width = rng.randint(14, 22)
            draw.line((x, y + 18 + rng.randint(-2, 2), x + width, y + 14 + rng.randint(-2, 2)),
                      fill=(40, 45, 90), width=2)
            x += width + rng.randint(4, 9)
    draw.text((630, 850), f"申请人：{name}", font=_font(24), fill=(30, 30, 60), anchor="rm")
    draw.text((630, 895), day, font=_font(24), fill=(30, 30, 60), anchor="rm")
    out = io.BytesIO()
    image.resize((560, 792), Image.Resampling.BILINEAR).save(out, "JPEG", quality=60)
    return out.getvalue()
