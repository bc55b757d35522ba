"""Frozen entry point: bianmin.exe, the command line (a console program)."""

import multiprocessing
import sys

from bianmin.standards.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `validate --jobs` starts worker processes from the frozen executable
    sys.exit(main())
