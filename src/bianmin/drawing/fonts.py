"""A real Chinese font for the PDF, found on the system; reportlab's CID font only as the last resort.

Windows: SimHei, Microsoft YaHei, SimSun (C:\\Windows\\Fonts). Linux: WenQuanYi Micro/Zen Hei
(fonts-wqy-microhei), then Noto/Source Han Sans CJK in TrueType form. reportlab embeds
TrueType outlines only; the CFF-flavoured .otf/.ttc of Noto CJK cannot be embedded and are
skipped.

The names of Chinese fonts for ezdxf's rendering of the architect's drawing are here too
(CJK_NAMES, CJK_PRESENT); the DXF adapter maps them (geometry/dxf/render.py).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "BianminCJK"
FALLBACK_CID = "STSong-Light"

_WINDOWS = ["simhei.ttf", "msyh.ttc", "msyh.ttf", "simsun.ttc", "simkai.ttf", "simfang.ttf"]
_LINUX = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
]
_MAC = ["/System/Library/Fonts/PingFang.ttc", "/Library/Fonts/Arial Unicode.ttf"]


def candidates() -> list[Path]:
    out = []
    env = os.environ.get("BIANMIN_FONT")
    if env:
        out.append(Path(env))
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        out += [Path(windir) / "Fonts" / name for name in _WINDOWS]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        out += [Path(local) / "Microsoft" / "Windows" / "Fonts" / name for name in _WINDOWS]
    out += [Path(p) for p in _LINUX + _MAC]
    return out


@lru_cache(maxsize=1)
def chinese_font() -> tuple[str, str | None]:
    """Register and return (font name, file) — file None for the CID fallback."""
    for path in candidates():
        if not path.is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
            return FONT_NAME, str(path)
        except Exception:
            continue  # a CFF font or a damaged file: try the next one
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
    return FALLBACK_CID, None


# for the architect's drawing, whose text ezdxf renders (geometry/dxf/render.py, map_missing_fonts):
# the font names Chinese drawings ask for, and ezdxf's Unicode fallback font ...
CJK_NAMES = [
    "simhei.ttf",
    "simsun.ttc",
    "simsun.ttf",
    "msyh.ttc",
    "msyh.ttf",
    "simkai.ttf",
    "simfang.ttf",
    "fangsong_gb2312.ttf",
    "kaiti_gb2312.ttf",
    "ArialUni.ttf",
]
# ... and the Chinese fonts that may be installed, best first: the first ezdxf finds stands in for them
CJK_PRESENT = [
    "simhei.ttf",
    "msyh.ttc",
    "simsun.ttc",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "NotoSansCJK-Regular.ttc",
    "DroidSansFallbackFull.ttf",
    "uming.ttc",
    "PingFang.ttc",
]
