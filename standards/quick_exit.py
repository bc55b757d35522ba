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
* Ctrl+C ends the normal way too (Python's own exit status for an interrupt).
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import Callable, NoReturn


def run(main: Callable[[], int | None]) -> NoReturn:
    """Call ``main`` and exit with its code, skipping the interpreter's teardown."""
    state = {"code": 1}  # an uncaught exception (a traceback) exits 1, as Python's would

    def leave() -> None:
        if "PyQt6" in sys.modules:
            return
        if "logging" in sys.modules:
            sys.modules["logging"].shutdown()  # its own atexit handler may come after this one
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError, AttributeError):
                pass  # a closed pipe (`| head`) or no console (a frozen GUI): nothing left to say
        os._exit(state["code"])

    atexit.register(leave)
    try:
        code = main()
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        atexit.unregister(leave)
        raise
    state["code"] = _status(code)
    sys.exit(code)


def _status(code) -> int:
    """The process status ``sys.exit(code)`` gives: None is 0, a message is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1
