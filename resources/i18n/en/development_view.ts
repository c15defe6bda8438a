<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>发展党员时间线</source>
            <translation>Member development timeline</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>正在读取……</source>
            <translation>Reading...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>步骤</source>
            <translation>Step</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>阶段</source>
            <translation>Stage</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>内容</source>
            <translation>What</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>日期 / 情况</source>
            <translation>Date / status</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>材料</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>检查</source>
            <translation>Checks</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>本支部近期到期或已超期的步骤：</source>
            <translation>Steps of this branch due soon or overdue:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>上下键选人，Tab 到步骤表，Enter 打开此人的发展党员登记修改日期。步骤和时间要求取自《中国共产党发展党员工作细则》（台账类型中的 development_steps.toml）。材料的说明写上“第 N 步”，就列在那一步。</source>
            <translation>Up/Down picks a person, Tab moves to the steps, Enter opens their development record to change dates. The steps and time limits follow the Party's rules for admitting new members (development_steps.toml of the ledger type). A document whose caption names its step number is listed at that step.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>{name}（{stage}）</source>
            <translation>{name} ({stage})</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>（没有）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>还没有发展党员登记。</source>
            <translation>No member development records yet.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>&lt;b style='font-size:13pt'&gt;{name}&lt;/b&gt;　{stage}　已记录 {done} / {total} 步，材料 {documents} 份</source>
            <translation>&lt;b style='font-size:13pt'&gt;{name}&lt;/b&gt;   {stage}   {done} of {total} steps recorded, {documents} documents</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>未注明步骤的材料：{names}</source>
            <translation>Documents for no particular step: {names}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/development_view.py" />
            <source>（不单独记录日期）</source>
            <translation>(no date of its own)</translation>
        </message>
    </context>
</TS>
