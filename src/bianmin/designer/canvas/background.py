"""The architect's drawing on screen: ezdxf's frontend (run by the DXF adapter, geometry/dxf/render.py)
into a tiled Qt item.

ezdxf's own PyQt backend needs PySide6 or PyQt5; this one is PyQt6 and batches the
drawing into one path per colour per tile, so a view of a large drawing paints only the
tiles it shows (tens of thousands of entities stay responsive).
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PyQt6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from bianmin.geometry.dxf.render import FlatBackend, render_background

TILES = 48


class _Collector(FlatBackend):
    def __init__(self, units_factor):
        super().__init__(units_factor)
        self.strokes = []  # (bbox, colour, points)
        self.fills = []

    def stroke(self, points, colour):
        if len(points) >= 2:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            self.strokes.append(((min(xs), min(ys), max(xs), max(ys)), colour[:7], points))

    def fill(self, rings, colour):
        xs = [p[0] for r in rings for p in r]
        ys = [p[1] for r in rings for p in r]
        self.fills.append(((min(xs), min(ys), max(xs), max(ys)), colour[:7], rings))


class Tiles:
    """The background's paths per colour and tile (QPainterPath only, no item: built in the opening
    thread, so that the interface thread only puts them in the scene)."""

    def __init__(self, strokes, fills):
        boxes = [b for b, _, _ in strokes] + [b for b, _, _ in fills]
        if boxes:
            # the drawing's extent, robust to a few stray far-away entities
            xs = sorted(v for b in boxes for v in (b[0], b[2]))
            ys = sorted(v for b in boxes for v in (b[1], b[3]))
            self._rect = QRectF(QPointF(xs[0], ys[0]), QPointF(xs[-1], ys[-1])).normalized()
        else:
            self._rect = QRectF()
        self.tiles = defaultdict(lambda: {"stroke": {}, "fill": {}})
        w = max(self._rect.width(), 1.0) / TILES
        h = max(self._rect.height(), 1.0) / TILES
        self._tile_size = (w, h)
        for box, colour, points in strokes:
            path = self._path_for(box, "stroke", colour)
            path.moveTo(QPointF(*points[0]))
            for p in points[1:]:
                path.lineTo(QPointF(*p))
        for box, colour, rings in fills:
            path = self._path_for(box, "fill", colour)
            for ring in rings:
                path.addPolygon(QPolygonF([QPointF(*p) for p in ring]))
                path.closeSubpath()
        self.tile_rects = {key: QRectF() for key in self.tiles}
        for key, t in self.tiles.items():
            r = QRectF()
            for kind in ("stroke", "fill"):
                for path in t[kind].values():
                    r = r.united(path.boundingRect())
            self.tile_rects[key] = r
        self.count = len(strokes) + len(fills)

    def _path_for(self, box, kind, colour) -> QPainterPath:
        cx = (box[0] + box[2]) / 2 - self._rect.left()
        cy = (box[1] + box[3]) / 2 - self._rect.top()
        key = (
            min(TILES - 1, max(0, int(cx / self._tile_size[0]))),
            min(TILES - 1, max(0, int(cy / self._tile_size[1]))),
        )
        paths = self.tiles[key][kind]
        if colour not in paths:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            paths[colour] = path
        return paths[colour]


class BackgroundItem(QGraphicsItem):
    """The background as paths per colour and tile; paints only tiles in the exposed rect."""

    def __init__(self, strokes=(), fills=(), tiles: Tiles | None = None):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        t = tiles if tiles is not None else Tiles(strokes, fills)
        self._rect, self.tiles, self.tile_rects, self.count = t._rect, t.tiles, t.tile_rects, t.count
        self._image = None

    def boundingRect(self) -> QRectF:
        r = QRectF()
        for tr in self.tile_rects.values():
            r = r.united(tr)
        return r

    CACHE_PX = 3072

    def _cached(self) -> QImage:
        """The whole background drawn once into an image (for frames that show most of it)."""
        if self._image is None:
            rect = self.boundingRect()
            # a drawing of one straight line has no height: never divide by it (that aborted the designer)
            rw, rh = max(rect.width(), 1.0), max(rect.height(), 1.0)
            k = self.CACHE_PX / max(rw, rh)
            w, h = max(1, int(rw * k)), max(1, int(rh * k))
            image = QImage(w, h, QImage.Format.Format_RGB32)
            image.fill(QColor("#ffffff"))
            p = QPainter(image)
            try:
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                p.scale(w / rw, h / rh)
                p.translate(-rect.left(), -rect.top())
                self._paint_tiles(p, rect)
            finally:
                p.end()
            self._image = image
        return self._image

    def paint(self, painter, option: QStyleOptionGraphicsItem, widget=None):
        rect = self.boundingRect()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())  # device pixels per mm
        if lod * max(rect.width(), rect.height()) <= self.CACHE_PX:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(rect, self._cached())
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._paint_tiles(painter, option.exposedRect)

    def _paint_tiles(self, painter, exposed):
        for key, t in self.tiles.items():
            if not self.tile_rects[key].intersects(exposed):
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            for colour, path in t["fill"].items():
                painter.setBrush(QBrush(QColor(colour)))
                painter.drawPath(path)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for colour, path in t["stroke"].items():
                pen = QPen(QColor(colour))
                pen.setCosmetic(True)
                pen.setWidthF(1.0)
                painter.setPen(pen)
                painter.drawPath(path)


# what ezdxf's frontend made of a drawing, per drawing and units: collecting it is the slow part of opening
# a large drawing (3–4 s of the TArch plan), done once in the opening thread; the scene is rebuilt after
# every save and units change and takes it from here.  Only non-BM entities are drawn, and the designer
# changes only BM- content, so a drawing's collection stays true while the drawing lives.
_COLLECTED: "weakref.WeakKeyDictionary[object, dict[float, _Collector]]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def collect_background(doc, units_factor: float) -> _Collector:
    """The drawing's lines and fills in plan mm (no Qt objects: safe in a worker thread); cached."""
    from bianmin.drawing.fonts import CJK_NAMES, CJK_PRESENT

    with _LOCK:
        cached = _COLLECTED.get(doc, {}).get(units_factor)
    if cached is not None:
        return cached
    collector = _Collector(units_factor)
    # solid lines: dashed linetypes cut into single dashes made one real drawing 1.9 million
    # strokes and a 54 s wait; as a reference under the layout, solid lines serve as well
    # on white: ezdxf draws colour 7 (black/white) black; COLOR_SWAP_BW drew it white on white
    # (40 of the 42 texts of the TArch plan in the corpus were invisible)
    render_background(doc, collector, solid_lines=True, on_white=True, cjk_fonts=CJK_PRESENT, cjk_names=CJK_NAMES)
    with _LOCK:
        _COLLECTED.setdefault(doc, {})[units_factor] = collector
    return collector


def background_tiles(doc, units_factor: float) -> Tiles | None:
    """The drawing's tiles of paths (None: nothing to draw); cached like the collection, thread-safe."""
    collector = collect_background(doc, units_factor)
    if not collector.strokes and not collector.fills:
        return None
    with _LOCK:
        tiles = getattr(collector, "tiles", None)
    if tiles is None:
        tiles = Tiles(collector.strokes, collector.fills)
        with _LOCK:
            collector.tiles = tiles
    return tiles


def background_item(doc, units_factor: float) -> BackgroundItem | None:
    if doc is None:
        return None
    tiles = background_tiles(doc, units_factor)
    return BackgroundItem(tiles=tiles) if tiles is not None else None
