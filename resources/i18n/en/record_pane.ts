<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>全部年度</source>
            <translation>All years</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>台账按年度记录：选择要看的年度，或全部年度</source>
            <translation>The ledger is kept by year: choose the year to view, or all years</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>搜索当前表格：姓名、主题、内容……（Ctrl+F）</source>
            <translation>Search this table: names, topics, contents... (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>显示敏感信息</source>
            <translation>Show sensitive data</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>身份证号码、电话号码平时只显示部分数字</source>
            <translation>ID and phone numbers normally show only some digits</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>只看待核实</source>
            <translation>Only to be checked</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>只列出有“待核实”项的记录：导入时无法确定、留空待核对的值</source>
            <translation>List only records with values "to be checked": values an import could not settle and left blank for checking</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>{year} 年度</source>
            <translation>{year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>按年度逐项对照（{checklist}对照表）…</source>
            <translation>Check item by item for the year ({checklist} checklist)...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>这一列不能排序</source>
            <translation>This column cannot be sorted</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>要显示完整的身份证号码、电话号码和文字中的号码吗？
请注意身边是否有旁人、屏幕是否在共享。这次操作会记入留痕；本次运行期间不再询问。</source>
            <translation>Show full ID numbers, phone numbers and numbers within text?
Mind whether anyone is beside you and whether the screen is being shared. This is written to the audit trail; you will not be asked again while the program runs.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>显示</source>
            <translation>Show</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>不显示</source>
            <translation>Don't show</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>共 {n} 条（搜索“{search}”）</source>
            <translation>Total: {n} (search "{search}")</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>共 {n} 条</source>
            <translation>Total: {n}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>“{type}”中没有找到“{search}”。</source>
            <translation>No "{search}" found in "{type}".</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>{year} 年度的“{type}”还没有记录。
按 Ctrl+N 新增一条。</source>
            <translation>No "{type}" records for {year} yet.
Press Ctrl+N to add one.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>“{type}”还没有记录。
按 Ctrl+N 新增一条。</source>
            <translation>No "{type}" records yet.
Press Ctrl+N to add one.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>删除这条{type}：“{title}”？
删除的记录放在回收站里，可以恢复。</source>
            <translation>Delete this {type}: "{title}"?
Deleted records go to the recycle bin and can be restored.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>删除这条{type}？
删除的记录放在回收站里，可以恢复。</source>
            <translation>Delete this {type}?
Deleted records go to the recycle bin and can be restored.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>删除选中的 {n} 条{type}？
删除的记录放在回收站里，可以恢复。</source>
            <translation>Delete the {n} selected {type} records?
Deleted records go to the recycle bin and can be restored.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>删除记录</source>
            <translation>Delete records</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/record_pane.py" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
    </context>
</TS>
