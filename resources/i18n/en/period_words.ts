<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>1月</source>
            <translation>Jan</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>2月</source>
            <translation>Feb</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>3月</source>
            <translation>Mar</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>4月</source>
            <translation>Apr</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>5月</source>
            <translation>May</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>6月</source>
            <translation>Jun</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>7月</source>
            <translation>Jul</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>8月</source>
            <translation>Aug</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>9月</source>
            <translation>Sep</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>10月</source>
            <translation>Oct</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>11月</source>
            <translation>Nov</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>12月</source>
            <translation>Dec</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>第一季度</source>
            <translation>Q1</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>第二季度</source>
            <translation>Q2</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>第三季度</source>
            <translation>Q3</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>第四季度</source>
            <translation>Q4</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>一季</source>
            <translation>Q1</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>二季</source>
            <translation>Q2</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>三季</source>
            <translation>Q3</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>四季</source>
            <translation>Q4</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>{month}{day}日</source>
            <translation>{day} {month}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>{year}年{month}{day}日</source>
            <translation>{day} {month} {year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>{year}年{month}</source>
            <translation>{month} {year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>{year}年</source>
            <translation>{year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>{year}年{quarter}</source>
            <translation>{quarter} {year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>{year}年上半年</source>
            <translation>H1 {year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/period_words.py" />
            <source>{year}年下半年</source>
            <translation>H2 {year}</translation>
        </message>
    </context>
</TS>
