"""How the plan looks, on screen and on paper: zone colours, symbol labels, line weights.

One table, read by the designer's scene items and the PDF sheets alike, so the screen and
the paper show the same plan. Colours are hex RGB; line weights follow the GB/T 50001
line-weight group with b = 0.7 mm (b, 0.7b, 0.5b, 0.25b).
"""

from bianmin.geometry.catalog import BLOCKS


ZONE_COLOURS = {
    "consult": "#4aa3df",  # 咨询导引区: blue
    "wait": "#7cc576",  # 服务等候区: green
    "window": "#f0a04b",  # 窗口办理区: orange
    "self": "#b57edc",  # 自助服务区: purple
    "office": "#a0a0a0",  # 后台办公区: grey
}

GROUP_COLOURS = {"counter": "#1f4e79", "equipment": "#5b5b5b", "sign": "#c0392b", "fire": "#d35400"}
EXIT_GREEN = "#00a651"  # the customary green of exits and routes (GB 2893 safe condition)
HALL_COLOUR = "#000000"
OBSTACLE_COLOUR = "#555555"

LINE_MM = {"hall": 0.7, "zone": 0.25, "object": 0.18, "route": 0.35, "opening": 0.7, "background": 0.13, "dim": 0.13}

# a short label for each block: what a Chinese drawing writes in its symbol (the catalogue's glyph)
LABELS = {name: spec.glyph for name, spec in BLOCKS.items()}

SEVERITY_COLOURS = {"error": "#d62728", "warning": "#ff9f1c", "info": "#1f77b4"}


def hex_rgb(colour: str) -> tuple[float, float, float]:
    c = colour.lstrip("#")
    return tuple(int(c[i : i + 2], 16) / 255.0 for i in (0, 2, 4))
