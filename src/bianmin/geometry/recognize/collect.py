"""Flatten the architect's drawing into plain geometry: polylines, arcs, texts, opening blocks.

The only module of recognition that touches ezdxf.  It walks model space and every
INSERT below it (its own walk with the INSERT matrices, guarding depth, cycles and a
primitive budget), gives entities on layer 0 inside a block the layer of the INSERT
(as CAD programs draw them), skips the plan's own BM- content, and keeps door and
window blocks apart as :class:`Instance` objects so that their lines never become
walls.  Coordinates stay in drawing units; :func:`collect` returns them as numpy
arrays, curves flattened to 16 chords a quarter circle (an error of 0.12 % of the
radius, whatever the units).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from ezdxf import path as ezpath
from ezdxf.math import Matrix44

from bianmin.geometry.dxf.bounds import bounds_of
from bianmin.geometry.recognize.patterns import DEFAULT, Patterns, matches

MAX_DEPTH = 12
MAX_PRIMITIVES = 150_000  # lines, arcs and block references: a block bomb stops here


@dataclass
class Arc:
    center: tuple[float, float]
    radius: float
    sweep: float  # degrees
    points: np.ndarray  # flattened, drawing units
    layer: str


@dataclass
class Instance:
    """One door, window or column block reference, its content flattened to world coordinates."""

    role: str  # door, window, column, or "?" (a door-or-window block decided by its content)
    name: str
    layer: str
    handle: str
    polylines: list[np.ndarray] = field(default_factory=list)
    arcs: list[Arc] = field(default_factory=list)

    def points(self) -> np.ndarray:
        parts = [p for p in self.polylines] + [a.points for a in self.arcs]
        return np.vstack(parts) if parts else np.zeros((0, 2))


@dataclass
class Drawing:
    """What recognition reads: loose geometry by layer, texts, opening and column blocks."""

    polylines: list[tuple[str, np.ndarray]] = field(default_factory=list)  # (layer, points), open or closed
    hatches: list[tuple[str, list[np.ndarray]]] = field(default_factory=list)  # (layer, boundary rings)
    arcs: list[Arc] = field(default_factory=list)
    texts: list[tuple[str, float, float, str]] = field(default_factory=list)  # (text, x, y, layer)
    instances: list[Instance] = field(default_factory=list)
    truncated: bool = False
    skipped_blocks: list[str] = field(default_factory=list)
    insunits: int = 0
    beyond_bound: int = 0  # entities left out by the intake bound (geometry/dxf/bounds.py)

    def scaled(self, f: float) -> Drawing:
        if f == 1.0:
            return self
        out = Drawing(
            truncated=self.truncated,
            skipped_blocks=self.skipped_blocks,
            insunits=self.insunits,
            beyond_bound=self.beyond_bound,
        )
        out.polylines = [(layer, pts * f) for layer, pts in self.polylines]
        out.hatches = [(layer, [r * f for r in rings]) for layer, rings in self.hatches]
        out.arcs = [_scale_arc(a, f) for a in self.arcs]
        out.texts = [(t, x * f, y * f, layer) for t, x, y, layer in self.texts]
        for inst in self.instances:
            out.instances.append(
                Instance(
                    inst.role,
                    inst.name,
                    inst.layer,
                    inst.handle,
                    [p * f for p in inst.polylines],
                    [_scale_arc(a, f) for a in inst.arcs],
                )
            )
        return out


def _scale_arc(a: Arc, f: float) -> Arc:
    return Arc((a.center[0] * f, a.center[1] * f), a.radius * f, a.sweep, a.points * f, a.layer)


class _Walker:
    def __init__(self, doc, patterns: Patterns, sagitta: float):
        self.doc = doc
        self.p = patterns
        self.sagitta = sagitta
        self.out = Drawing()
        self.count = 0
        self._block_role: dict[str, str | None] = {}
        self.keeps = bounds_of(doc).keeps

    # -- the walk ----------------------------------------------------------
    def walk(
        self, entities, matrix: Matrix44 | None, parent_layer: str | None, stack: tuple[str, ...], sink: Instance | None
    ) -> None:
        # a layout's own lines before its block references, and door/window/column blocks before other blocks:
        # when the budget runs out (hatch-filled blocks, a block bomb) it is the block contents that are lost
        plain: list = []
        inserts: list = []
        for e in entities:
            (inserts if e.dxftype() == "INSERT" else plain).append(e)
        inserts.sort(key=lambda e: self._role(e.dxf.get("name", ""), e.dxf.get("layer", "0")) is None)
        for e in plain + inserts:
            if not self.keeps(e):  # beyond the intake bound (geometry/dxf/bounds.py): an arc of radius 1e300
                continue
            if self.count >= MAX_PRIMITIVES:
                self.out.truncated = True
                return
            try:
                self._entity(e, matrix, parent_layer, stack, sink)
            except Exception:  # noqa: BLE001, S112 -- one odd entity never stops recognition
                continue

    def _entity(self, e, matrix, parent_layer, stack, sink) -> None:
        t = e.dxftype()
        layer = e.dxf.get("layer", "0") or "0"
        if layer == "0" and parent_layer:
            layer = parent_layer
        if layer.upper().startswith("BM-"):
            return
        if t == "INSERT":
            self._insert(e, matrix, layer, stack, sink)
            return
        if t in ("TEXT", "MTEXT"):
            if sink is None:
                self._text(e, t, matrix, layer)
            return
        if t == "LINE":
            s, en = e.dxf.start, e.dxf.end
            pts = np.array([[s.x, s.y], [en.x, en.y]], dtype=float)
            if matrix is not None:
                pts = _transform(pts, matrix)
            self._add_polyline(layer, pts, sink)
            return
        if t in ("ARC", "CIRCLE"):
            self._arc(e, t, matrix, layer, sink)
            return
        if t in ("LWPOLYLINE", "POLYLINE", "ELLIPSE", "SPLINE", "SOLID", "TRACE"):
            if t == "POLYLINE" and not e.is_2d_polyline:
                return
            p = ezpath.make_path(e)
            if matrix is not None:
                p = p.transform(matrix)
            for sub in p.sub_paths():
                pts = _flatten(sub, self.sagitta)
                if len(pts) >= 2:
                    self._add_polyline(layer, pts, sink)
            return
        if t == "HATCH" and sink is None:
            rings = []
            for p in ezpath.from_hatch(e):
                if matrix is not None:
                    p = p.transform(matrix)
                for sub in p.sub_paths():
                    pts = _flatten(sub, self.sagitta)
                    if len(pts) >= 3:
                        rings.append(pts)
            if rings:
                self.count += len(rings)
                self.out.hatches.append((layer, rings))

    def _add_polyline(self, layer, pts, sink) -> None:
        if not np.isfinite(pts).all():
            return
        self.count += max(1, len(pts) - 1)
        if sink is not None:
            sink.polylines.append(pts)
        else:
            self.out.polylines.append((layer, pts))

    def _arc(self, e, t, matrix, layer, sink) -> None:
        c = e.dxf.center
        r = float(e.dxf.radius)
        if t == "ARC":
            sweep = (float(e.dxf.end_angle) - float(e.dxf.start_angle)) % 360.0 or 360.0
        else:
            sweep = 360.0
        p = ezpath.make_path(e)
        center = np.array([[c.x, c.y]], dtype=float)
        if matrix is not None:
            p = p.transform(matrix)
            center = _transform(center, matrix)
            unit = matrix.transform_direction((1, 0, 0))
            r *= math.hypot(unit.x, unit.y)
        pts = _flatten(p, self.sagitta)
        if len(pts) < 2 or not np.isfinite(pts).all():
            return
        arc = Arc((float(center[0, 0]), float(center[0, 1])), r, sweep, pts, layer)
        self.count += len(pts)
        if sink is not None:
            sink.arcs.append(arc)
        else:
            self.out.arcs.append(arc)

    def _text(self, e, t, matrix, layer) -> None:
        if t == "TEXT":
            text = e.plain_text() if hasattr(e, "plain_text") else e.dxf.text
            ins = e.dxf.insert
        else:
            text = e.plain_text()
            ins = e.dxf.insert
        pt = np.array([[ins.x, ins.y]], dtype=float)
        if matrix is not None:
            pt = _transform(pt, matrix)
        text = " ".join(str(text).split())
        if text:
            self.out.texts.append((text, float(pt[0, 0]), float(pt[0, 1]), layer))

    def _insert(self, e, matrix, layer, stack, sink) -> None:
        name = e.dxf.name
        if name.upper().startswith("BM_"):
            return
        if name in stack or len(stack) >= MAX_DEPTH:
            if name not in self.out.skipped_blocks:
                self.out.skipped_blocks.append(name)
            return
        block = self.doc.blocks.get(name)
        if block is None:
            return
        inserts = list(e.multi_insert()) if getattr(e, "mcount", 1) > 1 else [e]
        for ins in inserts:
            self.count += 1
            if self.count >= MAX_PRIMITIVES:
                self.out.truncated = True
                return
            m = ins.matrix44()
            if matrix is not None:
                m = m * matrix
            if not all(math.isfinite(v) for v in m):
                continue
            own = sink
            if sink is None:
                role = self._role(name, layer)
                if role is not None:
                    own = Instance(role, name, layer, e.dxf.handle or "")
            self.walk(block, m, layer, stack + (name,), own)
            if own is not None and own is not sink:
                if own.role == "?":
                    own.role = "door" if any(a.sweep < 180 for a in own.arcs) else "window"
                if own.polylines or own.arcs:
                    self.out.instances.append(own)

    def _role(self, name: str, layer: str) -> str | None:
        p = self.p
        base = name.split("|")[-1]
        if matches(p.door_blocks, base):
            return "door"
        if matches(p.window_blocks, base):
            return "window"
        if matches(p.column_blocks, base) or matches(p.column_layers, layer):
            return "column"
        if matches(p.door_layers, layer) or matches(p.window_layers, layer) or base.upper().startswith("$DORLIB"):
            # TArch keeps doors and windows alike on WINDOW (A-DoorWin, $DorLib2D$ blocks): the swing arc decides
            return "?"
        return None


def _transform(pts: np.ndarray, m: Matrix44) -> np.ndarray:
    out = np.array([(v.x, v.y) for v in m.transform_vertices([(x, y, 0.0) for x, y in pts])], dtype=float)
    return out


def _flatten(p, sagitta: float) -> np.ndarray:
    try:
        vs = list(p.flattening(sagitta, segments=16))
    except Exception:  # noqa: BLE001 -- a degenerate curve is skipped
        return np.zeros((0, 2))
    return np.array([(v.x, v.y) for v in vs], dtype=float).reshape(-1, 2)


def collect(doc, patterns: Patterns = DEFAULT, sagitta: float = 1e12) -> Drawing:
    """Everything recognition needs from a drawing's model space, in drawing units."""
    w = _Walker(doc, patterns, sagitta)
    try:
        w.out.insunits = int(doc.header.get("$INSUNITS", 0) or 0) if doc.dxfversion > "AC1009" else 0
    except (TypeError, ValueError):
        w.out.insunits = 0
    w.walk(doc.modelspace(), None, None, (), None)
    w.out.beyond_bound = len(bounds_of(doc).excluded)
    return w.out
