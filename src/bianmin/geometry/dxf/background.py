"""The architect's drawing behind the plan: what is not plan content, its points, edges and closed outlines.

Part of the DXF adapter (it reads ezdxf entities), so that the designer's tools never touch
ezdxf themselves: snapping asks for points and segments, "pick the hall" for closed outlines.
"""

from __future__ import annotations

import math
from typing import Iterator

from bianmin.geometry import catalog


def is_background(entity) -> bool:
    """True for the architect's entities; False for BM- layers and BM_ inserts (the plan itself)."""
    try:
        if catalog.is_bm_layer(entity.dxf.get("layer", "")):
            return False
        if entity.dxftype() == "INSERT" and entity.dxf.name.upper().startswith("BM_"):
            return False
    except Exception:
        return False
    return True


def points_and_segments(doc, units_factor: float = 1.0, max_points: int = 400_000):
    """The background's snap points (every vertex of lines and polylines, the ends of curves) and
    its straight segments, in mm, following blocks; stops after ``max_points``."""
    from ezdxf import disassemble

    f = units_factor or 1.0
    pts: list[tuple[float, float]] = []
    segs: list[tuple[tuple[float, float], tuple[float, float]]] = []
    if doc is None:
        return pts, segs
    try:
        entities = [e for e in doc.modelspace() if is_background(e)]
        for prim in disassemble.to_primitives(disassemble.recursive_decompose(entities)):
            try:
                vs = [(v.x * f, v.y * f) for v in prim.vertices()]
            except Exception:
                continue
            if not vs:
                continue
            if prim.entity.dxftype() in ("LINE", "LWPOLYLINE", "POLYLINE", "SOLID", "TRACE"):
                pts.extend(vs)
            else:
                pts.extend([vs[0], vs[-1]])
            segs.extend(zip(vs, vs[1:], strict=False))
            if len(pts) > max_points:
                break
    except Exception:
        pass  # a broken block leaves what was collected so far: snapping is a help, not a check
    return pts, segs


def closed_outlines(doc, units_factor: float = 1.0) -> Iterator[list[tuple[float, float, float]]]:
    """Every closed LWPOLYLINE/POLYLINE of the background's modelspace as (x, y, bulge) in mm."""
    f = units_factor or 1.0
    for e in doc.modelspace():
        t = e.dxftype()
        if t not in ("LWPOLYLINE", "POLYLINE") or not is_background(e):
            continue
        try:
            if t == "LWPOLYLINE":
                pts = [(a * f, b * f, bulge) for a, b, bulge in e.get_points("xyb")]
                closed = e.closed
            else:
                pts = [(v.dxf.location[0] * f, v.dxf.location[1] * f, v.dxf.get("bulge", 0.0)) for v in e.vertices]
                closed = e.is_closed
        except Exception:
            continue
        if len(pts) > 2 and math.dist(pts[0][:2], pts[-1][:2]) < 1e-6:
            pts, closed = pts[:-1], True
        if closed and len(pts) >= 3:
            yield pts


MAX_EXPANDED = 200_000  # entities one INSERT may expand to in a drawing of the background


def oversized_inserts(doc, limit: int = MAX_EXPANDED) -> dict[str, str]:
    """The modelspace INSERTs not to draw, by handle, with the reason: a block that inserts itself
    (at any depth), or one that expands to more than ``limit`` entities (a few-KB "block bomb"
    whose 8 levels each insert the next 10 times is 100 million). Counted without recursion."""
    sizes: dict[str, float] = {}
    cyclic: set[str] = set()

    def size(name: str) -> float:
        # depth first with an explicit stack (a valid 1,000-deep nesting needs no recursion);
        # a block met again on its own path is a cycle and counts as endless
        root = name.upper()
        if root in sizes:
            return sizes[root]
        stack = [[root, iter(_children(doc, name)), 0.0]]
        on_path = {root}
        while stack:
            frame = stack[-1]
            descended = False
            for child in frame[1]:
                if child is None:
                    frame[2] += 1
                    continue
                key = child.upper()
                if key in sizes:
                    frame[2] += sizes[key]
                elif key in on_path:
                    cyclic.add(frame[0])
                    frame[2] = math.inf
                else:
                    stack.append([key, iter(_children(doc, child)), 0.0])
                    on_path.add(key)
                    descended = True
                    break
            if descended:
                continue
            stack.pop()
            on_path.discard(frame[0])
            sizes[frame[0]] = frame[2]
            if stack:
                stack[-1][2] += frame[2]
        return sizes[root]

    out: dict[str, str] = {}
    for e in doc.modelspace().query("INSERT"):
        if not is_background(e):
            continue
        try:
            n = size(e.dxf.name)
        except Exception:  # an unreadable block: leave it to the renderer's own guard
            continue
        if math.isinf(n) or e.dxf.name.upper() in cyclic:
            out[e.dxf.handle] = f"块 {e.dxf.name} 引用自身 / block {e.dxf.name} inserts itself"
        elif n > limit:
            out[e.dxf.handle] = (
                f"块 {e.dxf.name} 展开后有 {n:.0f} 个图元 / block {e.dxf.name} expands to {n:.0f} entities"
            )
    return out


def _children(doc, name: str):
    """For each entity of a block: the inserted block's name for an INSERT, else None (one entity)."""
    block = doc.blocks.get(name)
    if block is None:
        return []
    return [e.dxf.name if e.dxftype() == "INSERT" else None for e in block]
