<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/form_grid.py" />
            <source>待核实：{why}</source>
            <translation>To be verified: {why}</translation>
        </message>
    </context>
</TS>
