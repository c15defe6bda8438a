"""Save a reportlab document without holding the whole PDF, or its photos, in memory.

reportlab keeps every embedded JPEG from the moment it is drawn, then builds the whole
file as one bytes object when saving: a binder's memory grows with its photos (about
0.2 MB each). Inside ``streamed(fileobj)``, on this thread only:
- a JPEG drawn from a file keeps just its path and is read back when its object is
  written, then dropped;
- the PDF is written to ``fileobj`` object by object as reportlab formats it, instead of
  being collected and joined at the end.
Nothing else changes: the same objects, offsets and cross-reference table are written.
Outside the block, and on other threads, reportlab behaves as shipped.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import IO, Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

_local = threading.local()


class _JPEGFile:
    """Stands in for a JPEG's bytes until its image object is written."""

    def __init__(self, path: str):
        self.path = path

    def read(self) -> bytes:
        with open(self.path, "rb") as fh:
            return fh.read()


class _StreamingFile(pdfdoc.PDFFile):
    strings: list[Any]      # the base class collects the file's pieces here

    def __init__(self, *args: Any, **kwargs: Any):
        target = getattr(_local, "target", None)
        super().__init__(*args, **kwargs)
        if target is not None:
            # the header is already collected by the base __init__: send it on, then stream
            for chunk in self.strings:
                target.write(chunk)
            self.strings = []
            self.write = target.write
            self._streamed = True

    def format(self, document: Any) -> bytes:
        if getattr(self, "_streamed", False):
            return b""  # everything is written already; SaveToFile writes nothing more
        return super().format(document)


_original_load_jpeg = pdfdoc.PDFImageXObject.loadImageFromJPEG
_original_image_format = pdfdoc.PDFImageXObject.format


def _load_jpeg(self: Any, image_file: Any) -> bool:
    loaded = _original_load_jpeg(self, image_file)
    path = getattr(image_file, "name", None)
    if (loaded and getattr(_local, "target", None) is not None and isinstance(path, str)
            and not rl_config.useA85):
        self.streamContent = _JPEGFile(path)
    return loaded


def _format_image(self: Any, document: Any) -> bytes:
    content = self.streamContent
    if not isinstance(content, _JPEGFile):
        return _original_image_format(self, document)
    self.streamContent = content.read()
    try:
        return _original_image_format(self, document)
    finally:
        self.streamContent = content


pdfdoc.PDFFile = _StreamingFile
pdfdoc.PDFImageXObject.loadImageFromJPEG = _load_jpeg
pdfdoc.PDFImageXObject.format = _format_image


@contextlib.contextmanager
def streamed(fileobj: IO[bytes]) -> Iterator[IO[bytes]]:
    """Pass ``fileobj`` (opened 'wb', at position 0) to the document as its file name and
    build it inside this block."""
    if getattr(_local, "target", None) is not None:
        raise RuntimeError("streamed() does not nest")
    _local.target = fileobj
    try:
        yield fileobj
    finally:
        _local.target = None
