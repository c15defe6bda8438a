"""What every printed product shares: atomic writing, progress, values as printed text
(through ``forms.display``, masked as chosen), and a document with portrait and
landscape pages and page numbers."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.canvas import Canvas

from ledger_app.forms.display import display, shown_text
from ledger_app.forms.model import Field, RecordType
from ledger_app.outputs.durable import atomic_path
from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.fonts import FontSet, fonts
from ledger_app.store.errors import LedgerError, plain_reason

if TYPE_CHECKING:
    from ledger_app.outputs.pdf.linebreak import Breaker
    from ledger_app.store.ledger import Ledger

# progress(done, total, message); it may raise (e.g. the user pressed 取消) to stop the job.
Progress = Callable[[int, int, str], None]

RETENTIONS = ("永久", "30年", "10年")


def no_progress(done: int, total: int, message: str = "") -> None:
    return None


@contextlib.contextmanager
def atomic_output(out_path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``out_path``; rename it into place only on success.

    A failure or a cancel (an exception from the progress callback) leaves no file at all,
    and an existing file of that name stays as it was."""
    out = Path(out_path)
    if out.is_dir():
        raise LedgerError(f"{out} 是一个文件夹，请给出要保存的 PDF 文件名。")
    if not out.parent.is_dir():
        raise LedgerError(f"文件夹 {out.parent} 不存在，无法保存 {out.name}。")
    try:
        with atomic_path(out) as tmp:
            yield tmp
    except OSError as exc:
        raise LedgerError(f"无法写入 {out}：{plain_reason(exc)}。"
                          "请检查文件是否正被其他程序打开，或换一个位置保存。") from exc


@dataclass
class PrintContext:
    """One print job: the ledger, fonts, masking choice and the names of members."""

    ledger: Ledger
    masked: bool = True
    emblem_path: str | None = None
    progress: Progress = no_progress
    fs: FontSet = field(default_factory=fonts)
    # The period's snapshot (rules.snapshot): the day the ledger is shown as it stood
    # (None: as it is now) and the 填报日期 printed on forms.
    as_of: date | None = None
    filled_on: date = field(default_factory=date.today)
    _names: dict[int, str] | None = None
    _breaker: Breaker | None = None
    _prose_breaker: Breaker | None = None

    def __post_init__(self) -> None:
        self.styles = styles.paragraph_styles(self.fs)
        if self.emblem_path is None:
            setting = self.ledger.setting("emblem_path", "") if hasattr(self.ledger, "setting") \
                else ""
            self.emblem_path = str(setting) if setting else None

    @property
    def org_name(self) -> str:
        return self.ledger.org_name

    def emblem_size(self, size: float) -> float:
        """``size`` where covers and labels carry an emblem, else 0: the Party emblem only
        on a Party organisation's ledger (its pack says ``emblem = "party"``); a 工会 or 关工委
        prints its name alone unless the user supplied an emblem file."""
        party = getattr(getattr(self.ledger, "pack", None), "emblem", "party") == "party"
        return size if self.emblem_path or party else 0.0

    def for_period(self, year: int | None, date_to: str | None = None,
                   chosen: str | date | None = None) -> PrintContext:
        """Show the ledger as it stood at the end of the year (or of the period ending
        ``date_to``), dated that day unless ``chosen`` (填报日期) is given."""
        from ledger_app.rules import snapshot

        today = date.today()
        end = snapshot.period_end(year, date_to)
        self.as_of = snapshot.as_of(end, today) if end is not None else None
        self.filled_on = snapshot.filled_on(end, today, parse_filled_on(chosen))
        return self

    @property
    def filled_on_text(self) -> str:
        d = self.filled_on
        return f"{d.year}年{d.month}月{d.day}日"

    def member_names(self) -> dict[int, str]:
        """Every roster id -> name, read once (also members who have left)."""
        if self._names is None:
            self._names = self.ledger.records.member_names()
        return self._names

    @property
    def breaker(self) -> Breaker:
        """The line breaker of this print job's table cells: members' names are never
        split, nor a short run between marks (how names are listed: "黄晓彤、唐飞")."""
        if self._breaker is None:
            from ledger_app.outputs.pdf.linebreak import Breaker

            self._breaker = Breaker(self.member_names().values())
        return self._breaker

    @property
    def prose_breaker(self) -> Breaker:
        """The line breaker of paragraphs: members' names are never split, but running
        text may break inside a short term such as “三会一课” rather than leave a gap."""
        if self._prose_breaker is None:
            from ledger_app.outputs.pdf.linebreak import Breaker

            self._prose_breaker = Breaker(self.member_names().values(), short_runs=False)
        return self._prose_breaker

    def member_name(self, member_id: int | None) -> str:
        if member_id is None:
            return ""
        name = self.member_names().get(int(member_id))
        return name if name is not None else self.ledger.records.member_name(member_id)

    def formatter(self, f: Field) -> Callable[[Any], str]:
        """``text`` for one field, as a function (tables call it for every cell)."""
        # Stored as the text printed, unless masking has something to hide in it.
        as_stored = ("choice", "date", "month") if self.masked else (
            "choice", "date", "month", "text", "longtext")
        if f.type in as_stored and not (f.sensitive and self.masked) and not f.month_precision:
            return lambda value: value if value else ""
        return lambda value: self.text(f, value)

    def text(self, f: Field, value: Any) -> str:
        """A stored value as printed text (names for members, masking as chosen)."""
        return display(f, value, self.masked, self.member_name)

    def shown(self, text: str) -> str:
        """Text that is not a field's value (captions, file names, titles, reasons)."""
        return shown_text(text, self.masked)


def parse_filled_on(value: str | date | None) -> date | None:
    """填报日期 as typed (2025-12-31), or a plain error naming it."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    from ledger_app.forms import values as fv

    parsed = fv.parse_date(str(value))
    if parsed is None:
        raise LedgerError(f"填报日期 {value} 不对，请写成 2025-12-31 这样的格式。")
    return date.fromisoformat(parsed) if isinstance(parsed, str) else parsed


def check_year(year: int | None) -> None:
    if year is not None and not 1921 <= int(year) <= 2200:
        raise LedgerError(f"年度 {year} 不对，请写四位数的年份，如 {date.today().year}。")


def record_type(ledger: Ledger, type_key: str) -> RecordType:
    """The declared record type, or a plain error listing the valid ones."""
    try:
        return ledger.pack.record_type(type_key)
    except KeyError:
        known = "、".join(f"{rt.key}（{rt.label}）" for rt in ledger.pack.record_types)
        raise LedgerError(f"没有名为 {type_key!r} 的记录类型。可用的有：{known}。") from None


def category_label(ledger: Ledger, key: str) -> str:
    try:
        return ledger.pack.category(key).label
    except KeyError:
        known = "、".join(f"{c.key}（{c.label}）" for c in ledger.pack.categories)
        raise LedgerError(f"没有名为 {key!r} 的类别。可用的有：{known}。") from None


def find_category(ledger: Ledger, key_or_label: str) -> str:
    """A category key from its key or its Chinese label (``team`` or ``基本队伍``)."""
    for c in ledger.pack.categories:
        if key_or_label in (c.key, c.label):
            return c.key
    category_label(ledger, key_or_label)  # raises with the list of valid ones
    raise AssertionError


def find_type(ledger: Ledger, key_or_label: str) -> str:
    for rt in ledger.pack.record_types:
        if key_or_label in (rt.key, rt.label):
            return rt.key
    record_type(ledger, key_or_label)
    raise AssertionError


# ---- the document ---------------------------------------------------------------------------


def margins(kind: str) -> dict[str, float]:
    return {"doc": styles.DOC_MARGINS, "form": styles.FORM_MARGINS,
            "landscape": styles.LANDSCAPE_MARGINS}[kind]


def page_frame_size(kind: str) -> tuple[float, float]:
    """Width and height of the text block of a page kind (portrait 'form', 'landscape')."""
    size = styles.LANDSCAPE if kind == "landscape" else styles.PORTRAIT
    m = margins(kind)
    return size[0] - m["left"] - m["right"], size[1] - m["top"] - m["bottom"]


def total_pages_canvas(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class that holds pages back until the end, so each footer knows the total
    ("第 x 页 共 y 页") in one pass."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def page_of_total(fs: FontSet, canvas: Canvas, number: int, total: int,
                  left_note: str = "") -> None:
    """Footer "第 x 页 共 y 页" centred below the frame (and an optional note on the left)."""
    width, _height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(fs.name("serif"), 9)
    canvas.setFillColor(styles.MUTED)
    canvas.drawCentredString(width / 2, 7 * 2.8346, f"第 {number} 页　共 {total} 页")
    if left_note:
        canvas.drawString(20 * 2.8346, 7 * 2.8346, left_note)
    canvas.restoreState()


def dash_page_number(fs: FontSet, canvas: Canvas, number: int) -> None:
    """公文-style page number "— 1 —" (4号) at the foot of the page."""
    width, _height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(fs.name("serif"), styles.SIZE_4 - 2)
    canvas.drawCentredString(width / 2, 6 * 2.8346, f"— {number} —")
    canvas.restoreState()
