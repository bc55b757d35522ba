"""What the architect's layers and blocks are called: the patterns recognition goes by.

Every pattern is a regular expression matched case-insensitively against a layer or
block name.  The defaults cover AutoCAD's AIA names (A-WALL, A-DOOR), TArch 天正's
(WALL, WINDOW, COLUMN, DOOR_FIRE, PUB_HATCH), pinyin (QIANG) and Chinese names (墙,
门, 窗, 柱); a bureau with its own layer standard passes its own :class:`Patterns`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace


def _rx(*parts: str) -> re.Pattern:
    return re.compile("|".join(parts), re.IGNORECASE)


@dataclass(frozen=True)
class Patterns:
    wall_layers: re.Pattern = field(
        default_factory=lambda: _rx(
            r"wall", r"墙", r"qiang", r"^q$", r"^a-?wal", r"^s-?wal", r"curtw", r"幕墙", r"^pub_wall"
        )
    )
    column_layers: re.Pattern = field(default_factory=lambda: _rx(r"colu", r"cols", r"柱", r"^zhu", r"^s-col"))
    door_layers: re.Pattern = field(default_factory=lambda: _rx(r"door", r"门", r"^men", r"doorwin"))
    window_layers: re.Pattern = field(default_factory=lambda: _rx(r"window", r"窗", r"^chuang", r"glaz", r"win$"))
    # block names: TArch names doors M<width><height> (M1021 = 1000 x 2100), windows C<w><h>
    door_blocks: re.Pattern = field(
        default_factory=lambda: _rx(r"^(fm|jm|tlm|m)[a-z]?\d{3,4}", r"door", r"门", r"^men")
    )
    window_blocks: re.Pattern = field(
        default_factory=lambda: _rx(
            r"^(c|tc|gc|bc)\d{3,4}", r"window", r"^win", r"^w\d{1,2}$", r"窗", r"^chuang", r"glaz"
        )
    )
    column_blocks: re.Pattern = field(default_factory=lambda: _rx(r"colu", r"柱", r"^_?[yf]?zh$", r"^zhu"))
    # annotation layers never hold walls (used only when walls are found by shape)
    annotation_layers: re.Pattern = field(
        default_factory=lambda: _rx(
            r"dim",
            r"text",
            r"anno",
            r"axis",
            r"轴",
            r"标注",
            r"文字",
            r"iden",
            r"grid",
            r"hatch",
            r"furn",
            r"stair",
            r"楼梯",
            r"^defpoints$",
            r"symb",
            r"elev",
            r"家具",
            r"^pub_",
        )
    )
    hall_labels: tuple[str, ...] = ("大厅", "服务厅", "便民", "服务中心", "办事厅", "service hall")
    # without any of those, a room named like a public hall is a better guess than the largest room
    lobby_labels: tuple[str, ...] = ("门厅", "大堂", "厅", "lobby", "hall")
    entrance_labels: tuple[str, ...] = ("主入口", "入口", "entrance", "entry")
    # rooms that are never the hall nor part of it (issue 26: the toilets and the cleaning room
    # were taken with the corridor as the hall); a door to one of them is an internal door
    side_labels: tuple[str, ...] = (
        "卫生间",
        "厕所",
        "洗手间",
        "男卫",
        "女卫",
        "无障碍卫",
        "卫",
        "保洁",
        "清洁",
        "设备",
        "机房",
        "电梯",
        "库房",
        "库",
        "监控",
        "控制室",
        "配电",
        "变电",
        "泵房",
        "工具间",
        "值班",
        "水深",
        "封闭空间",
        "仓库",
        "储藏",
        "办公",
        "toilet",
        "wc",
        "lavatory",
        "restroom",
        "janitor",
        "cleaner",
        "plant",
        "mech",
        "elec",
        "elevator",
        "lift",
        "store",
        "storage",
        "office",
    )
    # a door into a stair is an exit (安全出口) as a door to the outside is
    stair_labels: tuple[str, ...] = ("楼梯", "梯间", "stair")
    # a door into a corridor is a 疏散门 of a hall that is a room in a larger building
    corridor_labels: tuple[str, ...] = ("走廊", "走道", "过道", "内廊", "corridor", "passage")

    def extended(self, **extra: str) -> Patterns:
        """These patterns plus a bureau's own, e.g. ``extended(wall_layers="^AR-W")``.

        Raises ValueError naming the option when a pattern is not a valid regular expression.
        """
        changes = {}
        for name, text in extra.items():
            if not text:
                continue
            try:
                own = re.compile(text, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(
                    f"{name}: {text!r} 不是有效的正则表达式 / is not a valid regular expression: {exc}"
                ) from None
            changes[name] = re.compile(f"(?:{getattr(self, name).pattern})|(?:{own.pattern})", re.IGNORECASE)
        return replace(self, **changes)  # type: ignore[arg-type]


DEFAULT = Patterns()


def matches(pattern: re.Pattern, name: str) -> bool:
    return bool(name) and pattern.search(name) is not None
