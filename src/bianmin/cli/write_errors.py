"""Why a file (or the standard output) could not be written, in words a user can act on.

Shared by every command that writes: the message names the file the user asked for, never
the hidden temporary file an atomic write used (geometry/atomic.py), and says the reason in
Chinese first."""

from __future__ import annotations

import errno
from pathlib import Path


def cannot_write(path, exc: OSError) -> str:
    """Why a file could not be written, in words a user can act on (nothing was left behind);
    no ``path``: the standard output (a redirection to a full disk)."""
    if not path:
        reason = (
            "磁盘已满 / the disk is full" if getattr(exc, "errno", None) == errno.ENOSPC else (exc.strerror or str(exc))
        )
        return f"无法写入标准输出：{reason}"
    p = Path(path)
    reason = exc.strerror or str(exc)
    if not p.parent.exists():
        reason = f"文件夹 {p.parent} 不存在 / the folder does not exist"
    elif p.is_dir():
        reason = "这是一个文件夹 / it is a folder"
    elif isinstance(exc, PermissionError):
        reason = f"没有写入权限或文件只读 / no permission to write, or the file is read-only ({exc.strerror or exc})"
    elif getattr(exc, "errno", None) == errno.ENOSPC:
        reason = "磁盘已满 / the disk is full"
    elif getattr(exc, "errno", None) == errno.EROFS:
        reason = "只读的磁盘或文件夹 / a read-only file system"
    return f"无法写入 {path}：{reason}"
