"""The label placer's record of what is taken answers as the union it replaced (the union grew with
every label and cost 2,000 exits 22 s; hostile-input fuzz)."""

import numpy as np
import shapely
from shapely.geometry import box

from bianmin.drawing.labels import Taken


def test_taken_answers_as_one_union():
    rng = np.random.default_rng(7)
    base = shapely.union_all([box(x, y, x + 300, y + 200) for x, y in rng.uniform(0, 5000, (40, 2))])
    taken, union = Taken(base), base
    for x, y in rng.uniform(0, 5000, (60, 2)):
        label = box(x, y, x + 400, y + 150)
        taken.add(label)
        union = union.union(label)
    xs, ys = rng.uniform(-200, 5200, 500), rng.uniform(-200, 5200, 500)
    cands = shapely.box(xs, ys, xs + 350, ys + 120)
    assert (taken.hits(cands) == shapely.intersects(union, cands)).all()
    clear = ~taken.hits(cands)
    assert clear.any() and (~clear).any()
    covered = taken.overlap_area(cands[~clear])
    assert (covered > 0).all()
    # overlapping labels may count twice; never less than the union's own overlap
    assert (covered >= shapely.area(shapely.intersection(cands[~clear], union)) - 1e-6).all()
