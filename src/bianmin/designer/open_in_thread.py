"""Opening a drawing without freezing the window: read in a thread, a progress dialog at once.

The TArch plan of the corpus (1.4 MB) takes 8–13 s on an office PC: ezdxf reads the file
(读取), the reader finds the plan in it (识别), ezdxf's frontend collects the architect's
drawing (also off the interface thread) and the scene is built (绘制, on the interface
thread: Qt items).  A progress dialog shows the stage and the seconds from the first moment;
while the thread works, 取消 is safe (the window keeps its plan, and the thread's result is
dropped when it comes); the last stage cannot be cancelled and the button says so.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PyQt6.QtCore import QEventLoop, QThread, QTimer, Qt, pyqtSignal
from PyQt6.QtWidgets import QApplication, QProgressDialog, QPushButton

from bianmin.designer.i18n import tr

STAGES = {
    "load": ("读取图纸", "Reading the drawing"),
    "plan": ("识别图纸内容", "Finding the plan in it"),
    "background": ("整理建筑底图", "Preparing the architect's drawing"),
    "draw": ("绘制", "Drawing"),
}
ORDER = list(STAGES)

# threads whose opening was cancelled: kept alive until they end (a QThread destroyed while it runs
# aborts the program)
_ABANDONED: set = set()


@dataclass
class Opened:
    document: object | None = None
    error: BaseException | None = None
    cancelled: bool = False


class _Reader(QThread):
    stage = pyqtSignal(str)
    done = pyqtSignal(object)

    def __init__(self, path: Path, open_document):
        super().__init__()
        self.path = path
        self.open_document = open_document

    def run(self):
        from bianmin.designer.canvas.background import background_tiles

        try:
            document = self.open_document(self.path, progress=self.stage.emit)
            self.stage.emit("background")
            background_tiles(document.read.doc, document.read.units_factor)
            outcome = Opened(document=document)
        except Exception as exc:  # noqa: BLE001 - said in the window, never a crash in a thread
            outcome = Opened(error=exc)
        self.done.emit(outcome)


class OpeningProgress(QProgressDialog):
    """读取 / 识别 / 绘制 with elapsed seconds; busy bar (the stages' lengths vary too much to be a percentage)."""

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("正在打开图纸", "Opening the drawing"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)  # at once: never a frozen nothing
        self.setRange(0, 0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.cancel_button = QPushButton(tr("取消", "Cancel"))
        self.setCancelButton(self.cancel_button)
        self.setMinimumWidth(460)
        self.path = path
        self.started = time.monotonic()
        self.current = "load"
        self.seen: list[str] = []
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self._refresh)
        self.ticker.start()
        self.set_stage("load")

    def set_stage(self, key: str) -> None:
        self.current = key
        self.seen.append(key)
        if key == "draw":
            self.cancel_button.setText(tr("正在绘制，无法取消", "Drawing: cannot cancel now"))
            self.cancel_button.setEnabled(False)
        self._refresh()

    def _refresh(self) -> None:
        n = ORDER.index(self.current) + 1
        seconds = time.monotonic() - self.started
        self.setLabelText(
            tr(
                f"{self.path.name}\n{n}/{len(ORDER)} {STAGES[self.current][0]}…（已用 {seconds:.0f} 秒）",
                f"{self.path.name}\n{n}/{len(ORDER)} {STAGES[self.current][1]}… ({seconds:.0f} s)",
            )
        )


def open_with_progress(parent, path: Path, open_document) -> tuple[Opened, OpeningProgress]:
    """Read ``open_document(path, progress=…)`` in a thread while a progress dialog shows; returns when
    it is done or cancelled (the event loop runs meanwhile: the window repaints, the bar moves)."""
    dialog = OpeningProgress(Path(path), parent)
    reader = _Reader(Path(path), open_document)
    loop = QEventLoop()
    result: dict[str, Opened] = {}

    def finished(outcome):
        result["outcome"] = outcome
        loop.quit()

    def cancelled():
        if dialog.current != "draw" and "outcome" not in result:
            result["outcome"] = Opened(cancelled=True)
            loop.quit()

    reader.stage.connect(dialog.set_stage)
    reader.done.connect(finished)
    dialog.canceled.connect(cancelled)
    dialog.show()
    QApplication.processEvents()  # paint the dialog before the thread takes the interpreter
    reader.start()
    if "outcome" not in result:
        loop.exec()
    outcome = result["outcome"]
    if outcome.cancelled and reader.isRunning():
        _ABANDONED.add(reader)
        reader.finished.connect(lambda: _ABANDONED.discard(reader))
        reader.done.disconnect()
        reader.stage.disconnect()
    else:
        reader.wait()
    return outcome, dialog
