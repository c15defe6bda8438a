<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/pdf_preview.py" />
            <source>适合宽度</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/pdf_preview.py" />
            <source>整页</source>
            <translation>Whole page</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/pdf_preview.py" />
            <source>选择要打印的内容，然后点“生成预览”。</source>
            <translation>Choose what to print, then click "Make preview".</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/pdf_preview.py" />
            <source>本机缺少 Qt 的 PDF 组件（PySide6-Pdf），无法在程序内预览和打印；仍可保存 PDF 后用其他软件打开。</source>
            <translation>Qt's PDF module (PySide6-Pdf) is missing on this computer, so the program cannot preview or print; you can still save the PDF and open it in another program.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/pdf_preview.py" />
            <source>缩放</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/pdf_preview.py" />
            <source>无法显示生成的 PDF（{error}）。</source>
            <translation>The PDF made cannot be shown ({error}).</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/pdf_preview.py" />
            <source>打印机无法开始打印。</source>
            <translation>The printer could not start printing.</translation>
        </message>
    </context>
</TS>
