"""Opening a large drawing in the designer: how soon the progress dialog shows, how long the
window goes without handling events, and where the seconds go (issue 14).

    python bench/bench_open.py [DRAWING.dxf]      # default: the TArch plan of the test fixtures

Prints: time to the dialog, the longest gap between two 50 ms timer ticks while opening (a
frozen window would show the whole opening time), the total, and each stage's seconds.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "tests" / "fixtures" / "real" / "egg-dxf_1.dxf"


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt6.QtCore import QSettings, QTimer
    from PyQt6.QtWidgets import QApplication

    app = QApplication([])
    from bianmin.designer.main_window import MainWindow
    from bianmin.designer.open_in_thread import OpeningProgress

    settings = QSettings(str(Path(os.environ.get("TMPDIR", "/tmp")) / "bench-open.ini"), QSettings.Format.IniFormat)
    window = MainWindow(None, settings=settings, interactive=False)
    window.show()
    app.processEvents()
    ticks: list[float] = []
    stages: dict[str, float] = {}
    shown: list[float] = []

    def tick():
        now = time.perf_counter()
        ticks.append(now)
        for dialog in window.findChildren(OpeningProgress):
            if dialog.isVisible():
                if not shown:
                    shown.append(now)
                stages.setdefault(dialog.current, now)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    start = time.perf_counter()
    ok = window.open_path(path)
    end = time.perf_counter()
    timer.stop()
    gaps = [b - a for a, b in zip([start, *ticks], [*ticks, end], strict=False)]
    print(f"drawing          {path.name} ({path.stat().st_size / 1e6:.1f} MB), opened: {ok}")
    print(f"dialog shown     {(shown[0] - start) if shown else float('nan'):.2f} s after the click")
    print(f"longest freeze   {max(gaps):.2f} s (event-loop ticks: {len(ticks)})")
    print(f"total            {end - start:.2f} s")
    order = sorted(stages, key=stages.get)
    for a, b in zip(order, [*order[1:], None], strict=False):
        print(f"  stage {a:<10} {(stages[b] if b else end) - stages[a]:.2f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
