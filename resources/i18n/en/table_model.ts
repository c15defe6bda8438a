<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/table_model.py" />
            <source>{label}（元）</source>
            <translation>{label} (yuan)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/table_model.py" />
            <source>（已删除 #{id}）</source>
            <translation>(deleted #{id})</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/table_model.py" />
            <source>（此列不能排序）</source>
            <translation> (this column cannot be sorted)</translation>
        </message>
    </context>
</TS>
