<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>全年应交</source>
            <translation>Due in year</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>全年实交</source>
            <translation>Paid in year</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>{due} 未交</source>
            <translation>{due} unpaid</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>不应交：{why}</source>
            <translation>Not due: {why}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>（无法计算）</source>
            <translation>(cannot be worked out)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>应交 {due}，实交 {paid}</source>
            <translation>Due {due}, paid {paid}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>应交 {due}，未交</source>
            <translation>Due {due}, not paid</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>基数 {base}，比例 {rate}</source>
            <translation>Base {base}, rate {rate}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>比例 {rate}</source>
            <translation>Rate {rate}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>按 Enter 打开这条记录</source>
            <translation>Press Enter to open this record</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>按 Enter 新建这个月的记录</source>
            <translation>Press Enter to create this month's record</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>【严重】{why}</source>
            <translation>[Serious] {why}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>【需处理】{why}</source>
            <translation>[To do] {why}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>{year}年度</source>
            <translation>{year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>正在读取……</source>
            <translation>Reading...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>交纳日期，如 {day}</source>
            <translation>Date paid, e.g. {day}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>只建应交（尚未交纳）</source>
            <translation>Amount due only (not yet paid)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>本月收缴</source>
            <translation>Collect this month</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>为这个月应交党费的每名党员建一条记录：基数、比例、应交按规则算出，实交默认等于应交；已有记录的党员跳过。</source>
            <translation>Create a record for every member who owes dues this month: base, rate and amount due worked out by the rules, amount paid equal to the amount due by default; members who already have a record are skipped.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>收缴月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>已足额交纳的月份只写金额，实交与应交不同写“应交 / 实交”（合计行上下两行）；红字“未交”为月份已过未交，灰字金额为本月尚未交，灰色“—”为不应交（入党、转入之前或离开之后）；橙色底为连续 3 个月未交，红色底为连续 6 个月未交。方向键移动，Enter 打开该月记录，F5 刷新。</source>
            <translation>A month paid in full shows its amount; one paid differently shows "due / paid" (in the total row, due above paid); red "unpaid": the month is over and nothing was paid; a grey amount: this month, not yet paid; grey "—": nothing owed (before joining or arriving, after leaving). Orange: 3 months unpaid in a row; red: 6 months in a row. Arrow keys move, Enter opens the month's record, F5 refreshes.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>党费收缴表（按月）— {year}年度</source>
            <translation>Party dues by month — {year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>{year}年度 {members} 名党员；应交合计 {due} 元，实交合计 {paid} 元；未交 {unpaid} 个月次；连续欠交 {behind} 人（其中满 6 个月 {alerts} 人）</source>
            <translation>{year}: {members} members; due in total {due} yuan, paid in total {paid} yuan; {unpaid} member-months unpaid; {behind} members in arrears ({alerts} of them for 6 months or more)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>{year}年度 {members} 名党员；应交合计 {due} 元，实交合计 {paid} 元；未交 {unpaid} 个月次</source>
            <translation>{year}: {members} members; due in total {due} yuan, paid in total {paid} yuan; {unpaid} member-months unpaid</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/dues_grid_view.py" />
            <source>正在收缴 {month} 的党费……</source>
            <translation>Collecting the dues of {month}...</translation>
        </message>
    </context>
</TS>
