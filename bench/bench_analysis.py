"""The walking-distance grid: time and error at each resolution, against the exact visibility graph.

    python bench/bench_analysis.py

For the street-centre template and a hall with columns, prints per cell size the
time to build the grid and the exit, extinguisher and alarm fields, and the error of
the grid against exact visibility-graph distances at 200 sampled cells: mean and
largest relative error, and the largest absolute error. Then the time the whole
analysis takes on the large benchmark plan at the automatic resolution.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def main():
    logging.disable(logging.WARNING)
    from bianmin.geometry.analysis import Analysis
    from bianmin.geometry.dxf.read import read_plan
    from bianmin.geometry.exact import VisibilityGraph
    from bianmin.geometry.grid import auto_cell
    from bianmin.geometry.model import Hall, Obstacle, Opening, Plan, rectangle

    columns = Plan(hall=Hall(outline=rectangle(0, 0, 30000, 20000)))
    columns.openings = [Opening("main", (14000, 0), (16000, 0)), Opening("exit", (0, 15000), (0, 16500))]
    columns.obstacles = [
        Obstacle(outline=rectangle(x - 300, y - 300, x + 300, y + 300))
        for x in range(4200, 30000, 4200)
        for y in range(4200, 20000, 4200)
    ]
    plans = {
        "street-center template": read_plan(ROOT / "src" / "bianmin" / "templates" / "street-center.dxf").plan,
        "30 m x 20 m, 28 columns": columns,
    }
    for name, plan in plans.items():
        exact_t = time.perf_counter()
        ref = Analysis(plan, cell=1000)
        vg = VisibilityGraph(ref.free_floor, ref.exit_lines)
        exact_t = time.perf_counter() - exact_t
        print(
            f"\n{name}: free floor {ref.free_floor.area / 1e6:.0f} m², auto cell {auto_cell(ref.free_floor.area):.0f} mm; "
            f"exact visibility graph {len(vg.nodes)} nodes built in {exact_t:.2f} s"
        )
        print(f"{'cell':>6} {'cells':>7} {'time':>8} {'mean err':>9} {'max err':>8} {'max abs':>8}")
        for cell in (100, 150, 200, 300, 400, 600):
            t = time.perf_counter()
            a = Analysis(plan, cell=cell)
            _ = (a.exit_field, a.extinguisher_field, a.alarm_field)  # computed for the timing
            elapsed = time.perf_counter() - t
            rng = np.random.default_rng(0)
            idx = rng.choice(a.grid.n, min(200, a.grid.n), replace=False)
            rel, absolute = [], []
            for k in idx:
                x, y = a.grid.xy[k]
                e = vg.distance(x, y)
                g = a.exit_field.dist[k]
                if np.isfinite(e) and np.isfinite(g) and e > 0:
                    rel.append((g - e) / e)
                    absolute.append(abs(g - e))
            print(
                f"{cell:6.0f} {a.grid.n:7d} {elapsed * 1000:7.0f}ms {np.mean(rel) * 100:8.2f}% {np.max(rel) * 100:7.2f}% "
                f"{np.max(absolute):7.0f}mm"
            )

    from large_plan import write_large

    with tempfile.TemporaryDirectory() as tmp:
        path = write_large(Path(tmp) / "large.dxf")
        plan = read_plan(path).plan
        t = time.perf_counter()
        a = Analysis(plan)
        a.metrics()
        a.evacuation_paths()
        a.passable(1100)
        print(
            f"\nlarge plan (6000 m², {len(plan.objects)} objects, {len(plan.obstacles)} columns): auto cell {a.cell:.0f} mm, "
            f"{a.grid.n} cells, whole analysis {time.perf_counter() - t:.2f} s"
        )


if __name__ == "__main__":
    main()
