<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/pick_widgets.py" />
            <source>{value}（不在可选项中）</source>
            <translation>{value} (not among the choices)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/pick_widgets.py" />
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/pick_widgets.py" />
            <source>选择{field}</source>
            <translation>Choose {field}</translation>
        </message>
    </context>
</TS>
