"""``bianmin new`` (a plan from a template) and ``bianmin templates`` (the templates there are)."""

from __future__ import annotations

from pathlib import Path

from bianmin.cli.exits import EXIT_PASS, error
from bianmin.cli.write_errors import cannot_write


def cmd_templates(args) -> int:
    from bianmin.templates import NAMES

    for name, (zh, en) in NAMES.items():
        print(f"{name:<20} {zh} / {en}")
    return EXIT_PASS


def cmd_new(args) -> int:
    from bianmin.templates import NAMES, path_of

    if args.template not in NAMES:
        return error(f"没有模板 {args.template}；可用：{', '.join(NAMES)} / unknown template")
    out = Path(args.output)
    if out.exists() and not args.force:
        return error(f"{out} 已存在；用 --force 覆盖 / already exists; use --force to overwrite")
    from bianmin.geometry.atomic import write_bytes

    try:
        write_bytes(out, path_of(args.template).read_bytes())
    except OSError as exc:
        return error(cannot_write(out, exc))
    print(f"已创建 / created {out}（模板 / template {args.template}）")
    return EXIT_PASS
