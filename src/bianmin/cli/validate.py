"""``bianmin validate``: check plans (files or folders) and write the report in one format.

The files are found and checked by cli/batch.py; the report views are standards/report (text,
JSON, HTML, CSV) and drawing/report.py (PDF)."""

from __future__ import annotations

import sys
from pathlib import Path

from bianmin.cli.exits import EXIT_FAIL, EXIT_PASS, EXIT_UNREADABLE, error
from bianmin.cli.output_clash import output_clash
from bianmin.cli.write_errors import cannot_write


def cmd_validate(args) -> int:
    from bianmin.cli import batch
    from bianmin.cli.plan_files import collect
    from bianmin.cli.summary import summarize
    from bianmin.standards.config import Config
    from bianmin.standards.report import WRITERS

    try:
        overrides = _overrides(args.overrides)
        config = Config.from_option(args.config)
    except ValueError as exc:
        return error(str(exc))
    if args.format == "pdf" and not args.output:
        return error("--format pdf 需要 -o 输出文件 / --format pdf needs -o FILE")
    if args.jobs is not None and args.jobs < 1:
        return error("--jobs 应为正整数 / --jobs must be at least 1")
    files, skipped = collect(args.paths)
    if not files and not skipped:
        return error("没有找到 DXF/DWG 文件 / no DXF or DWG files found")
    if args.output and (clash := output_clash(Path(args.output), files)):
        return error(clash)
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
    summary = summarize(reports)
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
        return error(cannot_write(args.output, exc))
    if any(r.status in ("unreadable", "not-a-plan") for r in reports):
        return EXIT_UNREADABLE
    if any(r.status == "fail" for r in reports):
        return EXIT_FAIL
    return EXIT_PASS


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


def _drawing_reader(overrides):
    """Reads a plan again for its figure in the batch PDF (the check ran in a worker process)."""

    def read(path):
        from bianmin.geometry.dxf.read import PlanReadError, read_plan

        try:
            return read_plan(Path(path), overrides=overrides, split="draw")
        except (PlanReadError, OSError):
            return None

    return read
