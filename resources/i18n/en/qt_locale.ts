<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/qt_locale.py" />
            <source>yyyy年M月d日</source>
            <translation>d MMM yyyy</translation>
        </message>
    </context>
</TS>
