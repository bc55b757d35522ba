"""Recognition speed against the peers a user meets on the same drawing.

    python bench/bench_recognize.py [FILE_OR_FOLDER ...] [--repeat 3]

Default: every DXF in ../shared/dxf-corpus/real/.  For each drawing prints, in-process
and best of N: reading it (``ezdxf.recover``, what every command pays), recognizing
it on the read drawing (``recognize``), and ``validate_path`` on the same file (read +
the 62 rules), with recognition's ratio to reading and to validating.  Target (issue
11): recognition on the corpus' largest drawing (dxfjson-A_000217.dxf) costs no more
than reading it.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "dxf-corpus" / "real"


def best(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    logging.getLogger("ezdxf").setLevel(logging.ERROR)
    from bianmin.geometry.dxf.read import PlanReadError, load_document
    from bianmin.geometry.recognize import recognize
    from bianmin.standards.engine import validate_path

    files = []
    for p in args.paths or [CORPUS]:
        files += sorted(p.glob("*.dxf")) if p.is_dir() else [p]
    print(f"{'drawing':<52}{'size':>8}{'read':>8}{'recog.':>8}{'valid.':>8}{'rec/read':>9}{'rec/val':>8}  result")
    for f in files:
        try:
            t_read, (doc, _) = best(lambda f=f: load_document(f), args.repeat)
        except PlanReadError as exc:
            print(f"{f.name:<52} unreadable: {exc}")
            continue
        t_rec, rec = best(lambda doc=doc: recognize(doc), args.repeat)
        t_val, _ = best(lambda f=f: validate_path(f), args.repeat)
        res = f"hall {rec.hall.area / 1e6:.0f} m², {len(rec.openings)} doors" if rec.found else "no room found"
        print(
            f"{f.name[:51]:<52}{f.stat().st_size / 1e6:>7.1f}M{t_read:>7.2f}s{t_rec:>7.2f}s{t_val:>7.2f}s"
            f"{t_rec / t_read:>9.2f}{t_rec / t_val:>8.2f}  {res}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
