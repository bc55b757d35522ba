"""docs/dxf-convention.md, made from the catalogue: the file convention users follow, in Chinese and English.

Run ``python -m bianmin.geometry.convention_doc > docs/dxf-convention.md``; a test keeps the
file current, so the tables can never disagree with what the program reads.
"""

from __future__ import annotations

from bianmin.geometry import catalog

_INTRO = """\
# 图纸约定：带 BM- 图层的 DXF 图纸 / The plan file: a DXF drawing with BM- layers

本文件由程序的词汇表生成（`python -m bianmin.geometry.convention_doc`），与程序读取图纸的方式始终一致。
*Generated from the program's vocabulary, so it always matches what the program reads.*

一张平面图就是一张普通的 DXF 图纸。建筑师画的一切（墙、门、尺寸、图框、任何图层和图元）保持不动；
便民服务中心的布置放在名称以 `BM-` 开头的图层上，摆放的设施是名称以 `BM_` 开头的块的插入（INSERT）。
设计器打开这样的文件，只修改 BM- 内容并原样保存；批量校验读取同一个文件。任何 CAD 软件
（AutoCAD、中望CAD、浩辰CAD、LibreCAD）都可以手工绘制或修改符合约定的图纸。

A plan is an ordinary DXF drawing. Whatever the architect drew stays untouched; the service-hall
layout lives on layers whose names start with `BM-`, and placed objects are INSERTs of blocks whose
names start with `BM_`. The designer edits only the BM- content; the validator reads the same file.
Any CAD program can produce or edit a conforming plan by hand. DWG files are read too (see README).

## 单位 / Units

- `$INSUNITS` = 4（毫米）为默认，也是设计器保存时写入的值；5（厘米）和 6（米）会被换算。
  `$INSUNITS` = 4 (mm) is the default and what the designer writes; 5 (cm) and 6 (m) are converted.
- 缺少 `$INSUNITS` 或为 0：按大厅尺寸推定（依次试毫米、米、厘米，取使大厅长边为 4–400 m 的第一个；都不合适时宽于 1000 个单位为毫米，否则为米），并给出 DXF-UNITS 提示；设计器的单位建议与此相同。
  Missing or 0: guessed from the hall's extent (the first of mm, m, cm that makes its longer side 4–400 m; else mm when over
  1000 units across, m below), reported as DXF-UNITS; the designer offers the same guess.
- 本文所有长度单位为毫米，面积为平方米。块属性中的长度（HEIGHT、RANGE）始终为毫米。
  Every length here is in mm, every area in m²; attribute lengths (HEIGHT, RANGE) are always mm.
"""

_PROPERTIES = """\
## 图纸属性 / Plan properties

写在图纸的自定义属性中（AutoCAD：DWGPROPS > 自定义；`$CUSTOMPROPERTYTAG`/`$CUSTOMPROPERTY`）。
DXF R12 和 R2000 没有自定义属性，也可以把同样的键写成图层 `BM-PLAN`（别名 `BM-图纸信息`）上
一个 `BM_PLANINFO` 块插入的属性（图纸信息表）。读取时先取自定义属性，再由 `BM_PLANINFO` 补齐；
两处不一致时给出警告并以自定义属性为准；命令行 `--set 键=值` 优先于两者。

Stored as header custom properties; R12 and R2000 have none, so the same keys may also be the
attributes of one `BM_PLANINFO` insert on layer `BM-PLAN`. Header first, PLANINFO fills the rest,
a disagreement is a warning (the header wins), `--set KEY=VALUE` overrides both.

| 键 key | 含义 | meaning | 取值 values | 默认 default |
| --- | --- | --- | --- | --- |
"""

_LAYERS = """\
## 图层 / Layers

图层名不区分大小写，每个 `BM-` 图层也可以用中文别名。闭合外形为闭合的 LWPOLYLINE 或 POLYLINE
（可含圆弧凸度；需要闭合外形处也接受 CIRCLE）。门洞为画在大厅边界上的 LINE 或两点 LWPOLYLINE。

Layer names are matched case-insensitively; each may be written with its Chinese alias. Closed
shapes are closed LWPOLYLINE/POLYLINE (bulges allowed; CIRCLE accepted); openings are a LINE or a
two-vertex LWPOLYLINE drawn on the hall boundary.

| 图层 layer | 别名 alias | 内容 | content |
| --- | --- | --- | --- |
"""

_ROLE = {
    "hall": ("恰好一个闭合外形：大厅墙体内表面", "exactly one closed shape: the inner face of the hall's walls"),
    "zone": ("闭合外形：{zh}", "closed shapes: {en}"),
    "opening": ("门洞：{zh}", "openings: {en}"),
    "obstacle": ("闭合外形：柱、隔墙、大厅内的固定家具", "closed shapes: columns, partitions, fixed furniture"),
    "route": ("开放多段线：从大厅内到出口的疏散路线", "open polylines: evacuation routes to an exit"),
    "object": ("{zh}的块插入", "INSERTs of {en} blocks"),
    "planinfo": ("唯一的 `BM_PLANINFO` 插入（图纸属性）", "the one `BM_PLANINFO` insert (plan properties)"),
}

_BLOCKS = """\
## 块及其属性 / Blocks and their attributes

对象的种类由块名决定，而不是图层；`BM_` 块可以嵌套在其他块中、位于任何图层。每个插入的占地是
其块内闭合图形在插入的比例、旋转、位置之后的并集；文字、属性定义、属性和点不计入。
块的局部坐标：原点为插入点；有正面的对象（柜台、标识、摄像机）正面朝向局部 -Y。

An object's kind comes from its block name, not its layer; nested INSERTs are followed. The
footprint is the union of the block's closed shapes under the INSERT's transform. Local block
coordinates: the origin is the insertion point; objects with a front face local -Y.

| 块 block | 名称 | name | 分组 group | 属性 attributes |
| --- | --- | --- | --- | --- |
"""

_TAIL = """\
属性超出上表的取值范围（如 SEATS=1e9）、未知的选项，会作为 DXF-GEOMETRY 问题报告，并按最接近的
允许值计算。BM- 图层上约定之外的块名报告为 DXF-UNKNOWN-BLOCK 并被忽略。无法按约定使用的图形
（未闭合的大厅、自相交的分区、远离大厅边界的门洞）会给出指明图元句柄的问题，而不会中断程序。

An attribute outside the table (SEATS=1e9) or an unknown choice is a DXF-GEOMETRY finding and is
counted at the nearest allowed value. An unknown block name on a BM- layer is DXF-UNKNOWN-BLOCK and
is ignored. Geometry that cannot be used as the convention asks is a finding naming the entity's
handle, never a crash.
"""


def _values(vocab: catalog.Vocab | None, zh: str, en: str) -> str:
    if vocab is not None:
        return "，".join(f"`{k}` {z}" for k, (z, _) in vocab.items())
    return f"{zh}<br>{en}" if zh else ""


def _attribute(spec: catalog.AttributeSpec) -> str:
    if spec.choices is not None:
        allowed = "/".join(spec.choices.keys())
    elif spec.range is not None:
        lo, hi = spec.range
        allowed = f"{lo:g}–{hi:g}{spec.unit.strip()}"
    else:
        allowed = "文字 text"
    default = f"，默认 `{spec.default}`" if spec.default else ""
    return f"`{spec.tag}` {spec.zh} / {spec.en}（{allowed}{default}）"


def markdown() -> str:
    out = [_INTRO, "\n", _PROPERTIES]
    for p in catalog.PLAN_PROPERTIES:
        out.append(
            f"| `{p.key}` | {p.zh} | {p.en} | {_values(p.values, p.accepts_zh, p.accepts_en)} | "
            f"{p.default_zh if p.default_zh == p.default_en else p.default_zh + '<br>' + p.default_en} |\n"
        )
    out += ["\n", _LAYERS]
    for layer in catalog.LAYERS.values():
        zh, en = _ROLE[layer.role]
        out.append(f"| `{layer.name}` | `{layer.alias}` | {zh.format(zh=layer.zh)} | {en.format(en=layer.en)} |\n")
    out.append(
        "\n门洞可带属性（写在其 LINE 的 XDATA 中，应用名 `"
        + catalog.OPENING_APPID
        + "`，每项为 1000 组码字符串 `TAG=value`） / An opening may carry attributes (XDATA of application `"
        + catalog.OPENING_APPID
        + "` on its LINE, each a 1000 string `TAG=value`): "
        + "；".join(_attribute(a) for a in catalog.OPENING_ATTRIBUTES)
        + "\n"
    )
    out += ["\n", _BLOCKS]
    for block in catalog.BLOCKS.values():
        zh_group, en_group = catalog.GROUPS[block.group]
        attrs = "<br>".join(_attribute(a) for a in block.attribute_specs) or "—"
        out.append(f"| `{block.name}` | {block.zh} | {block.en} | {zh_group} {en_group} | {attrs} |\n")
    out.append(
        f"| `{catalog.PLANINFO_BLOCK}` | 图纸信息表（不是实物，无占地） | the plan's information panel (no footprint) | "
        f"图层 `{catalog.PLANINFO_LAYER}` | 图纸属性的键，见上表 / the plan-property keys above |\n"
    )
    out += ["\n", _TAIL]
    return "".join(out)


if __name__ == "__main__":
    import sys

    sys.stdout.buffer.write(markdown().encode("utf-8"))
