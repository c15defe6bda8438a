<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/window_records.py" />
            <source>已同步更新党员名册</source>
            <translation>The member roster was updated to match</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_records.py" />
            <source>同步党员名册</source>
            <translation>Update the member roster</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_records.py" />
            <source>修改名册</source>
            <translation>Update roster</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_records.py" />
            <source>暂不修改</source>
            <translation>Not now</translation>
        </message>
    </context>
</TS>
