"""Frozen entry point: 便民中心平面设计.exe, the designer (a windowed program).

Opens the DXF or DWG given as the first argument (what Explorer passes for "用便民中心平面设计打开");
``--screenshot OUT.png`` is for the smoke test.
"""

import multiprocessing
import sys

from bianmin.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main(["design", *sys.argv[1:]]))
