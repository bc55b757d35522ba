"""Frozen entry point: bianmin.exe, the command line (a console program)."""

import multiprocessing

from bianmin.cli.main import run

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `validate --jobs` starts worker processes from the frozen executable
    run()
