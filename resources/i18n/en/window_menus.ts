<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>界面语言</source>
            <translation>Interface language</translation>
        </message>
    </context>
</TS>
