<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>每季度会议已开与应开</source>
            <translation>Meetings held and required per quarter</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>{quarter}：应开 {required} 次，已开 {held} 次</source>
            <translation>{quarter}: {required} required, {held} held</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>每次会议的到会率</source>
            <translation>Attendance rate of each meeting</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>{n} 次会议记了到会情况，平均到会率 {average}；最低 {lowest}（{day} {topic}）</source>
            <translation>Attendance recorded for {n} meetings, {average} on average; lowest {lowest} ({day} {topic})</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>本年度还没有记到会情况的会议</source>
            <translation>No meeting this year has attendance recorded yet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>{day} {topic}：到会率 {rate}</source>
            <translation>{day} {topic}: attendance {rate}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>还没有记到会情况的会议</source>
            <translation>No meetings with attendance recorded yet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>图表</source>
            <translation>Charts</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>每季度会议：已开/应开</source>
            <translation>Meetings per quarter: held/required</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_charts.py" />
            <source>每次会议到会率（实到/应到）</source>
            <translation>Attendance per meeting (present/expected)</translation>
        </message>
    </context>
</TS>
