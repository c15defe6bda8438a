<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/main_window.py" />
            <source>正在处理…</source>
            <translation>Working...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/main_window.py" />
            <source>基层台账</source>
            <translation>Grassroots Ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/main_window.py" />
            <source>{org} — 基层台账</source>
            <translation>{org} — Grassroots Ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/main_window.py" />
            <source>请先选中一条记录</source>
            <translation>Select a record first</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/main_window.py" />
            <source>已保存；这条记录属于 {year} 年度，已切换到该年度</source>
            <translation>Saved; this record belongs to {year}, so the table now shows that year</translation>
        </message>
    </context>
</TS>
