"""PDF export: size and time of the drawing set for the architect's TArch plan, and where they go.

    python bench/bench_export.py [--repeat 2] [--peer]

1. The TArch plan of the real corpus (egg-dxf_1, 1.4 MB, a Chinese data-centre floor) is
   recognized and laid out with the CLI (`bianmin recognize`, `bianmin layout`), as a street
   office would; then `bianmin export pdf` is timed as a whole command on A3 and A1, and the
   file size printed (issue 14: it was 4.3 MB and 15-20 s).
2. The same export in-process, split into reading the plan, drawing the architect's
   background, and the rest (plan, furniture, schedules, writing), with the number of path
   operators on the plan page (lines ``l``, curves ``c``) and the stream and font bytes.
3. With ``--peer``: each sample plan and template against `ezdxf draw -o out.pdf`
   (ezdxf's matplotlib renderer; `pip install matplotlib`), as before (issue 5).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARCH = ROOT.parent.parent / "shared" / "dxf-corpus" / "real" / "egg-dxf_1.dxf.bak.dxf"
FALLBACK = ROOT / "tests" / "fixtures" / "real" / "egg-dxf_1.dxf"


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "bianmin.cli.main", *map(str, args)]


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


def tarch_plan(tmp: Path) -> Path:
    """The TArch plan recognized and laid out by the CLI: the hall, its doors, zones and furniture."""
    source = TARCH if TARCH.exists() else FALLBACK
    recognized, laid = tmp / "tarch-recognized.dxf", tmp / "tarch-laid-out.dxf"
    subprocess.run(cli("recognize", source, "-o", recognized), check=True, stdout=subprocess.DEVNULL)
    # layout exits 1 when findings remain (this hall is too small): the file is written all the same
    subprocess.run(cli("layout", recognized, "-o", laid), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not laid.exists():
        raise SystemExit(f"layout wrote nothing for {source}")
    print(f"plan: {source.name} ({source.stat().st_size / 1e6:.1f} MB), recognized and laid out")
    return laid


def page_ops(pdf: Path) -> str:
    from collections import Counter

    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    data = reader.pages[0].get_contents().get_data()
    ops = Counter(t for t in data.split() if t in (b"l", b"c", b"m", b"S", b"f*", b"RG", b"w"))
    fonts = 0
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            desc = font.get("/DescendantFonts")
            d = (desc[0].get_object() if desc else font).get("/FontDescriptor")
            if d is not None:
                for key in ("/FontFile2", "/FontFile3"):
                    if key in d.get_object():
                        fonts = max(fonts, len(d.get_object()[key].get_object().get_data()))
    return (
        f"plan page: {len(data) / 1e3:.0f} kB of operators, "
        + ", ".join(f"{k.decode()} {v}" for k, v in sorted(ops.items()))
        + f"; font subset {fonts / 1e3:.0f} kB"
    )


def in_process(plan: Path, tmp: Path) -> None:
    import logging

    logging.disable(logging.WARNING)
    from bianmin.drawing import background
    from bianmin.drawing.drawing import write_drawing
    from bianmin.geometry.dxf.read import read_plan

    t0 = time.perf_counter()
    read = read_plan(plan)
    t1 = time.perf_counter()
    spent = [0.0]
    original = background.render_background

    def timed_render(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t

    background.render_background = timed_render
    try:
        out = tmp / "inproc.pdf"
        write_drawing(read, out, paper="A1")
    finally:
        background.render_background = original
    t2 = time.perf_counter()
    print(
        f"in-process, A1: read {t1 - t0:.2f} s, background {spent[0]:.2f} s, "
        f"plan + schedules + writing {t2 - t1 - spent[0]:.2f} s"
    )
    print(page_ops(out))


def peers(tmp: Path, repeat: int) -> None:
    files = sorted(
        p
        for p in (ROOT / "samples").glob("*.dxf")
        if "pdf" not in p.name and "broken" not in p.name and "r12" not in p.name
    )
    files += sorted((ROOT / "src" / "bianmin" / "templates").glob("*.dxf"))
    print(f"{'file':<40} {'bianmin':>9} {'ezdxf draw':>11} {'ratio':>6}")
    for f in files:
        ours, ok1 = timed(cli("export", "pdf", f, "-o", tmp / "a.pdf", "--paper", "A1"), repeat, tmp / "a.pdf")
        peer, ok2 = timed(
            [sys.executable, "-m", "ezdxf", "draw", "-o", str(tmp / "b.pdf"), str(f)], repeat, tmp / "b.pdf"
        )
        note = (
            "" if ok1 and ok2 else f"  (exit: bianmin {'ok' if ok1 else 'FAILED'}, ezdxf {'ok' if ok2 else 'FAILED'})"
        )
        print(f"{f.name[:40]:<40} {ours:8.2f}s {peer:10.2f}s {ours / peer:6.2f}{note}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--peer", action="store_true", help="also time ezdxf draw on the samples (needs matplotlib)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bianmin-export-"))
    import compileall  # this machine sets PYTHONDONTWRITEBYTECODE; ezdxf's modules come compiled

    compileall.compile_dir(str(ROOT / "src" / "bianmin"), quiet=1)
    plan = tarch_plan(tmp)
    print(f"{'paper':<16} {'time':>7} {'size':>9}")
    for paper, orientation in (("A3", "landscape"), ("A1", "landscape"), ("A4", "portrait")):
        out = tmp / f"{paper}-{orientation}.pdf"
        args_ = cli("export", "pdf", plan, "-o", out, "--paper", paper, "--orientation", orientation)
        seconds, ok = timed(args_, args.repeat, out)
        size = f"{out.stat().st_size / 1e6:.2f} MB" if ok else "FAILED"
        print(f"{paper + ' ' + orientation:<16} {seconds:6.2f}s {size:>9}")
    in_process(plan, tmp)
    if args.peer:
        peers(tmp, args.repeat)


if __name__ == "__main__":
    main()
