<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>出席</source>
            <translation>Present</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>请假</source>
            <translation>On leave</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>缺席</source>
            <translation>Absent</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>应到 {due} 人　尚未登记出席情况</source>
            <translation>Expected: {due} attendance not yet recorded</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>应到 {due} 人　实到 {present} 人　请假 {leave} 人　缺席 {absent} 人</source>
            <translation>Expected: {due} Present: {present} On leave: {leave} Absent: {absent}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>　未登记 {n} 人</source>
            <translation> Not recorded: {n}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>{name}（已离开）</source>
            <translation>{name} (left)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>{status}原因（必填）</source>
            <translation>{status}: reason (required)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>全部出席</source>
            <translation>All present</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>把尚未登记的人都标为出席；请假、缺席的人不变</source>
            <translation>Mark everyone not yet recorded as present; those on leave or absent stay as they are</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>请先填写会议日期：应到人员按会议类型取自会议当日的名册（委员会会议为当日在任委员，小组会为本小组成员）。</source>
            <translation>Fill in the meeting date first: who is expected comes from that day's roster, by meeting type (committee members in office for a committee meeting, the group's members for a group meeting).</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>按会议类型和日期，这次会议没有应到人员。</source>
            <translation>Nobody is expected at this meeting, given its type and date.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>还有 {n} 人未登记出席情况（{names}等）</source>
            <translation>Attendance not recorded for {n} people ({names} and others)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>还有 {n} 人未登记出席情况（{names}）</source>
            <translation>Attendance not recorded for {n} people ({names})</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>{name}等 {n} 人{status}，请填写原因</source>
            <translation>{name} and others ({n} people): {status}; please give the reason</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attendance_editor.py" />
            <source>{name}{status}，请填写原因</source>
            <translation>{name}: {status}; please give the reason</translation>
        </message>
    </context>
</TS>
