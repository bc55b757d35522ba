"""Paper sizes and drawing scales (GB/T 50001 sheet sizes, common architectural scales)."""

from __future__ import annotations

PAPER_MM = {"A0": (1189, 841), "A1": (841, 594), "A2": (594, 420), "A3": (420, 297), "A4": (297, 210)}
SCALES = (50, 75, 100, 150, 200, 300, 500)
MM = 72.0 / 25.4  # points per millimetre


class SheetError(ValueError):
    pass


def paper_size(name: str, orientation: str = "landscape") -> tuple[float, float]:
    key = name.strip().upper()
    if key not in PAPER_MM:
        raise SheetError(f"不支持的图幅 {name}；可用：{'、'.join(PAPER_MM)} / unknown paper size")
    w, h = PAPER_MM[key]
    return (w, h) if orientation == "landscape" else (h, w)


def parse_scale(text) -> int | None:
    """``100`` or ``1:100`` → 100; ``auto`` → None."""
    raw = str(text).strip().lower()
    if raw in ("auto", "自动", ""):
        return None
    raw = raw.split(":")[-1]
    try:
        value = int(float(raw))
    except ValueError:
        raise SheetError(f"比例应为数字或 auto，例如 100 表示 1:100 / scale must be a number or auto: {text}") from None
    if value <= 0:
        raise SheetError("比例应为正数 / scale must be positive")
    return value


def fits(extent_mm: tuple[float, float], area_mm: tuple[float, float], scale: int) -> bool:
    return extent_mm[0] / scale <= area_mm[0] and extent_mm[1] / scale <= area_mm[1]


def choose_scale(extent_mm, area_mm, asked: int | None) -> int:
    """The asked scale if the plan fits, else an error naming one that fits; auto: the largest that fits."""
    fitting = [s for s in SCALES if fits(extent_mm, area_mm, s)]
    if asked is None:
        if not fitting:
            raise SheetError(
                f"图纸在 1:{SCALES[-1]} 也放不下，请选更大的图幅 / the plan does not fit even at "
                f"1:{SCALES[-1]}; choose a larger paper"
            )
        return fitting[0]
    if fits(extent_mm, area_mm, asked):
        return asked
    hint = f"1:{fitting[0]}" if fitting else "更大的图幅 / a larger paper"
    raise SheetError(
        f"图纸在 1:{asked} 放不下（需 {extent_mm[0] / asked:.0f}×{extent_mm[1] / asked:.0f} mm，"
        f"可用 {area_mm[0]:.0f}×{area_mm[1]:.0f} mm），可改用 {hint} / the plan does not fit at 1:{asked}; "
        f"use {hint}"
    )
