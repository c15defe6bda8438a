<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>查看哪一年度的检查结果</source>
            <translation>Which year to check</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>正在按规则检查……</source>
            <translation>Checking against the rules...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>&lt;big&gt;&lt;b&gt;自查&lt;/b&gt;&lt;/big&gt;</source>
            <translation>&lt;big&gt;&lt;b&gt;Self-check&lt;/b&gt;&lt;/big&gt;</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>打印自查表…</source>
            <translation>Print self-check...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>把本年度的会议召开情况、检查项和发现的问题打印成自查表</source>
            <translation>Print this year's meetings, checklists and problems found as a self-check sheet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>这一页怎么看？</source>
            <translation>How to read this page</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>使用说明中讲首页自查的一节：表格的颜色、问题和提示、检查项对照</source>
            <translation>The guide's section on this page: the grid's colours, problems and notes, checklists</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>&lt;b&gt;发现的问题和提示&lt;/b&gt;</source>
            <translation>&lt;b&gt;Problems and notes&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>&lt;b&gt;会议按期召开情况&lt;/b&gt;（单击格子或按 Enter：查看已开的会议，或补录）</source>
            <translation>&lt;b&gt;Meetings held on schedule&lt;/b&gt; (click a cell or press Enter: see the meetings held, or record a missing one)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>{year} 年度</source>
            <translation>{year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>{severity} &lt;b&gt;{n}&lt;/b&gt; 项</source>
            <translation>{severity}: &lt;b&gt;{n}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>检查截至 {date}：{alert}　{warn}　{info}</source>
            <translation>Checked as of {date}: {alert}   {warn}   {info}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>{year}年还没有需要召开的会议：名册里还没有在册的成员，或这一年在电子台账启用日期（组织设置 → 检查规则）之前。</source>
            <translation>No meetings were required in {year}: the roster has no current members yet, or the year is before the ledger's start date (Organisation settings → Rules).</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>&lt;b&gt;发现的问题和提示&lt;/b&gt;（{n} 条，严重的在前；按 Enter 或双击打开相关记录或补录）</source>
            <translation>&lt;b&gt;Problems and notes&lt;/b&gt; ({n}, most serious first; Enter or double-click opens the records concerned or adds the missing one)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>打开：{day}　{topic}</source>
            <translation>Open: {day}  {topic}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>打开：{meeting}（第 {n} 条）</source>
            <translation>Open: {meeting} (no. {n})</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/home_page.py" />
            <source>新增一条{record_type}（{period}）…</source>
            <translation>New {record_type} ({period})...</translation>
        </message>
    </context>
</TS>
