"""Read a plan from a DXF drawing (docs/dxf-convention.md).

``ezdxf.recover`` reads whatever a CAD program wrote; what its auditor fixed
and what it could not fix are kept apart and become ``DXF-RECOVERED``
findings.  Everything the convention cannot use (an open zone, a block that
inserts itself, a block name nobody knows) becomes an :class:`IntakeIssue`
naming the entity's handle; the entity is then left out of the plan, never
raised as an exception.  Only a file that cannot be read at all raises
:class:`PlanReadError`.
"""

from __future__ import annotations

import math
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import ezdxf
from ezdxf import recover
from ezdxf.math import Matrix44
from ezdxf.units import conversion_factor
from shapely import affinity, validation
from shapely.geometry import MultiPoint, Polygon, box
from shapely.ops import unary_union

from bianmin.geometry import catalog
from bianmin.geometry.model import Hall, Obstacle, Opening, PlacedObject, Plan, Route, Zone
from bianmin.geometry.properties import KEYS, PlanProperties
from bianmin.geometry.shapes import circle_outline, outline_polygon

MAX_NESTING = 16
UNIT_NAMES = {
    1: ("英寸", "inches"),
    2: ("英尺", "feet"),
    4: ("毫米", "mm"),
    5: ("厘米", "cm"),
    6: ("米", "m"),
    7: ("千米", "km"),
    14: ("分米", "dm"),
}


class PlanReadError(Exception):
    """The file could not be read as DXF even with recovery (finding DXF-READ)."""


@dataclass
class IntakeIssue:
    """Something the reader met that a DXF- rule reports."""

    rule: str
    message: str
    message_en: str
    handles: list[str] = field(default_factory=list)
    location: tuple[float, float] | None = None
    severity: str | None = None  # None: the rule's own severity
    details: list[str] = field(default_factory=list)  # a library's own words behind the message (JSON only)


@dataclass
class ReadResult:
    plan: Plan
    doc: object  # ezdxf Drawing
    units_factor: float  # drawing units -> mm
    issues: list[IntakeIssue] = field(default_factory=list)
    hall_count: int = 0
    # False for a drawing with nothing of the convention at all (no BM- layer, no BM_ block, no BM_
    # property): the architect's drawing itself, to be recognized first, not a plan that fails
    bm_content: bool = True
    path: Path | None = None
    property_problems: list[str] = field(default_factory=list)
    planinfo: list = field(default_factory=list)  # the BM_PLANINFO inserts read
    source: str = "dxf"  # dxf | binary-dxf | dwg: a DWG is saved as DXF beside it, never over it
    # read_plan(split=...): the architect's simple entities were taken out before ezdxf read the file;
    # ``doc`` lacks them (never save it), and for split="draw" they are here as plain numbers
    background: object = None


# ---------------------------------------------------------------------------
# opening the file
# ---------------------------------------------------------------------------


@dataclass
class LoadNotes:
    """How a drawing was read: which path, what recovery repaired or could not, what a DWG lost.

    Has ``fixes`` and ``errors`` like ezdxf's Auditor (empty unless recovery ran and changed
    something), so that DXF-RECOVERED speaks only of real repairs."""

    source: str = "dxf"  # dxf | binary-dxf | dwg
    fixes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    recovered: bool = False
    dwg_version: str = ""
    skipped_by_type: dict = field(default_factory=dict)
    background: object = None  # dxf_split.SimpleBackground: the simple background taken out before reading


# a plan lies within a few kilometres of its origin (even in a city's survey grid, within 10,000 km);
# a vertex at 1e18 made the analysis grid ask numpy for 13 GiB, one at 1e300 broke every rule
MAX_COORDINATE_MM = 1e10


def is_dwg(head: bytes) -> bool:
    """A DWG file starts with its version, "AC1012" … "AC1032" (detected by content, not by name)."""
    return head[:4] == b"AC10" and head[4:6].isdigit()


def load_document(path: Path, split: str | None = None):
    """``(doc, notes)``; raises PlanReadError with a reason a person can act on.

    ``split="check"`` or ``"draw"``: a large drawing's simple background (LINEs, TEXTs … on the
    architect's layers) is taken out before ezdxf reads it (geometry/dxf/split.py); for "draw" it
    comes back in ``notes.background``. Such a ``doc`` must never be saved.

    Clean DXF files take ezdxf's plain reader (about twice as fast); only a file it refuses goes
    through ``ezdxf.recover``, whose repairs are then reported. A DWG (R13–R2018) is converted
    with ezdwg. Only regular files are opened: a FIFO or a device never hangs a batch.
    """
    path = Path(path)
    if not path.exists():
        raise PlanReadError(f"文件不存在 / file not found: {path}")
    if path.is_dir():
        raise PlanReadError(f"这是文件夹，不是 DXF 文件 / is a folder, not a DXF file: {path}")
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise PlanReadError(f"不是普通文件（管道、设备等），不读取 / not a regular file (a pipe or device): {path}")
        size = st.st_size
        with path.open("rb") as fp:
            head = fp.read(64)
    except OSError as exc:
        raise PlanReadError(f"无法打开文件 / cannot open file: {exc.strerror or exc}") from None
    if size == 0:
        raise PlanReadError("空文件 / the file is empty")
    if is_dwg(head):
        return _load_dwg(path, head[:6].decode("ascii"))
    try:
        if head.startswith(b"AutoCAD Binary DXF"):
            return ezdxf.readfile(path), LoadNotes(source="binary-dxf")
        if not _looks_like_dxf(head):
            raise PlanReadError(
                "不是 DXF 文件（开头不是 DXF 组码）/ not a DXF file (does not start with DXF group codes)"
            )
        try:
            if _has_unicode_escapes(path):
                raise ValueError("\\U+ escapes")  # only recover decodes them (R12/R2000 files with Chinese text)
            if split and size > SPLIT_ABOVE_BYTES:
                done = _read_split(path, split == "draw")
                if done is not None:
                    return done
            return ezdxf.readfile(path), LoadNotes()
        except Exception:  # noqa: BLE001 -- whatever the plain reader refuses, recovery tries
            doc, auditor = recover.readfile(path)
            return doc, LoadNotes(fixes=list(auditor.fixes), errors=list(auditor.errors), recovered=True)
    except PlanReadError:
        raise
    except Exception as exc:  # ezdxf raises many kinds on garbage: all mean "unreadable"
        reason = str(exc) or type(exc).__name__
        raise PlanReadError(f"DXF 结构损坏，无法恢复 / broken DXF structure, recovery failed: {reason}") from None


SPLIT_ABOVE_BYTES = 2_000_000  # smaller drawings are read whole: the split would not pay for itself


def _read_split(path: Path, keep_geometry: bool):
    """``(doc, notes)`` of the drawing without its simple background, or None to read it whole."""
    from bianmin.geometry.dxf.split import split

    try:
        parts = split(path.read_bytes(), keep_geometry=keep_geometry)
    except (MemoryError, ValueError):
        return None
    if parts is None:
        return None
    data, background = parts
    with tempfile.TemporaryDirectory(prefix="bianmin-split-") as tmp:
        reduced = Path(tmp) / path.name
        reduced.write_bytes(data)
        del data
        try:
            doc = ezdxf.readfile(reduced)
        except Exception:  # noqa: BLE001 -- what the plain reader refuses is read whole (and recovered)
            return None
    doc.filename = str(path)
    return doc, LoadNotes(background=background if keep_geometry else None)


def _has_unicode_escapes(path: Path) -> bool:
    """Whether the file spells characters as \\U+XXXX (what ANSI-codepage DXF does with Chinese)."""
    with path.open("rb") as fp:
        tail = b""
        while chunk := fp.read(1 << 20):
            if b"\\U+" in tail + chunk:
                return True
            tail = chunk[-3:]
    return False


def _load_dwg(path: Path, version: str):
    try:
        import ezdwg
    except ImportError:
        raise PlanReadError(
            "这是 DWG 文件；读取 DWG 需要 ezdwg（pip install ezdwg），或在 CAD 中另存为 DXF / "
            "this is a DWG file: reading it needs ezdwg, or save it as DXF in a CAD program"
        ) from None
    with tempfile.TemporaryDirectory(prefix="bianmin-dwg-") as tmp:
        out = Path(tmp) / "converted.dxf"
        try:
            result = ezdwg.to_dxf(str(path), str(out))
            doc = ezdxf.readfile(out)
            # ezdwg 0.17 writes ezdxf's default $INSUNITS (6, metres) whatever the DWG said: treat the
            # units as unknown, so that the reader guesses them from the hall and says so (DXF-UNITS)
            doc.header["$INSUNITS"] = 0
        except Exception as exc:  # noqa: BLE001 -- a DWG ezdwg cannot read is unreadable, not a crash
            raise PlanReadError(
                f"这是 DWG 文件（{version}），但无法读取：{exc}；请在 CAD 中另存为 DXF / "
                f"this is a DWG file ({version}) that cannot be read: {exc}; save it as DXF"
            ) from None
    skipped = {k: int(v) for k, v in (getattr(result, "skipped_by_type", None) or {}).items() if v}
    return doc, LoadNotes(source="dwg", dwg_version=version, skipped_by_type=skipped)


def _looks_like_dxf(head: bytes) -> bool:
    """A DXF starts with a group code and, within its first pairs, a SECTION (or a 999 comment)."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    first = text.split(b"\n", 1)[0].strip()
    if first.startswith(b"999"):
        return True
    return first.isdigit() and b"SECTION" in text.upper()


# ---------------------------------------------------------------------------
# the reader
# ---------------------------------------------------------------------------


def read_plan(
    path,
    overrides: dict[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
    split: str | None = None,
) -> ReadResult:
    """Read a plan; raises PlanReadError only when the file is unreadable.

    ``progress`` is told each stage as it starts ("load", then "plan"), for a window that shows it.
    ``split``: None reads the whole drawing (the designer, anything that saves); "check" leaves a
    large drawing's simple background unread (validate); "draw" hands it over as plain numbers in
    ``result.background`` for the PDF (see load_document)."""
    path = Path(path)
    if progress is not None:
        progress("load")
    doc, notes = load_document(path, split=split)
    if progress is not None:
        progress("plan")
    result = plan_from_document(doc, notes, overrides=overrides)
    result.path = path
    result.source = notes.source
    result.background = notes.background
    if notes.source == "dxf" and not _has_eof(path):
        result.issues.append(
            IntakeIssue(
                "DXF-RECOVERED",
                "文件末尾不完整（没有 EOF 结束标记），可能在传输或保存时被截断；已读取其中能读的部分",
                "the file ends early (no EOF marker): it may have been cut short in transfer or saving; "
                "what could be read was read",
            )
        )
    return result


_EOF = re.compile(rb"(^|\n)\s*0\s*\r?\nEOF\s*($|\r?\n)")


def _has_eof(path: Path) -> bool:
    """An ASCII DXF ends with ``0/EOF`` (anything after it is ignored, as CAD programs do)."""
    with path.open("rb") as fp:
        if fp.read(18) == b"AutoCAD Binary DXF":
            return True
        fp.seek(0, 2)
        size = fp.tell()
        fp.seek(max(0, size - 65536))
        tail = fp.read()
    return bool(_EOF.search(tail)) or (size > 65536 and b"EOF" in tail)


def plan_from_document(doc, auditor=None, overrides: dict[str, str] | None = None) -> ReadResult:
    reader = _Reader(doc)
    result = reader.read()
    if auditor is not None:
        _audit_issues(auditor, result.issues)
    mapping = {}
    if doc.dxfversion > "AC1009":
        try:
            mapping = {tag: value for tag, value in doc.header.custom_vars}
        except Exception:  # a malformed custom property table is not worth failing over
            mapping = {}
    mapping = {k.upper(): v for k, v in mapping.items() if k.upper() in KEYS}
    _fill_from_planinfo(mapping, getattr(result, "planinfo", []), result.issues)
    result.bm_content = bool(mapping) or result.bm_content or _has_bm_layer(doc)
    props, problems = PlanProperties.from_mapping(mapping)
    if overrides:
        props, more = props.updated(overrides)
        problems += more
    result.plan.properties = props
    result.property_problems = problems
    for problem in problems:
        # "KEY='raw': 中文 / English": each language gets its own half of the reason
        where, _, why = problem.partition(": ")
        why_zh, _, why_en = why.partition(" / ")
        result.issues.append(
            IntakeIssue(
                "DXF-GEOMETRY",
                f"图纸属性 {where} 无效：{why_zh}",
                f"invalid plan property {where}: {why_en or why_zh}",
                severity="warning",
            )
        )
    result.plan.loaded = {e.id: e for e in result.plan.elements()}
    return result


def _has_bm_layer(doc) -> bool:
    """Whether the layer table has a layer of the convention (even an empty one: a plan being drawn)."""
    try:
        return any(catalog.is_bm_layer(layer.dxf.name) or catalog.layer_spec(layer.dxf.name) for layer in doc.layers)
    except Exception:  # an odd layer table: assume a plan, so the ordinary check says what is wrong
        return True


def _handle_order(entity) -> int:
    try:
        return int(entity.dxf.handle, 16)
    except (TypeError, ValueError):
        return 0


def planinfo_values(insert) -> dict[str, str]:
    """The plan-property keys a BM_PLANINFO insert carries as ATTRIBs (non-empty values only)."""
    values = {}
    for attrib in insert.attribs:
        tag = attrib.dxf.tag.strip().upper()
        text = (attrib.dxf.text or "").strip()
        if tag in KEYS and text:
            values[tag] = text
    return values


def _fill_from_planinfo(mapping: dict[str, str], inserts, issues: list[IntakeIssue]) -> None:
    """docs/dxf-convention.md: header custom properties first, then BM_PLANINFO for any key still unset;
    a key set in both with different values is a warning naming both (the header wins)."""
    if not inserts:
        return
    inserts = sorted(inserts, key=_handle_order)
    if len(inserts) > 1:
        issues.append(
            IntakeIssue(
                "DXF-GEOMETRY",
                f"图中有 {len(inserts)} 个图纸信息表（BM_PLANINFO），应只有 1 个；按句柄最小的一个读取",
                f"{len(inserts)} BM_PLANINFO inserts; expected one: the first by handle is used",
                handles=[i.dxf.handle for i in inserts],
                severity="warning",
            )
        )
    for key, value in planinfo_values(inserts[0]).items():
        if key not in mapping or not str(mapping[key]).strip():
            mapping[key] = value
        elif str(mapping[key]).strip() != value:
            issues.append(
                IntakeIssue(
                    "DXF-GEOMETRY",
                    f"图纸属性 {key} 在自定义属性中为“{mapping[key]}”，在图纸信息表中为“{value}”；按自定义属性“{mapping[key]}”",
                    f"plan property {key} is '{mapping[key]}' in the custom properties but '{value}' in BM_PLANINFO; "
                    f"the custom property is used",
                    handles=[inserts[0].dxf.handle],
                    severity="warning",
                )
            )


def _audit_issues(auditor, issues: list[IntakeIssue]) -> None:
    skipped = getattr(auditor, "skipped_by_type", None)
    if skipped:
        total = sum(skipped.values())
        kinds = "、".join(f"{k} {v} 个" for k, v in sorted(skipped.items(), key=lambda kv: -kv[1]))
        kinds_en = ", ".join(f"{k} ×{v}" for k, v in sorted(skipped.items(), key=lambda kv: -kv[1]))
        issues.append(
            IntakeIssue(
                "DXF-RECOVERED",
                f"DWG 文件中有 {total} 个图元无法读取，已略过（{kinds}）；底图可能不完整，BM- 内容不受影响时可忽略",
                f"{total} entities of the DWG file could not be read and were left out ({kinds_en})",
                severity="info",
            )
        )
    fixes = list(getattr(auditor, "fixes", []))
    errors = list(getattr(auditor, "errors", []))
    if fixes:
        zh, en = _kinds_of(fixes)
        issues.append(
            IntakeIssue(
                "DXF-RECOVERED",
                f"文件有结构错误，已自动修复 {len(fixes)} 处：{zh}；修复后的内容可能与作者所见不同，请核对",
                f"the file had structural errors; recovery repaired {len(fixes)}: {en} "
                f"(e.g. {'; '.join(str(f.message) for f in fixes[:3])})",
                details=_details(fixes),
            )
        )
    if errors:
        zh, en = _kinds_of(errors)
        handles = [h for h in (_entity_handle(e) for e in errors[:20]) if h]
        issues.append(
            IntakeIssue(
                "DXF-RECOVERED",
                f"文件有 {len(errors)} 处结构错误未能修复：{zh}；相关图元可能缺失或有误",
                f"the file has {len(errors)} structural errors that recovery could not repair: {en} "
                f"(e.g. {'; '.join(str(e.message) for e in errors[:3])})",
                handles=handles,
                details=_details(errors),
            )
        )


# ezdxf's AuditError codes, by the kind of repair a reviewer can understand (zh, en)
_FIX_KINDS = (
    ((5, 6, 7, 8, 9, 10), ("文件段结构", "section structure")),
    ((100,), ("未定义的线型", "undefined linetype")),
    ((101, 207), ("未定义的标注样式", "undefined dimension style")),
    ((102,), ("未定义的文字样式", "undefined text style")),
    ((103, 115, 104, 119), ("块引用", "block reference")),
    ((2,), ("重复的表项名称", "duplicate table entry name")),
    ((1, 3, 4, 14, 15, 16, 17, 18, 110, 112, 118, 201, 202, 206, 213), ("句柄或从属关系", "handle or owner")),
    ((11, 12, 13, 107, 108, 109), ("无效图元（已删除或补全）", "invalid entity removed or completed")),
    ((105, 106, 114), ("编组", "group")),
    ((111, 214), ("文字编码", "text encoding")),
    ((203,), ("图层名称", "layer name")),
)
_KIND_OF = {code: kind for codes, kind in _FIX_KINDS for code in codes}
_OTHER_KIND = ("图元数据（数值、颜色、线宽等）", "entity data (values, colours, lineweights …)")


def _kinds_of(entries) -> tuple[str, str]:
    """ "未定义的文字样式 63 处、文件段结构 5 处" and its English: how many repairs of each kind."""
    counts: dict[tuple[str, str], int] = {}
    for entry in entries:
        try:
            code = int(getattr(entry, "code", 0))
        except (TypeError, ValueError):
            code = 0
        kind = _KIND_OF.get(code, _OTHER_KIND)
        counts[kind] = counts.get(kind, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return (
        "、".join(f"{zh} {n} 处" for (zh, _), n in ranked),
        ", ".join(f"{en} ×{n}" for (_, en), n in ranked),
    )


MAX_DETAILS = 200  # ezdxf's own messages kept for the JSON report


def _details(entries) -> list[str]:
    out = [str(getattr(e, "message", e)) for e in entries[:MAX_DETAILS]]
    if len(entries) > MAX_DETAILS:
        out.append(f"… {len(entries) - MAX_DETAILS} more")
    return out


def _entity_handle(error) -> str | None:
    entity = getattr(error, "entity", None)
    try:
        return entity.dxf.handle if entity is not None else None
    except Exception:
        return None


class _Reader:
    def __init__(self, doc):
        self.doc = doc
        self.issues: list[IntakeIssue] = []
        self.factor, self.units_known = self._units()
        self._footprints: dict[str, Polygon] = {}
        self._has_bm: dict[str, bool] = {}
        self._attdefs: dict[str, dict[str, str]] = {}
        self.planinfo: list = []  # BM_PLANINFO inserts in the modelspace
        self.bm_entities = 0  # entities of the convention met: BM- layers, BM_ blocks (nested too)

    # -- units -------------------------------------------------------------
    def _units(self) -> tuple[float, bool]:
        units = 0
        if self.doc.dxfversion > "AC1009":
            try:
                units = int(self.doc.header.get("$INSUNITS", 0) or 0)
            except (TypeError, ValueError):
                units = 0
        if units == 0:
            return 1.0, False
        try:
            factor = conversion_factor(units, 4)  # type: ignore[arg-type]  # InsertUnits is an IntEnum
        except Exception:
            self.issues.append(
                IntakeIssue(
                    "DXF-UNITS",
                    f"图纸单位代码 $INSUNITS={units} 无法识别，按毫米读取",
                    f"drawing unit code $INSUNITS={units} is not known; read as millimetres",
                )
            )
            return 1.0, True
        if units not in (4, 5, 6):
            zh, en = UNIT_NAMES.get(units, (str(units), str(units)))
            self.issues.append(
                IntakeIssue(
                    "DXF-UNITS",
                    f"图纸单位为{zh}（$INSUNITS={units}），已换算为毫米；约定单位为毫米、厘米或米",
                    f"drawing units are {en} ($INSUNITS={units}), converted to mm; the convention expects mm, cm or m",
                )
            )
        return factor, True

    # -- main loop -----------------------------------------------------------
    def read(self) -> ReadResult:
        raw: dict[str, list] = {"hall": [], "zone": [], "opening": [], "obstacle": [], "route": []}
        inserts: list[tuple[object, Matrix44, bool]] = []
        msp = self.doc.modelspace()
        for entity in msp:
            try:
                self._classify(entity, raw, inserts)
            except Exception as exc:  # one odd entity never stops the plan
                self._geometry_issue(entity, f"无法读取：{exc}", f"cannot be read: {exc}")
        if not self.units_known:
            self._guess_units(raw["hall"])
        plan = Plan()
        halls = [h for h in (self._shape(e, "hall") for e in raw["hall"]) if h is not None]
        self.hall_count = len(halls)
        if len(halls) == 1:
            plan.hall = Hall(outline=halls[0][1], id=halls[0][0])
        for entity, kind in raw["zone"]:
            shape = self._shape(entity, "zone")
            if shape:
                plan.zones.append(Zone(outline=shape[1], kind=kind, id=shape[0]))
        for entity in raw["obstacle"]:
            shape = self._shape(entity, "obstacle")
            if shape:
                plan.obstacles.append(Obstacle(outline=shape[1], id=shape[0]))
        for entity, kind in raw["opening"]:
            opening = self._opening(entity, kind)
            if opening:
                plan.openings.append(opening)
        for entity in raw["route"]:
            route = self._route(entity)
            if route:
                plan.routes.append(route)
        for insert, matrix, nested in inserts:
            obj = self._object(insert, matrix, nested)
            if obj:
                plan.objects.append(obj)
        result = ReadResult(
            plan=plan, doc=self.doc, units_factor=self.factor, issues=self.issues, hall_count=self.hall_count
        )
        result.planinfo = self.planinfo
        result.bm_content = self.bm_entities > 0
        return result

    def _classify(self, entity, raw, inserts) -> None:
        dxftype = entity.dxftype()
        layer_name = entity.dxf.get("layer", "0")
        spec = catalog.layer_spec(layer_name)
        if spec is not None or catalog.is_bm_layer(layer_name):
            self.bm_entities += 1
        if dxftype == "INSERT":
            name = entity.dxf.name
            if name.upper().startswith("BM_"):
                self.bm_entities += 1
            if name.upper() == catalog.PLANINFO_BLOCK:
                self.planinfo.append(entity)
            elif name.upper().startswith("BM_"):
                if catalog.block_spec(name):
                    inserts.append((entity, entity.matrix44(), False))
                else:
                    self._unknown_block(entity)
            elif catalog.is_bm_layer(layer_name):
                self._unknown_block(entity)
            elif self._block_has_bm(name, ()):
                self.bm_entities += 1
                self._collect_nested(entity, entity.matrix44(), inserts, (name.upper(),))
            return
        if spec is None:
            return
        if spec.role == "hall" and dxftype in _CLOSED_TYPES:
            raw["hall"].append(entity)
        elif spec.role == "zone" and dxftype in _CLOSED_TYPES:
            raw["zone"].append((entity, spec.kind))
        elif spec.role == "obstacle" and dxftype in _CLOSED_TYPES:
            raw["obstacle"].append(entity)
        elif spec.role == "opening" and dxftype in ("LINE", "LWPOLYLINE", "POLYLINE"):
            raw["opening"].append((entity, spec.kind))
        elif spec.role == "route" and dxftype in ("LINE", "LWPOLYLINE", "POLYLINE"):
            raw["route"].append(entity)
        elif spec.role in ("hall", "zone", "obstacle") and dxftype == "LINE":
            self._geometry_issue(
                entity, f"{spec.zh}应为闭合多段线，这里是直线", f"{spec.en} must be a closed polyline, found a LINE"
            )

    # -- units guess -----------------------------------------------------------
    def _guess_units(self, halls) -> None:
        width = 0.0
        for entity in halls:
            pts = self._raw_points(entity)
            if pts:
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                width = max(width, max(xs) - min(xs), max(ys) - min(ys))
        if width > 1000 or not halls:
            self.factor = 1.0
            zh, en = "毫米", "millimetres"
        else:
            self.factor = 1000.0
            zh, en = "米", "metres"
        basis_zh = f"大厅外形尺寸 {width:g} 个单位" if halls else "图中没有大厅"
        basis_en = f"hall extent {width:g} units" if halls else "no hall in the drawing"
        self.issues.append(
            IntakeIssue(
                "DXF-UNITS",
                f"图纸未设置单位（$INSUNITS 缺失或为 0）；{basis_zh}，推定为{zh}",
                f"the drawing has no units ($INSUNITS missing or 0); guessed {en} from the {basis_en}",
            )
        )

    # -- shapes -----------------------------------------------------------
    def _raw_points(self, entity):
        dxftype = entity.dxftype()
        if dxftype == "LWPOLYLINE":
            pts = [(x, y, b) for x, y, b in entity.get_points("xyb")]
            if entity.dxf.get("extrusion", (0, 0, 1))[2] < 0:  # mirrored OCS
                pts = [(-x, y, -b) for x, y, b in pts]
            return pts
        if dxftype == "POLYLINE":
            pts = [(v.dxf.location[0], v.dxf.location[1], v.dxf.get("bulge", 0.0)) for v in entity.vertices]
            if entity.dxf.get("extrusion", (0, 0, 1))[2] < 0:
                pts = [(-x, y, -b) for x, y, b in pts]
            return pts
        if dxftype == "CIRCLE":
            c = entity.dxf.center
            r = entity.dxf.radius
            cx = -c[0] if entity.dxf.get("extrusion", (0, 0, 1))[2] < 0 else c[0]
            return circle_outline(cx, c[1], r)
        if dxftype == "LINE":
            s, e = entity.dxf.start, entity.dxf.end
            return [(s[0], s[1], 0.0), (e[0], e[1], 0.0)]
        return []

    def _is_closed(self, entity, pts) -> bool:
        dxftype = entity.dxftype()
        if dxftype == "CIRCLE":
            return True
        if dxftype == "LWPOLYLINE" and entity.closed:
            return True
        if dxftype == "POLYLINE" and entity.is_closed:
            return True
        return len(pts) > 2 and math.dist(pts[0][:2], pts[-1][:2]) < 1e-6

    def _shape(self, entity, role):
        handle = entity.dxf.handle
        spec = catalog.layer_spec(entity.dxf.layer)
        what_zh, what_en = (spec.zh, spec.en) if spec else (role, role)
        pts = self._raw_points(entity)
        if not self._is_closed(entity, pts):
            self._geometry_issue(entity, f"{what_zh}外形未闭合", f"{what_en} outline is not closed")
            return None
        if len(pts) > 2 and math.dist(pts[0][:2], pts[-1][:2]) < 1e-6 and entity.dxftype() != "CIRCLE":
            pts = pts[:-1]
        if not all(math.isfinite(v) for p in pts for v in p):
            self._geometry_issue(entity, f"{what_zh}坐标无效", f"{what_en} has invalid coordinates")
            return None
        f = self.factor
        outline = [(x * f, y * f, b) for x, y, b in pts]
        if any(abs(x) > MAX_COORDINATE_MM or abs(y) > MAX_COORDINATE_MM for x, y, _ in outline):
            self._geometry_issue(
                entity,
                f"{what_zh}坐标超出合理范围（大于 {MAX_COORDINATE_MM / 1e6:.0f} km），已忽略",
                f"{what_en} has coordinates beyond {MAX_COORDINATE_MM / 1e6:.0f} km; left out",
            )
            return None
        if len(outline) < 3 and not any(b for _, _, b in outline):
            self._geometry_issue(entity, f"{what_zh}顶点少于 3 个", f"{what_en} has fewer than 3 vertices")
            return None
        polygon = outline_polygon(outline)
        if polygon.is_empty or polygon.convex_hull.area < 1.0:
            self._geometry_issue(entity, f"{what_zh}面积为零", f"{what_en} has zero area")
            return None
        if not polygon.is_valid:
            reason = validation.explain_validity(polygon)
            self._geometry_issue(
                entity,
                f"{what_zh}外形自相交或无效（{reason}）",
                f"{what_en} outline is self-intersecting or invalid ({reason})",
                location=_reason_point(reason),
            )
            return None
        return handle, outline

    def _opening(self, entity, kind):
        pts = self._raw_points(entity)
        spec = catalog.LAYERS[catalog.OPENING_LAYER[kind]]
        if len(pts) != 2:
            self._geometry_issue(
                entity,
                f"{spec.zh}应为直线或两个顶点的多段线，这里有 {len(pts)} 个顶点",
                f"{spec.en} must be a LINE or a two-vertex polyline; found {len(pts)} vertices",
            )
            return None
        (x1, y1, _), (x2, y2, _) = pts
        f = self.factor
        if math.dist((x1, y1), (x2, y2)) * f < 1.0:
            self._geometry_issue(entity, f"{spec.zh}宽度为零", f"{spec.en} has zero width", location=(x1 * f, y1 * f))
            return None
        return Opening(kind=kind, start=(x1 * f, y1 * f), end=(x2 * f, y2 * f), id=entity.dxf.handle)

    def _route(self, entity):
        pts = self._raw_points(entity)
        if entity.dxftype() != "LINE" and self._is_closed(entity, pts) and len(pts) > 2:
            pts = pts + [pts[0]]
        if len(pts) < 2:
            self._geometry_issue(entity, "疏散路线少于两个点", "evacuation route has fewer than two points")
            return None
        f = self.factor
        return Route(points=[(x * f, y * f) for x, y, _ in pts], id=entity.dxf.handle)

    # -- blocks -----------------------------------------------------------------
    def _unknown_block(self, entity) -> None:
        name = entity.dxf.name
        loc = entity.dxf.insert
        self.issues.append(
            IntakeIssue(
                "DXF-UNKNOWN-BLOCK",
                f"图层 {entity.dxf.layer} 上的块 {name} 不是约定中的块，已忽略",
                f"block {name} on layer {entity.dxf.layer} is not a convention block; ignored",
                handles=[entity.dxf.handle],
                location=(loc[0] * self.factor, loc[1] * self.factor),
            )
        )

    def _block_has_bm(self, name: str, stack: tuple[str, ...]) -> bool:
        """Whether a block holds a BM_ INSERT at any depth (cycles answer False)."""
        key = name.upper()
        if key in self._has_bm:
            return self._has_bm[key]
        if key in stack or len(stack) > MAX_NESTING:
            return False
        block = self.doc.blocks.get(name)
        found = False
        if block is not None:
            for child in block:
                if child.dxftype() != "INSERT":
                    continue
                cname = child.dxf.name
                if cname.upper().startswith("BM_") or self._block_has_bm(cname, stack + (key,)):
                    found = True
                    break
        self._has_bm[key] = found
        return found

    def _collect_nested(self, insert, matrix: Matrix44, inserts, stack) -> None:
        block = self.doc.blocks.get(insert.dxf.name)
        if block is None:
            return
        for child in block:
            if child.dxftype() != "INSERT":
                continue
            cname = child.dxf.name
            cmatrix = child.matrix44() * matrix
            if cname.upper().startswith("BM_"):
                if catalog.block_spec(cname):
                    inserts.append((child, cmatrix, True))
                else:
                    self._unknown_block(child)
            elif cname.upper() in stack or len(stack) > MAX_NESTING:
                self._cycle(child, stack)
            elif self._block_has_bm(cname, ()):
                self._collect_nested(child, cmatrix, inserts, stack + (cname.upper(),))

    def _cycle(self, entity, stack) -> None:
        chain = " → ".join(stack + (entity.dxf.name,))
        self._geometry_issue(entity, f"块引用自身（{chain}），已跳过", f"a block inserts itself ({chain}); skipped")

    def _object(self, insert, matrix: Matrix44, nested: bool):
        name = insert.dxf.name.upper()
        local = self._block_footprint(insert.dxf.name, insert)
        f = self.factor
        local_mm = _scaled(local, f)
        a, b, d, e, xo, yo = _affine(matrix)
        transform = (a, b, d, e, xo * f, yo * f)
        if not all(math.isfinite(v) for v in transform) or abs(a * e - b * d) < 1e-12:
            self._geometry_issue(insert, f"块 {name} 的插入比例为零或无效", f"block {name} has a zero or invalid scale")
            return None
        attribs = self._block_attdefs(insert.dxf.name)
        for attrib in insert.attribs:
            attribs[attrib.dxf.tag.upper()] = attrib.dxf.text
        return PlacedObject(
            block=name, transform=transform, local=local_mm, attribs=attribs, id=insert.dxf.handle, nested=nested
        )

    def _block_attdefs(self, name: str) -> dict[str, str]:
        """Default attribute values of a block (cached: ezdxf parses every query string)."""
        key = name.upper()
        if key not in self._attdefs:
            block = self.doc.blocks.get(name)
            self._attdefs[key] = (
                {}
                if block is None
                else {e.dxf.tag.upper(): e.dxf.text for e in block if e.dxftype() == "ATTDEF" and e.dxf.get("text")}
            )
        return dict(self._attdefs[key])

    def _block_footprint(self, name: str, insert=None) -> Polygon:
        key = name.upper()
        if key not in self._footprints:
            self._footprints[key] = self._compute_footprint(name, (key,), insert)
        return self._footprints[key]

    def _compute_footprint(self, name: str, stack, insert) -> Polygon:
        closed, loose = self._block_geometry(name, Matrix44(), stack, insert)
        if closed:
            shape = unary_union(closed)
            if not shape.is_valid:
                shape = shape.buffer(0)
            if not shape.is_empty:
                return shape
        if loose:
            # a block of loose lines all on one line (or one point) has a flat box: widen it, so that
            # the object still has a place and a centre (an empty footprint broke SAFE-CAMERA)
            x0, y0, x1, y1 = MultiPoint(loose).bounds
            if x1 - x0 < 1e-6:
                x0, x1 = x0 - 5, x1 + 5
            if y1 - y0 < 1e-6:
                y0, y1 = y0 - 5, y1 + 5
            return box(x0, y0, x1, y1)
        return box(-5, -5, 5, 5)

    def _block_geometry(self, name, matrix: Matrix44, stack, insert):
        """Closed shapes and loose points of a block, in the outermost block's coordinates."""
        block = self.doc.blocks.get(name)
        closed: list[Polygon] = []
        loose: list[tuple[float, float]] = []
        if block is None:
            return closed, loose
        for e in block:
            t = e.dxftype()
            try:
                if t in ("LWPOLYLINE", "POLYLINE", "CIRCLE"):
                    pts = self._raw_points(e)
                    if self._is_closed(e, pts) and len(pts) >= 2:
                        poly = outline_polygon(pts)
                        if not poly.is_empty:
                            closed.append(_apply(poly, matrix))
                    else:
                        loose.extend(_apply_pts([(p[0], p[1]) for p in pts], matrix))
                elif t in ("SOLID", "TRACE"):
                    vs = [e.dxf.vtx0, e.dxf.vtx1, e.dxf.vtx3, e.dxf.vtx2]
                    poly = Polygon([(v[0], v[1]) for v in vs])
                    if poly.area > 0:
                        closed.append(_apply(poly.buffer(0), matrix))
                elif t == "LINE":
                    loose.extend(_apply_pts([(e.dxf.start.x, e.dxf.start.y), (e.dxf.end.x, e.dxf.end.y)], matrix))
                elif t == "ARC":
                    loose.extend(_apply_pts([(p[0], p[1]) for p in e.flattening(1.0)], matrix))
                elif t == "INSERT":
                    cname = e.dxf.name.upper()
                    if cname in stack or len(stack) > MAX_NESTING:
                        if insert is not None:
                            self._cycle(insert, stack)
                        continue
                    c, lines = self._block_geometry(e.dxf.name, e.matrix44() * matrix, stack + (cname,), insert)
                    closed.extend(c)
                    loose.extend(lines)
            except Exception:
                continue  # a broken piece of a symbol does not change what the block is
        return closed, loose

    def _geometry_issue(self, entity, zh, en, location=None) -> None:
        try:
            handle = entity.dxf.handle
            layer = entity.dxf.get("layer", "")
        except Exception:
            handle, layer = None, ""
        prefix_zh = f"{entity.dxftype()} #{handle}（图层 {layer}）：" if handle else ""
        prefix_en = f"{entity.dxftype()} #{handle} (layer {layer}): " if handle else ""
        self.issues.append(
            IntakeIssue(
                "DXF-GEOMETRY", prefix_zh + zh, prefix_en + en, handles=[handle] if handle else [], location=location
            )
        )


_CLOSED_TYPES = ("LWPOLYLINE", "POLYLINE", "CIRCLE")


def _affine(m: Matrix44):
    """An INSERT matrix as shapely's (a, b, d, e, xoff, yoff), in the plane."""
    return (m.ux[0], m.uy[0], m.ux[1], m.uy[1], m.origin[0], m.origin[1])


def _apply(poly, m: Matrix44):
    return affinity.affine_transform(poly, _affine(m))


def _apply_pts(pts, m: Matrix44):
    a, b, d, e, xo, yo = _affine(m)
    return [(a * x + b * y + xo, d * x + e * y + yo) for x, y in pts]


def _scaled(poly, f: float):
    if f == 1.0:
        return poly
    return affinity.scale(poly, f, f, origin=(0, 0))


def _reason_point(reason: str):
    m = re.search(r"\[([-\d.eE+]+)\s+([-\d.eE+]+)\]", reason)
    return (float(m.group(1)), float(m.group(2))) if m else None
