<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>删除时间</source>
            <translation>Deleted at</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>回收站</source>
            <translation>Recycle bin</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>正在读取…</source>
            <translation>Reading...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>恢复</source>
            <translation>Restore</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>把选中的记录放回原来的位置</source>
            <translation>Put the selected records back where they were</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>彻底删除…</source>
            <translation>Delete for good...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>彻底删除后不能恢复（审计记录仍保留删除前的内容）</source>
            <translation>Records deleted for good cannot be restored (the audit trail keeps what they held)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>（无标题）</source>
            <translation>(untitled)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>回收站里有 {n} 条记录。</source>
            <translation>Records in the recycle bin: {n}.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>回收站是空的。</source>
            <translation>The recycle bin is empty.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>彻底删除</source>
            <translation>Delete for good</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/recycle_bin.py" />
            <source>彻底删除选中的 {n} 条记录？
彻底删除后不能恢复。</source>
            <translation>Delete the selected records ({n}) for good?
They cannot be restored afterwards.</translation>
        </message>
    </context>
</TS>
