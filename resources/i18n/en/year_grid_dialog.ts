<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/year_grid_dialog.py" />
            <source>没有完成：{reason}</source>
            <translation>Not done: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/year_grid_dialog.py" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
</TS>
