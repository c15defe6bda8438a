<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/field_widgets.py" />
            <source>必填</source>
            <translation>Required</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/field_widgets.py" />
            <source>18 位公民身份号码</source>
            <translation>18-digit ID card number</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/field_widgets.py" />
            <source>手机或座机号码</source>
            <translation>Mobile or landline number</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/field_widgets.py" />
            <source>如 2025-03-15</source>
            <translation>e.g. 2025-03-15</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/field_widgets.py" />
            <source>2025-03-15 或 2025-03</source>
            <translation>2025-03-15 or 2025-03</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/field_widgets.py" />
            <source>日历</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/field_widgets.py" />
            <source>从日历中选择日期</source>
            <translation>Pick a date from the calendar</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/field_widgets.py" />
            <source>如 2025-03</source>
            <translation>e.g. 2025-03</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/field_widgets.py" />
            <source>元</source>
            <translation>yuan</translation>
        </message>
    </context>
</TS>
