"""The pictures of docs/layout.md: `layout` on the L-shaped, long and columned test halls, each
drawn as the first sheet of its PDF set (poppler's pdftoppm renders the page).

    python bench/layout_pictures.py [--out docs] [--dpi 60]

Prints, per hall, the arrangement it took, the errors left and the notes, so that the page's
text can be checked against what the pictures show.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

PICTURES = {
    "l-shaped": "layout-sheet-l-shaped.png",
    "long-40x12": "layout-sheet-long.png",
    "columns-30x20": "layout-sheet-columns.png",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--dpi", type=int, default=60)
    args = ap.parse_args()
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm (poppler-utils) is needed to render the sheets")
    from bianmin.autolayout import layout
    from bianmin.drawing.drawing import write_drawing
    from bianmin.geometry.dxf.read import read_plan
    from bianmin.geometry.dxf.write import write_plan
    from tests.autolayout.layout_halls import HALLS

    with tempfile.TemporaryDirectory() as tmp:
        for name, png in PICTURES.items():
            result = layout(HALLS[name]())
            words = result.arrangement.words()[0] if result.arrangement is not None else "—"
            errors = sorted({f.rule for f in result.report.findings if f.severity == "error"})
            print(f"{name}: {words}; errors {errors or 'none'}")
            for n in result.notes:
                print(f"   {n.rule}: {n.zh}")
            dxf = Path(tmp) / f"{name}.dxf"
            write_plan(result.plan, dxf)
            pdf = Path(tmp) / f"{name}.pdf"
            write_drawing(read_plan(dxf), pdf)
            stem = Path(tmp) / name
            subprocess.run(
                ["pdftoppm", "-r", str(args.dpi), "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                check=True,
            )
            shutil.copyfile(stem.with_suffix(".png"), args.out / png)
            print(f"   -> {args.out / png}")


if __name__ == "__main__":
    main()
