<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/app.py" />
            <source>基层台账</source>
            <translation>Grassroots Ledger</translation>
        </message>
    </context>
</TS>
