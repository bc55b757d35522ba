"""工具 menu and the palette: which tool the mouse works with (tools/), and the computed evacuation
paths kept as routes."""

from __future__ import annotations

from bianmin.designer.commands import Batch
from bianmin.designer.i18n import tr
from bianmin.designer.tools.seat_row import SeatRowTool
from bianmin.designer.tools.draw import (
    MeasureTool,
    OpeningTool,
    PickHallTool,
    RecognizeRoomTool,
    PlaceTool,
    PolygonTool,
    RectTool,
    RouteTool,
)

# a palette or menu key's first word -> the tool it makes: with the key's second word (what to place or
# draw) or on its own
TOOLS_FOR = {"place": PlaceTool, "rect": RectTool, "poly": PolygonTool, "opening": OpeningTool}
TOOLS = {
    "route": RouteTool,
    "measure": MeasureTool,
    "pick-hall": PickHallTool,
    "recognize-at": RecognizeRoomTool,
    "seat-row": SeatRowTool,
}


def set_tool(window, tool) -> None:
    if window.tool is not None:
        window.tool.deactivate()
    window.tool = tool
    window.view.tool = tool
    tool.activate()
    window.status(f"{tr(*tool.name)}：{tr(*tool.hint)}" if tool.hint[0] else tr(*tool.name))


def use_select_tool(window) -> None:
    set_tool(window, window.select_tool)


def choose_tool(window, key: tuple) -> None:
    """The tool for a palette key such as ("place", "BM_WATER") or ("measure",)."""
    kind = key[0]
    if kind in TOOLS_FOR:
        tool = TOOLS_FOR[kind](window, key[1])
    elif kind in TOOLS:
        tool = TOOLS[kind](window)
    else:
        return
    set_tool(window, tool)
    window.view.setFocus()


def save_computed_routes(window) -> None:
    from bianmin.geometry.model import Route

    from bianmin.designer.commands import AddElement

    if not window.last_evacuation or not window.last_evacuation["paths"]:
        window.status(tr("还没有计算出的疏散路径", "no computed paths yet"))
        return
    commands = [
        AddElement(Route(points=list(p)), ("添加疏散路线", "Add route")) for p in window.last_evacuation["paths"]
    ]
    window.document.do(Batch(commands, ("保存计算的疏散路径", "Save computed paths")))
