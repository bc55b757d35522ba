"""The ``bianmin`` command: its arguments and which module runs each sub-command.

Every sub-command's body is a module of its own (validate.py, export.py, new.py, rules.py,
design.py, recognize.py, review.py, layout.py); the README's "Use it" section describes them.
Nothing here imports PyQt6 but ``design``, and only when it runs."""

from __future__ import annotations

import argparse
import sys

from bianmin.cli import layout, recognize, review
from bianmin.geometry.catalog import KINDS
from bianmin.cli.exits import EXIT_PASS, EXIT_UNREADABLE


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked: importlib.metadata cost every command 12 ms."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(
            option_strings, dest=dest, default=default, nargs=0, help=help or "显示版本 / show the version"
        )

    def __call__(self, parser, namespace, values, option_string=None):
        from bianmin.standards.version import version

        sys.stdout.write(f"bianmin {version()}\n")  # where argparse's own version action writes it
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="bianmin", description="便民中心平面设计与校验 — plan and check grassroots service hall floor plans"
    )
    ap.add_argument("--version", action=_VersionAction)
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="校验图纸 / check plans")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="DXF/DWG 文件或文件夹（含子文件夹） / plan files or folders"
    )
    p.add_argument(
        "--format",
        choices=["text", "json", "html", "csv", "pdf"],
        default="text",
        help="报告格式，默认 text；pdf 需要 -o / report format (pdf needs -o)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件而不是屏幕 / write to a file instead of the screen")
    p.add_argument(
        "--profile",
        choices=list(KINDS),  # the catalogue's plan kinds (already loaded by the sub-parsers)
        help="按此类型校验所有图纸，忽略图中的 BM_KIND / check every plan as this kind",
    )
    p.add_argument(
        "--config",
        metavar="FILE.toml",
        help="审批局的规则配置（参数、级别、停用的规则；见 docs/config.md） / the bureau's rules config",
    )
    p.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="对所有图纸覆盖一项图纸属性，可重复，如 BM_CONSTRUCTION=existing / override a plan property",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="并行进程数，默认为 CPU 核数 / worker processes (default: CPU cores)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="每个文件最长检查时间，超时记为问题并继续，默认 120 / time limit per file (default 120 s)",
    )
    p.add_argument(
        "--quiet", action="store_true", help="不显示进度条（报告照常输出） / no progress bar (the report still shows)"
    )
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="报告语言，默认中文 / report language")

    p = sub.add_parser(
        "rules",
        help="列出全部规则 / list the rules",
        epilog="规则参数可在配置文件中修改，见 docs/config.md / rule parameters are set in the config file: "
        "see docs/config.md",
    )
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text", help="输出格式 / output format")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="语言 / language")

    p = sub.add_parser("new", help="从模板新建图纸 / a new plan from a template")
    p.add_argument(
        "--template",
        default="street-center",
        help="模板名（bianmin templates 列出全部），默认 street-center / template name",
    )
    p.add_argument("-o", "--output", required=True, metavar="PLAN.dxf", help="新图纸的文件名 / the new plan file")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")

    sub.add_parser("templates", help="列出模板 / list the templates")

    p = sub.add_parser("design", help="打开设计器 / open the desktop designer")
    p.add_argument("plan", nargs="?", help="要打开的 DXF/DWG 图纸 / the plan to open")
    p.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="打开、校验后把窗口存为图片并退出 / save the window as a picture after the first check, then exit",
    )
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="界面语言 / interface language")

    layout.add_parser(sub)
    p = sub.add_parser("export", help="导出 PDF / export PDF")
    what = p.add_subparsers(dest="what", metavar="WHAT")
    e = what.add_parser("pdf", help="施工图 / the drawing set")
    e.add_argument("plan", help="DXF/DWG 图纸 / the plan")
    e.add_argument("-o", "--output", required=True, help="输出的 PDF 文件 / the PDF to write")
    e.add_argument("--paper", default="A3", help="图幅 A0–A4，默认 A3 / paper size")
    e.add_argument(
        "--orientation",
        choices=["landscape", "portrait"],
        default="landscape",
        help="横向或纵向 / landscape or portrait",
    )
    e.add_argument("--scale", default="auto", help="比例分母如 100，或 auto 取能放下的最大标准比例 / scale 1:N or auto")
    e.add_argument("--drawing-no", default="BM-01", help="图号 / drawing number")
    e.add_argument("--designer", default="", help="图签“设计”栏 / title block: designed by")
    e.add_argument("--checker", default="", help="图签“校对”栏 / title block: checked by")
    e.add_argument("--approver", default="", help="图签“审核”栏 / title block: approved by")
    e = what.add_parser("report", help="校验报告 / the validation report")
    e.add_argument("plan", help="DXF/DWG 图纸 / the plan")
    e.add_argument("-o", "--output", required=True, help="输出的 PDF 文件 / the PDF to write")
    e.add_argument("--config", metavar="FILE.toml", help="审批局的规则配置 / the bureau's rules config")
    e.add_argument("--lang", choices=["zh", "en"], default="zh", help="报告语言 / report language")

    recognize.add_parser(sub)
    review.add_parser(sub)
    return ap


def main(argv=None, *, limits: bool = False) -> int:
    """The command line; ``limits``: bound the command's time, memory and Ctrl+C (cli/work_limits.py),
    which only the ``bianmin`` program itself asks for."""
    import logging

    logging.getLogger("ezdxf").setLevel(logging.ERROR)  # its repairs are reported as DXF-RECOVERED
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
    ap = _parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return EXIT_UNREADABLE if exc.code else EXIT_PASS
    if args.command is None:
        ap.print_help()
        return EXIT_UNREADABLE
    handler = _handler(args.command)
    if limits:
        from bianmin.cli.work_limits import bounded

        return bounded(args.command, lambda: handler(args))
    return handler(args)


def _handler(command: str):
    """The function that runs ``command``. Its module is imported only for that command: each costs
    every run of ``bianmin`` its import time (recognize, review and layout are in for their parsers)."""
    if command == "validate":
        from bianmin.cli.validate import cmd_validate

        return cmd_validate
    if command == "rules":
        from bianmin.cli.rules import cmd_rules

        return cmd_rules
    if command == "new":
        from bianmin.cli.new import cmd_new

        return cmd_new
    if command == "templates":
        from bianmin.cli.new import cmd_templates

        return cmd_templates
    if command == "design":
        from bianmin.cli.design import cmd_design

        return cmd_design
    if command == "export":
        from bianmin.cli.export import cmd_export

        return cmd_export
    return {"recognize": recognize.run, "review": review.cmd_review, "layout": layout.cmd_layout}[command]


def run() -> None:
    """The ``bianmin`` command: main() without the interpreter's teardown (quick_exit)."""
    from bianmin.cli.quick_exit import run as run_quickly

    run_quickly(lambda: main(limits=True))


if __name__ == "__main__":
    run()
