"""Leave the command-line program as soon as its work is done.

When a Python program ends, the interpreter tears itself down: it collects garbage and
clears the modules one by one. With ezdxf, numpy and shapely loaded that takes 0.1–0.2 s
(measured: ``import ezdxf`` alone leaves 0.09 s of teardown), longer than checking a
plan of a street office. The operating system frees a process's memory at once, so the
``bianmin`` command skips that teardown and nothing else:

* everything Python does at exit before the teardown still runs: waiting for
  threads, then every ``atexit`` handler registered while the command ran (temporary
  folders), because this handler is registered before them and atexit runs handlers
  last-in, first-out; log handlers are shut down here, whenever logging was imported;
* stdout and stderr are flushed, and the exit code is the one ``main`` returned;
* a run that loaded Qt (``bianmin design``) ends the normal way: Qt objects write the
  window settings as they are destroyed;
* what could not be written is said: a report sent to a full disk is named with the
  reason and the exit is 2 (as for an output file that could not be written), where the
  buffered report would otherwise have vanished with exit 0; a reader that stopped early
  (``bianmin … | head``) ends the run quietly;
* Ctrl+C ends with "已中断" and status 130, without Python's traceback.
"""

from __future__ import annotations

import atexit
import errno
import os
import sys
from typing import Callable, NoReturn

from bianmin.cli.write_errors import cannot_write


EXIT_UNWRITTEN = 2  # the report could not be written (README "Using it": exit 2, a file could not be handled)
EXIT_INTERRUPTED = 130  # what a shell shows for a program stopped by Ctrl+C


def run(main: Callable[[], int | None]) -> NoReturn:
    """Call ``main`` and exit with its code, skipping the interpreter's teardown."""
    state = {"code": 1}  # an uncaught exception (a traceback) exits 1, as Python's would

    def leave() -> None:
        if "PyQt6" in sys.modules:
            return
        if "logging" in sys.modules:
            sys.modules["logging"].shutdown()  # its own atexit handler may come after this one
        os._exit(_flush(state["code"]))

    atexit.register(leave)
    try:
        code = main()
    except SystemExit as exc:
        code = exc.code
    except BrokenPipeError:  # `bianmin … | head`: the reader has what it wanted
        _quiet_stdout()
        code = 1  # as Python exits on a broken pipe
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
        # unbuffered output (PYTHONUNBUFFERED) meets the full disk inside main: said as the flush says it
        _say("bianmin: 无法写入：磁盘已满 / cannot write: the disk is full")
        code = EXIT_UNWRITTEN
    except KeyboardInterrupt:
        _say("\nbianmin: 已中断 / interrupted")
        code = EXIT_INTERRUPTED
    state["code"] = _status(code)
    sys.exit(code)


def _flush(code: int) -> int:
    """Flush stdout and stderr; the exit status, made EXIT_UNWRITTEN when the report was lost."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as exc:
        _say(f"bianmin: {cannot_write(None, exc)}")
        code = EXIT_UNWRITTEN if code in (0, 1) else code
    except (ValueError, AttributeError):
        pass  # closed, or no console at all (a frozen windowed program)
    try:
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return code


def _quiet_stdout() -> None:
    """Send what is left of stdout nowhere (Python's advice for a broken pipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _say(text: str) -> None:
    try:
        print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


def _status(code) -> int:
    """The process status ``sys.exit(code)`` gives: None is 0, a message is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1
