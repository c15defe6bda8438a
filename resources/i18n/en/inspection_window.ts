<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>无法显示这个文件。</source>
            <translation>This file cannot be shown.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>检查档案（只读）— {name}</source>
            <translation>Inspection archive (read-only) — {name}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>正在校验档案……</source>
            <translation>Verifying the archive...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>打开本条记录的 PDF</source>
            <translation>Open this record's PDF</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>正在校验检查档案…</source>
            <translation>Verifying the inspection archive...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>检查档案有密码</source>
            <translation>The archive has a password</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>请输入密码：</source>
            <translation>Enter the password:</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>无法打开：{reason}</source>
            <translation>Cannot open: {reason}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>签名密钥指纹 {fingerprint}（请与移交单、备考表上的指纹核对）</source>
            <translation>Signing key fingerprint {fingerprint} (compare it with the one on the handover form and the closing sheet)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>未签名（早期版本导出，无法确认来源）</source>
            <translation>Not signed (exported by an early version; its origin cannot be confirmed)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>✔ {summary}　{signer}
本窗口只能查看，不能修改。</source>
            <translation>✔ {summary}  {signer}
This window is for viewing only; nothing can be changed.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>概况与校验结果</source>
            <translation>Overview and verification</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>{type}（{n}）</source>
            <translation>{type} ({n})</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>检查清单：{type}</source>
            <translation>Checklist: {type}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>组织</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>导出时间</source>
            <translation>Exported at</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>导出程序</source>
            <translation>Exported by</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>基层台账 {version}</source>
            <translation>Grassroots Ledger {version}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>个人信息</source>
            <translation>Personal data</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>已隐藏部分号码</source>
            <translation>Numbers partly hidden</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>未隐藏（完整号码）</source>
            <translation>Not hidden (full numbers)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>加密</source>
            <translation>Encryption</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>&lt;h2&gt;检查档案概况&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Inspection archive overview&lt;/h2&gt;</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>&lt;h3&gt;校验结果&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Verification&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>&lt;h3&gt;各类记录&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Records by type&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>，</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>{type} {n} 条</source>
            <translation>{type}: {n}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>&lt;li&gt;&lt;b&gt;{category}&lt;/b&gt;：{types}&lt;/li&gt;</source>
            <translation>&lt;li&gt;&lt;b&gt;{category}&lt;/b&gt;: {types}&lt;/li&gt;</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>是否达标</source>
            <translation>Met</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>现有情况</source>
            <translation>Current state</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>佐证</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>无记录</source>
            <translation>No record</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>✔ 达标</source>
            <translation>✔ Met</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>✘ 未达标</source>
            <translation>✘ Not met</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>{n} 个附件</source>
            <translation>{n} attachments</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>双击查看这条记录和它的佐证照片</source>
            <translation>Double-click to see this record and its evidence photos</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>应到 {due} 人，实到 {present} 人，请假 {leave} 人，缺席 {absent} 人。
出席：{names}</source>
            <translation>Expected {due}, present {present}, on leave {leave}, absent {absent}.
Present: {names}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>
请假、缺席：{names}</source>
            <translation>
On leave or absent: {names}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/inspection_window.py" />
            <source>{amount} 元</source>
            <translation>{amount} yuan</translation>
        </message>
    </context>
</TS>
