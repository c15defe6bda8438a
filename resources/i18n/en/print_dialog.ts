<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>生成预览</source>
            <translation>Make preview</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>打印…</source>
            <translation>Print...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>保存 PDF…</source>
            <translation>Save PDF...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>打印页码</source>
            <translation>Pages</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>选项已改变，请重新生成预览。</source>
            <translation>The options changed; make the preview again.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>正在生成……</source>
            <translation>Making...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>正在生成 PDF……</source>
            <translation>Making the PDF...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>已取消，没有生成文件。</source>
            <translation>Cancelled; no file was made.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>已生成：共 {pages} 页，{kb} KB。</source>
            <translation>Made {pages} page(s), {kb} KB.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>没有生成。</source>
            <translation>Nothing was made.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>已发送到打印机：{n} 页。</source>
            <translation>Pages sent to the printer: {n}.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>保存 PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>没有保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>无法保存到 {path}：{reason}</source>
            <translation>Cannot save to {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_dialog.py" />
            <source>已保存到 {path}</source>
            <translation>Saved to {path}</translation>
        </message>
    </context>
</TS>
