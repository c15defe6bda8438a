<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>导出 Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>只导出“{type}”</source>
            <translation>Only "{type}"</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>导出整本台账（每类记录一个工作表）</source>
            <translation>The whole ledger (one sheet per record type)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>只导出 {year} 年度</source>
            <translation>Only the year {year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>全部年度</source>
            <translation>All years</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>隐藏身份证号码、联系电话等敏感信息（给别人看的表格请保持勾选）</source>
            <translation>Hide sensitive data such as ID and phone numbers (keep ticked for workbooks others will see)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>浏览…</source>
            <translation>Browse...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>保存到：</source>
            <translation>Save to:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>导出到</source>
            <translation>Export to</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_dialogs.py" />
            <source>正在导出 Excel…</source>
            <translation>Exporting to Excel...</translation>
        </message>
    </context>
</TS>
