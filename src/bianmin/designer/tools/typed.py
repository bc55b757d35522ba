"""Typed sizes while drawing, as in AutoCAD: type a length, a length and an angle, or coordinates,
then Enter.  Numbers are millimetres; a trailing m means metres (3.5m).

    2400        the next point 2400 mm from the last one, toward the cursor
    2400<30     2400 mm at 30° (counter-clockwise from east)
    @1200,-600  1200 mm east and 600 mm south of the last point
    5000,3000   the point at X 5000, Y 3000 (the first point too)
    3000,2000   for a rectangle once its first corner is down: width, height (toward the cursor)
"""

from __future__ import annotations

import math

TYPED_CHARS = set("0123456789.,<@-mM")


class TypedError(ValueError):
    pass


def number(text: str) -> float:
    text = text.strip()
    scale = 1.0
    if text.lower().endswith("m"):
        text, scale = text[:-1], 1000.0
    try:
        value = float(text) * scale
    except ValueError as exc:
        raise TypedError(text) from exc
    if not math.isfinite(value):
        raise TypedError(text)
    return value


def typed_point(text: str, last, toward):
    """The point the typed text names; ``last`` is the previous point (None before the first),
    ``toward`` where the cursor is (the direction of a bare length)."""
    text = text.strip()
    if not text:
        raise TypedError(text)
    if text.startswith("@"):
        if last is None:
            raise TypedError(text)
        dx, dy = (number(v) for v in _pair(text[1:]))
        return (last[0] + dx, last[1] + dy)
    if "," in text:
        x, y = (number(v) for v in _pair(text))
        return (x, y)
    if last is None:
        raise TypedError(text)
    if "<" in text:
        length, angle = text.split("<", 1)
        a = math.radians(number(angle.rstrip("°")) if not angle.lower().endswith("m") else float("nan"))
        length_mm = number(length)
        return (last[0] + length_mm * math.cos(a), last[1] + length_mm * math.sin(a))
    length_mm = number(text)
    dx, dy = (toward[0] - last[0], toward[1] - last[1]) if toward is not None else (1.0, 0.0)
    n = math.hypot(dx, dy)
    if n < 1e-9:
        dx, dy, n = 1.0, 0.0, 1.0
    return (last[0] + length_mm * dx / n, last[1] + length_mm * dy / n)


def typed_size(text: str, corner, toward):
    """The opposite corner of a rectangle typed as "width,height" from ``corner``, toward the cursor."""
    w, h = (abs(number(v)) for v in _pair(text.lstrip("@")))
    sx = -1.0 if toward is not None and toward[0] < corner[0] else 1.0
    sy = -1.0 if toward is not None and toward[1] < corner[1] else 1.0
    return (corner[0] + sx * w, corner[1] + sy * h)


def _pair(text: str):
    parts = text.split(",")
    if len(parts) != 2:
        raise TypedError(text)
    return parts


class TypedInput:
    """Mixed into a drawing tool: collects the typed characters; the tool says what Enter does."""

    typed = ""

    def wants_key(self, event) -> bool:
        """Whether a key that is also a menu shortcut belongs to the typed size (m after a number)."""
        text = event.text()
        return bool(text) and text in TYPED_CHARS and (bool(self.typed) or text not in "mM")

    def typed_key(self, event) -> bool:
        from PyQt6.QtCore import Qt

        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if text and text in TYPED_CHARS and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self.typed += text
            self.show_typed()
            return True
        if event.key() == Qt.Key.Key_Backspace and self.typed:
            self.typed = self.typed[:-1]
            self.show_typed()
            return True
        if event.key() == Qt.Key.Key_Escape and self.typed:
            self.typed = ""
            self.show_typed()
            return True
        return False

    def show_typed(self) -> None:
        from bianmin.designer.i18n import tr

        if self.typed:
            self.window.status(tr(f"输入：{self.typed}（回车确认）", f"typed: {self.typed} (Enter accepts)"))
        else:
            self.window.status(tr(*self.hint))
        cursor = getattr(self, "cursor_at", None)
        if cursor is not None:
            self.dimension(self.typed or "", cursor)

    def typed_failed(self) -> None:
        from bianmin.designer.i18n import tr

        bad, self.typed = self.typed, ""
        self.window.status(
            tr(
                f"无法理解“{bad}”：输入长度（毫米，或加 m 为米）、长度<角度、@dx,dy 或 x,y",
                f"cannot read “{bad}”: type a length (mm, or with m for metres), length<angle, @dx,dy or x,y",
            )
        )
