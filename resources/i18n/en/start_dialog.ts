<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>台账</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>浏览…</source>
            <translation>Browse...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>保存位置</source>
            <translation>Save to</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>新建台账</source>
            <translation>New ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>返回</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>填写本组织的基本信息。台账保存为一个文件，可以复制到U盘备份。</source>
            <translation>Fill in your organisation's basic details. The ledger is saved as one file, which you can copy to a USB stick as a backup.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>台账保存到</source>
            <translation>Save ledger to</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>请选择台账文件的保存位置。</source>
            <translation>Choose where to save the ledger file.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>基层台账</source>
            <translation>Grassroots Ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>党支部、关工委、工会的台账：五类台账一年一年记下来，随时打印、导出、迎检。
所有内容保存在本机的一个台账文件里，不需要网络。</source>
            <translation>The ledger of a Party branch, a next-generation care committee or a trade union: the five categories kept year by year, ready to print, export and show to inspectors.
Everything is kept in one ledger file on this computer; no network needed.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>新建台账…</source>
            <translation>New ledger...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>打开台账…</source>
            <translation>Open ledger...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>打开演示台账</source>
            <translation>Open demo ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>生成一本虚构组织的台账，先看看程序怎么用</source>
            <translation>Make a ledger of an invented organisation to see how the program works</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>演示：{kind}</source>
            <translation>Demo: {kind}</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>尚未提供</source>
            <translation>Not available</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>最近打开（双击打开）：</source>
            <translation>Recently opened (double-click to open):</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>最近打开：（没有）</source>
            <translation>Recently opened: (none)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/start_dialog.py" />
            <source>打开台账</source>
            <translation>Open ledger</translation>
        </message>
    </context>
</TS>
