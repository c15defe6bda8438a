<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>生成检查档案包</source>
            <translation>Make an inspection archive</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source> 年度</source>
            <translation> </translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>只导出其中一段日期</source>
            <translation>Only part of the year</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>隐藏身份证号、电话号码的中间部分（建议）</source>
            <translation>Hide the middle of ID and phone numbers (recommended)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>注意：不隐藏时，档案中是完整的身份证号和电话号码，请妥善保管。</source>
            <translation>Note: without hiding, the archive holds full ID and phone numbers. Keep it safe.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>不设密码可留空</source>
            <translation>Leave empty for no password</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>再输入一次</source>
            <translation>Enter it again</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>浏览…</source>
            <translation>Browse...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>年度：</source>
            <translation>Year:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>期间：</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>类别：</source>
            <translation>Categories:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>个人信息：</source>
            <translation>Personal data:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>密码：</source>
            <translation>Password:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>保存到：</source>
            <translation>Save to:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>生成</source>
            <translation>Create</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>把本期台账整理成一个 zip 档案包：台账汇编、各类表格和 Excel、会议和活动记录、照片附件、目录页 index.html 和文件清单。检查人员用任何电脑的浏览器都能查看，也可以用本程序校验是否被改动。</source>
            <translation>Gathers this period's ledger into one zip archive: the bound ledger, the tables and Excel workbooks, meeting and activity records, photo attachments, an index.html contents page and a file list. Inspectors can view it in a browser on any computer, and this program can check that nothing was changed.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>保存检查档案包</source>
            <translation>Save inspection archive</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>检查档案包 (*.zip)</source>
            <translation>Inspection archive (*.zip)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>请至少选择一个类别。</source>
            <translation>Choose at least one category.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>两次输入的密码不一致。</source>
            <translation>The two passwords do not match.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>请选择保存位置。</source>
            <translation>Choose where to save it.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>正在生成检查档案包…</source>
            <translation>Making the inspection archive...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>已生成 {name}
共 {files} 个文件，{mb} MB。
保存在 {folder}</source>
            <translation>Made {name}
{files} files, {mb} MB.
Saved in {folder}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>

已签名，签名密钥指纹 {fingerprint}。
请打印移交单，签字后与档案包一起移交。</source>
            <translation>

Signed; signing key fingerprint {fingerprint}.
Print the handover form, sign it and hand it over with the archive.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>

注意：{warnings}</source>
            <translation>

Note: {warnings}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>检查档案包</source>
            <translation>Inspection archive</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>打开所在文件夹</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>打印移交单…</source>
            <translation>Print handover form...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/archive_dialog.py" />
            <source>保存移交单</source>
            <translation>Save handover form</translation>
        </message>
    </context>
</TS>
