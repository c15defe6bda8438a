<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/home_findings.py" />
            <source>严重</source>
            <translation>Serious</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_findings.py" />
            <source>需处理</source>
            <translation>Action needed</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_findings.py" />
            <source>提示</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_findings.py" />
            <source>【{severity}】{why}</source>
            <translation>[{severity}] {why}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_findings.py" />
            <source>按 Enter 或双击：打开相关记录</source>
            <translation>Enter or double-click: open the records concerned</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_findings.py" />
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_findings.py" />
            <source>按 Enter 或双击：新增一条{record_type}</source>
            <translation>Enter or double-click: add a new {record_type}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_findings.py" />
            <source>按规则检查，本年度没有发现问题。</source>
            <translation>Checked against the rules: no problems found this year.</translation>
        </message>
    </context>
</TS>
