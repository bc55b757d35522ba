"""Long work (自动布置, 修复) off the interface thread, behind a modal busy dialog.

On a hall of thousands of seats the layout takes a minute; run on the interface thread it
froze the window, which could not even repaint (tryout). Here the work runs in a QThread
while a modal dialog shows what is being done and the seconds; the window repaints, and
the modal dialog keeps edits out until the result is applied. The work must not touch the
document: the layout works on a copy of the plan and returns a command, which the caller
applies on the interface thread. There is no cancel: the layout cannot be stopped midway,
and its result is one undo step away.
"""

from __future__ import annotations

import time

from PyQt6.QtCore import QEventLoop, QThread, QTimer, Qt, pyqtSignal
from PyQt6.QtGui import QCursor
from PyQt6.QtWidgets import QApplication, QProgressDialog

from bianmin.designer.i18n import tr

SHOW_AFTER_MS = 400  # quick work (a street office's hall: about a second) shows no dialog at all


class _Worker(QThread):
    done = pyqtSignal()

    def __init__(self, fn, args):
        super().__init__()
        self.fn, self.args = fn, args
        self.result = None
        self.error: BaseException | None = None

    def run(self):
        try:
            self.result = self.fn(*self.args)
        except BaseException as exc:  # noqa: BLE001 - raised again on the interface thread
            self.error = exc
        self.done.emit()


def run_in_thread(parent, words: tuple[str, str], fn, *args):
    """``fn(*args)`` in a thread while a busy dialog (after SHOW_AFTER_MS) says ``words``; returns
    its result, or raises its error, on the interface thread."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(tr(*words))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setCancelButton(None)
    dialog.setRange(0, 0)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setMinimumWidth(360)
    started = time.monotonic()

    def refresh():
        seconds = time.monotonic() - started
        dialog.setLabelText(tr(f"{words[0]}…（已用 {seconds:.0f} 秒）", f"{words[1]}… ({seconds:.0f} s)"))

    ticker = QTimer(dialog)
    ticker.setInterval(250)
    ticker.timeout.connect(refresh)
    refresh()
    worker = _Worker(fn, args)
    loop = QEventLoop()
    worker.done.connect(loop.quit)
    ticker.start()
    dialog.setValue(0)  # starts the minimum-duration clock
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        worker.start()
        if not worker.isFinished():
            loop.exec()
        worker.wait()
    finally:
        QApplication.restoreOverrideCursor()
        ticker.stop()
        dialog.close()
        dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result
