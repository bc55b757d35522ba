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
    return max(1, int(np.ceil(free_area_mm2 / (np.pi * reach_mm**2))))


def reach_masks(grid, targets: list, limit: float) -> list[np.ndarray]:
    """For each target geometry, the free cells within ``limit`` walking distance of it on the
    analysis grid: one graph, one bounded Dijkstra per target from its nearest seed cell (the
    same distance Grid.field gives, to within the seed's offset, which is added)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    if grid.n == 0 or not targets:
        return [np.zeros(grid.n, bool) for _ in targets]
    r0, c0, w0 = grid.graph_parts
    graph = coo_matrix(
        (np.concatenate([w0, w0]), (np.concatenate([r0, c0]), np.concatenate([c0, r0]))), shape=(grid.n, grid.n)
    ).tocsr()
    starts, offsets = [], []
    for t in targets:
        cells, off = grid.seeds([t])
        if len(cells):
            k = int(np.argmin(off))
            starts.append(int(cells[k]))
            offsets.append(float(off[k]))
        else:
            starts.append(-1)
            offsets.append(np.inf)
    valid = [i for i, s in enumerate(starts) if s >= 0]
    out = [np.zeros(grid.n, bool) for _ in targets]
    if valid:
        dist = dijkstra(graph, directed=True, indices=[starts[i] for i in valid], limit=limit)
        for row, i in enumerate(valid):
            out[i] = dist[row] + offsets[i] <= limit
    return out
