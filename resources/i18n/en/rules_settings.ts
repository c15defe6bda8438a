<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>每月</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>每季度</source>
            <translation>Quarterly</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>每半年</source>
            <translation>Half-yearly</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>每年</source>
            <translation>Yearly</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>{period} {n} 次</source>
            <translation>{period}, {n}×</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>{meeting}的周期</source>
            <translation>Period of {meeting}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source> 次</source>
            <translation>×</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>{meeting}每期次数</source>
            <translation>Times per period of {meeting}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>默认：{rule}</source>
            <translation>Default: {rule}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>检查规则（本地做法）</source>
            <translation>Check rules (local practice)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>各地对下面这些会议的次数要求不同，可按本地要求修改；其余会议按{basis}规定检查。</source>
            <translation>How often these meetings are required differs by place; change them to the local rule. Other meetings are checked against {basis}.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source> 个月</source>
            <translation> months</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>换届提前提醒月数</source>
            <translation>Months of warning before a term ends</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>换届提前提醒</source>
            <translation>Warn before term ends</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>默认：提前 {n} 个月</source>
            <translation>Default: {n} months ahead</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>如 2025-01-01</source>
            <translation>e.g. 2025-01-01</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>电子台账启用日期</source>
            <translation>Electronic ledger began</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>留空：从第一次会议记录的月份算起；之前的期间按纸质台账，不检查</source>
            <translation>Empty: from the month of the first meeting record; earlier periods were kept on paper and are not checked</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>{step}有效期</source>
            <translation>{step} valid for</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>默认：{n} 个月</source>
            <translation>Default: {n} months</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/rules_settings.py" />
            <source>电子台账启用日期“{value}”不是有效日期，请写成 2025-01-01。</source>
            <translation>Electronic ledger start "{value}" is not a valid date; write it as 2025-01-01.</translation>
        </message>
    </context>
</TS>
