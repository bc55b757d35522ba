"""Greedy set cover over the analysis grid: pick candidate points until every free cell is
within reach of one (ln n-optimal, deterministic: ties go to the earlier candidate)."""
from __future__ import annotations

import numpy as np


def greedy_cover(covers: list[np.ndarray], already: np.ndarray, must: int = 0) -> list[int]:
    """Indices of the chosen candidates.  ``covers[i]`` is the boolean mask of the cells candidate
    i reaches; ``already`` the cells covered before; at least ``must`` candidates are chosen."""
    covered = already.copy()
    chosen: list[int] = []
    if not covers:
        return chosen
    stack = np.vstack(covers)
    while not covered.all() or len(chosen) < must:
        gain = (stack & ~covered).sum(axis=1)
        if chosen:
            gain[chosen] = -1
        best = int(np.argmax(gain))
        if gain[best] <= 0:
            if len(chosen) >= must or gain[best] < 0:
                break
        chosen.append(best)
        covered |= stack[best]
        if len(chosen) >= len(covers):
            break
    return _prune(stack, already, chosen, must)


def _prune(stack: np.ndarray, already: np.ndarray, chosen: list[int], must: int) -> list[int]:
    """Drop, latest first, every chosen point whose cells the others cover too."""
    target = already | (stack[chosen].any(axis=0) if chosen else already)
    keep = list(chosen)
    for i in reversed(chosen):
        if len(keep) <= must:
            break
        rest = [j for j in keep if j != i]
        covered = already | (stack[rest].any(axis=0) if rest else np.zeros_like(already))
        if (covered | ~target).all():
            keep = rest
    return keep


def lower_bound(free_area_mm2: float, reach_mm: float) -> int:
    """Free floor ÷ the area one point covers (a disc of the reach): no cover can use fewer."""
    return max(1, int(np.ceil(free_area_mm2 / (np.pi * reach_mm ** 2))))
