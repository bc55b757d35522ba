"""Layout speed and quality: `layout` on the test halls against validating the same plan.

    python bench/bench_layout.py [--repeat 3]

For each bare test hall (tests/autolayout/layout_halls.py; the 30 × 20 m hall with four columns
is the issue's 600 m² case) prints the layout time, the time to validate the laid-out plan once
(the peer: the layout validates its result once, so the rest is the layout's own work), the
error findings left, and for every cover the points placed against the lower bound (free floor
÷ the area one point covers).  For the two templates it also prints the hand layout's count of
extinguisher points and emergency lights against what the layout puts back once they are removed.
Target (issue 13): <= 10 s for a 600 m² hall.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def best(fn, repeat):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quality", action="store_true", help="error-free share and walking distance entrance→windows")
    args = ap.parse_args()
    if args.quality:
        quality()
        return
    from bianmin.geometry.dxf.read import read_plan
    from bianmin.geometry.intake import Intake
    from bianmin.standards import engine
    from bianmin.autolayout import layout
    from tests.autolayout.layout_halls import HALLS

    print(f"{'hall':<22}{'m²':>6}{'layout s':>10}{'validate s':>12}{'errors':>8}  covers placed/bound")
    for name, build in HALLS.items():
        plan = build()
        took, result = best(lambda build=build: layout(build()), args.repeat)
        check, _ = best(lambda result=result: engine.check(Intake(plan=result.plan)), args.repeat)
        errors = sum(1 for f in result.report.findings if f.severity == "error")
        covers = ", ".join(f"{k} {p}/{b}" for k, (p, b) in result.covers.items() if b)
        print(f"{name:<22}{plan.hall_area_m2:>6.0f}{took:>10.2f}{check:>12.2f}{errors:>8}  {covers}")
    print()
    print(f"{'template':<22}{'hand ext':>9}{'layout ext':>11}{'hand lights':>12}{'layout lights':>14}")
    for template in ("street-center", "community-station"):
        plan = read_plan(ROOT / "src" / "bianmin" / "templates" / f"{template}.dxf").plan
        hand_ext = len(plan.objects_of("BM_EXTINGUISHER"))
        hand_lights = len(plan.objects_of("BM_EMERGENCY_LIGHT"))
        plan.objects = [o for o in plan.objects if o.spec.group not in ("fire", "sign")]
        result = layout(plan)
        ext = sum(1 for o in result.added if o.block == "BM_EXTINGUISHER")
        lights = sum(1 for o in result.added if o.block == "BM_EMERGENCY_LIGHT")
        print(f"{template:<22}{hand_ext:>9}{ext:>11}{hand_lights:>12}{lights:>14}")


def walking_to_windows(plan) -> float:
    """Mean walking distance (m) from the main entrance to the free floor in front of each counter."""
    import numpy as np
    import shapely
    from shapely.geometry import LineString

    from bianmin.geometry.analysis import Analysis

    mains = [o for o in plan.openings if o.kind == "main"]
    counters = plan.objects_of("BM_COUNTER")
    if not mains or not counters:
        return float("nan")
    grid = Analysis(plan).grid
    dist = grid.field([LineString([mains[0].start, mains[0].end])]).dist
    points = shapely.points(grid.xy)
    out = []
    for c in counters:
        near = shapely.distance(points, c.footprint) <= 1200.0
        d = dist[near & np.isfinite(dist)]
        out.append(float(d.min()) if len(d) else float("inf"))
    return float(np.mean(out)) / 1000.0


def quality() -> None:
    """Per hall: error-free or not, the errors left (rule ids), mean walk entrance→windows, time."""
    from bianmin.autolayout import layout
    from tests.autolayout.layout_halls import HALLS

    print(f"{'hall':<22}{'m²':>6}{'ok':>4}{'errors':>8}{'walk m':>8}{'s':>7}  rules left")
    clean = 0
    walks = []
    for name, build in HALLS.items():
        t = time.perf_counter()
        result = layout(build())
        took = time.perf_counter() - t
        errors = [f for f in result.report.findings if f.severity == "error"]
        clean += not errors
        walk = walking_to_windows(result.plan)
        walks.append(walk)
        rules = ",".join(sorted({f.rule for f in errors}))
        print(
            f"{name:<22}{result.plan.hall_area_m2:>6.0f}{'yes' if not errors else 'no':>4}{len(errors):>8}"
            f"{walk:>8.1f}{took:>7.2f}  {rules}"
        )
    print(f"error-free {clean}/{len(HALLS)}; mean walk entrance→windows {sum(walks) / len(walks):.1f} m")


if __name__ == "__main__":
    main()
