"""Texts from a drawing cut to what a page can hold.

A plan name, an attribute or a file name comes from the drawing and can be any length (the outside
test used a 3,000-character BM_NAME): set whole in a table cell or a title it is taller than a page,
and reportlab stops the whole PDF with a LayoutError.  Every such text passes :func:`shorten`
before it goes on paper; the cut says how much was left out.
"""

from __future__ import annotations

# a title or a name: two lines of the cover at most
NAME_LIMIT = 120
# one table cell: a long finding fits, a page-long paste does not
CELL_LIMIT = 600
# a table cell's text at 8 pt: about 3 mm a character, and 40 lines is a third of an A4 page
_MM_PER_CHARACTER = 3.0
_CELL_LINES = 40


def cell_limit(width_mm: float) -> int:
    """How many characters a table cell ``width_mm`` wide holds in about 40 lines (never above CELL_LIMIT)."""
    return max(40, min(CELL_LIMIT, int(width_mm / _MM_PER_CHARACTER * _CELL_LINES)))


def shorten(text: str, limit: int = NAME_LIMIT) -> str:
    """``text`` if it has at most ``limit`` characters, else its start and how many were cut."""
    text = str(text)
    if len(text) <= limit:
        return text
    return f"{text[: max(1, limit - 20)]}…（共 {len(text)} 字）"
