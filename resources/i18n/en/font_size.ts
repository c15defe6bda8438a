<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/font_size.py" />
            <source>标准</source>
            <translation>Standard</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/font_size.py" />
            <source>大字体</source>
            <translation>Large</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/font_size.py" />
            <source>特大字体</source>
            <translation>Extra large</translation>
        </message>
    </context>
</TS>
