"""Fuzz every command with hostile and mutated plans (issues 16 and 27).

    python bench/fuzz.py [--mutants 500] [--per-mutant 2] [--jobs 2] [--timeout 30] [--keep DIR]

Commands: validate, recognize, layout, export pdf, export report, review add and the designer's
open (offscreen, ``design --screenshot``).  Every named hostile case and junk file goes through
every command; each mutant through ``--per-mutant`` of them in turn, so that 500 mutants make
about 1,300 runs in all.

Makes the named hostile cases of tests/fixtures/hostile.py and random mutants of the
templates, the samples and the smaller real drawings of the corpus (numbers replaced by
huge, non-finite or negative ones; attribute texts by markup, formulas and junk; group
pairs deleted or duplicated; files cut short), runs both commands on each in a child
process with a time and memory limit, and prints the table the issue asks for: inputs,
tracebacks, hangs, invalid JSON, rule internal errors, peak memory.  With --keep the
inputs that went wrong (or were slowest) are copied to DIR.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.fixtures.hostile import CASES, write_case, write_junk  # noqa: E402

CORPUS = ROOT.parent / "shared" / "dxf-corpus" / "real"
NUMBERS = ["1e18", "-1e18", "1e300", "nan", "inf", "-inf", "0", "-1", "1e-300", "123456789012"]
TEXTS = [
    "=1+1",
    "+SUM(A1)",
    "-2",
    "@x",
    '<img src="/etc/passwd"/>',
    "<",
    "\n",
    "\x00",
    "1e9",
    "-5",
    "sky",
    "general,accessible",
    "💥" * 50,
    "x" * 5000,
]
MEMORY_LIMIT = 2 * 1024**3
COMMANDS = ["validate", "recognize", "layout", "export-pdf", "export-report", "review", "design"]


def sources() -> list[Path]:
    out = [
        ROOT / "src" / "bianmin" / "templates" / "street-center.dxf",
        ROOT / "src" / "bianmin" / "templates" / "community-station.dxf",
    ]
    out += sorted((ROOT / "samples").glob("*.dxf"))
    if CORPUS.is_dir():
        out += [p for p in sorted(CORPUS.glob("*.dxf")) if p.stat().st_size < 500_000]
    return out


def mutate(data: bytes, rnd: random.Random) -> bytes:
    lines = data.split(b"\n")
    pairs = len(lines) // 2
    if pairs < 4:
        return data[: rnd.randrange(len(data) + 1)]
    kind = rnd.choice(["number", "number", "text", "delete", "duplicate", "truncate", "swap"])
    for _ in range(rnd.randint(1, 6)):
        i = rnd.randrange(pairs) * 2
        code = lines[i].strip()
        if kind == "number" and code.isdigit() and 10 <= int(code) <= 59:
            lines[i + 1] = rnd.choice(NUMBERS).encode()
        elif kind == "text" and code in (b"1", b"2", b"8"):
            lines[i + 1] = rnd.choice(TEXTS).encode("utf-8")
        elif kind == "delete":
            del lines[i : i + 2]
            pairs -= 1
        elif kind == "duplicate":
            j = min(len(lines), i + 2 * rnd.randint(1, 40))
            lines[i:i] = lines[i:j]
        elif kind == "swap":
            j = rnd.randrange(pairs) * 2
            lines[i + 1], lines[j + 1] = lines[j + 1], lines[i + 1]
        elif kind == "truncate":
            lines = lines[:i]
            break
    return b"\n".join(lines)


def run(args: list[str], timeout: float) -> dict:
    def limit():
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        except (ImportError, ValueError, OSError):
            pass

    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bianmin", *args],  # the program as users run it: its own bounds on
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=limit if os.name == "posix" else None,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src")),
    )
    if not hasattr(os, "wait4"):  # Windows: no per-child peak
        try:
            out, err = proc.communicate(timeout=timeout)
            hung = False
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            hung = True
        peak = 0
    else:
        # reap the child ourselves so its own peak RSS is known (RUSAGE_CHILDREN is a running max)
        chunks: dict[str, bytes] = {}
        readers = [
            threading.Thread(target=lambda k, f: chunks.__setitem__(k, f.read()), args=(k, f), daemon=True)
            for k, f in (("out", proc.stdout), ("err", proc.stderr))
        ]
        for t in readers:
            t.start()
        hung, peak = False, 0
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline and not hung:
                hung = True
                proc.kill()
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak = usage.ru_maxrss * 1024
        for t in readers:
            t.join()
        out, err = chunks.get("out", b""), chunks.get("err", b"")
    return {
        "code": proc.returncode,
        "out": out,
        "err": err,
        "hung": hung,
        "seconds": time.perf_counter() - start,
        "peak": peak,
    }


def _args(command: str, path: Path, outdir: Path) -> list[str]:
    out = outdir / f"{path.stem}-{command}"
    return {
        # --timeout 0: checked in this child itself, so its time and peak memory are what is measured
        "validate": ["validate", str(path), "--format", "json", "--jobs", "1", "--timeout", "0"],
        "recognize": ["recognize", str(path), "-o", f"{out}.dxf"],
        "layout": ["layout", str(path), "-o", f"{out}.dxf"],
        "export-pdf": ["export", "pdf", str(path), "-o", f"{out}.pdf"],
        "export-report": ["export", "report", str(path), "-o", f"{out}.pdf"],
        "review": ["review", "add", "--db", f"{out}.sqlite", str(path)],
        "design": ["design", str(path), "--screenshot", f"{out}.png"],
    }[command]


def check_one(path: Path, outdir: Path, timeout: float, commands: list[str]) -> dict:
    res = {"path": path, "problems": [], "runs": 0, "seconds": 0.0, "peak": 0, "slowest": ""}
    for command in commands:
        r = run(_args(command, path, outdir), timeout)
        res["runs"] += 1
        if r["seconds"] > res["seconds"]:
            res["seconds"], res["slowest"] = r["seconds"], command
        res["peak"] = max(res["peak"], r["peak"])
        if r["hung"]:
            res["problems"].append(f"{command}: hang")
        if b"Traceback (most recent call last)" in r["err"]:
            res["problems"].append(f"{command}: traceback")
        if not r["hung"] and r["code"] not in (0, 1, 2, 3):
            res["problems"].append(f"{command}: exit {r['code']}")
        if command == "validate" and not r["hung"]:
            try:
                doc = json.loads(r["out"], parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
                for f in doc["files"]:
                    for finding in f["findings"]:
                        if "internal error" in finding["message"] or "内部错误" in finding["message"]:
                            res["problems"].append("validate: rule internal error " + finding["rule"])
            except (ValueError, KeyError, TypeError):
                res["problems"].append("validate: invalid JSON")
        elif b"internal error" in r["err"] or "内部错误".encode() in r["err"]:
            res["problems"].append(f"{command}: rule internal error")
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mutants", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--per-mutant", type=int, default=2, help="commands each mutant goes through (in turn)")
    ap.add_argument("--commands", default=",".join(COMMANDS), help="comma-separated subset of " + ",".join(COMMANDS))
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="bianmin-fuzz-"))
    commands = [c for c in args.commands.split(",") if c]
    named = [write_case(name, work) for name in CASES] + write_junk(work)
    jobs = [(p, commands) for p in named]
    srcs = sources()
    for i in range(args.mutants):
        src = srcs[i % len(srcs)]
        data = mutate(src.read_bytes(), rnd)
        p = work / f"mutant-{i:04d}-{src.stem[:30]}.dxf"
        p.write_bytes(data)
        jobs.append((p, [commands[(i * args.per_mutant + k) % len(commands)] for k in range(args.per_mutant)]))
    outdir = work / "out"
    outdir.mkdir()
    start = time.perf_counter()
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda job: check_one(job[0], outdir, args.timeout, job[1]), jobs))
    wall = time.perf_counter() - start
    count = {
        k: sum(1 for r in results if any(k in p for p in r["problems"]))
        for k in ("traceback", "hang", "invalid JSON", "rule internal error", "exit ")
    }
    over30 = sum(1 for r in results if r["seconds"] > 30)
    peak = max((r["peak"] for r in results), default=0)
    runs = sum(r["runs"] for r in results)
    print(f"{'inputs':<28}{len(jobs)} ({len(CASES)} named hostile cases, 4 junk files, {args.mutants} mutants)")
    print(f"{'runs':<28}{runs} ({', '.join(commands)})")
    print(f"{'tracebacks':<28}{count['traceback']}")
    print(f"{'hangs (>' + str(int(args.timeout)) + ' s, killed)':<28}{count['hang']}")
    print(f"{'runs over 30 s':<28}{over30}")
    print(f"{'invalid JSON':<28}{count['invalid JSON']}")
    print(f"{'rule internal errors':<28}{count['rule internal error']}")
    print(f"{'other exit codes':<28}{count['exit ']}")
    print(f"{'peak memory (max RSS)':<28}{peak / 1024**2:.0f} MiB")
    print(f"{'wall time':<28}{wall:.0f} s with {args.jobs} jobs")
    bad = [r for r in results if r["problems"]]
    for r in bad[:40]:
        print(f"  {r['path'].name}: {'; '.join(sorted(set(r['problems'])))}")
    slow = sorted(results, key=lambda r: -r["seconds"])[:10]
    print("slowest: " + ", ".join(f"{r['path'].name} ({r['slowest']}) {r['seconds']:.1f} s" for r in slow))
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for r in bad + slow:
            shutil.copy2(r["path"], args.keep / r["path"].name)
    shutil.rmtree(work, ignore_errors=True)
    return 1 if bad or over30 else 0


if __name__ == "__main__":
    sys.exit(main())
