"""Chinese line breaking (禁则, names, numbers with units, bracketed units) and tables that
never cut text: the breaker with the bundled fonts, table layouts, and PDFs read back."""

from __future__ import annotations

import random

import pytest
from pypdf import PdfReader
from test_pdf_sample import member_values

from ledger_app.outputs.pdf.fonts import fonts
from ledger_app.outputs.pdf.linebreak import HEADER, NO_END, NO_START, PLAIN, Breaker, wrap

SIZE = 10.0


@pytest.fixture(scope="module")
def fs():
    return fonts(use_system=False)


def em(n: float) -> float:
    """The width of ``n`` Chinese characters at SIZE (the bundled 宋体 is one em each)."""
    return n * SIZE


def lines(fs, text: str, chars: float, breaker: Breaker = PLAIN, role: str = "serif"):
    return wrap(fs, text, role, SIZE, em(chars) + 0.01, breaker)


def test_names_in_a_list_never_split(fs) -> None:
    # The case: "黄晓/彤", "唐/飞" in a members cell.
    # (Narrower than "欧阳明月、" itself, a name has to be cut: that is the only case.)
    for width in (5, 6, 7, 8, 9):
        got = lines(fs, "黄晓彤、唐飞、欧阳明月、李明", width)
        assert "".join(got) == "黄晓彤、唐飞、欧阳明月、李明"
        for name in ("黄晓彤", "唐飞", "欧阳明月", "李明"):
            assert any(name in line for line in got), (width, got)


def test_roster_names_kept_whole_inside_running_text(fs) -> None:
    breaker = Breaker(["黄晓彤", "唐飞"])
    text = "会议由黄晓彤主持，唐飞记录，全体党员参加。"
    for width in range(3, 12):
        got = lines(fs, text, width, breaker)
        assert "".join(got) == text
        assert any("黄晓彤" in line for line in got), (width, got)
        assert any("唐飞" in line for line in got), (width, got)


def test_no_line_starts_with_closing_or_ends_with_opening_marks(fs) -> None:
    text = ("支部认真学习了《中国共产党章程》，深入讨论（分组进行）。会后，“两学一做”"
            "学习教育继续推进；党员们表示：要学以致用！大家问：如何落实？") * 3
    for width in range(5, 40):      # "《中国共产党章程》，" may break inside, never at its marks
        got = lines(fs, text, width)
        assert "".join(got) == text
        for line in got[1:]:
            assert line[0] not in NO_START, (width, line)
        for line in got[:-1]:
            assert line[-1] not in NO_END, (width, line)


def test_bracketed_unit_and_number_with_unit_stay_whole(fs) -> None:
    assert lines(fs, "计算基数（元）", 4, HEADER) == ["计算基数", "（元）"]
    assert lines(fs, "每人10/月", 3.5) == ["每人", "10/月"]
    assert lines(fs, "10月 实交", 2.5, HEADER) == ["10月", "实交"]
    got = lines(fs, "活动室面积约 80 平方米，可容纳 50 人", 9)
    assert "".join(got).replace(" ", "") == "活动室面积约80平方米，可容纳50人"
    assert any("80 平方米" in line for line in got), got
    assert any("50 人" in line for line in got), got


def test_no_early_break_at_ascii_spaces(fs) -> None:
    # "面积约 80 / 平方米": the first line is filled as far as the rules allow.
    got = lines(fs, "面积约 80 平方米的党员活动室", 10)
    assert got == ["面积约 80 平方米的党", "员活动室"], got


def test_latin_words_numbers_and_ids_never_split(fs) -> None:
    text = "依据 GB/T 9704-2012 排版，身份证号 430102197607023584 已核对，日期 2025-03-15。"
    for width in range(10, 40):
        got = lines(fs, text, width)
        joined = " ".join(got)
        for word in ("GB/T", "9704-2012", "430102197607023584", "2025-03-15。"):
            assert word in joined, (width, got)


def test_a_unit_wider_than_the_line_is_cut_rather_than_overflowing(fs) -> None:
    got = lines(fs, "430102197607023584", 4)
    assert "".join(got) == "430102197607023584"
    widths = fs.char_widths("serif")
    assert all(sum(widths[c] for c in line) * SIZE / 1000 <= em(4) + 0.01 for line in got)


def test_newlines_always_break_and_empty_text_is_one_empty_line(fs) -> None:
    assert lines(fs, "第一段\n第二段", 20) == ["第一段", "第二段"]
    assert lines(fs, "", 5) == [""]


def test_header_breaks_between_words_and_knows_its_narrowest_width(fs) -> None:
    widths = fs.char_widths("sans")
    assert HEADER.narrowest("评议年度", 2, widths) == pytest.approx(2000, abs=1)
    assert HEADER.narrowest("计算基数（元）", 2, widths) == pytest.approx(4000, abs=1)
    assert HEADER.narrowest("序号", 1, widths) == pytest.approx(2000, abs=1)


# ---- tables --------------------------------------------------------------------------


def _grid(fs, cols, rows):
    from ledger_app.outputs.pdf.grid import Column, GridLayout

    layout = GridLayout(fs, [Column(label, width) for label, width in cols])
    layout.add_rows(rows)
    return layout


def _cell_lines(cell):
    from ledger_app.outputs.pdf.grid import _cell_lines as lines_of

    return lines_of(cell)


def test_a_long_cell_grows_and_continues_on_the_next_page_with_its_row_header(fs) -> None:
    long = "本年度能够按时参加组织生活，认真学习党的理论，积极参加志愿服务。" * 60
    layout = _grid(fs, [("序号", 20), ("姓名", 40), ("个人自评", 200)],
                   [["1", "黄晓彤", "短"], ["2", "唐飞", long], ["3", "李明", "短"]])
    pages = layout.paginate(400, 500)
    assert len(pages) >= 3
    printed = "".join("".join(_cell_lines(row[2])) for row in layout.rows)
    assert printed == "短" + long + "短"          # nothing cut, nothing repeated
    continued = [row for row in layout.rows if "".join(_cell_lines(row[1])) == "唐飞"]
    assert len(continued) >= 3                    # the name repeated on each continuation
    for (start, end) in pages:
        assert sum(layout.heights[start:end]) <= 500 - layout.header_height + 0.01


def test_last_page_never_holds_a_single_row(fs) -> None:
    rows = [[str(i), f"党员{i}", "内容"] for i in range(1, 200)]
    layout = _grid(fs, [("序号", 20), ("姓名", 40), ("内容", 200)], rows)
    # Choose the space so that one row alone would fall onto the last page.
    h = layout.heights[0]
    per_page = 40
    space = per_page * h + layout.header_height + 0.5
    total = per_page * 4 + 1
    layout = _grid(fs, [("序号", 20), ("姓名", 40), ("内容", 200)], rows[:total])
    pages = layout.paginate(space, space)
    assert [end - start for start, end in pages][-1] >= 3
    assert sum(end - start for start, end in pages) == total


def test_printed_table_keeps_every_character_and_states_units_once(tmp_path) -> None:
    from ledger_app.outputs.pdf.table import render_table
    from ledger_app.store import Ledger

    ledger = Ledger.create(tmp_path / "t.ledger", {"org_name": "测试支部", "org_type": "党支部"})
    member = ledger.records.insert("roster", {**member_values(1, random.Random(1)),
                                              "name": "黄晓彤"})
    long = ("本年度能够按时参加组织生活，认真学习党的理论，积极参加社区志愿服务，"
            "按时足额交纳党费。不足是学习的系统性还不够，今后要加强。") * 12
    ledger.records.insert("evaluation", {"for_year": 2025, "member": member, "grade": "合格",
                                         "self_assessment": long})
    ledger.records.insert("funds", {"date": "2025-03-01", "item": "购买学习资料",
                                    "direction": "支出", "subject": "报刊资料", "amount": 12345})
    out = tmp_path / "eval.pdf"
    render_table(ledger, "evaluation", out, year=2025)
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert long in text
    assert "…" not in text
    out = tmp_path / "funds.pdf"
    render_table(ledger, "funds", out, year=2025)
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "（元）（元）" not in text
    ledger.close()


def test_table_headers_break_at_their_spaces_then_at_sensible_points(fs) -> None:
    from ledger_app.outputs.pdf.grid import header_lines

    def head(label, chars):
        return header_lines(fs, label, "sans", SIZE, em(chars) + 0.01)

    assert head("10月 实交", 3) == ["10月", "实交"]      # not "10月 实" / "交"
    assert head("1月 实交", 3.5) == ["1月", "实交"]
    assert head("计算基数（元）", 4) == ["计算基数", "（元）"]
    assert head("经办人", 3) == ["经办人"]
