"""Photos at print resolution, made once and kept.

A phone photo of several MB is printed a few centimetres wide; embedding it whole makes
a year's binder too big to e-mail, and decoding it on every print is slow. Each photo
is downscaled once to about 180 dpi at its printed size and saved as a JPEG in the user
cache folder (``<cache>/grassroots-ledger/print-photos/<sha256>_<px>.jpg``). The cache
lives outside the ledger on purpose: it can be thrown away at any time, it works for a
ledger opened read-only, and it never makes the ledger file itself bigger.
"""

from __future__ import annotations

import io
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ledger_app.resources import user_cache_dir
from ledger_app.store.attachments import PRINT_SIZE

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

PRINT_DPI = 180
STEP_PX = 100          # sizes are rounded up to a step so nearby sizes share one file
JPEG_QUALITY = 82


def cache_dir() -> Path:
    return user_cache_dir() / "print-photos"


def target_pixels(width_pt: float, height_pt: float, dpi: int = PRINT_DPI) -> int:
    """Longest side in pixels for a photo printed in a (width, height) box of points."""
    longest_inches = max(width_pt, height_pt) / 72.0
    px = int(math.ceil(longest_inches * dpi / STEP_PX) * STEP_PX)
    return max(px, STEP_PX)


def print_jpeg(ledger: Ledger, sha256: str, max_px: int) -> tuple[Path, int, int]:
    """(JPEG file, width, height) of an attached image at most ``max_px`` on its long side.

    The first call decodes the original once (at reduced scale where JPEG allows) and
    stores the result; later calls only look at the small file. A file, not bytes: given
    a JPEG file name, reportlab copies the JPEG into the PDF as it is, whereas from bytes
    it decodes every photo to raw RGB and keeps all of them until the PDF is saved
    (about 4 MB a photo: a binder with hundreds of photos needed over 1 GB)."""
    # The rendition made when the photo was attached serves every print up to its size:
    # printing then only copies a small JPEG, and never decodes the original again.
    use_rendition = max_px <= PRINT_SIZE
    name = f"{sha256}_r{PRINT_SIZE}.jpg" if use_rendition else f"{sha256}_{max_px}.jpg"
    for folder in (cache_dir(), _fallback_dir()):
        path = folder / name
        if path.is_file():
            size = _jpeg_size(path)
            if size:
                return path, size[0], size[1]
    rendition = ledger.attachments.print_rendition(sha256) if use_rendition else None
    if rendition is not None:
        data = rendition
    else:  # a ledger from before schema 2, or a larger print than the rendition
        original = ledger.attachments.data(sha256)
        if not original:
            # An archive's snapshot keeps only thumbnails: a small photo beats none.
            original = ledger.attachments.thumbnail(sha256) or b""
            name = f"{sha256}_thumb.jpg"
        data, _, _ = _downscale(original, PRINT_SIZE if use_rendition else max_px)
    for folder in (cache_dir(), _fallback_dir()):
        path = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
            tmp.write_bytes(data)
            os.replace(tmp, path)
            size = _jpeg_size(path) or (0, 0)
            return path, size[0], size[1]
        except OSError:
            continue  # no cache folder (read-only profile): fall back to a temporary one
    raise OSError("无法为照片建立打印缓存文件夹")


def _fallback_dir() -> Path:
    import tempfile

    user = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"grassroots-ledger-print-{user}"


def _downscale(original: bytes, max_px: int) -> tuple[bytes, int, int]:
    from PIL import Image, ImageOps

    image: Image.Image      # the opened file, then the turned and shrunk copies
    with Image.open(io.BytesIO(original)) as image:
        if image.format == "JPEG":
            image.draft("RGB", (max_px, max_px))   # let libjpeg decode at 1/2, 1/4, 1/8
        image = ImageOps.exif_transpose(image)
        image.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
        if image.mode not in ("RGB", "L"):
            background = Image.new("RGB", image.size, "white")
            if image.mode in ("RGBA", "LA", "P"):
                image = image.convert("RGBA")
                background.paste(image, mask=image.getchannel("A"))
            else:
                background.paste(image.convert("RGB"))
            image = background
        out = io.BytesIO()
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False)
        return out.getvalue(), image.width, image.height


def _jpeg_size(path: Path) -> tuple[int, int] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:  # reads the header only
            return image.size
    except (UnidentifiedImageError, OSError):
        return None
