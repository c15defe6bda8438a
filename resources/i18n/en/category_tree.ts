<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/category_tree.py" />
            <source>首页（自查）</source>
            <translation>Home (self-check)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/category_tree.py" />
            <source>本年度会议是否按期召开、检查项对照、需要处理的问题（Ctrl+0）</source>
            <translation>This year's meetings held on time, checklists, and problems to deal with (Ctrl+0)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/category_tree.py" />
            <source>{category}（Ctrl+{number}）</source>
            <translation>{category} (Ctrl+{number})</translation>
        </message>
    </context>
</TS>
