"""The print window with real widgets: generate on the worker, preview the real PDF,
save it, print it to a PDF printer, and a cancelled job leaves no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from test_pdf_sample import fill

pytest.importorskip("PySide6.QtPdf")


@pytest.fixture
def runner(qtbot):
    from ledger_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def filled(ledger):
    fill(ledger, members=8, meetings=2, photos=1)
    return ledger


def make_dialog(qtbot, filled, runner, **kw):
    from ledger_app.ui.print_dialog import PrintDialog

    dialog = PrintDialog(filled, runner, **kw)
    qtbot.addWidget(dialog)
    assert runner.wait_idle(5000)
    return dialog


def generate(dialog, runner) -> None:
    dialog.generate()
    assert runner.wait_idle(30000)


def test_table_preview_save_and_print(qtbot, filled, runner, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, filled, runner, type_key="roster", year=2025)
    dialog.show()
    assert dialog.current.key == "table"
    assert dialog.options()["type_key"] == "roster"
    generate(dialog, runner)
    assert dialog.pdf_path is not None and dialog.pdf_path.is_file()
    assert dialog.preview.page_count >= 1
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    image = dialog.preview.render_page(0, 40)
    assert image.width() > image.height()          # the roster prints landscape
    saved = dialog.save_to(tmp_path / "名册")
    assert saved.name == "名册.pdf"
    assert "党员名册" in PdfReader(saved).pages[0].extract_text()

    from PySide6.QtPrintSupport import QPrinter

    from ledger_app.ui.pdf_preview import print_document

    # The print queue and a print to file name the document, not the temporary preview.
    assert dialog.make_printer().docName() == "测试街道第一社区党支部-2025年党员名册"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert print_document(dialog.preview, printer) == dialog.preview.page_count
    assert len(PdfReader(printed).pages) == dialog.preview.page_count
    dialog.grab().save(str(tmp_path / "dialog.png"))


def test_record_opens_on_the_given_meeting(qtbot, filled, runner) -> None:
    meeting = filled.records.ids("meeting")[0]
    dialog = make_dialog(qtbot, filled, runner, record_id=meeting)
    assert dialog.current.key == "record"
    assert dialog.options()["record_id"] == meeting
    generate(dialog, runner)
    assert dialog.preview.page_count >= 1
    # Changing an option marks the preview stale: nothing to save until regenerated.
    dialog.choice.choose_product("signin")
    assert not dialog.save_button.isEnabled()
    generate(dialog, runner)
    assert "签到表" in PdfReader(dialog.pdf_path).pages[0].extract_text()


def test_cancelled_job_leaves_no_file(qtbot, filled, runner, tmp_path: Path) -> None:
    from ledger_app.ui.tasks import Cancelled

    dialog = make_dialog(qtbot, filled, runner)
    dialog.choice.choose_product("binder")
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "binder.pdf"
    calls = []

    def report(done: int, total: int, message: str = "") -> None:
        calls.append(done)
        if len(calls) > 2:
            raise Cancelled()

    assert dialog.job(dialog.options(), out)(report) is None
    assert not out.exists()
    assert list(folder.iterdir()) == []
    dialog._generated(None)
    assert "取消" in dialog.status.text()


def test_error_is_shown_not_raised(qtbot, filled, runner) -> None:
    from ledger_app.ui.errors import open_error_dialogs

    dialog = make_dialog(qtbot, filled, runner, year=1999)
    dialog.choice.choose_product("record")
    assert runner.wait_idle(5000)
    assert dialog.options()["record_id"] is None
    generate(dialog, runner)
    assert dialog.pdf_path is None
    assert open_error_dialogs()
    for d in open_error_dialogs():
        d.close()


def test_cover_with_the_users_own_emblem(qtbot, filled, runner, tmp_path: Path) -> None:
    from PIL import Image

    art = tmp_path / "党徽.png"
    Image.new("RGB", (300, 300), (255, 215, 0)).save(art)
    dialog = make_dialog(qtbot, filled, runner, year=2025)
    dialog.choice.choose_product("cover")
    assert dialog.choice.emblem_box.isVisibleTo(dialog)
    generate(dialog, runner)
    assert len(PdfReader(dialog.pdf_path).pages[0].images) == 0   # the vector drawing
    dialog.choice.set_emblem(str(art))
    assert dialog.options()["emblem"] == str(art)
    generate(dialog, runner)
    assert len(PdfReader(dialog.pdf_path).pages[0].images) == 1   # the user's artwork


def test_record_pages_for_activities_but_sign_in_sheets_for_meetings(qtbot, filled,
                                                                    runner) -> None:
    activity = filled.records.insert("activity", {
        "kind": "志愿服务", "date": "2025-03-05", "topic": "清理小区卫生死角"})
    dialog = make_dialog(qtbot, filled, runner, record_id=activity)
    assert dialog.current.key == "record"
    items = [dialog.choice.record_box.itemText(i) for i in range(dialog.choice.record_box.count())]
    assert "2025-03-05  党员活动  清理小区卫生死角" in items
    assert dialog.options()["record_id"] == activity
    assert "党员活动记录" in dialog.choice.suggested_name()
    generate(dialog, runner)
    assert "党员活动记录" in PdfReader(dialog.pdf_path).pages[0].extract_text()
    dialog.choice.choose_product("signin")
    assert runner.wait_idle(5000)
    items = [dialog.choice.record_box.itemText(i) for i in range(dialog.choice.record_box.count())]
    assert items and not any("党员活动" in text or "记录 #" in text for text in items)
    assert dialog.options()["record_id"] in filled.records.ids("meeting")


def test_preview_zooms_prints_a_range_and_offers_the_new_choices(qtbot, filled, runner,
                                                                 tmp_path: Path) -> None:
    """Zoom (fit width, whole page, percentages), a page range sent to the printer, the
    自查表 as a product, 填报日期 typed for a table, and the filled sign-in sheet."""
    from PySide6.QtPdfWidgets import QPdfView
    from PySide6.QtPrintSupport import QPrinter

    from ledger_app.ui.pdf_preview import print_document

    dialog = make_dialog(qtbot, filled, runner, type_key="roster", year=2025)
    dialog.show()
    dialog.choice.filled_on.setText("2025-06-30")
    generate(dialog, runner)
    assert "填报日期：2025年6月30日" in PdfReader(dialog.pdf_path).pages[0].extract_text()
    dialog.preview.set_zoom("page")
    assert dialog.preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    dialog.preview.set_zoom(1.5)
    assert dialog.preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.preview.view.zoomFactor() == 1.5
    dialog.grab().save(str(tmp_path / "zoomed.png"))

    # The 自查表 is a choice of its own.
    dialog.choice.choose_product("checklist")
    generate(dialog, runner)
    assert "自查表" in PdfReader(dialog.pdf_path).pages[0].extract_text()

    # A binder for two-sided printing, then pages 2 to 3 of it sent to the printer.
    dialog.choice.choose_product("binder")
    assert dialog.choice.duplex.isVisible() and dialog.choice.filled_on.isVisible()
    dialog.choice.duplex.setChecked(True)
    generate(dialog, runner)
    assert dialog.preview.page_count > 4 and dialog.last_page.value() == dialog.preview.page_count
    dialog.first_page.setValue(2)
    dialog.last_page.setValue(3)
    assert dialog.page_range() == (2, 3)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "range.pdf"
    printer.setOutputFileName(str(printed))
    assert print_document(dialog.preview, printer, *dialog.page_range()) == 2
    assert len(PdfReader(printed).pages) == 2

    # A sign-in sheet is blank unless 按台账记录填好 is ticked.
    dialog.choice.choose_product("signin")
    assert runner.wait_idle(5000)
    assert dialog.choice.filled.isVisible() and not dialog.choice.duplex.isVisible()
    generate(dialog, runner)
    assert "实到＿＿＿＿人" in PdfReader(dialog.pdf_path).pages[0].extract_text()
    dialog.choice.filled.setChecked(True)
    generate(dialog, runner)
    assert "按台账记录的出席情况打印" in PdfReader(dialog.pdf_path).pages[0].extract_text()


def test_a_document_is_offered_and_previewed_with_its_full_text(qtbot, filled, runner):
    plan = filled.records.insert("work_plan", {
        "for_year": 2025, "title": "2025年党支部工作计划", "adopted_date": "2025-01-15",
        "content": "一、加强理论学习。\n二、落实“三会一课”制度。"})
    dialog = make_dialog(qtbot, filled, runner, record_id=plan)
    assert dialog.current.key == "record"
    items = [dialog.choice.record_box.itemText(i) for i in range(dialog.choice.record_box.count())]
    assert any("2025年党支部工作计划" in text for text in items)
    assert "2025年党支部工作计划" in dialog.choice.suggested_name()
    generate(dialog, runner)
    text = "".join(PdfReader(dialog.pdf_path).pages[0].extract_text().split())
    assert "2025年党支部工作计划（2025年1月15日通过）一、加强理论学习。" in text


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_printout_s_name_fits_its_box(qtbot, filled, runner, qapp, language) -> None:
    """The 打印内容 box is as narrow as the options column; each printout's name, once
    chosen, shows whole in it (a name cut off without a mark read as another word)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from ledger_app.ui import i18n

    assert i18n.install_language(qapp, language) == language
    try:
        dialog = make_dialog(qtbot, filled, runner)
        dialog.resize(1100, 760)
        dialog.show()
        box = dialog.choice.product
        cut = []
        for row in range(box.count()):
            box.setCurrentIndex(row)
            qapp.processEvents()
            option = QStyleOptionComboBox()
            box.initStyleOption(option)
            field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                               QStyle.SubControl.SC_ComboBoxEditField, box)
            if box.fontMetrics().horizontalAdvance(box.currentText()) > field.width():
                cut.append(box.currentText())
        assert cut == []
        dialog.close()
    finally:
        i18n.install_language(qapp, i18n.CHINESE)
