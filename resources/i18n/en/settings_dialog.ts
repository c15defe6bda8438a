<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/settings_dialog.py" />
            <source>组织设置</source>
            <translation>Organisation settings</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/settings_dialog.py" />
            <source>这些设置保存在台账文件里，换一台电脑打开同一本台账也一样。</source>
            <translation>These settings are kept in the ledger file: the same ledger opened on another computer has them too.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/settings_dialog.py" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/settings_dialog.py" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/settings_dialog.py" />
            <source>本台账还没有签名密钥。</source>
            <translation>This ledger has no signing key yet.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/settings_dialog.py" />
            <source>台账签名密钥指纹：&lt;b&gt;{fingerprint}&lt;/b&gt;&lt;br&gt;&lt;span style='color:#555'&gt;本台账导出的检查档案都用它签名；指纹印在装订册的备考表和移交单上，接收档案的人核对指纹相同，就能确认档案确实由本台账导出、没有被改动。&lt;/span&gt;</source>
            <translation>Ledger signing key fingerprint: &lt;b&gt;{fingerprint}&lt;/b&gt;&lt;br&gt;&lt;span style='color:#555'&gt;It signs every inspection archive this ledger exports and is printed on the closing sheet and the handover form: a receiver who finds the same fingerprint knows the archive came unchanged from this ledger.&lt;/span&gt;</translation>
        </message>
    </context>
</TS>
