"""One way to write a file the user cares about: beside it first, then into its place.

:func:`atomic_output` is used for every file the program writes (plans, autosaves, reports in
every format, PDF sheets, review letters).  It

- writes to ``.NAME.PID.tmp`` beside the target, flushes and fsyncs, and only then replaces the
  target, so a full disk, a missing permission or a kill leaves the old file as it was;
- removes the temporary file on any failure, and our own stale ones left by a killed save;
- writes *through* a symbolic link to its target (the link stays a link);
- keeps a hard-linked file's links (the finished temporary file is copied into it in place);
- keeps the file's permission bits (a private 0600 plan stays private);
- refuses to replace a read-only file unless ``allow_readonly`` (the designer asks first).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import time
from pathlib import Path
from typing import IO, Iterator


class ReadOnlyTargetError(PermissionError):
    """The target file is read-only; the caller may ask the user and try again with ``allow_readonly``."""


STALE_SECONDS = 600  # a temporary file of ours this old is from a save that never finished


def resolve_target(path: Path) -> Path:
    """The file a write to ``path`` must change: a symbolic link's target, followed all the way."""
    path = Path(path)
    try:
        if path.is_symlink():
            return Path(os.path.realpath(path))
    except OSError:
        pass
    return path


def same_file(a: Path, b: Path) -> bool:
    """True when two paths name one file (through links, case on Windows, hard links)."""
    try:
        if Path(a).exists() and Path(b).exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))
    except (OSError, ValueError):
        return False


def _remove_stale(target: Path) -> None:
    prefix = f".{target.name}."
    try:
        candidates = [p for p in target.parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(".tmp")]
    except OSError:
        return
    now = time.time()
    for p in candidates:
        pid_text = p.name[len(prefix) : -len(".tmp")]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        try:
            if _pid_gone(int(pid_text)) or now - p.stat().st_mtime > STALE_SECONDS:
                p.unlink()
        except OSError:
            pass


def _pid_gone(pid: int) -> bool:
    if os.name != "posix":
        return False  # Windows: rely on the age alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


@contextlib.contextmanager
def atomic_output(
    path,
    mode: str = "wb",
    *,
    encoding: str | None = None,
    errors: str | None = None,
    newline: str | None = None,
    allow_readonly: bool = False,
) -> Iterator[IO]:
    """Open a temporary file beside ``path`` for writing; on a clean exit it becomes ``path``.

    Raises OSError (with the reason) when the folder is missing, is not writable, the disk is
    full, ``path`` is a folder, or (:class:`ReadOnlyTargetError`) ``path`` is read-only; nothing is
    left behind then.
    """
    if "w" not in mode:
        raise ValueError("atomic_output writes; mode must contain 'w'")
    target = resolve_target(Path(path))
    if target.is_dir():
        raise IsADirectoryError(21, "这是文件夹，不是文件 / is a folder, not a file", str(target))
    existing = None
    try:
        existing = target.stat()
    except FileNotFoundError:
        pass
    if existing is not None and not allow_readonly and not os.access(target, os.W_OK):
        raise ReadOnlyTargetError(13, "文件是只读的 / the file is read-only", str(target))
    _remove_stale(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    kwargs: dict = {} if "b" in mode else {"encoding": encoding or "utf-8", "errors": errors, "newline": newline}
    try:
        with open(tmp, mode, **kwargs) as fp:
            yield fp
            fp.flush()
            os.fsync(fp.fileno())
        if existing is not None:
            os.chmod(tmp, stat.S_IMODE(existing.st_mode) | (stat.S_IWUSR if allow_readonly else 0))
        if existing is not None and existing.st_nlink > 1:
            # a hard-linked file: copy the finished content into it, so every link sees it
            if allow_readonly:
                os.chmod(target, stat.S_IMODE(existing.st_mode) | stat.S_IWUSR)
            shutil.copyfile(tmp, target)
            with open(target, "rb+") as fp:
                os.fsync(fp.fileno())
            if allow_readonly:
                os.chmod(target, stat.S_IMODE(existing.st_mode))
            tmp.unlink()
        else:
            os.replace(tmp, target)
            if existing is not None and allow_readonly:
                os.chmod(target, stat.S_IMODE(existing.st_mode))
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


# escaped bytes, with the 2-byte UTF-8 characters next to them (GBK byte pairs often happen to form one,
# e.g. "平" C6 BD reads as "ƽ"); 3-byte characters (CJK in UTF-8) are never taken in
_ESCAPED_RUN = re.compile("[\u0080-\u07ff\udc80-\udcff]*[\udc80-\udcff][\u0080-\u07ff\udc80-\udcff]*")


def clean_text(text) -> str:
    """Text that encodes as UTF-8, shown as best it can be.

    A GBK file name as unzip leaves it, or GBK text in an R2007+ DXF (read as UTF-8), arrives
    as surrogate-escaped bytes: each run of them is decoded as GB18030 (the Chinese text it
    was), and only what still cannot be decoded becomes U+FFFD.  Never raises.
    """
    text = text if isinstance(text, str) else str(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass

    def decode(m: re.Match) -> str:
        raw = m.group(0).encode("utf-8", errors="surrogateescape")
        for codec in ("gb18030", "utf-8"):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
        return raw.decode("gb18030", errors="replace")

    try:
        text = _ESCAPED_RUN.sub(decode, text)
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        pass
    return text.encode("utf-8", errors="replace").decode("utf-8")


def write_text(path, text: str, *, encoding: str = "utf-8", allow_readonly: bool = False) -> None:
    """Write a whole text file atomically; undecodable bytes (a GBK file name, GBK text read as
    UTF-8) are decoded as best they can be (:func:`clean_text`) rather than losing the report."""
    text = clean_text(text)
    with atomic_output(path, "w", encoding=encoding, errors="replace", newline="", allow_readonly=allow_readonly) as fp:
        fp.write(text)


def write_bytes(path, data: bytes, *, allow_readonly: bool = False) -> None:
    with atomic_output(path, "wb", allow_readonly=allow_readonly) as fp:
        fp.write(data)
