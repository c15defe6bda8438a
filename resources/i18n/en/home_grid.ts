<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>已开</source>
            <translation>held</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>未开（已过期）</source>
            <translation>not held (period over)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>本期尚未召开</source>
            <translation>not yet held this period</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>未到期</source>
            <translation>not yet due</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>不需召开</source>
            <translation>not required</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>缺</source>
            <translation>✗</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>缺 {held}/{required}</source>
            <translation>✗ {held}/{required}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>待</source>
            <translation>due</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>待 {held}/{required}</source>
            <translation>due {held}/{required}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>{held}/{required} 缺 {missing}</source>
            <translation>{held}/{required} ✗{missing}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>{held}/{required} 待</source>
            <translation>{held}/{required} due</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>{period} {meeting}：{state}</source>
            <translation>{period} {meeting}: {state}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>应开 {required} 次，已开 {held} 次</source>
            <translation>{required} required, {held} held</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>……共 {n} 条</source>
            <translation>... {n} in all</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>按 Enter 或单击：查看已开的会议，或新增一条记录</source>
            <translation>Enter or click: see the meetings held, or add a record</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>✓ 已开</source>
            <translation>✓ held</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>缺 已过期未开</source>
            <translation>✗ missed (period over)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>待 本期尚未召开</source>
            <translation>due: not yet held this period</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>— 不需召开</source>
            <translation>— not required</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>{meeting}全年：已开/应开，缺：已过期未开的期数</source>
            <translation>{meeting}, whole year: held/required; ✗: periods over without a meeting</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>{meeting}全年：已开/应开</source>
            <translation>{meeting}, whole year: held/required</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_grid.py" />
            <source>全年</source>
            <translation>Year</translation>
        </message>
    </context>
</TS>
