<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>新建台账…</source>
            <translation>New ledger...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>打开台账…</source>
            <translation>Open ledger...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>最近打开</source>
            <translation>Open recent</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>组织设置…</source>
            <translation>Organisation settings...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>关闭台账</source>
            <translation>Close ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>记录(&amp;R)</source>
            <translation>&amp;Records</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>新增</source>
            <translation>New</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>编辑（Enter）</source>
            <translation>Edit (Enter)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>编辑</source>
            <translation>Edit</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>上一条</source>
            <translation>Previous</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>下一条</source>
            <translation>Next</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>查找</source>
            <translation>Find</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>党费收缴表（按月）…</source>
            <translation>Party dues by month...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>民主评议（按年度批量录入）…</source>
            <translation>Democratic appraisal (whole year at once)...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>发展党员时间线…</source>
            <translation>Member development timeline...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>回收站…</source>
            <translation>Recycle bin...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>本条记录的留痕…</source>
            <translation>Audit trail of this record...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>留痕…</source>
            <translation>Audit trail...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>输出(&amp;O)</source>
            <translation>&amp;Output</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>视图(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>字体大小</source>
            <translation>Font size</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>界面语言</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>使用说明</source>
            <translation>Guide</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>工具栏</source>
            <translation>Toolbar</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>（没有）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>打开台账</source>
            <translation>Open ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>程序数据和日志：{folder}（便携模式）</source>
            <translation>Program data and logs: {folder} (portable mode)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>程序数据和日志：{folder}</source>
            <translation>Program data and logs: {folder}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>&lt;b&gt;基层台账&lt;/b&gt; {version}</source>
            <translation>&lt;b&gt;Grassroots Ledger&lt;/b&gt; {version}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>党支部、关工委、工会的台账管理，全部数据保存在本机的一个台账文件里，不需要网络。</source>
            <translation>Ledgers for Party branches, youth-care committees and trade unions. All data stays in one ledger file on this computer; no network is needed.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>当前台账：{path}</source>
            <translation>Current ledger: {path}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>Python {python}，Qt {qt}（PySide6 {pyside}），{system} {release}</source>
            <translation>Python {python}, Qt {qt} (PySide6 {pyside}), {system} {release}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>中文字体：文鼎 PL 明体（AR PL UMing）、文泉驿微米黑，按各自的许可证随程序提供（resources/fonts）。</source>
            <translation>Chinese fonts: AR PL UMing and WenQuanYi Micro Hei, shipped with the program under their own licences (resources/fonts).</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/window_menus.py" />
            <source>关于基层台账</source>
            <translation>About Grassroots Ledger</translation>
        </message>
    </context>
</TS>
