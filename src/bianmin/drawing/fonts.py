"""A real Chinese font for the PDF, found on the system; reportlab's CID font only as the last resort.

Windows: SimHei, Microsoft YaHei, SimSun (C:\\Windows\\Fonts). Linux: WenQuanYi Micro/Zen Hei
(fonts-wqy-microhei), then Noto/Source Han Sans CJK in TrueType form. reportlab embeds
TrueType outlines only; the CFF-flavoured .otf/.ttc of Noto CJK cannot be embedded and are
skipped.
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


# names Chinese drawings ask for, and ezdxf's Unicode fallback font
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


@lru_cache(maxsize=1)
def install_cjk_fonts_for_ezdxf() -> str | None:
    """Let ezdxf's text renderer draw Chinese: map missing Chinese font names to one that is here.

    A drawing made on a Chinese Windows PC asks for simhei.ttf or simsun.ttc (or an SHX font
    that falls back to ezdxf's Unicode font); on Linux those are missing and ezdxf would fall
    back to a font without Chinese glyphs. Returns the font used, or None if there is none.
    """
    try:
        from ezdxf.fonts import fonts
    except ImportError:
        return None
    fm = fonts.font_manager
    present = next((name for name in CJK_PRESENT if fm.has_font(name)), None)
    if present is None:
        return None
    for name in CJK_NAMES:  # each missing name resolves to the font that is there (one dict kept only the last)
        if not fm.has_font(name):
            fm.add_synonyms({present: name}, reverse=False)
    if hasattr(fm, "_fallback_font_name"):
        fm._fallback_font_name = ""  # pick the fallback again, now that ArialUni.ttf resolves
    return present
