<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>{name}（已删除）</source>
            <translation>{name} (deleted)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>{name}（已{status}）</source>
            <translation>{name} ({status})</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>已删除的人员 #{id}</source>
            <translation>Deleted person #{id}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>输入姓名筛选，或点右侧箭头选择</source>
            <translation>Type a name or choose</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>名册中有 {n} 个“{name}”，请从列表中选择</source>
            <translation>The roster has {n} people called "{name}"; please choose from the list</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>名册中没有“{name}”，请从列表中选择</source>
            <translation>Nobody called "{name}" on the roster; please choose from the list</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>选择人员</source>
            <translation>Choose people</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>未选择</source>
            <translation>None chosen</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>选择…</source>
            <translation>Choose...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>清空</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>（共 {n} 人）</source>
            <translation> ({n} in all)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>输入姓名或小组筛选</source>
            <translation>Type a name or group to filter</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>全选（筛选结果）</source>
            <translation>Select all (filtered)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>全不选</source>
            <translation>Select none</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/member_picker.py" />
            <source>已选 {n} 人</source>
            <translation>{n} chosen</translation>
        </message>
    </context>
</TS>
