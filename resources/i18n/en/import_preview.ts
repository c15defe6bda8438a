<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>新增</source>
            <translation>New</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>更新</source>
            <translation>Update</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>跳过</source>
            <translation>Skip</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>错误</source>
            <translation>Error</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>行号</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>第{n}列</source>
            <translation>Column {n}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>{status}（有提示）</source>
            <translation>{status} (with notes)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>表格中的列</source>
            <translation>Spreadsheet column</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>导入到</source>
            <translation>Import into</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>列的对应（改动后会记住）：</source>
            <translation>Column mapping (changes are remembered):</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>有错误的行不导入，只导入无误的行</source>
            <translation>Skip rows with errors; import only correct rows</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>已有的全部更新</source>
            <translation>Update all existing</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>已有的全部跳过</source>
            <translation>Skip all existing</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>上一步</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/import_preview.py" />
            <source>导入</source>
            <translation>Import</translation>
        </message>
    </context>
</TS>
