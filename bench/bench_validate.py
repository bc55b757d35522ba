"""Validation speed against `ezdxf audit`, the cheapest program that reads and checks a DXF.

    python bench/bench_validate.py [--repeat 3] [--plans 100]

Prints, for each sample plan, template and the generated large plan, the time of
`bianmin validate FILE` and `ezdxf audit FILE` as whole commands (interpreter start
and imports included, as a user meets them) and in-process (reading + checking only),
and their ratio; the start-up (imports) of both commands; then `--jobs 2` against
`--jobs 1` on N copies of a template.
Targets (issue 10): command ratio <= 1.0 on the samples (median), <= 1.3 on the large plan;
jobs 2 >= 1.7x.  The two programs are timed turn about, so that a busy machine slows both.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def best_pair(fn_a, fn_b, repeat):
    """The best time of each of two programs, run turn about (a, b, a, b, ...)."""
    a, b = [], []
    for _ in range(repeat):
        for fn, times in ((fn_a, a), (fn_b, b)):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    return min(a), min(b)


def command(args):
    return lambda: subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def in_process_audit(path):
    from ezdxf import recover

    def run():
        doc, auditor = recover.readfile(path)
        auditor.print_error_report() if False else None

    return run


def in_process_validate(path):
    from bianmin.standards.engine import validate_path

    return lambda: validate_path(path)


def _burn(n):
    s = 0
    for i in range(n):
        s += i * i
    return s


def parallel_ceiling() -> float:
    """What two processes gain over one on this machine for plain CPU work: the peer for --jobs."""
    import multiprocessing

    work = [2_000_000] * 8
    t = time.perf_counter()
    for n in work:
        _burn(n)
    serial = time.perf_counter() - t
    with multiprocessing.Pool(2) as pool:
        t = time.perf_counter()
        pool.map(_burn, work)
        parallel = time.perf_counter() - t
    return serial / parallel


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--plans", type=int, default=100)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    from large_plan import write_large

    # this machine sets PYTHONDONTWRITEBYTECODE: without this every bianmin command would
    # compile its modules anew, while ezdxf's come compiled from site-packages (as pip leaves them)
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "bianmin"), quiet=1)

    tmp = Path(tempfile.mkdtemp(prefix="bianmin-bench-"))
    files = sorted(p for p in (ROOT / "samples").glob("*.dxf") if "pdf" not in p.name)
    files += sorted((ROOT / "src" / "bianmin" / "templates").glob("*.dxf"))
    t = time.perf_counter()
    large = write_large(tmp / "large-100x60.dxf")
    print(f"generated {large.name} ({large.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
    files.append(large)
    bianmin = [sys.executable, "-m", "bianmin.cli.main", "validate", "--quiet", "--jobs", "1"]
    audit = [sys.executable, "-m", "ezdxf", "audit"]
    print(
        f"\n{'file':<34} {'bianmin':>9} {'ezdxf audit':>12} {'ratio':>6} | {'in-process':>10} {'audit':>8} {'ratio':>6}"
    )
    ratios = []
    for f in files:
        cmd_b, cmd_a = best_pair(command(bianmin + [str(f)]), command(audit + [str(f)]), args.repeat)
        in_b, in_a = best_pair(in_process_validate(f), in_process_audit(f), args.repeat)
        ratios.append((f.name, cmd_b / cmd_a, in_b / in_a))
        print(
            f"{f.name[:34]:<34} {cmd_b:8.2f}s {cmd_a:11.2f}s {cmd_b / cmd_a:6.2f} | {in_b:9.3f}s {in_a:7.3f}s {in_b / in_a:6.2f}"
        )
    small = [r for r in ratios if r[0] != large.name]
    print(
        f"\nsamples: command ratio median {statistics.median(r[1] for r in small):.2f}, "
        f"max {max(r[1] for r in small):.2f}; in-process median {statistics.median(r[2] for r in small):.2f}"
    )
    print(f"large plan: command ratio {ratios[-1][1]:.2f}, in-process ratio {ratios[-1][2]:.2f}")
    median = statistics.median(r[1] for r in small)
    print(
        f"targets: samples median <= 1.0: {'met' if median <= 1.0 else 'not met'}; "
        f"large plan <= 1.3: {'met' if ratios[-1][1] <= 1.3 else 'not met'}"
    )

    # start-up: what the validate command imports before it reads a byte, against ezdxf's own import
    py = [sys.executable, "-c"]
    ours = "import bianmin.cli.main, bianmin.cli.validate, bianmin.cli.batch, bianmin.cli.summary, bianmin.standards.report"
    start_b, start_a = best_pair(command(py + [ours]), command(py + ["import ezdxf"]), max(args.repeat, 5))
    bare = best(command(py + ["pass"]), max(args.repeat, 5))
    print(
        f"start-up: bianmin imports {start_b:.2f} s, ezdxf import {start_a:.2f} s, "
        f"bare interpreter {bare:.2f} s (bianmin adds {start_b - start_a:+.2f} s to ezdxf's import)"
    )

    folder = tmp / "batch"
    folder.mkdir()
    for i in range(args.plans):
        shutil.copy(ROOT / "src" / "bianmin" / "templates" / "street-center.dxf", folder / f"plan{i:03d}.dxf")
    base = [sys.executable, "-m", "bianmin.cli.main", "validate", "--quiet", str(folder)]
    one = best(command(base + ["--jobs", "1"]), 1)
    two = best(command(base + ["--jobs", "2"]), 1)
    print(f"\n{args.plans} plans: --jobs 1 {one:.2f} s, --jobs 2 {two:.2f} s, speed-up {one / two:.2f}x")
    print(f"this machine's ceiling (pure-Python work, 1 vs 2 processes): {parallel_ceiling():.2f}x")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
