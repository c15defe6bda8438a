<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/help_window.py" />
            <source>基层台账 使用说明</source>
            <translation>Grassroots Ledger guide</translation>
        </message>
    </context>
</TS>
