"""The ``bianmin`` command (cli.md).  Nothing here imports PyQt6 but ``design``."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

EXIT_PASS, EXIT_FAIL, EXIT_UNREADABLE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="bianmin",
        description="便民中心平面设计与校验 — plan and check grassroots service hall floor plans")
    from .version import version
    ap.add_argument("--version", action="version", version=f"bianmin {version()}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="校验图纸 / check plans")
    p.add_argument("paths", nargs="+", metavar="PATH", help="DXF 文件或文件夹 / DXF files or folders")
    p.add_argument("--format", choices=["text", "json", "html", "csv", "pdf"], default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="写入文件 / write to a file")
    p.add_argument("--profile", choices=["street-center", "community-station"])
    p.add_argument("--config", metavar="FILE.toml")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--jobs", type=int, default=None, metavar="N")
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")

    p = sub.add_parser("rules", help="列出全部规则 / list the rules")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")

    p = sub.add_parser("new", help="从模板新建图纸 / a new plan from a template")
    p.add_argument("--template", default="street-center")
    p.add_argument("-o", "--output", required=True, metavar="PLAN.dxf")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")

    sub.add_parser("templates", help="列出模板 / list the templates")

    p = sub.add_parser("design", help="打开设计器 / open the desktop designer")
    p.add_argument("plan", nargs="?")
    p.add_argument("--screenshot", metavar="OUT.png")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")

    p = sub.add_parser("export", help="导出 PDF / export PDF")
    what = p.add_subparsers(dest="what", metavar="WHAT")
    e = what.add_parser("pdf", help="施工图 / the drawing set")
    e.add_argument("plan")
    e.add_argument("-o", "--output", required=True)
    e.add_argument("--paper", default="A3")
    e.add_argument("--orientation", choices=["landscape", "portrait"], default="landscape")
    e.add_argument("--scale", default="auto")
    e.add_argument("--drawing-no", default="BM-01")
    e.add_argument("--designer", default="")
    e.add_argument("--checker", default="")
    e.add_argument("--approver", default="")
    e = what.add_parser("report", help="校验报告 / the validation report")
    e.add_argument("plan")
    e.add_argument("-o", "--output", required=True)
    e.add_argument("--config", metavar="FILE.toml")
    e.add_argument("--lang", choices=["zh", "en"], default="zh")

    from .cli_recognize import add_parser as add_recognize
    add_recognize(sub)
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
    handler = {"validate": cmd_validate, "rules": cmd_rules, "new": cmd_new, "templates": cmd_templates,
               "design": cmd_design, "export": cmd_export, "recognize": cmd_recognize}[args.command]
    return handler(args)


def _error(message: str) -> int:
    print(f"bianmin: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def _overrides(items) -> dict[str, str]:
    from bianmin.geometry.properties import KEYS
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().upper()
        if not sep or key not in KEYS:
            raise ValueError(f"--set {item!r}: 应为 KEY=VALUE，KEY 为 {', '.join(KEYS)} 之一")
        out[key] = value
    return out


def _load_config(path):
    from .config import Config, ConfigError
    if not path:
        return Config()
    try:
        return Config.load(path)
    except ConfigError as exc:
        raise ValueError(str(exc)) from None


def cmd_validate(args) -> int:
    from . import batch
    from .report import WRITERS
    try:
        overrides = _overrides(args.overrides)
        config = _load_config(args.config)
    except ValueError as exc:
        return _error(str(exc))
    if args.format == "pdf" and not args.output:
        return _error("--format pdf 需要 -o 输出文件 / --format pdf needs -o FILE")
    if args.jobs is not None and args.jobs < 1:
        return _error("--jobs 应为正整数 / --jobs must be at least 1")
    files, missing = batch.collect(args.paths)
    if missing:
        for m in missing:
            print(f"bianmin: 找不到 / not found: {m}", file=sys.stderr)
    if not files and not missing:
        return _error("没有找到 DXF 文件 / no DXF files found")
    progress = None
    if not args.quiet and len(files) > 3 and sys.stderr.isatty():
        progress = batch.terminal_progress()
    jobs = args.jobs or batch.default_jobs()
    reports = batch.run(files, config, profile=args.profile, overrides=overrides, jobs=jobs, progress=progress)
    summary = batch.summarize(reports)
    if missing:
        summary.unreadable += len(missing)
        summary.files += len(missing)
    if args.format == "pdf":
        from bianmin.designer.sheets.report import write_batch_report
        write_batch_report(reports, summary, config.ruleset, Path(args.output), lang=args.lang)
    else:
        text = WRITERS[args.format](reports, summary, config.ruleset, args.lang)
        if args.output:
            out = Path(args.output)
            encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
            _write_text(out, text, encoding)
        elif not (args.quiet and args.format == "text"):
            sys.stdout.write(text)
    if missing or any(r.status == "unreadable" for r in reports):
        return EXIT_UNREADABLE
    if any(r.status == "fail" for r in reports):
        return EXIT_FAIL
    return EXIT_PASS


def _write_text(path: Path, text: str, encoding: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding=encoding, newline="")
    tmp.replace(path)


def cmd_rules(args) -> int:
    from .rule_docs import rules_json, rules_markdown, rules_text
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
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        shutil.copyfile(path_of(args.template), tmp)
        tmp.replace(out)
    except OSError as exc:
        return _error(f"无法写入 {out}：{exc.strerror or exc}")
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
    try:
        if args.what == "pdf":
            from bianmin.designer.sheets.drawing import export_drawing
            export_drawing(Path(args.plan), Path(args.output), paper=args.paper, orientation=args.orientation,
                           scale=args.scale, drawing_no=args.drawing_no, designer=args.designer,
                           checker=args.checker, approver=args.approver)
        else:
            from bianmin.designer.sheets.report import export_report
            export_report(Path(args.plan), Path(args.output), config=_load_config(args.config), lang=args.lang)
    except ValueError as exc:
        return _error(str(exc))
    except OSError as exc:
        return _error(f"无法写入 {args.output}：{exc.strerror or exc}")
    except Exception as exc:  # never a traceback for the user; the message says what broke
        return _error(f"导出失败 / export failed: {type(exc).__name__}: {exc}")
    print(f"已导出 / exported {args.output}")
    return EXIT_PASS


def cmd_recognize(args) -> int:
    from .cli_recognize import run
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
