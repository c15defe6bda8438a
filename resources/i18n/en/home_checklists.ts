<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>达标但缺佐证</source>
            <translation>Met without evidence</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>未达标</source>
            <translation>Not met</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>未检查</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>检查项对照</source>
            <translation>Checklists</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>&lt;b&gt;{checklist}&lt;/b&gt;（{n} 项）&lt;br&gt;&lt;span style='color:#444'&gt;{counts}&lt;/span&gt;</source>
            <translation>&lt;b&gt;{checklist}&lt;/b&gt; ({n} items)&lt;br&gt;&lt;span style='color:#444'&gt;{counts}&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>，</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>查看对照表</source>
            <translation>Open checklist</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>{checklist}逐项对照：要求、是否达标、情况说明、佐证照片</source>
            <translation>{checklist} item by item: requirement, met or not, notes, evidence photos</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>{item}：{state}</source>
            <translation>{item}: {state}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_checklists.py" />
            <source>本台账类型没有检查项。</source>
            <translation>This ledger type has no checklists.</translation>
        </message>
    </context>
</TS>
