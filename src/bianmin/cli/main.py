"""The ``bianmin`` command (cli.md).  Nothing here imports PyQt6 but ``design``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bianmin.cli.write_errors import cannot_write

EXIT_PASS, EXIT_FAIL, EXIT_UNREADABLE = 0, 1, 2


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
        choices=["street-center", "community-station"],
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

    from bianmin.cli.layout import add_parser as add_layout_parser

    add_layout_parser(sub)
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

    from bianmin.cli.recognize import add_parser as add_recognize

    add_recognize(sub)
    from bianmin.cli.review import add_parser as add_review

    add_review(sub)
    return ap


def main(argv=None) -> int:
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
    handler = {
        "validate": cmd_validate,
        "rules": cmd_rules,
        "new": cmd_new,
        "templates": cmd_templates,
        "design": cmd_design,
        "export": cmd_export,
        "recognize": cmd_recognize,
        "review": cmd_review,
        "layout": _cmd_layout,
    }[args.command]
    return handler(args)


def _cmd_layout(args) -> int:
    from bianmin.cli.layout import cmd_layout

    return cmd_layout(args)


def _error(message: str) -> int:
    print(f"bianmin: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def _overrides(items) -> dict[str, str]:
    """``--set KEY=VALUE`` pairs; an unknown key or a value the property cannot take is a
    command-line error (exit 2), not a finding repeated on every plan."""
    from bianmin.geometry.properties import KEYS, PlanProperties

    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().upper()
        if not sep or key not in KEYS:
            raise ValueError(
                f"--set {item!r}: 应为 KEY=VALUE，KEY 为 {', '.join(KEYS)} 之一 / "
                f"expected KEY=VALUE with KEY one of the plan properties"
            )
        _, problems = PlanProperties().updated({key: value})
        if problems:
            raise ValueError(f"--set {item!r}: 取值无效 / invalid value: {problems[0]}")
        out[key] = value
    return out


def cmd_validate(args) -> int:
    from bianmin.cli import batch
    from bianmin.standards.config import Config
    from bianmin.standards.report import WRITERS

    try:
        overrides = _overrides(args.overrides)
        config = Config.from_option(args.config)
    except ValueError as exc:
        return _error(str(exc))
    if args.format == "pdf" and not args.output:
        return _error("--format pdf 需要 -o 输出文件 / --format pdf needs -o FILE")
    if args.jobs is not None and args.jobs < 1:
        return _error("--jobs 应为正整数 / --jobs must be at least 1")
    files, skipped = batch.collect(args.paths)
    if not files and not skipped:
        return _error("没有找到 DXF/DWG 文件 / no DXF or DWG files found")
    if args.output and (clash := _output_clash(Path(args.output), files)):
        return _error(clash)
    progress = None
    if not args.quiet and len(files) > 3 and sys.stderr.isatty():
        progress = batch.terminal_progress()
    jobs = args.jobs or batch.default_jobs()
    reports = batch.run(
        files,
        config,
        profile=args.profile,
        overrides=overrides,
        jobs=jobs,
        progress=progress,
        timeout=args.timeout if args.timeout and args.timeout > 0 else None,
    )
    # every given or found path is in every format's file list, with the reason it was not checked
    from bianmin.standards.engine import unreadable_report

    reports += [unreadable_report(path, reason) for path, reason in skipped]
    summary = batch.summarize(reports)
    try:
        if args.format == "pdf":
            from bianmin.drawing.report import write_batch_report

            write_batch_report(
                reports,
                summary,
                config.ruleset,
                Path(args.output),
                lang=args.lang,
                read_plan=_drawing_reader(overrides),
            )
        else:
            text = WRITERS[args.format](reports, summary, config.ruleset, args.lang)
            if args.output:
                from bianmin.geometry.atomic import write_text

                write_text(Path(args.output), text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
            else:
                from bianmin.geometry.atomic import clean_text

                sys.stdout.write(clean_text(text))  # --quiet hides the progress, never the report
    except OSError as exc:
        if isinstance(exc, BrokenPipeError) and not args.output:
            raise  # `| head` took what it wanted: quick_exit ends quietly
        return _error(cannot_write(args.output, exc))
    if any(r.status in ("unreadable", "not-a-plan") for r in reports):
        return EXIT_UNREADABLE
    if any(r.status == "fail" for r in reports):
        return EXIT_FAIL
    return EXIT_PASS


def _drawing_reader(overrides):
    """Reads a plan again for its figure in the batch PDF (the check ran in a worker process)."""

    def read(path):
        from bianmin.geometry.dxf.read import PlanReadError, read_plan

        try:
            return read_plan(Path(path), overrides=overrides, split="draw")
        except (PlanReadError, OSError):
            return None

    return read


def _export_report(args) -> int:
    """One plan's check report: read once, checked, drawn; an unreadable plan is exit 2, no file."""
    from bianmin.drawing.report import write_plan_report
    from bianmin.geometry.dxf.read import PlanReadError, read_plan

    from bianmin.standards.config import Config
    from bianmin.standards.engine import check

    config = Config.from_option(args.config)
    try:
        read = read_plan(Path(args.plan), split="draw")
    except PlanReadError as exc:
        return _error(f"无法读取图纸 {args.plan}：{exc}")
    if not read.bm_content:
        from bianmin.standards.engine import NOT_A_PLAN, NOT_A_PLAN_ADVICE

        return _error(f"{args.plan}：{NOT_A_PLAN[0]}；{NOT_A_PLAN_ADVICE[0]} / {NOT_A_PLAN[1]}; {NOT_A_PLAN_ADVICE[1]}")
    report = check(read.intake, config, path=str(args.plan))
    write_plan_report(report, read, config.ruleset, Path(args.output), args.lang)
    print(f"已导出 / exported {args.output}")
    return EXIT_PASS


def _output_clash(out: Path, inputs) -> str | None:
    """A message when the output would overwrite an input (also through a link), else None."""
    from bianmin.geometry.atomic import same_file

    for f in inputs:
        if same_file(out, Path(f)):
            return (
                f"输出文件 {out} 就是输入的图纸 {f}，不能覆盖；请换一个输出文件名 / "
                f"the output {out} is the input plan {f}: refusing to overwrite it"
            )
    return None


def cmd_rules(args) -> int:
    from bianmin.standards.rule_docs import rules_json, rules_markdown, rules_text

    if args.format == "json":
        sys.stdout.write(json.dumps(rules_json(), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown())
    else:
        sys.stdout.write(rules_text(args.lang))
    return EXIT_PASS


def cmd_templates(args) -> int:
    from bianmin.templates import NAMES

    for name, (zh, en) in NAMES.items():
        print(f"{name:<20} {zh} / {en}")
    return EXIT_PASS


def cmd_new(args) -> int:
    from bianmin.templates import NAMES, path_of

    if args.template not in NAMES:
        return _error(f"没有模板 {args.template}；可用：{', '.join(NAMES)} / unknown template")
    out = Path(args.output)
    if out.exists() and not args.force:
        return _error(f"{out} 已存在；用 --force 覆盖 / already exists; use --force to overwrite")
    from bianmin.geometry.atomic import write_bytes

    try:
        write_bytes(out, path_of(args.template).read_bytes())
    except OSError as exc:
        return _error(cannot_write(out, exc))
    print(f"已创建 / created {out}（模板 / template {args.template}）")
    return EXIT_PASS


def cmd_design(args) -> int:
    try:
        from bianmin.designer.app import run
    except ImportError as exc:
        return _error(f"无法启动设计器 / cannot start the designer: {exc}")
    return run(args.plan, screenshot=args.screenshot, lang=args.lang)


def cmd_export(args) -> int:
    if args.what is None:
        return _error("export pdf 或 export report / export what?")
    if clash := _output_clash(Path(args.output), [Path(args.plan)]):
        return _error(clash)
    try:
        if args.what == "pdf":
            from bianmin.drawing.drawing import export_drawing

            export_drawing(
                Path(args.plan),
                Path(args.output),
                paper=args.paper,
                orientation=args.orientation,
                scale=args.scale,
                drawing_no=args.drawing_no,
                designer=args.designer,
                checker=args.checker,
                approver=args.approver,
            )
            from bianmin.drawing.background import LEFT_OUT

            for reason in LEFT_OUT:  # the rest of the architect's drawing is on the sheet
                print(f"bianmin: 底图中未画出 / left out of the background: {reason}", file=sys.stderr)
        else:
            return _export_report(args)
    except ValueError as exc:
        return _error(str(exc))
    except OSError as exc:
        return _error(cannot_write(args.output, exc))
    except Exception as exc:  # never a traceback for the user; the message says what broke
        return _error(f"导出失败 / export failed: {type(exc).__name__}: {exc}")
    print(f"已导出 / exported {args.output}")
    return EXIT_PASS


def cmd_recognize(args) -> int:
    from bianmin.cli.recognize import run

    return run(args)


def cmd_review(args) -> int:
    from bianmin.cli.review import run

    def write_letter(data, read, out):  # the PDF code lives up in designer/sheets; the CLI composes
        from bianmin.drawing.letter import write_letter as write

        write(data, read, out)

    return run(args, write_letter)


def run() -> None:
    """The ``bianmin`` command: main() without the interpreter's teardown (quick_exit)."""
    from bianmin.cli.quick_exit import run as run_quickly

    run_quickly(main)


if __name__ == "__main__":
    run()
