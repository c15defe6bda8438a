<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/form_dues.py" />
            <source>{why}；基数为本表填写</source>
            <translation>{why}; base as typed in this form</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/form_dues.py" />
            <source>按规则这个月不应交：{why}</source>
            <translation>Nothing due this month by the rules: {why}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/form_dues.py" />
            <source>按规则应交（无法计算）：{why}</source>
            <translation>Due by the rules (cannot be calculated): {why}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/form_dues.py" />
            <source>按规则应交 {amount} 元：{why}</source>
            <translation>By the rules, {amount} yuan is due: {why}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/form_dues.py" />
            <source>应交金额与按规则算出的 {amount} 元不同，手工调整须在备注中写明原因（如经批准减免）</source>
            <translation>The amount due differs from the {amount} yuan the rules give; a manual change needs its reason in the note (e.g. an approved reduction)</translation>
        </message>
    </context>
</TS>
