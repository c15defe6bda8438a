<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>台账文件 (*.ledger);;所有文件 (*)</source>
            <translation>Ledger files (*.ledger);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>已自动备份：{name}</source>
            <translation>Backed up automatically: {name}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>备份</source>
            <translation>Back up</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>另存为…</source>
            <translation>Save as...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>备份文件夹…</source>
            <translation>Backup folder...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>已备份到 {path}</source>
            <translation>Backed up to {path}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>备份放在哪个文件夹（取消：不改）</source>
            <translation>Folder for backups (Cancel: no change)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>以后备份放在：{folder}</source>
            <translation>Backups now go to: {folder}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>台账旁边</source>
            <translation>beside the ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>台账另存为</source>
            <translation>Save ledger as</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>{name} 已存在，不会覆盖。请换一个文件名。</source>
            <translation>{name} already exists and will not be overwritten. Choose another name.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>选择要恢复的备份</source>
            <translation>Choose the backup to restore</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>用备份“{backup}”恢复台账“{ledger}”？

恢复前会先关闭台账；现在的台账文件会改名保留在同一文件夹中，不会丢失。</source>
            <translation>Restore ledger "{ledger}" from backup "{backup}"?

The ledger is closed first; the current file is kept under a new name in the same folder, so nothing is lost.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>从备份恢复</source>
            <translation>Restore from backup</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>恢复</source>
            <translation>Restore</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>已用备份“{backup}”恢复台账。</source>
            <translation>The ledger was restored from backup "{backup}".</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>

原来的台账已改名保留为：
{path}</source>
            <translation>

The previous ledger was kept as:
{path}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>台账文件已损坏</source>
            <translation>The ledger file is damaged</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>

在恢复之前，请不要再修改这份台账。</source>
            <translation>

Do not change this ledger again until it is restored.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>从备份恢复…</source>
            <translation>Restore from backup...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/safety_actions.py" />
            <source>以后再说</source>
            <translation>Later</translation>
        </message>
    </context>
</TS>
