"""The blocks of dxf-convention.md: what each BM_ block is, its group, its default shape.

One table serves the reader (which names are known), the writer (block
definitions for a new plan), the designer's palette and the sheets' legend.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry import Polygon, box


@dataclass(frozen=True)
class BlockSpec:
    name: str
    zh: str
    en: str
    group: str  # counter, sign, equipment, fire
    size: tuple[float, float]  # default footprint, local X by local Y, mm, centred on the origin
    layer: str
    round: bool = False
    mounted: bool = False  # on a wall or ceiling: not part of the floor
    attributes: tuple[str, ...] = field(default_factory=tuple)

    def local_footprint(self) -> Polygon:
        w, d = self.size
        if self.round:
            from .shapes import circle_outline, outline_polygon
            return outline_polygon(circle_outline(0.0, 0.0, w / 2))
        return box(-w / 2, -d / 2, w / 2, d / 2)


GROUPS = {
    "counter": ("柜台", "Counters"),
    "equipment": ("设施", "Equipment"),
    "sign": ("标识", "Signs"),
    "fire": ("消防与安全", "Fire and safety"),
}

_TABLE = [
    # name, zh, en, group, size, flags/attributes
    ("BM_COUNTER", "服务柜台", "service counter", "counter", (1600, 800), {"attributes": ("NO", "TYPE", "HEIGHT", "SEATS", "DEVICES")}),
    ("BM_GUIDE_DESK", "咨询导引服务台", "guidance desk", "equipment", (1800, 700), {}),
    ("BM_INFO_KIOSK", "信息查询设备", "information kiosk", "equipment", (600, 500), {}),
    ("BM_QUEUE_MACHINE", "自助抽号机", "queue ticket machine", "equipment", (500, 400), {}),
    ("BM_TV", "多媒体电视屏", "multimedia TV", "equipment", (1200, 300), {}),
    ("BM_SUGGESTION_BOX", "意见箱", "suggestion box", "equipment", (400, 250), {}),
    ("BM_EVALUATION_BOX", "评议箱", "evaluation box", "equipment", (400, 250), {}),
    ("BM_SEAT", "等候座椅", "waiting seat", "equipment", (600, 600), {"attributes": ("COUNT",)}),
    ("BM_FORM_DESK", "自助填单台", "form-filling desk", "equipment", (1200, 600), {}),
    ("BM_SELF_SERVICE", "自助服务终端", "self-service terminal", "equipment", (700, 600), {}),
    ("BM_PRINTER", "免费打印复印机", "free printer/copier", "equipment", (800, 600), {}),
    ("BM_WATER", "饮水机", "water dispenser", "equipment", (400, 400), {}),
    ("BM_CHARGER", "手机充电台", "phone charging station", "equipment", (500, 400), {}),
    ("BM_GLASSES", "老花镜", "reading glasses", "equipment", (400, 300), {}),
    ("BM_MAILBOX_24H", "24小时自助信包箱", "24-hour parcel locker", "equipment", (1500, 500), {}),
    ("BM_SIGN_HOURS", "工作时间标识", "working hours sign", "sign", (600, 100), {"mounted": True}),
    ("BM_SIGN_GUIDE", "导引牌", "guide board", "sign", (800, 100), {"mounted": True}),
    ("BM_SIGN_FLOORPLAN", "大厅平面示意图", "floor plan board", "sign", (800, 100), {"mounted": True}),
    ("BM_SIGN_DIRECTION", "指向牌", "direction sign", "sign", (600, 100), {"mounted": True}),
    ("BM_SIGN_WINDOW", "窗口吊牌", "window sign", "sign", (800, 100), {"mounted": True, "attributes": ("NO",)}),
    ("BM_SIGN_DISPLAY", "电子公示屏", "public notice screen", "sign", (1500, 100), {"mounted": True}),
    ("BM_SIGN_ZONE_SCREEN", "功能区滚动显示屏", "zone status screen", "sign", (1000, 100), {"mounted": True}),
    ("BM_SIGN_COMPLAINT", "监督投诉公示", "complaints notice", "sign", (600, 100), {"mounted": True}),
    ("BM_EXIT_SIGN", "安全出口标志", "exit sign", "fire", (350, 150), {"mounted": True}),
    ("BM_EVAC_SIGN", "疏散方向标志", "evacuation direction sign", "fire", (350, 150), {"mounted": True, "attributes": ("MOUNT",)}),
    ("BM_FIRE_SIGN", "消防安全标志", "fire safety sign", "fire", (300, 300), {"mounted": True, "attributes": ("CODE",)}),
    ("BM_EXTINGUISHER", "灭火器设置点", "fire extinguisher point", "fire", (500, 300), {"attributes": ("COUNT", "RATING")}),
    ("BM_HYDRANT", "室内消火栓", "indoor fire hydrant", "fire", (700, 240), {}),
    ("BM_EMERGENCY_LIGHT", "应急照明灯", "emergency light", "fire", (300, 300), {"round": True, "mounted": True}),
    ("BM_ALARM", "手动报警按钮", "manual alarm", "fire", (120, 120), {"mounted": True}),
    ("BM_CAMERA", "监控摄像机", "security camera", "fire", (200, 200), {"round": True, "mounted": True, "attributes": ("FOV", "RANGE")}),
]

_LAYER_OF_GROUP = {"counter": "BM-COUNTER", "sign": "BM-SIGN", "equipment": "BM-EQUIP", "fire": "BM-FIRE"}

BLOCKS: dict[str, BlockSpec] = {
    name: BlockSpec(name=name, zh=zh, en=en, group=group, size=size,
                    layer=_LAYER_OF_GROUP[group], **extra)
    for name, zh, en, group, size, extra in _TABLE
}

SIGN_BLOCKS = tuple(n for n, s in BLOCKS.items() if s.group == "sign")

# BM_EXIT_SIGN etc. are signs for the free-floor definition too: every mounted block.
MOUNTED_BLOCKS = tuple(n for n, s in BLOCKS.items() if s.mounted)

COUNTER_TYPES = {
    "general": ("综合窗口", "general window"),
    "instant": ("即办窗口", "instant window"),
    "accessible": ("低位/无障碍窗口", "accessible window"),
    "special": ("专业窗口", "specialised window"),
}

DEVICES = {
    "computer": ("计算机", "computer"),
    "id_reader": ("身份证读卡器", "ID card reader"),
    "barcode": ("条码扫描器", "barcode scanner"),
    "evaluator": ("服务评价器", "service evaluator"),
    "scanner": ("扫描仪", "document scanner"),
}


@dataclass(frozen=True)
class LayerSpec:
    name: str
    alias: str
    role: str  # hall, zone, opening, obstacle, route, object
    kind: str  # zone kind, opening kind, or ""
    color: int  # AutoCAD colour index
    zh: str
    en: str


LAYERS: dict[str, LayerSpec] = {spec.name: spec for spec in [
    LayerSpec("BM-HALL", "BM-大厅", "hall", "", 7, "大厅", "hall"),
    LayerSpec("BM-ZONE-CONSULT", "BM-咨询导引区", "zone", "consult", 4, "咨询导引区", "consultation zone"),
    LayerSpec("BM-ZONE-WAIT", "BM-服务等候区", "zone", "wait", 3, "服务等候区", "waiting zone"),
    LayerSpec("BM-ZONE-WINDOW", "BM-窗口办理区", "zone", "window", 5, "窗口办理区", "window service zone"),
    LayerSpec("BM-ZONE-SELF", "BM-自助服务区", "zone", "self", 6, "自助服务区", "self-service zone"),
    LayerSpec("BM-ZONE-OFFICE", "BM-后台办公区", "zone", "office", 8, "后台办公区", "back office"),
    LayerSpec("BM-DOOR-MAIN", "BM-主入口", "opening", "main", 3, "主入口", "main entrance"),
    LayerSpec("BM-DOOR-EXIT", "BM-安全出口", "opening", "exit", 3, "安全出口", "emergency exit"),
    LayerSpec("BM-DOOR", "BM-门", "opening", "door", 2, "门", "internal door"),
    LayerSpec("BM-OBSTACLE", "BM-障碍", "obstacle", "", 8, "障碍", "obstacle"),
    LayerSpec("BM-ROUTE", "BM-疏散路线", "route", "", 3, "疏散路线", "evacuation route"),
    LayerSpec("BM-COUNTER", "BM-柜台", "object", "", 5, "柜台", "counters"),
    LayerSpec("BM-SIGN", "BM-标识", "object", "", 1, "标识", "signs"),
    LayerSpec("BM-FIRE", "BM-消防", "object", "", 1, "消防", "fire and safety"),
    LayerSpec("BM-EQUIP", "BM-设施", "object", "", 30, "设施", "equipment"),
]}

_LAYER_LOOKUP = {}
for _spec in LAYERS.values():
    _LAYER_LOOKUP[_spec.name.lower()] = _spec
    _LAYER_LOOKUP[_spec.alias.lower()] = _spec

ZONE_LAYER = {spec.kind: spec.name for spec in LAYERS.values() if spec.role == "zone"}
OPENING_LAYER = {spec.kind: spec.name for spec in LAYERS.values() if spec.role == "opening"}


def layer_spec(name: str) -> LayerSpec | None:
    """The convention's layer for a DXF layer name (case-insensitive, Chinese aliases too)."""
    return _LAYER_LOOKUP.get((name or "").strip().lower())


def is_bm_layer(name: str) -> bool:
    return (name or "").strip().lower().startswith("bm-")


def block_spec(name: str) -> BlockSpec | None:
    return BLOCKS.get((name or "").strip().upper())
