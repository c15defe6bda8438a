<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/demo_launch.py" />
            <source>演示台账-{stamp}.ledger</source>
            <translation>Demo ledger-{stamp}.ledger</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/demo_launch.py" />
            <source>正在生成演示台账…</source>
            <translation>Making the demo ledger...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/demo_launch.py" />
            <source>演示台账正在生成，生成完毕后按规则检查……</source>
            <translation>The demo ledger is being made; it will be checked once it is complete...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/demo_launch.py" />
            <source>演示台账已生成完毕。</source>
            <translation>The demo ledger is complete.</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/demo_launch.py" />
            <source>演示台账还没有生成完</source>
            <translation>The demo ledger is not complete yet</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/demo_launch.py" />
            <source>演示台账正在后台生成（约 {percent}%）。
现在关闭的话，已写入的部分保留在台账里，可以再打开，但内容不完整；下次用“打开演示台账”会重新生成一份完整的。

仍要关闭吗？</source>
            <translation>The demo ledger is being made in the background (about {percent}%).
If you close now, what has been written stays in the ledger and can be opened again, but it is incomplete; "Open demo ledger" makes a complete one next time.

Close anyway?</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/demo_launch.py" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/demo_launch.py" />
            <source>继续生成</source>
            <translation>Keep going</translation>
        </message>
    </context>
</TS>
