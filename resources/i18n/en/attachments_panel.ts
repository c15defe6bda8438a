<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>ledger_app</name>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>图片和文档 (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf *.ofd *.doc *.docx *.wps *.xls *.xlsx *.et *.ppt *.pptx *.txt);;所有文件 (*)</source>
            <translation>Pictures and documents (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf *.ofd *.doc *.docx *.wps *.xls *.xlsx *.et *.ppt *.pptx *.txt);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>文件</source>
            <translation>FILE</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>添加文件…</source>
            <translation>Add files...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>移除</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>修改说明…</source>
            <translation>Edit caption...</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>可把照片或文件拖到这里</source>
            <translation>Photos or files can be dropped here</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>
（保存记录时加入台账）</source>
            <translation>
(added to the ledger when the record is saved)</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>添加照片或文件</source>
            <translation>Add photos or files</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>附件说明</source>
            <translation>Attachment caption</translation>
        </message>
        <message>
            <location filename="../../src/ledger_app/ui/attachments_panel.py" />
            <source>{name} 的说明：</source>
            <translation>Caption for {name}:</translation>
        </message>
    </context>
</TS>
