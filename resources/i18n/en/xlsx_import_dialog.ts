<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>Excel/WPS 表格 (*.xlsx *.xlsm *.xls);;所有文件 (*)</source>
            <translation>Excel/WPS spreadsheets (*.xlsx *.xlsm *.xls);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>（不导入）</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>从 Excel 导入{type}</source>
            <translation>Import {type} from Excel</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>选择要导入的表格（.xlsx，或旧版 .xls）。程序会自动找到表头、对应各列，导入前先显示每一行的处理结果；全部无误才写入，写入后可以撤销。</source>
            <translation>Choose the spreadsheet to import (.xlsx, or the older .xls). The program finds the header and matches the columns, and shows what will happen to every row before importing; nothing is written unless all is well, and an import can be undone.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>选择文件…</source>
            <translation>Choose file...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>下一步：核对</source>
            <translation>Next: review</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>下载空白模板</source>
            <translation>Download blank template</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>撤销上次导入</source>
            <translation>Undo last import</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>文件：</source>
            <translation>File:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>工作表：</source>
            <translation>Sheet:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>选择表格</source>
            <translation>Choose spreadsheet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>正在读取表格…</source>
            <translation>Reading the spreadsheet...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>工作表“{sheet}”，表头在第 {row} 行（两行表头）。</source>
            <translation>Sheet "{sheet}", header on row {row} (two header rows).</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>工作表“{sheet}”，表头在第 {row} 行。</source>
            <translation>Sheet "{sheet}", header on row {row}.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>新增 {new} 条，更新 {update} 条，跳过 {skip} 条，错误 {error} 条。</source>
            <translation>{new} new, {update} to update, {skip} skipped, {error} with errors.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>其中 {n} 行有提示（黄色）：照常导入，把鼠标停在黄色格子上可看原因，留空的项标为“待核实”，导入后可在表格中筛选出来逐条核对。</source>
            <translation> Rows with notes (yellow): {n}. They are imported as usual; hover over a yellow cell to see why. Items left blank are marked "to verify" and can be filtered in the table after import to check one by one.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>有错误的行见红色行的说明；改正表格后重新选择文件，或勾选“只导入无误的行”。</source>
            <translation> For rows with errors see the notes on the red rows; correct the spreadsheet and choose the file again, or tick "Skip rows with errors".</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>正在导入…</source>
            <translation>Importing...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>撤销这次导入</source>
            <translation>Undo this import</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>已导入{type}：新增 {new} 条，更新 {updated} 条</source>
            <translation>Imported {type}: {new} added, {updated} updated</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>，跳过 {n} 条</source>
            <translation>, {n} skipped</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>；有错误的 {n} 行没有导入</source>
            <translation>; rows with errors not imported: {n}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>。</source>
            <translation>.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>上次导入：{summary}</source>
            <translation>Last import: {summary}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>已撤销：{summary}。被导入的记录已移入回收站。</source>
            <translation>Undone: {summary}. The imported records were moved to the recycle bin.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>已撤销：{summary}</source>
            <translation>Undone: {summary}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>保存空白模板</source>
            <translation>Save blank template</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/xlsx_import_dialog.py" />
            <source>空白模板已保存到 {path}</source>
            <translation>Blank template saved to {path}</translation>
        </message>
    </context>
</TS>
