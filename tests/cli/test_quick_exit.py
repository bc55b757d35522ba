"""The ``bianmin`` command skips the interpreter's teardown (cli/quick_exit.py): what a
program owes at exit must still happen (every byte written, atexit handlers run, the exit code)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_script(body: str, tmp_path: Path) -> subprocess.CompletedProcess:
    script = tmp_path / "prog.py"
    script.write_text("import sys\nfrom bianmin.cli.quick_exit import run\n" + textwrap.dedent(body), encoding="utf-8")
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
    cmd = [sys.executable, "-m", "bianmin.cli.main", "validate", "--format", "json"]
    r = subprocess.run(cmd + [str(plan)], capture_output=True, timeout=120, encoding="utf-8")
    assert r.returncode == 1
    assert r.stdout.rstrip().endswith("}")  # the whole report, flushed
    r = subprocess.run(cmd + [str(tmp_path / "none.dxf")], capture_output=True, timeout=120, encoding="utf-8")
    assert r.returncode == 2


def _env(unbuffered: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("unbuffered", [False, True])
@pytest.mark.parametrize("command", [["validate", "--format", "csv"], ["templates"]])
def test_a_report_sent_to_a_full_disk_is_not_lost_in_silence(command, unbuffered):
    """Regression (tryout): `bianmin validate … > file` on a full disk left an empty file and exit 0:
    the buffered report failed in the last flush, which the quick exit swallowed."""
    plan = [str(ROOT / "samples" / "xiyilu-street-center.dxf")] if command[0] == "validate" else []
    with open("/dev/full", "w") as full:
        r = subprocess.run(
            [sys.executable, "-m", "bianmin.cli.main", *command, *plan],
            stdout=full,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            timeout=120,
            env=_env(unbuffered),
        )
    assert r.returncode == 2, r.stderr
    assert "无法写入" in r.stderr and "磁盘已满" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path):
    """`bianmin validate FOLDER | head`: no traceback, no "无法写入 None" (tryout)."""
    for i in range(30):
        (tmp_path / f"p{i:02d}.dxf").write_bytes((ROOT / "samples" / "taihualu-counters-wrong.dxf").read_bytes())
    p = subprocess.Popen(
        [sys.executable, "-m", "bianmin.cli.main", "validate", "--jobs", "1", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(False),
    )
    p.stdout.read(200)
    p.stdout.close()  # as `head` does
    err = p.stderr.read().decode("utf-8", "replace")
    p.wait(timeout=120)
    assert "Traceback" not in err and "None" not in err and "无法写入" not in err


def test_ctrl_c_says_interrupted_without_a_traceback(tmp_path):
    r = run_script("def main():\n    raise KeyboardInterrupt\nrun(main)\n", tmp_path)
    assert r.returncode == 130
    assert "已中断" in r.stderr and "Traceback" not in r.stderr
