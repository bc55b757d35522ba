"""``bianmin design``: open the desktop designer. The one command that imports PyQt6, and only when run."""

from __future__ import annotations

from bianmin.cli.exits import error


def cmd_design(args) -> int:
    try:
        from bianmin.designer.app import run
    except ImportError as exc:
        return error(f"无法启动设计器 / cannot start the designer: {exc}")
    return run(args.plan, screenshot=args.screenshot, lang=args.lang)
