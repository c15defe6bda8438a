<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>个人自评</source>
            <translation>Self-assessment</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>党员互评</source>
            <translation>Peer review</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>评定等次</source>
            <translation>Grade</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>支部评定意见</source>
            <translation>Branch's opinion</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source> 年度</source>
            <translation> </translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>评议日期：这一天在册的党员参加评议</source>
            <translation>Evaluation date: the members on the roll that day take part</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>保存（Ctrl+S）</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>评议年度</source>
            <translation>Evaluation year</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>评议日期</source>
            <translation>Evaluation date</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>每行一名党员：方向键移动，直接输入即可编辑；评定等次用 F2 或双击选择（优秀、合格、基本合格、不合格）。没有填写任何内容的行不保存。</source>
            <translation>One member per row: arrow keys move, type to edit; choose the grade with F2 or a double-click (Excellent, Qualified, Basically qualified, Unqualified). Rows left empty are not saved.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>评议日期“{day}”不是有效日期，请写成 {year}-12-31。</source>
            <translation>The evaluation date "{day}" is not a valid date; write it like {year}-12-31.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>民主评议党员 — {year}年度（批量录入）</source>
            <translation>Democratic evaluation of members — {year} (batch entry)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>{name}（预备党员）</source>
            <translation>{name} (probationary)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>第 {n} 行{name}是预备党员，参加评议但不评定等次</source>
            <translation>Row {n}, {name}: a probationary member takes part but gets no grade</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>第 {n} 行{name}的评定等次“{grade}”不对，只能是{choices}</source>
            <translation>Row {n}, {name}: the grade "{grade}" is not valid; it can only be {choices}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>第 {n} 行{name}填了内容但没有评定等次</source>
            <translation>Row {n}, {name}: filled in but not graded</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>参评 {rows} 人，已评定 {graded} 人，优秀 {excellent} 人</source>
            <translation>{rows} evaluated, {graded} graded, {excellent} Excellent</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>预备党员 {n} 人不评定等次</source>
            <translation>{n} probationary members get no grade</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>优秀超过正式党员的三分之一（最多 {n} 人）</source>
            <translation>Excellent is more than a third of the full members (at most {n})</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>还有 {n} 人没有评定等次</source>
            <translation>{n} not graded yet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>没有保存：{problems}</source>
            <translation>Not saved: {problems}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/evaluation_grid.py" />
            <source>已保存：新增 {created} 条，修改 {changed} 条。</source>
            <translation>Saved: {created} added, {changed} changed.</translation>
        </message>
    </context>
</TS>
