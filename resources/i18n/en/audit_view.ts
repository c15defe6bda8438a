<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>操作人</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>内容与改动</source>
            <translation>Content and changes</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>留痕</source>
            <translation>Audit trail</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>留痕 — {title}</source>
            <translation>Audit trail — {title}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>全部操作</source>
            <translation>All actions</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>全部操作人</source>
            <translation>All users</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>打印（PDF）…</source>
            <translation>Print (PDF)...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>留痕记录谁在什么时候新增、修改、删除了什么，只能增加，不能修改或删除。</source>
            <translation>The audit trail records who added, changed or deleted what, and when. Lines can only be added, never changed or deleted.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>身份证号、电话号码只显示部分数字（勾选“显示敏感信息”后打开可看全）。</source>
            <translation> ID and phone numbers show only some digits (tick "Show sensitive data" and open again to see them in full).</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>共 {n} 条（只显示最新的 {limit} 条，请缩小日期范围）</source>
            <translation>Total: {n} (only the latest {limit} are shown; narrow the dates)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>共 {n} 条</source>
            <translation>Total: {n}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/audit_view.py" />
            <source>保存留痕</source>
            <translation>Save audit trail</translation>
        </message>
    </context>
</TS>
