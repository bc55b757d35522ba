"""DXF- rules: what reading the file found.  The reader does the work (geometry/dxf/); these rules
report it, each the kinds of issue that :data:`RULE_OF` gives it."""

import re

from bianmin.geometry.intake import IssueKind
from bianmin.standards.registry import ALL, rule

# which rule reports each kind of issue the reader meets (geometry/intake.py)
RULE_OF = {
    IssueKind.CUT_SHORT: "DXF-RECOVERED",
    IssueKind.DWG_ENTITIES_SKIPPED: "DXF-RECOVERED",
    IssueKind.RECOVERY_FIXED: "DXF-RECOVERED",
    IssueKind.RECOVERY_UNFIXED: "DXF-RECOVERED",
    IssueKind.UNITS_UNKNOWN_CODE: "DXF-UNITS",
    IssueKind.UNITS_CONVERTED: "DXF-UNITS",
    IssueKind.UNITS_GUESSED: "DXF-UNITS",
    IssueKind.ENTITY_UNREADABLE: "DXF-GEOMETRY",
    IssueKind.SHAPE_UNUSABLE: "DXF-GEOMETRY",
    IssueKind.BLOCK_CYCLE: "DXF-GEOMETRY",
    IssueKind.INSERT_SCALE_INVALID: "DXF-GEOMETRY",
    IssueKind.BLOCK_NOT_IN_CATALOGUE: "DXF-UNKNOWN-BLOCK",
    IssueKind.PROPERTY_INVALID: "DXF-GEOMETRY",
    IssueKind.PLANINFO_REPEATED: "DXF-GEOMETRY",
    IssueKind.PLANINFO_CONFLICT: "DXF-GEOMETRY",
    IssueKind.OUT_OF_BOUNDS: "DXF-BOUNDS",
}

_NUM = r"(-?[\d.]+(?:e[-+]?\d+)?)"
# library wording (shapely's explain_validity, ezdxf's auditor) in the words a reviewer uses: (pattern, zh, en)
_LIBRARY = [
    (
        re.compile(rf"(?:Ring )?Self-intersection\[{_NUM} {_NUM}\]", re.I),
        lambda m: f"在 ({_fmt(m[1])}, {_fmt(m[2])}) 处自身交叉",
        lambda m: f"it crosses itself at ({_fmt(m[1])}, {_fmt(m[2])})",
    ),
    (re.compile(rf"Too few points\[{_NUM} {_NUM}\]", re.I), lambda m: "顶点太少", lambda m: "it has too few vertices"),
    (
        re.compile(rf"Hole lies outside shell\[{_NUM} {_NUM}\]", re.I),
        lambda m: "内环在外环之外",
        lambda m: "a hole lies outside its outline",
    ),
    (
        re.compile(rf"(?:Nested shells|Interior is disconnected|Nested holes)\[{_NUM} {_NUM}\]", re.I),
        lambda m: f"在 ({_fmt(m[1])}, {_fmt(m[2])}) 处形状无效",
        lambda m: f"the shape is not valid at ({_fmt(m[1])}, {_fmt(m[2])})",
    ),
    (
        re.compile(r'Invalid block reference cycle detected in block "([^"]+)"\.?', re.I),
        lambda m: f"块“{m[1]}”循环引用自身",
        lambda m: f"block “{m[1]}” refers to itself in a cycle",
    ),
    (
        re.compile(r"Removed undefined linetype (\S+) in (\w+)\(#(\w+)\)", re.I),
        lambda m: f"删除了 {m[2]} #{m[3]} 引用的未定义线型“{m[1]}”",
        lambda m: f"removed the undefined linetype {m[1]} of {m[2]} #{m[3]}",
    ),
]
_ENGLISH_RUN = re.compile(r"(?<![A-Za-z_])(?!BM_)[A-Za-z][A-Za-z'\"]*(?:[ ,.;:()#*_\-]+[A-Za-z0-9'\"]+){3,}[.;]?")


def _fmt(text: str) -> str:
    try:
        return f"{float(text):.0f}"
    except ValueError:
        return text


def plain(zh: str, en: str) -> tuple[str, str]:
    """A reader message with any library wording put in words: known phrases translated, and any other run
    of library English left out of the Chinese text (the English text keeps it)."""
    for pattern, to_zh, to_en in _LIBRARY:
        zh = pattern.sub(to_zh, zh)
        en = pattern.sub(to_en, en)
    zh = _ENGLISH_RUN.sub("（详见英文信息）", zh)
    return zh, en


def _intake(ctx, rule_id):
    from bianmin.standards.registry import hit

    for issue in ctx.intake.issues:
        if RULE_OF[issue.kind] == rule_id:
            zh, en = plain(issue.message, issue.message_en)
            yield hit(zh, en, handles=issue.handles, at=issue.location, severity=issue.severity, details=issue.details)


@rule(
    "DXF-READ",
    severity="error",
    profiles=ALL,
    needs_hall=False,
    source="—",
    title="文件可读",
    title_en="File is readable",
)
def dxf_read(ctx, p):
    """文件无法读取（即使经过恢复）。 The file cannot be read even with recovery.

    Checks: the file opens as DXF, with ``ezdxf.recover`` for damaged files. When it
        does not, no other rule runs and the file's status is ``unreadable`` (exit 2).
    Why: a plan that cannot be opened cannot be checked; the reviewer needs the reason.
    Parameters: none.
    Passes: any DXF that AutoCAD, ZWCAD or ezdxf wrote, even with repairable damage.
    Fails: an empty file, a PDF renamed to .dxf, a DXF cut short in its header.
    """
    return ()  # the engine reports unreadable files before any rule runs


@rule(
    "DXF-NOT-A-PLAN",
    severity="error",
    profiles=ALL,
    needs_hall=False,
    source="—",
    title="按约定绘制的平面图",
    title_en="A plan drawn to the convention",
)
def dxf_not_a_plan(ctx, p):
    """图纸中没有任何 BM- 内容，不是按本约定绘制的平面图。 A drawing without any BM- content.

    Checks: the drawing has something of the convention: a ``BM-`` layer (even an empty one),
        an entity on one, a ``BM_`` block or a ``BM_`` plan property. When it has none, no
        other rule runs and the file's status is ``not-a-plan`` (exit 2), with the advice to
        run ``bianmin recognize`` on it or to draw the plan in the designer.
    Why: the architect's drawing as it came is not a plan that fails; listing the hall,
        equipment and opening hours it lacks would hide what is really wrong.
    Parameters: none.
    Passes: any plan drawn from a template, in the designer or by ``bianmin recognize``.
    Fails: the architect's floor plan with only its own layers (墙体, 门窗, 轴线 …).
    """
    return ()  # the engine gives the verdict before any rule runs


@rule(
    "DXF-HALL",
    severity="error",
    profiles=ALL,
    needs_hall=False,
    source="—",
    title="有且仅有一个大厅外形",
    title_en="Exactly one hall outline",
)
def dxf_hall(ctx, p):
    """图层 BM-HALL 上应有且仅有一个闭合的大厅外形。 Exactly one closed hall shape.

    Checks: layer ``BM-HALL`` (alias ``BM-大厅``) holds exactly one usable closed shape.
        Missing or several: no other geometric rule runs.
    Why: every other rule measures against the hall; with none or two it cannot.
    Parameters: none.
    Passes: one closed polyline along the inner face of the hall's walls.
    Fails: no BM-HALL layer; two closed polylines on it.
    """
    from bianmin.standards.registry import hit

    # the plan, not the file as read: in the designer the hall may be drawn after opening
    n = 1 if ctx.plan.hall is not None else ctx.intake.hall_count
    if n == 0:
        yield hit(
            "图层 BM-HALL（BM-大厅）上没有可用的闭合大厅外形；其他几何规则未运行",
            "no usable closed hall shape on layer BM-HALL (BM-大厅); no other geometric rule ran",
        )
    elif n > 1:
        yield hit(
            f"图层 BM-HALL 上有 {n} 个闭合外形，应只有 1 个；其他几何规则未运行",
            f"layer BM-HALL holds {n} closed shapes, expected exactly 1; no other geometric rule ran",
        )


@rule(
    "DXF-UNITS",
    severity="warning",
    profiles=ALL,
    needs_hall=False,
    source="—",
    title="图纸单位",
    title_en="Drawing units",
)
def dxf_units(ctx, p):
    """图纸单位缺失，已推定。 Units were missing and have been guessed.

    Checks: ``$INSUNITS`` is 4 (mm), 5 (cm) or 6 (m). Missing or 0: the unit is guessed
        from the hall's extent (wider than 1000 units: mm, else m) and the message names
        the guess. Other units (inches, feet) are converted and reported too.
    Why: a plan read in the wrong unit is wrong by a factor of 1000 in every figure.
    Parameters: none.
    Passes: a drawing with ``$INSUNITS`` = 4.
    Fails: an R12 drawing (which has no ``$INSUNITS``).
    """
    return _intake(ctx, "DXF-UNITS")


@rule(
    "DXF-GEOMETRY",
    severity="error",
    profiles=ALL,
    needs_hall=False,
    source="—",
    title="BM- 图形可用",
    title_en="BM- shapes are usable",
)
def dxf_geometry(ctx, p):
    """BM- 图层上的图形无法按约定使用。 A BM- shape that cannot be used.

    Checks: every shape on a BM- layer is usable: closed where it must be closed, not
        self-intersecting, at least 3 vertices, non-zero area; openings are a line or a
        two-vertex polyline of non-zero width; no block inserts itself. The message names
        the entity handle; the shape is left out of the plan.
    Why: an unusable shape silently missing from the check would hide a problem.
    Parameters: none.
        An attribute value outside the attribute table (geometry/catalog.py: a number out
        of its range, an unknown choice) is reported too and counted at the nearest
        allowed value, so that no drawing can make a check run away (SEATS=1e9).
    Passes: closed, simple polylines on every shape layer.
    Fails: an open polyline on BM-ZONE-WAIT; a bow-tie zone; a block that inserts itself;
        a counter with SEATS=1e9.
    """
    yield from _intake(ctx, "DXF-GEOMETRY")
    yield from _attribute_problems(ctx)


@rule(
    "DXF-BOUNDS",
    severity="error",
    profiles=ALL,
    needs_hall=False,
    source="—",
    title="数值在合理范围内",
    title_en="Numbers within a plan's range",
)
def dxf_bounds(ctx, p):
    """图纸中有平面图不可能有的数值或大小，该对象未读入。 An absurd number or size; the entity is left out.

    Checks: no entity has a coordinate beyond ±1e10 drawing units or a non-finite one, a radius
        beyond 1e7, an insert scale beyond ±1e4, more than 20,000 vertices, a text of more than
        20,000 characters, a MINSERT of more than 10,000 copies; the plan has at most 4,000
        BM_ objects (geometry/dxf/bounds.py holds the limits). Each such entity is named by its
        handle and left out of the check, recognition and the drawings; the file keeps it.
    Why: such numbers come from a damaged or hostile file, never from a real hall; read, they
        stopped rules with overflow errors, made recognition run for minutes and took the
        program past 8 GB of memory.
    Parameters: none (the limits are far beyond any real drawing).
    Passes: any drawing of a real hall, in millimetres or metres, even in a city survey grid.
    Fails: a door line ending at 1e300; a counter inserted at scale 1e300; a hall outline of
        200,000 vertices; an MTEXT of 2.5 million characters.
    """
    yield from _intake(ctx, "DXF-BOUNDS")


def _attribute_problems(ctx):
    from bianmin.standards.registry import hit

    for obj in ctx.plan.objects:
        spec = obj.spec
        if spec is None:
            continue
        for tag, raw, (why_zh, why_en) in obj.attribute_problems():
            shown = raw if len(raw) <= 24 else raw[:21] + "…"
            yield hit(
                f"{spec.zh}（{obj.block}）的属性 {tag}=“{shown}” {why_zh}；请改为允许的值",
                f"{spec.en} ({obj.block}): attribute {tag}='{shown}' is {why_en}; set an allowed value",
                handles=[obj.id],
                at=obj.position,
                measured=shown,
                unit="",
            )


@rule(
    "DXF-UNKNOWN-BLOCK",
    severity="warning",
    profiles=ALL,
    needs_hall=False,
    source="—",
    title="未知的块",
    title_en="Unknown block",
)
def dxf_unknown_block(ctx, p):
    """BM- 图层上的块名不在约定之中。 A block on a BM- layer that the convention does not know.

    Checks: every INSERT on a BM- layer, and every INSERT of a ``BM_`` block, names one
        of the convention's blocks. Others are reported and ignored.
    Why: a misspelt block (``BM_EXTINGUSHER``) would otherwise vanish from the check.
    Parameters: none.
    Passes: only convention blocks on BM- layers.
    Fails: an INSERT of ``BM_SOFA`` on BM-EQUIP.
    """
    return _intake(ctx, "DXF-UNKNOWN-BLOCK")


@rule(
    "DXF-RECOVERED",
    severity="warning",
    profiles=ALL,
    needs_hall=False,
    source="—",
    title="文件结构已修复",
    title_en="File structure recovered",
)
def dxf_recovered(ctx, p):
    """文件有结构错误，已由恢复程序修复。 Structural errors repaired on reading.

    Checks: a file is read with ezdxf's plain reader first; only a file it refuses (a
        broken structure, a file cut short) goes through ``ezdxf.recover``, and then its
        repairs and the errors it could not repair are reported apart, each with how many.
        A file without its EOF marker is reported as cut short. For a DWG, the entity types
        ezdwg could not read are reported in one finding (info), with how many of each.
    Why: a repaired file may not be what its author saw; the reviewer should know.
    Parameters: none.
    Passes: a file saved cleanly by a CAD program; a harmless oddity the plain reader
        takes as it is (an undefined linetype).
    Fails: a file cut short in transfer.
    """
    return _intake(ctx, "DXF-RECOVERED")
