"""Split an architect's drawing before ezdxf reads it: the plan and the structure, and the simple background.

An architect's floor plan is mostly LINEs, TEXTs, CIRCLEs, ARCs and plain LWPOLYLINEs on
the architect's own layers: 200,000 of them take ezdxf 20 s to load, and its drawing frontend
minutes to draw (issue 16). None of them is plan content (the reader looks only at
convention layers and BM_ blocks), so they are taken out of the ENTITIES section here, at the
level of group-code pairs, before ezdxf reads the rest: ``validate`` reads only what it
checks, and the PDF draws the simple entities from plain numbers (:class:`SimpleBackground`).

Everything else stays for ezdxf exactly as written: every other section, blocks, INSERTs,
hatches, dimensions, MTEXT, polylines with bulges or widths, paper-space entities,
entities in an extruded coordinate system, and any entity on a layer of the convention.
A file this splitter does not understand is left whole (``split`` returns None).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from bianmin.geometry import catalog

SIMPLE = {b"LINE", b"TEXT", b"CIRCLE", b"ARC", b"LWPOLYLINE", b"POINT"}
MIN_ENTITIES = 5000  # below this the split is not worth its time: ezdxf reads the whole file

_ENTITIES = re.compile(rb"(?:^|\n)[ \t]*0[ \t]*\r?\nSECTION[ \t]*\r?\n[ \t]*2[ \t]*\r?\nENTITIES[ \t]*\r?\n")
_ACADVER = re.compile(rb"\$ACADVER[ \t]*\r?\n[ \t]*1[ \t]*\r?\n([^\r\n]*)")
_CODEPAGE = re.compile(rb"\$DWGCODEPAGE[ \t]*\r?\n[ \t]*3[ \t]*\r?\n([^\r\n]*)")


@dataclass
class SimpleBackground:
    """The simple background entities taken out, in drawing units, grouped by layer name (upper case)."""

    lines: dict[str, list[tuple[float, float, float, float]]] = field(default_factory=dict)
    polylines: dict[str, list[tuple[list[tuple[float, float]], bool]]] = field(default_factory=dict)
    circles: dict[str, list[tuple[float, float, float, float, float]]] = field(default_factory=dict)  # cx cy r a0 a1
    # text, x, y, height, rotation (degrees), width factor, halign (0 left, 1 centre, 2 right), valign (0..3)
    texts: dict[str, list[tuple[str, float, float, float, float, float, int, int]]] = field(default_factory=dict)
    count: int = 0  # entities taken out

    def layers(self) -> set[str]:
        return set(self.lines) | set(self.polylines) | set(self.circles) | set(self.texts)


def split(data: bytes, *, keep_geometry: bool = True) -> tuple[bytes, SimpleBackground] | None:
    """``(the drawing without its simple background, the simple background)``, or None when the file
    is small, binary, without an ENTITIES section, or not laid out as this splitter expects."""
    if data.startswith(b"AutoCAD Binary DXF"):
        return None
    m = _ENTITIES.search(data)
    if m is None:
        return None
    start = m.end()
    lines = data[start:].split(b"\n")
    if len(lines) < 4 * MIN_ENTITIES:
        return None
    codes = lines[0::2]
    values = lines[1::2]
    n = len(values)
    starts = []
    end = None
    for i in range(n):
        c = codes[i]
        if c.strip() == b"0":
            if values[i].strip() == b"ENDSEC":
                end = i
                break
            starts.append(i)
    if end is None or len(starts) < MIN_ENTITIES:
        return None
    encoding = _encoding(data[:start])
    bg = SimpleBackground()
    kept: list[bytes] = []
    bounds = starts[1:] + [end]
    for s, e in zip(starts, bounds, strict=True):
        kind = values[s].strip()
        if kind in SIMPLE:
            taken = _take(kind, codes, values, s, e, bg, encoding, keep_geometry)
            if taken:
                bg.count += 1
                continue
        kept.append(b"\n".join(lines[2 * s : 2 * e]))
    if bg.count == 0:
        return None
    rest = b"\n".join(lines[2 * end :])
    body = b"\n".join(kept)
    return data[:start] + body + (b"\n" if body else b"") + rest, bg


def _encoding(head: bytes) -> str:
    ver = _ACADVER.search(head)
    if ver and ver.group(1).strip() >= b"AC1021":
        return "utf-8"
    cp = _CODEPAGE.search(head)
    if cp:
        try:
            from ezdxf.tools.codepage import toencoding

            return toencoding(cp.group(1).strip().decode("ascii", "replace"))
        except Exception:  # noqa: BLE001 -- an unknown code page: the texts as cp1252, never a failure
            return "cp1252"
    return "cp1252"


def _take(kind, codes, values, s, e, bg: SimpleBackground, encoding: str, keep_geometry: bool) -> bool:
    """Parse one simple entity into ``bg``; False to leave it for ezdxf (a convention layer, paper space,
    an extrusion, bulges or widths, anything odd)."""
    layer = "0"
    num: dict[int, float] = {}
    xs: list[float] = []
    ys: list[float] = []
    text = b""
    invisible = False
    try:
        for k in range(s + 1, e):
            c = int(codes[k])
            v = values[k].rstrip(b"\r")
            if c == 8:
                layer = v.decode(encoding, "replace").strip()
            elif c == 67 or c == 210 or c == 220:
                if float(v) != 0:
                    return False  # paper space, or an extruded coordinate system
            elif c == 230:
                if float(v) != 1:
                    return False
            elif c == 60:
                invisible = int(v) != 0
            elif c == 102 or c == 1001:
                return False  # reactors or extended data: something else refers to it, leave it whole
            elif kind == b"LWPOLYLINE" and c == 10:
                xs.append(float(v))
            elif kind == b"LWPOLYLINE" and c == 20:
                ys.append(float(v))
            elif c == 1 and kind == b"TEXT":
                text = v
            elif c in (10, 20, 11, 21, 40, 41, 42, 43, 50, 51, 70, 72, 73, 38, 39):
                num[c] = float(v)
    except (ValueError, UnicodeError):
        return False
    if catalog.is_bm_layer(layer) or catalog.layer_spec(layer) is not None:
        return False
    if kind == b"LWPOLYLINE":
        if num.get(42, 0) or num.get(43, 0) or num.get(40, 0) or num.get(41, 0) or len(xs) != len(ys) or not xs:
            return False  # bulges, widths: ezdxf draws those
        if num.get(39, 0):
            return False
    if not all(math.isfinite(x) for x in num.values()) or not all(map(math.isfinite, xs + ys)):
        return False
    if invisible or kind == b"POINT" or not keep_geometry:
        return True  # points are not drawn; for a check the geometry is not needed at all
    key = layer.upper()
    if kind == b"LINE":
        bg.lines.setdefault(key, []).append((num.get(10, 0.0), num.get(20, 0.0), num.get(11, 0.0), num.get(21, 0.0)))
    elif kind == b"LWPOLYLINE":
        bg.polylines.setdefault(key, []).append((list(zip(xs, ys, strict=True)), bool(int(num.get(70, 0)) & 1)))
    elif kind == b"CIRCLE":
        bg.circles.setdefault(key, []).append((num.get(10, 0.0), num.get(20, 0.0), num.get(40, 0.0), 0.0, 360.0))
    elif kind == b"ARC":
        bg.circles.setdefault(key, []).append(
            (num.get(10, 0.0), num.get(20, 0.0), num.get(40, 0.0), num.get(50, 0.0), num.get(51, 360.0))
        )
    elif kind == b"TEXT":
        from ezdxf.tools.text import plain_text

        halign, valign = int(num.get(72, 0)), int(num.get(73, 0))
        x, y = num.get(10, 0.0), num.get(20, 0.0)
        if (halign or valign) and 11 in num:
            x, y = num[11], num.get(21, 0.0)
        if halign > 2:  # aligned, middle, fit: drawn from the first point, left aligned
            halign, valign, x, y = 0, 0, num.get(10, 0.0), num.get(20, 0.0)
        content = plain_text(text.decode(encoding, "replace"))
        if content.strip():
            bg.texts.setdefault(key, []).append(
                (content, x, y, num.get(40, 0.0), num.get(50, 0.0), num.get(41, 1.0) or 1.0, halign, valign)
            )
    return True
