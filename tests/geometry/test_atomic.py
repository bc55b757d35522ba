"""Every write: beside first, into place only when it succeeded; links, modes and read-only files respected (issue 15)."""

import errno
import os
import stat

import pytest

from bianmin.geometry import atomic
from bianmin.geometry.atomic import ReadOnlyTargetError, atomic_output, write_text

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links and modes")


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "plan.dxf"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_output(target, "w") as fp:
            fp.write("half of the new")
            raise RuntimeError("killed half way")
    assert target.read_text() == "old" and leftovers(tmp_path) == []


def test_a_full_disk_keeps_the_old_file_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError):
        write_text(target, "new")
    assert target.read_text() == "old" and leftovers(tmp_path) == []


@posix_only
def test_saving_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.dxf"
    real.write_text("old")
    link = tmp_path / "link.dxf"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@posix_only
def test_saving_keeps_hard_links(tmp_path):
    a = tmp_path / "a.dxf"
    a.write_text("old")
    b = tmp_path / "b.dxf"
    os.link(a, b)
    write_text(a, "new")
    assert b.read_text() == "new" and os.stat(a).st_nlink == 2


@posix_only
def test_saving_keeps_a_private_mode(tmp_path):
    target = tmp_path / "private.dxf"
    target.write_text("old")
    target.chmod(0o600)
    write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write read-only files")
def test_a_read_only_file_is_not_replaced_without_asking(tmp_path):
    target = tmp_path / "frozen.dxf"
    target.write_text("old")
    target.chmod(0o444)
    with pytest.raises(ReadOnlyTargetError):
        write_text(target, "new")
    assert target.read_text() == "old"
    write_text(target, "new", allow_readonly=True)
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o444


@posix_only
def test_a_read_only_file_is_refused_also_for_root(tmp_path, monkeypatch):
    target = tmp_path / "frozen.dxf"
    target.write_text("old")
    target.chmod(0o444)
    monkeypatch.setattr(atomic.os, "access", lambda p, mode: False)  # what a normal user sees
    with pytest.raises(ReadOnlyTargetError):
        write_text(target, "new")
    assert target.read_text() == "old"


def test_stale_temporary_files_of_a_killed_save_are_removed(tmp_path):
    target = tmp_path / "plan.dxf"
    target.write_text("old")
    stale = tmp_path / ".plan.dxf.999999999.tmp"  # a PID that does not run
    stale.write_bytes(b"x" * 4096)
    os.utime(stale, (1, 1))
    other = tmp_path / ".other.dxf.999999999.tmp"  # another file's: not ours to remove
    other.write_text("x")
    write_text(target, "new")
    assert not stale.exists() and other.exists()


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(IsADirectoryError):
        write_text(tmp_path, "x")
    assert leftovers(tmp_path.parent) == [] or all(
        not n.startswith(f".{tmp_path.name}") for n in leftovers(tmp_path.parent)
    )
