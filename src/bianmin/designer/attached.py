"""What travels with a counter: the window sign hung over it (BM_SIGN_WINDOW) moves, turns and is
deleted with it, so that moving or deleting counters leaves no sign behind (no Qt here)."""

from __future__ import annotations

from bianmin.geometry.model import PlacedObject

NEAR_MM = 300.0  # a sign this close to a counter's footprint hangs over it


def signs_of(plan, elements) -> list[PlacedObject]:
    """The window signs over the counters among ``elements`` and not among them already."""
    counters = [e for e in elements if isinstance(e, PlacedObject) and e.is_counter and not e.nested]
    if not counters:
        return []
    have = {e.id for e in elements}
    out = []
    for sign in plan.objects_of("BM_SIGN_WINDOW"):
        if sign.id in have or sign.nested:
            continue
        for c in counters:
            same = not sign.attr("NO") or not c.attr("NO") or sign.attr("NO") == c.attr("NO")
            if same and sign.footprint.distance(c.footprint) <= NEAR_MM:
                out.append(sign)
                break
    return out
