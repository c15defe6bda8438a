<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/errors.py" />
            <source>台账文件已损坏，读取时遇到损坏的数据。请不要再修改这份台账，可以用“文件 → 从备份恢复…”恢复最近的完好备份。</source>
            <translation>The ledger file is damaged: damaged data was found while reading it. Do not change this ledger any more; use "File → Restore from backup..." to restore the latest good backup.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/errors.py" />
            <source>基层台账</source>
            <translation>Grassroots Ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/errors.py" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/errors.py" />
            <source>程序出错</source>
            <translation>Program error</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/errors.py" />
            <source>程序遇到了一个没有预料到的错误。已保存的台账内容不受影响；这次操作可能没有完成，请检查后再试。
如果问题反复出现，请点“复制”，把下面的内容发给维护程序的人。</source>
            <translation>The program ran into an unexpected error. What the ledger has saved is not affected; this operation may not have finished, so please check and try again.
If it keeps happening, click "Copy" and send the text below to whoever looks after the program.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/errors.py" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/errors.py" />
            <source>复制</source>
            <translation>Copy</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/errors.py" />
            <source>已复制</source>
            <translation>Copied</translation>
        </message>
    </context>
</TS>
