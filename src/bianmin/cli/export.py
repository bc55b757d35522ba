"""``bianmin export pdf`` (the drawing set) and ``bianmin export report`` (one plan's check report)."""

from __future__ import annotations

import sys
from pathlib import Path

from bianmin.cli.exits import EXIT_PASS, error
from bianmin.cli.output_clash import output_clash
from bianmin.cli.write_errors import cannot_write


def cmd_export(args) -> int:
    if args.what is None:
        return error("export pdf 或 export report / export what?")
    if clash := output_clash(Path(args.output), [Path(args.plan)]):
        return error(clash)
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
            from bianmin.geometry.dxf.render import LEFT_OUT  # what the last background drawing left out

            for reason in LEFT_OUT:  # the rest of the architect's drawing is on the sheet
                print(f"bianmin: 底图中未画出 / left out of the background: {reason}", file=sys.stderr)
        else:
            return _export_report(args)
    except ValueError as exc:
        return error(str(exc))
    except OSError as exc:
        return error(cannot_write(args.output, exc))
    except MemoryError:  # said by cli/work_limits.py, not as a broken drawing
        raise
    except Exception as exc:  # never a traceback for the user; the message says what broke
        return error(f"导出失败 / export failed: {type(exc).__name__}: {exc}")
    print(f"已导出 / exported {args.output}")
    return EXIT_PASS


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
        return error(f"无法读取图纸 {args.plan}：{exc}")
    if not read.bm_content:
        from bianmin.standards.engine import NOT_A_PLAN, NOT_A_PLAN_ADVICE

        return error(f"{args.plan}：{NOT_A_PLAN[0]}；{NOT_A_PLAN_ADVICE[0]} / {NOT_A_PLAN[1]}; {NOT_A_PLAN_ADVICE[1]}")
    report = check(read.intake, config, path=str(args.plan))
    write_plan_report(report, read, config.ruleset, Path(args.output), args.lang)
    print(f"已导出 / exported {args.output}")
    return EXIT_PASS
