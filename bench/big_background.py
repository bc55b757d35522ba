"""Big and many: how long `validate` and `export pdf` take on the sizes issue 16 names.

    python bench/big_background.py [--lines 200000] [--vertices 1000000] [--keep DIR]

Makes, from the street-center template,
  - an architect's drawing of about 24 MB: ``--lines`` LINEs and TEXTs (4 : 1) on non-BM
    layers (walls, axes, notes, furniture) around and over the BM hall;
  - a hall outline of ``--vertices`` vertices (a circle);
  - 2,000 exits and 5,000 obstacles (tests/fixtures/hostile.py);
then runs each as a whole command (interpreter start included, as a user meets it) in a
child process, and prints its size, seconds, peak memory (max RSS) and exit status.
Targets (issue 16): seconds for the drawing and the many-object plans, a verdict within
30 s and bounded memory for the million-vertex hall.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CLI = "import sys; from bianmin.cli.main import main; sys.exit(main())"
LAYERS = ("A-WALL", "A-AXIS", "A-FURN", "A-DIMS", "A-GLAZ", "0")


def big_background(out: Path, lines: int, seed: int = 16) -> Path:
    """The template's plan drawn over an architect's drawing of ``lines`` LINEs and TEXTs."""
    import ezdxf

    from bianmin.templates import path_of

    rnd = random.Random(seed)
    doc = ezdxf.readfile(path_of("street-center"))
    for name in LAYERS[:-1]:
        if name not in doc.layers:
            doc.layers.add(name, color=rnd.randint(1, 7))
    msp = doc.modelspace()
    hall = next(e for e in msp.query("LWPOLYLINE") if e.dxf.layer.upper() == "BM-HALL")
    xs = [p[0] for p in hall.get_points()]
    ys = [p[1] for p in hall.get_points()]
    x0, y0 = min(xs) - 20000, min(ys) - 20000
    w, h = max(xs) - min(xs) + 40000, max(ys) - min(ys) + 40000
    texts = lines // 5
    for i in range(lines - texts):
        x, y = x0 + rnd.random() * w, y0 + rnd.random() * h
        a = rnd.random() * math.tau
        r = 200 + rnd.random() * 3000
        msp.add_line((x, y), (x + r * math.cos(a), y + r * math.sin(a)), dxfattribs={"layer": LAYERS[i % len(LAYERS)]})
    for i in range(texts):
        x, y = x0 + rnd.random() * w, y0 + rnd.random() * h
        msp.add_text(f"房间{i} R{i % 97}", height=250, dxfattribs={"layer": "A-DIMS", "insert": (x, y), "rotation": 0})
    doc.saveas(out)
    return out


def many_vertex_hall(out: Path, n: int) -> Path:
    """The community-station template whose hall outline is an ellipse of ``n`` vertices, written as
    text (ezdxf takes many minutes to write a million-vertex polyline)."""
    import ezdxf

    from bianmin.templates import path_of

    doc = ezdxf.readfile(path_of("community-station"))
    hall = next(e for e in doc.modelspace().query("LWPOLYLINE") if e.dxf.layer.upper() == "BM-HALL")
    pts = [(x, y) for x, y, *_ in hall.get_points()]
    hall.set_points([pts[0], pts[1], pts[2]], format="xy")  # a marker outline, replaced below
    handle = hall.dxf.handle
    tmp = out.with_suffix(".tmp.dxf")
    doc.saveas(tmp)
    lines = tmp.read_text(encoding="utf-8").split("\n")
    tmp.unlink()
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    cx, cy, rx, ry = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, (max(xs) - min(xs)) / 2, (max(ys) - min(ys)) / 2
    at = next(i for i in range(0, len(lines) - 1, 2) if lines[i].strip() == "5" and lines[i + 1].strip() == handle)
    first = next(i for i in range(at, len(lines), 2) if lines[i].strip() == "10")
    count = next(i for i in range(at, first, 2) if lines[i].strip() == "90")
    lines[count + 1] = str(n)
    vertices = []
    for i in range(n):
        a = 2 * math.pi * i / n
        vertices += [" 10", f"{cx + rx * math.cos(a):.3f}", " 20", f"{cy + ry * math.sin(a):.3f}"]
    lines[first : first + 12] = vertices  # the three marker vertices (10/20 pairs) replaced
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def hostile_case(name: str, folder: Path, **kwargs) -> Path:
    from tests.fixtures import hostile

    if name == "hall-vertices":
        template, make = "community-station", lambda doc: hostile._many_hall_vertices(doc, **kwargs)
    else:
        template, make = hostile.CASES[name]
    doc = hostile._template(template)
    make(doc)
    suffix = "-".join(str(v) for v in kwargs.values())
    out = folder / f"{name}{'-' + suffix if suffix else ''}.dxf"
    doc.saveas(out)
    return out


def run(args: list[str], timeout: float) -> tuple[float, float, int | str]:
    """(seconds, peak MiB, exit status or 'killed') of one command in a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed = False
    while True:
        if hasattr(os, "wait4"):
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss / 1024
                break
        elif proc.poll() is not None:
            peak = float("nan")
            break
        if time.perf_counter() - start > timeout and not killed:
            proc.kill()
            killed = True
        time.sleep(0.02)
    return time.perf_counter() - start, peak, "killed" if killed else proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=200_000, help="LINEs and TEXTs in the architect's drawing")
    ap.add_argument("--vertices", type=int, default=1_000_000, help="vertices of the big hall outline")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before a run is killed")
    ap.add_argument("--keep", type=Path, help="keep the generated drawings in this folder")
    ap.add_argument("--only", help="run only the inputs whose name contains this")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bianmin-big-"))
    work.mkdir(parents=True, exist_ok=True)
    makers = {
        f"background-{args.lines}-lines.dxf": lambda p: big_background(p, args.lines),
        f"hall-vertices-{args.vertices}.dxf": lambda p: many_vertex_hall(p, args.vertices),
        "exits-2000.dxf": lambda p: hostile_case("exits-2000", work),
        "obstacles-5000.dxf": lambda p: hostile_case("obstacles-5000", work),
    }
    print(f"{'input':<34} {'MB':>6} {'command':<22} {'s':>7} {'MiB':>7} {'exit':>6}")
    for name, make in makers.items():
        if args.only and args.only not in name:
            continue
        path = work / name
        if not path.exists():
            t = time.perf_counter()
            made = make(path)
            if made != path:
                made.rename(path)
            print(f"  (made {name} in {time.perf_counter() - t:.0f} s)")
        mb = path.stat().st_size / 1e6
        for label, cmd in (
            ("validate", ["validate", str(path), "--format", "json", "-o", str(work / "out.json")]),
            ("validate --timeout 0", ["validate", str(path), "--timeout", "0", "-o", str(work / "out.txt")]),
            ("export pdf", ["export", "pdf", str(path), "-o", str(work / "out.pdf")]),
        ):
            seconds, peak, code = run(cmd, args.timeout)
            print(f"{name[:34]:<34} {mb:6.1f} {label:<22} {seconds:7.1f} {peak:7.0f} {code!s:>6}", flush=True)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
