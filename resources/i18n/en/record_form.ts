<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>台账以只读方式打开，这里只能查看，不能保存修改。</source>
            <translation>The ledger is open read-only: you can look here but not save changes.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>上一条</source>
            <translation>Previous</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>下一条</source>
            <translation>Next</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>Ctrl+S 或 Ctrl+Enter</source>
            <translation>Ctrl+S or Ctrl+Enter</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>留痕…</source>
            <translation>Audit trail...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>这条记录的留痕：谁在什么时候改了什么</source>
            <translation>This record's audit trail: who changed what, and when</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>正在读取…</source>
            <translation>Reading...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>读取失败</source>
            <translation>Could not read</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>新增{type}</source>
            <translation>New {type}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>修改{type}：{title}</source>
            <translation>Edit {type}: {title}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>修改{type}</source>
            <translation>Edit {type}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>（第 {n} 条，共 {total} 条）</source>
            <translation> ({n} of {total})</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>有未保存的修改；{n} 处需要修改</source>
            <translation>Unsaved changes; {n} to correct</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>有未保存的修改</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>正在读取会议当日的名册…</source>
            <translation>Reading the roster on the meeting's date...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>有 {n} 处需要修改，没有保存。{field}：{problem}</source>
            <translation>Not saved: {n} to correct. {field}: {problem}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>正在保存…</source>
            <translation>Saving...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>已保存</source>
            <translation>Saved</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>没有保存：{reason}</source>
            <translation>Not saved: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>未保存的修改</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>这条记录有修改还没有保存。</source>
            <translation>This record has changes that are not saved yet.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>不保存</source>
            <translation>Don't save</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_form.py" />
            <source>继续编辑</source>
            <translation>Keep editing</translation>
        </message>
    </context>
</TS>
