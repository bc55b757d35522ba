"""Review-database faults (issue 27): each ends in a clear message and exit 2, never a traceback
or a minute's wait."""

import sqlite3
import subprocess
import sys
import time

import ezdxf
import pytest

from bianmin.cli.main import main
from bianmin.review import db as D
from bianmin.templates import path_of

CLI = "import sys; from bianmin.cli.main import main; sys.exit(main())"


def test_a_plan_name_with_undecodable_bytes_is_recorded(tmp_path, capsys):
    doc = ezdxf.readfile(path_of("street-center"))
    doc.header.custom_vars.replace("BM_NAME", "西关\udcff街道")
    plan = tmp_path / "plan.dxf"
    # ezdxf writes what it is given; the surrogate stands for a byte of a damaged file
    plan.write_text(doc_text(doc), encoding="utf-8", errors="surrogateescape")
    code = main(["review", "add", "--db", str(tmp_path / "r.db"), str(plan)])
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    assert "Traceback" not in out.err
    con = sqlite3.connect(tmp_path / "r.db")
    (name,) = con.execute("SELECT name FROM plans").fetchone()
    assert name.startswith("西关") and name.endswith("街道")


def doc_text(doc) -> str:
    import io

    stream = io.StringIO()
    doc.write(stream)
    return stream.getvalue()


@pytest.mark.skipif(sys.platform == "win32", reason="a file name that is not valid UTF-8 is a POSIX thing")
def test_a_file_name_with_undecodable_bytes_is_recorded(tmp_path):
    folder = tmp_path.as_posix().encode()
    odd = folder + b"/plan-\xff\xfe.dxf"
    with open(path_of("street-center"), "rb") as src, open(odd, "wb") as dst:
        dst.write(src.read())
    db = tmp_path / "r.db"
    done = subprocess.run(
        [sys.executable, "-c", CLI, "review", "add", "--db", str(db), odd.decode("utf-8", "surrogateescape")],
        capture_output=True,
        timeout=120,
    )
    assert b"Traceback" not in done.stderr, done.stderr[-1500:]
    assert done.returncode in (0, 1)
    (filename,) = sqlite3.connect(db).execute("SELECT filename FROM submissions").fetchone()
    assert filename.startswith("plan-") and filename.endswith(".dxf")


def _recorded(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert main(["review", "add", "--db", str(db), str(path_of("street-center"))]) in (0, 1)
    capsys.readouterr()
    return db


def test_tables_renamed_is_said_and_exits_2(tmp_path, capsys):
    db = _recorded(tmp_path, capsys)
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE plans RENAME TO plans_old")
    con.commit()
    con.close()
    code = main(["review", "status", "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2
    assert "结构已被改动或损坏" in err and "Traceback" not in err


def test_a_database_locked_by_another_process_is_said_promptly(tmp_path, capsys, monkeypatch):
    db = _recorded(tmp_path, capsys)
    monkeypatch.setattr(D, "BUSY_TIMEOUT_S", 1.0)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO plans(name) VALUES ('占用')")
    try:
        start = time.monotonic()
        code = main(["review", "add", "--db", str(db), str(path_of("community-station"))])
        waited = time.monotonic() - start
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert code == 2, err
    assert "正被其他程序占用" in err and "Traceback" not in err
    assert waited < 30  # it said so after its own wait, not SQLite's minute


@pytest.mark.parametrize("action", ["diff", "waive", "letter"])
def test_the_help_says_how_to_name_a_plan_starting_with_a_dash(action, capsys):
    try:
        main(["review", action, "--help"])
    except SystemExit:
        pass
    assert "以-开头的名称写在--之后" in "".join(capsys.readouterr().out.split())
