"""The ``bianmin`` command skips the interpreter's teardown (standards/quick_exit.py): what a
program owes at exit must still happen (every byte written, atexit handlers run, the exit code)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_script(body: str, tmp_path: Path) -> subprocess.CompletedProcess:
    script = tmp_path / "prog.py"
    script.write_text(
        "import sys\nfrom bianmin.standards.quick_exit import run\n" + textwrap.dedent(body), encoding="utf-8"
    )
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, timeout=120, cwd=tmp_path, encoding="utf-8"
    )


def test_everything_written_and_atexit_handlers_run(tmp_path):
    # a temporary folder left to its finalizer is removed by an atexit handler: the quick exit runs them
    r = run_script(
        """
        import tempfile
        def main():
            keep = tempfile.TemporaryDirectory(dir=".")
            open(keep.name + "/x", "w").close()
            global held
            held = keep
            sys.stdout.write("填" * 300_000)
            sys.stderr.write("end")
            return 3
        run(main)
        """,
        tmp_path,
    )
    assert r.returncode == 3
    assert r.stdout == "填" * 300_000
    assert r.stderr == "end"
    assert [p.name for p in tmp_path.iterdir()] == ["prog.py"]


@pytest.mark.parametrize(
    "body, status, stderr",
    [
        ("def main():\n    return None\n", 0, ""),
        ("def main():\n    raise SystemExit(2)\n", 2, ""),
        ("def main():\n    raise SystemExit('没有这个文件')\n", 1, "没有这个文件"),
        ("def main():\n    raise RuntimeError('bug')\n", 1, "RuntimeError: bug"),
    ],
)
def test_exit_status_as_python_would_give_it(tmp_path, body, status, stderr):
    r = run_script(body + "run(main)\n", tmp_path)
    assert r.returncode == status
    assert stderr in r.stderr


@pytest.mark.parametrize(
    "in_main, stdout",
    [
        # Qt writes settings as its objects are destroyed: with PyQt6 loaded, the normal way out,
        # on which the handler registered before run() runs too
        ("import PyQt6.QtCore  # noqa: F401", "later handler, normal teardown"),
        # without Qt that earlier handler is on the teardown side of the line, and skipped
        ("pass", "later handler, "),
    ],
)
def test_a_run_that_loaded_qt_ends_the_normal_way(tmp_path, in_main, stdout):
    if "PyQt6" in in_main:
        pytest.importorskip("PyQt6")
    r = run_script(
        f"""
        import atexit
        atexit.register(lambda: sys.stdout.write("normal teardown"))
        def main():
            {in_main}
            atexit.register(lambda: sys.stdout.write("later handler, "))
            return 0
        run(main)
        """,
        tmp_path,
    )
    assert r.returncode == 0
    assert r.stdout == stdout


def test_the_command_keeps_its_exit_codes(tmp_path):
    plan = ROOT / "samples" / "taihualu-counters-wrong.dxf"
    cmd = [sys.executable, "-m", "bianmin.standards.cli", "validate", "--format", "json"]
    r = subprocess.run(cmd + [str(plan)], capture_output=True, timeout=120, encoding="utf-8")
    assert r.returncode == 1
    assert r.stdout.rstrip().endswith("}")  # the whole report, flushed
    r = subprocess.run(cmd + [str(tmp_path / "none.dxf")], capture_output=True, timeout=120, encoding="utf-8")
    assert r.returncode == 2
