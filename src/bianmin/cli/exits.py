"""The command's exit codes and the one way it says a command-line error.

0 every plan passes (or the command did its work), 1 a plan fails, 2 a file could not be
read or the command line was wrong (README: "bianmin validate")."""

from __future__ import annotations

import sys

EXIT_PASS, EXIT_FAIL, EXIT_UNREADABLE = 0, 1, 2


def error(message: str) -> int:
    """Say ``message`` on stderr as ``bianmin: …`` and give the exit code of an error (2)."""
    print(f"bianmin: {message}", file=sys.stderr)
    return EXIT_UNREADABLE
