<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>打印…</source>
            <translation>Print...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>打印当前表格或当前记录，或保存为 PDF</source>
            <translation>Print the current table or record, or save it as PDF</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>导出 Excel…</source>
            <translation>Export to Excel...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>把当前表格导出为 Excel 文件</source>
            <translation>Export the current table to an Excel file</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>从 Excel 导入…</source>
            <translation>Import from Excel...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>从 Excel 表格批量导入记录</source>
            <translation>Import records in bulk from an Excel sheet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>生成检查档案包…</source>
            <translation>Make an inspection archive...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>把一个年度的台账整理成检查用的档案包</source>
            <translation>Put a year's ledger together as an archive for inspection</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>打开检查档案包…</source>
            <translation>Open an inspection archive...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>查看别人交来的检查档案包</source>
            <translation>View an inspection archive someone handed in</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>检查档案包已保存到 {path}</source>
            <translation>Inspection archive saved to {path}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>打开检查档案包</source>
            <translation>Open inspection archive</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>检查档案包 (*.zip);;所有文件 (*)</source>
            <translation>Inspection archive (*.zip);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>Excel 已保存到 {path}</source>
            <translation>Excel file saved to {path}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/output_actions.py" />
            <source>PDF 已保存到 {path}</source>
            <translation>PDF saved to {path}</translation>
        </message>
    </context>
</TS>
