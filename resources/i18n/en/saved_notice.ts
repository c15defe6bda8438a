<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/saved_notice.py" />
            <source>打开所在文件夹</source>
            <translation>Open folder</translation>
        </message>
    </context>
</TS>
