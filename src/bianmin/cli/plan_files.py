"""The plan files a command is given: files named, or found under folders, and every path that
cannot be checked with the reason why (a missing file, a dangling link, a folder).

Shared by ``bianmin validate`` and ``bianmin review add``."""

from __future__ import annotations

from pathlib import Path

PLAN_SUFFIXES = (".dxf", ".dwg")


def collect(paths) -> tuple[list[Path], list[tuple[str, str]]]:
    """Plan files named or found under folders (recursively, case-insensitive suffix), and every
    given or found path that cannot be checked, with the reason ("中文 / English")."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for f in p.rglob("*"):
                if f.suffix.lower() not in PLAN_SUFFIXES:
                    continue
                reason = _not_a_plan_file(f)
                if reason:
                    skipped.append((str(f), reason))
                else:
                    found.append(f)
            files += sorted(found, key=lambda f: str(f).lower())
        else:
            reason = _not_a_plan_file(p)
            if reason:
                skipped.append((str(raw), reason))
            else:
                files.append(p)
    seen, unique = set(), []
    for f in files:
        key = str(f.resolve())
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, skipped


def _not_a_plan_file(p: Path) -> str | None:
    """Why ``p`` cannot be read as a plan file, or None: missing, a dangling or looping link, a folder."""
    try:
        if p.is_symlink() and not p.exists():
            try:
                p.resolve(strict=True)
            except RuntimeError:
                return "符号链接形成循环 / the link points to itself in a loop"
            except OSError:
                pass
            return "链接指向的文件不存在 / the link points to a file that does not exist"
        if not p.exists():
            return "找不到文件 / not found"
        if p.is_dir():
            return "这是文件夹，不是文件 / this is a folder, not a file"
    except OSError as exc:
        return f"无法访问 / cannot access: {exc.strerror or exc}"
    return None
