"""The designer's speed: open to first paint, pan/zoom frames, edit to updated findings.

    pip install PySide6-Essentials   # for the peer only: ezdxf's viewer needs PySide6 or PyQt5
    python bench/bench_designer.py

1. Opening a large architectural DXF to the first full paint, against `ezdxf view`
   (ezdxf's own viewer, loading the file as that command does) on the same file in the
   same run: each in a fresh process, timed from before the imports to the painted window.
2. Pan and zoom frames on that file: the time to repaint the view after each step,
   in both viewers.
3. The delay from an edit to updated findings on the sample plans.
Targets (issue 4): open within the time `ezdxf view` takes, frames under 16 ms,
findings within 300 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FRAMES = r"""
def frames(view, app, QtCore):
    import time
    out = []
    centre = view.viewport().rect().center()
    for i in range(30):
        t = time.perf_counter()
        if i % 3 == 0:
            view.scale(1.15, 1.15)
        elif i % 3 == 1:
            view.translate(40 / view.transform().m11(), 25 / view.transform().m22())
        else:
            view.scale(1 / 1.15, 1 / 1.15)
        view.viewport().repaint()
        out.append((time.perf_counter() - t) * 1000)
    view.scale(8, 8)  # zoomed in: a room fills the window, drawn from vector tiles
    view.viewport().repaint()
    deep = []
    for i in range(20):
        t = time.perf_counter()
        view.translate(60 / view.transform().m11(), 30 / view.transform().m22())
        view.viewport().repaint()
        deep.append((time.perf_counter() - t) * 1000)
    return out, deep
"""

OURS = (
    r"""
import sys, time, json, os
t0 = time.perf_counter()
from PyQt6.QtWidgets import QApplication
from PyQt6.QtCore import QSettings
from PyQt6 import QtCore
app = QApplication([])
from bianmin.designer.main_window import MainWindow
from bianmin.designer.document import PlanDocument
doc = PlanDocument.open(sys.argv[1])
w = MainWindow(doc, settings=QSettings(os.devnull, QSettings.Format.IniFormat), interactive=False)
w.resize(1500, 920)
w.show()
w.view.zoom_fit()
app.processEvents()
w.view.viewport().repaint()
first = time.perf_counter() - t0
"""
    + FRAMES
    + r"""
f, deep = frames(w.view, app, QtCore)
print(json.dumps({"first_paint": first, "frames": f, "deep": deep}))
"""
)

PEER = (
    r"""
import sys, time, json
t0 = time.perf_counter()
from ezdxf.addons.xqt import QtWidgets, QtCore
from ezdxf.addons.drawing.qtviewer import CADViewer
from ezdxf.addons.drawing.config import Configuration
from ezdxf.commands import load_document
app = QtWidgets.QApplication([])
viewer = CADViewer.from_config(Configuration())
doc, auditor = load_document(sys.argv[1])
viewer.set_document(doc, auditor, layout="Model")
viewer.resize(1500, 920)
viewer.show()
app.processEvents()
view = viewer.findChild(QtWidgets.QGraphicsView)
view.viewport().repaint()
first = time.perf_counter() - t0
"""
    + FRAMES
    + r"""
f, deep = frames(view, app, QtCore)
print(json.dumps({"first_paint": first, "frames": f, "deep": deep}))
"""
)

EDITS = r"""
import sys, time, json, os, statistics
from PyQt6.QtWidgets import QApplication
from PyQt6.QtCore import QSettings, QEventLoop, QTimer
app = QApplication([])
from bianmin.designer.main_window import MainWindow
from bianmin.designer.document import PlanDocument
from bianmin.designer.commands import ReplaceElement
out = {}
for path in sys.argv[1:]:
    w = MainWindow(PlanDocument.open(path), settings=QSettings(os.devnull, QSettings.Format.IniFormat), interactive=False)
    w.show()
    def wait():
        loop = QEventLoop()
        w.validator.finished.connect(loop.quit)
        QTimer.singleShot(20000, loop.quit)
        loop.exec()
        w.validator.finished.disconnect(loop.quit)
    wait()
    delays = []
    for i in range(6):
        objs = [o for o in w.document.plan.objects if not o.nested]
        if not objs:
            break
        o = objs[i % len(objs)]
        t = time.perf_counter()
        w.document.do(ReplaceElement(o, o.moved(100 if i % 2 == 0 else -100, 0)))
        wait()
        delays.append((time.perf_counter() - t) * 1000)
    out[os.path.basename(path)] = delays
    w.close()
print(json.dumps(out))
"""


def run(script, *args, extra_env=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(extra_env or {}))
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, env=env, timeout=900
    )
    wall = time.perf_counter() - t
    lines = [line for line in r.stdout.strip().splitlines() if line.startswith("{")]
    if lines:  # the figures were printed; a crash while the interpreter shuts down does not undo them
        note = None if r.returncode == 0 else f"(process crashed on exit, code {r.returncode})"
        return json.loads(lines[-1]), wall, note
    return None, wall, r.stderr.strip().splitlines()[-1] if r.stderr.strip() else f"exit {r.returncode}"


def main():
    corpus = ROOT.parent / "shared" / "dxf-corpus" / "real"
    files = [
        p
        for p in (
            corpus / "dxfjson-A_000217.dxf",
            corpus / "egg-dxf_1.dxf.bak.dxf",
            ROOT / "tests" / "fixtures" / "real" / "egg-dxf_1.dxf",
        )
        if p.exists()
    ][:2]
    print("1-2. open to first paint, and pan/zoom frames (ms)")
    for f in files:
        from ezdxf import recover

        doc, _ = recover.readfile(f)
        n = len(doc.modelspace())
        n_all = sum(len(b) for b in doc.blocks)
        print(f"\n{f.name}: {n} modelspace entities, {n_all} in block definitions, {f.stat().st_size / 1e6:.1f} MB")
        for name, script in (("bianmin design", OURS), ("ezdxf view", PEER)):
            runs = [run(script, f) for _ in range(2)]  # best of two: this machine's timings wander
            ok = [r for r in runs if r[0] is not None]
            data, wall, err = min(ok, key=lambda r: r[0]["first_paint"]) if ok else runs[0]
            if data is None:
                print(f"  {name:<15} failed: {err}")
                continue
            fr, deep = data["frames"], data["deep"]
            print(
                f"  {name:<15} first paint {data['first_paint']:6.2f} s (process {wall:5.2f} s); frames at full "
                f"view mean {statistics.mean(fr):5.1f} ms, max {max(fr):5.1f}; zoomed in 8x mean "
                f"{statistics.mean(deep):5.1f} ms, max {max(deep):5.1f}" + (f"  {err}" if err else "")
            )
    print("\n3. edit to updated findings (ms, 6 edits per plan)")
    samples = sorted(p for p in (ROOT / "samples").glob("*.dxf") if "pdf" not in p.name and "broken" not in p.name)
    samples += sorted((ROOT / "src" / "bianmin" / "templates").glob("*.dxf"))
    data, wall, err = run(EDITS, *samples)
    if data is None:
        print("  failed:", err)
        return
    for name, delays in data.items():
        if delays:
            print(f"  {name:<34} median {statistics.median(delays):6.0f}  max {max(delays):6.0f}")


if __name__ == "__main__":
    main()
