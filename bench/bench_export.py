"""PDF export speed against `ezdxf draw -o out.pdf` (ezdxf's matplotlib renderer), same files, same run.

    pip install matplotlib   # for the peer only; bianmin does not need it
    python bench/bench_export.py [--repeat 2]

For each sample plan, template and a large architectural drawing from the corpus (with a
hall added so that there is something to export), prints the time of
`bianmin export pdf` and of `ezdxf draw -o` as whole commands, and their ratio.
Target (issue 5): faster than ezdxf draw on every file.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(args, repeat, out: Path):
    best = float("inf")
    ok = True
    for _ in range(repeat):
        out.unlink(missing_ok=True)  # ezdxf draw refuses to overwrite, and would return at once
        t = time.perf_counter()
        r = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t)
        ok = ok and r.returncode == 0 and out.exists()
    return best, ok


def large_architectural(tmp: Path) -> Path:
    """The corpus' largest floor plan with a hall drawn on it (so the plan sheet has content)."""
    import logging

    logging.disable(logging.WARNING)
    from bianmin.geometry.dxf_read import read_plan
    from bianmin.geometry.dxf_write import apply_plan, save_atomic
    from bianmin.geometry.model import Hall, rectangle

    source = ROOT.parent / "shared" / "dxf-corpus" / "real" / "dxfjson-A_000217.dxf"
    if not source.exists():
        source = ROOT / "tests" / "fixtures" / "real" / "sky-floorplan.dxf"
    read = read_plan(source)
    from ezdxf import bbox

    box = bbox.extents(read.doc.modelspace(), fast=True)
    f = read.units_factor
    x0, y0 = box.extmin.x * f, box.extmin.y * f
    w = min((box.extmax.x - box.extmin.x) * f, 60000)
    h = min((box.extmax.y - box.extmin.y) * f, 40000)
    read.plan.hall = Hall(outline=rectangle(x0, y0, x0 + w, y0 + h))
    apply_plan(read.doc, read.plan, read.units_factor)
    out = tmp / f"{source.stem}-with-hall.dxf"
    save_atomic(read.doc, out)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bianmin-export-"))
    import compileall  # this machine sets PYTHONDONTWRITEBYTECODE; ezdxf's modules come compiled

    for folder in ("geometry", "standards", "designer", "templates"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)
    files = sorted(
        p
        for p in (ROOT / "samples").glob("*.dxf")
        if "pdf" not in p.name and "broken" not in p.name and "r12" not in p.name
    )
    files += sorted((ROOT / "templates").glob("*.dxf"))
    files.append(large_architectural(tmp))
    print(f"{'file':<40} {'bianmin':>9} {'ezdxf draw':>11} {'ratio':>6}")
    for f in files:
        ours, ok1 = timed(
            [
                sys.executable,
                "-m",
                "bianmin.standards.cli",
                "export",
                "pdf",
                str(f),
                "-o",
                str(tmp / "a.pdf"),
                "--paper",
                "A1",
            ],
            args.repeat,
            tmp / "a.pdf",
        )
        peer, ok2 = timed(
            [sys.executable, "-m", "ezdxf", "draw", "-o", str(tmp / "b.pdf"), str(f)], args.repeat, tmp / "b.pdf"
        )
        note = (
            "" if ok1 and ok2 else f"  (exit: bianmin {'ok' if ok1 else 'FAILED'}, ezdxf {'ok' if ok2 else 'FAILED'})"
        )
        print(f"{f.name[:40]:<40} {ours:8.2f}s {peer:10.2f}s {ours / peer:6.2f}{note}")


if __name__ == "__main__":
    main()
