"""The one vocabulary of the plan (docs/dxf-convention.md): blocks, their attributes, layers, enumerations.

Every name a user sees for a thing in the plan, every attribute default, range
and unit, and every enumerated value with its Chinese and English label is
defined here once.  The reader (which names are known), the writer (block
definitions for a new plan), the model's defaults, the rules, the analysis, the
designer's palette, tools and property editors and the sheets' legend and
schedules all read it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from shapely.geometry import Polygon, box


class Vocab:
    """An enumeration declared once: keys in order, each with its Chinese and English label."""

    def __init__(self, *items: tuple[str, str, str]):
        self._labels = {key: (zh, en) for key, zh, en in items}

    def __iter__(self):
        return iter(self._labels)

    def __contains__(self, key) -> bool:
        return key in self._labels

    def __len__(self) -> int:
        return len(self._labels)

    def __getitem__(self, key: str) -> tuple[str, str]:
        return self._labels[key]

    def keys(self) -> tuple[str, ...]:
        return tuple(self._labels)

    def find(self, raw: str) -> str | None:
        """The key that ``raw`` names, ignoring case and surrounding space; None when none does."""
        low = (raw or "").strip().lower()
        return next((k for k in self._labels if k.lower() == low), None)

    def get(self, key: str, default=None):
        return self._labels.get(key, default)

    def items(self):
        return self._labels.items()

    def label(self, key: str, lang: str = "zh") -> str:
        """The label of ``key`` in ``lang``; an unknown key is shown as it is."""
        zh, en = self._labels.get(key, (key, key))
        return en if lang == "en" else zh

    def index(self, key: str) -> int:
        return list(self._labels).index(key)


# -- enumerations (docs/dxf-convention.md, docs/rules.md) ----------------------------
KINDS = Vocab(
    ("street-center", "镇/街道便民服务中心", "street service centre"),
    ("community-station", "社区便民服务站", "community service station"),
)
CONSTRUCTIONS = Vocab(("new", "新建", "new"), ("expanded", "扩建", "expanded"), ("existing", "既有", "existing"))
HAZARDS = Vocab(
    ("light", "轻危险级", "light hazard"),
    ("medium", "中危险级", "medium hazard"),
    ("severe", "严重危险级", "severe hazard"),
)
FIRE_RESISTANCE = Vocab(
    ("1", "一级", "grade 1"), ("2", "二级", "grade 2"), ("3", "三级", "grade 3"), ("4", "四级", "grade 4")
)
OPENING_KINDS = Vocab(
    ("main", "主入口", "main entrance"), ("exit", "安全出口", "emergency exit"), ("door", "内部门", "internal door")
)
ZONE_KINDS = Vocab(
    ("consult", "咨询导引区", "consultation zone"),
    ("wait", "服务等候区", "waiting zone"),
    ("window", "窗口办理区", "window service zone"),
    ("self", "自助服务区", "self-service zone"),
    ("office", "后台办公区", "back office"),
)
SEVERITIES = Vocab(("error", "错误", "error"), ("warning", "警告", "warning"), ("info", "信息", "info"))
COUNTER_TYPES = Vocab(
    ("general", "综合窗口", "general window"),
    ("instant", "即办窗口", "instant window"),
    ("accessible", "低位/无障碍窗口", "accessible window"),
    ("special", "专业窗口", "specialised window"),
)
DEVICES = Vocab(
    ("computer", "计算机", "computer"),
    ("id_reader", "身份证读卡器", "ID card reader"),
    ("barcode", "条码扫描器", "barcode scanner"),
    ("evaluator", "服务评价器", "service evaluator"),
    ("scanner", "扫描仪", "document scanner"),
    ("doc_camera", "高拍仪", "document camera"),
)
MOUNTS = Vocab(("wall", "墙面", "wall"), ("ceiling", "吊装", "ceiling (hung)"), ("floor", "地面", "floor"))
RATINGS = Vocab(*((f"{n}A", f"{n}A", f"{n}A") for n in (1, 2, 3, 4, 6, 8, 10)))

YES_NO = Vocab(("yes", "是", "yes"), ("no", "否", "no"))
# the hall's building context (rule set 2019.3): the hall is the building (or a fire compartment whose doors
# lead outside: its doors are 安全出口) or a room in a larger building (its doors are 疏散门 to corridors)
SMOKE_EXHAUST = Vocab(
    ("natural", "自然排烟", "natural smoke exhaust"),
    ("mechanical", "机械排烟", "mechanical smoke exhaust"),
)
HALL_SETTINGS = Vocab(
    ("building", "独立建筑/防火分区（门通向室外）", "the building (doors lead outside)"),
    ("room", "建筑内的房间（门通向走道）", "a room in a building (doors lead to corridors)"),
)


@dataclass(frozen=True)
class PropertySpec:
    """A plan property (a header custom property, or an attribute of BM_PLANINFO): its labels,
    its values (an enumeration, or a text saying what is accepted) and the default that applies."""

    key: str
    zh: str
    en: str
    values: Vocab | None = None
    accepts_zh: str = ""
    accepts_en: str = ""
    note_zh: str = ""  # the default in words, where it is not one value (it depends on the kind …)
    note_en: str = ""
    default: str = ""  # the value that applies when the plan does not say, as a plan would write it

    @property
    def default_zh(self) -> str:
        return self.note_zh or self.default or "空"

    @property
    def default_en(self) -> str:
        return self.note_en or self.default or "empty"


PLAN_PROPERTIES: tuple[PropertySpec, ...] = (
    PropertySpec(
        "BM_NAME",
        "机构名称",
        "official name",
        None,
        "文字，如 西安市新城区西一路街道便民服务中心",
        "text, e.g. 西安市新城区西一路街道便民服务中心",
    ),
    PropertySpec("BM_KIND", "类型", "kind", KINDS, default="street-center"),
    PropertySpec("BM_CONSTRUCTION", "建设性质", "construction", CONSTRUCTIONS, default="new"),
    PropertySpec(
        "BM_HOURS",
        "对外服务时间",
        "opening hours",
        None,
        "以 ; 分隔的时段，如 08:30-12:00;14:00-17:30",
        "`;`-separated ranges, e.g. 08:30-12:00;14:00-17:30",
    ),
    PropertySpec(
        "BM_FLOOR",
        "所在楼层",
        "floor",
        None,
        "整数，1 为首层，-1 为地下一层",
        "integer, 1 = ground floor, -1 = first basement",
        default="1",
    ),
    PropertySpec(
        "BM_BUILDING_FLOORS", "建筑地上层数", "storeys above ground", None, "正整数", "positive integer", default="1"
    ),
    PropertySpec("BM_SPRINKLERS", "设自动喷水灭火系统", "sprinklers installed", YES_NO, default="no"),
    PropertySpec(
        "BM_FIRE_HAZARD",
        "火灾危险等级（灭火器配置）",
        "fire hazard (extinguishers)",
        HAZARDS,
        default="medium",
    ),
    PropertySpec("BM_POPULATION", "服务人口", "residents served", None, "正整数", "positive integer"),
    PropertySpec(
        "BM_PEAK_DAILY_VISITS", "高峰日办件量", "transactions on a busy day", None, "正整数", "positive integer"
    ),
    PropertySpec(
        "BM_SERVICE_MINUTES",
        "平均办件时长（分钟）",
        "mean minutes per transaction",
        None,
        "正数",
        "positive number",
        default="10",
    ),
    PropertySpec("BM_FIRE_RESISTANCE", "建筑耐火等级", "fire-resistance grade", FIRE_RESISTANCE, default="2"),
    PropertySpec(
        "BM_FIRE_ALARM_SYSTEM",
        "设火灾自动报警系统",
        "automatic fire alarm system",
        YES_NO,
        note_zh="街道中心 yes，社区站 no",
        note_en="yes for street-center, no for community-station",
    ),
    PropertySpec(
        "BM_BUILDING_HEIGHT_M",
        "建筑高度（m）",
        "building height (m)",
        None,
        "数值；超过 24 m 为高层",
        "number; over 24 m is high-rise",
        "空（地上层数 > 9 时按高层）",
        "empty (high-rise when storeys > 9)",
    ),
    PropertySpec(
        "BM_HALL_SETTING",
        "大厅所处位置",
        "hall's setting",
        HALL_SETTINGS,
        note_zh="地上层数为 1 时 building，否则 room",
        note_en="building for a single-storey building, else room",
    ),
    PropertySpec(
        "BM_CROWDED",
        "人员密集场所",
        "crowded premises",
        YES_NO,
        note_zh="街道中心或大厅面积超过 200 m² 时 yes，否则 no",
        note_en="yes for street-center or a hall over 200 m², else no",
    ),
    PropertySpec(
        "BM_CENTRE_AREA_M2",
        "中心总面积（m²，大厅及后台用房）",
        "centre's area (m², hall and back rooms)",
        None,
        "正数",
        "positive number",
        "空（按大厅面积）",
        "empty (the hall's area)",
    ),
    PropertySpec(
        "BM_CORRIDOR_TO_EXIT_M",
        "疏散门至最近安全出口的走道长度（m）",
        "corridor from the hall's door to the nearest exit (m)",
        None,
        "数值；疏散门直通室外或楼梯间时为 0",
        "number; 0 when the doors open outside or into a stair",
    ),
    PropertySpec("BM_SMOKE_EXHAUST", "排烟方式", "smoke exhaust", SMOKE_EXHAUST),
    PropertySpec(
        "BM_SMOKE_OPENINGS_M2",
        "自然排烟窗有效面积（m²）",
        "natural smoke vents' open area (m²)",
        None,
        "正数",
        "positive number",
    ),
    PropertySpec(
        "BM_HYDRANT_ONE_JET",
        "消火栓可按 1 股充实水柱到达",
        "hydrants: one jet suffices",
        YES_NO,
        note_zh="空（按 no：2 股水柱）",
        note_en="empty (no: two jets)",
    ),
)


# the district's 24-hour parcel locker deployment targets by profile (XC 二(四))
DISTRICT_MAILBOX_TARGETS = {"street-center": 0.6, "community-station": 0.5}


@dataclass(frozen=True)
class AttributeSpec:
    """One ATTRIB tag of a block: its type, default, allowed values, unit and labels.

    ``type`` is ``int``, ``float``, ``text``, ``choice`` (one of ``choices``) or
    ``list`` (a comma list of ``choices``).  ``range`` bounds numbers; a value
    outside it is invalid, and :meth:`number` clamps it so that no drawing can
    make a check run away (a counter with SEATS=1e300).
    """

    tag: str
    type: str
    default: str
    zh: str
    en: str
    unit: str = ""
    range: tuple[float, float] | None = None
    choices: Vocab | None = None

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def problem(self, raw: str) -> tuple[str, str] | None:
        """Why ``raw`` is not a valid value, in Chinese and English; None when it is valid or empty."""
        raw = (raw or "").strip()
        if not raw:
            return None
        if self.type in ("int", "float"):
            try:
                value = float(raw)
            except ValueError:
                return ("不是数字", "not a number")
            if not math.isfinite(value):
                return ("不是有限数值", "not a finite number")
            if self.range and not self.range[0] <= value <= self.range[1]:
                lo, hi = (_fmt(v) for v in self.range)
                return (f"超出允许范围 {lo}–{hi}{self.unit}", f"outside the allowed range {lo}–{hi}{self.unit}")
            if self.type == "int" and not value.is_integer():
                return ("应为整数", "must be a whole number")
            return None
        if self.type == "choice" and self.choices is not None and self.choices.find(raw) is None:
            return (f"应为 {'、'.join(self.choices.keys())} 之一", f"must be one of {', '.join(self.choices.keys())}")
        if self.type == "list" and self.choices is not None:
            bad = [x for x in _split_list(raw) if self.choices.find(x) is None]
            if bad:
                return (f"未知项 {'、'.join(bad)}", f"unknown item(s) {', '.join(bad)}")
        return None

    def number(self, raw: str) -> float | None:
        """The numeric value of ``raw`` (the default when empty), clamped to the range; None when unusable."""
        raw = (raw or "").strip() or self.default
        try:
            value = float(raw)
        except ValueError:
            return None
        if not math.isfinite(value):
            return None
        if self.range:
            value = min(max(value, self.range[0]), self.range[1])
        return value


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _split_list(raw: str) -> list[str]:
    return [x.strip().lower() for x in raw.replace("，", ",").split(",") if x.strip()]


def split_list(raw: str) -> list[str]:
    """The items of a comma-list attribute (DEVICES), lower case; Chinese commas too."""
    return _split_list(raw)


_ALL_DEVICES = "computer,id_reader,barcode,evaluator,scanner,doc_camera"

ATTRIBUTES: dict[str, tuple[AttributeSpec, ...]] = {
    "BM_COUNTER": (
        AttributeSpec("NO", "text", "", "窗口号", "window no."),
        AttributeSpec("TYPE", "choice", "general", "窗口类型", "window type", choices=COUNTER_TYPES),
        AttributeSpec("HEIGHT", "int", "750", "台面高度", "counter height", " mm", (300, 1500)),
        AttributeSpec("SEATS", "int", "1", "窗口位数", "window positions", "", (1, 20)),
        AttributeSpec("DEVICES", "list", _ALL_DEVICES, "窗口设备", "devices", choices=DEVICES),
        # the knee space under an accessible counter (GB 55019 / GB 50763 3.15.2: 750 wide, 650 high, 450 deep)
        AttributeSpec("KNEE_W", "int", "", "容膝空间宽", "knee space width", " mm", (0, 3000)),
        AttributeSpec("KNEE_H", "int", "", "容膝空间高", "knee space height", " mm", (0, 1500)),
        AttributeSpec("KNEE_D", "int", "", "容膝空间深", "knee space depth", " mm", (0, 1500)),
    ),
    "BM_SEAT": (AttributeSpec("COUNT", "int", "1", "座位数", "seats", "", (1, 200)),),
    "BM_SIGN_WINDOW": (AttributeSpec("NO", "text", "", "窗口号", "window no."),),
    "BM_EVAC_SIGN": (AttributeSpec("MOUNT", "choice", "wall", "安装方式", "mounting", choices=MOUNTS),),
    "BM_FIRE_SIGN": (AttributeSpec("CODE", "text", "", "标志代码", "sign code"),),
    "BM_EXTINGUISHER": (
        AttributeSpec("COUNT", "int", "2", "灭火器数量", "extinguishers", "", (1, 50)),
        AttributeSpec("RATING", "choice", "2A", "灭火级别", "rating", choices=RATINGS),
    ),
    "BM_TOILET": (
        AttributeSpec("ACCESSIBLE", "choice", "no", "含无障碍厕位", "has an accessible cubicle", choices=YES_NO),
    ),
    "BM_CAMERA": (
        AttributeSpec("FOV", "float", "90", "视角", "field of view", "°", (10, 360)),
        AttributeSpec("RANGE", "float", "12000", "监控距离", "range", " mm", (1000, 60000)),
    ),
}


# a door's attributes (rule set 2019.3): XDATA of application OPENING_APPID on the opening's LINE or
# polyline, each a 1000 string "TAG=value" (openings are lines, which have no ATTRIBs)
DOOR_TYPES = Vocab(
    ("swing", "平开门", "swing door"),
    ("sliding", "推拉门", "sliding door"),
    ("revolving", "旋转门", "revolving door"),
    ("rolling", "卷帘门", "roller shutter"),
    ("auto-sliding", "自动感应推拉门", "automatic sliding door"),
)
SWINGS = Vocab(("out", "向外（疏散方向）开启", "opens outward"), ("in", "向内开启", "opens inward"))
OPENING_APPID = "BIANMIN"
OPENING_ATTRIBUTES: tuple[AttributeSpec, ...] = (
    AttributeSpec("TYPE", "choice", "swing", "门的类型", "door type", choices=DOOR_TYPES),
    AttributeSpec("SWING", "choice", "", "开启方向", "swing", choices=SWINGS),
    AttributeSpec("FAILSAFE", "choice", "", "火灾时具有平开功能", "swings open in a fire", choices=YES_NO),
    AttributeSpec("ACCESSIBLE", "choice", "", "无障碍出入口（平坡或设坡道）", "accessible entrance", choices=YES_NO),
)


def attribute_spec(block: str, tag: str) -> AttributeSpec | None:
    """The attribute table's entry for ``tag`` of ``block``."""
    for spec in ATTRIBUTES.get(block, ()):
        if spec.tag == tag.upper():
            return spec
    return None


def default_attributes(block: str) -> dict[str, str]:
    """A new object's attributes: every tag of the block at its default."""
    return {a.tag: a.default for a in ATTRIBUTES.get(block, ())}


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
    glyph: str = ""  # the one character its symbol shows on screen and paper (a counter shows its window no.)
    outside: bool = False  # may stand outside the hall (a ramp before the door, toilets in the back rooms)

    @property
    def attributes(self) -> tuple[str, ...]:
        """The block's attribute tags, in the attribute table's order."""
        return tuple(a.tag for a in ATTRIBUTES.get(self.name, ()))

    @property
    def attribute_specs(self) -> tuple[AttributeSpec, ...]:
        return ATTRIBUTES.get(self.name, ())

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def local_footprint(self) -> Polygon:
        w, d = self.size
        if self.round:
            from bianmin.geometry.shapes import circle_outline, outline_polygon

            return outline_polygon(circle_outline(0.0, 0.0, w / 2))
        return box(-w / 2, -d / 2, w / 2, d / 2)


# the figures a check reports for every plan (standards/context.py, geometry/analysis.py) and their names
METRICS: dict[str, tuple[str, str]] = {
    "hall_area_m2": ("大厅面积 (m²)", "hall area (m²)"),
    "counters": ("柜台数", "counters"),
    "windows": ("窗口数", "windows"),
    "seats": ("等候座椅", "waiting seats"),
    "mailbox": ("24小时信包箱", "24-hour locker"),
    "max_travel_m": ("最远直线疏散距离 (m)", "max straight-line travel (m)"),
    "max_walk_travel_m": ("最远步行疏散距离 (m)", "max walking travel (m)"),
    "max_extinguisher_walk_m": ("最远步行至灭火器 (m)", "max walk to an extinguisher (m)"),
    "max_alarm_walk_m": ("最远步行至报警按钮 (m)", "max walk to an alarm (m)"),
    "camera_coverage": ("监控覆盖率", "camera coverage"),
    "required_windows": ("排队模型所需窗口数", "windows required by the queue model"),
}


GROUPS = {
    "counter": ("柜台", "Counters"),
    "equipment": ("设施", "Equipment"),
    "sign": ("标识", "Signs"),
    "fire": ("消防与安全", "Fire and safety"),
}

_TABLE: list[tuple[str, str, str, str, tuple[int, int], dict[str, Any]]] = [
    # name, zh, en, group, size, flags/attributes
    ("BM_COUNTER", "服务柜台", "service counter", "counter", (1600, 800), {"glyph": "窗"}),
    ("BM_GUIDE_DESK", "咨询导引服务台", "guidance desk", "equipment", (1800, 700), {"glyph": "导"}),
    ("BM_INFO_KIOSK", "信息查询设备", "information kiosk", "equipment", (600, 500), {"glyph": "查"}),
    ("BM_QUEUE_MACHINE", "自助抽号机", "queue ticket machine", "equipment", (500, 400), {"glyph": "号"}),
    ("BM_TV", "多媒体电视屏", "multimedia TV", "equipment", (1200, 300), {"glyph": "屏"}),
    ("BM_SUGGESTION_BOX", "意见箱", "suggestion box", "equipment", (400, 250), {"glyph": "意"}),
    ("BM_EVALUATION_BOX", "评议箱", "evaluation box", "equipment", (400, 250), {"glyph": "评"}),
    ("BM_SEAT", "等候座椅", "waiting seat", "equipment", (600, 600), {"glyph": "座"}),
    ("BM_FORM_DESK", "自助填单台", "form-filling desk", "equipment", (1200, 600), {"glyph": "填"}),
    ("BM_SELF_SERVICE", "自助服务终端", "self-service terminal", "equipment", (700, 600), {"glyph": "自"}),
    ("BM_PRINTER", "免费打印复印机", "free printer/copier", "equipment", (800, 600), {"glyph": "印"}),
    ("BM_WATER", "饮水机", "water dispenser", "equipment", (400, 400), {"glyph": "水"}),
    ("BM_CHARGER", "手机充电台", "phone charging station", "equipment", (500, 400), {"glyph": "充"}),
    ("BM_GLASSES", "老花镜", "reading glasses", "equipment", (400, 300), {"glyph": "镜"}),
    ("BM_MAILBOX_24H", "24小时自助信包箱", "24-hour parcel locker", "equipment", (1500, 500), {"glyph": "箱"}),
    ("BM_SIGN_HOURS", "工作时间标识", "working hours sign", "sign", (600, 100), {"glyph": "时", "mounted": True}),
    ("BM_SIGN_GUIDE", "导引牌", "guide board", "sign", (800, 100), {"glyph": "引", "mounted": True}),
    ("BM_SIGN_FLOORPLAN", "大厅平面示意图", "floor plan board", "sign", (800, 100), {"glyph": "图", "mounted": True}),
    ("BM_SIGN_DIRECTION", "指向牌", "direction sign", "sign", (600, 100), {"glyph": "向", "mounted": True}),
    ("BM_SIGN_WINDOW", "窗口吊牌", "window sign", "sign", (800, 100), {"glyph": "牌", "mounted": True}),
    ("BM_SIGN_DISPLAY", "电子公示屏", "public notice screen", "sign", (1500, 100), {"glyph": "公", "mounted": True}),
    (
        "BM_SIGN_ZONE_SCREEN",
        "功能区滚动显示屏",
        "zone status screen",
        "sign",
        (1000, 100),
        {"glyph": "显", "mounted": True},
    ),
    ("BM_SIGN_COMPLAINT", "监督投诉公示", "complaints notice", "sign", (600, 100), {"glyph": "诉", "mounted": True}),
    ("BM_EXIT_SIGN", "安全出口标志", "exit sign", "fire", (350, 150), {"glyph": "出", "mounted": True}),
    ("BM_EVAC_SIGN", "疏散方向标志", "evacuation direction sign", "fire", (350, 150), {"glyph": "疏", "mounted": True}),
    ("BM_FIRE_SIGN", "消防安全标志", "fire safety sign", "fire", (300, 300), {"glyph": "消", "mounted": True}),
    ("BM_EXTINGUISHER", "灭火器设置点", "fire extinguisher point", "fire", (500, 300), {"glyph": "灭"}),
    ("BM_HYDRANT", "室内消火栓", "indoor fire hydrant", "fire", (700, 240), {"glyph": "栓"}),
    (
        "BM_EMERGENCY_LIGHT",
        "应急照明灯",
        "emergency light",
        "fire",
        (300, 300),
        {"glyph": "灯", "round": True, "mounted": True},
    ),
    ("BM_ALARM", "手动报警按钮", "manual alarm", "fire", (120, 120), {"glyph": "报", "mounted": True}),
    # accessibility and toilets (rule set 2019.3: ACC-ENTRANCE, ACC-TOILET): may stand outside the hall
    ("BM_RAMP", "轮椅坡道", "wheelchair ramp", "equipment", (1500, 3000), {"glyph": "坡", "outside": True}),
    ("BM_TOILET", "卫生间", "toilet", "equipment", (2000, 2000), {"glyph": "厕", "outside": True}),
    (
        "BM_TOILET_ACCESSIBLE",
        "无障碍卫生间",
        "accessible toilet",
        "equipment",
        (2000, 2000),
        {"glyph": "残", "outside": True},
    ),
    ("BM_CAMERA", "监控摄像机", "security camera", "fire", (200, 200), {"glyph": "监", "round": True, "mounted": True}),
]

_LAYER_OF_GROUP = {"counter": "BM-COUNTER", "sign": "BM-SIGN", "equipment": "BM-EQUIP", "fire": "BM-FIRE"}

BLOCKS: dict[str, BlockSpec] = {
    name: BlockSpec(name=name, zh=zh, en=en, group=group, size=size, layer=_LAYER_OF_GROUP[group], **extra)
    for name, zh, en, group, size, extra in _TABLE
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


LAYERS: dict[str, LayerSpec] = {
    spec.name: spec
    for spec in [
        LayerSpec("BM-HALL", "BM-大厅", "hall", "", 7, "大厅", "hall"),
        LayerSpec("BM-ZONE-CONSULT", "BM-咨询导引区", "zone", "consult", 4, *ZONE_KINDS["consult"]),
        LayerSpec("BM-ZONE-WAIT", "BM-服务等候区", "zone", "wait", 3, *ZONE_KINDS["wait"]),
        LayerSpec("BM-ZONE-WINDOW", "BM-窗口办理区", "zone", "window", 5, *ZONE_KINDS["window"]),
        LayerSpec("BM-ZONE-SELF", "BM-自助服务区", "zone", "self", 6, *ZONE_KINDS["self"]),
        LayerSpec("BM-ZONE-OFFICE", "BM-后台办公区", "zone", "office", 8, *ZONE_KINDS["office"]),
        LayerSpec("BM-DOOR-MAIN", "BM-主入口", "opening", "main", 3, *OPENING_KINDS["main"]),
        LayerSpec("BM-DOOR-EXIT", "BM-安全出口", "opening", "exit", 3, *OPENING_KINDS["exit"]),
        LayerSpec("BM-DOOR", "BM-门", "opening", "door", 2, *OPENING_KINDS["door"]),
        LayerSpec("BM-OBSTACLE", "BM-障碍", "obstacle", "", 8, "障碍", "obstacle"),
        LayerSpec("BM-ROUTE", "BM-疏散路线", "route", "", 3, "疏散路线", "evacuation route"),
        LayerSpec("BM-COUNTER", "BM-柜台", "object", "", 5, "柜台", "counters"),
        LayerSpec("BM-SIGN", "BM-标识", "object", "", 1, "标识", "signs"),
        LayerSpec("BM-FIRE", "BM-消防", "object", "", 1, "消防", "fire and safety"),
        LayerSpec("BM-EQUIP", "BM-设施", "object", "", 30, "设施", "equipment"),
        LayerSpec("BM-PLAN", "BM-图纸信息", "planinfo", "", 8, "图纸信息", "plan information"),
    ]
}

# the plan's information panel: plan properties as the ATTRIBs of one INSERT on BM-PLAN (for DXF
# versions without custom properties, R12 and R2000, and for CAD users who know title blocks)
PLANINFO_BLOCK = "BM_PLANINFO"
PLANINFO_LAYER = "BM-PLAN"

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
