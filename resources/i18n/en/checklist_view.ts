<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>{year}年度 {checklist} 对照检查</source>
            <translation>{checklist} check for {year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>&lt;b style='font-size:13pt'&gt;{year}年度 {checklist}&lt;/b&gt;&lt;br&gt;{description}&lt;br&gt;&lt;span style='color:#555'&gt;依据：{source}{local}&lt;/span&gt;</source>
            <translation>&lt;b style='font-size:13pt'&gt;{checklist}, {year}&lt;/b&gt;&lt;br&gt;{description}&lt;br&gt;&lt;span style='color:#555'&gt;Basis: {source}{local}&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>（本地标准，可按本地要求理解）</source>
            <translation> (a local standard: read it as your area applies it)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>正在读取……</source>
            <translation>Reading...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>要求（应有佐证）</source>
            <translation>Requirement (evidence expected)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>是否达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>情况说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>佐证照片</source>
            <translation>Evidence photos</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>勾选“是否达标”（或按空格）即保存；按 Enter 或双击一项：写情况说明、添加佐证照片。</source>
            <translation>Tick "Met" (or press Space) to save at once; Enter or double-click an item to write notes and add evidence photos.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>，</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>{state} {n} 项</source>
            <translation>{state}: {n}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>应有佐证：{evidence}</source>
            <translation>Evidence expected: {evidence}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>{n} 个附件</source>
            <translation>{n} attachments</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/checklist_view.py" />
            <source>没有佐证</source>
            <translation>No evidence</translation>
        </message>
    </context>
</TS>
