<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>组织名称</source>
            <translation>Organisation name</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>组织类型</source>
            <translation>Organisation type</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>上级党组织</source>
            <translation>Higher Party organisation</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>书记</source>
            <translation>Secretary</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>本届任期开始</source>
            <translation>Current term began</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>任期（年）</source>
            <translation>Term (years)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>党小组</source>
            <translation>Party groups</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>党费取整</source>
            <translation>Dues rounding</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>到分</source>
            <translation>To the fen</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>到角</source>
            <translation>To the jiao</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>到元</source>
            <translation>To the yuan</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>如 2024-01-01</source>
            <translation>e.g. 2024-01-01</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source> 年</source>
            <translation> years</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>如：某某街道{kind}</source>
            <translation>e.g. the subdistrict's {kind}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>如：某某区{kind}</source>
            <translation>e.g. the district's {kind}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>如：某某街道某某社区党支部</source>
            <translation>e.g. the Party branch of a neighbourhood community</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>如：某某街道党工委</source>
            <translation>e.g. the Party working committee of the subdistrict</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>每行一个{groups}的名称</source>
            <translation>One {groups} name per line</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>每行一个，如：
第一党小组
第二党小组</source>
            <translation>One per line, e.g.:
Group 1
Group 2</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>请填写组织名称。</source>
            <translation>Fill in the organisation's name.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/org_form.py" />
            <source>任期开始“{value}”不是有效日期，请写成 {year}-01-01。</source>
            <translation>Term start "{value}" is not a valid date; write it as {year}-01-01.</translation>
        </message>
    </context>
</TS>
