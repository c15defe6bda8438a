<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>表格（某类记录）</source>
            <translation>Table (one record type)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>记录页（会议、活动，含照片）</source>
            <translation>Record page (with photos)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>会议签到表</source>
            <translation>Meeting sign-in sheet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>全年装订册</source>
            <translation>Year's bound volume</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>年度自查表（会议、检查项、问题）</source>
            <translation>Yearly self-check sheet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>封面</source>
            <translation>Cover</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>档案盒标签（盒面、盒脊）</source>
            <translation>Box labels (front, spine)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>这类记录的表格</source>
            <translation>Records table</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>选中记录的记录页</source>
            <translation>Record page</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>选中会议的签到表</source>
            <translation>Sign-in sheet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>党费收缴登记表</source>
            <translation>Party dues register</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>永久</source>
            <translation>Permanent</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>30年</source>
            <translation>30 years</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>10年</source>
            <translation>10 years</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>全部类别</source>
            <translation>All categories</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>{mm} 毫米</source>
            <translation>{mm} mm</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>自定义…</source>
            <translation>Custom...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source> 毫米</source>
            <translation> mm</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>内置矢量党徽</source>
            <translation>Built-in vector emblem</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>不印徽标</source>
            <translation>No emblem</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>台账设置的图片：{name}</source>
            <translation>Ledger's image: {name}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>选择图片文件（PNG/JPG）…</source>
            <translation>Choose an image file (PNG/JPG)...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>身份证号、电话等部分隐藏
（对外提供时请保持勾选）</source>
            <translation>Partly hide ID and phone numbers
(keep ticked when giving it out)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>默认为所印年度的最后一天，如 2025-12-31</source>
            <translation>Default: last day of the year printed, e.g. 2025-12-31</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>按台账记录填好实到人数和请假原因
（默认留空，供会上签到）</source>
            <translation>Fill in attendance and leave reasons
from the ledger (default: blank for signing)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>双面打印
（各部分从右页开始，页码在外侧）</source>
            <translation>Double-sided
(parts start on a right page, outer page numbers)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>打印内容</source>
            <translation>Printout</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>记录类型</source>
            <translation>Record type</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>盒脊宽度</source>
            <translation>Spine width</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>保管期限</source>
            <translation>Retention</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>卷号／起始盒号</source>
            <translation>Volume / first box no.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>党徽</source>
            <translation>Emblem</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>徽标</source>
            <translation>Emblem</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>填报日期</source>
            <translation>Date filled in</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>{year}年</source>
            <translation>{year}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>全部年度</source>
            <translation>All years</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>也可打印：</source>
            <translation>Also print:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>选择党徽图片</source>
            <translation>Choose emblem image</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>选择徽标图片</source>
            <translation>Choose emblem image</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>图片 (*.png *.jpg *.jpeg)</source>
            <translation>Images (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>图片：{name}</source>
            <translation>Image: {name}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>（这一年度没有会议记录）</source>
            <translation>(no meetings recorded this year)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>（这一年度没有可打印的会议或活动记录）</source>
            <translation>(no meeting or activity records to print this year)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/print_choice.py" />
            <source>记录 #{id}</source>
            <translation>Record #{id}</translation>
        </message>
    </context>
</TS>
