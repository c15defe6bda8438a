"""``00_目录/index.html``: the archive's front page, for any browser on any PC.

One self-contained file: inline CSS, no script, no network, no external file. Links
are relative to ``00_目录/`` and percent-encoded, so Chinese names and characters like
``#`` or ``%`` in a name still lead to the right file once the archive is unpacked.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from ledger_app.outputs.archive.layout import INDEX_FOLDER
from ledger_app.outputs.archive.plan import Plan

CSS = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",
"SimSun",sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222;line-height:1.6}
h1{color:#b00;border-bottom:3px solid #b00;padding-bottom:.3em;font-size:1.6em}
h2{background:#b00;color:#fff;padding:.2em .6em;font-size:1.2em;margin-top:1.6em}
h3{font-size:1.05em;margin:1.2em 0 .3em;border-left:4px solid #b00;padding-left:.5em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.2em .6em}
th{background:#f3e6e6;text-align:left}.meta td:first-child{color:#555;white-space:nowrap}
ul{margin:.2em 0 .6em}li{margin:.1em 0}.count{color:#555}.note{color:#666;font-size:.9em}
.warn{color:#b00;font-weight:bold}a{color:#0645ad}
"""


def href(path: str) -> str:
    """A link from ``00_目录/index.html`` to ``path`` (an archive path)."""
    if path.startswith(INDEX_FOLDER + "/"):
        relative = path[len(INDEX_FOLDER) + 1:]
    else:
        relative = "../" + path
    return quote(relative, safe="/.")


def _link(path: str, text: str | None = None) -> str:
    label = text or path.rsplit("/", 1)[-1]
    return f'<a href="{html.escape(href(path))}">{html.escape(label)}</a>'


def render_index(plan: Plan, organisation: dict[str, Any], manifest_meta: dict[str, Any],
                 written: set[str], hide: Callable[[Any], Any] = lambda t: t) -> str:
    e = html.escape
    org_name = str(hide(organisation.get("org_name", "")))
    period = manifest_meta["period"]["label"]
    rows = [("组织名称", org_name), ("组织类型", organisation.get("org_type", "")),
            ("上级组织", organisation.get("parent_org", "")),
            ("书记", organisation.get("secretary", "")), ("期间", period),
            ("导出时间", manifest_meta["exported_at"].replace("T", " ")),
            ("程序版本", manifest_meta["program"]["version"]),
            ("个人信息", "已隐藏部分号码：" + manifest_meta["masking"]
             if manifest_meta["masked"] else "未隐藏（完整身份证号、电话号码）")]
    out = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(org_name)} 台账检查档案 {e(period)}</title>",
           f"<style>{CSS}</style></head><body>",
           f"<h1>{e(org_name)}<br>台账检查档案（{e(period)}）</h1>",
           # Explorer and most zip tools open a page inside a zip on its own, without the
           # files it links to: say so where the inspector looks first.
           '<p class="note">请先把整个压缩包解压到一个文件夹（右键 →“全部解压缩”或“解压到当前'
           '文件夹”），再打开其中的 00_目录/index.html；在压缩包里直接打开本页时，'
           "下面链接的文件打不开。</p>",
           '<table class="meta">']
    out += [f"<tr><td>{e(k)}</td><td>{e(str(hide(v) if v else ''))}</td></tr>" for k, v in rows]
    out.append("</table>")
    if plan.binder in written:
        out.append(f"<p>全部台账汇编成册：{_link(plan.binder)}</p>")
    out.append('<p class="note">每个文件的大小和 SHA-256 校验值记在压缩包根目录的 '
               "manifest.json 中；用“基层台账”程序的“校验检查档案”可核对文件是否被改动。</p>")
    out.append("<h2>目录</h2><ul>")
    for category in plan.categories:
        total = sum(t.count for t in plan.types if t.category is category)
        out.append(f'<li><a href="#{e(category.key)}">{e(category.label)}</a> '
                   f'<span class="count">{total} 条</span></li>')
    out.append("</ul>")
    for category in plan.categories:
        out.append(f'<h2 id="{e(category.key)}">{e(category.label)}</h2>')
        out.append("<table><tr><th>台账</th><th>记录数</th><th>表格</th><th>工作簿</th></tr>")
        for t in plan.types:
            if t.category is not category:
                continue
            table = _link(t.table, "PDF") if t.table in written else "—"
            book = _link(t.workbook, "Excel") if t.workbook in written else "—"
            out.append(f"<tr><td>{e(t.record_type.label)}</td><td>{t.count}</td>"
                       f"<td>{table}</td><td>{book}</td></tr>")
        out.append("</table>")
        for t in plan.types:
            if t.category is not category or not t.records:
                continue
            out.append(f"<h3>{e(t.record_type.label)}</h3><ul>")
            for r in t.records:
                parts = [e(r.label or r.title or f"记录 {r.entry_id}")]
                if r.page and r.page in written:
                    parts.append(_link(r.page, "记录 PDF"))
                files = [_link(a.path) for a in r.attachments if a.path in written]
                if files:
                    parts.append("附件：" + "、".join(files))
                out.append("<li>" + "　".join(parts) + "</li>")
            out.append("</ul>")
    for note in manifest_meta.get("notes", []):
        out.append(f'<p class="note">{e(note)}</p>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"
